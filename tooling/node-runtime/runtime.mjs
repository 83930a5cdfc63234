// Which Node majors the workspace supports (root package.json `engines.node`), and where to get a
// supported one when the machine's is older: the npm registry's `node` package, which ships the
// real binary for the platform and installs offline from the registry alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Node the workspace runs on when the machine's is not supported: the active LTS. */
export const FALLBACK_NODE = '24.21.0';

/**
 * Whether `version` (`22.13.0`, `v24.1.0`) satisfies an `engines.node` range made of caret
 * ranges joined by `||` (`^22.13.0 || ^24.0.0 || ^26.0.0`), the only form the workspace uses.
 * @param {string} version
 * @param {string} range
 */
export function satisfies(version, range) {
  const [major, minor, patch] = parse(version.replace(/^v/, ''));
  return range.split('||').some((part) => {
    const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(part.trim());
    if (!caret)
      throw new Error(
        `engines.node: only caret ranges joined by || are read, got "${part.trim()}"`,
      );
    const [, m, n, p] = caret.map(Number);
    return major === m && (minor > n || (minor === n && patch >= p));
  });
}

/** @param {string} version */
function parse(version) {
  const parts = version.split('.').map(Number);
  if (parts.length !== 3 || parts.some((x) => !Number.isInteger(x))) {
    throw new Error(`not a Node version: "${version}"`);
  }
  return parts;
}

/** The `engines.node` range of the workspace root's package.json. @param {string} root */
export function supportedRange(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const range = manifest.engines?.node;
  if (typeof range !== 'string')
    throw new Error(`${join(root, 'package.json')} has no engines.node`);
  return range;
}

/**
 * The folder holding `bin/node` of Node `version`, installing the npm registry's `node@version`
 * under `cacheDir` unless a working copy is there. Throws with npm's output when it cannot.
 * @param {string} version
 * @param {string} cacheDir
 */
export function fetchNode(version, cacheDir) {
  const dir = join(cacheDir, version);
  const bin = join(dir, 'node_modules', 'node', 'bin');
  const works = () =>
    existsSync(join(bin, 'node')) &&
    spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout?.trim() ===
      `v${version}`;
  if (works()) return join(dir, 'node_modules', 'node');
  mkdirSync(dir, { recursive: true });
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `node@${version}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (npm.status !== 0 || !works()) {
    throw new Error(
      `could not install Node ${version} from the npm registry (npm install node@${version}):\n${npm.stderr ?? ''}${npm.error?.message ?? ''}`,
    );
  }
  return join(dir, 'node_modules', 'node');
}
