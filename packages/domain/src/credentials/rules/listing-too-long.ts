import { APTA_2016, APTA_2016_URL, partCount } from './helpers.js';
import type { CredentialRule } from './rule.js';

/** The longest listing read, in characters; a longer one is refused unread (`listing-too-long`). */
export const MAX_LISTING_LENGTH = 300;
/** More credentials than this make a listing hard to read (`listing-too-long` warning). */
export const MAX_READABLE_CREDENTIALS = 6;

/**
 * `listing-too-long`: more than {@link MAX_READABLE_CREDENTIALS} credentials (a warning). A
 * listing past {@link MAX_LISTING_LENGTH} characters is refused unread by the linter, as an
 * error under this code, whatever the `rules` option says (nothing was read to judge).
 */
export const listingTooLong = {
  meta: {
    code: 'listing-too-long',
    severity: 'warning',
    description: `More than ${MAX_READABLE_CREDENTIALS} credentials are too many to read (a warning); past ${MAX_LISTING_LENGTH} characters the listing is not read at all (an error).`,
    source: {
      text: `${APTA_2016}: APTA asks for fewer abbreviations to reduce consumer confusion`,
      url: APTA_2016_URL,
    },
    examples: {
      fails: [
        {
          listing: 'Jane Doe, PT, DPT, OCS, SCS, ATC, CSCS, MBA',
          options: { profile: 'apta-legacy' },
        },
        { listing: `Jane Doe, PT, DPT — ${'Jane treats runners and cyclists. '.repeat(9)}` },
      ],
      passes: [{ listing: 'Jane Doe, PT, DPT, OCS, ATC', options: { profile: 'apta-legacy' } }],
    },
  },
  check(listing, context, report) {
    const count = partCount(listing);
    if (count <= MAX_READABLE_CREDENTIALS) return;
    report({
      message: `${count} credentials; APTA asks for fewer — keep the five categories and spell out the rest`,
      span: { start: 0, end: context.text.length },
      fix: context.canonical,
    });
  },
} as const satisfies CredentialRule;
