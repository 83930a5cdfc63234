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
import { CALIFORNIA } from './states/ca.js';
import { stateTitleLaw } from './states/index.js';
import type { StateTitleLaw } from './states/state-law.js';

/** The doctoral degrees a state's "Dr." rule names, or `undefined` when it names none. */
function namedTitleDegrees(law: StateTitleLaw | undefined): readonly string[] | undefined {
  return law?.doctorTitle.rule === 'spelled-out-degree-after-name'
    ? law.doctorTitle.degrees
    : undefined;
}

/**
 * The doctorates that let a PT use "Dr." in California: DPT, PhD, EdD (B&P §2633(b)(1)), as the
 * California record in `STATE_TITLE_LAWS` names them.
 */
export const CALIFORNIA_TITLE_DEGREES: readonly string[] = namedTitleDegrees(CALIFORNIA) ?? [];

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

/** The PT designations a PTA may not write (CA B&P §2633.5(b); APTA). */
const PT_DESIGNATIONS: ReadonlySet<string> = new Set(['PT', 'RPT', 'LPT', 'SPT']);

/** `written` as a designation is compared: dots and spaces dropped, upper case ("L.P.T.A." → "LPTA"). */
function designationKey(written: string): string {
  return written.replace(/[.\s]/g, '').toUpperCase();
}

/**
 * What a PTA may not write (B&P §2633.5): PT and its obsolete forms, a PT degree, and any
 * written-out "doctor"; where `jurisdiction`'s law says more, that too (a bare "therapist" in
 * California, §2633.5(b), and Texas); and never an assistant's designation the state's act itself allows
 * (New Jersey: LPTA, N.J.S.A. 45:9-37.31).
 *
 * @param written - the credential as the listing writes it
 * @param jurisdiction - the state whose title law applies (optional; without it, the rules above
 * that hold everywhere)
 * @throws {TypeError} when `entry` is not a catalog entry, `written` is not text, or
 * `jurisdiction` is neither a USPS state code nor `undefined`
 */
export function isBarredForAssistant(
  entry: CatalogEntry,
  written: string,
  jurisdiction?: UsStateCode,
): boolean {
  if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.kind !== 'string')
    throw catalogEntryError('isBarredForAssistant', entry);
  expectText('isBarredForAssistant', 'written', written, 'the credential as written (text)');
  expectJurisdiction('isBarredForAssistant', jurisdiction);
  return isBarredForAssistantUnchecked(entry, written, stateTitleLaw(jurisdiction));
}

/** {@link isBarredForAssistant} with the state's law already looked up and no argument checks. */
export function isBarredForAssistantUnchecked(
  entry: CatalogEntry,
  written: string,
  law: StateTitleLaw | undefined,
): boolean {
  if (law?.allowedDesignations) {
    const key = designationKey(written);
    if (key.endsWith('PTA') && law.allowedDesignations.includes(key)) return false;
  }
  return (
    PT_DESIGNATIONS.has(entry.id) ||
    entry.kind === 'pt-degree' ||
    /\bdoctor\b/i.test(written) ||
    isBarredWordForAssistantUnchecked(written, law)
  );
}

/**
 * Whether `written` — a word the listing carries, known to the catalog or not — is one `law`
 * bars a PTA from using on its own: a bare "therapist" in California (B&P §2633.5(b)) and Texas
 * (the PT board's FAQ). Only the whole text counts ("therapist", not "massage therapist"). No
 * argument checks: for callers inside the package that have the law from `stateTitleLaw`.
 */
export function isBarredWordForAssistantUnchecked(
  written: string,
  law: StateTitleLaw | undefined,
): boolean {
  return law?.assistantBarredWords?.includes(written.trim().toLowerCase()) === true;
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
 * The degree that qualifies "Dr.": where the state's law names the doctorates (California: DPT,
 * PhD, EdD), the first of those the listing has; elsewhere any doctorate, the PT doctorate first.
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
  const named = namedTitleDegrees(stateTitleLaw(jurisdiction));
  if (named) {
    for (const id of named) {
      const found = entries.find((e) => e.id === id);
      if (found) return found;
    }
    return undefined;
  }
  return entries.find((e) => e.id === 'DPT') ?? entries.find((e) => e.doctorate);
}

/**
 * Whether a listing may keep its "Dr.": never for a PTA; where the state's "Dr." rule asks for a
 * doctorate (California: DPT, PhD or EdD written out; Texas: PT and the degree) only with a
 * qualifying one; elsewhere yes (Florida, New York and Michigan ask only that the profession be
 * named, which the PT designation the fix puts in does). The rules are in
 * `STATE_TITLE_LAWS`.
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
  const rule = stateTitleLaw(jurisdiction)?.doctorTitle.rule;
  if (rule === 'spelled-out-degree-after-name' || rule === 'designation-and-degree')
    return titleDegreeUnchecked(entries, jurisdiction) !== undefined;
  return true;
}
