import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleClinic } from '@ptfx/domain/sample';
import { type RenderedSite, renderSite, type SiteOptions } from '../../src/index.js';

/** The base URL the tests render with. */
export const BASE_URL = 'https://pt-effect.example';

/** The sample clinic's site, as the tests see it. */
export function sampleSite(options: Partial<SiteOptions> = {}): RenderedSite {
  return renderSite(sampleClinic(), { baseUrl: BASE_URL, ...options });
}

/** The HTML text of a page that must exist. */
export function htmlOf(site: RenderedSite, path: string): string {
  const page = site.page(path);
  if (!page)
    throw new Error(`no page at ${path}; pages: ${site.pages.map((p) => p.path).join(', ')}`);
  return page.text;
}

/** The repository root: the nearest folder up from here with pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        'no pnpm-workspace.yaml above packages/site/test: run the tests inside the ptfx repository',
      );
    dir = parent;
  }
  return dir;
}

/**
 * The seed page's text: the clinic page the sample clinic was written from
 * (`../shared/seed/000_b711ef2ef37b1020.txt` beside the repository), kept verbatim in
 * `test/fixtures/seed-page.txt` so a clone on its own has it. Where the shared copy is beside the
 * repository too, the two must be the same.
 */
export function seedText(): string {
  const fixture = resolve(repoRoot(), 'packages', 'site', 'test', 'fixtures', 'seed-page.txt');
  if (!existsSync(fixture)) {
    throw new Error(
      `the seed page is missing: expected ${fixture}, a verbatim copy of ../shared/seed/000_b711ef2ef37b1020.txt. The site's facts are checked against it; restore the file, do not skip this test.`,
    );
  }
  const text = readFileSync(fixture, 'utf8');
  const shared = resolve(repoRoot(), '..', 'shared', 'seed', '000_b711ef2ef37b1020.txt');
  if (existsSync(shared) && readFileSync(shared, 'utf8') !== text) {
    throw new Error(
      `${fixture} differs from ${shared}: copy the shared seed page over the fixture (cp ${shared} ${fixture})`,
    );
  }
  return text;
}
