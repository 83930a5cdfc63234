import { describe, expect, it } from 'vitest';
import { CliError } from '../errors.js';
import { main } from '../main.js';
import { memoryIo } from '../test-support/memory-io.js';
import { formatOption } from './format.js';

describe('formatOption', () => {
  it('reads --format, with --json as --format json', () => {
    expect(formatOption('x', undefined, undefined)).toBe('text');
    expect(formatOption('x', undefined, true)).toBe('json');
    expect(formatOption('x', 'SARIF', undefined)).toBe('sarif');
    expect(formatOption('x', 'json', true)).toBe('json');
    expect(formatOption('x', 'github', false)).toBe('github');
  });

  it('refuses an unknown format and --json with another one', () => {
    expect(() => formatOption('validate', 'xml', undefined)).toThrow(
      new CliError('validate: unknown --format "xml"; use one of text, json, sarif, github'),
    );
    expect(() => formatOption('credentials lint', 'sarif', true)).toThrow(
      /conflicts with --format sarif/,
    );
  });

  it('is a usage error (exit 2) on both commands', async () => {
    for (const args of [
      ['credentials', 'lint', 'Jane Doe, PT', '--json', '--format', 'github'],
      ['validate', 'c.yaml', '--format', 'xml'],
    ]) {
      const io = memoryIo({ files: { 'c.yaml': 'x: 1\n' } });
      expect(await main(args, io.io)).toBe(2);
      expect(io.stderr()).toMatch(/--format/);
    }
  });

  it('keeps --json and --format json the same output', async () => {
    const a = memoryIo();
    const b = memoryIo();
    await main(['credentials', 'lint', 'Jane Doe, DPT, PT', '--json'], a.io);
    await main(['credentials', 'lint', 'Jane Doe, DPT, PT', '--format', 'json'], b.io);
    expect(a.stdout()).toBe(b.stdout());
    expect(JSON.parse(a.stdout())).toMatchObject({ input: 'Jane Doe, DPT, PT' });
  });
});
