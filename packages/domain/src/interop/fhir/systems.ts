/** FHIR code systems and identifier systems ptfx uses. */
export const FHIR_SYSTEMS = {
  /** CMS National Provider Identifier. */
  npi: 'http://hl7.org/fhir/sid/us-npi',
  /** NUCC Health Care Provider Taxonomy. */
  nucc: 'http://nucc.org/provider-taxonomy',
  /** HL7 v2 table 0360, degrees, licenses and certificates. */
  v20360: 'http://terminology.hl7.org/CodeSystem/v2-0360',
  /** The National Directory's FaCeT credential code system (has PT, PTA, DPT, which v2-0360 lacks). */
  facet: 'http://hl7.org/fhir/us/ndh/CodeSystem/FaCeT-credentialCS',
  /** ptfx's own code system for credentials neither of the above has (catalog ids). */
  ptfxCredential: 'https://ptfx.dev/fhir/CodeSystem/credential',
  /** AMA CPT. */
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** CMS HCPCS Level II. */
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  /** BCP 47 language tags. */
  bcp47: 'urn:ietf:bcp:47',
  /** USPS state codes, as Plan-Net uses them. */
  usps: 'https://www.usps.com/',
  /** The core extension that gives a Location its IANA time zone. */
  timezoneExtension: 'http://hl7.org/fhir/StructureDefinition/timezone',
  /** Plan-Net's provider roles (PractitionerRole.code is bound to them). */
  planNetProviderRole: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS',
  /** Plan-Net's organization types. */
  planNetOrgType: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS',
  /** Plan-Net's healthcare service categories (HealthcareService.category is bound to them). */
  planNetServiceCategory:
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/HealthcareServiceCategoryCS',
  /** Plan-Net's endpoint payload types. */
  planNetPayloadType:
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/EndpointPayloadTypeCS',
  /** HL7 endpoint connection types (`hl7-fhir-rest`). */
  endpointConnectionType: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
  /** HL7 v3 RoleCode: service delivery location types (`OF`, outpatient facility). */
  v3RoleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  /** ptfx's own identifier of a therapist without an NPI: the slug, unique within its practice. */
  ptfxTherapist: 'https://ptfx.dev/fhir/sid/therapist',
  /** Plan-Net's extension saying whether new patients are accepted. */
  planNetNewPatients:
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients',
  /** Plan-Net's codes for accepting patients. */
  planNetAcceptingPatients:
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS',
  /** Plan-Net's qualification extension (whereValid, status). */
  planNetQualification:
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/practitioner-qualification',
} as const;
