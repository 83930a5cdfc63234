import { z } from 'zod';

/**
 * A billing code for a procedure: a CPT code (five characters: four digits then a digit, `F`
 * for Category II or `T` for Category III) or a HCPCS Level II code (a letter and four digits,
 * e.g. `G0283`). Codes only: the AMA owns CPT descriptors, so none are stored.
 */
export const ProcedureCodeSchema = z
  .string()
  .max(5)
  .regex(/^(?:\d{4}[0-9FT]|[A-V]\d{4})$/, {
    error: 'must be a CPT code like "97110" or a HCPCS Level II code like "G0283"',
  })
  .describe('CPT (e.g. "97110") or HCPCS Level II (e.g. "G0283") code, without descriptor');
/** A CPT or HCPCS Level II code. */
export type ProcedureCode = z.output<typeof ProcedureCodeSchema>;

/** Which code set a procedure code belongs to. */
export function procedureCodeSystem(code: ProcedureCode): 'CPT' | 'HCPCS' {
  return /^\d/.test(code) ? 'CPT' : 'HCPCS';
}
