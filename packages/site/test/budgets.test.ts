// The byte budgets of issue 12: the home page's transfer (HTML + CSS + JS, gzipped) ≤ 30 KB and
// JavaScript ≤ 8 KB gzipped (each page's scripts together; the booking page's too). Byte sizes are deterministic, so they are tests, not benchmarks.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlOf, sampleSite } from './support/site.js';

const KB = 1024;
const site = sampleSite();
const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

/** The gzipped sizes of a page and what it links: its stylesheet and its scripts. */
function transfer(path: string): { html: number; css: number; js: number } {
  const html = htmlOf(site, path);
  const linked = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map((m) => {
      const asset = site.page(m[1] ?? '');
      if (!asset) throw new Error(`${path} links ${m[1]}, which the site does not have`);
      return gzipped(asset.bytes);
    });
  const [css, ...more] = linked(/<link rel="stylesheet" href="([^"]+)"/g);
  if (css === undefined || more.length > 0) throw new Error(`${path} must link one stylesheet`);
  const js = linked(/<script type="module" src="([^"]+)"/g).reduce((a, b) => a + b, 0);
  return { html: gzipped(site.page(path)?.bytes ?? new Uint8Array()), css, js };
}

describe('byte budgets (gzip -9)', () => {
  const home = transfer('/');
  const booking = transfer('/booking/');

  it(`home page HTML + CSS + JS ≤ 30 KB (now ${JSON.stringify(home)} bytes)`, () => {
    expect(home.html + home.css + home.js).toBeLessThanOrEqual(30 * KB);
  });

  it(`the booking page HTML + CSS + JS ≤ 30 KB (now ${JSON.stringify(booking)} bytes)`, () => {
    expect(booking.html + booking.css + booking.js).toBeLessThanOrEqual(30 * KB);
  });

  it('JavaScript ≤ 8 KB on each page, every script of the site ≤ 8 KB', () => {
    expect(home.js).toBeLessThanOrEqual(8 * KB);
    expect(booking.js).toBeLessThanOrEqual(8 * KB);
    for (const script of site.pages.filter((p) => p.path.endsWith('.js'))) {
      expect(gzipped(script.bytes), script.path).toBeLessThanOrEqual(8 * KB);
    }
  });

  it.each(site.pages.filter((p) => p.contentType.startsWith('text/html')).map((p) => p.path))(
    '%s: HTML ≤ 14 KB, one round trip’s worth',
    (path) => {
      expect(gzipped(site.page(path)?.bytes ?? new Uint8Array())).toBeLessThanOrEqual(14 * KB);
    },
  );
});
