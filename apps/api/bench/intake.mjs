// Consultation-request POSTs per second, on SQLite and on PostgreSQL: the built ptfx API (every
// middleware, validation, idempotency key, the GCRA rate limit counted in the same transaction as
// the request, personal fields sealed with AES-256-GCM, synchronous=FULL / synchronous commit)
// against a bare node:http server that only parses and INSERTs with the same durability.
// Each in its own child process on 127.0.0.1, autocannon from this process, interleaved rounds;
// every ptfx request carries a fresh Idempotency-Key and comes, through a trusted proxy (an
// X-Forwarded-For the API is told to believe, as behind a reverse proxy), from one of
// BENCH_CLIENTS addresses: one rate-limit bucket each, the limit set so high that nothing is
// refused. BENCH_CLIENTS=1 is one client sending everything: on PostgreSQL every create then
// waits for the one bucket row the previous create locked until its commit. PostgreSQL runs as a
// private throw-away cluster (skipped, with a note, where its binaries are missing).
// Build first (`pnpm build`). The figure is the ratio of the medians, ptfx ÷ bare.
// Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (50), BENCH_WARMUP (s, 2),
// BENCH_ROUNDS (2), BENCH_BACKENDS (sqlite,postgres), BENCH_CLIENTS (1000), BENCH_LOG (info;
// silent turns the access log off), BENCH_PLAINTEXT=1 (store without a data key).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import autocannon from 'autocannon';
import { median, onStop, setting, startChild, stopChildren } from './harness.mjs';

const DURATION = setting('BENCH_DURATION', 10);
const CONNECTIONS = Math.round(setting('BENCH_CONNECTIONS', 50));
const WARMUP = setting('BENCH_WARMUP', 2);
const ROUNDS = Math.round(setting('BENCH_ROUNDS', 2));
const CLIENTS = Math.round(setting('BENCH_CLIENTS', 1000));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((b) => b.trim());
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const PATH = '/v1/consultation-requests';
const BODY = JSON.stringify(CONSULTATION_REQUEST_EXAMPLE);

/** One of CLIENTS addresses (10.0.0.0/8), at random. */
function client() {
  const n = Math.floor(Math.random() * CLIENTS);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function cannon(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: url + PATH,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: BODY,
            // A fresh key per request: the path a website's retry-safe POST takes.
            setupRequest: (request) => ({
              ...request,
              headers: {
                ...request.headers,
                'idempotency-key': randomUUID(),
                'x-forwarded-for': client(),
              },
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * CPU time (user + system, ms) a process has used so far — with `reaped`, also that of its
 * children that have exited — or undefined where /proc is missing.
 */
function cpuMs(pid, reaped = false) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = [11, 12, ...(reaped ? [13, 14] : [])].reduce((n, i) => n + Number(fields[i]), 0);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

/** The PostgreSQL server's processes: the postmaster and its children (backends, WAL writer…). */
function clusterPids(dataDir) {
  try {
    const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
    const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8');
    return [postmaster, ...children.split(' ').filter(Boolean)];
  } catch {
    return [];
  }
}
function clusterCpuMs(dataDir) {
  if (dataDir === undefined) return undefined;
  const [postmaster, ...children] = clusterPids(dataDir);
  if (postmaster === undefined) return undefined;
  let total = cpuMs(postmaster, true) ?? 0;
  for (const pid of children) total += cpuMs(pid) ?? 0;
  return total;
}

/**
 * One timed run after a warm-up: req/s, latency, and the CPU used per request by the server
 * process and (PostgreSQL) by the database server — the figures that noise on a shared machine
 * moves least.
 */
async function measure(server, dataDir) {
  await cannon(server.url, WARMUP);
  const before = { node: cpuMs(server.child.pid), db: clusterCpuMs(dataDir) };
  const result = await cannon(server.url, DURATION);
  const after = { node: cpuMs(server.child.pid), db: clusterCpuMs(dataDir) };
  const perRequest = (a, b) =>
    a === undefined || b === undefined || result.requests.total === 0
      ? undefined
      : Math.round(((b - a) * 1000) / result.requests.total);
  return {
    server: server.name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    created: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    nodeCpuUsPerRequest: perRequest(before.node, after.node),
    dbCpuUsPerRequest: perRequest(before.db, after.db),
  };
}

/** ", CPU/request: node N µs + PostgreSQL M µs", when measured. */
function cpuText(run) {
  if (run.nodeCpuUsPerRequest === undefined || Number.isNaN(run.nodeCpuUsPerRequest)) return '';
  const db = run.dbCpuUsPerRequest ? ` + PostgreSQL ${run.dbCpuUsPerRequest} µs` : '';
  return `  CPU/request: node ${run.nodeCpuUsPerRequest} µs${db}`;
}

async function backend(kind) {
  const dir = mkdtempSync(join(tmpdir(), `ptfx-intake-bench-${kind}-`));
  onStop(() => rmSync(dir, { recursive: true, force: true }));
  let ptfxUrl;
  let baseTarget;
  let dataDir;
  if (kind === 'sqlite') {
    ptfxUrl = `file:${join(dir, 'ptfx.db')}`;
    baseTarget = join(dir, 'baseline.db');
  } else {
    const cluster = await startPgCluster();
    if (!cluster) return { kind, skipped: pgUnavailableReason() ?? 'no PostgreSQL' };
    onStop(() => cluster.stop());
    dataDir = cluster.dataDir;
    ptfxUrl = await cluster.createDatabase('bench_ptfx');
    baseTarget = await cluster.createDatabase('bench_baseline');
  }
  const ptfx = await startChild(`ptfx (${kind})`, 'serve-ptfx.mjs', {
    // Counted on every request, never refused. Not 999999/1: GCRA keeps its TAT in whole ms, so
    // an interval under 1 ms would count as 1 ms and refuse past 1,000 requests a second.
    env: {
      DATABASE_URL: ptfxUrl,
      PTFX_INTAKE_RATE_LIMIT: '999999/86400',
      PTFX_TRUSTED_PROXIES: '127.0.0.1',
    },
  });
  const bare = await startChild(`bare insert (${kind})`, 'serve-intake-baseline.mjs', {
    args: [kind, baseTarget],
  });
  const runs = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const server of [ptfx, bare]) {
      const run = { round, ...(await measure(server, dataDir)) };
      runs.push(run);
      console.log(
        `  ${kind.padEnd(8)} round ${round}  ${server.name.padEnd(22)} ${run.reqPerSec.toFixed(0)} req/s  p99 ${run.p99} ms  non-201 ${run.other}${cpuText(run)}`,
      );
    }
  }
  for (const child of [ptfx.child, bare.child]) child.kill('SIGTERM');
  const pick = (name, key) => median(runs.filter((r) => r.server === name).map((r) => r[key]));
  const row = (server) => ({
    server: server.name,
    reqPerSec: pick(server.name, 'reqPerSec'),
    p50: pick(server.name, 'p50'),
    p99: pick(server.name, 'p99'),
    nodeCpuUsPerRequest: pick(server.name, 'nodeCpuUsPerRequest'),
    dbCpuUsPerRequest: pick(server.name, 'dbCpuUsPerRequest'),
    other: runs.filter((r) => r.server === server.name).reduce((n, r) => n + r.other, 0),
  });
  const mine = row(ptfx);
  const base = row(bare);
  // Each round's pair ran back to back: their ratio is less moved by a load that drifts.
  const roundRatios = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const of = (name) => runs.find((r) => r.round === round && r.server === name).reqPerSec;
    roundRatios.push(of(ptfx.name) / of(bare.name));
  }
  return {
    kind,
    ptfx: mine,
    bare: base,
    ratio: mine.reqPerSec / base.reqPerSec,
    roundRatios,
    runs,
  };
}

async function main() {
  console.log(
    `bench: POST ${PATH}, ${CONNECTIONS} connections, ${CLIENTS} client address(es), ${DURATION} s per run after ${WARMUP} s warm-up, ${ROUNDS} interleaved rounds; node ${process.version}\n`,
  );
  const results = [];
  for (const kind of BACKENDS) results.push(await backend(kind));
  console.log('\nconsultation requests (medians of rounds):');
  for (const r of results) {
    if (r.skipped) {
      console.log(`  ${r.kind}: skipped (${r.skipped})`);
      continue;
    }
    console.log(
      `  ${r.kind.padEnd(8)}  ptfx ${r.ptfx.reqPerSec.toFixed(0)} req/s (p50 ${r.ptfx.p50} ms, p99 ${r.ptfx.p99} ms)  bare insert ${r.bare.reqPerSec.toFixed(0)} req/s (p99 ${r.bare.p99} ms)  ptfx ÷ bare ${r.ratio.toFixed(2)}× (rounds: ${r.roundRatios.map((x) => x.toFixed(2)).join(', ')})${r.ptfx.other ? `  WARNING ${r.ptfx.other} non-201` : ''}`,
    );
    console.log(
      `            CPU/request (medians): ptfx${cpuText(r.ptfx).replace('  CPU/request:', '')}; bare${cpuText(r.bare).replace('  CPU/request:', '')}`,
    );
  }
  writeFileSync(
    here('intake-results.json'),
    `${JSON.stringify({ when: new Date().toISOString(), node: process.version, settings: { DURATION, CONNECTIONS, WARMUP, ROUNDS, CLIENTS }, results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${here('intake-results.json')}`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await stopChildren();
}
