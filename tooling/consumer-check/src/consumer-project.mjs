// @ts-check
// The fresh project an npm user would have: a temp folder outside the repository, the packed
// tarballs, typescript and @types/node installed by npm, and the README examples as .mts and .cts
// (and .tsx in an ESM and a CommonJS folder).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { npmEnv, registryTrouble, run, tail } from './exec.mjs';
import { parseDiagnostics } from './tsc-output.mjs';

/**
 * Installs `tarballs` (the package's and its workspace dependencies') and the pinned tools into
 * `dir` (an empty folder outside `repoRoot`) with npm, sharing npm's usual cache. Throws a
 * message that says what to do when it cannot.
 * @param {{ dir: string; name: string; repoRoot: string; tarballs: string[]; tools: string[] }} options
 *   `name` of the consumer project; `tools` as exact specs, e.g. `typescript@5.9.3`
 */
export async function installConsumer({ dir, name, repoRoot, tarballs, tools }) {
  const inside = relative(repoRoot, dir);
  if (!inside.startsWith('..')) {
    throw new Error(
      `the consumer project ${dir} is inside the repository; set TMPDIR to a folder outside ${repoRoot}`,
    );
  }
  // Node resolves bare specifiers through every ancestor's node_modules.
  for (let up = dirname(dir); ; up = dirname(up)) {
    if (existsSync(join(up, 'node_modules'))) {
      throw new Error(
        `${join(up, 'node_modules')} would leak into the consumer project ${dir}; set TMPDIR to a folder with no node_modules above it`,
      );
    }
    if (dirname(up) === up) break;
  }
  writeJson(join(dir, 'package.json'), { name, private: true });
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact'];
  args.push(`--prefix=${dir}`, ...tarballs, ...tools);
  const result = await run('npm', args, { cwd: dir, env: npmEnv(), timeoutMs: 600_000 });
  if (result.code === 0) return;
  const what =
    registryTrouble(result.stderr) ||
    `npm install failed${result.timedOut ? ' (no answer in 10 minutes)' : ` with exit code ${result.code}`}.`;
  throw new Error(
    `${what}\n  npm ${args.join(' ')}\n${indent(tail(result.stderr || result.stdout), 4)}`,
  );
}

/**
 * The TypeScript settings of the two consumers checked, each with `strict`,
 * `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes` and the package's declarations checked
 * (`skipLibCheck: false`). Only node16 emits: that output is what `node` runs.
 */
export const MODES = {
  bundler: { module: 'preserve', moduleResolution: 'bundler', noEmit: true },
  node16: {
    module: 'node16',
    moduleResolution: 'node16',
    outDir: 'out',
    rootDir: 'examples',
    sourceMap: true,
  },
};

/**
 * Writes `tsconfig.<mode>.json` over `files` and runs the project's own tsc on it; with
 * `jsxImportSource` (for `.tsx` examples) it is `tsconfig.<mode>.jsx.json`, with `jsx: react-jsx`
 * and that import source.
 * @param {string} dir
 * @param {keyof typeof MODES} mode
 * @param {string[]} files relative to `dir`
 * @param {{ lib?: string[]; jsxImportSource?: string }} [settings] `lib` is `['ES2023']` unless
 *   the package's users need more (say `DOM`, for declarations that name DOM types)
 */
export async function typecheck(dir, mode, files, { lib = ['ES2023'], ...jsx } = {}) {
  const compilerOptions = {
    target: 'ES2022',
    lib,
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    ...(jsx.jsxImportSource ? { jsx: 'react-jsx', jsxImportSource: jsx.jsxImportSource } : {}),
    ...MODES[mode],
  };
  const config = `tsconfig.${mode}${jsx.jsxImportSource ? '.jsx' : ''}.json`;
  writeJson(join(dir, config), { compilerOptions, files });
  const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
  const result = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
    cwd: dir,
    timeoutMs: 300_000,
  });
  const diagnostics = parseDiagnostics(result.stdout);
  if (result.code !== 0 && diagnostics.length === 0) {
    diagnostics.push({
      file: '',
      line: 0,
      column: 0,
      text: `tsc exited with ${result.code}\n${tail(result.stdout + result.stderr)}`,
    });
  }
  return diagnostics;
}

/** @param {string} file @param {unknown} value */
export function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** @param {string} text @param {number} spaces */
export function indent(text, spaces) {
  return text.replace(/^(?=.)/gm, ' '.repeat(spaces));
}
