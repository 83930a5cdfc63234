import * as z from 'zod';
import { reportIssue } from '../shared/schema.js';
import { parseNanp } from './phone-number.js';

/**
 * A US phone or fax number. Any common spelling is accepted ("(619) 544-1055", "619.544.1055",
 * "+1 619 544 1055", "619-544-1055 ext. 2") and stored as E.164 with an optional `;ext=`.
 */
export const PhoneNumberSchema = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseNanp(text);
    return parsed.ok ? parsed.value : reportIssue(ctx, parsed.problem.code, parsed.problem.message);
  })
  .brand<'PhoneNumber'>()
  .describe(
    'US phone number; any common spelling ("(619) 544-1055", "+1 619 544 1055", "619-544-1055 ext. 2", "+16195441055;ext=2") is accepted and stored as E.164',
  );

/**
 * A North American (NANP) phone or fax number in E.164, optionally followed by an RFC 3966
 * extension parameter: `+16195441055` or `+16195441055;ext=2`. Only {@link PhoneNumberSchema}
 * makes one.
 */
export type PhoneNumber = z.output<typeof PhoneNumberSchema>;
