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
import {
  type AuditEntry,
  mintWebhookSecret,
  nodeSqlite,
  openPostgresStore,
  type RequestCursor,
  type Store,
} from '@ptfx/intake';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
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
const receivers: Server[] = [];
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(running.map((server) => server.exited));
  for (const receiver of receivers) {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
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
  receivers.push(server);
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

const unavailable = pgUnavailableReason();
const describePg = unavailable === undefined ? describe : describe.skip;

describePg(
  unavailable === undefined
    ? 'the outbox on PostgreSQL with two instances'
    : `the outbox on PostgreSQL with two instances (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster | undefined;
    let store: Store | undefined;
    afterAll(async () => {
      await store?.close().catch(() => {});
      await cluster?.stop();
    });

    const audit = (action: 'outbox.list' | 'request.list'): AuditEntry => ({
      at: new Date(),
      staff: 'outbox-crash-test',
      action,
      targetId: null,
      requestId: 'outbox-crash-test',
      outcome: 'ok',
    });

    /** Every stored request id, and every outbox row with the request it announces. */
    async function pgStored(s: Store) {
      const requests: string[] = [];
      let after: RequestCursor | undefined;
      do {
        const page = await s.listRequests(
          { limit: 100, ...(after ? { after } : {}) },
          audit('request.list'),
        );
        requests.push(...page.items.map((r) => r.id));
        after = page.next;
      } while (after);
      const outbox: { id: string; requestId: string; status: string }[] = [];
      let before: string | undefined;
      do {
        const page = await s.listOutbox(
          { limit: 100, ...(before ? { before } : {}) },
          audit('outbox.list'),
        );
        for (const m of page.items) {
          const payload = JSON.parse(m.payload) as { data: { id: string } };
          outbox.push({ id: m.id, requestId: payload.data.id, status: m.status });
        }
        before = page.next;
      } while (before);
      return { requests, outbox };
    }

    async function pgSettled(s: Store, seen: Seen, ms: number) {
      const deadline = Date.now() + ms;
      for (;;) {
        const now = await pgStored(s);
        const missing = now.requests.filter((id) => !seen.byRequest.has(id));
        const pending = now.outbox.filter((m) => m.status !== 'delivered').length;
        if ((missing.length === 0 && pending === 0) || Date.now() > deadline) {
          return { ...now, missing, pending };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    /** Posts `count` requests from CLIENTS clients, spread over the instances. */
    async function post(targets: readonly ServerProcess[], label: string, count: number) {
      let n = 0;
      let acknowledged = 0;
      const client = async (c: number) => {
        const target = targets[c % targets.length] as ServerProcess;
        for (let i = n++; i < count; i = n++) {
          const res = await fetch(`${target.url}/v1/consultation-requests`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Idempotency-Key': `outbox-pg-${label}-${i}-key`,
            },
            body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason: `${label} ${i}` }),
          });
          if (res.status === 201) acknowledged += 1;
          await res.body?.cancel();
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
      return acknowledged;
    }

    it('two instances share the outbox without sending twice, and one takes over a killed one’s claims', async () => {
      cluster = await startPgCluster();
      if (!cluster) throw new Error('no PostgreSQL');
      const url = await cluster.createDatabase('outbox_crash');
      const hook = await startReceiver();
      const env = {
        DATABASE_URL: url,
        PTFX_INTAKE_RATE_LIMIT: '100000/60',
        PTFX_LOG: 'silent',
        PTFX_WEBHOOK_URL: hook.url,
        PTFX_WEBHOOK_SECRET: secret,
        // Long enough that no attempt times out on a busy machine (a timed-out attempt the
        // receiver did get is sent again: a duplicate); a killed instance's claims free in 15 s.
        PTFX_WEBHOOK_TIMEOUT_MS: '5000',
      };
      const a = await startServerProcess(env);
      running.push(a);
      const b = await startServerProcess(env);
      running.push(b);
      store = await openPostgresStore({ url });

      // The normal case: both instances poll and are woken; each message is claimed by one.
      const acknowledged = await post([a, b], 'normal', 200);
      expect(acknowledged).toBe(200);
      const normal = await pgSettled(store, hook.seen, 60_000);
      expect(normal.missing).toEqual([]);
      expect(normal.pending).toBe(0);
      expect(normal.requests).toHaveLength(200);
      const normalDeliveries = hook.seen.deliveries;
      console.info(
        `outbox on PostgreSQL, two instances: 200 stored, ${normalDeliveries} deliveries (${normalDeliveries - 200} duplicates)`,
      );
      expect(normalDeliveries).toBe(200);

      // A crash: instance a is killed mid-burst; b sends what a stored or had claimed.
      let alive = true;
      const burst = (async () => {
        let i = 0;
        while (alive) {
          const target = i % 2 === 0 ? a : b;
          try {
            const res = await fetch(`${target.url}/v1/consultation-requests`, {
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                'Idempotency-Key': `outbox-pg-crash-${i}-key`,
              },
              body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason: `crash ${i}` }),
            });
            await res.body?.cancel();
          } catch {
            // a is gone; b goes on
          }
          i += 1;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
      a.child.kill('SIGKILL');
      await a.exited;
      await new Promise((resolve) => setTimeout(resolve, 200));
      alive = false;
      await burst;
      const after = await pgSettled(store, hook.seen, 60_000);
      expect(after.missing, 'stored but never announced').toEqual([]);
      expect(after.pending).toBe(0);
      const rowId = new Map(after.outbox.map((m) => [m.requestId, m.id]));
      expect(after.outbox.map((m) => m.requestId).sort()).toEqual([...after.requests].sort());
      for (const id of after.requests) {
        expect([...(hook.seen.byRequest.get(id) ?? [])], id).toEqual([rowId.get(id)]);
      }
      expect(hook.seen.rejected).toBe(0);
      console.info(
        `outbox on PostgreSQL after a SIGKILL: ${after.requests.length} stored, ${hook.seen.deliveries} deliveries (${hook.seen.deliveries - after.requests.length} duplicates)`,
      );
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
    }, 180_000);
  },
);
