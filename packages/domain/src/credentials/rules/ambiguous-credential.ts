import { CATALOG_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `ambiguous-credential`: an abbreviation several bodies issue (COMT, CMT, MT, CLT, …), unless
 * the structured credentials name its issuer.
 */
export const ambiguousCredential = {
  meta: {
    code: 'ambiguous-credential',
    severity: 'warning',
    description:
      'The abbreviation does not say what it is or who issued it (COMT, CMT, MT, CLT, …); name the issuer.',
    source: {
      text: 'ptfx credential catalog, ambiguity notes (FaCeT duplicate list; issuers’ own sites)',
      url: CATALOG_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, COMT' }],
      passes: [
        {
          listing: 'Jane Doe, PT, DPT, COMT',
          options: {
            credentials: [
              {
                abbreviation: 'COMT',
                issuer: 'North American Institute of Orthopaedic Manual Therapy',
              },
            ],
          },
        },
        { listing: 'Jane Doe, PT, DPT, Certified Orthopaedic Manual Therapist' },
      ],
    },
  },
  check(listing, context, report) {
    const stated = context.credentials;
    for (const token of listing.credentials) {
      const ambiguity = token.credential.ambiguity;
      if (token.form !== 'abbreviation' || !ambiguity) continue;
      if (
        stated?.some((c) => c.issuer && context.catalog.find(c.abbreviation) === token.credential)
      )
        continue;
      report({
        message: `${token.text} is ambiguous: ${ambiguity}; name the issuer in the structured credentials`,
        span: token.span,
      });
    }
  },
} as const satisfies CredentialRule;
