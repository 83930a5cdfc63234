// The PostgreSQL adapter against a real, private PostgreSQL server (testing/pg-cluster.ts): the
// shared Store contract, then what only a server shows — two instances (pools) sharing one
// database, outages, restarts under load, a server that stops answering, concurrent migrations,
// the append-only trigger, TLS settings.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import {
  applyPostgresMigrations,
  IDEMPOTENCY_LOCK_PREFIX,
  openPostgresStore,
  type PostgresStoreOptions,
} from './postgres.js';
import {
  type CreateOutcome,
  gcra,
  type Store,
  StoreConfigError,
  StoreUnavailableError,
} from './store.js';
import {
  describeStoreContract,
  later,
  sampleAnnounce,
  sampleCreate,
  staffEntry,
  T0,
} from './testing/contract.js';
import { freePort } from './testing/free-port.js';
import { type PgCluster, pgUnavailableReason, startPgCluster } from './testing/pg-cluster.js';

const run = promisify(execFile);
const unavailable = pgUnavailableReason();

if (unavailable !== undefined && process.env.CI) {
  // Skipping would turn a broken CI image into a green run that tested nothing.
  describe('PostgreSQL store', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL: install Debian's postgresql package (${unavailable})`);
    });
  });
}

const describePg = unavailable === undefined ? describe : describe.skip;

/** What a call settled with. */
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describePg(
  unavailable === undefined ? 'PostgreSQL store' : `PostgreSQL store (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster;
    beforeAll(async () => {
      const started = await startPgCluster();
      if (started === undefined) throw new Error('startPgCluster found no PostgreSQL');
      cluster = started;
    });
    afterAll(async () => {
      await cluster?.stop();
    });

    /** Stores opened by the current test, with their database: closed and dropped after it. */
    const opened = new Map<Store, { readonly url: string; readonly database: string }>();
    const databases = new Set<string>();
    let counter = 0;

    /** A new, empty database. */
    const freshDatabase = async (prefix: string) => {
      const database = `${prefix}_${++counter}_${process.pid}`;
      databases.add(database);
      return { database, url: await cluster.createDatabase(database) };
    };
    const openOn = async (
      target: { readonly url: string; readonly database: string },
      options: Omit<PostgresStoreOptions, 'url'> = {},
    ) => {
      const store = await openPostgresStore({ url: target.url, ...options });
      opened.set(store, target);
      return store;
    };
    /** A connection of its own, as another client of the same database. */
    const withPg = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: url, ssl: false });
      client.on('error', () => {});
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end().catch(() => {});
      }
    };
    /** The rows of one query on a connection of its own. */
    const rowsOf = <R extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]) =>
      withPg(url, async (client) => (await client.query<R>(text, values)).rows);

    afterEach(async () => {
      // After the contract's own afterEach (hooks stack): closing twice is harmless.
      await Promise.all([...opened.keys()].map((store) => store.close()));
      opened.clear();
      for (const database of databases) await cluster.dropDatabase(database);
      databases.clear();
    });

    describeStoreContract('postgres', {
      open: async (options = {}) => {
        const { sameDatabaseAs, cipher } = options;
        const target =
          sameDatabaseAs === undefined
            ? await freshDatabase('contract')
            : opened.get(sameDatabaseAs);
        if (target === undefined) throw new Error('sameDatabaseAs is not a store from open()');
        return openOn(target, cipher === undefined ? {} : { cipher });
      },
      rawExec: async (store, text) => {
        const target = opened.get(store);
        if (target === undefined) throw new Error('not a store from open()');
        await withPg(target.url, (client) => client.query(text));
      },
    });

    describe('two instances on one database', () => {
      it('allow exactly the GCRA limit of 40 concurrent hits on a new bucket across both', async () => {
        const target = await freshDatabase('rate');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const policy = { bucket: 'ip:1', limit: 25, windowMs: 50_000, now: T0 };
        const results = await Promise.all(
          Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).hitRateLimit(policy)),
        );
        expect(results.filter((r) => r.allowed)).toHaveLength(25);
        // Each allowed hit saw a different state: remaining counts down 24…0 exactly once.
        expect(
          results
            .filter((r) => r.allowed)
            .map((r) => r.remaining)
            .sort((x, y) => y - x),
        ).toEqual(Array.from({ length: 25 }, (_, i) => 24 - i));
        for (const refused of results.filter((r) => !r.allowed)) {
          expect(refused).toEqual({
            allowed: false,
            limit: 25,
            remaining: 0,
            resetMs: 50_000,
            retryAfterMs: 2000,
          });
        }
        // The stored TAT is 25 intervals (2 s each) after T0: no hit counted twice or lost.
        expect(await rowsOf(target.url, 'SELECT bucket, tat::text FROM rate_limits')).toEqual([
          { bucket: 'ip:1', tat: String(T0.getTime() + 50_000) },
        ]);
      });

      it('create exactly the limit among 30 concurrent rate-limited creates across both, storing only those', async () => {
        const target = await freshDatabase('rate_create');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            (i % 2 === 0 ? a : b).createRequest({
              ...sampleCreate({ idempotency: { key: `k-${i}`, fingerprint: 'a'.repeat(64) } }),
              rateLimit: { bucket: 'ip:2', limit: 10, windowMs: 60_000, now: T0 },
              announce: sampleAnnounce(),
            }),
          ),
        );
        const kinds = outcomes.map((o) => o.kind);
        expect(kinds.filter((k) => k === 'created')).toHaveLength(10);
        expect(kinds.filter((k) => k === 'rate-limited')).toHaveLength(20);
        const [counts] = await rowsOf<{ requests: number; keys: number; messages: number }>(
          target.url,
          `SELECT (SELECT count(*)::int FROM consultation_requests) AS requests,
                  (SELECT count(*)::int FROM idempotency_keys) AS keys,
                  (SELECT count(*)::int FROM outbox) AS messages`,
        );
        expect(counts).toEqual({ requests: 10, keys: 10, messages: 10 });
      });

      it('store one request for concurrent creates with one key across both', async () => {
        const target = await freshDatabase('idem');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const claim = { key: 'key-shared', fingerprint: 'c'.repeat(64) };
        for (let round = 0; round < 3; round++) {
          const key = `${claim.key}-${round}`;
          const inputs = Array.from({ length: 20 }, () =>
            sampleCreate({ idempotency: { ...claim, key } }),
          );
          const outcomes: CreateOutcome[] = await Promise.all(
            inputs.map((input, i) => (i % 2 === 0 ? a : b).createRequest(input)),
          );
          const winners = inputs.filter((_, i) => outcomes[i]?.kind === 'created');
          expect(winners).toHaveLength(1);
          for (const outcome of outcomes) {
            expect(['created', 'replay', 'key-in-flight']).toContain(outcome.kind);
            if (outcome.kind === 'replay') expect(outcome.response).toEqual(winners[0]?.response);
          }
          const rows = await rowsOf<{ id: string }>(
            target.url,
            `SELECT r.id FROM consultation_requests r JOIN idempotency_keys k ON k.request_id = r.id
             WHERE k.key = $1`,
            [key],
          );
          expect(rows.map((r) => r.id)).toEqual([winners[0]?.id]);
        }
        const [count] = await rowsOf<{ n: number }>(
          target.url,
          'SELECT count(*)::int AS n FROM consultation_requests',
        );
        expect(count?.n).toBe(3);
      });

      it('answer key-in-flight while another transaction holds the key, created after', async () => {
        const target = await freshDatabase('inflight');
        const store = await openOn(target);
        const claim = { key: 'key-held', fingerprint: 'f'.repeat(64) };
        await withPg(target.url, async (client) => {
          await client.query('BEGIN');
          await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || $2::text, 0))`, [
            IDEMPOTENCY_LOCK_PREFIX,
            claim.key,
          ]);
          for (let i = 0; i < 3; i++) {
            expect(await store.createRequest(sampleCreate({ idempotency: claim }))).toEqual({
              kind: 'key-in-flight',
            });
          }
          // Another key is not held up.
          const other = sampleCreate({ idempotency: { ...claim, key: 'key-other' } });
          expect((await store.createRequest(other)).kind).toBe('created');
          await client.query('COMMIT');
        });
        const input = sampleCreate({ idempotency: claim });
        expect(await store.createRequest(input)).toEqual({
          kind: 'created',
          response: input.response,
        });
      });

      it('replay a key committed meanwhile by a writer that took no lock (the primary key decides)', async () => {
        const target = await freshDatabase('nolock');
        const store = await openOn(target);
        const claim = { key: 'key-raced', fingerprint: 'e'.repeat(64) };
        const first = sampleCreate({ idempotency: claim });
        await withPg(target.url, async (client) => {
          // Another writer inserts the key without the advisory lock and has not committed yet.
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO consultation_requests (id, received_at, status_changed_at, content)
             VALUES ($1, $2, $2, $3)`,
            [first.id, T0.toISOString(), JSON.stringify(first.content)],
          );
          await client.query(
            `INSERT INTO idempotency_keys
               (key, fingerprint, request_id, response_status, response_body, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [claim.key, claim.fingerprint, first.id, 201, first.response.body, T0.toISOString()],
          );
          // Ours reads no key, takes the lock, and its key insert waits for the other writer…
          const ours = store.createRequest({
            ...sampleCreate({ idempotency: claim }),
            rateLimit: { bucket: 'ip:r', limit: 1, windowMs: 60_000, now: T0 },
          });
          await sleep(300);
          // …which commits: ours is refused by the primary key, rolls back and replays.
          await client.query('COMMIT');
          expect(await ours).toEqual({ kind: 'replay', response: first.response });
        });
        // Nothing of ours was kept: one request, and the rate-limit hit was not counted.
        const [count] = await rowsOf<{ n: number }>(
          target.url,
          'SELECT count(*)::int AS n FROM consultation_requests',
        );
        expect(count?.n).toBe(1);
        expect(
          (await store.hitRateLimit({ bucket: 'ip:r', limit: 1, windowMs: 60_000, now: T0 }))
            .allowed,
        ).toBe(true);
      });

      it('share the outbox: concurrent claims from both take each message once, and skip a locked row without waiting', async () => {
        const target = await freshDatabase('outbox');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) {
          const input = { ...sampleCreate({ receivedAt: later(i) }), announce: sampleAnnounce() };
          expect((await a.createRequest(input)).kind).toBe('created');
          ids.push(input.announce.id);
        }
        await withPg(target.url, async (client) => {
          // Another deliverer's transaction holds the oldest message's row.
          await client.query('BEGIN');
          await client.query('SELECT id FROM outbox WHERE id = $1 FOR UPDATE', [ids[0]]);
          const claims = await Promise.all(
            Array.from({ length: 12 }, (_, i) =>
              (i % 2 === 0 ? a : b).claimOutbox({ now: later(60_000), leaseMs: 30_000, limit: 3 }),
            ),
          );
          const claimed = claims.flat().map((m) => m.id);
          expect(new Set(claimed).size).toBe(claimed.length);
          expect(claimed.sort()).toEqual(ids.slice(1).sort());
          await client.query('ROLLBACK');
        });
        // Once that lock is gone, the last one is there to claim; the leased ones are not.
        const rest = await b.claimOutbox({ now: later(60_000), leaseMs: 30_000, limit: 10 });
        expect(rest.map((m) => m.id)).toEqual([ids[0]]);
      });
    });

    it('decides createRequest rate limits in SQL (migration 3) exactly as gcra() does', async () => {
      const target = await freshDatabase('gcra');
      const store = await openOn(target);
      // Deterministic pseudo-random policies and arrival times, awkward intervals included
      // (windowMs / limit not an integer), arrivals bunched around the boundaries.
      let seed = 1147665244;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let bucket = 0; bucket < 12; bucket++) {
        const limit = 1 + random(7);
        const windowMs = 1000 + random(60_000);
        let tat: number | undefined;
        let now = T0.getTime();
        for (let i = 0; i < 25; i++) {
          now += random(3) === 0 ? 0 : random(Math.ceil((2 * windowMs) / limit));
          const hit = { bucket: `ip:${bucket}`, limit, windowMs, now: new Date(now) };
          const { newTatMs, ...expected } = gcra(tat, hit);
          if (newTatMs !== undefined) tat = newTatMs;
          const outcome = await store.createRequest({ ...sampleCreate(), rateLimit: hit });
          expect(outcome, `bucket ${bucket} hit ${i}`).toMatchObject({
            kind: expected.allowed ? 'created' : 'rate-limited',
            rate: expected,
          });
        }
        const [row] = await rowsOf<{ tat: string }>(
          target.url,
          'SELECT tat::text FROM rate_limits WHERE bucket = $1',
          [`ip:${bucket}`],
        );
        expect(Number(row?.tat)).toBe(tat);
      }
    });

    describe('outage', () => {
      it('fails fast while the server is down, and the same store works again after', async () => {
        const target = await freshDatabase('outage');
        const store = await openOn(target, { connectTimeoutSeconds: 2, pingTimeoutMs: 2000 });
        const before = sampleCreate();
        expect((await store.createRequest(before)).kind).toBe('created');

        await cluster.stopServer();
        try {
          for (const attempt of [
            () => store.ping(),
            () => store.createRequest(sampleCreate()),
            () => store.findIdempotencyKey('key-x'),
            () => store.hitRateLimit({ bucket: 'ip:1', limit: 5, windowMs: 60_000, now: T0 }),
            () => store.claimOutbox({ now: T0, leaseMs: 1000, limit: 5 }),
            () => store.getRequest(before.id, staffEntry('request.read', before.id)),
            () => store.ping(),
          ]) {
            const { error } = await settle<unknown>(attempt());
            expect(error).toBeInstanceOf(StoreUnavailableError);
            expect(error).toMatchObject({ reason: 'unreachable' });
          }
        } finally {
          await cluster.startServer();
        }

        // No reopen: the pool makes new connections on the next call.
        await store.ping();
        const after = sampleCreate();
        expect((await store.createRequest(after)).kind).toBe('created');
        expect((await store.getRequest(before.id, staffEntry('request.read', before.id)))?.id).toBe(
          before.id,
        );
        const page = await store.listRequests({ limit: 10 }, staffEntry('request.list'));
        expect(page.items.map((r) => r.id).sort()).toEqual([before.id, after.id].sort());
      });

      it('replaces connections the server ended (pg_terminate_backend) by itself', async () => {
        const target = await freshDatabase('terminated');
        const store = await openOn(target);
        await Promise.all(Array.from({ length: 5 }, () => store.ping()));
        const killed = await rowsOf<{ n: number }>(
          cluster.adminUrl,
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
           WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [target.database],
        );
        expect(killed[0]?.n).toBeGreaterThan(0);
        // A call may meet a connection that is closing: then it fails `unreachable`, a later one
        // gets a new connection.
        let failures = 0;
        for (;;) {
          const { error } = await settle(store.ping());
          if (error === undefined) break;
          expect(error).toMatchObject({ reason: 'unreachable' });
          failures++;
          expect(failures).toBeLessThan(20);
        }
        expect((await store.createRequest(sampleCreate())).kind).toBe('created');
      });

      it('survives restarts (immediate, fast) under concurrent creates: only StoreUnavailableError, every acknowledged request stored once, working again after', async () => {
        const target = await freshDatabase('restart');
        const store = await openOn(target, { connectTimeoutSeconds: 2, pingTimeoutMs: 2000 });
        // Anything escaping the store would reach these (vitest reports it too).
        const escaped: unknown[] = [];
        const onEscape = (error: unknown) => escaped.push(error);
        process.on('uncaughtException', onEscape);
        process.on('unhandledRejection', onEscape);
        const acknowledged: string[] = [];
        const failures: unknown[] = [];
        let stop = false;
        let served = 0;
        const loop = async (worker: number) => {
          for (let i = 0; !stop; i++) {
            const base = sampleCreate({
              idempotency: { key: `w${worker}-${i}-${randomUUID()}`, fingerprint: 'b'.repeat(64) },
            });
            const input = {
              ...base,
              rateLimit: { bucket: `ip:${worker}`, limit: 1_000_000, windowMs: 60_000, now: T0 },
              announce: sampleAnnounce(base.id),
            };
            const { value, error } = await settle(store.createRequest(input));
            if (value !== undefined) {
              expect(value.kind).toBe('created');
              acknowledged.push(input.id);
              served++;
            } else {
              failures.push(error);
              // A client backs off a little before it retries.
              await sleep(20);
            }
          }
        };
        try {
          const loops = Array.from({ length: 6 }, (_, worker) => loop(worker));
          for (const mode of ['immediate', 'fast', 'immediate'] as const) {
            const before = served;
            while (served < before + 30) await sleep(10);
            await cluster.stopServer(mode);
            await sleep(300);
            await cluster.startServer();
            // Served again after the restart, by the same store.
            const back = served;
            while (served < back + 30) await sleep(10);
          }
          stop = true;
          await Promise.all(loops);
        } finally {
          stop = true;
          process.off('uncaughtException', onEscape);
          process.off('unhandledRejection', onEscape);
        }
        expect(escaped).toEqual([]);
        expect(failures.length).toBeGreaterThan(0);
        for (const failure of failures) {
          expect(failure).toBeInstanceOf(StoreUnavailableError);
          expect(['unreachable', 'shutting-down']).toContain(
            (failure as StoreUnavailableError).reason,
          );
        }
        // Every acknowledged create is stored exactly once, with its key and its message.
        const rows = await rowsOf<{ id: string; keys: number; messages: number }>(
          target.url,
          `SELECT r.id,
                  (SELECT count(*)::int FROM idempotency_keys k WHERE k.request_id = r.id) AS keys,
                  (SELECT count(*)::int FROM outbox o WHERE o.payload::jsonb->'data'->>'id' = r.id) AS messages
           FROM consultation_requests r WHERE r.id = ANY($1::text[])`,
          [acknowledged],
        );
        expect(rows).toHaveLength(acknowledged.length);
        expect(rows.every((r) => r.keys === 1 && r.messages === 1)).toBe(true);
        await store.ping();
        expect((await store.createRequest(sampleCreate())).kind).toBe('created');
      }, 120_000);

      it('times a ping out when the server stops answering, and answers again when it does', async () => {
        const target = await freshDatabase('frozen');
        const store = await openOn(target, { connectTimeoutSeconds: 1, pingTimeoutMs: 500 });
        await Promise.all(Array.from({ length: 3 }, () => store.ping()));
        // Freeze the postmaster and every backend (SIGSTOP): connections stay open, nothing answers.
        const postmaster = readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split(
          '\n',
        )[0];
        const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)]);
        const pids = [String(postmaster), ...stdout.split(/\s+/).filter(Boolean)].map(Number);
        for (const pid of pids) process.kill(pid, 'SIGSTOP');
        try {
          for (let i = 0; i < 3; i++) {
            const { error } = await settle(store.ping());
            expect(error).toBeInstanceOf(StoreUnavailableError);
            expect(error).toMatchObject({ reason: 'unreachable' });
          }
        } finally {
          for (const pid of pids) process.kill(pid, 'SIGCONT');
        }
        // The connections the timed-out pings held were dropped; new ones answer.
        let attempts = 0;
        for (;;) {
          const { error } = await settle(store.ping());
          if (error === undefined) break;
          attempts++;
          expect(attempts).toBeLessThan(20);
          await sleep(100);
        }
        expect((await store.createRequest(sampleCreate())).kind).toBe('created');
      }, 30_000);

      it('waits for calls in progress on close, then refuses new ones (shutting-down)', async () => {
        const target = await freshDatabase('closing');
        const store = await openOn(target);
        const inputs = Array.from({ length: 20 }, () => ({
          ...sampleCreate(),
          announce: sampleAnnounce(),
        }));
        const creates = inputs.map((input) => store.createRequest(input));
        const closed = store.close();
        const outcomes = await Promise.all(creates);
        await closed;
        expect(outcomes.every((o) => o.kind === 'created')).toBe(true);
        const { error } = await settle(store.ping());
        expect(error).toMatchObject({ name: 'StoreUnavailableError', reason: 'shutting-down' });
        const [count] = await rowsOf<{ n: number }>(
          target.url,
          'SELECT count(*)::int AS n FROM consultation_requests',
        );
        expect(count?.n).toBe(20);
      });
    });

    describe('open', () => {
      const migrationRows = (url: string) =>
        rowsOf<{ version: number; name: string }>(
          url,
          'SELECT version, name FROM schema_migrations ORDER BY version',
        );
      const expectedRows = MIGRATIONS.map(({ version, name }) => ({ version, name }));

      it('applies migrations once; a second open changes nothing', async () => {
        const target = await freshDatabase('migrate');
        const first = await openOn(target);
        const input = sampleCreate();
        await first.createRequest(input);
        const second = await openOn(target);
        expect(await migrationRows(target.url)).toEqual(expectedRows);
        expect((await second.getRequest(input.id, staffEntry('request.read')))?.id).toBe(input.id);
      });

      it('lets instances that start at the same moment on a fresh database all succeed', async () => {
        const target = await freshDatabase('race');
        const stores = await Promise.all(Array.from({ length: 6 }, () => openOn(target)));
        expect(stores).toHaveLength(6);
        expect(await migrationRows(target.url)).toEqual(expectedRows);
        await Promise.all(stores.map((s) => s.ping()));
      });

      it('refuses a database migrated by newer code', async () => {
        const target = await freshDatabase('newer');
        await openOn(target);
        await rowsOf(
          target.url,
          "INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')",
        );
        const error = await openPostgresStore({ url: target.url }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreConfigError);
        expect(String(error)).toMatch(/schema version 999, newer than this code knows/);
      });

      it('rolls a failed migration back entirely', async () => {
        const target = await freshDatabase('broken');
        const broken = {
          version: MIGRATIONS.length + 1,
          name: 'broken',
          sqlite: '',
          postgres: 'CREATE TABLE half_done (x int); SELECT 1 / 0;',
        };
        await withPg(target.url, async (client) => {
          await expect(applyPostgresMigrations(client, [...MIGRATIONS, broken])).rejects.toThrow(
            /division by zero/,
          );
          const { rows } = await client.query<{ t: string | null }>(
            "SELECT to_regclass('half_done') AS t",
          );
          expect(rows[0]?.t).toBeNull();
        });
        expect(await migrationRows(target.url)).toEqual(expectedRows);
      });

      it('answers unreachable for a server that is not there, without the password', async () => {
        const port = await freePort();
        const error = await openPostgresStore({
          url: `postgres://ptfx:s3cret-pw@127.0.0.1:${port}/ptfx`,
          connectTimeoutSeconds: 2,
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(error).toMatchObject({ reason: 'unreachable' });
        expect(String(error)).not.toContain('s3cret');
      });

      it('refuses what cannot work as configured, without echoing the URL', async () => {
        const missing = `postgres://ptfx:s3cret-pw@127.0.0.1:${cluster.port}/no_such_database`;
        for (const url of [
          missing,
          'mysql://ptfx:s3cret-pw@127.0.0.1/ptfx',
          'postgres://ptfx:s3cret-pw@[::1/ptfx',
          `${cluster.url}?sslmode=verify-everything&password=s3cret-pw`,
          `${cluster.url}?sslmode=verify-full&sslrootcert=/etc/ssl/s3cret-pw.pem`,
          `${cluster.url}?sslcert=/etc/ssl/client.pem&sslkey=/s3cret-pw`,
          `${cluster.url}?ssl=true&password=s3cret-pw`,
          `${cluster.url}?sslmode=require&uselibpqcompat=true&password=s3cret-pw`,
          `${cluster.url}?sslnegotiation=direct&password=s3cret-pw`,
          `${cluster.url}?connect_timeout=soon&password=s3cret-pw`,
          `postgres://ptfx:s3cret-pw@127.0.0.1:${cluster.port},127.0.0.2:${cluster.port}/ptfx`,
        ]) {
          const error = await openPostgresStore({ url }).catch((e: unknown) => e);
          expect(error, url).toBeInstanceOf(StoreConfigError);
          expect(String(error)).not.toContain('s3cret');
        }
      });

      it('ignores PGSSLMODE (the URL decides TLS)', async () => {
        const target = await freshDatabase('envssl');
        const saved = process.env.PGSSLMODE;
        process.env.PGSSLMODE = 'require';
        try {
          const store = await openOn(target);
          await store.ping();
        } finally {
          if (saved === undefined) delete process.env.PGSSLMODE;
          else process.env.PGSSLMODE = saved;
        }
      });

      it('works without named statements (prepare=false, for PgBouncer in transaction mode)', async () => {
        const target = await freshDatabase('noprepare');
        const store = await openOn({ ...target, url: `${target.url}?prepare=false` });
        const input = {
          ...sampleCreate({ idempotency: { key: 'k', fingerprint: 'd'.repeat(64) } }),
          rateLimit: { bucket: 'ip:p', limit: 2, windowMs: 60_000, now: T0 },
          announce: sampleAnnounce(),
        };
        expect((await store.createRequest(input)).kind).toBe('created');
        expect(await store.findIdempotencyKey('k')).toEqual({
          fingerprint: 'd'.repeat(64),
          response: input.response,
        });
        expect((await store.getRequest(input.id, staffEntry('request.read')))?.content).toEqual(
          input.content,
        );
      });
    });

    it('refuses UPDATE, DELETE and TRUNCATE on the audit log in the database', async () => {
      const target = await freshDatabase('audit');
      const store = await openOn(target);
      const entry = staffEntry('auth.failed', null, { staff: 'anonymous', outcome: 'refused' });
      await store.appendAudit(entry);
      await withPg(target.url, async (client) => {
        for (const statement of [
          "UPDATE audit_log SET staff = 'mallory'",
          'DELETE FROM audit_log',
          'TRUNCATE audit_log',
        ]) {
          await expect(client.query(statement), statement).rejects.toThrow(
            'the audit log is append-only',
          );
        }
        const { rows } = await client.query<{ staff: string }>('SELECT staff FROM audit_log');
        expect(rows.map((r) => r.staff)).toEqual(['anonymous']);
      });
    });

    describe('TLS (sslmode in the URL)', () => {
      let certDir: string;
      const haveOpenssl = existsSync('/usr/bin/openssl') || existsSync('/usr/local/bin/openssl');

      /** Whether the store's own connections use TLS, as the server sees them. */
      const storeUsesTls = async (database: string) => {
        const rows = await rowsOf<{ ssl: boolean }>(
          cluster.adminUrl,
          `SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
           WHERE a.datname = $1 AND a.application_name = 'ptfx-api'`,
          [database],
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows.every((r) => r.ssl);
      };
      const withMode = (url: string, mode: string) => `${url}?sslmode=${mode}`;

      it('without TLS on the server: disable and prefer connect, require and allow do not', async () => {
        const target = await freshDatabase('plain');
        const plain = await openOn({ ...target, url: withMode(target.url, 'disable') });
        await plain.ping();
        await plain.close();
        const prefer = await openOn({ ...target, url: withMode(target.url, 'prefer') });
        await prefer.ping();
        await Promise.all(Array.from({ length: 4 }, () => prefer.ping()));
        expect(await storeUsesTls(target.database)).toBe(false);
        // The server answers the TLS request with "no": no plain-text fallback for `allow`
        // either; that reads `unreachable` (the server may offer TLS later).
        for (const mode of ['require', 'allow']) {
          const error = await openPostgresStore({
            url: withMode(target.url, mode),
            connectTimeoutSeconds: 2,
          }).catch((e: unknown) => e);
          expect(error, mode).toBeInstanceOf(StoreUnavailableError);
          expect(error).toMatchObject({
            reason: 'unreachable',
            cause: { message: 'The server does not support SSL connections' },
          });
        }
      });

      describe.runIf(haveOpenssl)('with TLS on the server (self-signed certificates)', () => {
        /** Makes a self-signed certificate for `name` (its own CA); returns its files. */
        const makeCert = async (name: string) => {
          const cert = join(certDir, `${name}.crt`);
          const key = join(certDir, `${name}.key`);
          await run('openssl', [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-days',
            '2',
            '-subj',
            `/CN=${name}`,
            '-addext',
            `subjectAltName=DNS:${name}`,
            '-keyout',
            key,
            '-out',
            cert,
          ]);
          return { cert, key };
        };
        /** Gives the server this certificate and restarts it (so it is in use, no reload race). */
        const serve = async (files: { cert: string; key: string }) => {
          // The server reads server.crt/.key from its data dir: owned by its user, key 0600.
          const owner = statSync(cluster.dataDir);
          for (const [from, to] of [
            [files.cert, 'server.crt'],
            [files.key, 'server.key'],
          ] as const) {
            const path = join(cluster.dataDir, to);
            writeFileSync(path, readFileSync(from), { mode: 0o600 });
            chownSync(path, owner.uid, owner.gid);
          }
          await cluster.restart();
        };
        let forLocalhost: { cert: string; key: string };
        let forOtherName: { cert: string; key: string };

        beforeAll(async () => {
          certDir = mkdtempSync(join(tmpdir(), 'ptfx-pg-tls-'));
          forLocalhost = await makeCert('localhost');
          forOtherName = await makeCert('db.ptfx.test');
          await rowsOf(cluster.adminUrl, 'ALTER SYSTEM SET ssl = on');
          await serve(forLocalhost);
        });
        afterAll(async () => {
          await rowsOf(cluster.adminUrl, 'ALTER SYSTEM RESET ssl');
          await cluster.restart();
          rmSync(certDir, { recursive: true, force: true });
        });

        it('require, allow and prefer use TLS; disable does not', async () => {
          for (const [mode, usesTls] of [
            ['require', true],
            ['allow', true],
            ['prefer', true],
            ['disable', false],
          ] as const) {
            const target = await freshDatabase(`tls_${mode}`);
            const store = await openOn({ ...target, url: withMode(target.url, mode) });
            await store.ping();
            expect(await storeUsesTls(target.database), mode).toBe(usesTls);
          }
        });

        it('verify-full and verify-ca refuse a certificate Node does not trust', async () => {
          for (const mode of ['verify-full', 'verify-ca', 'require&sslrootcert=system']) {
            const target = await freshDatabase('tls_verify');
            const url = withMode(target.url.replace('127.0.0.1', 'localhost'), mode);
            const error = await openPostgresStore({ url }).catch((e: unknown) => e);
            expect(error, mode).toBeInstanceOf(StoreConfigError);
            expect(String(error)).toContain('TLS certificate');
          }
        });

        // Node's trusted CAs, changed for this process only (NODE_EXTRA_CA_CERTS does the same
        // for a whole process, read at its start). Node ≥ 22.19 / 23.5 has the call.
        const canTrust = typeof tls.setDefaultCACertificates === 'function';
        it.runIf(canTrust)(
          'verify-full checks the host name (verify-ca too) or the IP address against a trusted certificate',
          async () => {
            const defaults = tls.getCACertificates('default');
            tls.setDefaultCACertificates([
              ...defaults,
              readFileSync(forLocalhost.cert, 'utf8'),
              readFileSync(forOtherName.cert, 'utf8'),
            ]);
            /** Opens a store with this mode; whether it uses TLS, or the certificate error. */
            const probe = async (host: 'localhost' | '127.0.0.1', mode: string) => {
              const target = await freshDatabase('tls_probe');
              const url = withMode(target.url.replace('127.0.0.1', host), mode);
              const { value: store, error } = await settle(openPostgresStore({ url }));
              if (store === undefined) {
                expect(error).toBeInstanceOf(StoreConfigError);
                return { error: (error as Error & { cause: { code: string } }).cause.code };
              }
              opened.set(store, target);
              await store.ping();
              return { ssl: await storeUsesTls(target.database) };
            };
            const mismatch = { error: 'ERR_TLS_CERT_ALTNAME_INVALID' };
            try {
              // The server's certificate names localhost (and no IP address).
              expect(await probe('localhost', 'verify-full')).toEqual({ ssl: true });
              expect(await probe('localhost', 'verify-ca')).toEqual({ ssl: true });
              expect(await probe('localhost', 'require&sslrootcert=system')).toEqual({ ssl: true });
              // node-postgres checks an IP address against the certificate's IP addresses.
              expect(await probe('127.0.0.1', 'verify-full')).toEqual(mismatch);

              // Now it names another host: refused by name, for verify-ca too (libpq's verify-ca
              // would accept it); require does not look.
              await serve(forOtherName);
              expect(await probe('localhost', 'verify-full')).toEqual(mismatch);
              expect(await probe('localhost', 'verify-ca')).toEqual(mismatch);
              expect(await probe('localhost', 'require')).toEqual({ ssl: true });
            } finally {
              tls.setDefaultCACertificates(defaults);
              await serve(forLocalhost);
            }
          },
        );
      });
    });
  },
);
