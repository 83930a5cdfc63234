import type { Clinic } from '../../clinic/clinic.js';
import { expectOptions, expectShape } from '../../shared/arguments.js';
import { CLINIC, FHIR_BASE } from '../../shared/shapes.js';
import { withNarrative } from './narrative.js';
import { FHIR_PROFILES } from './profiles.js';
import { FHIR_SYSTEMS } from './systems.js';
import type { FhirEndpoint } from './types.js';

/** The id of the practice's FHIR API Endpoint: `<organization slug>-fhir`. */
export function fhirEndpointId(clinic: Clinic): string {
  return `${clinic.organization.slug}-fhir`;
}

/**
 * The practice's FHIR API as a FHIR R4 Endpoint (Plan-Net `plannet-Endpoint`): a FHIR REST
 * interface (`hl7-fhir-rest`) at `baseUrl` serving FHIR JSON, managed by the practice, with a
 * generated narrative. The Organization refers to it when `fhirResources` or `fhirOrganization`
 * is given the same `baseUrl`.
 *
 * @example
 * fhirEndpoint(clinic, { baseUrl: 'https://api.example.com/fhir/r4/' }).address;
 * // 'https://api.example.com/fhir/r4'
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` is not `{ baseUrl }`
 * with an absolute http(s) `baseUrl`
 */
export function fhirEndpoint(clinic: Clinic, options: { readonly baseUrl: string }): FhirEndpoint {
  expectShape('fhirEndpoint', 'clinic', clinic, CLINIC);
  expectOptions('fhirEndpoint', options, { baseUrl: FHIR_BASE });
  return fhirEndpointUnchecked(clinic, options.baseUrl);
}

/** {@link fhirEndpoint} without the argument checks, for callers that have made them. */
export function fhirEndpointUnchecked(clinic: Clinic, baseUrl: string): FhirEndpoint {
  const org = clinic.organization;
  return withNarrative({
    resourceType: 'Endpoint',
    id: fhirEndpointId(clinic),
    meta: { profile: [FHIR_PROFILES.Endpoint] },
    status: 'active',
    connectionType: {
      system: FHIR_SYSTEMS.endpointConnectionType,
      code: 'hl7-fhir-rest',
      display: 'HL7 FHIR',
    },
    name: `${org.name} FHIR API`,
    managingOrganization: { reference: `Organization/${org.slug}`, display: org.name },
    // Plan-Net's payload types have only "not applicable": what a FHIR REST endpoint carries is
    // FHIR resources, which the connection type and the MIME type already say.
    payloadType: [
      {
        coding: [
          { system: FHIR_SYSTEMS.planNetPayloadType, code: 'NA', display: 'Not Applicable' },
        ],
      },
    ],
    payloadMimeType: ['application/fhir+json'],
    address: baseUrl.replace(/\/+$/, ''),
  });
}
