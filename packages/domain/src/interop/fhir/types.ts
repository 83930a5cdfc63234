// The FHIR R4 shapes ptfx emits: the subset of each datatype and resource it fills, typed so
// that a mistake in a projection fails to compile. Field meanings are FHIR's.

/** FHIR Coding. */
export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}
/** FHIR CodeableConcept. */
export interface FhirCodeableConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
}
/** FHIR Identifier. */
export interface FhirIdentifier {
  readonly use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  readonly type?: FhirCodeableConcept;
  readonly system?: string;
  readonly value: string;
}
/** FHIR Reference. */
export interface FhirReference {
  readonly reference?: string;
  readonly display?: string;
}
/** FHIR Period (dates). */
export interface FhirPeriod {
  readonly start?: string;
  readonly end?: string;
}
/** FHIR ContactPoint. */
export interface FhirContactPoint {
  readonly system: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  readonly value: string;
  readonly use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
  readonly rank?: number;
}
/** FHIR Address. */
export interface FhirAddress {
  readonly use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  readonly type?: 'postal' | 'physical' | 'both';
  readonly text?: string;
  readonly line?: readonly string[];
  readonly city?: string;
  readonly state?: string;
  readonly postalCode?: string;
  readonly country?: string;
}
/** FHIR Extension (the value types ptfx uses). */
export interface FhirExtension {
  readonly url: string;
  readonly valueCode?: string;
  readonly valueBoolean?: boolean;
  readonly valueCodeableConcept?: FhirCodeableConcept;
  readonly extension?: readonly FhirExtension[];
}
/** FHIR Meta: the profiles a resource claims to conform to. */
export interface FhirMeta {
  readonly profile: readonly string[];
}
/**
 * FHIR Narrative: a human-readable summary of the resource, generated from its data (status
 * `generated`), as an XHTML `div` in the XHTML namespace with every value escaped.
 */
export interface FhirNarrative {
  readonly status: 'generated';
  readonly div: string;
}
/** FHIR HumanName. */
export interface FhirHumanName {
  readonly use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  readonly text?: string;
  readonly family?: string;
  readonly given?: readonly string[];
  readonly prefix?: readonly string[];
  readonly suffix?: readonly string[];
}

/** FHIR R4 Practitioner. */
export interface FhirPractitioner {
  readonly resourceType: 'Practitioner';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly identifier?: readonly FhirIdentifier[];
  readonly active: boolean;
  readonly name: readonly FhirHumanName[];
  readonly photo?: readonly {
    readonly url: string;
    readonly title?: string;
    readonly contentType?: string;
  }[];
  readonly qualification?: readonly {
    readonly extension?: readonly FhirExtension[];
    readonly identifier?: readonly FhirIdentifier[];
    readonly code: FhirCodeableConcept;
    readonly period?: FhirPeriod;
    readonly issuer?: FhirReference;
  }[];
  readonly communication?: readonly FhirCodeableConcept[];
}
/** FHIR R4 PractitionerRole. */
export interface FhirPractitionerRole {
  readonly resourceType: 'PractitionerRole';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly active: boolean;
  readonly practitioner: FhirReference;
  readonly organization: FhirReference;
  readonly code: readonly FhirCodeableConcept[];
  readonly specialty?: readonly FhirCodeableConcept[];
  readonly location: readonly FhirReference[];
  readonly healthcareService?: readonly FhirReference[];
  readonly telecom: readonly FhirContactPoint[];
  readonly extension?: readonly FhirExtension[];
}
/** FHIR R4 Organization. */
export interface FhirOrganization {
  readonly resourceType: 'Organization';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly identifier?: readonly FhirIdentifier[];
  readonly active: boolean;
  readonly type: readonly FhirCodeableConcept[];
  readonly name: string;
  readonly alias?: readonly string[];
  readonly telecom: readonly FhirContactPoint[];
  readonly address?: readonly FhirAddress[];
  readonly endpoint?: readonly FhirReference[];
}
/** FHIR R4 Location. */
export interface FhirLocation {
  readonly resourceType: 'Location';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly extension: readonly FhirExtension[];
  readonly status: 'active' | 'suspended' | 'inactive';
  readonly name: string;
  readonly type: readonly FhirCodeableConcept[];
  readonly telecom: readonly FhirContactPoint[];
  readonly address: FhirAddress;
  readonly position?: { readonly longitude: number; readonly latitude: number };
  readonly managingOrganization: FhirReference;
  readonly hoursOfOperation?: readonly {
    readonly daysOfWeek: readonly ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
    readonly allDay?: boolean;
    readonly openingTime?: string;
    readonly closingTime?: string;
  }[];
  readonly availabilityExceptions?: string;
}
/** FHIR R4 HealthcareService. */
export interface FhirHealthcareService {
  readonly resourceType: 'HealthcareService';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly active: boolean;
  readonly providedBy: FhirReference;
  readonly category: readonly FhirCodeableConcept[];
  readonly type: readonly FhirCodeableConcept[];
  readonly specialty: readonly FhirCodeableConcept[];
  readonly location: readonly FhirReference[];
  readonly name: string;
  readonly comment?: string;
  readonly telecom?: readonly FhirContactPoint[];
  readonly appointmentRequired: boolean;
}
/** FHIR R4 Endpoint: the practice's FHIR API, as Plan-Net describes one. */
export interface FhirEndpoint {
  readonly resourceType: 'Endpoint';
  readonly id: string;
  readonly meta: FhirMeta;
  readonly text: FhirNarrative;
  readonly status: 'active';
  readonly connectionType: FhirCoding;
  readonly name: string;
  readonly managingOrganization: FhirReference;
  readonly payloadType: readonly FhirCodeableConcept[];
  readonly payloadMimeType: readonly string[];
  readonly address: string;
}
/** The resources ptfx emits. */
export type FhirResource =
  | FhirPractitioner
  | FhirPractitionerRole
  | FhirOrganization
  | FhirLocation
  | FhirHealthcareService
  | FhirEndpoint;
/** FHIR R4 Bundle of ptfx resources. */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly id?: string;
  readonly type: 'collection' | 'searchset';
  readonly total?: number;
  readonly link?: readonly { readonly relation: string; readonly url: string }[];
  readonly entry: readonly {
    readonly fullUrl: string;
    readonly resource: FhirResource;
    readonly search?: { readonly mode: 'match' | 'include' };
  }[];
}
