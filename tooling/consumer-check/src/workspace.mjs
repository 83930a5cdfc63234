// @ts-check
// What the consumer check takes from the repository: the pnpm version and pinned tool versions,
// the packages packed as pnpm publishes them, and the workspace's packages (which are private,
// which a package depends on through `workspace:`).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { indent } from './consumer-project.mjs';
import { npmEnv, registryTrouble, run, tail } from './exec.mjs';

/**
 * @typedef {{ name: string; version: string; path: string; private: boolean }} WorkspacePackage
 *   `path` is absolute.
 */

/**
 * The workspace root above `packageDir`: the nearest folder with a `pnpm-workspace.yaml`.
 * @param {string} packageDir
 */
export function findRepoRoot(packageDir) {
  for (let dir = resolve(packageDir); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(
        `${packageDir} is not inside a pnpm workspace (no pnpm-workspace.yaml above it)`,
      );
    }
  }
}

/** `pnpm@x.y.z` from the root package.json's `packageManager`. @param {string} repoRoot */
export function pnpmSpec(repoRoot) {
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
 * @param {string} packageDir
 * @param {string} where the package folder as shown in messages, e.g. `packages/domain`
 * @param {string[]} names
 */
export function pinnedTools(packageDir, where, names) {
  /** @type {{ devDependencies?: Record<string, string> }} */
  const pkg = readJson(join(packageDir, 'package.json'));
  return names.map((name) => {
    const version = pkg.devDependencies?.[name];
    if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
      throw new Error(
        `${where}/package.json must pin devDependencies["${name}"] to an exact version, got ${JSON.stringify(version)}`,
      );
    }
    return `${name}@${version}`;
  });
}

/**
 * `name@range` for each of `names` that the package depends on (dependencies, peerDependencies or
 * devDependencies, in that order): what the README's install command gets a user, at the range
 * the package is developed against. `unknown` lists the names it does not depend on at all.
 * @param {string} packageDir
 * @param {string[]} names
 */
export function dependencySpecs(packageDir, names) {
  const pkg = readJson(join(packageDir, 'package.json'));
  const specs = [];
  const unknown = [];
  for (const name of names) {
    const range = ['dependencies', 'peerDependencies', 'devDependencies']
      .map((field) => pkg[field])
      .flatMap((deps) => (typeof deps === 'object' && deps !== null ? Object.entries(deps) : []))
      .find(
        ([key, value]) =>
          key === name && typeof value === 'string' && !/^(workspace|file|link):/.test(value),
      )?.[1];
    if (typeof range === 'string') specs.push(`${name}@${range}`);
    else unknown.push(name);
  }
  return { specs, unknown };
}

/**
 * Throws when the package's build output was never built; warns when a source file (not a test or
 * a benchmark) is newer than it, since the check packs dist/ as it is (turbo builds before `test`; a direct run does not).
 * The build output is the file named by `module` or `main` in its package.json.
 * @param {string} packageDir
 * @param {string} where the package folder as shown in messages
 */
export function checkDistBuilt(packageDir, where) {
  /** @type {{ name?: string; module?: string; main?: string }} */
  const pkg = readJson(join(packageDir, 'package.json'));
  const entry = (pkg.module ?? pkg.main)?.replace(/^\.\//, '');
  if (!entry) throw new Error(`${where}/package.json names no "module" or "main" file to check`);
  const built = join(packageDir, entry);
  if (!existsSync(built)) {
    throw new Error(
      `${where}/${entry} is missing: build first (\`pnpm --filter ${pkg.name} build\`)`,
    );
  }
  const builtAt = statSync(built).mtimeMs;
  const src = join(packageDir, 'src');
  if (!existsSync(src)) return;
  const newer = readdirSync(src, { recursive: true, encoding: 'utf8' }).find(
    (file) =>
      /\.tsx?$/.test(file) &&
      !/\.(test|bench)\.tsx?$/.test(file) &&
      statSync(join(src, file)).mtimeMs > builtAt,
  );
  if (newer) {
    console.log(
      `warning: ${where}/src/${newer} is newer than ${entry}; the check packs the build as it is`,
    );
  }
}

/**
 * Packs the package with pnpm (which rewrites `workspace:` ranges, as publishing does) into
 * `destination`, which must hold no other tarball, and returns the .tgz path.
 * @param {string} pnpm @param {string} packageDir @param {string} destination
 * @param {string} where the package folder as shown in messages
 */
export async function pack(pnpm, packageDir, destination, where) {
  mkdirSync(destination, { recursive: true });
  const args = ['-y', pnpm, 'pack', '--pack-destination', destination];
  const result = await run('npx', args, { cwd: packageDir, env: npmEnv() });
  const tarballs =
    result.code === 0 ? readdirSync(destination).filter((file) => file.endsWith('.tgz')) : [];
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new Error(npxFailure(args, result, where));
  }
  return join(destination, tarballs[0]);
}

/** The workspace's packages, from `pnpm ls -r`. @param {string} pnpm @param {string} repoRoot */
export async function workspacePackages(pnpm, repoRoot) {
  const args = ['-y', pnpm, 'ls', '-r', '--depth', '-1', '--json'];
  const result = await run('npx', args, { cwd: repoRoot, env: npmEnv() });
  if (result.code !== 0) throw new Error(npxFailure(args, result, 'the repository root'));
  /** @type {{ name?: string; version?: string; path?: string; private?: boolean }[]} */
  const listed = JSON.parse(result.stdout);
  /** @type {WorkspacePackage[]} */
  const packages = [];
  for (const p of listed) {
    if (!p.name || !p.path) continue;
    packages.push({
      name: p.name,
      version: p.version ?? '',
      path: resolve(p.path),
      private: p.private === true,
    });
  }
  return packages;
}

/**
 * The workspace packages that `packageDir` needs at run time through `workspace:` ranges in
 * `dependencies`, `peerDependencies` or `optionalDependencies`, and theirs in turn: what an npm
 * user gets from the registry, so what the consumer installs from tarballs beside it.
 * @param {string} packageDir
 * @param {WorkspacePackage[]} packages the workspace's packages
 * @returns {WorkspacePackage[]} in the order found, without the package itself
 */
export function workspaceDependencies(packageDir, packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const start = resolve(packageDir);
  /** @type {Map<string, WorkspacePackage>} */
  const found = new Map();
  const queue = [start];
  for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) {
    const pkg = readJson(join(dir, 'package.json'));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = pkg[field];
      if (typeof deps !== 'object' || deps === null) continue;
      for (const [name, spec] of Object.entries(deps)) {
        if (typeof spec !== 'string' || !spec.startsWith('workspace:')) continue;
        const dep = byName.get(name);
        if (!dep) {
          throw new Error(
            `${relative(start, join(dir, 'package.json'))}: ${field}["${name}"] is "${spec}", but the workspace has no package ${name}`,
          );
        }
        if (dep.path === start || found.has(name)) continue;
        found.set(name, dep);
        queue.push(dep.path);
      }
    }
  }
  return [...found.values()];
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
export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
