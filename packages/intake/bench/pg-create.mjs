// Store-level micro bench on a private PostgreSQL cluster: PostgresStore.createRequest (with an
// idempotency key, a GCRA rate limit and an announcement: the API's path, one transaction)
// against a bare autocommitted INSERT of the same JSON through its own node-postgres pool of the
// same size — the floor of a durable insert (synchronous_commit=on). No HTTP: what the ratio
// shows is the store's cost alone. Build first (`npx tsup`). Interleaved rounds, medians.
// Env: BENCH_DURATION (s, 5), BENCH_CONCURRENCY (50), BENCH_ROUNDS (3), BENCH_POOL (10),
// BENCH_BUCKETS (rate-limit buckets the creates cycle through; 1 = every request from one client,
// as in the HTTP bench from 127.0.0.1).
import { randomUUID } from 'node:crypto';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import pg from 'pg';
import { openPostgresStore } from '../dist/index.js';
import { sampleContent, startPgCluster } from '../dist/testing/index.js';

const setting = (name, fallback) => Number(process.env[name] ?? fallback);
const DURATION = setting('BENCH_DURATION', 5);
const CONCURRENCY = setting('BENCH_CONCURRENCY', 50);
const ROUNDS = setting('BENCH_ROUNDS', 3);
const POOL = setting('BENCH_POOL', 10);
const BUCKETS = setting('BENCH_BUCKETS', 1);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `op` from CONCURRENCY loops for `seconds`; operations per second. */
async function rate(op, seconds) {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await op();
        done++;
      }
    }),
  );
  return done / seconds;
}

const cluster = await startPgCluster();
if (!cluster) throw new Error('no PostgreSQL binaries here');
try {
  const store = await openPostgresStore({
    url: await cluster.createDatabase('bench_store'),
    max: POOL,
  });
  const bareUrl = await cluster.createDatabase('bench_bare');
  const pool = new pg.Pool({ connectionString: bareUrl, max: POOL, ssl: false });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  await pool.query(
    'CREATE TABLE intake (id text PRIMARY KEY, received_at timestamptz, content text)',
  );
  const content = sampleContent();
  const json = JSON.stringify(content);
  const body = JSON.stringify(CONSULTATION_REQUEST_EXAMPLE);
  let n = 0;
  const create = async () => {
    const id = randomUUID();
    const outcome = await store.createRequest({
      id,
      receivedAt: new Date(),
      content,
      idempotency: { key: randomUUID(), fingerprint: 'f'.repeat(64) },
      response: { status: 201, body: JSON.stringify({ id, status: 'new' }) },
      // An allowance never reached: every create counts.
      rateLimit: {
        bucket: `ip:${n++ % BUCKETS}`,
        limit: 1_000_000,
        windowMs: 60_000,
        now: new Date(),
      },
      announce: {
        id: `msg_${randomUUID().replaceAll('-', '')}`,
        type: 'consultation-request.created',
        payload: JSON.stringify({ type: 'consultation-request.created', data: { id } }),
      },
    });
    if (outcome.kind !== 'created') throw new Error(`not created: ${outcome.kind}`);
  };
  const bare = async () => {
    await pool.query({
      name: 'bare_insert',
      text: 'INSERT INTO intake VALUES ($1, now(), $2)',
      values: [randomUUID(), json],
    });
  };
  console.log(
    `pg-create: ${CONCURRENCY} concurrent callers, pools of ${POOL}, ${BUCKETS} bucket(s), ${DURATION} s × ${ROUNDS} interleaved rounds; node ${process.version}; body ${body.length} B`,
  );
  await rate(create, 1);
  await rate(bare, 1);
  const results = { create: [], bare: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, op] of [
      ['create', create],
      ['bare', bare],
    ]) {
      const perSecond = await rate(op, DURATION);
      results[name].push(perSecond);
      console.log(`  round ${round}  ${name.padEnd(7)} ${perSecond.toFixed(0)}/s`);
    }
  }
  const c = median(results.create);
  const b = median(results.bare);
  console.log(
    `medians: createRequest ${c.toFixed(0)}/s, bare INSERT ${b.toFixed(0)}/s, ratio ${(c / b).toFixed(2)}×`,
  );
  await store.close();
  await pool.end();
} finally {
  await cluster.stop();
}
