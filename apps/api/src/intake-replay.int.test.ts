// Replays on PostgreSQL, through HTTP, with two API instances sharing one database of the private
// cluster: once a key's first request is stored, any number of concurrent retries with that key
// and body get its answer (from either instance, no 409); while the first is still inside its
// transaction, duplicates get 409 with Retry-After from both instances, and nothing is stored twice.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { openPostgresStore, type Store } from '@ptfx/intake';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleApp, TEST_STAFF, type TestApp } from './test-support/app.js';

const run = promisify(execFile);
const unavailable = pgUnavailableReason();
if (unavailable !== undefined && process.env.CI) {
  describe('replays on PostgreSQL', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL (${unavailable})`);
    });
  });
}
const describePg = unavailable === undefined ? describe : describe.skip;

/** psql from the same installation as the cluster's binaries. */
async function psqlPath(): Promise<string> {
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    return `${stdout.trim()}/psql`;
  } catch {
    return 'psql';
  }
}

/**
 * A psql session that holds `LOCK TABLE … IN EXCLUSIVE MODE` on the request table in an open
 * transaction: reads go on, every insert waits. A create that got its key's lock waits there,
 * in flight, until {@link TableLock.release}.
 */
interface TableLock {
  release(): Promise<void>;
}
async function lockRequestTable(psql: string, url: string): Promise<TableLock> {
  const child: ChildProcessWithoutNullStreams = spawn(
    psql,
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url],
    { stdio: 'pipe' },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.write(
    "BEGIN;\nLOCK TABLE consultation_requests IN EXCLUSIVE MODE;\nSELECT 'locked';\n",
  );
  for (let i = 0; i < 500 && !output.includes('locked'); i++) {
    if (child.exitCode !== null) throw new Error(`psql could not take the lock: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!output.includes('locked')) throw new Error(`psql did not take the lock: ${output}`);
  return {
    release: async () => {
      child.stdin.end('COMMIT;\n');
      const code = await exited;
      if (code !== 0) throw new Error(`psql exited with ${code}: ${output}`);
    },
  };
}

/** How many sessions of the database wait on a lock right now. */
async function lockWaiters(psql: string, url: string): Promise<number> {
  const { stdout } = await run(psql, [
    '-X',
    '-At',
    '-c',
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    url,
  ]);
  return Number(stdout.trim());
}

/** Polls `done` every 20 ms, for at most 10 s. */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describePg(
  unavailable === undefined
    ? 'replays on PostgreSQL, two instances'
    : `replays on PostgreSQL, two instances (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster;
    let psql: string;
    const stores: Store[] = [];
    beforeAll(async () => {
      const started = await startPgCluster();
      if (!started) throw new Error('no PostgreSQL');
      cluster = started;
      psql = await psqlPath();
    });
    afterAll(async () => {
      for (const store of stores) await store.close().catch(() => {});
      await cluster?.stop();
    });

    async function instance(url: string): Promise<TestApp> {
      const store = await openPostgresStore({ url, connectTimeoutSeconds: 2 });
      stores.push(store);
      return await sampleApp({ store, intakeRateLimit: { limit: 100_000, windowMs: 60_000 } });
    }
    const post = (t: TestApp, key: string) =>
      t.app.request('/v1/consultation-requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(CONSULTATION_REQUEST_EXAMPLE),
      });
    async function storedCount(t: TestApp): Promise<number> {
      const res = await t.app.request('/v1/staff/consultation-requests?limit=100', {
        headers: { Authorization: TEST_STAFF.authorization },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: unknown[] }).items.length;
    }

    it('replays the stored answer to 200 concurrent retries across both instances: no 409', async () => {
      const url = await cluster.createDatabase('replay_after');
      const a = await instance(url);
      const b = await instance(url);
      const key = 'c6a1e7f0-replayed-200-times-on-pg';
      const first = await post(a, key);
      expect(first.status).toBe(201);
      const original = await first.text();
      const retries = await Promise.all(
        Array.from({ length: 200 }, (_, i) => post(i % 2 === 0 ? a : b, key)),
      );
      expect(retries.map((r) => r.status)).toEqual(Array(200).fill(201));
      expect(retries.every((r) => r.headers.get('idempotent-replayed') === 'true')).toBe(true);
      expect(new Set(await Promise.all(retries.map((r) => r.text())))).toEqual(new Set([original]));
      expect(await storedCount(a)).toBe(1);
    });

    it('answers duplicates with 409 and Retry-After on both instances while the first is in its transaction', async () => {
      const url = await cluster.createDatabase('replay_in_flight');
      const a = await instance(url);
      const b = await instance(url);
      const key = '5d2f8e11-in-flight-on-instance-a';
      const lock = await lockRequestTable(psql, url);
      const first = post(a, key);
      const onB: Promise<Response>[] = [];
      try {
        // The first holds its key (and its client's rate-limit row) and waits to insert.
        await until('the first create to wait', async () => (await lockWaiters(psql, url)) >= 1);
        // The same instance knows at once.
        const onA = await Promise.all(Array.from({ length: 20 }, () => post(a, key)));
        expect(onA.map((r) => r.status)).toEqual(Array(20).fill(409));
        expect(onA.every((r) => r.headers.get('retry-after') === '1')).toBe(true);
        // The other finds the key's lock taken. Its answer may wait for the first's rate-limit
        // row (same client); either way it has seen the key in flight before the first commits.
        let settled = 0;
        for (let i = 0; i < 5; i++)
          onB.push(Promise.resolve(post(b, key)).finally(() => (settled += 1)));
        await until(
          "the other instance's duplicates to be answered or to wait behind the first",
          async () => settled + (await lockWaiters(psql, url)) - 1 >= 5,
        );
      } finally {
        await lock.release();
      }
      const fromB = await Promise.all(onB);
      expect(fromB.map((r) => r.status)).toEqual(Array(5).fill(409));
      expect(fromB.every((r) => r.headers.get('retry-after') === '1')).toBe(true);
      const stored = await first;
      expect(stored.status).toBe(201);
      const original = await stored.text();
      const after = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(i % 2 === 0 ? a : b, key)),
      );
      expect(after.map((r) => r.status)).toEqual(Array(40).fill(201));
      expect(new Set(await Promise.all(after.map((r) => r.text())))).toEqual(new Set([original]));
      expect(await storedCount(b)).toBe(1);
    });
  },
);
