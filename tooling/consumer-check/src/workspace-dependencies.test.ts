import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWorkspaceInstall, checkWorkspaceRanges } from './workspace-dependencies.mjs';

const domain = { name: '@ptfx/domain', version: '0.1.0', tarball: '/tmp/ptfx-domain-0.1.0.tgz' };

describe('checkWorkspaceRanges', () => {
  it('accepts what pnpm pack writes for workspace:*, workspace:^ and workspace:~', () => {
    for (const range of ['0.1.0', '^0.1.0', '~0.1.0']) {
      expect(checkWorkspaceRanges({ dependencies: { '@ptfx/domain': range } }, [domain])).toEqual(
        [],
      );
    }
  });

  it('refuses a range that would send npm to the registry for another version', () => {
    const packed = {
      dependencies: { '@ptfx/domain': '^0.2.0' },
      peerDependencies: { '@ptfx/domain': '*' },
    };
    expect(checkWorkspaceRanges(packed, [domain])).toMatchInlineSnapshot(`
      [
        "the packed package.json's dependencies["@ptfx/domain"] is "^0.2.0", but the workspace's @ptfx/domain is 0.1.0: write "workspace:*" (or workspace:^) so that pnpm pack writes the version it is developed with",
        "the packed package.json's peerDependencies["@ptfx/domain"] is "*", but the workspace's @ptfx/domain is 0.1.0: write "workspace:*" (or workspace:^) so that pnpm pack writes the version it is developed with",
      ]
    `);
  });

  it('leaves a dependency the package does not name itself (one of a dependency’s) alone', () => {
    expect(checkWorkspaceRanges({ dependencies: { hono: '4.13.19' } }, [domain])).toEqual([]);
  });
});

describe('checkWorkspaceInstall', () => {
  let project = '';
  afterEach(() => rmSync(project, { recursive: true, force: true }));
  /** A consumer project with npm's package-lock.json listing `packages`. */
  const lockWith = (packages: Record<string, { version?: string; resolved?: string }>) => {
    project = mkdtempSync(join(tmpdir(), 'consumer-check-test-'));
    writeFileSync(
      join(project, 'package-lock.json'),
      JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }),
    );
    return project;
  };

  it('passes one copy, from the packed tarball, at the packed version', () => {
    const dir = lockWith({
      'node_modules/@ptfx/domain': { version: '0.1.0', resolved: `file:${domain.tarball}` },
      'node_modules/@ptfx/site': { version: '0.1.0', resolved: 'file:/tmp/ptfx-site-0.1.0.tgz' },
    });
    expect(checkWorkspaceInstall(dir, '@ptfx/site', [domain])).toEqual([]);
  });

  it('names a copy from the registry and a second copy under the package', () => {
    const dir = lockWith({
      'node_modules/@ptfx/domain': {
        version: '0.1.0',
        resolved: 'https://registry.npmjs.org/@ptfx/domain/-/domain-0.1.0.tgz',
      },
      'node_modules/@ptfx/site/node_modules/@ptfx/domain': {
        version: '0.0.9',
        resolved: 'https://registry.npmjs.org/@ptfx/domain/-/domain-0.0.9.tgz',
      },
    });
    expect(checkWorkspaceInstall(dir, '@ptfx/site', [domain])).toMatchInlineSnapshot(`
      [
        "node_modules/@ptfx/domain is 0.1.0 from https://registry.npmjs.org/@ptfx/domain/-/domain-0.1.0.tgz, not 0.1.0 from the packed tarball",
        "a second @ptfx/domain (0.0.9 from https://registry.npmjs.org/@ptfx/domain/-/domain-0.0.9.tgz) at node_modules/@ptfx/site/node_modules/@ptfx/domain: @ptfx/site's range does not accept the packed 0.1.0",
      ]
    `);
  });

  it('names a dependency that is not installed, and a project npm wrote no lock for', () => {
    expect(checkWorkspaceInstall(lockWith({}), '@ptfx/site', [domain])).toEqual([
      '@ptfx/domain is not installed at node_modules/@ptfx/domain',
    ]);
    rmSync(join(project, 'package-lock.json'));
    expect(checkWorkspaceInstall(project, '@ptfx/site', [domain])).toEqual([
      `npm wrote no package-lock.json in ${project}`,
    ]);
  });
});
