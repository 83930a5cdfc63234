import { APTA_2016, APTA_2016_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `empty-listing`: the listing names no credential at all. */
export const emptyListing = {
  meta: {
    code: 'empty-listing',
    severity: 'error',
    description: 'The listing has no credential at all.',
    source: {
      text: `${APTA_2016}: PT or PTA is the one mandatory designation`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe' }, { listing: '' }],
      passes: [{ listing: 'Jane Doe, PT' }],
    },
  },
  check(listing, context, report) {
    if (listing.credentials.length > 0 || listing.unknown.length > 0) return;
    report({
      message: 'the listing names no credential; a PT lists at least "PT"',
      span: { start: 0, end: context.text.length },
    });
  },
} as const satisfies CredentialRule;
