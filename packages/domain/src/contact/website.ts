import * as z from 'zod';

/**
 * A public web address. Only `https://` is accepted: a clinic page linked from directories and
 * search results must not be served in the clear.
 */
export const WebsiteUrlSchema = z
  .url({
    protocol: /^https$/,
    hostname: z.regexes.domain,
    error: 'must be an https:// address with a domain name, like "https://www.example.com/"',
    abort: true,
  })
  .max(2048)
  // zod's own "//" check is off with a custom protocol, and credentials in a public link leak.
  .regex(/^[hH][tT][tT][pP][sS]:\/\/[^/?#@]+(?:[/?#]|$)/, {
    error:
      'must be an https:// address with a domain name and no user name or password, like "https://www.example.com/"',
  })
  .describe('https:// web address');
/** An https web address. */
export type WebsiteUrl = z.output<typeof WebsiteUrlSchema>;
