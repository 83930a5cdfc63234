// Turns the vitest JSON reports the packages write under CI (and the TAP output of .ci's own
// tests) into the lines CI reads. .ci/run calls it from the repository root:
//
//   collect LABEL DIR        after one Node major's test run: moves every package's report into
//                            DIR (so that the next major's summary cannot count it again), writes
//                            DIR/summary.json and prints "LABEL: N passed, N failed"
//   tap LABEL DIR FILE       the same for a node:test TAP output FILE
//   total ROOT NAME...       at the end: one line per ROOT/NAME, then the closing line
//                            "tests: N passed, N failed" over all of them
//
// A test counts as passed only when it passed. One that was skipped or marked todo on purpose is
// counted apart; every other one counts as failed — above all the "pending" tests a crashed
// vitest worker leaves behind, which vitest's own numFailedTests leaves out. A test file that
// failed without a failed test (it did not load, a hook threw), a test file with no result at
// all, a package with tests but no report and a major that did not run count as one failure each.
// Exits 1 when anything failed.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the workspace packages are, and the report each writes under CI. */
const GROUPS = ['packages', 'apps', 'tooling'];
const REPORT = '.vitest-results.json';

/** The count of one vitest JSON report: `{ passed, failed, skipped, notes }`. */
export function countReport(report) {
  const count = { passed: 0, failed: 0, skipped: 0, notes: [] };
  if (!Array.isArray(report?.testResults)) {
    count.failed = 1;
    count.notes.push('the report lists no test files');
    return count;
  }
  for (const file of report.testResults) {
    const name = file.name ?? '(unnamed test file)';
    const tests = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    const unfinished = {};
    let failedHere = 0;
    for (const test of tests) {
      if (test.status === 'passed') count.passed++;
      else if (test.status === 'skipped' || test.status === 'todo') count.skipped++;
      else {
        failedHere++;
        unfinished[test.status] = (unfinished[test.status] ?? 0) + 1;
      }
    }
    if (file.status === 'failed' && failedHere === 0) {
      failedHere = 1;
      const why = file.message ? `: ${String(file.message).split('\n')[0]}` : '';
      count.notes.push(`${name} failed outside its tests${why}`);
    } else if (tests.length === 0) {
      failedHere = 1;
      count.notes.push(`${name} has no test result at all`);
    }
    for (const [status, n] of Object.entries(unfinished)) {
      count.notes.push(
        `${name}: ${n} test(s) ${status === 'failed' ? 'failed' : `never finished (${status})`}`,
      );
    }
    count.failed += failedHere;
  }
  if (report.success === false && count.failed === 0) {
    count.failed = 1;
    count.notes.push('vitest reported the run as failed');
  }
  return count;
}

/** The count of a node:test TAP output (its closing "# pass N" … lines). */
export function countTap(text) {
  const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const count = {
    passed: total('pass'),
    failed: total('fail') + total('cancelled'),
    skipped: total('skipped') + total('todo'),
    notes: [],
  };
  if (!/^# tests \d+$/m.test(text)) {
    count.failed = Math.max(count.failed, 1);
    count.notes.push('the TAP output has no closing counts (the test run did not finish)');
  }
  return count;
}

/** "LABEL: N passed, N failed", with skipped tests when there are any. */
export function summaryLine(label, { passed, failed, skipped }) {
  return `${label}: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ''}`;
}

/** Every workspace package with a vitest config under `root`. */
function packagesWithTests(root) {
  return GROUPS.flatMap((group) => {
    const dir = join(root, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => join(dir, name))
      .filter((pkg) =>
        ['ts', 'mts', 'js', 'mjs'].some((x) => existsSync(join(pkg, `vitest.config.${x}`))),
      );
  });
}

/** Moves the reports under `root` into `dir` and sums them. */
export function collect(root, dir) {
  mkdirSync(dir, { recursive: true });
  const total = { passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const pkg of packagesWithTests(root)) {
    const name = relative(root, pkg);
    const report = join(pkg, REPORT);
    let count;
    if (!existsSync(report)) {
      count = {
        passed: 0,
        failed: 1,
        skipped: 0,
        notes: ['no test report (its tests did not run)'],
      };
    } else {
      const moved = join(dir, `${name.replaceAll('/', '-')}.json`);
      renameSync(report, moved);
      try {
        count = countReport(JSON.parse(readFileSync(moved, 'utf8')));
      } catch (error) {
        count = {
          passed: 0,
          failed: 1,
          skipped: 0,
          notes: [`unreadable report: ${error.message}`],
        };
      }
    }
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
    total.notes.push(...count.notes.map((note) => `${name}: ${note}`));
  }
  if (total.passed + total.failed === 0) {
    total.failed = 1;
    total.notes.push('no test ran');
  }
  return total;
}

function save(label, dir, count) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify({ label, ...count }, null, 2)}\n`);
  for (const note of count.notes) console.error(`  ${label}: ${note}`);
  console.log(summaryLine(label, count));
  return count.failed === 0 ? 0 : 1;
}

/** One line per summary, then the closing line; a missing summary counts as one failure. */
export function total(root, names) {
  const lines = [];
  const sum = { passed: 0, failed: 0 };
  for (const name of names) {
    const file = join(root, name, 'summary.json');
    const summary = existsSync(file)
      ? JSON.parse(readFileSync(file, 'utf8'))
      : { label: name, passed: 0, failed: 1, skipped: 0, notes: ['did not run'] };
    lines.push(summaryLine(summary.label, summary) + (existsSync(file) ? '' : ' (did not run)'));
    sum.passed += summary.passed;
    sum.failed += summary.failed;
  }
  lines.push(`tests: ${sum.passed} passed, ${sum.failed} failed`);
  return { lines, failed: sum.failed };
}

function main([command, ...args]) {
  switch (command) {
    case 'collect': {
      const [label, dir] = args;
      if (!label || !dir) break;
      return save(label, dir, collect(process.cwd(), dir));
    }
    case 'tap': {
      const [label, dir, file] = args;
      if (!label || !dir || !file) break;
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      return save(label, dir, countTap(text));
    }
    case 'total': {
      const [root, ...names] = args;
      if (!root || names.length === 0) break;
      const result = total(root, names);
      for (const line of result.lines) console.log(line);
      return result.failed === 0 ? 0 : 1;
    }
  }
  console.error(
    'usage: summarize-tests.mjs collect LABEL DIR | tap LABEL DIR FILE | total ROOT NAME...',
  );
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2));
}
