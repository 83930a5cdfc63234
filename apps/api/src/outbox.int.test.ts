// The API's outbox wiring on a real SQLite store and a real receiver: the announcement it builds
// is stored with the request, sent at once on wake(), verified by the standardwebhooks library,
// and stop() leaves nothing pending.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { mintWebhookSecret } from '@ptfx/intake';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { LEASE_PER_TIMEOUT, staffRequestUrl, startOutbox } from './outbox.js';
import { tempSqliteStore } from './test-support/app.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const content = requestContent(ConsultationRequestSchema.parse(CONSULTATION_REQUEST_EXAMPLE));

describe('startOutbox', () => {
  it('announces a stored request with its staff link, verified by standardwebhooks, at once on wake', async () => {
    const secret = mintWebhookSecret();
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
    cleanups.push(() => new Promise<void>((resolve) => hook.close(() => resolve())));
    const { port } = hook.address() as AddressInfo;
    const temp = await tempSqliteStore();
    cleanups.push(() => temp.dispose());
    const lines: Record<string, unknown>[] = [];
    let claims = 0;
    const outbox = startOutbox({
      webhook: {
        url: `http://127.0.0.1:${port}/hook`,
        secret,
        maxAttempts: 8,
        timeoutMs: 2000,
      },
      store: {
        claimOutbox: async (input) => {
          const claimed = await temp.store.claimOutbox(input);
          claims += 1;
          return claimed;
        },
        settleOutbox: (messageId, settlement) => temp.store.settleOutbox(messageId, settlement),
      },
      baseUrl: 'https://api.clinic.example',
      logger: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
      // Never polls during the test: only wake() sends.
      pollMs: 3_600_000,
    });
    cleanups.push(() => outbox.stop());

    const id = '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11';
    const receivedAt = new Date();
    const announce = outbox.announcement(id, receivedAt);
    expect(announce.id).toMatch(/^msg_[0-9a-f]{32}$/);
    // Let the first look (at start) pass, so that only the wake-up can send it.
    for (let i = 0; i < 500 && claims === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(claims).toBe(1);
    const outcome = await temp.store.createRequest({
      id,
      receivedAt,
      content,
      response: { status: 201, body: '{}' },
      announce,
    });
    expect(outcome.kind).toBe('created');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received).toHaveLength(0);
    outbox.wake();
    for (let i = 0; i < 200 && received.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(
      new Webhook(secret).verify(delivery?.body ?? '', delivery?.headers as Record<string, string>),
    ).toEqual({
      type: 'consultation-request.created',
      timestamp: receivedAt.toISOString(),
      data: {
        id,
        staffUrl: staffRequestUrl('https://api.clinic.example', id),
        receivedAt: receivedAt.toISOString(),
      },
    });
    expect(delivery?.headers['webhook-id']).toBe(announce.id);
    await outbox.stop();
    const page = await temp.store.listOutbox(
      { limit: 10 },
      {
        at: new Date(),
        staff: 't',
        action: 'outbox.list',
        targetId: null,
        requestId: 't',
        outcome: 'ok',
      },
    );
    expect(page.items.map((m) => [m.id, m.status, m.attempts])).toEqual([
      [announce.id, 'delivered', 1],
    ]);
    expect(lines.map((l) => l.outcome)).toEqual(['delivered', 'stopped']);
    expect(LEASE_PER_TIMEOUT).toBe(3);
  });

  it('escapes the request id in the staff link', () => {
    expect(staffRequestUrl('https://api.example', 'a/b?c')).toBe(
      'https://api.example/v1/staff/consultation-requests/a%2Fb%3Fc',
    );
  });
});
