import { findCredential, findCredentialByName } from '../../credentials/catalog-lookup.js';
import type { Credential } from '../../credentials/credential.js';
import { taxonomyName } from '../../identifiers/taxonomy-names.js';
import { expectShape } from '../../shared/arguments.js';
import { CREDENTIAL_NAME } from '../../shared/shapes.js';
import { FHIR_SYSTEMS } from './systems.js';
import type { FhirCodeableConcept, FhirCoding } from './types.js';

// FaCeT (National Directory) codes for PT credentials; v2-0360 has none of these.
const FACET = new Set(['PT', 'PTA', 'DPT', 'MPT', 'MSPT', 'LPT', 'RPT', 'ATC', 'LAT', 'AT', 'CWS']);
// Catalog id → NUCC taxonomy code, for the licenses and ABPTS board certifications that name a
// NUCC classification or specialization: Plan-Net's qualification codes (an extensible binding)
// are NUCC's and v2-0360's, so these carry a code from its value set besides the FaCeT one.
const NUCC: ReadonlyMap<string, string> = new Map([
  ['PT', '225100000X'],
  ['PTA', '225200000X'],
  ['OCS', '2251X0800X'],
  ['SCS', '2251S0007X'],
  ['NCS', '2251N0400X'],
  ['PCS', '2251P0200X'],
  ['GCS', '2251G0304X'],
  ['CCS', '2251C2600X'],
  ['ECS', '2251E1300X'],
]);
// Catalog id → HL7 v2-0360 code, where the table has the degree or license.
const V2_0360: ReadonlyMap<string, string> = new Map([
  ['BA', 'BA'],
  ['BS', 'BS'],
  ['MA', 'MA'],
  ['MS', 'MS'],
  ['MBA', 'MBA'],
  ['MEd', 'MED'],
  ['PhD', 'PHD'],
  ['DSc', 'PHS'],
  ['EdD', 'DED'],
  ['DEd', 'DED'],
  ['JD', 'JD'],
  ['MD', 'MD'],
  ['DO', 'DO'],
  ['RN', 'RN'],
  ['NP', 'NP'],
  ['CNS', 'CNS'],
  ['EMT', 'EMT'],
  ['PharmD', 'PharmD'],
  ['MT', 'MT'],
]);

/**
 * The FHIR code of a credential for `Practitioner.qualification.code`: HL7 v2-0360 for the
 * academic degrees and licenses it has, the National Directory's FaCeT system for PT, PTA, DPT
 * and their kin, ptfx's own system (catalog ids) for the rest, and text alone for a credential the
 * catalog does not know. The PT and PTA licenses and the ABPTS board certifications also carry
 * their NUCC taxonomy code (`OCS` → `2251X0800X`, Orthopedic), as Plan-Net's value set has them.
 *
 * @example
 * credentialCode({ abbreviation: 'DPT' });
 * // { coding: [{ system: FaCeT, code: 'DPT', display: 'Doctor of Physical Therapy' }], text: 'DPT' }
 * @throws {TypeError} when `credential` has no text `abbreviation` (or a `name` that is not text)
 */
export function credentialCode(
  credential: Pick<Credential, 'abbreviation' | 'name'>,
): FhirCodeableConcept {
  expectShape('credentialCode', 'credential', credential, CREDENTIAL_NAME);
  const entry =
    findCredential(credential.abbreviation) ??
    (credential.name ? findCredentialByName(credential.name) : undefined);
  if (!entry) return { text: credential.name ?? credential.abbreviation };
  const display = entry.name;
  const v2 = V2_0360.get(entry.id);
  const coding: FhirCoding = FACET.has(entry.id)
    ? { system: FHIR_SYSTEMS.facet, code: entry.id, display }
    : v2
      ? { system: FHIR_SYSTEMS.v20360, code: v2, display }
      : { system: FHIR_SYSTEMS.ptfxCredential, code: entry.id, display };
  const nucc = NUCC.get(entry.id);
  const nuccDisplay = nucc ? taxonomyName(nucc) : undefined;
  return {
    coding: nucc
      ? [
          coding,
          {
            system: FHIR_SYSTEMS.nucc,
            code: nucc,
            ...(nuccDisplay ? { display: nuccDisplay } : {}),
          },
        ]
      : [coding],
    text: credential.abbreviation,
  };
}
