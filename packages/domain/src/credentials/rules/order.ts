import {
  aptaCategory,
  type CredentialProfile,
  credentialLabel,
  legacyRank,
} from '../canonical-order.js';
import type { CatalogEntry } from '../catalog-entry.js';
import type { CredentialToken } from '../listing-parser.js';
import { APTA_2009, APTA_2016, APTA_2016_URL, titleQualifier } from './helpers.js';
import type { CredentialRule } from './rule.js';

const APTA_2016_RANKS = [
  '',
  'designation',
  'PT degree',
  'other regulated occupation',
  'other academic degree',
  'FAPTA',
];
const LEGACY_RANKS = [
  '',
  'designation',
  'PT degree',
  'other academic degree',
  'ABPTS certification',
  'other credential',
  'honor',
];

function rankOf(entry: CatalogEntry, profile: CredentialProfile): number | undefined {
  return profile === 'apta-legacy' ? legacyRank(entry) : aptaCategory(entry);
}

function describeRank(entry: CatalogEntry, profile: CredentialProfile): string {
  return profile === 'apta-legacy'
    ? (LEGACY_RANKS[legacyRank(entry)] ?? '')
    : (APTA_2016_RANKS[aptaCategory(entry) ?? 0] ?? '');
}

/**
 * `order`: a credential ranked below one before it, in the profile's category order (and,
 * under `apta-legacy`, ABPTS certifications out of alphabetical order).
 */
export const order = {
  meta: {
    code: 'order',
    severity: 'warning',
    description:
      'Credentials are out of the profile’s category order (apta-2016: designation, PT degree, other regulated occupation, other degree, FAPTA).',
    source: {
      text: `${APTA_2016} (apta-2016); ${APTA_2009} (apta-legacy)`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [
        { listing: 'Jane Doe, PT, MBA, DPT' },
        { listing: 'Jane Doe, PT, DPT, SCS, OCS', options: { profile: 'apta-legacy' } },
      ],
      passes: [
        { listing: 'Jane Doe, PT, DPT, MBA' },
        { listing: 'Jane Doe, PT, DPT, OCS, SCS', options: { profile: 'apta-legacy' } },
      ],
    },
  },
  check(listing, context, report) {
    const profile = context.profile;
    const qualifier = titleQualifier(listing, context);
    let highest: CredentialToken | undefined;
    let top: number | undefined;
    for (const token of listing.credentials) {
      if (token === qualifier) continue;
      const r = rankOf(token.credential, profile);
      if (r === undefined || token.credential.kind === 'license-designation') continue;
      if (highest && top !== undefined && r < top) {
        report({
          message: `${credentialLabel(token.credential)} (${describeRank(token.credential, profile)}) belongs before ${credentialLabel(highest.credential)} (${describeRank(highest.credential, profile)})`,
          span: token.span,
          fix: context.canonical,
        });
      } else {
        highest = token;
        top = r;
      }
    }
    if (profile !== 'apta-legacy') return;
    let previous: CredentialToken | undefined;
    for (const token of listing.credentials) {
      if (token === qualifier || token.credential.kind !== 'abpts-specialist') continue;
      if (
        previous &&
        credentialLabel(token.credential).localeCompare(credentialLabel(previous.credential)) < 0
      )
        report({
          message: `ABPTS certifications go in alphabetical order: ${credentialLabel(token.credential)} before ${credentialLabel(previous.credential)}`,
          span: token.span,
          fix: context.canonical,
        });
      previous = token;
    }
  },
} as const satisfies CredentialRule;
