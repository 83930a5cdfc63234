// The built server process end to end: rate limits keyed on the socket address (X-Forwarded-For
// believed only from a trusted proxy), and the signed webhook announcing a new request.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { mintWebhookSecret } from '@ptfx/intake';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mintStaffToken } from './http/staff-auth.js';
import { type ServerProcess, startServerProcess } from './test-support/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'ptfx-intake-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
let dbCount = 0;
async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATABASE_URL: `file:${join(dir, `db-${dbCount++}.db`)}`,
    PTFX_LOG: 'silent',
    ...env,
  });
  running.push(server);
  return server;
}
const post = (server: ServerProcess, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/consultation-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(CONSULTATION_REQUEST_EXAMPLE),
  });

describe('rate limit by client address', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy (L1)', async () => {
    const server = await serve({ PTFX_INTAKE_RATE_LIMIT: '2/600' });
    const statuses = [];
    for (const forwarded of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await post(server, { 'X-Forwarded-For': forwarded })).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('counts each forwarded client apart behind a trusted proxy', async () => {
    const server = await serve({
      PTFX_INTAKE_RATE_LIMIT: '1/600',
      PTFX_TRUSTED_PROXIES: '127.0.0.1',
    });
    const first = await post(server, { 'X-Forwarded-For': '198.51.100.1' });
    const second = await post(server, { 'X-Forwarded-For': '198.51.100.2' });
    // The client put a fake address first; the proxy appended the real one.
    const spoofed = await post(server, { 'X-Forwarded-For': '203.0.113.9, 198.51.100.1' });
    expect([first.status, second.status, spoofed.status]).toEqual([201, 201, 429]);
    expect(spoofed.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('webhook', () => {
  it('announces a stored request with a valid signature, carrying its id and staff link only', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const address = hook.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const secret = mintWebhookSecret();
    const staff = mintStaffToken('alice');
    try {
      const server = await serve({
        PTFX_WEBHOOK_URL: `http://127.0.0.1:${port}/ptfx-hook`,
        PTFX_WEBHOOK_SECRET: secret,
        PTFX_STAFF_TOKENS: staff.line,
        PTFX_BASE_URL: 'https://api.clinic.example',
      });
      const res = await post(server);
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      for (let i = 0; i < 250 && received.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(received).toHaveLength(1);
      const [delivery] = received;
      if (!delivery) throw new Error('no delivery');
      // Standard Webhooks: the library itself verifies it, and parses the envelope.
      const headers = delivery.headers as Record<string, string>;
      expect(new Webhook(secret).verify(delivery.body, headers)).toEqual({
        type: 'consultation-request.created',
        timestamp: expect.any(String),
        data: {
          id,
          staffUrl: `https://api.clinic.example/v1/staff/consultation-requests/${id}`,
          receivedAt: expect.any(String),
        },
      });
      expect(headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(delivery.body).not.toMatch(/Ana|Reyes|0142|back/);
      expect(() => new Webhook(mintWebhookSecret()).verify(delivery.body, headers)).toThrow();
    } finally {
      hook.close();
    }
  });

  it('answers 201 at once while the webhook is down', async () => {
    const server = await serve({
      PTFX_WEBHOOK_URL: 'http://127.0.0.1:9/nothing-listens-here',
      PTFX_WEBHOOK_SECRET: mintWebhookSecret(),
    });
    const res = await post(server);
    expect(res.status).toBe(201);
  });
});
