// Tests of summarize-tests.mjs, run by .ci/run (node --test) before the test runs it sums up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { countReport, countTap, summaryLine } from './summarize-tests.mjs';

const SCRIPT = fileURLToPath(new URL('./summarize-tests.mjs', import.meta.url));
const fixture = (name) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** A vitest JSON report with one file per entry: `[fileStatus, [testStatus…], message?]`. */
function report(...files) {
  return {
    success: true,
    testResults: files.map(([status, tests, message = ''], i) => ({
      name: `/repo/src/f${i}.test.ts`,
      status,
      message,
      assertionResults: tests.map((s, j) => ({ title: `t${j}`, fullName: `t${j}`, status: s })),
    })),
  };
}

describe('countReport', () => {
  it('counts a clean run', () => {
    const count = countReport(report(['passed', ['passed', 'passed']], ['passed', ['passed']]));
    assert.deepEqual(count, { passed: 3, failed: 0, skipped: 0, notes: [] });
  });

  it('counts the tests a crashed worker left pending as failed (a real Node 24 abort)', () => {
    // apps/api on Node 24.21 with better-sqlite3 12: a worker aborted in Statement::~Statement.
    // vitest wrote numFailedTests 0 and success true; 46 tests never finished.
    const real = fixture('vitest-worker-abort.json');
    assert.equal(real.numFailedTests, 0);
    assert.equal(real.success, true);
    const count = countReport(real);
    assert.equal(count.passed, 17);
    assert.equal(count.failed, 46);
    assert.match(
      count.notes.join('\n'),
      /sqlite\.test\.ts: 43 test\(s\) never finished \(pending\)/,
    );
    assert.match(count.notes.join('\n'), /fast-path\.int\.test\.ts: 3 test\(s\) never finished/);
  });

  it('counts failed tests, and any status it does not know, as failed', () => {
    const count = countReport(report(['failed', ['passed', 'failed', 'pending', 'queued']]));
    assert.equal(count.passed, 1);
    assert.equal(count.failed, 3);
  });

  it('counts skipped and todo tests apart, not as failed', () => {
    const count = countReport(report(['passed', ['passed', 'skipped', 'todo']]));
    assert.deepEqual(count, { passed: 1, failed: 0, skipped: 2, notes: [] });
  });

  it('counts a test file that failed to run (no tests) as one failure, with its message', () => {
    const count = countReport(
      report(['passed', ['passed']], ['failed', [], 'Failed to load url ./missing.js\nstack…']),
    );
    assert.equal(count.passed, 1);
    assert.equal(count.failed, 1);
    assert.deepEqual(count.notes, [
      '/repo/src/f1.test.ts failed outside its tests: Failed to load url ./missing.js',
    ]);
  });

  it('counts a file that failed although its tests passed (a hook threw) as one failure', () => {
    assert.equal(countReport(report(['failed', ['passed', 'passed']])).failed, 1);
  });

  it('counts a file with no test result at all as one failure', () => {
    const count = countReport(report(['passed', []]));
    assert.equal(count.failed, 1);
    assert.deepEqual(count.notes, ['/repo/src/f0.test.ts has no test result at all']);
  });

  it('counts a report without test files, or one vitest says failed, as a failure', () => {
    assert.equal(countReport({}).failed, 1);
    assert.equal(countReport({ ...report(['passed', ['passed']]), success: false }).failed, 1);
  });
});

describe('countTap', () => {
  it('reads node:test’s closing counts', () => {
    const tap =
      'TAP version 13\n# tests 5\n# suites 1\n# pass 3\n# fail 1\n# cancelled 1\n# skipped 0\n# todo 0\n';
    assert.deepEqual(countTap(tap), { passed: 3, failed: 2, skipped: 0, notes: [] });
  });

  it('counts output that stops before the counts as a failure', () => {
    assert.equal(countTap('TAP version 13\nok 1 - a\n').failed, 1);
    assert.equal(countTap('').failed, 1);
  });
});

describe('summaryLine', () => {
  it('says passed and failed, and skipped only when there are some', () => {
    assert.equal(
      summaryLine('node 22.23.3', { passed: 5, failed: 0, skipped: 0 }),
      'node 22.23.3: 5 passed, 0 failed',
    );
    assert.equal(
      summaryLine('x', { passed: 5, failed: 1, skipped: 2 }),
      'x: 5 passed, 1 failed (2 skipped)',
    );
  });
});

describe('the command line', () => {
  const root = mkdtempSync(join(tmpdir(), 'ptfx-summarize-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const run = (...args) =>
    spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' });
  const pkg = (path, result) => {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(join(root, path, 'vitest.config.ts'), '');
    if (result) writeFileSync(join(root, path, '.vitest-results.json'), JSON.stringify(result));
  };

  it('collects each major’s reports once, and totals every major in one closing line', () => {
    pkg('packages/domain', report(['passed', ['passed', 'passed', 'skipped']]));
    pkg('apps/api', report(['passed', ['passed', 'pending']]));
    mkdirSync(join(root, 'apps/web'), { recursive: true }); // no vitest config: no report expected

    const first = run('collect', 'node 22.23.3', 'reports/node-22');
    assert.equal(first.status, 1);
    assert.equal(first.stdout, 'node 22.23.3: 3 passed, 1 failed (1 skipped)\n');
    assert.match(
      first.stderr,
      /apps\/api: \/repo\/src\/f0\.test\.ts: 1 test\(s\) never finished \(pending\)/,
    );
    // Moved, not copied: the next major cannot count them again.
    assert.equal(existsSync(join(root, 'apps/api/.vitest-results.json')), false);
    assert.equal(existsSync(join(root, 'reports/node-22/apps-api.json')), true);

    // The next major wrote only the domain's report: the API's missing one is a failure.
    pkg('packages/domain', report(['passed', ['passed', 'passed']]));
    const second = run('collect', 'node 24.21.0', 'reports/node-24');
    assert.equal(second.stdout, 'node 24.21.0: 2 passed, 1 failed\n');
    assert.match(second.stderr, /apps\/api: no test report/);

    const total = run('total', 'reports', 'node-22', 'node-24', 'node-26');
    assert.equal(total.status, 1);
    assert.equal(
      total.stdout,
      [
        'node 22.23.3: 3 passed, 1 failed (1 skipped)',
        'node 24.21.0: 2 passed, 1 failed',
        'node-26: 0 passed, 1 failed (did not run)',
        'tests: 5 passed, 3 failed',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when everything passed, and 2 on a usage error', () => {
    pkg('packages/domain', report(['passed', ['passed']]));
    rmSync(join(root, 'apps'), { recursive: true, force: true });
    const collected = run('collect', 'node 26.10.0', 'clean/node-26');
    assert.equal(collected.status, 0);
    const total = run('total', 'clean', 'node-26');
    assert.equal(total.status, 0);
    assert.equal(total.stdout.split('\n').at(-2), 'tests: 1 passed, 0 failed');
    assert.equal(run('collect').status, 2);
  });
});
