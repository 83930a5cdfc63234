import { describe, expect, it } from 'vitest';
import { extractExamples } from './markdown.mjs';
import {
  importedPackages,
  importProblems,
  packageName,
  readmeInstalls,
} from './readme-installs.mjs';

const md = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('readmeInstalls', () => {
  it('reads npm, pnpm, yarn and bun installs from shell blocks, flags and versions dropped', () => {
    const readme = md(
      '```sh',
      'npm install @ptfx/site @ptfx/domain',
      '$ pnpm add hono@4.13.19 -D typescript # for TSX',
      'cd app && yarn add zod; bun add @ptfx/domain',
      'npm run build',
      '```',
      '```text',
      'npm install not-a-command',
      '```',
    );
    expect(readmeInstalls(readme)).toEqual([
      '@ptfx/site',
      '@ptfx/domain',
      'hono',
      'typescript',
      'zod',
    ]);
  });

  it('finds nothing where there is no install command', () => {
    expect(readmeInstalls(md('# Title', '```sh', 'npm test', '```'))).toEqual([]);
  });
});

describe('importedPackages and packageName', () => {
  it('names each imported package once, subpaths folded, Node modules and paths left out', () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import type { Clinic } from '@ptfx/domain';",
      "import { sampleClinic } from '@ptfx/domain/sample';",
      "import {\n  renderSite,\n  FIELD,\n} from '@ptfx/site';",
      "import 'hono/jsx';",
      "export { x } from './local.js';",
      "const z = require('zod');",
      "const y = await import('yaml');",
    ].join('\n');
    expect(importedPackages(code)).toEqual(['@ptfx/domain', '@ptfx/site', 'hono', 'zod', 'yaml']);
  });

  it('reads install words and specifiers alike', () => {
    expect(packageName('hono@4.13.19')).toBe('hono');
    expect(packageName('@ptfx/site@^0.1.0')).toBe('@ptfx/site');
    expect(packageName('hono/jsx/jsx-runtime')).toBe('hono');
    expect(packageName('fs/promises')).toBeUndefined();
    expect(packageName('https://esm.sh/hono')).toBeUndefined();
  });
});

describe('importProblems', () => {
  const readme = md(
    '```ts',
    "import { renderSite } from '@ptfx/site';",
    "import { sampleClinic } from '@ptfx/domain/sample';",
    '```',
    '```tsx',
    "import { ContactBlock } from '@ptfx/site';",
    'console.log(String(<p />));',
    '```',
    '```ts no-run',
    "import { serve } from '@hono/node-server';",
    '```',
  );
  const examples = extractExamples(readme);

  it('passes examples that import the package and what the README installs', () => {
    const problems = importProblems({
      examples,
      installs: ['@ptfx/site', '@ptfx/domain', 'hono'],
      packageName: '@ptfx/site',
      jsxImportSource: 'hono/jsx',
      readmeName: 'README.md',
    });
    expect(problems).toEqual(new Map());
  });

  it('names, by example, a hoisted dependency the README never installs, jsxImportSource too', () => {
    const problems = importProblems({
      examples,
      installs: ['@ptfx/site'],
      packageName: '@ptfx/site',
      jsxImportSource: 'hono/jsx',
      readmeName: 'README.md',
    });
    expect(Object.fromEntries(problems)).toMatchInlineSnapshot(`
      {
        "1": [
          "imports @ptfx/domain, which README.md's install command (npm install @ptfx/site) does not install: npm hoists it as a dependency of @ptfx/site, but a pnpm or Yarn PnP project cannot resolve it — add @ptfx/domain to the install command",
        ],
        "5": [
          "compiles against (jsxImportSource hono/jsx) hono, which README.md's install command (npm install @ptfx/site) does not install: npm hoists it as a dependency of @ptfx/site, but a pnpm or Yarn PnP project cannot resolve it — add hono to the install command",
        ],
      }
    `);
  });
});
