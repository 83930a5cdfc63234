import { z } from 'zod';

/**
 * A public web address. Only `https://` is accepted: a clinic page linked from directories and
 * search results must not be served in the clear.
 */
export const WebsiteUrlSchema = z
  .url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'must be an https:// address with a domain name, like "https://www.example.com/"',
  })
  .max(2048)
  .describe('https:// web address');
/** An https web address. */
export type WebsiteUrl = z.output<typeof WebsiteUrlSchema>;
