import type { UsStateCode } from '../contact/us-state.js';
import type { TherapistRole } from '../therapists/therapist.js';
import type { CatalogEntry } from './catalog-entry.js';

/** The doctorates that let a PT use "Dr." in California: DPT, PhD, EdD (B&P §2633(b)(1)). */
export const CALIFORNIA_TITLE_DEGREES: readonly string[] = ['DPT', 'PhD', 'EdD'];

/** PT or PTA, or a student's SPT or SPTA: the designation a listing leads with. */
export function isDesignation(entry: CatalogEntry): boolean {
  return entry.kind === 'license-designation' || entry.kind === 'student-designation';
}

/**
 * What a PTA may not write (B&P §2633.5): PT and its obsolete forms, a PT degree, and any
 * written-out "doctor".
 */
export function isBarredForAssistant(entry: CatalogEntry, written: string): boolean {
  return (
    ['PT', 'RPT', 'LPT', 'SPT'].includes(entry.id) ||
    entry.kind === 'pt-degree' ||
    /\bdoctor\b/i.test(written)
  );
}

/**
 * The degree that qualifies "Dr.": in California one of DPT, PhD, EdD; elsewhere any doctorate,
 * the PT doctorate first.
 */
export function titleDegree(
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
 */
export function keepsTitle(
  entries: readonly CatalogEntry[],
  role: TherapistRole,
  jurisdiction: UsStateCode | undefined,
): boolean {
  if (role === 'PTA') return false;
  if (jurisdiction === 'CA' || jurisdiction === 'TX')
    return titleDegree(entries, jurisdiction) !== undefined;
  return true;
}
