import { describe, expect, it } from 'vitest';
import { inProcessTimeZone } from '../test-support/process-time-zone.js';
import { nextOpening, openingStatus } from './hours.js';
import { describeOpenNow } from './open-now.js';
import { OpeningHoursSchema } from './opening-hours.js';
import { TimeZoneSchema } from './time-zone.js';
import { WEEKDAYS } from './weekdays.js';

// The sample clinic's hours (Mon–Thu 07:00–19:00, Fri 07:00–17:00, Thanksgiving closed, an early
// close on Christmas Eve), plus a late Saturday that runs past midnight as two ranges.
const clinic = {
  timeZone: TimeZoneSchema.parse('America/Los_Angeles'),
  hours: OpeningHoursSchema.parse({
    weekly: [
      { days: ['monday', 'tuesday', 'wednesday', 'thursday'], opens: '07:00', closes: '19:00' },
      { days: ['friday'], opens: '07:00', closes: '17:00' },
      { days: ['saturday'], opens: '20:00', closes: '24:00' },
      { days: ['sunday'], opens: '00:00', closes: '02:00' },
    ],
    exceptions: [
      { status: 'closed', from: '2026-11-26', reason: 'Thanksgiving' },
      {
        status: 'open',
        from: '2026-12-24',
        reason: 'Christmas Eve (closing early)',
        hours: [{ opens: '07:00', closes: '12:00' }],
      },
    ],
  }),
};
const text2 = (schedule: Parameters<typeof describeOpenNow>[0], iso: string) =>
  describeOpenNow(schedule, new Date(iso)).text;
const text = (iso: string, locale?: string) =>
  describeOpenNow(clinic, new Date(iso), locale ? { locale } : {}).text;

describe.each(['UTC', 'Asia/Tokyo', 'America/New_York'])('describeOpenNow with TZ=%s', (zone) => {
  inProcessTimeZone(zone);

  it('says when an open location closes, in its own zone', () => {
    // Monday 2026-11-30 09:00 PST.
    expect(text('2026-11-30T17:00:00Z')).toBe('Open now · closes 7:00 PM');
    expect(text('2026-11-30T17:00:00Z', 'en-GB')).toBe('Open now · closes 19:00');
  });

  it('says when a closed location opens next', () => {
    // Friday 2026-11-27 18:00 PST → Saturday 20:00.
    expect(text('2026-11-28T02:00:00Z')).toBe('Closed · opens Saturday 8:00 PM');
    // Monday 06:00 PST → 07:00 today.
    expect(text('2026-11-30T14:00:00Z')).toBe('Closed · opens 7:00 AM');
    // Sunday 2026-11-29 10:00 PST → Monday.
    expect(text('2026-11-29T18:00:00Z')).toBe('Closed · opens Monday 7:00 AM');
  });

  it('names the holiday that closes the location today', () => {
    const status = describeOpenNow(clinic, new Date('2026-11-26T17:00:00Z'));
    expect(status.text).toBe('Closed today for Thanksgiving · opens Friday 7:00 AM');
    expect(status.open).toBe(false);
    if (!status.open) {
      expect(status.closedFor?.reason).toBe('Thanksgiving');
      expect(status.opens?.at.toISOString()).toBe('2026-11-27T15:00:00.000Z');
      expect(status.opens?.daysAhead).toBe(1);
    }
  });

  it('uses the dated hours of an early close', () => {
    expect(text('2026-12-24T18:00:00Z')).toBe('Open now · closes 12:00 PM');
    expect(text('2026-12-24T21:00:00Z')).toBe('Closed · opens Friday 7:00 AM');
  });

  it('joins openings without a gap across midnight', () => {
    // Saturday 2026-11-28 23:00 PST: open 20:00–24:00 then Sunday 00:00–02:00.
    const status = describeOpenNow(clinic, new Date('2026-11-29T07:00:00Z'));
    expect(status.text).toBe('Open now · closes Sunday 2:00 AM');
    // Sunday 01:00: the opening began on Saturday's range and still closes at 02:00.
    expect(text('2026-11-29T09:00:00Z')).toBe('Open now · closes 2:00 AM');
  });

  it('is right across a DST change', () => {
    // Sunday 2026-11-01 01:30 PST (the second 01:30, after clocks fell back): open until 02:00.
    expect(text('2026-11-01T09:30:00Z')).toBe('Open now · closes 2:00 AM');
    // Friday 2026-03-06 18:00 PST → Saturday 2026-03-07 20:00 PST = 04:00Z on the 8th.
    const status = describeOpenNow(clinic, new Date('2026-03-07T02:00:00Z'));
    expect(status.open || status.opens?.at.toISOString()).toBe('2026-03-08T04:00:00.000Z');
  });

  it('names the date of an opening a week or more away', () => {
    const shut = {
      timeZone: clinic.timeZone,
      hours: OpeningHoursSchema.parse({
        weekly: [{ days: ['monday'], opens: '09:00', closes: '10:00' }],
        exceptions: [
          { status: 'closed', from: '2026-11-30', through: '2026-12-13', reason: 'Renovation' },
        ],
      }),
    };
    expect(describeOpenNow(shut, new Date('2026-11-30T18:00:00Z')).text).toBe(
      'Closed today for Renovation · opens Monday, 2026-12-14 9:00 AM',
    );
  });

  it('promises no closing time for a location open around the clock', () => {
    const always = {
      timeZone: clinic.timeZone,
      hours: OpeningHoursSchema.parse({
        weekly: [{ days: [...WEEKDAYS], opens: '00:00', closes: '24:00' }],
      }),
    };
    expect(describeOpenNow(always, new Date('2026-11-30T18:00:00Z'))).toEqual({
      open: true,
      text: 'Open now',
    });
    // Open all week but Sunday: the closing is known.
    const weekdays = {
      timeZone: clinic.timeZone,
      hours: OpeningHoursSchema.parse({
        weekly: [{ days: WEEKDAYS.slice(0, 6), opens: '00:00', closes: '24:00' }],
      }),
    };
    expect(text2(weekdays, '2026-11-30T18:00:00Z')).toBe('Open now · closes Sunday 12:00 AM');
  });

  it('says only "Closed" when nothing opens within the horizon', () => {
    const never = { timeZone: clinic.timeZone, hours: OpeningHoursSchema.parse({ weekly: [] }) };
    expect(describeOpenNow(never, new Date('2026-11-30T18:00:00Z'))).toEqual({
      open: false,
      text: 'Closed',
    });
  });
});

describe('nextOpening while open', () => {
  it('is the opening after the current one; openingStatus has the current one', () => {
    const at = new Date('2026-11-30T17:00:00Z'); // Monday 09:00 PST, open 07:00–19:00
    expect(nextOpening(clinic, at)?.start.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(openingStatus(clinic, at).current?.end.toISOString()).toBe('2026-12-01T03:00:00.000Z');
  });
});
