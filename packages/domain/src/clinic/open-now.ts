import { expectInstant, expectOptions, expectShape } from '../shared/arguments.js';
import type { IsoDate } from '../shared/schema.js';
import { SCHEDULE } from '../shared/shapes.js';
import {
  addCalendarDays,
  type HoursSchedule,
  hoursOnUnchecked,
  localDateOf,
  NEXT_OPENING_HORIZON_DAYS,
  type OpenInterval,
} from './hours.js';
import type { HoursException } from './opening-hours.js';

/** Options of {@link describeOpenNow}. */
export interface DescribeOpenNowOptions {
  /**
   * BCP 47 locale for the times and weekday names (`Intl.DateTimeFormat`), e.g. `en-GB` for
   * `19:00`. Default `en-US`. The surrounding words ("Open now", "closes") are English; build
   * other languages' text from the structured values.
   */
  readonly locale?: string;
}

/** A time as a site shows it, with the instant and the local date and weekday it falls on. */
export interface OpenNowTime {
  /** The instant. */
  readonly at: Date;
  /** Its local date in the location's zone, YYYY-MM-DD. */
  readonly date: IsoDate;
  /** Its local time formatted for the locale: `7:00 PM` in `en-US`, `19:00` in `en-GB`. */
  readonly time: string;
  /** Its local weekday for the locale: `Monday`. */
  readonly weekday: string;
  /** Whole local calendar days from the instant described to this one: 0 today, 1 tomorrow. */
  readonly daysAhead: number;
}

/** What a site shows for "are they open now?": the line of text and the values behind it. */
export type OpenNow =
  | {
      /** The doors are open. */
      readonly open: true;
      /** `Open now · closes 7:00 PM`; `Open now` when no closing is within a week (open around the clock). */
      readonly text: string;
      /**
       * When the doors close, after any opening that follows without a gap (hours past midnight);
       * absent when the openings run on without a gap for the whole week ahead.
       */
      readonly closes?: OpenNowTime;
    }
  | {
      /** The doors are closed. */
      readonly open: false;
      /** `Closed · opens Monday 7:00 AM`, `Closed today for Thanksgiving · opens Friday 7:00 AM`. */
      readonly text: string;
      /** The next opening, if one starts within {@link NEXT_OPENING_HORIZON_DAYS} days. */
      readonly opens?: OpenNowTime;
      /** A dated exception closing the location all day today (a holiday), if that is why. */
      readonly closedFor?: HoursException;
    };

// A run of openings without a gap is one for "closes": 22:00–24:00 then 00:00–02:00 closes at 2.
const MAX_CONTIGUOUS_DAYS = 8;
const formatters = new Map<string, { time: Intl.DateTimeFormat; weekday: Intl.DateTimeFormat }>();

function formattersFor(locale: string, timeZone: string) {
  const key = `${locale}\u0000${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    found = {
      time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }),
      weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }),
    };
    if (formatters.size > 64) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

// A locale `Intl` takes: a well-formed BCP 47 tag (unknown ones fall back to the default locale).
function isLocale(value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    Intl.DateTimeFormat.supportedLocalesOf(value);
    return true;
  } catch {
    return false;
  }
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The openings from `date` on, day by day, for at most `days` days. */
function* openingsFrom(schedule: HoursSchedule, date: IsoDate, days: number) {
  for (let i = 0; i < days; i++) {
    yield* hoursOnUnchecked(schedule, addCalendarDays(date, i, schedule.timeZone)).intervals;
  }
}

/**
 * Whether a location is open at an instant, as a site shows it, in the location's zone whatever
 * the visitor's or the process's: `Open now · closes 7:00 PM`, `Closed · opens Monday 7:00 AM`,
 * `Closed today for Thanksgiving · opens Friday 7:00 AM`, with the structured values beside the
 * text. When open, `closes` is the end of the current opening joined with any that follows
 * without a gap. When closed, `opens` is the next opening ({@link nextOpening}) and `closedFor`
 * the dated exception that closes today, if any. Times use `Intl` for the locale, with a plain
 * space before AM/PM (ICU writes U+202F).
 *
 * @throws {TypeError} when `schedule` is not a parsed location (or `{ timeZone, hours }`), `at` not
 * a valid `Date`, or `options.locale` not a BCP 47 locale
 *
 * @example
 * describeOpenNow(location, new Date('2026-11-30T17:00:00Z')).text; // 'Open now · closes 7:00 PM'
 * describeOpenNow(location, new Date('2026-11-26T17:00:00Z')).text;
 * // 'Closed today for Thanksgiving · opens Friday 7:00 AM'
 */
export function describeOpenNow(
  schedule: HoursSchedule,
  at: Date,
  options: DescribeOpenNowOptions = {},
): OpenNow {
  expectShape('describeOpenNow', 'schedule', schedule, SCHEDULE);
  expectInstant('describeOpenNow', 'at', at);
  expectOptions('describeOpenNow', options, {
    locale: ['optional', ['test', 'a BCP 47 locale such as "en-US"', isLocale]],
  });
  const zone = schedule.timeZone;
  const { time, weekday } = formattersFor(options.locale ?? 'en-US', zone);
  const today = localDateOf(at, zone);
  const t = at.getTime();
  const describe = (instant: Date, date: IsoDate): OpenNowTime => ({
    at: instant,
    date,
    time: time.format(instant).replace(/[\u202f\u00a0]/g, ' '),
    weekday: weekday.format(instant),
    daysAhead: daysBetween(today, date),
  });
  // Start a day early: an opening that began yesterday (…–24:00 is one day, 00:00–… the next).
  const yesterday = addCalendarDays(today, -1, zone);
  let current: OpenInterval | undefined;
  let gap = false;
  for (const interval of openingsFrom(schedule, yesterday, MAX_CONTIGUOUS_DAYS + 1)) {
    if (!current) {
      if (interval.start.getTime() <= t && t < interval.end.getTime()) current = interval;
      else if (interval.start.getTime() > t) break;
      continue;
    }
    if (interval.start.getTime() > current.end.getTime()) {
      gap = true;
      break;
    }
    if (interval.end.getTime() > current.end.getTime())
      current = { ...current, end: interval.end, date: interval.date };
  }
  if (current) {
    // The last day looked at may close at 24:00 and open again at 00:00 the day after: without a
    // gap seen, when the doors close is not known, so none is promised.
    const lastDay = addCalendarDays(yesterday, MAX_CONTIGUOUS_DAYS, zone);
    if (!gap && localDateOf(current.end, zone) > lastDay) return { open: true, text: 'Open now' };
    const closes = describe(current.end, localDateOf(current.end, zone));
    return { open: true, text: `Open now · closes ${when(closes)}`, closes };
  }
  let next: OpenInterval | undefined;
  for (const interval of openingsFrom(schedule, today, NEXT_OPENING_HORIZON_DAYS + 1)) {
    if (interval.start.getTime() > t) {
      next = interval;
      break;
    }
  }
  const exception = hoursOnUnchecked(schedule, today).exception;
  const closedFor = exception?.status === 'closed' ? exception : undefined;
  const opens = next ? describe(next.start, next.date) : undefined;
  const head = closedFor ? `Closed today for ${closedFor.reason}` : 'Closed';
  return {
    open: false,
    text: opens ? `${head} · opens ${when(opens)}` : head,
    ...(opens ? { opens } : {}),
    ...(closedFor ? { closedFor } : {}),
  };
}

/** `7:00 PM` today, `Monday 7:00 AM` within the week, `Monday, 2027-01-04 7:00 AM` beyond. */
function when(time: OpenNowTime): string {
  if (time.daysAhead === 0) return time.time;
  if (time.daysAhead < 7) return `${time.weekday} ${time.time}`;
  return `${time.weekday}, ${time.date} ${time.time}`;
}
