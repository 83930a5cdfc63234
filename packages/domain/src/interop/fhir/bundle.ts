import type { Clinic } from '../../clinic/clinic.js';
import {
  fhirHealthcareService,
  fhirLocation,
  fhirOrganization,
  fhirPractitioner,
  fhirPractitionerRole,
} from './resources.js';
import type { FhirBundle, FhirResource } from './types.js';

/** Options of {@link fhirBundle}. */
export interface FhirBundleOptions {
  /** The FHIR base the resources live under, e.g. `https://api.example.com/fhir/r4`; no trailing slash needed. */
  readonly baseUrl: string;
}

/** Every FHIR resource of a clinic, in a stable order: Organization, Locations, Practitioners, roles, services. */
export function fhirResources(clinic: Clinic): FhirResource[] {
  return [
    fhirOrganization(clinic),
    ...clinic.locations.map((l) => fhirLocation(l, clinic)),
    ...clinic.therapists.map(fhirPractitioner),
    ...clinic.therapists.map((t) => fhirPractitionerRole(t, clinic)),
    ...clinic.treatments.map((t) => fhirHealthcareService(t, clinic)),
  ];
}

/** The absolute URL of a resource under a FHIR base. */
export function fhirFullUrl(baseUrl: string, resource: FhirResource): string {
  return `${baseUrl.replace(/\/+$/, '')}/${resource.resourceType}/${resource.id}`;
}

/**
 * The whole clinic as a FHIR R4 `collection` Bundle: every resource once, with stable ids (the
 * slugs) and absolute `fullUrl`s.
 *
 * @example
 * fhirBundle(clinic, { baseUrl: 'https://api.example.com/fhir/r4' }).entry.length; // 11 for the sample
 */
export function fhirBundle(clinic: Clinic, options: FhirBundleOptions): FhirBundle {
  return {
    resourceType: 'Bundle',
    id: `${clinic.organization.slug}-directory`,
    type: 'collection',
    entry: fhirResources(clinic).map((resource) => ({
      fullUrl: fhirFullUrl(options.baseUrl, resource),
      resource,
    })),
  };
}
