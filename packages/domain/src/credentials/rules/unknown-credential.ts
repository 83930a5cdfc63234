import { CATALOG_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `unknown-credential`: a part of the listing the catalog does not know (kept, never dropped). */
export const unknownCredential = {
  meta: {
    code: 'unknown-credential',
    severity: 'warning',
    description:
      'A part of the listing is not a credential ptfx knows; it is kept, never dropped (add an organisation’s own with the catalog option).',
    source: {
      text: 'ptfx credential catalog (APTA’s example lists are not complete)',
      url: CATALOG_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, CMPTT' }, { listing: 'Jane Doe, PT, Dpt' }],
      passes: [
        { listing: 'Jane Doe, PT, DPT, CMPT' },
        {
          // An organisation's own credential, added to the catalog (ptfx.config.json "catalog").
          listing: 'Jane Doe, PT, DPT, SDCI',
          options: {
            catalog: [
              {
                abbreviation: 'SDCI',
                name: 'Clinic Clinical Instructor (in-house)',
                kind: 'certification',
              },
            ],
          },
        },
      ],
    },
  },
  check(listing, _context, report) {
    for (const token of listing.unknown) {
      report(
        token.suggestion
          ? {
              message: `unknown credential "${token.text}"; did you mean "${token.suggestion}"?`,
              span: token.span,
              fix: token.suggestion,
            }
          : {
              message: `unknown credential "${token.text}"; check the spelling, or spell it out`,
              span: token.span,
            },
      );
    }
  },
} as const satisfies CredentialRule;
