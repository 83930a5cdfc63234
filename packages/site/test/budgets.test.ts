// The byte budgets of issue 12: the home page's transfer (HTML + CSS + JS, gzipped) ≤ 30 KB and
// the script ≤ 8 KB gzipped. Byte sizes are deterministic, so they are tests, not benchmarks.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlOf, sampleSite } from './support/site.js';

const KB = 1024;
const site = sampleSite();
const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

function linkedAssets(html: string): { css: string; js: string | undefined } {
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  if (!css) throw new Error('the home page links no stylesheet');
  return { css, js: /<script type="module" src="([^"]+)"/.exec(html)?.[1] };
}

describe('byte budgets (gzip -9)', () => {
  const home = htmlOf(site, '/');
  const { css, js } = linkedAssets(home);
  const cssPage = site.page(css);
  const jsPage = js ? site.page(js) : undefined;
  const sizes = {
    html: gzipped(site.page('/')?.bytes ?? new Uint8Array()),
    css: gzipped(cssPage?.bytes ?? new Uint8Array()),
    js: jsPage ? gzipped(jsPage.bytes) : 0,
  };

  it('links assets the site has', () => {
    expect(cssPage).toBeDefined();
    if (js) expect(jsPage).toBeDefined();
  });

  it(`home page HTML + CSS + JS ≤ 30 KB (now ${JSON.stringify(sizes)} bytes)`, () => {
    expect(sizes.html + sizes.css + sizes.js).toBeLessThanOrEqual(30 * KB);
  });

  it('the script ≤ 8 KB', () => {
    expect(sizes.js).toBeLessThanOrEqual(8 * KB);
  });

  it.each(site.pages.filter((p) => p.contentType.startsWith('text/html')).map((p) => p.path))(
    '%s: HTML ≤ 14 KB, one round trip’s worth',
    (path) => {
      expect(gzipped(site.page(path)?.bytes ?? new Uint8Array())).toBeLessThanOrEqual(14 * KB);
    },
  );
});
