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

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startSiteServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.dispose()]);
});

// Each page linked to is fetched once for all the pages that link to it.
const fetched = new Map<string, Promise<{ status: number; body: string }>>();
function fetchOnce(url: string) {
  let answer = fetched.get(url);
  if (!answer) {
    answer = fetch(url, { redirect: 'manual' }).then(async (r) => ({
      status: r.status,
      body: await r.text(),
    }));
    fetched.set(url, answer);
  }
  return answer;
}

/**
 * What is wrong with the links of a page: an internal one that does not answer 200 or names a
 * fragment that is not there, an off-site one that is not a well-formed https URL (never
 * fetched: the tests have no network). `tel:` and `mailto:` links are left alone.
 */
async function linkProblems(links: readonly FoundLink[], ownIds: readonly string[]) {
  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  for (const link of links) {
    const where = `${link.element} "${link.raw}"`;
    if (link.raw.startsWith('tel:') || link.raw.startsWith('mailto:')) continue;
    let url: URL;
    try {
      url = new URL(link.url);
    } catch {
      problems.push(`${where}: not a URL`);
      continue;
    }
    if (url.origin !== origin) {
      if (url.protocol !== 'https:' || !url.hostname.includes('.'))
        problems.push(`${where}: an off-site link must be an https URL`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    const target = `${url.origin}${url.pathname}${url.search}`;
    const here = new URL(link.on);
    if (target === `${here.origin}${here.pathname}${here.search}`) {
      if (fragment && !ownIds.includes(fragment))
        problems.push(`${where}: no element with id "${fragment}" on this page`);
      continue;
    }
    const answer = await fetchOnce(target);
    if (answer.status !== 200) problems.push(`${where}: ${target} answers ${answer.status}`);
    else if (fragment && !answer.body.includes(` id="${fragment}"`))
      problems.push(`${where}: no element with id "${fragment}" on ${target}`);
  }
  return problems;
}

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

  // Concurrent: each page in its own context (its own renderer), axe being the slow part.
  it.concurrent.for(PAGES)(
    '$path: axe finds no WCAG 2.2 A/AA violation, the console and network stay clean, links resolve, the keyboard works',
    async ({ path, kind }, { expect }) => {
      const context = await browser.newContext();
      const problems = watchProblems(context);
      try {
        const page = await context.newPage();
        const target = kind === 'not-found' ? MISSING_PATH : path;
        const response = await page.goto(server.url + target, { waitUntil: 'load' });
        expect(response?.status(), `status of ${target}`).toBe(kind === 'not-found' ? 404 : 200);
        expect(await page.locator('h1').count(), 'one <h1>').toBe(1);

        const stops = await tabStops(page);
        expect(stops.length, 'Tab stops').toBeGreaterThan(1);
        const unseen = stops
          .filter((s) => !s.visible || !showsFocus(s))
          .map(
            (s) =>
              `${s.what}: focused ${JSON.stringify(s.focused)}, unfocused ${JSON.stringify(s.unfocused)}${s.visible ? '' : ' (not visible)'}`,
          );
        expect(unseen, 'Tab stops without a visible focus indicator').toEqual([]);
        expect(await skipLinkProblems(page, stops[0])).toEqual([]);

        expect((await axeViolations(page)).join('\n')).toBe('');
        expect(await linkProblems(await linksOn(page), await idsOn(page))).toEqual([]);

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
