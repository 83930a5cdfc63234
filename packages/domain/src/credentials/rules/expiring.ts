import { CATALOG_URL, listedExpiries } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `expiring`: a structured credential expires within `expiringWithinDays` (90 by default). */
export const expiring = {
  meta: {
    code: 'expiring',
    severity: 'warning',
    description:
      'A listed credential expires within the warning window (90 days unless expiringWithinDays says otherwise).',
    source: {
      text: 'The issuer’s renewal rule, as each catalog entry cites it, or the stated expiry',
      url: CATALOG_URL,
    },
    examples: {
      fails: [
        {
          listing: 'Jane Doe, PT, DPT, CSCS',
          options: {
            asOf: '2026-11-27',
            credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
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
          options: {
            asOf: '2026-11-27',
            expiringWithinDays: 14,
            credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
          },
        },
      ],
    },
  },
  check(listing, context, report) {
    for (const { credential, index, expiry, token } of listedExpiries(listing, context)) {
      if (expiry.status !== 'expiring') continue;
      report({
        message: `${credential.abbreviation} expires on ${expiry.expires}, in ${expiry.daysLeft} days${expiry.basis === 'catalog-cycle' ? ' (by its renewal cycle)' : ''}`,
        span: token?.span,
        path: ['credentials', index],
      });
    }
  },
} as const satisfies CredentialRule;
