import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot, type WorkspacePackage, workspaceDependencies } from './workspace.mjs';

// A workspace in a temp folder: site → domain (workspace:*) → units (workspace:^), site's
// devDependencies on tooling left out, and an app depending on the site.
const root = mkdtempSync(join(tmpdir(), 'consumer-check-workspace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
const pkg = (name: string, fields: Record<string, unknown> = {}): WorkspacePackage => {
  const path = join(root, 'packages', name.replace('@ptfx/', ''));
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'package.json'), JSON.stringify({ name, version: '0.1.0', ...fields }));
  return { name, version: '0.1.0', path, private: fields.private === true };
};
const units = pkg('@ptfx/units');
const domain = pkg('@ptfx/domain', {
  dependencies: { zod: '4.6.7', '@ptfx/units': 'workspace:^' },
});
const tsconfig = pkg('@ptfx/tsconfig', { private: true });
const site = pkg('@ptfx/site', {
  dependencies: { '@ptfx/domain': 'workspace:*', hono: '4.13.19' },
  devDependencies: { '@ptfx/tsconfig': 'workspace:*' },
});
const packages = [units, domain, tsconfig, site];

describe('workspaceDependencies', () => {
  it('follows workspace: ranges of what users install, transitively, not devDependencies', () => {
    expect(workspaceDependencies(site.path, packages).map((p) => p.name)).toEqual([
      '@ptfx/domain',
      '@ptfx/units',
    ]);
    expect(workspaceDependencies(units.path, packages)).toEqual([]);
  });

  it('names a workspace: range to a package the workspace does not have', () => {
    const broken = pkg('@ptfx/broken', { peerDependencies: { '@ptfx/gone': 'workspace:*' } });
    expect(() => workspaceDependencies(broken.path, packages)).toThrow(
      'package.json: peerDependencies["@ptfx/gone"] is "workspace:*", but the workspace has no package @ptfx/gone',
    );
  });
});

describe('findRepoRoot', () => {
  it('finds the folder with pnpm-workspace.yaml above a package, and says when there is none', () => {
    expect(findRepoRoot(site.path)).toBe(root);
    expect(() => findRepoRoot(tmpdir())).toThrow(/is not inside a pnpm workspace/);
  });
});
