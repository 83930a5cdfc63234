import type { CredentialRule } from './rule.js';

/** `abbreviated-specialist`: an ABPTS specialist abbreviation (OCS, SCS, …) under apta-2016. */
export const abbreviatedSpecialist = {
  meta: {
    code: 'abbreviated-specialist',
    severity: 'warning',
    description:
      'An ABPTS specialist abbreviation (OCS, SCS, …) under apta-2016; write the title out.',
    source: {
      text: 'APTA House of Delegates 2019: ABPTS abbreviations no longer recognized; write the title out',
      url: 'https://specialization.apta.org/for-specialists/marketing/Promote-Certification',
    },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, OCS' }],
      passes: [
        { listing: 'Jane Doe, PT, DPT, Board-Certified Orthopaedic Clinical Specialist' },
        { listing: 'Jane Doe, PT, DPT, OCS', options: { profile: 'apta-legacy' } },
      ],
    },
  },
  check(listing, context, report) {
    if (context.profile !== 'apta-2016') return;
    for (const token of listing.credentials) {
      if (token.form !== 'abbreviation' || token.credential.kind !== 'abpts-specialist') continue;
      report({
        message: `APTA no longer recognizes ABPTS abbreviations; write "${token.credential.name}"`,
        span: token.span,
        fix: token.credential.name,
      });
    }
  },
} as const satisfies CredentialRule;
