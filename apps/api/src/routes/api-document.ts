/**
 * What the OpenAPI document says about the API as a whole, beside what the routes say about
 * themselves: who answers for it, under what licence, and what each tag groups. A generated
 * client or a reference page shows these; Redocly's recommended ruleset asks for them.
 */

/** Who to ask about the API: the ptfx authors, through the project's issue tracker. */
export const API_CONTACT = {
  name: 'The ptfx authors',
  url: 'https://github.com/ptfx/ptfx/issues',
} as const;

/** The API's licence (the project's, MIT), by its SPDX identifier. */
export const API_LICENSE = { name: 'MIT', identifier: 'MIT' } as const;

/**
 * Every tag an operation carries, in the order a reference page lists them, each with what it
 * groups. A route with a tag missing here fails the OpenAPI lint test.
 */
export const API_TAGS = [
  {
    name: 'clinic',
    description:
      'The practice: its organisation, contact details, locations, programs and booking path',
  },
  {
    name: 'locations',
    description: 'Each location, its opening hours and whether it is open at a given instant',
  },
  {
    name: 'therapists',
    description:
      'The therapists, filtered by location, treatment, credential or language, each with the lint of the credentials they list',
  },
  {
    name: 'care',
    description: 'The treatments the practice offers and the conditions they address',
  },
  { name: 'content', description: 'The practice’s articles, with their read time' },
  {
    name: 'credentials',
    description:
      'The credential catalog, and a linter for credential listings (APTA order and state title rules)',
  },
  {
    name: 'projections',
    description: 'The practice in other formats: schema.org JSON-LD and vCard 4.0',
  },
  {
    name: 'fhir',
    description:
      'A read-only FHIR R4 server (Da Vinci PDex Plan-Net profiles) under /fhir/r4: CapabilityStatement, search and read; errors are OperationOutcomes',
  },
  {
    name: 'intake',
    description:
      'Consultation requests from the public (the website’s booking form), idempotent and rate limited',
  },
  {
    name: 'staff',
    description:
      'The practice’s staff (a bearer token): consultation requests, the audit log and webhook deliveries. Never cached',
  },
  { name: 'health', description: 'Liveness and readiness, for a load balancer or orchestrator' },
  {
    name: 'docs',
    description: 'This OpenAPI document and the API reference page rendered from it',
  },
];
