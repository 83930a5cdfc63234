// Load benchmark: the built ptfx API against a bare node:http ceiling and plain Express 5, each in
// its own child process on 127.0.0.1, driven by autocannon from this process: two JSON GETs, the
// lint POST, and two pages of the clinic's website (home and a therapist, brotli, as a browser
// asks), every baseline answering ptfx's bytes and headers. Build first
// (`pnpm build`); this script builds nothing. Env: BENCH_DURATION (s, default 10),
// BENCH_CONNECTIONS (50), BENCH_WARMUP (s, 2), BENCH_ROUNDS (2), BENCH_CPU_PROF (a directory:
// run the ptfx child under --cpu-prof and write its profile there), BENCH_TOOL (autocannon, the
// default, or wrk: a C generator that leaves the server more of a 2-core machine), BENCH_LOG
// (info, the default: the access log on, written to /dev/null; silent: off), BENCH_SCENARIOS
// (api or site: only the API's scenarios or only the website's; both by default).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  DETAIL_PATH,
  fetchRaw,
  JSON_TYPE,
  LINT_BODY,
  LINT_PATH,
  LIST_PATH,
  SITE_PATHS,
  SITE_REQUEST_HEADERS,
  VOLATILE,
} from './common.mjs';
import { median, onStop, setting, startChild, stopChildren } from './harness.mjs';

const DURATION = setting('BENCH_DURATION', 10);
const CONNECTIONS = Math.round(setting('BENCH_CONNECTIONS', 50));
const WARMUP = setting('BENCH_WARMUP', 2);
const ROUNDS = Math.round(setting('BENCH_ROUNDS', 2));
const TOOL = process.env.BENCH_TOOL ?? 'autocannon';
const ONLY = process.env.BENCH_SCENARIOS;
if (ONLY !== undefined && ONLY !== 'api' && ONLY !== 'site')
  throw new Error(`BENCH_SCENARIOS must be api or site (or unset for both), got "${ONLY}"`);
if (TOOL !== 'autocannon' && TOOL !== 'wrk')
  throw new Error(`BENCH_TOOL must be autocannon or wrk, got "${TOOL}"`);
if (TOOL === 'wrk' && spawnSync('wrk', ['--version']).error)
  throw new Error('BENCH_TOOL=wrk needs wrk on the PATH (Debian: apt-get install wrk)');
const scratch = mkdtempSync(join(tmpdir(), 'ptfx-bench-wrk-'));
onStop(() => rmSync(scratch, { recursive: true, force: true }));
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

// Durations are bounded; this only guards against a hung child or socket (3 servers, 5 scenarios).
const budget = (3 * 5 * ROUNDS * (DURATION + WARMUP) + 120) * 1000;
setTimeout(() => {
  console.error(`bench: still running after ${budget / 1000} s; giving up`);
  void stopChildren().then(() => process.exit(1));
}, budget).unref();

// CPU seconds a child has used, from /proc (Linux, USER_HZ = 100); null elsewhere.
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const percentile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Refuses to measure unless every baseline answers what ptfx answers, byte for byte. */
async function checkSameBytes(ptfx, baselines, scenarios) {
  for (const sc of scenarios) {
    const want = await fetchRaw(ptfx.url + sc.path, sc.request);
    if (want.status !== sc.expect)
      throw new Error(`ptfx answered ${want.status} to ${sc.name}, expected ${sc.expect}`);
    const ignore = [...VOLATILE, ...(sc.ignore ?? [])];
    const visible = (h) =>
      JSON.stringify(
        Object.entries(h)
          .filter(([n]) => !ignore.includes(n))
          .sort(),
      );
    for (const b of baselines) {
      const got = await fetchRaw(b.url + sc.path, sc.request);
      const diffs = [];
      if (got.status !== want.status) diffs.push(`status ${got.status} ≠ ${want.status}`);
      if (!got.body.equals(want.body))
        diffs.push(
          `body (${got.body.length} B) ≠ ptfx body (${want.body.length} B):\n  ${got.body.toString().slice(0, 300)}\n  ${want.body.toString().slice(0, 300)}`,
        );
      if (visible(got.headers) !== visible(want.headers))
        diffs.push(`headers:\n  ${visible(got.headers)}\n  ${visible(want.headers)}`);
      if (diffs.length)
        throw new Error(`${b.name} does not answer like ptfx to ${sc.name}: ${diffs.join('; ')}`);
    }
  }
}

function cannon(url, sc, duration, onResponse) {
  return new Promise((resolve, reject) => {
    const { method = 'GET', headers, body } = sc.request;
    const instance = autocannon(
      { url: url + sc.path, method, headers, body, connections: CONNECTIONS, duration },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on('response', onResponse);
  });
}

/** wrk's "1.23ms" / "456.00us" / "1.02s" in milliseconds. */
function wrkMs(text) {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!m) throw new Error(`cannot read wrk's latency "${text}"`);
  return Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1);
}

/**
 * One wrk run (BENCH_TOOL=wrk): a C load generator uses a fraction of autocannon's CPU, so on a
 * 2-core machine the server, not the generator, is what runs out. One thread, CONNECTIONS
 * connections; a Lua script sets the method, headers and body.
 */
function wrk(server, sc, duration) {
  const { method = 'GET', headers = {}, body } = sc.request;
  const script = join(scratch, `${sc.kind}-${Math.random().toString(36).slice(2)}.lua`);
  const lua = [
    `wrk.method = ${JSON.stringify(method)}`,
    ...Object.entries(headers).map(
      ([n, v]) => `wrk.headers[${JSON.stringify(n)}] = ${JSON.stringify(v)}`,
    ),
    ...(body === undefined ? [] : [`wrk.body = ${JSON.stringify(body)}`]),
  ].join('\n');
  writeFileSync(script, `${lua}\n`);
  const cpu0 = cpuSeconds(server.child.pid);
  const run = spawnSync(
    'wrk',
    ['-t1', `-c${CONNECTIONS}`, `-d${duration}s`, '--latency', '-s', script, server.url + sc.path],
    { encoding: 'utf8' },
  );
  const cpu1 = cpuSeconds(server.child.pid);
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || run.error}`);
  const out = run.stdout;
  const grab = (re) => {
    const m = re.exec(out);
    if (!m) throw new Error(`cannot read wrk's output:\n${out}`);
    return m[1];
  };
  const bad = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    out,
  );
  return {
    scenario: sc.name,
    server: server.name,
    reqPerSec: Number(grab(/Requests\/sec:\s+([\d.]+)/)),
    p50: wrkMs(grab(/\n\s+50%\s+(\S+)/)),
    p99: wrkMs(grab(/\n\s+99%\s+(\S+)/)),
    responses: Number(grab(/(\d+) requests in/)),
    errors:
      (bad ? Number(bad[1]) : 0) +
      (socketErrors ? socketErrors.slice(1).reduce((n, x) => n + Number(x), 0) : 0),
    unexpected: bad ? Number(bad[1]) : 0,
    statuses: {},
    serverCpu: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / duration,
    generatorCpu: null,
  };
}

async function measure(server, sc) {
  if (TOOL === 'wrk') {
    wrk(server, sc, WARMUP); // warm-up, not counted
    return wrk(server, sc, DURATION);
  }
  await cannon(server.url, sc, WARMUP); // warm-up, not counted
  const latencies = [];
  const cpu0 = cpuSeconds(server.child.pid);
  const gen0 = process.cpuUsage();
  const result = await cannon(server.url, sc, DURATION, (_client, _status, _bytes, ms) =>
    latencies.push(ms),
  );
  const cpu1 = cpuSeconds(server.child.pid);
  const gen = process.cpuUsage(gen0);
  const sorted = Float64Array.from(latencies).sort();
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    scenario: sc.name,
    server: server.name,
    reqPerSec: result.requests.average,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    responses: latencies.length,
    errors: result.errors + result.timeouts + result['1xx'] + result['4xx'] + result['5xx'],
    unexpected: latencies.length - (statuses[sc.expect] ?? 0),
    statuses,
    serverCpu: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / result.duration,
    generatorCpu: (gen.user + gen.system) / 1e6 / result.duration,
  };
}

const fmt = (n, digits = 2) =>
  n === null || n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits);
const pad = (cells, widths) =>
  cells
    .map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
    .join('  ');

async function main() {
  const profDir = process.env.BENCH_CPU_PROF;
  const dataDir = mkdtempSync(join(tmpdir(), 'ptfx-bench-'));
  onStop(() => rmSync(dataDir, { recursive: true, force: true }));
  const ptfx = await startChild('ptfx', 'serve-ptfx.mjs', {
    execArgv: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    env: { DATABASE_URL: `file:${join(dataDir, 'ptfx.db')}` },
  });
  const [bare, express] = await Promise.all([
    startChild('bare', 'serve-baseline.mjs', { args: ['bare', ptfx.url] }),
    startChild('express', 'serve-baseline.mjs', { args: ['express', ptfx.url] }),
  ]);
  const servers = [ptfx, bare, express];
  const etag = (await fetchRaw(ptfx.url + DETAIL_PATH)).headers.etag;
  const all = [
    { name: `GET ${LIST_PATH}`, kind: 'get', path: LIST_PATH, request: {}, expect: 200 },
    {
      name: `GET ${DETAIL_PATH} (If-None-Match)`,
      kind: 'get',
      path: DETAIL_PATH,
      request: { headers: { 'if-none-match': etag } },
      expect: 304,
    },
    // ptfx sends an ETag on lint answers; the baselines do not compute one.
    {
      name: `POST ${LINT_PATH}`,
      kind: 'post',
      path: LINT_PATH,
      request: { method: 'POST', headers: JSON_TYPE, body: LINT_BODY },
      expect: 200,
      ignore: ['etag'],
    },
    // The clinic's website as a browser asks for it: HTML, brotli negotiated by both servers.
    ...SITE_PATHS.map((path) => ({
      name: `GET ${path} (site page, br)`,
      kind: 'get',
      site: true,
      path,
      request: { headers: SITE_REQUEST_HEADERS },
      expect: 200,
    })),
  ];
  const scenarios = all.filter(
    (sc) => ONLY === undefined || (ONLY === 'site') === (sc.site ?? false),
  );
  await checkSameBytes(ptfx, [bare, express], scenarios);
  console.log(
    `bench: baselines answer ptfx's bytes. ${TOOL}, access log ${process.env.BENCH_LOG ?? 'info'}, ${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s warm-up, ${ROUNDS} interleaved rounds; node ${process.version}\n`,
  );

  const runs = [];
  for (const sc of scenarios) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const server of servers) {
        const run = { round, ...(await measure(server, sc)) };
        runs.push(run);
        console.log(
          `  ${sc.name}  round ${round}  ${server.name.padEnd(7)}  ${fmt(run.reqPerSec, 0)} req/s  p99 ${fmt(run.p99)} ms  errors ${run.errors}`,
        );
      }
    }
  }

  const summary = [];
  for (const sc of scenarios) {
    const rows = servers.map((s) => {
      const mine = runs.filter((r) => r.scenario === sc.name && r.server === s.name);
      const pick = (key) =>
        mine.some((r) => r[key] === null) ? null : median(mine.map((r) => r[key]));
      return {
        scenario: sc.name,
        kind: sc.kind,
        server: s.name,
        reqPerSec: pick('reqPerSec'),
        p50: pick('p50'),
        p99: pick('p99'),
        serverCpu: pick('serverCpu'),
        generatorCpu: pick('generatorCpu'),
        errors: mine.reduce((n, r) => n + r.errors, 0),
        unexpected: mine.reduce((n, r) => n + r.unexpected, 0),
      };
    });
    const base = rows.find((r) => r.server === 'bare');
    for (const r of rows)
      Object.assign(r, { rpsVsBare: r.reqPerSec / base.reqPerSec, p99VsBare: r.p99 / base.p99 });
    summary.push(...rows);
  }

  const widths = [48, 7, 9, 8, 8, 10, 10, 7, 8, 8];
  console.log(
    `\n${pad(['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'req/s÷bare', 'p99÷bare', 'errors', 'srv CPU', 'gen CPU'], widths)}`,
  );
  for (const r of summary) {
    console.log(
      pad(
        [
          r.scenario,
          r.server,
          fmt(r.reqPerSec, 0),
          fmt(r.p50),
          fmt(r.p99),
          fmt(r.rpsVsBare),
          fmt(r.p99VsBare),
          r.errors,
          fmt(r.serverCpu),
          fmt(r.generatorCpu),
        ],
        widths,
      ),
    );
  }

  const targets = summary
    .filter((r) => r.server === 'ptfx')
    .map((r) => {
      const met = r.kind === 'get' ? r.rpsVsBare >= 0.9 && r.p99VsBare <= 1.2 : r.rpsVsBare >= 0.6;
      const wanted =
        r.kind === 'get' ? 'req/s ≥ 0.90× bare and p99 ≤ 1.20× bare' : 'req/s ≥ 0.60× bare';
      return {
        scenario: r.scenario,
        target: wanted,
        met,
        rpsVsBare: r.rpsVsBare,
        p99VsBare: r.p99VsBare,
      };
    });
  console.log('\ntargets (ptfx against bare node:http, medians of rounds):');
  for (const t of targets)
    console.log(
      `  ${t.met ? 'MET   ' : 'MISSED'}  ${t.scenario}: ${t.target}; measured ${fmt(t.rpsVsBare)}× req/s, ${fmt(t.p99VsBare)}× p99`,
    );
  const problems = summary.filter((r) => r.errors > 0 || r.unexpected > 0);
  for (const r of problems)
    console.log(
      `  WARNING  ${r.server} on ${r.scenario}: ${r.errors} error(s), ${r.unexpected} response(s) not ${scenarios.find((s) => s.name === r.scenario).expect}`,
    );
  const loadBound = summary.filter((r) => r.server === 'bare' && r.generatorCpu > 0.9);
  for (const r of loadBound)
    console.log(
      `  NOTE  the load generator used ${fmt(r.generatorCpu)} CPU against bare on ${r.scenario}: the ceiling may be the generator's, so ratios there flatter ptfx`,
    );

  const results = {
    when: new Date().toISOString(),
    node: process.version,
    settings: {
      tool: TOOL,
      scenarios: ONLY ?? 'all',
      duration: DURATION,
      connections: CONNECTIONS,
      warmup: WARMUP,
      rounds: ROUNDS,
    },
    summary,
    targets,
    runs,
  };
  writeFileSync(here('results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${here('results.json')}`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
} finally {
  await stopChildren();
}
