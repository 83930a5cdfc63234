// ptfx CLI benchmarks: cold start against `node -e 0`, and a 1,000,000-row roster's time and peak
// memory. Prints medians and ratios; exits 0 (a benchmark is not a test). Old build against new,
// into a file and into a slow pipe: bench/roster-memory.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRoster } from './roster.mjs';

const bin = fileURLToPath(new URL('../dist/ptfx.js', import.meta.url));
if (!existsSync(bin)) throw new Error('build first: dist/ptfx.js is missing');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};

// 1. Cold start, interleaved so that drift hits every command alike.
const commands = {
  'node -e 0': ['-e', '0'],
  'ptfx --version': [bin, '--version'],
  'ptfx credentials lint "Jane Doe, PT, DPT"': [bin, 'credentials', 'lint', 'Jane Doe, PT, DPT'],
};
const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < RUNS + 2; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const ms = time(args);
    if (i >= 2) samples[name].push(ms); // two warm-up rounds fill the page cache
  }
}
const base = median(samples['node -e 0']);
console.log(`cold start, median of ${RUNS} (ms, ratio to node -e 0; target ≤ 1.4×):`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(`  ${name.padEnd(44)} ${m.toFixed(1).padStart(7)}  ${(m / base).toFixed(2)}×`);
}

// 2. A generated roster of ROWS rows, linted from a CSV file.
const dir = mkdtempSync(join(tmpdir(), 'ptfx-bench-'));
const csv = join(dir, 'roster.csv');
await writeRoster(csv, ROWS);
const timed = existsSync('/usr/bin/time');
const args = [bin, 'credentials', 'lint', '--file', csv, '--json'];
const start = process.hrtime.bigint();
const run = timed
  ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    })
  : spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '')?.[1];
console.log(
  `\n${ROWS.toLocaleString('en-US')}-row CSV roster, --json to /dev/null (targets: under 10 s, under 200 MB):`,
);
console.log(
  `  wall time ${seconds.toFixed(2)} s (${Math.round(ROWS / seconds).toLocaleString('en-US')} listings/s)`,
);
console.log(
  `  peak memory ${rss ? `${(Number(rss) / 1024).toFixed(0)} MB` : 'unknown (/usr/bin/time is not installed; apt-get install time)'}`,
);
rmSync(dir, { recursive: true, force: true });
