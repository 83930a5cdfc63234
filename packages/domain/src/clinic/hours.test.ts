import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inProcessTimeZone } from '../test-support/process-time-zone.js';
import { hoursOn, isOpenAt, localDateOf, nextOpening, openingStatus } from './hours.js';
import { OpeningHoursSchema } from './opening-hours.js';
import { TimeZoneSchema } from './time-zone.js';

// A location open weekdays 08:00–17:00 and, to sit across both DST changes in
// America/Los_Angeles (2026-03-08 02:00 → 03:00 and 2026-11-01 02:00 → 01:00), Sundays 00:00–04:00.
const schedule = {
  timeZone: TimeZoneSchema.parse('America/Los_Angeles'),
  hours: OpeningHoursSchema.parse({
    weekly: [
      {
        days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        opens: '08:00',
        closes: '17:00',
      },
      { days: ['sunday'], opens: '00:00', closes: '04:00' },
    ],
    exceptions: [
      { status: 'closed', from: '2026-11-26', reason: 'Thanksgiving' },
      {
        status: 'open',
        from: '2026-12-24',
        reason: 'Christmas Eve',
        hours: [{ opens: '08:00', closes: '12:00' }],
      },
      { status: 'closed', from: '2026-12-28', through: '2026-12-31', reason: 'Winter closure' },
    ],
  }),
};

const at = (iso: string) => new Date(iso);
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

// The answers must not depend on the zone of the process running them.
// The answers must not depend on the zone of the process running them. The offsets are
// getTimezoneOffset() in January, to prove the zone really took effect.
describe.each([
  ['Asia/Kolkata', -330],
  ['Pacific/Kiritimati', -840],
  ['UTC', 0],
  ['America/New_York', 300],
])('with TZ=%s', (zone, januaryOffset) => {
  inProcessTimeZone(zone);

  it('runs in that zone', () => {
    expect(new Date('2026-01-15T12:00:00Z').getTimezoneOffset() + 0).toBe(januaryOffset + 0);
  });

  describe('spring forward (2026-03-08)', () => {
    it('opens at 08:00 PST before and 08:00 PDT after', () => {
      expect(isOpenAt(schedule, at('2026-03-06T16:00:00Z'))).toBe(true);
      expect(isOpenAt(schedule, at('2026-03-06T15:59:59Z'))).toBe(false);
      expect(isOpenAt(schedule, at('2026-03-09T15:00:00Z'))).toBe(true);
      expect(isOpenAt(schedule, at('2026-03-09T14:59:59Z'))).toBe(false);
      expect(isOpenAt(schedule, at('2026-03-10T00:00:00Z'))).toBe(false); // 17:00 PDT, closed
    });

    it('gives the Sunday range its real length of three hours', () => {
      const [range] = hoursOn(schedule, '2026-03-08').intervals;
      expect(range?.start.toISOString()).toBe('2026-03-08T08:00:00.000Z');
      expect(range?.end.toISOString()).toBe('2026-03-08T11:00:00.000Z');
      expect(range && hours(range.start, range.end)).toBe(3);
      expect(isOpenAt(schedule, at('2026-03-08T10:30:00Z'))).toBe(true); // 03:30 PDT
    });

    it('finds the next opening across the change', () => {
      // Friday 17:30 PST → Sunday 00:00 PST
      expect(nextOpening(schedule, at('2026-03-07T01:30:00Z'))?.start.toISOString()).toBe(
        '2026-03-08T08:00:00.000Z',
      );
      // Sunday 04:00 PDT (closed) → Monday 08:00 PDT
      expect(nextOpening(schedule, at('2026-03-08T11:00:00Z'))?.start.toISOString()).toBe(
        '2026-03-09T15:00:00.000Z',
      );
    });
  });

  describe('fall back (2026-11-01)', () => {
    it('gives the Sunday range its real length of five hours, both 01:30s open', () => {
      const day = hoursOn(schedule, '2026-11-01');
      expect(day.weekday).toBe('sunday');
      const [range] = day.intervals;
      expect(range?.start.toISOString()).toBe('2026-11-01T07:00:00.000Z');
      expect(range?.end.toISOString()).toBe('2026-11-01T12:00:00.000Z');
      expect(isOpenAt(schedule, at('2026-11-01T08:30:00Z'))).toBe(true); // 01:30 PDT
      expect(isOpenAt(schedule, at('2026-11-01T09:30:00Z'))).toBe(true); // 01:30 PST
      expect(isOpenAt(schedule, at('2026-11-01T12:00:00Z'))).toBe(false); // 04:00 PST
    });

    it('opens at 08:00 PST on the Monday after', () => {
      expect(isOpenAt(schedule, at('2026-11-02T16:00:00Z'))).toBe(true);
      expect(isOpenAt(schedule, at('2026-11-02T15:30:00Z'))).toBe(false);
      expect(nextOpening(schedule, at('2026-11-01T12:00:00Z'))?.start.toISOString()).toBe(
        '2026-11-02T16:00:00.000Z',
      );
    });

    it('finds the Sunday opening from Friday evening', () => {
      expect(nextOpening(schedule, at('2026-10-31T00:30:00Z'))?.start.toISOString()).toBe(
        '2026-11-01T07:00:00.000Z',
      );
    });
  });

  describe('dated exceptions', () => {
    it('is closed all of Thanksgiving and says why', () => {
      const day = hoursOn(schedule, '2026-11-26');
      expect(day.intervals).toEqual([]);
      expect(day.exception?.reason).toBe('Thanksgiving');
      expect(isOpenAt(schedule, at('2026-11-26T18:00:00Z'))).toBe(false);
      // Wednesday 17:30 PST → Friday 08:00 PST, skipping Thursday
      expect(nextOpening(schedule, at('2026-11-26T01:30:00Z'))?.start.toISOString()).toBe(
        '2026-11-27T16:00:00.000Z',
      );
    });

    it('closes early on Christmas Eve', () => {
      expect(isOpenAt(schedule, at('2026-12-24T19:00:00Z'))).toBe(true); // 11:00 PST
      expect(isOpenAt(schedule, at('2026-12-24T20:30:00Z'))).toBe(false); // 12:30 PST
    });

    it('skips a closure that spans several days', () => {
      expect(hoursOn(schedule, '2026-12-30').intervals).toEqual([]);
      // Sunday 2026-12-27 04:00 PST → Friday 2027-01-01 08:00 PST, after the closure
      expect(nextOpening(schedule, at('2026-12-27T12:00:00Z'))?.start.toISOString()).toBe(
        '2027-01-01T16:00:00.000Z',
      );
    });
  });

  it('reads the local date of an instant in the location zone', () => {
    expect(localDateOf(at('2026-03-08T07:30:00Z'), schedule.timeZone)).toBe('2026-03-07');
    expect(localDateOf(at('2026-03-08T08:00:00Z'), schedule.timeZone)).toBe('2026-03-08');
  });

  it('reports the status a badge needs', () => {
    const open = openingStatus(schedule, at('2026-11-25T18:00:00Z')); // Wed 10:00 PST
    expect(open.open).toBe(true);
    expect(open.current?.closes).toBe('17:00');
    expect(open.today.date).toBe('2026-11-25');
    expect(open.nextOpening?.start.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    const closed = openingStatus(schedule, at('2026-11-26T18:00:00Z'));
    expect(closed).toMatchObject({ open: false, today: { date: '2026-11-26', intervals: [] } });
    expect(closed.current).toBeUndefined();
  });
});

describe('nextOpening', () => {
  it('returns undefined when nothing opens within the horizon', () => {
    const never = { timeZone: schedule.timeZone, hours: OpeningHoursSchema.parse({ weekly: [] }) };
    expect(nextOpening(never, at('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(openingStatus(never, at('2026-01-01T00:00:00Z')).nextOpening).toBeUndefined();
  });

  it('always returns an opening that starts after the instant, and is open then', () => {
    const year2026 = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) });
    fc.assert(
      fc.property(year2026, (ms) => {
        const after = new Date(ms);
        const next = nextOpening(schedule, after);
        expect(next).toBeDefined();
        if (!next) return;
        expect(next.start.getTime()).toBeGreaterThan(ms);
        expect(isOpenAt(schedule, next.start)).toBe(true);
        expect(isOpenAt(schedule, new Date(next.end.getTime() - 1))).toBe(true);
        expect(isOpenAt(schedule, next.end)).toBe(false);
        // Nothing opens in between: closed just before the start, unless a range ended right then.
        expect(isOpenAt(schedule, new Date(next.start.getTime() - 1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('OpeningHoursSchema', () => {
  const issuesOf = (input: unknown) => {
    const result = OpeningHoursSchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('rejects a range that closes before it opens', () => {
    expect(issuesOf({ weekly: [{ days: ['monday'], opens: '17:00', closes: '08:00' }] })).toEqual([
      {
        path: 'weekly.0.closes',
        message: expect.stringContaining('closes at 08:00, not after it opens at 17:00'),
      },
    ]);
  });

  it('rejects overlapping weekly ranges on a shared day', () => {
    expect(
      issuesOf({
        weekly: [
          { days: ['monday', 'tuesday'], opens: '08:00', closes: '12:00' },
          { days: ['tuesday'], opens: '11:00', closes: '15:00' },
        ],
      }),
    ).toEqual([{ path: 'weekly.1', message: expect.stringContaining('on tuesday') }]);
  });

  it('rejects overlapping exceptions and backwards date ranges', () => {
    expect(
      issuesOf({
        weekly: [],
        exceptions: [
          { status: 'closed', from: '2026-12-24', through: '2026-12-26', reason: 'Holidays' },
          { status: 'closed', from: '2026-12-25', reason: 'Christmas' },
          { status: 'closed', from: '2027-01-05', through: '2027-01-01', reason: 'Backwards' },
        ],
      }).map((i) => i.path),
    ).toEqual(['exceptions.2.through', 'exceptions.1']);
  });

  it('accepts 24:00 as the end of the day and refuses 24:30', () => {
    expect(issuesOf({ weekly: [{ days: ['saturday'], opens: '20:00', closes: '24:00' }] })).toEqual(
      [],
    );
    expect(
      issuesOf({ weekly: [{ days: ['saturday'], opens: '20:00', closes: '24:30' }] }),
    ).toHaveLength(1);
  });
});

describe('TimeZoneSchema', () => {
  it.each(['America/Los_Angeles', 'America/Argentina/Buenos_Aires', 'Pacific/Honolulu'])(
    'accepts %s',
    (zone) => {
      expect(TimeZoneSchema.safeParse(zone).success).toBe(true);
    },
  );
  it.each(['PST', '-08:00', 'America/Springfield', 'Mars/Olympus_Mons', ''])(
    'refuses %j',
    (zone) => {
      expect(TimeZoneSchema.safeParse(zone).success).toBe(false);
    },
  );
});

describe('from plain JavaScript', () => {
  const thrown = (...args: unknown[]) => {
    try {
      Reflect.apply(isOpenAt, undefined, args);
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    return 'did not throw';
  };

  it('takes an instant as a Date only, and says so', () => {
    // An ISO string without an offset would be read in the process's zone; even with one, a
    // string is refused, so that there is one rule.
    expect(thrown(schedule, '2026-03-09T16:00:00Z')).toMatchInlineSnapshot(
      `"TypeError: isOpenAt(at): expected a valid Date such as new Date("2026-03-09T16:00:00Z"), got "2026-03-09T16:00:00Z"; pass new Date(at)"`,
    );
    expect(thrown(schedule, new Date('soon'))).toMatchInlineSnapshot(
      `"TypeError: isOpenAt(at): expected a valid Date such as new Date("2026-03-09T16:00:00Z"), got an invalid Date"`,
    );
  });

  it('refuses a schedule that is not a parsed location, naming the field', () => {
    expect(thrown({ ...schedule, timeZone: 'PST' }, new Date())).toMatchInlineSnapshot(
      `"TypeError: isOpenAt(schedule): schedule.timeZone: expected an IANA time zone such as "America/Los_Angeles", got "PST"; parse it with parseClinicData or LocationSchema first"`,
    );
    expect(thrown({ timeZone: schedule.timeZone }, new Date())).toMatchInlineSnapshot(
      `"TypeError: isOpenAt(schedule): schedule.hours: expected an object, got undefined; parse it with parseClinicData or LocationSchema first"`,
    );
  });

  it('refuses a horizon that would search for ever', () => {
    expect(() => nextOpening(schedule, new Date(), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => nextOpening(schedule, new Date(), -1)).toThrow(
      'nextOpening(horizonDays): expected a whole number from 0 to 3660, got -1',
    );
  });
});
