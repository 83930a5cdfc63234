// The transactional outbox survives SIGKILL: bursts of requests against the real server process
// with a webhook configured, the process killed at a random moment, restarted; every request the
// database holds is announced at least once, to a receiver that verifies each delivery with the
// standardwebhooks library, and a request announced twice is announced with the same webhook-id.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { mintWebhookSecret, nodeSqlite } from '@ptfx/intake';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './test-support/server-process.js';

/** Kill-and-restart trials. */
const TRIALS = 20;
/** Clients posting at once during a burst. */
const CLIENTS = 8;

const dir = mkdtempSync(join(tmpdir(), 'ptfx-outbox-crash-'));
const dbPath = join(dir, 'ptfx.db');
const secret = mintWebhookSecret();
const running: ServerProcess[] = [];
let receiver: Server | undefined;
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await new Promise<void>((resolve) => {
    receiver?.closeAllConnections();
    if (receiver) receiver.close(() => resolve());
    else resolve();
  });
  rmSync(dir, { recursive: true, force: true });
});

/** What the receiver saw: for each request id, the webhook-ids it was announced with, and how often. */
interface Seen {
  /** request id → webhook-ids it came with. */
  readonly byRequest: Map<string, Set<string>>;
  /** Deliveries in all, duplicates included. */
  deliveries: number;
  /** Deliveries the standardwebhooks library refused. */
  rejected: number;
}

/** A receiver built on the standardwebhooks library; a little slow, so crashes catch some in flight. */
async function startReceiver(): Promise<{ url: string; seen: Seen }> {
  const wh = new Webhook(secret);
  const seen: Seen = { byRequest: new Map(), deliveries: 0, rejected: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: { data: { id: string } };
      try {
        payload = wh.verify(body, req.headers as Record<string, string>) as typeof payload;
      } catch {
        seen.rejected += 1;
        res.writeHead(401).end();
        return;
      }
      seen.deliveries += 1;
      const ids = seen.byRequest.get(payload.data.id) ?? new Set<string>();
      ids.add(String(req.headers['webhook-id']));
      seen.byRequest.set(payload.data.id, ids);
      setTimeout(() => res.writeHead(204).end(), Math.random() * 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = server;
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/ptfx`, seen };
}

/** What the SQLite file holds: every request id, and each outbox row's request id and status. */
function stored(): {
  requests: string[];
  outbox: { id: string; requestId: string; status: string }[];
} {
  const db = new (nodeSqlite().DatabaseSync)(dbPath, { readOnly: true });
  try {
    const requests = (
      db.prepare('SELECT id FROM consultation_requests').all() as { id: string }[]
    ).map((r) => r.id);
    const outbox = db
      .prepare("SELECT id, json_extract(payload, '$.data.id') AS requestId, status FROM outbox")
      .all() as { id: string; requestId: string; status: string }[];
    return { requests, outbox };
  } finally {
    db.close();
  }
}

/** Posts from CLIENTS clients until the process dies, killing it with SIGKILL at a random moment. */
async function burstAndKill(server: ServerProcess, trial: number): Promise<number> {
  let alive = true;
  let acknowledged = 0;
  let n = 0;
  const client = async () => {
    while (alive) {
      const i = n++;
      try {
        const res = await fetch(`${server.url}/v1/consultation-requests`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': `outbox-crash-${trial}-${i}-key`,
          },
          body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason: `Trial ${trial}, ${i}` }),
        });
        if (res.status === 201) acknowledged += 1;
        await res.body?.cancel();
      } catch {
        alive = false;
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 350));
  server.child.kill('SIGKILL');
  await server.exited;
  alive = false;
  await Promise.all(clients);
  return acknowledged;
}

/** Waits until every stored request was received and every outbox row is delivered. */
async function settled(seen: Seen, ms: number): Promise<{ missing: string[]; pending: number }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = stored();
    const missing = now.requests.filter((id) => !seen.byRequest.has(id));
    const pending = now.outbox.filter((m) => m.status !== 'delivered').length;
    if ((missing.length === 0 && pending === 0) || Date.now() > deadline) {
      return { missing, pending };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the outbox under SIGKILL', () => {
  it(`announces every stored request at least once, with one webhook-id each, over ${TRIALS} trials`, async () => {
    const hook = await startReceiver();
    const env = {
      DATABASE_URL: `file:${dbPath}`,
      PTFX_INTAKE_RATE_LIMIT: '100000/60',
      PTFX_LOG: 'silent',
      PTFX_WEBHOOK_URL: hook.url,
      PTFX_WEBHOOK_SECRET: secret,
      // A claim's lease is three times this: a killed process's claims are free again in 3 s.
      PTFX_WEBHOOK_TIMEOUT_MS: '1000',
    };
    let acknowledged = 0;
    let server = await startServerProcess(env);
    running.push(server);
    for (let trial = 0; trial < TRIALS; trial++) {
      acknowledged += await burstAndKill(server, trial);
      server = await startServerProcess(env);
      running.push(server);
      // The restarted process sends what the killed one left: due messages at once, claimed
      // ones when their 3 s lease runs out.
      const after = await settled(hook.seen, 60_000);
      expect(after.missing, `trial ${trial}: stored but never announced`).toEqual([]);
      expect(after.pending, `trial ${trial}: outbox rows not delivered`).toBe(0);
    }
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const { requests, outbox } = stored();
    const duplicates = hook.seen.deliveries - requests.length;
    // The numbers, for the record (the README quotes them).
    console.info(
      `outbox crash: ${TRIALS} trials, ${acknowledged} acknowledged, ${requests.length} stored, ${hook.seen.deliveries} deliveries (${duplicates} duplicates), ${hook.seen.rejected} rejected`,
    );
    expect(acknowledged).toBeGreaterThan(0);
    expect(requests.length).toBeGreaterThanOrEqual(acknowledged);
    // One outbox row per stored request, written with it.
    expect(outbox.map((m) => m.requestId).sort()).toEqual([...requests].sort());
    // Every stored request announced; every announcement of one request carries one webhook-id,
    // the one its outbox row has.
    const rowId = new Map(outbox.map((m) => [m.requestId, m.id]));
    for (const id of requests) {
      expect([...(hook.seen.byRequest.get(id) ?? [])], id).toEqual([rowId.get(id)]);
    }
    // Nothing announced that is not stored, and the library accepted every delivery.
    expect([...hook.seen.byRequest.keys()].filter((id) => !rowId.has(id))).toEqual([]);
    expect(hook.seen.rejected).toBe(0);
  }, 300_000);
});
