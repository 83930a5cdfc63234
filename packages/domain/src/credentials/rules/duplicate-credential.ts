import { credentialLabel } from '../canonical-order.js';
import type { CredentialToken } from '../listing-parser.js';
import { APTA_2016, APTA_2016_URL, isDesignationEntry, obsoleteDesignation } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `duplicate-credential`: the same credential twice, or an obsolete form (LPT, RPT) beside PT. */
export const duplicateCredential = {
  meta: {
    code: 'duplicate-credential',
    severity: 'warning',
    description:
      'The same credential appears twice, or an obsolete form of PT (RPT, LPT) stands beside PT.',
    source: { text: APTA_2016, url: APTA_2016_URL },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, DPT' }, { listing: 'Jane Doe, PT, LPT, DPT' }],
      passes: [{ listing: 'Jane Doe, PT, DPT' }],
    },
  },
  check(listing, context, report) {
    const creds = listing.credentials;
    for (let i = 1; i < creds.length; i++) {
      const token = creds[i] as CredentialToken;
      let first: CredentialToken | undefined;
      for (let j = 0; j < i && first === undefined; j++) {
        const earlier = creds[j] as CredentialToken;
        if (earlier.credential.id === token.credential.id) first = earlier;
      }
      if (first)
        report({
          message: `${credentialLabel(token.credential)} appears twice ("${first.text}" and "${token.text}"); keep one`,
          span: token.span,
          fix: context.canonical,
        });
    }
    if (context.role === 'other' || creds.length + listing.unknown.length === 0) return;
    const designation = creds.find((c) => isDesignationEntry(c.credential));
    const obsolete = designation?.credential.id === 'PT' ? obsoleteDesignation(listing) : undefined;
    if (designation && obsolete)
      report({
        message: `${obsolete.text} is an obsolete form of ${designation.text}; list ${designation.text} only`,
        span: obsolete.span,
        fix: context.canonical,
      });
  },
} as const satisfies CredentialRule;
