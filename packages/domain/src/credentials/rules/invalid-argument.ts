import type { LintCredentialListingOptions } from '../listing-lint.js';
import { README_RULES_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `invalid-argument`: the listing is not text, or an option is not a documented one. The linter
 * checks its arguments before any rule runs and judges nothing else; this module holds the
 * rule's metadata (it cannot be configured: a wrong argument is never advice).
 */
export const invalidArgument = {
  meta: {
    code: 'invalid-argument',
    severity: 'error',
    description:
      'The listing is not text, or an option is not a documented one; nothing is judged.',
    source: { text: 'ptfx: the arguments of lintCredentialListing', url: README_RULES_URL },
    examples: {
      fails: [
        {
          listing: 'Dr. Jane Doe, PT, DPT',
          // A state's name where its USPS code belongs, as plain JavaScript can pass it.
          options: { jurisdiction: 'California' } as unknown as LintCredentialListingOptions,
        },
        { listing: 'Jane Doe, PT', options: { rules: { ordr: 'off' } } },
      ],
      passes: [{ listing: 'Dr. Jane Doe, PT, DPT', options: { jurisdiction: 'CA' } }],
    },
  },
  check() {
    // Reported by the linter's argument checks, before the rules run.
  },
} as const satisfies CredentialRule;
