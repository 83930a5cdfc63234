import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';
import type { IsoDate } from '../shared/schema.js';
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

const day = (date: Date): IsoDate => formatISO(date, { representation: 'date' });

/**
 * When a credential earned on `earned` lapses under its catalog renewal rule: `years` after
 * earning (ABPTS 10, CHT 5, ATC 2), or on Dec 31 of the shared cycle's end year (CSCS: the first
 * of 2026, 2029, … — or 2023, 2020, … — on or after the year earned). `undefined` when the rule
 * gives no date (no renewal, varies by state, unknown).
 *
 * @example
 * expiryFromCycle(catalogEntryForCscs, '2025-03-01'); // '2026-12-31'
 */
export function expiryFromCycle(entry: CatalogEntry, earned: IsoDate): IsoDate | undefined {
  const rule = entry.renewal;
  switch (rule.kind) {
    case 'years':
      // The credential is valid through the day before the anniversary.
      return day(subDays(addYears(parseISO(earned), rule.years), 1));
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
 * @example
 * credentialExpiry({ abbreviation: 'CSCS', expires: '2026-12-31' }, entry, '2026-11-27').status; // 'expiring'
 */
export function credentialExpiry(
  credential: Pick<Credential, 'expires' | 'earned'>,
  entry: CatalogEntry | undefined,
  asOf: IsoDate,
  withinDays: number = DEFAULT_EXPIRING_WITHIN_DAYS,
): CredentialExpiry {
  const derived =
    credential.earned && entry ? expiryFromCycle(entry, credential.earned) : undefined;
  const expires = credential.expires ?? derived;
  if (expires === undefined) {
    return { status: entry?.renewal.kind === 'none' ? 'no-expiry' : 'unknown' };
  }
  const daysLeft = differenceInCalendarDays(parseISO(expires), parseISO(asOf));
  const status: CredentialStatus =
    daysLeft < 0 ? 'expired' : daysLeft <= withinDays ? 'expiring' : 'active';
  return { status, expires, basis: credential.expires ? 'stated' : 'catalog-cycle', daysLeft };
}
