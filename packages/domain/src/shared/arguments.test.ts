import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeZoneSchema } from '../clinic/time-zone.js';
import {
  describeArgument,
  expectOptions,
  expectShape,
  isIsoDate,
  isTimeZone,
  optionsProblem,
} from './arguments.js';
import { IsoDateSchema } from './schema.js';
import { SCHEDULE } from './shapes.js';

const thrown = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return error instanceof TypeError ? error.message : `not a TypeError: ${String(error)}`;
  }
  return 'did not throw';
};

describe('describeArgument', () => {
  it('shows any value briefly, and never throws', () => {
    const values: unknown[] = [
      undefined,
      null,
      42,
      Number.NaN,
      10n,
      'abc',
      'x'.repeat(100),
      [],
      [1, 2],
      {},
      { given: 'Ana', family: 'Reyes' },
      new Date('2026-03-09T16:00:00Z'),
      new Date('soon'),
      () => 1,
      Symbol('x'),
      Object.create(null),
    ];
    expect(values.map(describeArgument)).toMatchInlineSnapshot(`
      [
        "undefined",
        "null",
        "42",
        "NaN",
        "10n",
        ""abc"",
        ""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"",
        "an empty list",
        "a list of 2",
        "an empty object",
        "an object with keys "given", "family"",
        "a Date (2026-03-09T16:00:00.000Z)",
        "an invalid Date",
        "a function",
        "Symbol(x)",
        "an empty object",
      ]
    `);
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }),
        (v) => {
          expect(typeof describeArgument(v)).toBe('string');
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it('agrees with IsoDateSchema', () => {
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (text) => {
        expect(isIsoDate(text)).toBe(IsoDateSchema.safeParse(text).success);
      }),
    );
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate(20260309)).toBe(false);
  });
});

describe('isTimeZone', () => {
  it('agrees with TimeZoneSchema', () => {
    const names = [
      'America/Los_Angeles',
      'America/Argentina/Buenos_Aires',
      'Etc/GMT+8',
      'Mars/Olympus_Mons',
      'UTC',
      'PST',
      '-08:00',
      'america/los_angeles',
      '',
    ];
    for (const name of names)
      expect(isTimeZone(name), name).toBe(TimeZoneSchema.safeParse(name).success);
    expect(isTimeZone(undefined)).toBe(false);
  });
});

describe('expectShape', () => {
  it('names the function, the argument and the first field that is wrong', () => {
    const location = {
      timeZone: 'America/Los_Angeles',
      hours: { weekly: [{ days: ['monday'], opens: '9am', closes: '17:00' }], exceptions: [] },
    };
    expect(
      thrown(() => expectShape('hoursOn', 'schedule', location, SCHEDULE)),
    ).toMatchInlineSnapshot(
      `"hoursOn(schedule): schedule.hours.weekly[0].opens: expected a time "HH:MM" from "00:00" to "24:00", such as "08:30", got "9am"; parse it with parseClinicData or LocationSchema first"`,
    );
    expect(thrown(() => expectShape('hoursOn', 'schedule', 42, SCHEDULE))).toMatchInlineSnapshot(
      `"hoursOn(schedule): expected a location (an object with timeZone and hours), got 42; parse it with parseClinicData or LocationSchema first"`,
    );
    const closedWithHours = {
      ...location,
      hours: {
        weekly: [],
        exceptions: [{ from: '2026-11-26', status: 'shut', reason: 'Thanksgiving' }],
      },
    };
    expect(
      thrown(() => expectShape('isOpenAt', 'schedule', closedWithHours, SCHEDULE)),
    ).toMatchInlineSnapshot(
      `"isOpenAt(schedule): schedule.hours.exceptions[0].status: expected one of "closed", "open", got "shut"; parse it with parseClinicData or LocationSchema first"`,
    );
  });
});

describe('options', () => {
  const FORMAT = { format: ['optional', ['one of', 'yaml', 'json']] } as const;

  it('takes undefined as no options and refuses a misspelt key, a wrong value or a non-object', () => {
    expect(optionsProblem(undefined, FORMAT)).toBeUndefined();
    expect(optionsProblem({ format: 'json' }, FORMAT)).toBeUndefined();
    expect(optionsProblem({ fromat: 'json' }, FORMAT)).toEqual({
      path: ['fromat'],
      message: 'not an option; the options are format',
    });
    expect(thrown(() => expectOptions('parse', { format: 'xml' }, FORMAT))).toMatchInlineSnapshot(
      `"parse(options): options.format: expected one of "yaml", "json", got "xml""`,
    );
    expect(thrown(() => expectOptions('parse', 'yaml', FORMAT))).toMatchInlineSnapshot(
      `"parse(options): expected an object of options or undefined, got "yaml""`,
    );
  });
});
