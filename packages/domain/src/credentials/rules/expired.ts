import { CATALOG_URL, listedExpiries } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `expired`: a structured credential has expired as of `asOf` (stated, or by its renewal cycle). */
export const expired = {
  meta: {
    code: 'expired',
    severity: 'error',
    description:
      'A listed credential has expired as of the date checked (with the asOf and credentials options).',
    source: {
      text: 'The issuer’s renewal rule, as each catalog entry cites it (ABPTS 10 years, NSCA 3-year cycle, HTCC 5 years, BOC 2 years) or the stated expiry',
      url: CATALOG_URL,
    },
    examples: {
      fails: [
        {
          listing: 'Jane Doe, PT, DPT, CSCS',
          options: {
            asOf: '2026-11-27',
            credentials: [{ abbreviation: 'CSCS', expires: '2026-06-30' }],
          },
        },
        {
          listing: 'Jane Doe, PT, DPT, OCS',
          options: {
            profile: 'apta-legacy',
            asOf: '2026-11-27',
            credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }],
          },
        },
      ],
      passes: [
        {
          listing: 'Jane Doe, PT, DPT, CSCS',
          options: {
            asOf: '2026-11-27',
            credentials: [{ abbreviation: 'CSCS', expires: '2029-12-31' }],
          },
        },
        {
          listing: 'Jane Doe, PT, DPT, CSCS',
          options: { credentials: [{ abbreviation: 'CSCS', expires: '2020-12-31' }] },
        },
      ],
    },
  },
  check(listing, context, report) {
    for (const { credential, index, expiry, token } of listedExpiries(listing, context)) {
      if (expiry.status !== 'expired') continue;
      report({
        message: `${credential.abbreviation} expired on ${expiry.expires}${expiry.basis === 'catalog-cycle' ? ' (by its renewal cycle)' : ''}`,
        span: token?.span,
        path: ['credentials', index],
      });
    }
  },
} as const satisfies CredentialRule;
