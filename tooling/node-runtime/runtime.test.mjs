import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { satisfies, supportedRange } from './runtime.mjs';

const RANGE = '^22.13.0 || ^24.0.0 || ^26.0.0';

test('satisfies reads caret ranges joined by ||', () => {
  for (const yes of ['22.13.0', 'v22.23.3', '24.0.0', '24.21.0', '26.10.0'])
    assert.equal(satisfies(yes, RANGE), true, yes);
  for (const no of ['20.20.2', '22.12.9', '23.11.0', '25.0.0', '27.0.0', '18.0.0'])
    assert.equal(satisfies(no, RANGE), false, no);
});

test('satisfies refuses what it does not read, rather than guess', () => {
  assert.throws(() => satisfies('24.0.0', '>=22'), /only caret ranges/);
  assert.throws(() => satisfies('24', RANGE), /not a Node version/);
});

test('the workspace range is the one the tests assume, and the running Node is judged by it', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  assert.equal(supportedRange(root), RANGE);
  const dir = mkdtempSync(join(tmpdir(), 'ptfx-runtime-'));
  writeFileSync(join(dir, 'package.json'), '{}');
  assert.throws(() => supportedRange(dir), /has no engines.node/);
});
