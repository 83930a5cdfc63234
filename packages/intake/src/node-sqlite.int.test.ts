import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isSqliteExperimentalWarning, nodeSqlite } from './node-sqlite.js';

const SQLITE_WARNING = 'SQLite is an experimental feature and might change at any time';

describe('isSqliteExperimentalWarning', () => {
  it('is true for node:sqlite’s ExperimentalWarning, as a string or an Error', () => {
    expect(isSqliteExperimentalWarning(SQLITE_WARNING, 'ExperimentalWarning')).toBe(true);
    const error = Object.assign(new Error(SQLITE_WARNING), { name: 'ExperimentalWarning' });
    expect(isSqliteExperimentalWarning(error, undefined)).toBe(true);
  });

  it.each([
    [
      'another experimental feature',
      'The Fetch API is an experimental feature',
      'ExperimentalWarning',
    ],
    ['the same text as another type', SQLITE_WARNING, 'DeprecationWarning'],
    ['a warning without a type', SQLITE_WARNING, undefined],
  ])('is false for %s', (_what, warning, type) => {
    expect(isSqliteExperimentalWarning(warning, type)).toBe(false);
  });
});

describe('nodeSqlite', () => {
  it('gives the module, once', () => {
    expect(typeof nodeSqlite().DatabaseSync).toBe('function');
    expect(nodeSqlite()).toBe(nodeSqlite());
  });

  it('loads without printing node:sqlite’s warning, and leaves every other warning alone', () => {
    // A fresh process, so that node:sqlite is loaded here for the first time (through the
    // built package, as the server loads it).
    const index = new URL('../dist/index.js', import.meta.url).href;
    const script = `
      const { nodeSqlite } = await import(${JSON.stringify(index)});
      new (nodeSqlite().DatabaseSync)(':memory:').close();
      process.emitWarning('another experimental feature', 'ExperimentalWarning');
      process.emitWarning(${JSON.stringify(SQLITE_WARNING)}, 'ExperimentalWarning');`;
    const child = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `${script}\nprocess.stderr.write('done\\n');`],
      { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    expect(child.status, child.stderr).toBe(0);
    const stderr = child.stderr;
    // Warnings print on a later tick, so they come after "done".
    expect(stderr).toMatch(/^done\n/);
    expect(stderr).toContain('ExperimentalWarning: another experimental feature');
    // The filter is gone once the module is loaded: a later warning with the same text prints.
    expect(stderr.split(SQLITE_WARNING)).toHaveLength(2);
  });
});
