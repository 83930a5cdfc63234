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

/**
 * NUCC's non-individual codes, those of organisations and facilities, which a person cannot
 * hold: the groupings 25 (Agencies) to 34 (Transportation Services) and 38 (Respite Care
 * Facility), and the two of "Other Service Providers" that are businesses (174200000X Meals,
 * 177F00000X Lodging). Source: NUCC's code set, section "Non-Individual"
 * (https://taxonomy.nucc.org/), as Da Vinci PDex Plan-Net 1.2.0 splits it into
 * IndividualAndGroupSpecialtiesVS and NonIndividualSpecialtiesVS.
 */
const NON_INDIVIDUAL = /^(?!2[5-9]|3[0-4]|38|174200000X|177F00000X)/;

/**
 * A NUCC taxonomy code a person can hold ({@link TaxonomyCodeSchema}, outside NUCC's
 * non-individual groupings): what a therapist's specialties are, and what Plan-Net's
 * PractitionerRole.specialty binding (IndividualAndGroupSpecialtiesVS) allows.
 */
export const IndividualTaxonomyCodeSchema = TaxonomyCodeSchema.regex(NON_INDIVIDUAL, {
  error: (issue) =>
    `"${String(issue.input)}" is a NUCC code for an organisation or facility, not a person: a therapist's specialties are individual codes such as "2251X0800X" (Orthopedic); the practice's own code goes in organization.taxonomy`,
}).describe(
  'NUCC taxonomy code of an individual (not an organisation or facility), e.g. "2251X0800X" (Orthopedic)',
);
