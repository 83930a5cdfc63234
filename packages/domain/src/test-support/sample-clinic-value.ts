import type { Clinic } from '../clinic/clinic.js';
import { parseClinicData } from '../clinic/clinic-data.js';
import { sampleClinicYaml } from './sample-clinic.js';

/** The sample clinic, parsed; throws (a test-setup bug) if it does not parse. */
export function sampleClinic(): Clinic {
  const result = parseClinicData(sampleClinicYaml, { format: 'yaml' });
  if (!result.ok) throw new Error(`sample clinic does not parse: ${JSON.stringify(result.issues)}`);
  return result.value;
}
