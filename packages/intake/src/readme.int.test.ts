// Every ```ts example in README.md runs, as a user would run it (the built package, imported by
// its name), and prints what the ```text block after it says.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractExamples } from '@ptfx/consumer-check/markdown';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
// Inside the package, so that `@ptfx/intake` resolves to this package (self-reference) and its
// dependencies and devDependencies (standardwebhooks) resolve as they would for a user.
const scratch = join(root, '.readme-examples');
const examples = extractExamples(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('README examples', () => {
  it('has examples to run', () => {
    expect(examples.filter((example) => !example.noRun).length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.filter((example) => !example.noRun).map((example) => [example.line, example]))(
    'README.md:%i runs and prints its output',
    (line, example) => {
      const { code } = transformSync(example.code, {
        loader: 'ts',
        format: 'esm',
        target: 'node22',
      });
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `example-${line}.mjs`);
      writeFileSync(file, code);
      const stdout = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
      expect(
        example.expectedOutput,
        `README.md:${line} needs a text block with its output`,
      ).toBeDefined();
      expect(stdout.trimEnd()).toBe(example.expectedOutput?.trimEnd());
    },
  );
});
