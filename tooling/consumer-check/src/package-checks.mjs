// @ts-check
// Checks of the packed package itself: its file list, package.json and README links. Each returns
// the problems it found, one message per problem (an empty list passes).
import { posix } from 'node:path';
import { linkTargets } from './markdown.mjs';

/** Files that belong in the repository but not on npm, with why. */
const FORBIDDEN = [
  { pattern: /^src\//, what: 'source files (src/)' },
  { pattern: /(^|\/)[^/]*\.test\.[^/]*$/, what: 'test files (*.test.*)' },
  { pattern: /(^|\/)[^/]*\.bench\.[^/]*$/, what: 'benchmarks (*.bench.*)' },
  { pattern: /(^|\/)test-support\//, what: 'test support (test-support/)' },
  {
    pattern: /^(test|tests|consumer|scripts|bench|coverage|node_modules|\.turbo)\//,
    what: 'development folders (test/, consumer/, scripts/, bench/, …)',
  },
  {
    pattern:
      /^(tsconfig[^/]*\.json|tsup\.config\.[^/]+|vitest\.config\.[^/]+|biome\.json|\.vitest-results\.json)$/,
    what: 'build and test configuration',
  },
  { pattern: /\.(tsbuildinfo|tgz)$/, what: 'build leftovers (*.tsbuildinfo, *.tgz)' },
];
const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'];

/**
 * Nothing from development ships; `package.json`, `README.md`, a `LICENSE` and `dist/` do.
 * @param {string[]} paths the tarball's files
 * @param {string} where the package folder in the repository, for the hints (`packages/domain`)
 */
export function checkFileList(paths, where) {
  const problems = [];
  for (const { pattern, what } of FORBIDDEN) {
    const hits = paths.filter((path) => pattern.test(path));
    if (hits.length === 0) continue;
    const shown =
      hits.slice(0, 5).join(', ') + (hits.length > 5 ? `, … (${hits.length} in all)` : '');
    problems.push(`the tarball contains ${what}: ${shown} — narrow "files" in package.json`);
  }
  for (const required of ['package.json', 'README.md']) {
    if (!paths.includes(required)) problems.push(`the tarball has no ${required}`);
  }
  if (!LICENSE_FILES.some((name) => paths.includes(name))) {
    problems.push(
      `the tarball has no LICENSE: add the MIT licence text as ${where}/LICENSE (npm packs it whatever "files" says)`,
    );
  }
  if (!paths.some((path) => path.startsWith('dist/'))) {
    problems.push(
      'the tarball has no dist/: build before packing (turbo runs `build` before `test`)',
    );
  }
  return problems;
}

/**
 * The metadata npm shows on the package page (`license`, `repository`, `homepage`, `bugs`), and
 * `sideEffects`, which bundlers read to drop what an app does not import.
 * @param {Record<string, unknown>} pkg the packed package.json
 * @param {string} where the package folder in the repository, for the hints (`packages/domain`)
 */
export function checkPackageFields(pkg, where) {
  const hints = {
    license: '"MIT"',
    repository: `{ "type": "git", "url": "git+https://github.com/<owner>/<repo>.git", "directory": "${where}" }`,
    homepage: `"https://github.com/<owner>/<repo>/tree/main/${where}#readme"`,
    bugs: '"https://github.com/<owner>/<repo>/issues"',
  };
  const problems = [];
  for (const [field, hint] of Object.entries(hints)) {
    if (!hasText(pkg[field]))
      problems.push(`package.json has no "${field}": add e.g. "${field}": ${hint}`);
  }
  const sideEffects = pkg.sideEffects;
  if (
    sideEffects !== false &&
    !(Array.isArray(sideEffects) && sideEffects.every((item) => typeof item === 'string'))
  ) {
    problems.push(
      `package.json has "sideEffects": ${JSON.stringify(sideEffects) ?? 'nothing'}: set it to false (or to the list of files that do have side effects), so that bundlers can drop the modules an app does not use`,
    );
  }
  return problems;
}

/** A non-empty string, or an object with a non-empty `url` (or, for `bugs`, `email`). @param {unknown} value */
function hasText(value) {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, text]) =>
      (key === 'url' || key === 'email') && typeof text === 'string' && text.trim() !== '',
  );
}

/**
 * No runtime dependency that an npm user cannot install: a private workspace package, or a
 * `workspace:`, `file:`, `link:` or `portal:` range left unrewritten.
 * @param {Record<string, unknown>} pkg the packed package.json
 * @param {Set<string>} privateNames the workspace's private packages
 */
export function checkDependencies(pkg, privateNames) {
  const problems = [];
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (privateNames.has(name)) {
        problems.push(
          `${field}["${name}"]: ${name} is a private workspace package, not on npm — move it to devDependencies`,
        );
      } else if (typeof spec === 'string' && /^(workspace|file|link|portal):/.test(spec)) {
        problems.push(
          `${field}["${name}"] is "${spec}", which npm cannot install — pack with pnpm, which rewrites it`,
        );
      }
    }
  }
  return problems;
}

/**
 * Every relative link of the packed README (not `http…`, `#…` or another scheme) names a file or
 * folder inside the tarball; a link out of the package works on GitHub but is broken on npm.
 * @param {string} readme the packed README.md
 * @param {string[]} paths the tarball's files
 */
export function checkReadmeLinks(readme, paths) {
  const problems = [];
  for (const { line, target } of linkTargets(readme)) {
    if (target.startsWith('#') || target.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(target))
      continue;
    const bare = safeDecode(target.replace(/[?#].*$/s, ''));
    const path = posix.normalize(bare.startsWith('/') ? bare.slice(1) : bare).replace(/\/$/, '');
    const where = `README.md:${line}: the link "${target}"`;
    if (bare.startsWith('/') || path === '..' || path.startsWith('../')) {
      problems.push(
        `${where} points outside the package, so it is broken on npm — link to an https:// URL instead`,
      );
    } else if (!paths.includes(path) && !paths.some((file) => file.startsWith(`${path}/`))) {
      problems.push(
        `${where} names ${path}, which is not in the tarball — add it to "files" or link to an https:// URL`,
      );
    }
  }
  return problems;
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
