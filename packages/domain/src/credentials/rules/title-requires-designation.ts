import { titleDegreeUnchecked } from '../title-rules.js';
import { hasCredential } from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `title-requires-designation`: where the state's "Dr." rule is `designation` (Florida, New York,
 * Michigan: the profession named) or `designation-and-degree` (Texas: PT and the doctorate),
 * "Dr." needs PT in the listing, and in Texas the doctoral degree too.
 */
export const titleRequiresDesignation = {
  meta: {
    code: 'title-requires-designation',
    severity: 'error',
    description:
      '"Dr." needs PT (or "physical therapist") in the listing where the state says so (TX, FL, NY, MI); in Texas also the doctoral degree.',
    source: {
      text: 'Texas Board FAQ on "Doctor"; Florida SB 450 (2016), ch. 486 F.S.; NYSED PT Guideline 2; and the other states of the state table',
      url: 'https://ptot.texas.gov/1-can-i-use-the-title-doctor-if-i-have-a-dpt-phd-or-other-doctoral-level-degree',
    },
    examples: {
      fails: [
        { listing: 'Dr. Jane Doe, DPT', options: { jurisdiction: 'TX' } },
        { listing: 'Dr. Jane Doe, PT, MS', options: { jurisdiction: 'TX' } },
        { listing: 'Dr. Jane Doe, DPT', options: { jurisdiction: 'FL' } },
      ],
      passes: [
        { listing: 'Dr. Jane Doe, PT, DPT', options: { jurisdiction: 'TX' } },
        { listing: 'Dr. Jane Doe, PT, MS', options: { jurisdiction: 'NY' } },
      ],
    },
  },
  check(listing, context, report) {
    const rule = context.law?.doctorTitle.rule;
    const honorific = listing.honorific;
    if (
      (rule !== 'designation' && rule !== 'designation-and-degree') ||
      !honorific ||
      context.role === 'PTA'
    )
      return;
    const needsDegree =
      rule === 'designation-and-degree' &&
      titleDegreeUnchecked(
        listing.credentials.map((c) => c.credential),
        context.jurisdiction,
      ) === undefined;
    const needsPt = !hasCredential(listing, 'PT');
    if (!needsPt && !needsDegree) return;
    const missing =
      needsPt && needsDegree
        ? '"PT" (or "physical therapist") and the doctoral degree'
        : needsPt
          ? '"PT" (or "physical therapist")'
          : 'the doctoral degree';
    report({
      message: `in ${context.jurisdiction} "${honorific.text}" needs ${missing} in the listing`,
      span: honorific.span,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
