import type { ProcedureCode } from './procedure-code.js';

/** Which code set a procedure code belongs to. */
export function procedureCodeSystem(code: ProcedureCode): 'CPT' | 'HCPCS' {
  return /^\d/.test(code) ? 'CPT' : 'HCPCS';
}
