import * as z from 'zod';
import { UsStateCodeSchema } from '../contact/us-state.js';
import { boundedText, IsoDateSchema, reportIssue } from '../shared/schema.js';

/** A state license behind a credential: its number and the issuing state. */
export const LicenseSchema = z
  .strictObject({
    number: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, {
        error: 'must be letters, digits, spaces, ".", "-" or "/"',
      })
      .describe('License number as the board issues it, e.g. "PT 12345"; quote it in YAML'),
    state: UsStateCodeSchema.describe('State whose board issued the license'),
  })
  .describe('A state license: number and issuing state');
/** A state license. */
export type License = z.output<typeof LicenseSchema>;

/**
 * One credential a therapist holds, as structured data: the abbreviation (matched against the
 * credential catalog), who issued it, when it was earned and when it lapses, and the license for
 * state designations such as PT and PTA.
 */
export const CredentialSchema = z
  .strictObject({
    abbreviation: z
      .string()
      .trim()
      .min(1)
      .max(20)
      // A refinement, not .regex(): a JSON Schema pattern cannot carry the u flag that \p{…} needs.
      .refine((text) => /^[\p{L}\p{N}][\p{L}\p{N} .&'/-]*$/u.test(text), {
        error: 'must be an abbreviation like "DPT", "OTR/L" or "Cert. MDT"',
      })
      .describe('Abbreviation as the issuer writes it, e.g. "DPT", "FAAOMPT", "Cert. MDT"'),
    name: boundedText(200, 'Full name, e.g. "Doctor of Physical Therapy"').optional(),
    issuer: boundedText(
      200,
      'Who issued it, e.g. "Physical Therapy Board of California" or a university',
    ).optional(),
    earned: IsoDateSchema.optional().describe('Date earned or first issued, YYYY-MM-DD'),
    expires: IsoDateSchema.optional().describe(
      'Date it lapses unless renewed, YYYY-MM-DD; omit for degrees',
    ),
    license: LicenseSchema.optional(),
  })
  .superRefine((credential, ctx) => {
    if (credential.earned && credential.expires && credential.expires < credential.earned) {
      reportIssue(
        ctx,
        'invalid-date-range',
        `expires ${credential.expires} before it was earned ${credential.earned}`,
        {
          path: ['expires'],
        },
      );
    }
  })
  .describe('A credential held: degree, license, certification or fellowship');
/** A credential held. */
export type Credential = z.output<typeof CredentialSchema>;
