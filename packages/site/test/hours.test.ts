// The hours block: the weekly table in the location's zone, the dated exceptions, the open-now
// element with its reserved line, and the data the open-now script reads.
import { describeOpenNow, type OpeningHours } from '@ptfx/domain';
import { sampleClinic } from '@ptfx/domain/sample';
import { describe, expect, it } from 'vitest';
import {
  HOURS_DATA_ID,
  OpeningHours as OpeningHoursBlock,
  type OpenNowData,
  renderSite,
} from '../src/index.js';
import { scriptBlocks, visibleText } from './support/html.js';
import { BASE_URL, htmlOf, sampleSite } from './support/site.js';

const location = sampleClinic().locations[0];
if (!location) throw new Error('the sample has a location');

describe('OpeningHours', () => {
  it('shows the week in the location’s zone, every exception without asOf', () => {
    const text = visibleText(String(OpeningHoursBlock({ location })));
    expect(text).toBe(
      'Opening hours, San Diego time (America/Los_Angeles) Monday 7:00 AM – 7:00 PM Tuesday 7:00 AM – 7:00 PM Wednesday 7:00 AM – 7:00 PM Thursday 7:00 AM – 7:00 PM Friday 7:00 AM – 5:00 PM Saturday Closed Sunday Closed ' +
        "Holidays and special hours Thu, Nov 26, 2026: Thanksgiving — closed Thu, Dec 24, 2026: Christmas Eve (closing early) — open 7:00 AM – noon Fri, Dec 25, 2026: Christmas Day — closed Fri, Jan 1, 2027: New Year's Day — closed",
    );
  });

  it('leaves out the exceptions that ended before asOf', () => {
    const text = visibleText(String(OpeningHoursBlock({ location, asOf: '2026-11-27' })));
    expect(text).not.toContain('Thanksgiving');
    expect(text).toContain('Christmas Eve');
    const none = visibleText(String(OpeningHoursBlock({ location, asOf: '2027-01-02' })));
    expect(none).not.toContain('Holidays and special hours');
    const site = renderSite(sampleClinic(), { baseUrl: BASE_URL, asOf: '2026-12-25' });
    expect(visibleText(htmlOf(site, '/'))).not.toContain('Christmas Eve');
    expect(visibleText(htmlOf(site, '/'))).toContain('Christmas Day');
  });

  it('has an empty open-now line the script fills, unless asked not to', () => {
    expect(String(OpeningHoursBlock({ location }))).toContain(
      '<p class="open-now" data-open-now="san-diego"></p>',
    );
    expect(String(OpeningHoursBlock({ location, openNow: false }))).not.toContain('data-open-now');
  });
});

describe('the open-now data', () => {
  const home = htmlOf(sampleSite({ asOf: '2026-12-01' }), '/');
  const [json] = scriptBlocks(home, 'application/json');

  it('is on the home page as #ptfx-hours, with every exception even past asOf', () => {
    expect(home).toContain(`<script type="application/json" id="${HOURS_DATA_ID}">`);
    const data: OpenNowData = JSON.parse(json ?? '');
    expect(data.locations.map((l) => [l.slug, l.name, l.timeZone])).toEqual([
      ['san-diego', 'San Diego', 'America/Los_Angeles'],
    ]);
    const hours: OpeningHours | undefined = data.locations[0]?.hours;
    expect(hours).toEqual(location.hours);
  });

  it('is what describeOpenNow takes, giving the domain’s answers', () => {
    const data: OpenNowData = JSON.parse(json ?? '');
    const [first] = data.locations;
    if (!first) throw new Error('no location in the data');
    expect(describeOpenNow(first, new Date('2026-11-30T17:00:00Z')).text).toBe(
      'Open now · closes 7:00 PM',
    );
    expect(describeOpenNow(first, new Date('2026-11-26T17:00:00Z')).text).toBe(
      'Closed today for Thanksgiving · opens Friday 7:00 AM',
    );
  });

  it('is only on pages with an open-now line', () => {
    const site = sampleSite();
    for (const page of site.pages.filter((p) => p.contentType.startsWith('text/html'))) {
      expect(page.text.includes(`id="${HOURS_DATA_ID}"`), page.path).toBe(
        page.text.includes('data-open-now='),
      );
    }
  });
});
