const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition';

/**
 * The Da Vinci PDex Plan-Net 1.2.0 profile each resource type ptfx emits conforms to, by
 * `resourceType`: what every resource's `meta.profile` names and what a CapabilityStatement
 * declares as `rest.resource.supportedProfile`.
 *
 * @example
 * FHIR_PROFILES.Practitioner;
 * // 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Practitioner'
 */
export const FHIR_PROFILES = {
  Organization: `${PLAN_NET}/plannet-Organization`,
  Location: `${PLAN_NET}/plannet-Location`,
  Practitioner: `${PLAN_NET}/plannet-Practitioner`,
  PractitionerRole: `${PLAN_NET}/plannet-PractitionerRole`,
  HealthcareService: `${PLAN_NET}/plannet-HealthcareService`,
  Endpoint: `${PLAN_NET}/plannet-Endpoint`,
} as const;
