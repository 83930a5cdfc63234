// @ts-check
// A package that depends on another workspace package (`@ptfx/site` on `@ptfx/domain`) is
// published with that dependency rewritten to a version; its users get that version from the
// registry. The consumer installs the dependency's own tarball instead, so these checks make sure
// it is that tarball that ends up installed, once, and that the packed range asks for it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ name: string; version: string; tarball: string }} PackedDependency */

const FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * The packed package.json's range for each workspace dependency it names directly must be what
 * pnpm writes for `workspace:*`, `workspace:^` or `workspace:~` with that package's version: the
 * version itself, `^version` or `~version`. Anything else would make npm look for another version
 * on the registry.
 * @param {Record<string, unknown>} packedJson the packed package.json
 * @param {PackedDependency[]} deps the packed workspace dependencies
 */
export function checkWorkspaceRanges(packedJson, deps) {
  const problems = [];
  for (const dep of deps) {
    for (const field of FIELDS) {
      const ranges = packedJson[field];
      if (typeof ranges !== 'object' || ranges === null) continue;
      const spec = Object.entries(ranges).find(([name]) => name === dep.name)?.[1];
      if (spec === undefined) continue;
      const accepted = [dep.version, `^${dep.version}`, `~${dep.version}`];
      if (typeof spec !== 'string' || !accepted.includes(spec)) {
        problems.push(
          `the packed package.json's ${field}["${dep.name}"] is ${JSON.stringify(spec)}, but the workspace's ${dep.name} is ${dep.version}: write "workspace:*" (or workspace:^) so that pnpm pack writes the version it is developed with`,
        );
      }
    }
  }
  return problems;
}

/**
 * After `npm install`, each workspace dependency is installed once, from its packed tarball (a
 * `file:` entry in package-lock.json), at the packed version: a second copy under the package, or
 * one from the registry, would mean the check ran against something an npm user does not get.
 * @param {string} project the consumer project
 * @param {string} name the checked package
 * @param {PackedDependency[]} deps the packed workspace dependencies
 */
export function checkWorkspaceInstall(project, name, deps) {
  const lockFile = join(project, 'package-lock.json');
  if (!existsSync(lockFile)) return [`npm wrote no package-lock.json in ${project}`];
  /** @type {{ packages?: Record<string, { version?: string; resolved?: string }> }} */
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  const entries = Object.entries(lock.packages ?? {});
  const problems = [];
  for (const dep of deps) {
    const copies = entries.filter(([path]) => path.endsWith(`node_modules/${dep.name}`));
    const top = copies.find(([path]) => path === `node_modules/${dep.name}`)?.[1];
    if (!top) {
      problems.push(`${dep.name} is not installed at node_modules/${dep.name}`);
    } else if (top.version !== dep.version || !top.resolved?.startsWith('file:')) {
      problems.push(
        `node_modules/${dep.name} is ${top.version} from ${top.resolved}, not ${dep.version} from the packed tarball`,
      );
    }
    for (const [path, entry] of copies) {
      if (path === `node_modules/${dep.name}`) continue;
      problems.push(
        `a second ${dep.name} (${entry.version} from ${entry.resolved}) at ${path}: ${name}'s range does not accept the packed ${dep.version}`,
      );
    }
  }
  return problems;
}
