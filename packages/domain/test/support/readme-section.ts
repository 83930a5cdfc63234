import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Checks that the part of the domain README between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->` is `wanted` (a table generated from the code); with `UPDATE_DOCS=1` it
 * rewrites that part instead.
 */
export function expectReadmeSection(readmePath: string, name: string, wanted: string): void {
  const startMark = `<!-- ${name}:start -->`;
  const endMark = `<!-- ${name}:end -->`;
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(startMark);
  const end = readme.indexOf(endMark);
  expect(start, `${readmePath} has no ${startMark} … ${endMark} section`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const current = readme.slice(start + startMark.length, end);
  if (current !== wanted && process.env.UPDATE_DOCS === '1') {
    writeFileSync(
      readmePath,
      readme.slice(0, start + startMark.length) + wanted + readme.slice(end),
    );
    return;
  }
  expect(current, `the README ${name} table is stale: run the test with UPDATE_DOCS=1`).toBe(
    wanted,
  );
}
