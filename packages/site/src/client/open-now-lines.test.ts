import { sampleClinic } from '@ptfx/domain/sample';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openNowData } from '../hours-data.js';
import { openNowLines, pageNow } from './open-now-lines.js';

// The page's data as the script reads it: the renderer's openNowData, through JSON.
const PAGE_DATA: unknown = JSON.parse(JSON.stringify(openNowData(sampleClinic())));

const lineAt = (at: string) => openNowLines(PAGE_DATA, new Date(at)).get('san-diego');

describe('openNowLines', () => {
  // Sample hours (America/Los_Angeles): Monday–Thursday 07:00–19:00, Friday 07:00–17:00; closed on
  // Thanksgiving (2026-11-26) and Christmas Day, 07:00–12:00 on Christmas Eve. Written out, not
  // recomputed, so that a wrong reading of the data cannot agree with itself.
  it.each([
    ['2026-11-30T14:30:00Z', 'Closed · opens 7:00 AM', false],
    ['2026-11-30T10:00:00-08:00', 'Open now · closes 7:00 PM', true],
    ['2026-12-01T03:30:00Z', 'Closed · opens Tuesday 7:00 AM', false],
    ['2026-11-28T01:30:00Z', 'Closed · opens Monday 7:00 AM', false],
    ['2026-11-26T18:00:00Z', 'Closed today for Thanksgiving · opens Friday 7:00 AM', false],
    ['2026-12-24T18:00:00Z', 'Open now · closes 12:00 PM', true],
    ['2026-12-25T18:00:00Z', 'Closed today for Christmas Day · opens Monday 7:00 AM', false],
    ['2026-03-09T14:30:00Z', 'Open now · closes 7:00 PM', true],
    ['2026-11-02T14:30:00Z', 'Closed · opens 7:00 AM', false],
  ])('at %s: "%s"', (at, text, open) => {
    expect(lineAt(at)).toEqual({ text, open });
  });

  it('gives no line to a location that is not one, and still gives the others theirs', () => {
    const [good] = sampleClinic().locations;
    const data = {
      locations: [
        {
          slug: 'nowhere',
          name: 'Nowhere',
          timeZone: 'Mars/Olympus',
          hours: { weekly: [], exceptions: [] },
        },
        {
          slug: 'bad-hours',
          timeZone: 'America/Los_Angeles',
          hours: { weekly: [{ days: ['someday'] }], exceptions: [] },
        },
        { slug: 42 },
        good,
      ],
    };
    const lines = openNowLines(data, new Date('2026-11-30T18:00:00Z'));
    expect([...lines.keys()]).toEqual(['san-diego']);
  });

  it('never throws, whatever the page carries', () => {
    fc.assert(
      fc.property(fc.anything(), fc.date({ noInvalidDate: false }), (data, at) => {
        const lines = openNowLines({ locations: [data] }, at);
        expect(openNowLines(data, at).size).toBeLessThanOrEqual(1);
        for (const line of lines.values()) expect(line.text).toMatch(/^(Open now|Closed)/);
      }),
    );
  });
});

describe('pageNow', () => {
  const fallback = Date.parse('2030-01-01T00:00:00Z');

  it('takes the test hook as an ISO instant with an offset, or milliseconds', () => {
    expect(pageNow('2026-11-26T09:00:00-08:00', fallback).toISOString()).toBe(
      '2026-11-26T17:00:00.000Z',
    );
    expect(pageNow(Date.parse('2026-03-09T14:30:00Z'), fallback).toISOString()).toBe(
      '2026-03-09T14:30:00.000Z',
    );
  });

  it('uses the real clock when the hook is unset or not an instant', () => {
    for (const hook of [
      undefined,
      null,
      '',
      'tomorrow',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      9e15,
      {},
      true,
    ]) {
      expect(pageNow(hook, fallback).getTime()).toBe(fallback);
    }
  });
});
