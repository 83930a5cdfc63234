import { aptaCategory } from '../canonical-order.js';
import { APTA_2016, APTA_2016_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `outside-apta-categories`: under apta-2016, an abbreviation outside APTA's five categories
 * (a fellowship, a private certification): advice to spell it out or leave it out.
 */
export const outsideAptaCategories = {
  meta: {
    code: 'outside-apta-categories',
    severity: 'info',
    description:
      'An abbreviation outside APTA’s five categories (FAAOMPT, COMT, CSCS, …); spell it out or leave it out.',
    source: {
      text: `${APTA_2016}: honors and certifications outside the categories are spelled out or left out`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, CSCS' }],
      passes: [
        { listing: 'Jane Doe, PT, DPT, Certified Strength and Conditioning Specialist' },
        { listing: 'Jane Doe, PT, DPT, CSCS', options: { profile: 'apta-legacy' } },
      ],
    },
  },
  check(listing, context, report) {
    if (context.profile !== 'apta-2016') return;
    for (const token of listing.credentials) {
      if (token.form !== 'abbreviation' || token.credential.kind === 'abpts-specialist') continue;
      if (aptaCategory(token.credential) !== undefined) continue;
      report({
        message: `${token.text} is outside APTA's five categories; spell it out ("${token.credential.name}") or leave it out`,
        span: token.span,
        fix: token.credential.name,
      });
    }
  },
} as const satisfies CredentialRule;
