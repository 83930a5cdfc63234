// @ts-check
// What a README tells its reader to install, and whether its examples import anything else. npm
// hoists a package's dependencies, so an example that imports one of them (or compiles against
// it through `jsxImportSource`) runs in a fresh npm project even when the README never says to
// install it, and then fails for a pnpm or Yarn PnP user. Pure functions over markdown and code.
import { builtinModules } from 'node:module';
import { fencedBlocks } from './markdown.mjs';

/** @typedef {import('./markdown.mjs').Example} Example */

const SHELLS = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const INSTALL = /^(?:npm\s+(?:install|i|add)|pnpm\s+(?:add|install|i)|yarn\s+add|bun\s+add)\s+/;

/**
 * The packages the README's shell blocks install (`npm install a b`, `pnpm add`, `yarn add`,
 * `bun add`; flags and versions dropped), in order, each once.
 * @param {string} markdown
 * @param {string} [file] the name used in error messages
 */
export function readmeInstalls(markdown, file = 'README.md') {
  /** @type {string[]} */
  const names = [];
  for (const block of fencedBlocks(markdown, file)) {
    if (!SHELLS.has(block.info.split(/\s+/)[0] ?? '')) continue;
    for (const raw of block.content.split('\n')) {
      for (const command of raw.replace(/^\s*\$\s*/, '').split(/&&|;|\|\|/)) {
        const text = command.replace(/#.*$/, '').trim();
        const match = INSTALL.exec(text);
        if (!match) continue;
        for (const word of text.slice(match[0].length).split(/\s+/)) {
          const name = packageName(word);
          if (word && !word.startsWith('-') && name && !names.includes(name)) names.push(name);
        }
      }
    }
  }
  return names;
}

/**
 * The packages `code` imports (`import … from`, `import '…'`, `import('…')`, `require('…')`,
 * `export … from`), without relative paths and Node's built-in modules.
 * @param {string} code
 */
export function importedPackages(code) {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\b(?:import|require)\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  /** @type {string[]} */
  const names = [];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const name = packageName(match[2] ?? '');
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * The package a specifier or an install word names (`@ptfx/domain/sample` → `@ptfx/domain`,
 * `hono@4` → `hono`), or undefined for a relative path, a URL or one of Node's modules.
 * @param {string} specifier
 */
export function packageName(specifier) {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || /^\w+:\/\//.test(specifier))
    return undefined;
  const scoped = /^(@[^/@\s]+\/[^/@\s]+)/.exec(specifier);
  const name = scoped ? scoped[1] : /^([^/@\s]+)/.exec(specifier)?.[1];
  if (!name || builtinModules.includes(name)) return undefined;
  return name;
}

/**
 * For each runnable example that imports a package the README does not install (a `tsx` one
 * also the package of `jsxImportSource`), one problem per package, keyed by the example's line.
 * `packageName` (the package itself) counts as installed.
 * @param {{ examples: Example[]; installs: string[]; packageName: string; jsxImportSource?: string | undefined; readmeName: string }} options
 * @returns {Map<number, string[]>}
 */
export function importProblems({
  examples,
  installs,
  packageName: self,
  jsxImportSource,
  readmeName,
}) {
  /** @type {Map<number, string[]>} */
  const problems = new Map();
  const jsxPackage = jsxImportSource ? packageName(jsxImportSource) : undefined;
  const command = `npm install ${[...installs, ...(installs.length ? [] : [self])].join(' ')}`;
  for (const example of examples.filter((e) => !e.noRun)) {
    const imported = importedPackages(example.code).map((name) => ({ name, how: 'imports' }));
    if (example.tsx && jsxPackage)
      imported.push({
        name: jsxPackage,
        how: `compiles against (jsxImportSource ${jsxImportSource})`,
      });
    const missing = imported.filter(({ name }) => name !== self && !installs.includes(name));
    if (missing.length === 0) continue;
    problems.set(
      example.line,
      missing.map(
        ({ name, how }) =>
          `${how} ${name}, which ${readmeName}'s install command (${command}) does not install: npm hoists it as a dependency of ${self}, but a pnpm or Yarn PnP project cannot resolve it — add ${name} to the install command`,
      ),
    );
  }
  return problems;
}
