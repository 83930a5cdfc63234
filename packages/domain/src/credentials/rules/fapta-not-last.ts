import { legacyRank } from '../canonical-order.js';
import type { CredentialToken } from '../listing-parser.js';
import { APTA_2016, APTA_2016_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `fapta-not-last`: an abbreviation follows FAPTA, which comes last. */
export const faptaNotLast = {
  meta: {
    code: 'fapta-not-last',
    severity: 'warning',
    description: 'FAPTA is followed by another abbreviation; it comes last.',
    source: { text: `${APTA_2016}: FAPTA is category 5`, url: APTA_2016_URL },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, FAPTA, MBA' }],
      passes: [{ listing: 'Jane Doe, PT, DPT, MBA, FAPTA' }],
    },
  },
  check(listing, context, report) {
    const creds = listing.credentials;
    const fapta = creds.findIndex((c) => c.credential.id === 'FAPTA');
    if (fapta < 0) return;
    let after: CredentialToken | undefined;
    for (let i = fapta + 1; i < creds.length && after === undefined; i++) {
      const c = creds[i] as CredentialToken;
      if (
        c.form === 'abbreviation' &&
        (context.profile === 'apta-2016' || legacyRank(c.credential) < 6)
      )
        after = c;
    }
    if (!after) return;
    report({
      message: `FAPTA comes last; ${after.text} follows it`,
      span: creds[fapta]?.span,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
