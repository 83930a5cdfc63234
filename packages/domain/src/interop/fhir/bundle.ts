import type { Clinic } from '../../clinic/clinic.js';
import { expectOptions, expectShape, expectText } from '../../shared/arguments.js';
import { CLINIC, FHIR_RESOURCE } from '../../shared/shapes.js';
import {
  fhirHealthcareServiceUnchecked,
  fhirLocationUnchecked,
  fhirOrganizationUnchecked,
  fhirPractitionerRoleUnchecked,
  fhirPractitionerUnchecked,
} from './resources.js';
import type { FhirBundle, FhirResource } from './types.js';

/** Options of {@link fhirBundle}. */
export interface FhirBundleOptions {
  /** The FHIR base the resources live under, e.g. `https://api.example.com/fhir/r4`; no trailing slash needed. */
  readonly baseUrl: string;
}

/**
 * Every FHIR resource of a clinic, in a stable order: Organization, Locations, Practitioners, roles, services.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic
 */
export function fhirResources(clinic: Clinic): FhirResource[] {
  expectShape('fhirResources', 'clinic', clinic, CLINIC);
  return resourcesOf(clinic);
}

function resourcesOf(clinic: Clinic): FhirResource[] {
  return [
    fhirOrganizationUnchecked(clinic),
    ...clinic.locations.map((l) => fhirLocationUnchecked(l, clinic)),
    ...clinic.therapists.map(fhirPractitionerUnchecked),
    ...clinic.therapists.map((t) => fhirPractitionerRoleUnchecked(t, clinic)),
    ...clinic.treatments.map((t) => fhirHealthcareServiceUnchecked(t, clinic)),
  ];
}

/**
 * The absolute URL of a resource under a FHIR base.
 *
 * @throws {TypeError} when `baseUrl` is not text or `resource` has no `resourceType` and `id`
 */
export function fhirFullUrl(baseUrl: string, resource: FhirResource): string {
  expectText(
    'fhirFullUrl',
    'baseUrl',
    baseUrl,
    'a URL (text) such as "https://api.example.com/fhir/r4"',
  );
  expectShape('fhirFullUrl', 'resource', resource, FHIR_RESOURCE);
  return fullUrl(baseUrl, resource);
}

function fullUrl(baseUrl: string, resource: FhirResource): string {
  return `${baseUrl.replace(/\/+$/, '')}/${resource.resourceType}/${resource.id}`;
}

/**
 * The whole clinic as a FHIR R4 `collection` Bundle: every resource once, with stable ids (the
 * slugs) and absolute `fullUrl`s.
 *
 * @example
 * fhirBundle(clinic, { baseUrl: 'https://api.example.com/fhir/r4' }).entry.length; // 11 for the sample
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` is not `{ baseUrl }`
 * with a text `baseUrl`
 */
export function fhirBundle(clinic: Clinic, options: FhirBundleOptions): FhirBundle {
  expectShape('fhirBundle', 'clinic', clinic, CLINIC);
  expectOptions('fhirBundle', options, { baseUrl: 'text' });
  return {
    resourceType: 'Bundle',
    id: `${clinic.organization.slug}-directory`,
    type: 'collection',
    entry: resourcesOf(clinic).map((resource) => ({
      fullUrl: fullUrl(options.baseUrl, resource),
      resource,
    })),
  };
}
