import type { Clinic } from '../../clinic/clinic.js';
import type { Location } from '../../clinic/location.js';
import type { Weekday } from '../../clinic/opening-hours.js';
import { findCredential } from '../../credentials/catalog-lookup.js';
import { expiryFromCycle } from '../../credentials/expiry.js';
import { procedureCodeSystem } from '../../identifiers/procedure-code-system.js';
import { taxonomyName } from '../../identifiers/taxonomy-names.js';
import { expectOptions, expectShape } from '../../shared/arguments.js';
import type { IsoDate } from '../../shared/schema.js';
import {
  CLINIC,
  FHIR_BASE,
  ISO_DATE,
  LOCATION,
  THERAPIST,
  TREATMENT,
} from '../../shared/shapes.js';
import { therapistDisplayName } from '../../therapists/display-name.js';
import type { Therapist } from '../../therapists/therapist.js';
import type { Treatment } from '../../treatments/treatment.js';
import { fhirAddress, fhirTelecomUnchecked } from './contact.js';
import { credentialCode } from './credential-code.js';
import { fhirEndpointId } from './endpoint.js';
import { withNarrative } from './narrative.js';
import { FHIR_PROFILES } from './profiles.js';
import { FHIR_SYSTEMS } from './systems.js';
import type {
  FhirCodeableConcept,
  FhirCoding,
  FhirExtension,
  FhirHealthcareService,
  FhirLocation,
  FhirOrganization,
  FhirPractitioner,
  FhirPractitionerRole,
} from './types.js';

const FHIR_DAY: Readonly<Record<Weekday, 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>> = {
  monday: 'mon',
  tuesday: 'tue',
  wednesday: 'wed',
  thursday: 'thu',
  friday: 'fri',
  saturday: 'sat',
  sunday: 'sun',
};
const ROLE_TAXONOMY = { PT: '225100000X', PTA: '225200000X' } as const;
// Plan-Net binds PractitionerRole.code to its provider roles (required): a PT is `pt`; a PTA is
// one of the "developmental, rehabilitative and restorative service providers" (NUCC's group).
const PROVIDER_ROLE: Readonly<Record<Therapist['role'], FhirCoding>> = {
  PT: { system: FHIR_SYSTEMS.planNetProviderRole, code: 'pt', display: 'Physical Therapist' },
  PTA: {
    system: FHIR_SYSTEMS.planNetProviderRole,
    code: 'drr',
    display: 'Developmental, Rehabilitative and Restorative Service Providers',
  },
  other: {
    system: FHIR_SYSTEMS.planNetProviderRole,
    code: 'os',
    display: 'Other Service Provider',
  },
};

/** Plan-Net's `newpatients` extension: accepting new patients, or not. */
function newPatients(accepting: boolean): FhirExtension {
  return {
    url: FHIR_SYSTEMS.planNetNewPatients,
    extension: [
      {
        url: 'acceptingPatients',
        valueCodeableConcept: {
          coding: [
            accepting
              ? {
                  system: FHIR_SYSTEMS.planNetAcceptingPatients,
                  code: 'newpt',
                  display: 'Accepting',
                }
              : {
                  system: FHIR_SYSTEMS.planNetAcceptingPatients,
                  code: 'nopt',
                  display: 'Not Accepting',
                },
          ],
        },
      },
    ],
  };
}

const meta = (resourceType: keyof typeof FHIR_PROFILES) => ({
  profile: [FHIR_PROFILES[resourceType]],
});

function nuccCoding(code: string): FhirCoding {
  const display = taxonomyName(code);
  return { system: FHIR_SYSTEMS.nucc, code, ...(display ? { display } : {}) };
}

function nucc(code: string): FhirCodeableConcept {
  return { coding: [nuccCoding(code)] };
}

function npiIdentifier(npi: string | undefined) {
  return npi
    ? { identifier: [{ use: 'official' as const, system: FHIR_SYSTEMS.npi, value: npi }] }
    : {};
}

/** The NPI, or (Plan-Net requires an identifier) ptfx's own: the slug. */
function practitionerIdentifier(therapist: Therapist) {
  return therapist.npi
    ? npiIdentifier(therapist.npi)
    : {
        identifier: [
          { use: 'secondary' as const, system: FHIR_SYSTEMS.ptfxTherapist, value: therapist.slug },
        ],
      };
}

/**
 * A therapist as a FHIR R4 Practitioner (Plan-Net `plannet-Practitioner`): the NPI (system
 * `http://hl7.org/fhir/sid/us-npi`; without one, ptfx's own identifier, the slug, since Plan-Net
 * requires an identifier), the name with the honorific, each structured credential as a
 * qualification (code, period from the stated or catalog-cycle expiry, issuer; a license also its
 * number and Plan-Net's qualification extension with the state it is valid in and its status:
 * `inactive` when `options.asOf` is given and the licence's period ended before that day, else
 * `active`), the languages as BCP 47 codes, and a generated narrative.
 *
 * @throws {TypeError} when `therapist` is not a parsed therapist, or `options` is not
 * `{ asOf? }` with an ISO date
 */
export function fhirPractitioner(
  therapist: Therapist,
  options?: FhirPractitionerOptions,
): FhirPractitioner {
  expectShape('fhirPractitioner', 'therapist', therapist, THERAPIST);
  expectOptions('fhirPractitioner', options, { asOf: ['optional', ISO_DATE] });
  return fhirPractitionerUnchecked(therapist, options?.asOf);
}

/** Options of {@link fhirPractitioner}. */
export interface FhirPractitionerOptions {
  /**
   * The day the licences' statuses are for: one whose period ended before it is `inactive`.
   * Without it every licence is `active`, as the data file lists it.
   */
  readonly asOf?: IsoDate;
}

/** {@link fhirPractitioner} without the argument check, for callers that have made it. */
export function fhirPractitionerUnchecked(therapist: Therapist, asOf?: IsoDate): FhirPractitioner {
  const { given, middle, family, suffix } = therapist.name;
  return withNarrative({
    resourceType: 'Practitioner',
    id: therapist.slug,
    meta: meta('Practitioner'),
    ...practitionerIdentifier(therapist),
    active: true,
    name: [
      {
        use: 'official',
        text: therapistDisplayName(therapist),
        family,
        given: middle ? [given, middle] : [given],
        ...(therapist.honorificPrefix ? { prefix: [therapist.honorificPrefix] } : {}),
        ...(suffix ? { suffix: [suffix] } : {}),
      },
    ],
    ...(therapist.photo
      ? { photo: [{ url: therapist.photo.url, title: therapist.photo.alt }] }
      : {}),
    // FHIR JSON has no empty arrays: a therapist without credentials has no qualification.
    ...(therapist.credentials.length > 0
      ? { qualification: therapist.credentials.map((c) => qualification(c, asOf)) }
      : {}),
    communication: therapist.languages.map((code) => ({
      coding: [{ system: FHIR_SYSTEMS.bcp47, code }],
    })),
  });
}

/**
 * One credential as a Practitioner qualification: its code, period (the stated expiry, else the
 * catalog's cycle from the date earned) and issuer; a licence also its number and Plan-Net's
 * qualification extension, whose status is `inactive` when the period ended before `asOf`.
 */
function qualification(credential: Therapist['credentials'][number], asOf: IsoDate | undefined) {
  const entry = findCredential(credential.abbreviation);
  const end =
    credential.expires ??
    (credential.earned && entry ? expiryFromCycle(entry, credential.earned) : undefined);
  const license = credential.license;
  const status = asOf !== undefined && end !== undefined && end < asOf ? 'inactive' : 'active';
  return {
    ...(license
      ? {
          extension: [
            {
              url: FHIR_SYSTEMS.planNetQualification,
              extension: [
                { url: 'status', valueCode: status },
                {
                  url: 'whereValid',
                  valueCodeableConcept: {
                    coding: [{ system: FHIR_SYSTEMS.usps, code: license.state }],
                  },
                },
              ],
            },
          ],
          identifier: [{ use: 'official' as const, value: license.number }],
        }
      : {}),
    code: credentialCode(credential),
    ...(credential.earned || end
      ? {
          period: {
            ...(credential.earned ? { start: credential.earned } : {}),
            ...(end ? { end } : {}),
          },
        }
      : {}),
    ...(credential.issuer ? { issuer: { display: credential.issuer } } : {}),
  };
}

/**
 * A therapist's role at the practice as a FHIR R4 PractitionerRole (Plan-Net
 * `plannet-PractitionerRole`): the NUCC code for PT or PTA with Plan-Net's provider role,
 * specialties, locations, the services offered, the contact details of the therapist's
 * locations — so every role has contact information (US Core pd-1) — and a generated narrative.
 * Whether new patients are accepted is on the Locations: @medplum/core 5.2 refuses any extension
 * on a PractitionerRole against Plan-Net's profile (see plan-net.int.test.ts).
 *
 * @throws {TypeError} when `therapist` is not a parsed therapist or `clinic` not a parsed clinic
 */
export function fhirPractitionerRole(therapist: Therapist, clinic: Clinic): FhirPractitionerRole {
  expectShape('fhirPractitionerRole', 'therapist', therapist, THERAPIST);
  expectShape('fhirPractitionerRole', 'clinic', clinic, CLINIC);
  return fhirPractitionerRoleUnchecked(therapist, clinic);
}

/** {@link fhirPractitionerRole} without the argument checks, for callers that have made them. */
export function fhirPractitionerRoleUnchecked(
  therapist: Therapist,
  clinic: Clinic,
): FhirPractitionerRole {
  const locations = clinic.locations.filter((l) => therapist.locations.includes(l.slug));
  const telecom = fhirTelecomUnchecked(locations.flatMap((l) => l.contact));
  return withNarrative({
    resourceType: 'PractitionerRole',
    id: therapist.slug,
    meta: meta('PractitionerRole'),
    active: true,
    practitioner: {
      reference: `Practitioner/${therapist.slug}`,
      display: therapistDisplayName(therapist),
    },
    organization: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
    code: [
      therapist.role === 'other'
        ? { coding: [PROVIDER_ROLE.other], text: 'Other clinical staff' }
        : {
            coding: [nuccCoding(ROLE_TAXONOMY[therapist.role]), PROVIDER_ROLE[therapist.role]],
          },
    ],
    ...(therapist.specialties.length > 0 ? { specialty: therapist.specialties.map(nucc) } : {}),
    location: locations.map((l) => ({ reference: `Location/${l.slug}`, display: l.name })),
    ...(therapist.treatments.length > 0
      ? {
          healthcareService: therapist.treatments.map((slug) => ({
            reference: `HealthcareService/${slug}`,
          })),
        }
      : {}),
    telecom,
  });
}

/** Options of {@link fhirOrganization} and `fhirResources`. */
export interface FhirResourcesOptions {
  /**
   * The FHIR base the resources are served under, e.g. `https://api.example.com/fhir/r4`. When
   * given, the practice's FHIR API is an Endpoint and the Organization refers to it.
   */
  readonly baseUrl?: string;
  /** The day the licences' statuses are for (see {@link FhirPractitionerOptions}). */
  readonly asOf?: IsoDate;
}

/**
 * The practice as a FHIR R4 Organization (Plan-Net `plannet-Organization`): NPI, Plan-Net's
 * organization type (a provider group) and the NUCC type (261QP2000X), names, contact, the
 * locations' addresses, the FHIR API's Endpoint when `options.baseUrl` is given, and a generated
 * narrative.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic, or `options` is not
 * `{ baseUrl? }` with an absolute http(s) `baseUrl`
 */
export function fhirOrganization(clinic: Clinic, options?: FhirResourcesOptions): FhirOrganization {
  expectShape('fhirOrganization', 'clinic', clinic, CLINIC);
  expectOptions('fhirOrganization', options, { baseUrl: ['optional', FHIR_BASE] });
  return fhirOrganizationUnchecked(clinic, options?.baseUrl !== undefined);
}

/**
 * {@link fhirOrganization} without the argument checks, for callers that have made them.
 *
 * @param withEndpoint - whether the practice's FHIR API Endpoint exists (a base URL is known)
 */
export function fhirOrganizationUnchecked(clinic: Clinic, withEndpoint = false): FhirOrganization {
  const org = clinic.organization;
  return withNarrative({
    resourceType: 'Organization',
    id: org.slug,
    meta: meta('Organization'),
    ...npiIdentifier(org.npi),
    active: true,
    type: [
      {
        coding: [
          { system: FHIR_SYSTEMS.planNetOrgType, code: 'prvgrp', display: 'Provider Group' },
        ],
      },
      ...org.taxonomy.map(nucc),
    ],
    name: org.name,
    ...(org.alternateName ? { alias: [org.alternateName] } : {}),
    telecom: fhirTelecomUnchecked(org.contact),
    address: clinic.locations.map((l) => fhirAddress(l.address)),
    ...(withEndpoint ? { endpoint: [{ reference: `Endpoint/${fhirEndpointId(clinic)}` }] } : {}),
  });
}

// Plan-Net's categories (required binding): a physical-therapy practice's services are rendered
// in an outpatient clinic.
const SERVICE_CATEGORY: FhirCodeableConcept = {
  coding: [
    {
      system: FHIR_SYSTEMS.planNetServiceCategory,
      code: 'outpat',
      display: 'Clinic or Outpatient Facility',
    },
  ],
};

/** FHIR has no 24:00; the last second of the day stands for the end of it. */
function fhirTime(time: string): string {
  return time === '24:00' ? '23:59:59' : `${time}:00`;
}

/**
 * A location as a FHIR R4 Location (Plan-Net `plannet-Location`, which has no `mode`): an
 * outpatient facility, address, telecom including fax, weekly hours, the dated exceptions as
 * `availabilityExceptions` text, whether it accepts new patients (Plan-Net's `newpatients`
 * extension), the IANA zone in the core `timezone` extension (R4 hours carry
 * no zone of their own), the map coordinates as `position` (WGS 84, as FHIR's) when the location
 * has them, and a generated narrative.
 *
 * @throws {TypeError} when `location` is not a parsed location or `clinic` not a parsed clinic
 */
export function fhirLocation(location: Location, clinic: Clinic): FhirLocation {
  expectShape('fhirLocation', 'location', location, LOCATION);
  expectShape('fhirLocation', 'clinic', clinic, CLINIC);
  return fhirLocationUnchecked(location, clinic);
}

/** {@link fhirLocation} without the argument checks, for callers that have made them. */
export function fhirLocationUnchecked(location: Location, clinic: Clinic): FhirLocation {
  const exceptions = location.hours.exceptions.map((e) => {
    const dates = e.through ? `${e.from} to ${e.through}` : e.from;
    return e.status === 'closed'
      ? `Closed ${dates} (${e.reason})`
      : `Open ${e.hours.map((h) => `${h.opens}–${h.closes}`).join(', ')} on ${dates} (${e.reason})`;
  });
  return withNarrative({
    resourceType: 'Location',
    id: location.slug,
    meta: meta('Location'),
    extension: [
      { url: FHIR_SYSTEMS.timezoneExtension, valueCode: location.timeZone },
      newPatients(location.acceptingNewPatients),
    ],
    status: 'active',
    name: location.name,
    type: [
      {
        coding: [{ system: FHIR_SYSTEMS.v3RoleCode, code: 'OF', display: 'Outpatient facility' }],
        text: 'Physical therapy clinic',
      },
    ],
    telecom: fhirTelecomUnchecked(location.contact),
    address: fhirAddress(location.address),
    ...(location.geo
      ? { position: { longitude: location.geo.longitude, latitude: location.geo.latitude } }
      : {}),
    managingOrganization: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
    // FHIR JSON has no empty arrays: a location open by appointment only has no hours.
    ...(location.hours.weekly.length > 0
      ? {
          hoursOfOperation: location.hours.weekly.map((range) => ({
            daysOfWeek: range.days.map((d) => FHIR_DAY[d]),
            ...(range.opens === '00:00' && range.closes === '24:00'
              ? { allDay: true }
              : { openingTime: fhirTime(range.opens), closingTime: fhirTime(range.closes) }),
          })),
        }
      : {}),
    ...(exceptions.length > 0 ? { availabilityExceptions: exceptions.join('; ') } : {}),
  });
}

/**
 * A treatment as a FHIR R4 HealthcareService (Plan-Net `plannet-HealthcareService`): Plan-Net's
 * category (clinic or outpatient facility), its name and summary, its CPT/HCPCS codes as the
 * service type (codes only), physical therapy as specialty, offered at every location, and a
 * generated narrative.
 *
 * @throws {TypeError} when `treatment` is not a parsed treatment or `clinic` not a parsed clinic
 */
export function fhirHealthcareService(treatment: Treatment, clinic: Clinic): FhirHealthcareService {
  expectShape('fhirHealthcareService', 'treatment', treatment, TREATMENT);
  expectShape('fhirHealthcareService', 'clinic', clinic, CLINIC);
  return fhirHealthcareServiceUnchecked(treatment, clinic);
}

/** {@link fhirHealthcareService} without the argument checks, for callers that have made them. */
export function fhirHealthcareServiceUnchecked(
  treatment: Treatment,
  clinic: Clinic,
): FhirHealthcareService {
  return withNarrative({
    resourceType: 'HealthcareService',
    id: treatment.slug,
    meta: meta('HealthcareService'),
    active: true,
    providedBy: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
    category: [SERVICE_CATEGORY],
    type: [
      {
        text: treatment.name,
        ...(treatment.codes.length > 0
          ? {
              coding: treatment.codes.map((code) => ({
                system: procedureCodeSystem(code) === 'CPT' ? FHIR_SYSTEMS.cpt : FHIR_SYSTEMS.hcpcs,
                code,
              })),
            }
          : {}),
      },
    ],
    specialty: [nucc('225100000X')],
    location: clinic.locations.map((l) => ({ reference: `Location/${l.slug}`, display: l.name })),
    name: treatment.name,
    comment: treatment.summary,
    appointmentRequired: true,
  });
}
