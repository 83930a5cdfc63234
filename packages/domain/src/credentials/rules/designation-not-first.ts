import {
  APTA_2009,
  APTA_2016,
  APTA_2016_URL,
  designationToken,
  firstListed,
  partCount,
} from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `designation-not-first`: PT or PTA is listed, but after another credential. The written-out
 * doctorate of California's "Dr." form, which goes before PT, does not count.
 */
export const designationNotFirst = {
  meta: {
    code: 'designation-not-first',
    severity: 'warning',
    description:
      'PT or PTA is not the first credential; the regulatory designation precedes all others.',
    source: { text: `${APTA_2016}; ${APTA_2009}`, url: APTA_2016_URL },
    examples: {
      fails: [{ listing: 'Jane Doe, DPT, PT' }, { listing: 'Maria Lopez, CSCS, PTA' }],
      passes: [
        { listing: 'Jane Doe, PT, DPT' },
        {
          listing: 'Dr. Jane Doe, Doctor of Physical Therapy, PT',
          options: { jurisdiction: 'CA' },
        },
      ],
    },
  },
  check(listing, context, report) {
    if (context.role === 'other' || partCount(listing) === 0) return;
    const designation = designationToken(listing, context);
    if (!designation) return;
    const first = firstListed(listing, context);
    if (first === designation) return;
    report({
      message: `${designation.text} must come first, before ${first?.text ?? 'the others'}`,
      span: designation.span,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
