// ptfx roster benchmark, old build against new: a generated CSV roster (1,000,000 rows by default)
// linted with --json into a file and into a slow pipe, under /usr/bin/time -v for peak memory.
// The file runs give the time (median of BENCH_RUNS, interleaved old/new so drift hits both);
// the slow pipe (bench/slow-reader.mjs, SLOW_RATE bytes a second, slower than ptfx writes) shows
// whether output waits for the reader: with backpressure peak memory stays flat, without it the
// whole report queues in memory. Also --format sarif into a file (new build only).
//
//   BASELINE_BIN=/path/to/old/dist/ptfx.js node bench/roster-memory.mjs
//
// Environment: BENCH_ROWS (1000000), BENCH_RUNS (3), SLOW_RATE (33554432 = 32 MiB/s),
// SLOW_RUNS (BENCH_RUNS; baseline slow runs: BASELINE_SLOW_RUNS, default 1 — it takes gigabytes),
// PTFX_BIN (../dist/ptfx.js). Prints a table; exits 0 (a benchmark is not a test).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRoster } from './roster.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bin = process.env.PTFX_BIN ?? here('../dist/ptfx.js');
const baseline = process.env.BASELINE_BIN;
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SLOW_RUNS = Number(process.env.SLOW_RUNS ?? RUNS);
const BASELINE_SLOW_RUNS = Number(process.env.BASELINE_SLOW_RUNS ?? 1);
const RATE = Number(process.env.SLOW_RATE ?? 32 * 1024 * 1024);
if (!existsSync(bin)) throw new Error(`build first: ${bin} is missing`);
if (baseline && !existsSync(baseline)) throw new Error(`BASELINE_BIN ${baseline} is missing`);
if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (apt-get install time)');

const dir = mkdtempSync(join(tmpdir(), 'ptfx-roster-bench-'));
const roster = join(dir, 'roster.csv');
await writeRoster(roster, ROWS);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const timeFile = join(dir, 'time.txt');
const peakMb = () => {
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(
    readFileSync(timeFile, 'utf8'),
  )?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
};
const sh = (s) => `'${s.replaceAll("'", "'\\''")}'`;

/** One run into a file: seconds, peak MB, output bytes. */
function toFile(which, args) {
  const outPath = join(dir, 'out');
  const out = openSync(outPath, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, process.execPath, which, ...args], {
    stdio: ['ignore', out, 'ignore'],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(out);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${which} exited ${r.status}`);
  const bytes = statSync(outPath).size;
  rmSync(outPath);
  return { seconds, mb: peakMb(), bytes };
}

/** One run into the slow reader: seconds, peak MB of ptfx (not the reader), its exit status and what the reader got. */
function toSlowPipe(which, args) {
  const command = `/usr/bin/time -v -o ${sh(timeFile)} ${sh(process.execPath)} ${sh(which)} ${args.map(sh).join(' ')} 2>/dev/null | ${sh(process.execPath)} ${sh(here('./slow-reader.mjs'))} ${RATE}`;
  const start = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', command], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`slow pipe: ${r.stderr}`);
  const exit = /Exit status: (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1];
  const got = /slow-reader: (\d+) bytes/.exec(r.stderr)?.[1];
  return { seconds, mb: peakMb(), exit: Number(exit), bytes: Number(got) };
}

const lint = ['credentials', 'lint', '--file', roster, '--json'];
const builds = baseline ? { old: baseline, new: bin } : { new: bin };
const file = Object.fromEntries(Object.keys(builds).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++)
  for (const [name, which] of Object.entries(builds)) file[name].push(toFile(which, lint));
const sarif = [];
for (let i = 0; i < RUNS; i++)
  sarif.push(toFile(bin, ['credentials', 'lint', '--file', roster, '--format', 'sarif']));
const slow = { new: [] };
for (let i = 0; i < SLOW_RUNS; i++) slow.new.push(toSlowPipe(bin, lint));
if (baseline) {
  slow.old = [];
  for (let i = 0; i < BASELINE_SLOW_RUNS; i++) slow.old.push(toSlowPipe(baseline, lint));
}

const fmt = (runs) =>
  `median ${median(runs.map((r) => r.seconds)).toFixed(2)} s [${runs.map((r) => r.seconds.toFixed(2)).join(', ')}], peak ${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB (median ${median(runs.map((r) => r.mb)).toFixed(0)})`;
console.log(
  `${ROWS.toLocaleString('en-US')}-row CSV roster (${(statSync(roster).size / 1e6).toFixed(0)} MB), ${RUNS} runs each, ${process.version}`,
);
for (const [name, runs] of Object.entries(file))
  console.log(
    `  ${name.padEnd(3)} --json > file         ${fmt(runs)}, ${(runs[0].bytes / 1e6).toFixed(0)} MB out`,
  );
if (baseline) {
  const ratio = median(file.new.map((r) => r.seconds)) / median(file.old.map((r) => r.seconds));
  console.log(`  new/old time ratio (file): ${ratio.toFixed(3)} (target ≤ 1.10)`);
}
console.log(
  `  new --format sarif > file  ${fmt(sarif)}, ${(sarif[0].bytes / 1e6).toFixed(0)} MB out`,
);
for (const [name, runs] of Object.entries(slow))
  console.log(
    `  ${name.padEnd(3)} --json | slow reader at ${(RATE / 1048576).toFixed(0)} MiB/s  ${fmt(runs)} (target < 200 MB); ptfx exit ${runs.map((r) => r.exit).join(', ')}, the reader got ${runs.map((r) => `${(r.bytes / 1e6).toFixed(0)} MB`).join(', ')}`,
  );
rmSync(dir, { recursive: true, force: true });
