import { expectOptions, expectShape, isRecord } from '../shared/arguments.js';
import {
  CATALOG_ENTRIES,
  catalogEntryError,
  OUTSIDE_CATEGORIES,
  PARSED_LISTING,
  PROFILE,
} from '../shared/shapes.js';
import type { CatalogEntry } from './catalog-entry.js';
import { type CredentialCatalog, defaultCatalog, spellingFor } from './catalog-lookup.js';
import type { CredentialToken, ParsedListing } from './listing-parser.js';

/**
 * The order a listing is judged and formatted by:
 * - `apta-2016`: APTA's current policy (HOD RC 4-16): PT or PTA, the highest PT degree, other
 *   regulated occupations, other academic degrees, FAPTA; everything else spelled out or left out.
 * - `apta-legacy`: the replaced 2009 position (P06-03-17-14) many sites still follow: designation,
 *   PT degree, other degrees, ABPTS certifications in alphabetical order, other credentials,
 *   honors last.
 */
export type CredentialProfile = 'apta-2016' | 'apta-legacy';

/** The profiles, for option parsing. */
export const CREDENTIAL_PROFILES: readonly CredentialProfile[] = ['apta-2016', 'apta-legacy'];

/** Options of {@link formatCredentials}. */
export interface FormatCredentialsOptions {
  /** The order to follow; `apta-2016` by default. */
  readonly profile?: CredentialProfile;
  /**
   * Under `apta-2016`, what to do with credentials outside APTA's five categories (ABPTS
   * certifications, fellowships, private certifications): write them out after the
   * designations (`spell-out`, the default) or leave them out (`omit`).
   */
  readonly outsideCategories?: 'spell-out' | 'omit';
}

/**
 * An entry's APTA 2016 category (1 designation, 2 PT degree, 3 other regulated occupation,
 * 4 other academic degree, 5 FAPTA), or `undefined` when it is in none of them.
 *
 * @throws {TypeError} when `entry` is not a catalog entry (its `kind` is read)
 */
export function aptaCategory(entry: CatalogEntry): 1 | 2 | 3 | 4 | 5 | undefined {
  if (!isRecord(entry)) throw catalogEntryError('aptaCategory', entry);
  switch (entry.kind) {
    case 'license-designation':
    case 'student-designation':
    case 'obsolete-designation':
      return 1;
    case 'pt-degree':
      return 2;
    case 'regulated-occupation':
      return 3;
    case 'academic-degree':
      return 4;
    case 'apta-fellowship':
      return 5;
    case 'abpts-specialist':
    case 'fellowship':
    case 'certification':
      return undefined;
    default:
      return refuseKind('aptaCategory', entry, entry.kind);
  }
}

/**
 * An entry's rank in the legacy order: 1 designation, 2 PT degree, 3 other academic degrees,
 * 4 ABPTS certifications, 5 other credentials from outside APTA (regulated occupations,
 * certifications), 6 honors (fellowships, FAPTA).
 *
 * @throws {TypeError} when `entry` is not a catalog entry (its `kind` is read)
 */
export function legacyRank(entry: CatalogEntry): 1 | 2 | 3 | 4 | 5 | 6 {
  if (!isRecord(entry)) throw catalogEntryError('legacyRank', entry);
  switch (entry.kind) {
    case 'license-designation':
    case 'student-designation':
    case 'obsolete-designation':
      return 1;
    case 'pt-degree':
      return 2;
    case 'academic-degree':
      return 3;
    case 'abpts-specialist':
      return 4;
    case 'regulated-occupation':
    case 'certification':
      return 5;
    case 'apta-fellowship':
    case 'fellowship':
      return 6;
    default:
      return refuseKind('legacyRank', entry, entry.kind);
  }
}

/** A kind added to the catalog fails to compile at the call; a value from outside is refused. */
function refuseKind(fn: string, entry: unknown, _kind: never): never {
  throw catalogEntryError(fn, entry);
}

/**
 * How an entry is written in a listing: its abbreviation, or its name when it has none.
 *
 * @throws {TypeError} when `entry` is not a catalog entry (its `abbreviation` and `name` are read)
 */
export function credentialLabel(entry: CatalogEntry): string {
  const label = isRecord(entry) ? (entry.abbreviation ?? entry.name) : undefined;
  if (typeof label !== 'string') throw catalogEntryError('credentialLabel', entry);
  return label;
}

/**
 * How a fix writes a credential the person wrote: the catalog's spelling of what they wrote —
 * a kept variant as such (`ScD` stays `ScD`, `Cred. MDT` stays `Cred. MDT`), periods dropped
 * (`Ph.D.` → `PhD`, as APTA writes degrees), a deprecated alias as the abbreviation (`t-DPT` →
 * `DPT`) — or, for a credential written out or one the catalog's spellings do not place, the
 * entry's {@link credentialLabel}.
 *
 * @param catalog the catalog the listing was read with; the built-in one by default
 * @example
 * keptSpelling(parseCredentialListing('Jane Doe, PT, Sc.D.').credentials[1]); // 'ScD'
 */
export function keptSpelling(
  token: Pick<CredentialToken, 'text' | 'credential' | 'form'>,
  catalog: CredentialCatalog = defaultCatalog(),
): string {
  const entry = token.credential;
  if (token.form === 'abbreviation' && token.text !== entry.abbreviation) {
    const spelling = spellingFor(catalog, token.text, entry);
    if (spelling !== undefined) return spelling;
  }
  return credentialLabel(entry);
}

/**
 * Each credential's {@link keptSpelling} as first written in a listing, for
 * {@link canonicalCredentialLabelsUnchecked}; `undefined` when every one is written as its
 * catalog label (the usual case, which costs no map).
 *
 * @param catalog the catalog the listing was read with; the built-in one by default
 */
export function keptSpellings(
  credentials: readonly Pick<CredentialToken, 'text' | 'credential' | 'form'>[],
  catalog: CredentialCatalog = defaultCatalog(),
): ReadonlyMap<CatalogEntry, string> | undefined {
  let spellings: Map<CatalogEntry, string> | undefined;
  for (let i = 0; i < credentials.length; i++) {
    const token = credentials[i];
    if (token === undefined || spellings?.has(token.credential)) continue;
    const entry = token.credential;
    if (token.form !== 'abbreviation' || token.text === entry.abbreviation) {
      spellings?.set(entry, credentialLabel(entry));
      continue;
    }
    const spelling = keptSpelling(token, catalog);
    if (spelling === credentialLabel(entry) && spellings === undefined) continue;
    if (spellings === undefined) {
      // The first token spelled its own way: the earlier ones keep their labels.
      spellings = new Map();
      for (const earlier of credentials.slice(0, i))
        if (!spellings.has(earlier.credential))
          spellings.set(earlier.credential, keptSpelling(earlier, catalog));
      if (spellings.has(entry)) continue;
    }
    spellings.set(entry, spelling);
  }
  return spellings;
}

/** The entries without repeats, keeping the first of each. */
function unique(entries: readonly CatalogEntry[]): CatalogEntry[] {
  return [...new Map(entries.map((e) => [e.id, e] as const)).values()];
}

/**
 * The highest PT degree among the entries, if any.
 *
 * @throws {TypeError} when `entries` is not a list of catalog entries
 */
export function highestPtDegree(entries: readonly CatalogEntry[]): CatalogEntry | undefined {
  expectShape('highestPtDegree', 'entries', entries, CATALOG_ENTRIES);
  return highestPtDegreeUnchecked(entries);
}

/** {@link highestPtDegree} without the argument check, for callers that have made it. */
export function highestPtDegreeUnchecked(
  entries: readonly CatalogEntry[],
): CatalogEntry | undefined {
  let best: CatalogEntry | undefined;
  for (const e of entries) {
    if (
      e.kind === 'pt-degree' &&
      (best === undefined || (e.ptDegreeRank ?? 0) > (best.ptDegreeRank ?? 0))
    )
      best = e;
  }
  return best;
}

/**
 * The entries in the profile's canonical order, as labels: repeats and lower PT degrees dropped,
 * obsolete designations (RPT, LPT) dropped, and under `apta-2016` the credentials outside the
 * five categories written out at the end or left out.
 *
 * @throws {TypeError} when `entries` is not a list of catalog entries, or `options` holds a key
 * or value that is not one of {@link FormatCredentialsOptions}
 */
export function canonicalCredentialLabels(
  entries: readonly CatalogEntry[],
  options: FormatCredentialsOptions = {},
): string[] {
  expectShape('canonicalCredentialLabels', 'entries', entries, CATALOG_ENTRIES);
  expectOptions('canonicalCredentialLabels', options, FORMAT_OPTIONS);
  return canonicalCredentialLabelsUnchecked(entries, options);
}

const FORMAT_OPTIONS = {
  profile: ['optional', PROFILE],
  outsideCategories: ['optional', OUTSIDE_CATEGORIES],
} as const;

/**
 * {@link canonicalCredentialLabels} without the argument checks, for callers that have made them.
 *
 * @param spellings how to write an entry when it is written abbreviated ({@link keptSpellings} of
 * the listing: the person's own valid spelling); {@link credentialLabel} for an entry not in it
 */
export function canonicalCredentialLabelsUnchecked(
  entries: readonly CatalogEntry[],
  options: FormatCredentialsOptions,
  spellings?: ReadonlyMap<CatalogEntry, string>,
): string[] {
  const label =
    spellings === undefined
      ? credentialLabel
      : (e: CatalogEntry) => spellings.get(e) ?? credentialLabel(e);
  const profile = options.profile ?? 'apta-2016';
  const degree = highestPtDegreeUnchecked(entries);
  const kept = unique(entries).filter(
    (e) => e.kind !== 'obsolete-designation' && (e.kind !== 'pt-degree' || e === degree),
  );
  const byRank = (rank: (e: CatalogEntry) => number | undefined) =>
    kept
      .map((entry, index) => ({ entry, index, rank: rank(entry) }))
      .filter(
        (x): x is { entry: CatalogEntry; index: number; rank: number } => x.rank !== undefined,
      )
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((x) => x.entry);
  if (profile === 'apta-legacy') {
    const ordered = byRank(legacyRank);
    // ABPTS certifications in alphabetical order, in their place.
    const abpts = ordered
      .filter((e) => e.kind === 'abpts-specialist')
      .sort((a, b) => credentialLabel(a).localeCompare(credentialLabel(b)));
    let k = 0;
    return ordered.map((e) => (e.kind === 'abpts-specialist' ? (abpts[k++] ?? e) : e)).map(label);
  }
  const inCategories = byRank(aptaCategory).map(label);
  if (options.outsideCategories === 'omit') return inCategories;
  return [...inCategories, ...kept.filter((e) => aptaCategory(e) === undefined).map((e) => e.name)];
}

/**
 * Formats credentials (catalog entries, or the credentials of a parsed listing) in the
 * canonical order of a profile. Only the credentials: no honorific, no name; `canonicalListing`
 * gives the whole listing.
 *
 * @example
 * formatCredentials(parseCredentialListing('DPT, PT, OCS'), { profile: 'apta-legacy' }); // 'PT, DPT, OCS'
 * formatCredentials(parseCredentialListing('PT, Sc.D.')); // 'PT, ScD': the person's spelling, without periods
 * formatCredentials([dpt, pt, ocs], { profile: 'apta-legacy' }); // 'PT, DPT, OCS'
 * formatCredentials([dpt, pt, ocs]); // 'PT, DPT, Board-Certified Orthopaedic Clinical Specialist'
 * formatCredentials([dpt, pt, ocs], { outsideCategories: 'omit' }); // 'PT, DPT'
 * @throws {TypeError} when `credentials` is neither a list of catalog entries nor a parsed
 * listing, or `options` holds a key or value that is not one of {@link FormatCredentialsOptions}
 */
export function formatCredentials(
  credentials: readonly CatalogEntry[] | ParsedListing,
  options: FormatCredentialsOptions = {},
): string {
  if (Array.isArray(credentials))
    expectShape('formatCredentials', 'credentials', credentials, CATALOG_ENTRIES);
  else expectShape('formatCredentials', 'credentials', credentials, PARSED_LISTING);
  expectOptions('formatCredentials', options, FORMAT_OPTIONS);
  if (!('tokens' in credentials))
    return canonicalCredentialLabelsUnchecked(credentials, options).join(', ');
  const entries = credentials.credentials.map((c) => c.credential);
  return canonicalCredentialLabelsUnchecked(
    entries,
    options,
    keptSpellings(credentials.credentials),
  ).join(', ');
}
