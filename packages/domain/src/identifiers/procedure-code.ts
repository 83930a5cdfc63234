import * as z from 'zod';

/**
 * A billing code for a procedure: a CPT code (four digits then a digit, or `F` for Category II,
 * `T` for Category III, `U` for proprietary lab analyses, `A` for vaccine products, `M` for
 * multianalyte assays) or a HCPCS Level II code (a letter in use by CMS, A–V without F, I, N and
 * O, then four digits, e.g. `G0283`). Codes only: the AMA owns CPT descriptors, so none are stored.
 */
export const ProcedureCodeSchema = z
  .string()
  .max(5)
  .regex(/^(?:\d{4}[0-9FTUAM]|[A-EGHJ-MP-V]\d{4})$/, {
    error: 'must be a CPT code like "97110" or a HCPCS Level II code like "G0283"',
  })
  .describe('CPT (e.g. "97110") or HCPCS Level II (e.g. "G0283") code, without descriptor');
/** A CPT or HCPCS Level II code. */
export type ProcedureCode = z.output<typeof ProcedureCodeSchema>;
