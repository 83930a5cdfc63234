import { expectIsoDate, expectShape, expectWholeNumber } from '../shared/arguments.js';
import type { IsoDate } from '../shared/schema.js';
import { CREDENTIAL_DATES, RENEWING_ENTRY } from '../shared/shapes.js';
import type { CatalogEntry } from './catalog-entry.js';
import type { Credential } from './credential.js';

/** Where a credential stands on a date. */
export type CredentialStatus =
  /** Valid past the warning window. */
  | 'active'
  /** Valid, but lapses within the warning window. */
  | 'expiring'
  /** Lapsed. */
  | 'expired'
  /** Never lapses (a degree, an honor). */
  | 'no-expiry'
  /** Lapses, but neither a date nor a known cycle says when. */
  | 'unknown';

/** A credential's expiry as of a date. */
export interface CredentialExpiry {
  /** Where it stands. */
  readonly status: CredentialStatus;
  /** The last day it is valid, when known. */
  readonly expires?: IsoDate;
  /** Whether `expires` was stated in the data or derived from the catalog's renewal cycle. */
  readonly basis?: 'stated' | 'catalog-cycle';
  /** Days from the as-of date to `expires` (negative once expired). */
  readonly daysLeft?: number;
}

/** Days before expiry that count as "expiring" unless told otherwise. */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 90;

// Calendar arithmetic on YYYY-MM-DD dates (checked before they get here), in UTC so that no
// process zone or DST change moves a day; setUTCFullYear, since Date.UTC reads 0–99 as 19xx.
const DAY_MS = 86_400_000;

function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function partsOf(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function isoOf(date: Date): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Whole calendar days from `from` to `to`. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = partsOf(from);
  const [y2, m2, d2] = partsOf(to);
  return Math.round((utc(y2, m2 - 1, d2).getTime() - utc(y1, m1 - 1, d1).getTime()) / DAY_MS);
}

/** The day before the anniversary `years` after `date` (Feb 29 turns 28 in a common year). */
function dayBeforeAnniversary(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = partsOf(date);
  const lastOfMonth = utc(y + years, m, 0).getUTCDate();
  return isoOf(utc(y + years, m - 1, Math.min(d, lastOfMonth) - 1));
}

/**
 * When a credential earned on `earned` lapses under its catalog renewal rule: `years` after
 * earning (ABPTS 10, CHT 5, ATC 2), or on Dec 31 of the shared cycle's end year (CSCS: the first
 * of 2026, 2029, … — or 2023, 2020, … — on or after the year earned). `undefined` when the rule
 * gives no date (no renewal, varies by state, unknown).
 *
 * @throws {TypeError} when `entry` has no renewal rule (use an entry of `CREDENTIAL_CATALOG`) or
 * `earned` is not a date `YYYY-MM-DD`
 * @example
 * expiryFromCycle(catalogEntryForCscs, '2025-03-01'); // '2026-12-31'
 */
export function expiryFromCycle(entry: CatalogEntry, earned: IsoDate): IsoDate | undefined {
  expectShape('expiryFromCycle', 'entry', entry, RENEWING_ENTRY);
  expectIsoDate('expiryFromCycle', 'earned', earned);
  return cycleEnd(entry, earned);
}

function cycleEnd(entry: CatalogEntry, earned: IsoDate): IsoDate | undefined {
  const rule = entry.renewal;
  switch (rule.kind) {
    case 'years':
      // The credential is valid through the day before the anniversary.
      return dayBeforeAnniversary(earned, rule.years);
    case 'fixed-cycle': {
      const year = Number(earned.slice(0, 4));
      const offset = (((rule.anchorYear - year) % rule.years) + rule.years) % rule.years;
      return `${year + offset}-12-31`;
    }
    case 'none':
    case 'varies-by-state':
    case 'unknown':
      return undefined;
    default: {
      const unhandled: never = rule;
      throw new Error(`unhandled renewal rule ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * Where a structured credential stands on `asOf`: expired, expiring within `withinDays`, active,
 * never expiring, or unknown. A stated `expires` date wins; otherwise the catalog's renewal cycle
 * and the `earned` date give one.
 *
 * Dates are `YYYY-MM-DD` text, not `Date`s: a credential lapses on a calendar day, in no zone.
 *
 * @param withinDays - days before expiry that count as expiring, a whole number from 0
 * @throws {TypeError} when `credential` is not an object with optional `earned`/`expires` dates,
 * `entry` is neither `undefined` nor a catalog entry, or `asOf` is not a date `YYYY-MM-DD`
 * @throws {RangeError} when `withinDays` is not a whole number of days, 0 or more
 * @example
 * credentialExpiry({ abbreviation: 'CSCS', expires: '2026-12-31' }, entry, '2026-11-27').status; // 'expiring'
 */
export function credentialExpiry(
  credential: Pick<Credential, 'expires' | 'earned'>,
  entry: CatalogEntry | undefined,
  asOf: IsoDate,
  withinDays: number = DEFAULT_EXPIRING_WITHIN_DAYS,
): CredentialExpiry {
  expectShape('credentialExpiry', 'credential', credential, CREDENTIAL_DATES);
  if (entry !== undefined) expectShape('credentialExpiry', 'entry', entry, RENEWING_ENTRY);
  expectIsoDate('credentialExpiry', 'asOf', asOf);
  expectWholeNumber('credentialExpiry', 'withinDays', withinDays, 0, Number.MAX_SAFE_INTEGER);
  return credentialExpiryUnchecked(credential, entry, asOf, withinDays);
}

/** {@link credentialExpiry} without the argument checks, for callers that have made them. */
export function credentialExpiryUnchecked(
  credential: Pick<Credential, 'expires' | 'earned'>,
  entry: CatalogEntry | undefined,
  asOf: IsoDate,
  withinDays: number,
): CredentialExpiry {
  const derived = credential.earned && entry ? cycleEnd(entry, credential.earned) : undefined;
  const expires = credential.expires ?? derived;
  if (expires === undefined) {
    return { status: entry?.renewal.kind === 'none' ? 'no-expiry' : 'unknown' };
  }
  const daysLeft = daysBetween(asOf, expires);
  const status: CredentialStatus =
    daysLeft < 0 ? 'expired' : daysLeft <= withinDays ? 'expiring' : 'active';
  return { status, expires, basis: credential.expires ? 'stated' : 'catalog-cycle', daysLeft };
}
