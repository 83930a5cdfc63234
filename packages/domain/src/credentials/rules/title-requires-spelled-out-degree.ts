import { titleDegreeUnchecked } from '../title-rules.js';
import type { CredentialRule } from './rule.js';

/**
 * `title-requires-spelled-out-degree`: where the state's "Dr." rule is
 * `spelled-out-degree-after-name` (California, B&P §2633(b)(2)), "Dr." needs one of the named
 * doctorates written out immediately after the name.
 */
export const titleRequiresSpelledOutDegree = {
  meta: {
    code: 'title-requires-spelled-out-degree',
    severity: 'error',
    description:
      '"Dr." needs the doctoral degree written out immediately after the name, where the state says so (California).',
    source: {
      text: 'California Business & Professions Code §2633(b)(2)',
      url: 'https://california.public.law/codes/ca_bus_and_prof_code_section_2633',
    },
    examples: {
      fails: [
        { listing: 'Dr. Jane Doe, PT, DPT', options: { jurisdiction: 'CA' } },
        { listing: 'Dr. Jane Doe, PT, MS', options: { jurisdiction: 'CA' } },
      ],
      passes: [
        {
          listing: 'Dr. Jane Doe, Doctor of Physical Therapy, PT',
          options: { jurisdiction: 'CA' },
        },
        { listing: 'Dr. Jane Doe, PT, DPT', options: { jurisdiction: 'WA' } },
      ],
    },
  },
  check(listing, context, report) {
    const rule = context.law?.doctorTitle;
    const honorific = listing.honorific;
    if (rule?.rule !== 'spelled-out-degree-after-name' || !honorific || context.role === 'PTA')
      return;
    const tokens = listing.tokens;
    let afterName: (typeof tokens)[number] | undefined;
    for (let i = tokens.indexOf(listing.name ?? honorific) + 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (token && token.kind !== 'separator') {
        afterName = token;
        break;
      }
    }
    if (
      afterName?.kind === 'credential' &&
      afterName.form !== 'abbreviation' &&
      rule.degrees.includes(afterName.credential.id)
    )
      return;
    const doctorate = titleDegreeUnchecked(
      listing.credentials.map((c) => c.credential),
      context.jurisdiction,
    );
    const name = context.law?.name ?? context.jurisdiction;
    report({
      message: doctorate
        ? `in ${name} "${honorific.text}" needs the doctoral degree written out right after the name, e.g. "${doctorate.name}"`
        : `in ${name} "${honorific.text}" is only for a PT with a doctoral degree (${rule.degrees.join(', ')}), written out right after the name`,
      span: honorific.span,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
