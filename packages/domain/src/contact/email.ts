import * as z from 'zod';

/** An email address (at most 254 characters, the SMTP limit), stored as written. */
export const EmailAddressSchema = z
  .email({ error: 'must be an email address like "front-desk@example.com"' })
  .max(254)
  .describe('Email address, e.g. "front-desk@example.com"');
/** An email address. */
export type EmailAddress = z.output<typeof EmailAddressSchema>;
