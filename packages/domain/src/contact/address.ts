import * as z from 'zod';
import { boundedText } from '../shared/schema.js';
import { UsStateCodeSchema } from './us-state.js';

/** A US ZIP code, `92101`, or ZIP+4, `92101-1234`. */
export const ZipCodeSchema = z
  .string()
  .max(10)
  .regex(/^\d{5}(?:-\d{4})?$/, {
    error: 'must be a ZIP code of 5 digits, or ZIP+4 like "92101-1234"',
  })
  .describe('ZIP or ZIP+4, e.g. "92101" or "92101-1234"; quote it in YAML so leading zeros stay');
/** A ZIP or ZIP+4 code. */
export type ZipCode = z.output<typeof ZipCodeSchema>;

/** A US postal address. */
export const PostalAddressSchema = z
  .strictObject({
    lines: z
      .array(boundedText(100, 'One street line, e.g. "1601 Kettner Blvd Suite 11"'))
      .min(1)
      .max(3)
      .describe('Street address lines, in order (street and number first, then suite or unit)'),
    city: boundedText(64, 'City, e.g. "San Diego"'),
    state: UsStateCodeSchema,
    postalCode: ZipCodeSchema,
    country: z
      .literal('US')
      .default('US')
      .describe('ISO 3166-1 country code; only "US" is supported'),
  })
  .describe('US postal address');
/** A US postal address. */
export type PostalAddress = z.output<typeof PostalAddressSchema>;
