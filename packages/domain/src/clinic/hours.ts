import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import {
  expectInstant,
  expectIsoDate,
  expectShape,
  expectTimeZone,
  expectWholeNumber,
  isIsoDate,
  rangeError,
} from '../shared/arguments.js';
import type { IsoDate } from '../shared/schema.js';
import { SCHEDULE } from '../shared/shapes.js';
import type { HoursException, LocalTime, OpeningHours, Weekday } from './opening-hours.js';
import type { TimeZone } from './time-zone.js';
import { WEEKDAYS } from './weekdays.js';

/** What the hours functions need of a location: its zone and its hours. */
export interface HoursSchedule {
  /** IANA zone all the hours are in. */
  readonly timeZone: TimeZone;
  /** Weekly pattern and dated exceptions. */
  readonly hours: OpeningHours;
}

/** One opening on a given date, as local times and as instants. */
export interface OpenInterval {
  /** The local date, YYYY-MM-DD. */
  readonly date: IsoDate;
  /** Local opening time, `HH:MM`. */
  readonly opens: LocalTime;
  /** Local closing time, `HH:MM`. */
  readonly closes: LocalTime;
  /** The instant the doors open. */
  readonly start: Date;
  /** The instant the doors close (exclusive). */
  readonly end: Date;
}

/** The hours of one local date. */
export interface DayHours {
  /** The local date, YYYY-MM-DD. */
  readonly date: IsoDate;
  /** Day of the week of `date`. */
  readonly weekday: Weekday;
  /** The openings that day, earliest first; empty when closed. */
  readonly intervals: readonly OpenInterval[];
  /** The dated exception that set these hours, if one did. */
  readonly exception?: HoursException;
}

/** Where a location stands at an instant. */
export interface OpeningStatus {
  /** Whether the doors are open at the instant. */
  readonly open: boolean;
  /** The opening the instant falls in, when open. */
  readonly current?: OpenInterval;
  /** The hours of the local date of the instant. */
  readonly today: DayHours;
  /** The next opening that starts after the instant, if one starts within the search horizon. */
  readonly nextOpening?: OpenInterval;
}

/** How far ahead {@link nextOpening} looks before it gives up: a little over a year. */
export const NEXT_OPENING_HORIZON_DAYS = 400;

// The furthest nextOpening may be asked to look (ten years), and addCalendarDays to move.
const MAX_HORIZON_DAYS = 3660;
const MAX_CALENDAR_DAYS = 3_660_000;

function dateParts(date: string): [number, number, number] {
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = date.split('-').map(Number);
  return [y, m, d];
}

/**
 * The instant of a wall-clock time in a zone. Like `Date`, TZDate reads years 0–99 as 1900–1999,
 * so those years are set after construction.
 */
function zoned(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  zone: TimeZone,
): TZDate {
  if (year >= 100) return new TZDate(year, month, day, hours, minutes, zone);
  const date = new TZDate(2000, month, day, hours, minutes, zone);
  date.setFullYear(year, month, day);
  date.setHours(hours, minutes, 0, 0);
  return date;
}

/** Noon on `date` in `zone`: a time of day that exists on every date, whatever DST does. */
function noonOn(date: IsoDate, zone: TimeZone): TZDate {
  const [y, m, d] = dateParts(date);
  return zoned(y, m - 1, d, 12, 0, zone);
}

/** The instant of wall-clock `time` on `date` in `zone`; `24:00` is midnight ending the day. */
function instantOf(date: IsoDate, time: LocalTime, zone: TimeZone): Date {
  const [y, m, d] = dateParts(date);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const local = hh === 24 ? zoned(y, m - 1, d + 1, 0, 0, zone) : zoned(y, m - 1, d, hh, mm, zone);
  return new Date(local.getTime());
}

/**
 * The calendar date of an instant in a zone.
 *
 * @throws {TypeError} when `at` is not a valid `Date` (strings are refused) or `zone` is not an
 * IANA zone name
 * @example
 * localDateOf(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles'); // '2026-03-07'
 */
export function localDateOf(at: Date, zone: TimeZone): IsoDate {
  expectInstant('localDateOf', 'at', at);
  expectTimeZone('localDateOf', 'zone', zone);
  return dateIn(at, zone);
}

function dateIn(at: Date, zone: TimeZone): IsoDate {
  return formatISO(new TZDate(at.getTime(), zone), { representation: 'date' });
}

/**
 * The date `days` after `date` (negative for before), by the calendar.
 *
 * @throws {TypeError} when `date` is not a date `YYYY-MM-DD`, `days` not a number or `zone` not an
 * IANA zone name
 * @throws {RangeError} when `days` is not a whole number, or the result falls outside years 0–9999
 * @example
 * addCalendarDays('2026-02-28', 1, 'America/Los_Angeles'); // '2026-03-01'
 */
export function addCalendarDays(date: IsoDate, days: number, zone: TimeZone): IsoDate {
  expectIsoDate('addCalendarDays', 'date', date);
  expectWholeNumber('addCalendarDays', 'days', days, -MAX_CALENDAR_DAYS, MAX_CALENDAR_DAYS);
  expectTimeZone('addCalendarDays', 'zone', zone);
  const result = plusDays(date, days, zone);
  if (!isIsoDate(result))
    throw rangeError('addCalendarDays(days)', 'a result within years 0000–9999', days);
  return result;
}

function plusDays(date: IsoDate, days: number, zone: TimeZone): IsoDate {
  return formatISO(addDays(noonOn(date, zone), days), { representation: 'date' });
}

function exceptionOn(hours: OpeningHours, date: IsoDate): HoursException | undefined {
  return hours.exceptions.find((e) => e.from <= date && date <= (e.through ?? e.from));
}

/**
 * The hours of a local date: the dated exception for that date if there is one, else the weekly
 * pattern for its weekday. Times become instants in the location's zone, so a range across a DST
 * change has its real length.
 *
 * @throws {TypeError} when `schedule` is not a parsed location (or `{ timeZone, hours }` of the
 * same shape; the message names the first field that is not) or `date` is not a date `YYYY-MM-DD`
 * @example
 * hoursOn(location, '2022-11-24').intervals; // [] on Thanksgiving
 */
export function hoursOn(schedule: HoursSchedule, date: IsoDate): DayHours {
  expectShape('hoursOn', 'schedule', schedule, SCHEDULE);
  expectIsoDate('hoursOn', 'date', date);
  return hoursOnUnchecked(schedule, date);
}

/** {@link hoursOn} without the argument checks, for callers that have made them. */
export function hoursOnUnchecked(schedule: HoursSchedule, date: IsoDate): DayHours {
  const { hours, timeZone } = schedule;
  // getDay(): 0 is Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(noonOn(date, timeZone).getDay() + 6) % 7] ?? 'monday';
  const exception = exceptionOn(hours, date);
  const ranges = exception
    ? exception.status === 'open'
      ? exception.hours
      : []
    : hours.weekly.filter((range) => range.days.includes(weekday));
  const intervals = [...ranges]
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((range) => ({
      date,
      opens: range.opens,
      closes: range.closes,
      start: instantOf(date, range.opens, timeZone),
      end: instantOf(date, range.closes, timeZone),
    }));
  return exception ? { date, weekday, intervals, exception } : { date, weekday, intervals };
}

/**
 * True when the location is open at the instant, in its own zone, whatever the process's `TZ`.
 * `at` is a `Date`; a string or a number is refused (pass `new Date(text)`), since an ISO string
 * without an offset would be read in the process's zone.
 *
 * @throws {TypeError} when `schedule` is not a parsed location or `at` is not a valid `Date`
 * @example
 * isOpenAt(location, new Date('2026-03-09T16:00:00Z')); // Monday 09:00 PDT
 */
export function isOpenAt(schedule: HoursSchedule, at: Date): boolean {
  expectShape('isOpenAt', 'schedule', schedule, SCHEDULE);
  expectInstant('isOpenAt', 'at', at);
  return currentInterval(schedule, at) !== undefined;
}

function currentInterval(schedule: HoursSchedule, at: Date): OpenInterval | undefined {
  const t = at.getTime();
  return hoursOnUnchecked(schedule, dateIn(at, schedule.timeZone)).intervals.find(
    (i) => i.start.getTime() <= t && t < i.end.getTime(),
  );
}

/**
 * The first opening that starts strictly after `after`, looking at most
 * {@link NEXT_OPENING_HORIZON_DAYS} days ahead; `undefined` when none starts in that time.
 * While the location is open at `after`, that is the opening after the current one, not the
 * current one: for "open now, closes at…" use {@link openingStatus} (its `current`) or
 * `describeOpenNow`.
 *
 * @param horizonDays - days to look ahead, a whole number from 0 to 3660 (ten years)
 * @throws {TypeError} when `schedule` is not a parsed location or `after` is not a valid `Date`
 * (strings are refused, as for {@link isOpenAt})
 * @throws {RangeError} when `horizonDays` is not a whole number from 0 to 3660
 * @example
 * nextOpening(location, new Date('2026-11-26T20:00:00Z'))?.start; // after the holiday
 */
export function nextOpening(
  schedule: HoursSchedule,
  after: Date,
  horizonDays: number = NEXT_OPENING_HORIZON_DAYS,
): OpenInterval | undefined {
  expectShape('nextOpening', 'schedule', schedule, SCHEDULE);
  expectInstant('nextOpening', 'after', after);
  expectWholeNumber('nextOpening', 'horizonDays', horizonDays, 0, MAX_HORIZON_DAYS);
  return openingAfter(schedule, after, horizonDays);
}

function openingAfter(
  schedule: HoursSchedule,
  after: Date,
  horizonDays: number,
): OpenInterval | undefined {
  const t = after.getTime();
  const first = dateIn(after, schedule.timeZone);
  for (let i = 0; i <= horizonDays; i++) {
    const day = hoursOnUnchecked(schedule, plusDays(first, i, schedule.timeZone));
    const found = day.intervals.find((interval) => interval.start.getTime() > t);
    if (found) return found;
  }
  return undefined;
}

/**
 * Everything a "we're open" badge needs at an instant: open or not, the current opening, today's
 * hours and the next opening.
 *
 * @throws {TypeError} when `schedule` is not a parsed location or `at` is not a valid `Date`
 * (strings are refused, as for {@link isOpenAt})
 */
export function openingStatus(schedule: HoursSchedule, at: Date): OpeningStatus {
  expectShape('openingStatus', 'schedule', schedule, SCHEDULE);
  expectInstant('openingStatus', 'at', at);
  const today = hoursOnUnchecked(schedule, dateIn(at, schedule.timeZone));
  const current = currentInterval(schedule, at);
  const next = openingAfter(schedule, at, NEXT_OPENING_HORIZON_DAYS);
  return {
    open: current !== undefined,
    today,
    ...(current ? { current } : {}),
    ...(next ? { nextOpening: next } : {}),
  };
}
