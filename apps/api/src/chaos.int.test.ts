// What the operator did (issue 13), as a test: two API processes on one private PostgreSQL
// cluster, clients posting consultation requests the whole time — each with its own
// Idempotency-Key, retrying with the SAME key after a 503 or a network error, as a real client
// should — and per round one disruption of the database:
//   fast       pg_ctl restart -m fast (stop -m fast, then start: what `pg_ctl restart` does)
//   immediate  pg_ctl restart -m immediate (a crash; the restart replays the WAL)
//   stop       pg_ctl stop, 3 s without a database, then start
//   lock       a restart while another session's transaction holds ACCESS EXCLUSIVE on
//              consultation_requests and API requests are queued behind it
// Every round: no API process exited; each instance's /readyz went 503 and came back 200;
// clients saw only 201, or 503 with Retry-After (never a 500, another status, or a reset);
// every acknowledged request is stored exactly once, under its key; a retry with a key of the
// round gets the original answer (the same id). CHAOS_ROUNDS rounds (10 in `pnpm test`;
// `pnpm test:chaos` runs 40).
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './test-support/server-process.js';

const run = promisify(execFile);
const ROUNDS = Number(process.env.CHAOS_ROUNDS || 10);
const CLIENTS = 8;
const KINDS = ['fast', 'immediate', 'stop', 'lock'] as const;
type Kind = (typeof KINDS)[number];
/** How long the `stop` round keeps the database down. */
const STOP_MS = 3_000;
/** A client's pause before a retry. A real one honours Retry-After (5 s); the test is quicker. */
const RETRY_PAUSE_MS = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** psql of the newest PostgreSQL with a server here (pg-cluster.ts starts that one), else PATH's. */
function locatePsql(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    if (existsSync(join(dir, 'psql'))) return join(dir, 'psql');
  } catch {
    // no pg_config: Debian's versioned directories
  }
  try {
    const newest = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin/psql`)
      .find((path) => existsSync(path));
    if (newest) return newest;
  } catch {
    // none
  }
  return 'psql';
}

/** One acknowledged request: the key the client sent, the body, and the id of the 201. */
interface Ack {
  readonly key: string;
  readonly body: string;
  readonly id: string;
  readonly round: number;
  /** Attempts it took (more than 1: answered 503 or lost before). */
  readonly tries: number;
  /** The 201 was a replay: an earlier attempt had been stored, but its answer never arrived. */
  readonly replayed: boolean;
}

const unavailable = pgUnavailableReason();
if (unavailable !== undefined && process.env.CI) {
  describe('the API through PostgreSQL restarts', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL (${unavailable})`);
    });
  });
}
const describePg = unavailable === undefined ? describe : describe.skip;

describePg(
  unavailable === undefined
    ? 'the API through PostgreSQL restarts'
    : `the API through PostgreSQL restarts (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster;
    const servers: ServerProcess[] = [];
    const psql = locatePsql();

    beforeAll(async () => {
      const started = await startPgCluster();
      if (!started) throw new Error('no PostgreSQL');
      cluster = started;
      const env = {
        DATABASE_URL: cluster.url,
        PTFX_INTAKE_RATE_LIMIT: '999999/1',
        PTFX_LOG: 'silent',
        PTFX_SHUTDOWN_TIMEOUT_MS: '3000',
      };
      // One after the other: the first applies the migrations.
      servers.push(await startServerProcess(env, 30_000));
      servers.push(await startServerProcess(env, 30_000));
    });
    afterAll(async () => {
      for (const server of servers)
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await cluster?.stop();
    });

    /** Rows of a query, through psql (no driver: the test must not share the API's). */
    async function sql(query: string): Promise<string[][]> {
      const { stdout } = await run(
        psql,
        [
          '-X',
          '-q',
          '-A',
          '-t',
          '-F',
          '\t',
          '-v',
          'ON_ERROR_STOP=1',
          '-d',
          cluster.url,
          '-c',
          query,
        ],
        { env: { ...process.env, PGCONNECT_TIMEOUT: '10' }, maxBuffer: 64 * 1024 * 1024 },
      );
      return stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\t'));
    }

    it(`keeps every acknowledged request exactly once and never fails a client, over ${ROUNDS} rounds`, {
      timeout: 120_000 + ROUNDS * 20_000,
    }, async () => {
      const acked: Ack[] = [];
      let round = -1;
      /** What clients saw, per round: `201`, `503`, `503 without Retry-After`, `network ECONNRESET`… */
      const seen: Map<string, number>[] = [];
      const see = (what: string) => {
        const tally = seen[Math.max(round, 0)] ?? new Map<string, number>();
        seen[Math.max(round, 0)] = tally;
        tally.set(what, (tally.get(what) ?? 0) + 1);
      };
      let loading = true;
      const inFlight: (string | undefined)[] = Array.from({ length: CLIENTS }, () => undefined);
      const acks: number[] = Array.from({ length: CLIENTS }, () => 0);

      /** A client: one request after another; each retried with its key until it gets a 201. */
      const client = async (index: number) => {
        let attempt = index;
        for (let n = 0; loading; n++) {
          const key = crypto.randomUUID();
          const body = JSON.stringify({
            ...CONSULTATION_REQUEST_EXAMPLE,
            reason: `Chaos client ${index}, request ${n}`,
          });
          inFlight[index] = key;
          for (let tries = 1; ; tries++) {
            if (tries > 2_000) throw new Error(`client ${index} gave up on ${key}`);
            // Alternate instances, as a load balancer would: a retry may reach the other one.
            const server = servers[attempt++ % servers.length] as ServerProcess;
            let res: Response;
            try {
              res = await fetch(`${server.url}/v1/consultation-requests`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
                body,
                signal: AbortSignal.timeout(60_000),
              });
            } catch (error) {
              const cause = (error as { cause?: { code?: string } }).cause;
              see(`network ${cause?.code ?? (error as Error).name}`);
              await sleep(RETRY_PAUSE_MS);
              continue;
            }
            const text = await res.text();
            if (res.status === 201) {
              acked.push({
                key,
                body,
                id: (JSON.parse(text) as { id: string }).id,
                round,
                tries,
                replayed: res.headers.get('idempotent-replayed') === 'true',
              });
              acks[index] = (acks[index] ?? 0) + 1;
              see('201');
              break;
            }
            if (res.status === 503) {
              see(
                /^\d+$/.test(res.headers.get('retry-after') ?? '')
                  ? '503'
                  : '503 without Retry-After',
              );
            } else {
              const type = /"type":"([^"]*)"/.exec(text)?.[1] ?? '';
              see(`${res.status} ${type}`);
            }
            await sleep(RETRY_PAUSE_MS + Math.random() * RETRY_PAUSE_MS);
          }
          inFlight[index] = undefined;
        }
      };
      const load = Array.from({ length: CLIENTS }, (_, i) => client(i));
      let loadFailed: unknown;
      void Promise.all(load).catch((error: unknown) => {
        loadFailed = error;
      });

      /** Polls each instance's /readyz: did it answer 503, and then 200 again? */
      const watchReadiness = () => {
        let watching = true;
        const states = servers.map(() => ({
          saw503: false,
          back: false,
          other: new Set<string>(),
        }));
        const pollers = servers.map(async (server, i) => {
          const state = states[i] as (typeof states)[number];
          while (watching) {
            try {
              const res = await fetch(`${server.url}/readyz`, {
                signal: AbortSignal.timeout(2_000),
              });
              await res.body?.cancel();
              if (res.status === 503) state.saw503 = true;
              else if (res.status === 200 && state.saw503) state.back = true;
              else if (res.status !== 200) state.other.add(String(res.status));
            } catch (error) {
              state.other.add((error as Error).name);
            }
            await sleep(5);
          }
        });
        return {
          states,
          recovered: () => states.every((s) => s.back),
          stop: async () => {
            watching = false;
            await Promise.all(pollers);
          },
        };
      };

      /** A second session: BEGIN and ACCESS EXCLUSIVE on the requests table, held until it dies. */
      const holdLock = async (): Promise<ChildProcess> => {
        const holder = spawn(psql, ['-X', '-q', '-d', cluster.url], {
          stdio: ['pipe', 'ignore', 'ignore'],
        });
        holder.stdin?.write('BEGIN;\nLOCK TABLE consultation_requests IN ACCESS EXCLUSIVE MODE;\n');
        await until('the lock', async () => {
          const [[count] = []] = await sql(
            `SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE c.relname = 'consultation_requests' AND l.mode = 'AccessExclusiveLock' AND l.granted`,
          );
          return count === '1';
        });
        // API requests queue behind it before the restart.
        await until('requests waiting for the lock', async () => {
          const [[count] = []] = await sql(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
          );
          return Number(count) >= 2;
        });
        return holder;
      };

      const disrupt = async (kind: Kind) => {
        switch (kind) {
          case 'fast':
          case 'immediate':
            await cluster.stopServer(kind);
            await cluster.startServer();
            return;
          case 'stop':
            await cluster.stopServer('fast');
            await sleep(STOP_MS);
            await cluster.startServer();
            return;
          case 'lock': {
            const holder = await holdLock();
            await cluster.stopServer('fast');
            await cluster.startServer();
            holder.stdin?.end();
            holder.kill();
            return;
          }
        }
      };

      /** The store as it is, in one snapshot: every request row with the key(s) it is under. */
      const stored = async () => {
        const joined = await sql(
          'SELECT r.id, k.key FROM consultation_requests r LEFT JOIN idempotency_keys k ON k.request_id = r.id',
        );
        const rows = joined.map(([id]) => id as string);
        const keys = new Map(
          joined.map(([id, key]) => [key ?? '', id as string] as [string, string]),
        );
        return { rows, keys };
      };

      const checkStored = async (final: boolean) => {
        // Acknowledged before the query: each must be in it.
        const ackedBefore = acked.slice();
        const { rows, keys } = await stored();
        // Read after the query: a row is either acknowledged by now or its client is still at it.
        const ackedNow = new Map(acked.map((a) => [a.key, a.id]));
        const pending = new Set(inFlight.filter((k): k is string => k !== undefined));
        // No request twice: each row under exactly one key (a row without one, or under two,
        // would be a second copy), each key on one row.
        expect(new Set(rows).size).toBe(rows.length);
        expect(keys.has('')).toBe(false);
        expect(keys.size).toBe(rows.length);
        const rowSet = new Set(rows);
        // Every acknowledged request is there, under its key, with the id its client was given.
        const missing = ackedBefore.filter((a) => keys.get(a.key) !== a.id || !rowSet.has(a.id));
        expect(missing.map((a) => `${a.key} → ${a.id} (round ${a.round})`)).toEqual([]);
        // Every stored request was acknowledged, or its client is still retrying it.
        const unexplained = [...keys].filter(
          ([key, id]) => ackedNow.get(key) !== id && !(pending.has(key) && !final),
        );
        expect(unexplained).toEqual([]);
        if (final) expect(rows.length).toBe(acked.length);
        return rows.length;
      };

      /** Fails at once, with its last words, when an instance has exited. */
      const alive = (when: string) => {
        for (const [i, server] of servers.entries()) {
          if (server.child.exitCode !== null || server.child.signalCode !== null) {
            throw new Error(
              `instance ${i} exited (${server.child.exitCode ?? server.child.signalCode}) ${when}:\n${server.output().slice(-3_000)}`,
            );
          }
        }
        return true;
      };

      const summary: string[] = [];
      for (round = 0; round < ROUNDS; round++) {
        const kind = KINDS[round % KINDS.length] as Kind;
        const before = acked.length;
        await until(`requests before round ${round}`, () => acked.length >= before + 2 * CLIENTS);
        const watch = watchReadiness();
        const started = Date.now();
        await disrupt(kind);
        const down = Date.now() - started;
        const during = `in round ${round} (${kind})`;
        await until(
          `both instances ready again ${during}`,
          () => alive(during) && watch.recovered(),
        );
        const readyAfter = Date.now() - started;
        await watch.stop();
        // Every client gets a request through after the database is back.
        const ackedAt = [...acks];
        await until(
          `every client served after round ${round} (${kind})`,
          () => alive(during) && acks.every((count, i) => count > (ackedAt[i] ?? 0)),
        );
        if (loadFailed) throw loadFailed;

        // No process exited, none logged a fatal error.
        for (const server of servers) {
          expect(server.child.exitCode, server.output().slice(-2_000)).toBe(null);
          expect(server.child.signalCode).toBe(null);
          expect(server.output()).not.toMatch(/"event":"fatal"/);
        }
        // Each instance said it was not ready, then that it was.
        for (const [i, state] of watch.states.entries()) {
          expect(
            state.saw503,
            `instance ${i} /readyz never answered 503 in round ${round} (${kind})`,
          ).toBe(true);
          expect(state.back).toBe(true);
        }
        // Clients saw 201, or 503 with Retry-After; nothing else.
        const tally = seen[round] ?? new Map<string, number>();
        expect([...tally.keys()].filter((what) => what !== '201' && what !== '503')).toEqual([]);
        expect(tally.get('503') ?? 0, `no client saw a 503 in round ${round}`).toBeGreaterThan(0);

        const rows = await checkStored(false);
        // A retry with a key of this round gets the original answer, from either instance.
        // Those that were retried first, the interesting ones, then others.
        const ofRound = acked.filter((a) => a.round === round);
        const sample = [
          ...ofRound.filter((a) => a.tries > 1),
          ...ofRound.filter((a) => a.tries === 1),
        ].slice(0, 6);
        expect(sample.length).toBeGreaterThan(0);
        for (const [i, ack] of sample.entries()) {
          const server = servers[i % servers.length] as ServerProcess;
          const res = await fetch(`${server.url}/v1/consultation-requests`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ack.key },
            body: ack.body,
          });
          expect(res.status).toBe(201);
          expect(res.headers.get('idempotent-replayed')).toBe('true');
          expect(((await res.json()) as { id: string }).id).toBe(ack.id);
        }
        summary.push(
          `round ${round} ${kind}: database back in ${down} ms, both ready in ${readyAfter} ms; ` +
            `clients saw ${[...tally].map(([k, v]) => `${v}× ${k}`).join(', ')}; ` +
            `${ofRound.filter((a) => a.tries > 1).length} acknowledged after a retry ` +
            `(${ofRound.filter((a) => a.replayed).length} of them replays); ${rows} stored`,
        );
      }

      loading = false;
      await Promise.all(load);
      const total = await checkStored(true);
      console.log(`${summary.join('\n')}\n${total} requests stored, ${acked.length} acknowledged`);

      for (const server of servers) {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    });
  },
);
