import * as z from 'zod';

/**
 * A NUCC taxonomy code by its format: ten characters, three digits then six letters or digits,
 * ending in `X` (e.g. `2251X0800X`). Codes outside {@link NUCC_TAXONOMY_NAMES} are accepted:
 * the full code set is NUCC's and changes twice a year.
 */
export const TaxonomyCodeSchema = z
  .string()
  .max(10)
  .regex(/^\d{3}[0-9A-Z]{6}X$/, {
    error: 'must be a NUCC taxonomy code: 10 characters ending in "X", like "225100000X"',
  })
  .describe('NUCC Health Care Provider Taxonomy code, e.g. "225100000X" (Physical Therapist)');
/** A NUCC taxonomy code. */
export type TaxonomyCode = z.output<typeof TaxonomyCodeSchema>;
