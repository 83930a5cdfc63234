// @ts-check
// What the consumer check takes from the repository: the pnpm version and pinned tool versions,
// the package packed as pnpm publishes it, and the names of the private workspace packages.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indent } from './consumer-project.mjs';
import { npmEnv, registryTrouble, run, tail } from './exec.mjs';

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = resolve(packageDir, '..', '..');

/** `pnpm@x.y.z` from the root package.json's `packageManager`. */
export function pnpmSpec() {
  const { packageManager } = readJson(join(repoRoot, 'package.json'));
  const version = /^pnpm@(\d+\.\d+\.\d+)/.exec(String(packageManager))?.[1];
  if (!version) {
    throw new Error(
      `the root package.json's packageManager must be pnpm@x.y.z, got ${JSON.stringify(packageManager)}`,
    );
  }
  return `pnpm@${version}`;
}

/**
 * `name@version` for each of `names` from the package's devDependencies, which must pin them
 * exactly: the consumer installs the versions the package is developed with.
 * @param {string[]} names
 */
export function pinnedTools(names) {
  /** @type {{ devDependencies?: Record<string, string> }} */
  const pkg = readJson(join(packageDir, 'package.json'));
  return names.map((name) => {
    const version = pkg.devDependencies?.[name];
    if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new Error(
        `packages/domain/package.json must pin devDependencies["${name}"] to an exact version, got ${JSON.stringify(version)}`,
      );
    }
    return `${name}@${version}`;
  });
}

/**
 * Throws when dist/ was never built; warns when a source file is newer than it, since the check
 * packs dist/ as it is (turbo builds before `test`; a direct run does not).
 */
export function checkDistBuilt() {
  const built = join(packageDir, 'dist', 'index.js');
  if (!existsSync(built)) {
    throw new Error(
      'packages/domain/dist/index.js is missing: build first (`pnpm --filter @ptfx/domain build`)',
    );
  }
  const builtAt = statSync(built).mtimeMs;
  const src = join(packageDir, 'src');
  const newer = readdirSync(src, { recursive: true, encoding: 'utf8' }).find(
    (file) => file.endsWith('.ts') && statSync(join(src, file)).mtimeMs > builtAt,
  );
  if (newer)
    console.log(`warning: src/${newer} is newer than dist/; the check packs dist/ as built`);
}

/**
 * Packs the package with pnpm (which rewrites `workspace:` ranges, as publishing does) into
 * `destination` and returns the .tgz path.
 * @param {string} pnpm @param {string} destination
 */
export async function pack(pnpm, destination) {
  const args = ['-y', pnpm, 'pack', '--pack-destination', destination];
  const result = await run('npx', args, { cwd: packageDir, env: npmEnv() });
  const tarballs =
    result.code === 0 ? readdirSync(destination).filter((file) => file.endsWith('.tgz')) : [];
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new Error(npxFailure(args, result, 'packages/domain'));
  }
  return join(destination, tarballs[0]);
}

/** The names of the workspace's private packages, from `pnpm ls -r`. @param {string} pnpm */
export async function privatePackages(pnpm) {
  const args = ['-y', pnpm, 'ls', '-r', '--depth', '-1', '--json'];
  const result = await run('npx', args, { cwd: repoRoot, env: npmEnv() });
  if (result.code !== 0) throw new Error(npxFailure(args, result, 'the repository root'));
  /** @type {{ name?: string; private?: boolean }[]} */
  const packages = JSON.parse(result.stdout);
  return new Set(packages.flatMap((p) => (p.private && p.name ? [p.name] : [])));
}

/**
 * What failed, with npm's words, and a plain sentence first when the registry is the cause.
 * @param {string[]} args @param {import('./exec.mjs').RunResult} result @param {string} where
 */
function npxFailure(args, result, where) {
  const output = indent(tail(result.stderr || result.stdout), 4);
  const failed = `\`npx ${args.join(' ')}\` in ${where} failed (exit ${result.code}):\n${output}`;
  const trouble = registryTrouble(result.stderr);
  return trouble ? `${trouble}\n${failed}` : failed;
}

/** @param {string} file @returns {Record<string, unknown>} */
function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
