// `@ptfx/domain/sample`: the sample clinic as data, for examples, tests and demos. A subpath of its
// own, so that a site that never uses it never bundles it (or the parser it needs).
import type { Clinic } from '../clinic/clinic.js';
import { parseClinicData } from '../clinic/clinic-data.js';
import { formatIssueLine } from '../shared/issue.js';
import { SAMPLE_CLINIC_YAML } from './sample-clinic-yaml.js';

export { SAMPLE_CLINIC_YAML };

// A global in every supported Node and every current browser; the package's lib (ES2022, no DOM
// or Node types) does not declare it.
declare function structuredClone<T>(value: T): T;

let parsed: Clinic | undefined;

/**
 * The sample practice (The Physical Therapy Effect, San Diego), parsed: the clinic of the seed page
 * with its two therapists, treatments, article, booking path and veterans program. Parsed on the
 * first call; each call returns a fresh copy, so changing one never changes another. Values the
 * page does not give (hours, NPIs, license numbers) are plausible samples, marked in the YAML.
 *
 * @example
 * import { sampleClinic } from '@ptfx/domain/sample';
 * const clinic = sampleClinic();
 * clinic.therapists.map((t) => t.credentialListing);
 */
export function sampleClinic(): Clinic {
  if (!parsed) {
    const result = parseClinicData(SAMPLE_CLINIC_YAML, { format: 'yaml' });
    if (!result.value) {
      // A bug in this package, not in the caller's input: the shipped sample must always parse.
      throw new Error(
        `@ptfx/domain: the embedded sample clinic does not parse:\n${result.issues.map((i) => formatIssueLine('sample-clinic.yaml', i)).join('\n')}`,
      );
    }
    parsed = result.value;
  }
  return structuredClone(parsed);
}
