import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../test-support/memory-io.js';

// The README's "Output formats" section: its roster and every `$ ptfx …` example in it, run.
describe('the README’s output formats section', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Output formats'));
  const body = section.slice(0, section.indexOf('\n## ', 3));
  const csv = /```csv\n([\s\S]*?)```/.exec(body)?.[1];
  const examples = [...body.matchAll(/```console\n\$ ptfx (.*)\n([\s\S]*?)```/g)];

  it('has a roster and examples', () => {
    expect(csv).toBeDefined();
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((m) => [m[1] ?? '', m[2] ?? '']))('$ ptfx %s', async (command, expected) => {
    const io = memoryIo({ files: { 'staff.csv': csv ?? '' } });
    await main(command.split(' '), io.io);
    expect(io.stdout()).toBe(expected);
  });
});
