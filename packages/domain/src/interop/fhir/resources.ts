import type { Clinic } from '../../clinic/clinic.js';
import type { Location } from '../../clinic/location.js';
import type { Weekday } from '../../clinic/opening-hours.js';
import { findCredential } from '../../credentials/catalog-lookup.js';
import { expiryFromCycle } from '../../credentials/expiry.js';
import { procedureCodeSystem } from '../../identifiers/procedure-code-system.js';
import { taxonomyName } from '../../identifiers/taxonomy-names.js';
import { expectShape } from '../../shared/arguments.js';
import { CLINIC, LOCATION, THERAPIST, TREATMENT } from '../../shared/shapes.js';
import { therapistDisplayName } from '../../therapists/display-name.js';
import type { Therapist } from '../../therapists/therapist.js';
import type { Treatment } from '../../treatments/treatment.js';
import { fhirAddress, fhirTelecomUnchecked } from './contact.js';
import { credentialCode } from './credential-code.js';
import { FHIR_SYSTEMS } from './systems.js';
import type {
  FhirCodeableConcept,
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

function nucc(code: string): FhirCodeableConcept {
  const display = taxonomyName(code);
  return { coding: [{ system: FHIR_SYSTEMS.nucc, code, ...(display ? { display } : {}) }] };
}

function npiIdentifier(npi: string | undefined) {
  return npi
    ? { identifier: [{ use: 'official' as const, system: FHIR_SYSTEMS.npi, value: npi }] }
    : {};
}

/**
 * A therapist as a FHIR R4 Practitioner: the NPI (system `http://hl7.org/fhir/sid/us-npi`), the
 * name with the honorific, each structured credential as a qualification (code, period from the
 * stated or catalog-cycle expiry, issuer, license number and the state it is valid in), and the
 * languages as BCP 47 codes.
 *
 * @throws {TypeError} when `therapist` is not a parsed therapist
 */
export function fhirPractitioner(therapist: Therapist): FhirPractitioner {
  expectShape('fhirPractitioner', 'therapist', therapist, THERAPIST);
  return fhirPractitionerUnchecked(therapist);
}

/** {@link fhirPractitioner} without the argument check, for callers that have made it. */
export function fhirPractitionerUnchecked(therapist: Therapist): FhirPractitioner {
  const { given, middle, family, suffix } = therapist.name;
  return {
    resourceType: 'Practitioner',
    id: therapist.slug,
    ...npiIdentifier(therapist.npi),
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
    qualification: therapist.credentials.map((credential) => {
      const entry = findCredential(credential.abbreviation);
      const end =
        credential.expires ??
        (credential.earned && entry ? expiryFromCycle(entry, credential.earned) : undefined);
      const license = credential.license;
      return {
        ...(license
          ? {
              extension: [
                {
                  url: FHIR_SYSTEMS.planNetQualification,
                  extension: [
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
    }),
    communication: therapist.languages.map((code) => ({
      coding: [{ system: FHIR_SYSTEMS.bcp47, code }],
    })),
  };
}

/**
 * A therapist's role at the practice as a FHIR R4 PractitionerRole: NUCC code for PT or PTA,
 * specialties, locations, the services offered, and the contact details of the therapist's
 * locations — so every role has contact information (US Core pd-1).
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
  return {
    resourceType: 'PractitionerRole',
    id: therapist.slug,
    active: true,
    practitioner: {
      reference: `Practitioner/${therapist.slug}`,
      display: therapistDisplayName(therapist),
    },
    organization: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
    code:
      therapist.role === 'other'
        ? [{ text: 'Other clinical staff' }]
        : [nucc(ROLE_TAXONOMY[therapist.role])],
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
  };
}

/**
 * The practice as a FHIR R4 Organization: NPI, NUCC type (261QP2000X), names, contact.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic
 */
export function fhirOrganization(clinic: Clinic): FhirOrganization {
  expectShape('fhirOrganization', 'clinic', clinic, CLINIC);
  return fhirOrganizationUnchecked(clinic);
}

/** {@link fhirOrganization} without the argument check, for callers that have made it. */
export function fhirOrganizationUnchecked(clinic: Clinic): FhirOrganization {
  const org = clinic.organization;
  return {
    resourceType: 'Organization',
    id: org.slug,
    ...npiIdentifier(org.npi),
    active: true,
    type: org.taxonomy.map(nucc),
    name: org.name,
    ...(org.alternateName ? { alias: [org.alternateName] } : {}),
    telecom: fhirTelecomUnchecked(org.contact),
    address: clinic.locations.map((l) => fhirAddress(l.address)),
  };
}

/** FHIR has no 24:00; the last second of the day stands for the end of it. */
function fhirTime(time: string): string {
  return time === '24:00' ? '23:59:59' : `${time}:00`;
}

/**
 * A location as a FHIR R4 Location: address, telecom including fax, weekly hours, the dated
 * exceptions as `availabilityExceptions` text, and the IANA zone in the core `timezone`
 * extension (R4 hours carry no zone of their own).
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
  return {
    resourceType: 'Location',
    id: location.slug,
    extension: [{ url: FHIR_SYSTEMS.timezoneExtension, valueCode: location.timeZone }],
    status: 'active',
    name: location.name,
    mode: 'instance',
    type: [{ text: 'Physical therapy clinic' }],
    telecom: fhirTelecomUnchecked(location.contact),
    address: fhirAddress(location.address),
    managingOrganization: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
    hoursOfOperation: location.hours.weekly.map((range) => ({
      daysOfWeek: range.days.map((d) => FHIR_DAY[d]),
      ...(range.opens === '00:00' && range.closes === '24:00'
        ? { allDay: true }
        : { openingTime: fhirTime(range.opens), closingTime: fhirTime(range.closes) }),
    })),
    ...(exceptions.length > 0 ? { availabilityExceptions: exceptions.join('; ') } : {}),
  };
}

/**
 * A treatment as a FHIR R4 HealthcareService: its name and summary, its CPT/HCPCS codes as the
 * service type (codes only), physical therapy as specialty, offered at every location.
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
  return {
    resourceType: 'HealthcareService',
    id: treatment.slug,
    active: true,
    providedBy: {
      reference: `Organization/${clinic.organization.slug}`,
      display: clinic.organization.name,
    },
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
  };
}
