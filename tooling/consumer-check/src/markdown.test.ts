import { describe, expect, it } from 'vitest';
import { extractExamples, fencedBlocks, linkTargets, normaliseOutput } from './markdown.mjs';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('extractExamples', () => {
  it('takes each ts block with the line of its fence, and the text block after it as its output', () => {
    const readme = md(
      '# Title',
      '',
      '```ts',
      "import { isValidNpi } from '@ptfx/domain';",
      "console.log(isValidNpi('1234567893'));",
      '```',
      '',
      '```text',
      'true   ',
      '',
      '```',
    );
    expect(extractExamples(readme)).toEqual([
      {
        line: 3,
        code: "import { isValidNpi } from '@ptfx/domain';\nconsole.log(isValidNpi('1234567893'));\n",
        expectedOutput: 'true\n',
        expectedOutputLine: 8,
      },
    ]);
  });

  it('allows one line of prose such as "Prints:" between an example and its output', () => {
    const readme = md('```ts', 'console.log(1);', '```', '', 'Prints:', '', '```text', '1', '```');
    expect(extractExamples(readme)[0]?.expectedOutput).toBe('1\n');
  });

  it('does not take a text block two lines of prose or a heading away as the output', () => {
    const twoLines = md(
      '```ts',
      'console.log(1);',
      '```',
      'One line.',
      'Another.',
      '```text',
      '1',
      '```',
    );
    const heading = md('```ts', 'console.log(1);', '```', '## Next', '```text', '1', '```');
    expect(extractExamples(twoLines)[0]).toEqual({ line: 1, code: 'console.log(1);\n' });
    expect(extractExamples(heading)[0]).toEqual({ line: 1, code: 'console.log(1);\n' });
  });

  it('keeps an empty text block as an expectation of no output', () => {
    const readme = md('```ts', 'const x = 1;', '```', '```text', '```');
    expect(extractExamples(readme)[0]?.expectedOutput).toBe('');
  });

  it('marks `ts no-run` blocks, and does not give them the text block after them', () => {
    const readme = md('```ts no-run', 'clinic.locations;', '```', '```text', 'x', '```');
    expect(extractExamples(readme)).toEqual([
      { line: 1, code: 'clinic.locations;\n', noRun: true },
    ]);
  });

  it('ignores other languages, and fences inside a longer fence', () => {
    const readme = md(
      '```sh',
      'npm install @ptfx/domain',
      '```',
      '````md',
      '```ts',
      'not run',
      '```',
      '````',
    );
    expect(extractExamples(readme)).toEqual([]);
  });

  it('reads tilde fences and fences indented in a list item', () => {
    const readme = md('- item', '', '  ~~~ts', '  console.log(1);', '    indented();', '  ~~~');
    expect(extractExamples(readme)).toEqual([
      { line: 3, code: 'console.log(1);\n  indented();\n' },
    ]);
  });

  it('names every malformed block by file and line, in one error', () => {
    const readme = md('```ts norun', 'a', '```', '```typescript', 'b', '```', '```TS', 'c', '```');
    expect(() => extractExamples(readme, 'README.md')).toThrowErrorMatchingInlineSnapshot(`
      [Error: README.md:1: unknown info string "ts norun": write \`\`\`ts for an example that is run, or \`\`\`ts no-run to opt out
      README.md:4: \`\`\`typescript is not run: write \`\`\`ts for an example that is run, or \`\`\`ts no-run to opt out
      README.md:7: \`\`\`TS is not run: write \`\`\`ts for an example that is run, or \`\`\`ts no-run to opt out]
    `);
  });

  it('takes tsx blocks as examples marked tsx, with their output and their no-run', () => {
    const readme = md(
      '```tsx',
      'console.log(String(<p>hi</p>));',
      '```',
      '',
      '```text',
      '<p>hi</p>',
      '```',
      '```tsx no-run',
      '<Page />;',
      '```',
    );
    expect(extractExamples(readme)).toEqual([
      {
        line: 1,
        code: 'console.log(String(<p>hi</p>));\n',
        tsx: true,
        expectedOutput: '<p>hi</p>\n',
        expectedOutputLine: 5,
      },
      { line: 8, code: '<Page />;\n', noRun: true, tsx: true },
    ]);
  });

  it('refuses tsx lookalikes and unknown tsx info strings, naming tsx in the fix', () => {
    const readme = md('```TSX', 'a', '```', '```jsx', 'b', '```', '```tsx skip', 'c', '```');
    expect(() => extractExamples(readme, 'README.md')).toThrowErrorMatchingInlineSnapshot(`
      [Error: README.md:1: \`\`\`TSX is not run: write \`\`\`tsx for an example that is run, or \`\`\`tsx no-run to opt out
      README.md:4: \`\`\`jsx is not run: write \`\`\`tsx for an example that is run, or \`\`\`tsx no-run to opt out
      README.md:7: unknown info string "tsx skip": write \`\`\`tsx for an example that is run, or \`\`\`tsx no-run to opt out]
    `);
  });

  it('refuses a fence that is never closed', () => {
    const readme = md('```ts', 'console.log(1);', '', '## Next section');
    expect(() => extractExamples(readme, 'README.md')).toThrowErrorMatchingInlineSnapshot(
      '[Error: README.md:1: the ```ts block opened here is never closed; close it with ```]',
    );
  });
});

describe('normaliseOutput', () => {
  it('cuts trailing whitespace (and CR) from each line and ends with exactly one newline', () => {
    expect(normaliseOutput('a  \r\nb\t\n\n\n')).toBe('a\nb\n');
    expect(normaliseOutput('  indented\n\nkept blank line')).toBe(
      '  indented\n\nkept blank line\n',
    );
    expect(normaliseOutput('\n \n')).toBe('');
  });
});

describe('fencedBlocks', () => {
  it('gives the lines of the opening and closing fences', () => {
    expect(fencedBlocks(md('text', '```yaml', 'a: 1', '```'))).toEqual([
      { line: 2, endLine: 4, info: 'yaml', indent: 0, content: 'a: 1\n' },
    ]);
  });
});

describe('linkTargets', () => {
  it('finds inline links, images, reference definitions and HTML links, with their lines', () => {
    const readme = md(
      'See [the sample](sample/clinic.yaml "title") and ![logo](<docs/logo 1.png>).',
      '[schema]: ./schema/clinic.schema.json',
      '<a href="LICENSE">licence</a> [site](https://ptfx.dev/)',
    );
    expect(linkTargets(readme)).toEqual([
      { line: 1, target: 'docs/logo 1.png' },
      { line: 1, target: 'sample/clinic.yaml' },
      { line: 2, target: './schema/clinic.schema.json' },
      { line: 3, target: 'https://ptfx.dev/' },
      { line: 3, target: 'LICENSE' },
    ]);
  });

  it('skips code: fenced blocks and inline code spans', () => {
    const readme = md(
      '`[a](in-code.md)` and [`code` text](real.md)',
      '```ts',
      'x[0](y);',
      '[b](fenced.md)',
      '```',
    );
    expect(linkTargets(readme)).toEqual([{ line: 1, target: 'real.md' }]);
  });
});
