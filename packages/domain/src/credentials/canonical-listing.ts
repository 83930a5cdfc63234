import type { UsStateCode } from '../contact/us-state.js';
import { expectOptions, expectShape } from '../shared/arguments.js';
import { OUTSIDE_CATEGORIES, PARSED_LISTING, PROFILE, ROLE, STATE_CODE } from '../shared/shapes.js';
import type { TherapistRole } from '../therapists/therapist.js';
import {
  type CredentialProfile,
  canonicalCredentialLabelsUnchecked,
  keptSpellings,
} from './canonical-order.js';
import type { CatalogEntry } from './catalog-entry.js';
import { type CredentialCatalog, credentialById, defaultCatalog } from './catalog-lookup.js';
import type { ParsedListing } from './listing-parser.js';
import {
  isBarredForAssistant,
  isDesignation,
  keepsTitleUnchecked,
  titleDegreeUnchecked,
} from './title-rules.js';

/** Options of {@link canonicalListing}. */
export interface CanonicalListingOptions {
  /** The order to follow. */
  readonly profile: CredentialProfile;
  /** PT, PTA or other: decides the designation a listing must carry. */
  readonly role: TherapistRole;
  /** The state whose title law shapes a "Dr." listing. */
  readonly jurisdiction?: UsStateCode;
  /** Under apta-2016, spell out (default) or omit credentials outside APTA's categories. */
  readonly outsideCategories?: 'spell-out' | 'omit';
}

function designationFor(role: TherapistRole): CatalogEntry | undefined {
  return role === 'other' ? undefined : credentialById(role);
}

/**
 * The listing as it should read: the honorific (when kept), one space, and the name exactly as
 * written — not a character of it changed: nickname, quotes, particles, suffix, and an inverted
 * `Last, First` name kept inverted (the `inverted-name` rule advises instead) — then the
 * credentials in the profile's order, with the designation the role needs added (PT, or PTA),
 * titles a PTA may not use removed, and "Dr." kept where the law allows it (in California and
 * Texas only with a qualifying doctorate; in California that doctorate written out right after
 * the name, B&P §2633(b)(2)). Parts not recognised are kept, as written, at the end.
 *
 * @example
 * canonicalListing(parseCredentialListing('Jane Doe, DPT'), { profile: 'apta-2016', role: 'PT' }); // 'Jane Doe, PT, DPT'
 * @throws {TypeError} when `parsed` is not what `parseCredentialListing` returns, or `options`
 * lacks `profile` or `role` or holds a key or value that is not one of {@link CanonicalListingOptions}
 */
export function canonicalListing(parsed: ParsedListing, options: CanonicalListingOptions): string {
  expectShape('canonicalListing', 'parsed', parsed, PARSED_LISTING);
  expectOptions('canonicalListing', options, CANONICAL_OPTIONS);
  return canonicalListingUnchecked(parsed, options);
}

const CANONICAL_OPTIONS = {
  profile: PROFILE,
  role: ROLE,
  jurisdiction: ['optional', STATE_CODE],
  outsideCategories: ['optional', OUTSIDE_CATEGORIES],
} as const;

/** {@link canonicalListing} without the argument checks, for callers that have made them. */
export function canonicalListingUnchecked(
  parsed: ParsedListing,
  options: CanonicalListingOptions,
  catalog: CredentialCatalog = defaultCatalog(),
): string {
  const designation = designationFor(options.role);
  let entries = parsed.credentials.map((c) => c.credential);
  if (options.role === 'PTA') {
    entries = parsed.credentials
      .filter((c) => !isBarredForAssistant(c.credential, c.text, options.jurisdiction))
      .map((c) => c.credential);
  }
  if (designation && !entries.some(isDesignation)) entries = [designation, ...entries];

  const keepTitle =
    parsed.honorific !== undefined &&
    keepsTitleUnchecked(entries, options.role, options.jurisdiction);
  const californiaTitle =
    keepTitle && options.jurisdiction === 'CA' ? titleDegreeUnchecked(entries, 'CA') : undefined;

  const labels = canonicalCredentialLabelsUnchecked(
    entries.filter((e) => e !== californiaTitle),
    {
      profile: options.profile,
      ...(options.outsideCategories ? { outsideCategories: options.outsideCategories } : {}),
    },
    // The person's own valid spelling of each credential (ScD stays ScD).
    keptSpellings(parsed.credentials, catalog),
  );
  const parts = [
    ...(californiaTitle ? [californiaTitle.name] : []),
    ...labels,
    ...parsed.unknown.map((u) => u.text),
  ];
  // The name token is the verbatim slice of the input: it is written back as it is.
  const person = [keepTitle ? parsed.honorific?.text : undefined, parsed.name?.text]
    .filter((x) => x !== undefined)
    .join(' ');
  return [person, ...parts].filter((x) => x !== '').join(', ');
}
