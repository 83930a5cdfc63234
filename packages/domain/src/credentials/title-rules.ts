import type { UsStateCode } from '../contact/us-state.js';
import { isUsStateCode } from '../contact/us-state-codes.js';
import {
  argumentError,
  expectOneOf,
  expectShape,
  expectText,
  isRecord,
} from '../shared/arguments.js';
import { CATALOG_ENTRIES, catalogEntryError } from '../shared/shapes.js';
import type { TherapistRole } from '../therapists/therapist.js';
import type { CatalogEntry } from './catalog-entry.js';

/** The doctorates that let a PT use "Dr." in California: DPT, PhD, EdD (B&P §2633(b)(1)). */
export const CALIFORNIA_TITLE_DEGREES: readonly string[] = ['DPT', 'PhD', 'EdD'];

/**
 * PT or PTA, or a student's SPT or SPTA: the designation a listing leads with.
 *
 * @throws {TypeError} when `entry` is not a catalog entry (its `kind` is read)
 */
export function isDesignation(entry: CatalogEntry): boolean {
  if (!isRecord(entry) || typeof entry.kind !== 'string')
    throw catalogEntryError('isDesignation', entry);
  return entry.kind === 'license-designation' || entry.kind === 'student-designation';
}

/**
 * What a PTA may not write (B&P §2633.5): PT and its obsolete forms, a PT degree, and any
 * written-out "doctor".
 *
 * @param written - the credential as the listing writes it
 * @throws {TypeError} when `entry` is not a catalog entry or `written` is not text
 */
export function isBarredForAssistant(entry: CatalogEntry, written: string): boolean {
  if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.kind !== 'string')
    throw catalogEntryError('isBarredForAssistant', entry);
  expectText('isBarredForAssistant', 'written', written, 'the credential as written (text)');
  return (
    ['PT', 'RPT', 'LPT', 'SPT'].includes(entry.id) ||
    entry.kind === 'pt-degree' ||
    /\bdoctor\b/i.test(written)
  );
}

function expectJurisdiction(fn: string, jurisdiction: unknown): void {
  if (
    jurisdiction !== undefined &&
    !(typeof jurisdiction === 'string' && isUsStateCode(jurisdiction))
  )
    throw argumentError(
      `${fn}(jurisdiction)`,
      'a USPS state code such as "CA", or undefined',
      jurisdiction,
    );
}

/**
 * The degree that qualifies "Dr.": in California one of DPT, PhD, EdD; elsewhere any doctorate,
 * the PT doctorate first.
 *
 * @throws {TypeError} when `entries` is not a list of catalog entries or `jurisdiction` is
 * neither a USPS state code nor `undefined`
 */
export function titleDegree(
  entries: readonly CatalogEntry[],
  jurisdiction: UsStateCode | undefined,
): CatalogEntry | undefined {
  expectShape('titleDegree', 'entries', entries, CATALOG_ENTRIES);
  expectJurisdiction('titleDegree', jurisdiction);
  return titleDegreeUnchecked(entries, jurisdiction);
}

/** {@link titleDegree} without the argument checks, for callers that have made them. */
export function titleDegreeUnchecked(
  entries: readonly CatalogEntry[],
  jurisdiction: UsStateCode | undefined,
): CatalogEntry | undefined {
  const allowed = jurisdiction === 'CA' ? CALIFORNIA_TITLE_DEGREES : undefined;
  const dpt = entries.find((e) => e.id === 'DPT');
  if (allowed)
    return CALIFORNIA_TITLE_DEGREES.map((id) => entries.find((e) => e.id === id)).find(
      (e) => e !== undefined,
    );
  return dpt ?? entries.find((e) => e.doctorate);
}

/**
 * Whether a listing may keep its "Dr.": never for a PTA; in California and Texas only with a
 * qualifying doctorate; elsewhere yes (Florida and New York ask only that the profession be
 * named, which the PT designation does).
 *
 * @throws {TypeError} when `entries` is not a list of catalog entries, `role` is not PT, PTA or
 * other, or `jurisdiction` is neither a USPS state code nor `undefined`
 */
export function keepsTitle(
  entries: readonly CatalogEntry[],
  role: TherapistRole,
  jurisdiction: UsStateCode | undefined,
): boolean {
  expectShape('keepsTitle', 'entries', entries, CATALOG_ENTRIES);
  expectOneOf('keepsTitle', 'role', role, ['PT', 'PTA', 'other']);
  expectJurisdiction('keepsTitle', jurisdiction);
  return keepsTitleUnchecked(entries, role, jurisdiction);
}

/** {@link keepsTitle} without the argument checks, for callers that have made them. */
export function keepsTitleUnchecked(
  entries: readonly CatalogEntry[],
  role: TherapistRole,
  jurisdiction: UsStateCode | undefined,
): boolean {
  if (role === 'PTA') return false;
  if (jurisdiction === 'CA' || jurisdiction === 'TX')
    return titleDegreeUnchecked(entries, jurisdiction) !== undefined;
  return true;
}
