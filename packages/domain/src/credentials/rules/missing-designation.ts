import {
  APTA_2016,
  APTA_2016_URL,
  designationSeverity,
  designationToken,
  obsoleteDesignation,
  partCount,
  wantedDesignation,
} from './helpers.js';
import type { CredentialRule } from './rule.js';

/**
 * `missing-designation`: no PT (or PTA). A warning; an error where the state's law requires the
 * designation (`StateTitleLaw.designationRequired`: Texas, New York, …).
 */
export const missingDesignation = {
  meta: {
    code: 'missing-designation',
    severity: 'warning',
    description:
      'No PT or PTA: the regulatory designation is the only mandatory one (an error where the state requires it, e.g. TX and NY).',
    source: {
      text: `${APTA_2016}; the state's act where it requires the designation (see the state table)`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [
        { listing: 'Jane Doe, DPT' },
        { listing: 'Jane Doe, DPT', options: { jurisdiction: 'TX' } },
        { listing: 'Maria Lopez, CSCS', options: { role: 'PTA' } },
      ],
      passes: [
        { listing: 'Jane Doe, PT, DPT' },
        { listing: 'Jane Doe, SPT' },
        { listing: 'Jane Doe, LPT', options: { jurisdiction: 'NJ' } },
      ],
    },
  },
  check(listing, context, report) {
    if (context.role === 'other' || partCount(listing) === 0) return;
    if (designationToken(listing, context)) return;
    const want = wantedDesignation(context);
    const severity = designationSeverity(context);
    const obsolete = obsoleteDesignation(listing);
    const at = listing.credentials[0]?.span.start ?? 0;
    report({
      message: obsolete
        ? `${obsolete.text} does not replace ${want}; the regulatory designation is ${want}`
        : `no ${want}: the regulatory designation is the one mandatory credential${severity === 'error' ? ` (${context.jurisdiction} requires it)` : ''}`,
      span: obsolete?.span ?? { start: at, end: at },
      severity,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
