import type { Span } from '../../shared/issue.js';
import { isBarredForAssistantUnchecked } from '../title-rules.js';
import type { CredentialRule } from './rule.js';

/**
 * `assistant-title`: a PTA writes "Dr.", "doctor", PT (or RPT, LPT) or a PT degree — or, where
 * the state bars more (California: a bare "therapist"), that. A warning; as the state's law says
 * where it has one (`StateTitleLaw.assistantSeverity`: an error in California).
 */
export const assistantTitle = {
  meta: {
    code: 'assistant-title',
    severity: 'warning',
    description:
      'A PTA uses "Dr.", "doctor", PT or a PT title (an error where the state says so, e.g. California).',
    source: {
      text: 'California Business & Professions Code §2633.5(b); APTA; the state table',
      url: 'https://self-law.org/code/ca/business-and-professions-code/2633-5',
    },
    examples: {
      fails: [
        { listing: 'Dr. Maria Lopez, PTA' },
        { listing: 'Maria Lopez, PTA, DPT', options: { jurisdiction: 'CA' } },
      ],
      passes: [{ listing: 'Maria Lopez, PTA' }, { listing: 'Maria Lopez, PTA, CSCS' }],
    },
  },
  check(listing, context, report) {
    if (context.role !== 'PTA') return;
    const law = context.law;
    const severity = law?.assistantSeverity;
    const flag = (text: string, span: Span) =>
      report({
        message: `a physical therapist assistant may not use "${text}"`,
        span,
        severity,
        fix: context.canonical,
      });
    if (listing.honorific) flag(listing.honorific.text, listing.honorific.span);
    for (const token of listing.credentials)
      if (isBarredForAssistantUnchecked(token.credential, token.text, law))
        flag(token.text, token.span);
    const barred = law?.assistantBarredWords;
    if (barred)
      for (const token of listing.unknown)
        if (barred.includes(token.text.trim().toLowerCase())) flag(token.text, token.span);
  },
} as const satisfies CredentialRule;
