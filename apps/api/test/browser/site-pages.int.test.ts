// Every page of the sample clinic's site in real Chromium, served by the real API: axe (WCAG 2.2
// A and AA) finds nothing, nothing goes wrong in the console or the network, every link resolves,
// and the keyboard works (a skip link first, focus always visible).
import { sampleClinic } from '@ptfx/domain/sample';
import { renderSite } from '@ptfx/site';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './support/chromium.js';
import {
  axeViolations,
  type FoundLink,
  idsOn,
  linksOn,
  showsFocus,
  skipLinkProblems,
  tabStops,
} from './support/page-checks.js';
import { type SiteServer, startSiteServer } from './support/site-server.js';

// The pages the renderer makes for the sample clinic (paths do not depend on the base URL).
const rendered = renderSite(sampleClinic(), { baseUrl: 'http://site.test' });
const PAGES = rendered.pages
  .filter((p) => p.kind === 'page' || p.kind === 'not-found')
  .map((p) => ({ path: p.path, kind: p.kind }));
// The not-found page is what any unknown path gets, with status 404.
const MISSING_PATH = '/no-such-page/';

let browser: Browser;
let server: SiteServer;
const links: FoundLink[] = [];
const idsByPage = new Map<string, string[]>();

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startSiteServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.dispose()]);
});

describe('every page of the site, in Chromium', () => {
  it('has the pages the issue asks for', () => {
    const paths = PAGES.map((p) => p.path);
    for (const expected of [
      '/',
      '/booking/',
      '/booking/thank-you/',
      '/therapists/mark-shulman/',
      '/therapists/allison-mckay/',
      '/conditions/back-pain/',
      '/treatments/massage/',
      '/articles/how-can-physical-therapy-help-to-reduce-back-pain/',
    ])
      expect(paths).toContain(expected);
    expect(PAGES.filter((p) => p.kind === 'not-found')).toHaveLength(1);
  });

  it.each(PAGES)(
    '$path: axe finds no WCAG 2.2 A/AA violation, the console and network stay clean, the keyboard works',
    async ({ path, kind }) => {
      const context = await browser.newContext();
      const problems = watchProblems(context);
      try {
        const page = await context.newPage();
        const target = kind === 'not-found' ? MISSING_PATH : path;
        const response = await page.goto(server.url + target, { waitUntil: 'load' });
        expect(response?.status(), `status of ${target}`).toBe(kind === 'not-found' ? 404 : 200);
        expect(await page.locator('h1').count(), 'one <h1>').toBe(1);

        expect((await axeViolations(page)).join('\n')).toBe('');

        links.push(...(await linksOn(page)));
        idsByPage.set(page.url(), await idsOn(page));

        expect(await skipLinkProblems(page)).toEqual([]);
        await page.goto(server.url + target, { waitUntil: 'load' });
        const stops = await tabStops(page);
        expect(stops.length, 'Tab stops').toBeGreaterThan(1);
        const unseen = stops
          .filter((s) => !s.visible || !showsFocus(s))
          .map(
            (s) =>
              `${s.what}: focused ${JSON.stringify(s.focused)}, unfocused ${JSON.stringify(s.unfocused)}${s.visible ? '' : ' (not visible)'}`,
          );
        expect(unseen, 'Tab stops without a visible focus indicator').toEqual([]);

        // The not-found page's own 404 is expected; nothing else may fail.
        const expected404 = kind === 'not-found' ? server.url + target : undefined;
        const unexpected = problems.lines.filter(
          (line) =>
            !(
              expected404 &&
              (line === `HTTP 404 for GET ${expected404}` ||
                (line.includes('status of 404') && line.endsWith(`(${expected404})`)))
            ),
        );
        expect(unexpected).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('every link on those pages resolves', async () => {
    expect(links.length, 'links collected by the page tests').toBeGreaterThan(PAGES.length);
    const origin = new URL(server.url).origin;
    const fetched = new Map<string, Promise<{ status: number; body: string }>>();
    const problems: string[] = [];
    for (const link of links) {
      const where = `${link.element} "${link.raw}" on ${link.on}`;
      if (link.raw.startsWith('tel:') || link.raw.startsWith('mailto:')) continue;
      let url: URL;
      try {
        url = new URL(link.url);
      } catch {
        problems.push(`${where}: not a URL`);
        continue;
      }
      if (url.origin !== origin) {
        // Off-site (the map link): well-formed https, never fetched (the tests have no network).
        if (url.protocol !== 'https:' || url.hostname === '' || !url.hostname.includes('.'))
          problems.push(`${where}: an off-site link must be an https URL`);
        continue;
      }
      const page = `${url.origin}${url.pathname}${url.search}`;
      if (!fetched.has(page))
        fetched.set(
          page,
          fetch(page, { redirect: 'manual' }).then(async (r) => ({
            status: r.status,
            body: await r.text(),
          })),
        );
      const answer = await fetched.get(page);
      if (answer?.status !== 200) {
        problems.push(`${where}: ${page} answers ${answer?.status}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment) {
        const ids =
          idsByPage.get(page) ?? [...answer.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
        if (!ids.includes(fragment))
          problems.push(`${where}: no element with id "${fragment}" on ${page}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('lists every indexable page in the sitemap, and only pages that answer', async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    );
    expect(locs).toContain('/');
    expect(locs).not.toContain('/booking/thank-you/');
    const pagePaths = PAGES.map((p) => p.path);
    expect(locs.filter((l) => !pagePaths.includes(l))).toEqual([]);
  });
});
