import { credentialLabel } from '../canonical-order.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { APTA_2016, APTA_2016_URL } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** `multiple-pt-degrees`: more than one PT degree (MPT and DPT); only the highest is listed. */
export const multiplePtDegrees = {
  meta: {
    code: 'multiple-pt-degrees',
    severity: 'warning',
    description: 'More than one PT degree; only the highest belongs in the listing.',
    source: {
      text: `${APTA_2016}: category 2 is the highest earned PT-related degree`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [{ listing: 'Jane Doe, PT, DPT, MPT' }],
      passes: [{ listing: 'Jane Doe, PT, DPT' }, { listing: 'Jane Doe, PT, DPT, PhD' }],
    },
  },
  check(listing, context, report) {
    // The highest PT degree (the first of the highest rank), as highestPtDegree finds it.
    let kept: CatalogEntry | undefined;
    let degrees = 0;
    for (const token of listing.credentials) {
      const e = token.credential;
      if (e.kind !== 'pt-degree') continue;
      degrees++;
      if (kept === undefined || (e.ptDegreeRank ?? 0) > (kept.ptDegreeRank ?? 0)) kept = e;
    }
    if (degrees < 2) return;
    for (const token of listing.credentials) {
      if (token.credential.kind !== 'pt-degree' || token.credential === kept) continue;
      report({
        message: `${token.text} is a second PT degree; list only the highest (${kept ? credentialLabel(kept) : 'one'})`,
        span: token.span,
        fix: context.canonical,
      });
    }
  },
} as const satisfies CredentialRule;
