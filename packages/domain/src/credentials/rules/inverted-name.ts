import type { CredentialRule } from './rule.js';

/**
 * `inverted-name`: the name is written family name first (`Lopez, Maria`), as author lists and
 * HR exports write it. Advice only: the fix never rewrites a name.
 */
export const invertedName = {
  meta: {
    code: 'inverted-name',
    severity: 'info',
    description:
      'The name is written family name first ("Lopez, Maria"); a display listing puts the given name first. The fix keeps the name as written.',
    source: {
      text: 'W3C Internationalization, Personal names around the world: show a name as its owner writes it; "Family, Given" is a sorting form',
      url: 'https://www.w3.org/International/questions/qa-personal-names',
    },
    examples: {
      fails: [{ listing: 'Lopez, Maria, PT, DPT' }, { listing: 'Lopez, Maria M., PT, DPT, ATC' }],
      passes: [{ listing: 'Maria Lopez, PT, DPT' }, { listing: 'Maria M. Lopez, PT, DPT' }],
    },
  },
  check(listing, _context, report) {
    const name = listing.name;
    if (!name || !('inverted' in name) || name.inverted !== true) return;
    report({
      message: `"${name.text}" puts the family name first; for display write the given name first (ptfx does not rewrite names)`,
      span: name.span,
    });
  },
} as const satisfies CredentialRule;
