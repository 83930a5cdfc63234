import { credentialLabel } from '../canonical-order.js';
import {
  APTA_2009,
  designationToken,
  partCount,
  TEXAS_FAQ_URL,
  wantedDesignation,
} from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `degree-as-designation`: a degree (DPT, MS) leads where PT belongs, and there is no PT. */
export const degreeAsDesignation = {
  meta: {
    code: 'degree-as-designation',
    severity: 'warning',
    description: 'A degree such as DPT stands where PT belongs; a degree does not show licensure.',
    source: {
      text: `${APTA_2009}; Texas Board FAQ (only "PT" shows licensure)`,
      url: TEXAS_FAQ_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe, DPT' }, { listing: 'Jane Doe, MS, OCS' }],
      passes: [{ listing: 'Jane Doe, PT, DPT' }],
    },
  },
  check(listing, context, report) {
    if (context.role === 'other' || partCount(listing) === 0) return;
    const first = listing.credentials[0];
    if (
      !first ||
      (first.credential.kind !== 'pt-degree' && first.credential.kind !== 'academic-degree') ||
      designationToken(listing, context)
    )
      return;
    report({
      message: `${credentialLabel(first.credential)} is a degree and stands where ${wantedDesignation(context)} belongs; a degree does not show licensure`,
      span: first.span,
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
