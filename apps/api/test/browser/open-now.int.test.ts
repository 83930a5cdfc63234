// "Open now" on the home page, in Chromium, at fixed instants (the page's clock hook,
// globalThis.__PTFX_NOW__) seen from Tokyo: the line is the clinic's (America/Los_Angeles) whatever
// the visitor's zone, across the holidays in the sample data and both 2026 DST changes. The
// expected lines are written out here, not recomputed, so a wrong script cannot agree with itself.
import { SAMPLE_CLINIC_YAML } from '@ptfx/domain/sample';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './support/chromium.js';
import { type SiteServer, startSiteServer } from './support/site-server.js';

const VISITOR_ZONE = 'Asia/Tokyo';
const OPEN_NOW = '[data-open-now="san-diego"]';
// Sample hours (America/Los_Angeles): Monday–Thursday 07:00–19:00, Friday 07:00–17:00; closed
// 2026-11-26 (Thanksgiving) and 2026-12-25 (Christmas Day), 07:00–12:00 on 2026-12-24.
const CASES: { when: string; at: string | number; line: string }[] = [
  {
    when: 'Monday before opening (06:30)',
    at: '2026-11-30T14:30:00Z',
    line: 'Closed · opens 7:00 AM',
  },
  {
    when: 'Monday, open (10:00)',
    at: '2026-11-30T10:00:00-08:00',
    line: 'Open now · closes 7:00 PM',
  },
  {
    when: 'Monday after closing (19:30)',
    at: '2026-12-01T03:30:00Z',
    line: 'Closed · opens Tuesday 7:00 AM',
  },
  {
    when: 'Friday after closing (17:30), the weekend ahead',
    at: Date.parse('2026-11-28T01:30:00Z'),
    line: 'Closed · opens Monday 7:00 AM',
  },
  {
    when: 'Thanksgiving, a Thursday (10:00)',
    at: '2026-11-26T18:00:00Z',
    line: 'Closed today for Thanksgiving · opens Friday 7:00 AM',
  },
  {
    when: 'Christmas Eve, closing early (10:00)',
    at: '2026-12-24T18:00:00Z',
    line: 'Open now · closes 12:00 PM',
  },
  {
    when: 'Christmas Eve afternoon (13:00)',
    at: '2026-12-24T21:00:00Z',
    line: 'Closed · opens Monday 7:00 AM',
  },
  {
    when: 'Christmas Day, a Friday (10:00)',
    at: '2026-12-25T18:00:00Z',
    line: 'Closed today for Christmas Day · opens Monday 7:00 AM',
  },
  // Spring forward: Sunday 2026-03-08 02:00 PST → 03:00 PDT (UTC−8 → UTC−7).
  {
    when: 'DST spring: the Sunday of the change',
    at: '2026-03-08T19:00:00Z',
    line: 'Closed · opens Monday 7:00 AM',
  },
  {
    when: 'DST spring: Monday 06:59 PDT',
    at: '2026-03-09T13:59:00Z',
    line: 'Closed · opens 7:00 AM',
  },
  {
    when: 'DST spring: Monday 07:30 PDT (06:30 by last week’s offset)',
    at: '2026-03-09T14:30:00Z',
    line: 'Open now · closes 7:00 PM',
  },
  {
    when: 'DST spring: Monday 18:30 PDT',
    at: Date.parse('2026-03-10T01:30:00Z'),
    line: 'Open now · closes 7:00 PM',
  },
  {
    when: 'DST spring: Monday 19:30 PDT (18:30 by last week’s offset)',
    at: '2026-03-10T02:30:00Z',
    line: 'Closed · opens Tuesday 7:00 AM',
  },
  // Fall back: Sunday 2026-11-01 02:00 PDT → 01:00 PST (UTC−7 → UTC−8).
  {
    when: 'DST fall: Friday 18:00 PDT, Monday’s opening after the change',
    at: '2026-10-31T01:00:00Z',
    line: 'Closed · opens Monday 7:00 AM',
  },
  {
    when: 'DST fall: Monday 06:30 PST (07:30 by last week’s offset)',
    at: '2026-11-02T14:30:00Z',
    line: 'Closed · opens 7:00 AM',
  },
  {
    when: 'DST fall: Monday 07:30 PST',
    at: '2026-11-02T15:30:00Z',
    line: 'Open now · closes 7:00 PM',
  },
  {
    when: 'DST fall: Monday 18:30 PST (19:30 by last week’s offset)',
    at: '2026-11-03T02:30:00Z',
    line: 'Open now · closes 7:00 PM',
  },
  {
    when: 'DST fall: Monday 19:30 PST',
    at: '2026-11-03T03:30:00Z',
    line: 'Closed · opens Tuesday 7:00 AM',
  },
];

let browser: Browser;
let server: SiteServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startSiteServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.dispose()]);
});

/** The open-now line on the home page at `at`, as a visitor in Tokyo sees it. */
async function openNowLine(at: string | number): Promise<string> {
  const context = await browser.newContext({ timezoneId: VISITOR_ZONE });
  const problems = watchProblems(context);
  try {
    await context.addInitScript((now) => {
      (globalThis as { __PTFX_NOW__?: string | number }).__PTFX_NOW__ = now;
    }, at);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      VISITOR_ZONE,
    );
    await page
      .waitForFunction(
        (selector) =>
          /^(Open now|Closed)/.test(document.querySelector(selector)?.textContent?.trim() ?? ''),
        OPEN_NOW,
        { timeout: 5000 },
      )
      .catch(async () => {
        throw new Error(
          `the script did not write an open-now line into ${OPEN_NOW} within 5 s; it holds ${JSON.stringify(
            await page
              .locator(OPEN_NOW)
              .first()
              .textContent()
              .catch(() => 'nothing: no such element'),
          )}; problems: ${problems.lines.join('; ') || 'none'}`,
        );
      });
    const line = await page.locator(OPEN_NOW).first().textContent();
    expect(problems.lines).toEqual([]);
    return (line ?? '').replace(/\s+/g, ' ').trim();
  } finally {
    await context.close();
  }
}

describe('open now, from Tokyo, on the clinic’s clock', () => {
  // Concurrent: a context each, so the cases share the two cores.
  it.concurrent.for(CASES)('$when: "$line"', async ({ at, line }, { expect }) => {
    expect(await openNowLine(at)).toBe(line);
  });

  it('without JavaScript, the line claims nothing and the weekly hours and holidays are there', async () => {
    // The site lists the exceptions that have not ended by the server's (real) today: one far
    // ahead is added to the sample, so that there is always one to find.
    const marker = '      exceptions: # SAMPLE VALUE: common US clinic holidays\n';
    expect(SAMPLE_CLINIC_YAML).toContain(marker);
    const future = await startSiteServer({
      clinicYaml: SAMPLE_CLINIC_YAML.replace(
        marker,
        `${marker}        - status: closed\n          from: "2099-07-03"\n          reason: Independence Day (observed)\n`,
      ),
    });
    const context = await browser.newContext({
      timezoneId: VISITOR_ZONE,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${future.url}/`);
      const line = (await page.locator(OPEN_NOW).first().textContent()) ?? '';
      expect(line.trim()).not.toMatch(/^(Open now|Closed)/);
      const text = (await page.locator('body').textContent())?.replace(/\s+/g, ' ') ?? '';
      for (const shown of ['7:00 AM', '7:00 PM', '5:00 PM', 'Independence Day (observed)'])
        expect(text).toContain(shown);
    } finally {
      await context.close();
      await future.dispose();
    }
  });
});
