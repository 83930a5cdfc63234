import * as z from 'zod';
import { boundedText, IsoDateSchema, reportIssue } from '../shared/schema.js';
import { WEEKDAYS } from './weekdays.js';

/** A day of the week, lowercase English. */
export const WeekdaySchema = z
  .enum(WEEKDAYS)
  .describe('Day of the week, lowercase: "monday" … "sunday"');
/** A day of the week. */
export type Weekday = z.output<typeof WeekdaySchema>;

/** A wall-clock time `HH:MM` on the 24-hour clock, from `00:00` to `24:00` (end of the day). */
export const LocalTimeSchema = z
  .string()
  .max(5)
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
    error: 'must be a 24-hour time "HH:MM" from "00:00" to "24:00", like "08:30"; quote it in YAML',
  })
  .describe('Local wall-clock time, "HH:MM" on the 24-hour clock; "24:00" is the end of the day');
/** A local wall-clock time `HH:MM`. */
export type LocalTime = z.output<typeof LocalTimeSchema>;

const opens = LocalTimeSchema.describe('Local time the doors open, "HH:MM"');
const closes = LocalTimeSchema.describe(
  'Local time the doors close, "HH:MM"; after `opens`, at most "24:00"',
);

function checkOrder(range: { opens: string; closes: string }, ctx: z.core.$RefinementCtx<unknown>) {
  if (range.closes <= range.opens) {
    reportIssue(
      ctx,
      'invalid-hours',
      `closes at ${range.closes}, not after it opens at ${range.opens}; hours that run past midnight are two ranges, ending "24:00" and starting "00:00"`,
      { path: ['closes'] },
    );
  }
}

/** One opening on one day: doors open at `opens` and close at `closes`, local time. */
export const TimeRangeSchema = z
  .strictObject({ opens, closes })
  .superRefine(checkOrder)
  .describe('Opening time range on one day, local time');
/** One opening on one day. */
export type TimeRange = z.output<typeof TimeRangeSchema>;

/** A recurring weekly opening: the same range on each listed day. */
export const WeeklyHoursSchema = z
  .strictObject({
    days: z.array(WeekdaySchema).min(1).max(7).describe('Days of the week this range applies to'),
    opens,
    closes,
  })
  .superRefine(checkOrder)
  .describe('A recurring weekly opening range');
/** A recurring weekly opening. */
export type WeeklyHours = z.output<typeof WeeklyHoursSchema>;

const exceptionDates = {
  from: IsoDateSchema.describe('First date the exception applies to, YYYY-MM-DD'),
  through: IsoDateSchema.optional().describe(
    'Last date the exception applies to (inclusive); omit for one day',
  ),
  reason: boundedText(120, 'Why the hours differ, shown to patients, e.g. "Thanksgiving"'),
};

/**
 * A dated exception to the weekly hours: closed (a holiday, a closure) or open with other hours
 * (an early close), for one date or an inclusive range of dates.
 */
export const HoursExceptionSchema = z
  .discriminatedUnion('status', [
    z.strictObject({
      status: z.literal('closed').describe('Closed all day'),
      ...exceptionDates,
    }),
    z.strictObject({
      status: z.literal('open').describe('Open, with these hours instead of the weekly ones'),
      ...exceptionDates,
      hours: z.array(TimeRangeSchema).min(1).max(4).describe('The hours on these dates'),
    }),
  ])
  .superRefine((exception, ctx) => {
    if (exception.through !== undefined && exception.through < exception.from) {
      reportIssue(
        ctx,
        'invalid-date-range',
        `through ${exception.through} is before from ${exception.from}`,
        {
          path: ['through'],
        },
      );
    }
  })
  .describe('Dated exception to the weekly hours: a holiday, a closure or special hours');
/** A dated exception to the weekly hours. */
export type HoursException = z.output<typeof HoursExceptionSchema>;

function overlaps(a: { opens: string; closes: string }, b: { opens: string; closes: string }) {
  return a.opens < b.closes && b.opens < a.closes;
}

/** A location's opening hours: the weekly pattern and dated exceptions to it. */
export const OpeningHoursSchema = z
  .strictObject({
    weekly: z
      .array(WeeklyHoursSchema)
      .max(28)
      .describe('The weekly pattern; a day with no range is closed'),
    exceptions: z
      .array(HoursExceptionSchema)
      .max(400)
      .default([])
      .describe(
        'Dated exceptions (holidays, closures, special hours); they win over the weekly pattern',
      ),
  })
  .superRefine((hours, ctx) => {
    hours.weekly.forEach((range, i) => {
      hours.weekly.slice(0, i).forEach((earlier, j) => {
        const day = range.days.find((d) => earlier.days.includes(d));
        if (day && overlaps(range, earlier)) {
          reportIssue(
            ctx,
            'overlapping-hours',
            `${range.opens}–${range.closes} overlaps ${earlier.opens}–${earlier.closes} (weekly[${j}]) on ${day}`,
            { path: ['weekly', i] },
          );
        }
      });
    });
    hours.exceptions.forEach((exception, i) => {
      hours.exceptions.slice(0, i).forEach((earlier, j) => {
        const end = exception.through ?? exception.from;
        const earlierEnd = earlier.through ?? earlier.from;
        if (exception.from <= earlierEnd && earlier.from <= end) {
          reportIssue(
            ctx,
            'overlapping-exceptions',
            `dates ${exception.from}–${end} overlap exceptions[${j}] (${earlier.from}–${earlierEnd}); a date may have one exception`,
            { path: ['exceptions', i] },
          );
        }
      });
      if (exception.status === 'open') {
        exception.hours.forEach((range, k) => {
          const other = exception.hours.slice(0, k).findIndex((r) => overlaps(r, range));
          if (other >= 0) {
            reportIssue(
              ctx,
              'overlapping-hours',
              `${range.opens}–${range.closes} overlaps hours[${other}]`,
              {
                path: ['exceptions', i, 'hours', k],
              },
            );
          }
        });
      }
    });
  })
  .describe('Opening hours: a weekly pattern and dated exceptions, in the location’s time zone');
/** A location's opening hours. */
export type OpeningHours = z.output<typeof OpeningHoursSchema>;
