import type { Clinic } from '../../clinic/clinic.js';
import { expectOptions, expectShape, expectText } from '../../shared/arguments.js';
import type { IsoDate } from '../../shared/schema.js';
import { CLINIC, FHIR_BASE, FHIR_RESOURCE, ISO_DATE } from '../../shared/shapes.js';
import { fhirEndpointUnchecked } from './endpoint.js';
import {
  type FhirResourcesOptions,
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
  /** The day the licences' statuses are for (see `FhirPractitionerOptions`). */
  readonly asOf?: IsoDate;
  /**
   * Whether the FHIR API at `baseUrl` is in the bundle as an Endpoint, which the Organization
   * refers to (default `true`); `false` when `baseUrl` only names the resources (`fullUrl`), with
   * no FHIR API there.
   */
  readonly endpoint?: boolean;
}

/**
 * Every FHIR resource of a clinic, each conforming to its Da Vinci PDex Plan-Net profile, in a
 * stable order: Organization, Locations, Practitioners, roles, services, and — when
 * `options.baseUrl` is given — the Endpoint of the FHIR API at that base. With `options.asOf`, a
 * licence whose period ended before that day has the status `inactive`.
 *
 * @example
 * fhirResources(clinic).length; // 12 for the sample
 * fhirResources(clinic, { baseUrl: 'https://api.example.com/fhir/r4' }).at(-1)?.resourceType; // 'Endpoint'
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` is not
 * `{ baseUrl?, asOf? }` with an absolute http(s) `baseUrl` and an ISO date `asOf`
 */
export function fhirResources(clinic: Clinic, options?: FhirResourcesOptions): FhirResource[] {
  expectShape('fhirResources', 'clinic', clinic, CLINIC);
  expectOptions('fhirResources', options, {
    baseUrl: ['optional', FHIR_BASE],
    asOf: ['optional', ISO_DATE],
  });
  return resourcesOf(clinic, options?.baseUrl, options?.asOf);
}

function resourcesOf(
  clinic: Clinic,
  baseUrl: string | undefined,
  asOf: IsoDate | undefined,
): FhirResource[] {
  return [
    fhirOrganizationUnchecked(clinic, baseUrl !== undefined),
    ...clinic.locations.map((l) => fhirLocationUnchecked(l, clinic)),
    ...clinic.therapists.map((t) => fhirPractitionerUnchecked(t, asOf)),
    ...clinic.therapists.map((t) => fhirPractitionerRoleUnchecked(t, clinic)),
    ...clinic.treatments.map((t) => fhirHealthcareServiceUnchecked(t, clinic)),
    ...(baseUrl === undefined ? [] : [fhirEndpointUnchecked(clinic, baseUrl)]),
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
 * The whole clinic as a FHIR R4 `collection` Bundle: every resource once (the FHIR API's
 * Endpoint at `baseUrl` included, unless `endpoint: false`), with stable ids (the slugs) and
 * absolute `fullUrl`s.
 *
 * @example
 * fhirBundle(clinic, { baseUrl: 'https://api.example.com/fhir/r4' }).entry.length; // 13 for the sample
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` is not
 * `{ baseUrl, asOf?, endpoint? }` with an absolute http(s) `baseUrl`, an ISO date `asOf` and a
 * boolean `endpoint`
 */
export function fhirBundle(clinic: Clinic, options: FhirBundleOptions): FhirBundle {
  expectShape('fhirBundle', 'clinic', clinic, CLINIC);
  expectOptions('fhirBundle', options, {
    baseUrl: FHIR_BASE,
    asOf: ['optional', ISO_DATE],
    endpoint: 'boolean?',
  });
  return {
    resourceType: 'Bundle',
    id: `${clinic.organization.slug}-directory`,
    type: 'collection',
    entry: resourcesOf(
      clinic,
      options.endpoint === false ? undefined : options.baseUrl,
      options.asOf,
    ).map((resource) => ({
      fullUrl: fullUrl(options.baseUrl, resource),
      resource,
    })),
  };
}
