import { argumentError } from '../shared/arguments.js';
import type { ProcedureCode } from './procedure-code.js';

// The format ProcedureCodeSchema checks, kept here so that the pure function needs no zod;
// procedure-code.test.ts pins the two together.
const PROCEDURE_CODE = /^(?:\d{4}[0-9FTUAM]|[A-EGHJ-MP-V]\d{4})$/;

/** True when `value` is a CPT or HCPCS Level II code, as ProcedureCodeSchema accepts it. */
export function isProcedureCode(value: unknown): value is ProcedureCode {
  return typeof value === 'string' && PROCEDURE_CODE.test(value);
}

/**
 * Which code set a procedure code belongs to: CPT (`97110`, `0001F`) or HCPCS Level II (`G0283`).
 *
 * @throws {TypeError} when `code` is not a CPT or HCPCS Level II code
 * @example
 * procedureCodeSystem('97110'); // 'CPT'
 */
export function procedureCodeSystem(code: ProcedureCode): 'CPT' | 'HCPCS' {
  if (!isProcedureCode(code)) {
    throw argumentError(
      'procedureCodeSystem(code)',
      'a CPT code such as "97110" or a HCPCS Level II code such as "G0283"',
      code,
    );
  }
  return /^\d/.test(code) ? 'CPT' : 'HCPCS';
}
