// `_summary` and `_elements`: returning part of each resource, marked SUBSETTED (R4 search
// search.html#summary, #elements). The summary and mandatory elements are R4's (StructureDefinition `isSummary`
// and `min` ≥ 1 of the top-level elements).
import type { FhirSearchType } from './search-params.js';
import type { FhirSearchResource } from './values.js';

/** The `_summary` values the search supports (R4's full list). */
export const SUMMARY_MODES = ['true', 'false', 'text', 'data', 'count'] as const;
/** A `_summary` value. */
export type SummaryMode = (typeof SUMMARY_MODES)[number];

const SUMMARY: Readonly<Record<FhirSearchType, readonly string[]>> = {
  Practitioner: ['identifier', 'active', 'name', 'telecom', 'address', 'gender', 'birthDate'],
  PractitionerRole: [
    'identifier',
    'active',
    'period',
    'practitioner',
    'organization',
    'code',
    'specialty',
    'location',
    'telecom',
  ],
  Organization: ['identifier', 'active', 'type', 'name', 'partOf'],
  Location: [
    'identifier',
    'status',
    'operationalStatus',
    'name',
    'description',
    'mode',
    'type',
    'physicalType',
    'managingOrganization',
  ],
  HealthcareService: [
    'identifier',
    'active',
    'providedBy',
    'category',
    'type',
    'specialty',
    'location',
    'name',
    'comment',
    'photo',
  ],
  Endpoint: [
    'identifier',
    'status',
    'connectionType',
    'name',
    'managingOrganization',
    'period',
    'payloadType',
    'payloadMimeType',
    'address',
  ],
};
const MANDATORY: Readonly<Record<FhirSearchType, readonly string[]>> = {
  Practitioner: [],
  PractitionerRole: [],
  Organization: [],
  Location: [],
  HealthcareService: [],
  Endpoint: ['status', 'connectionType', 'payloadType', 'address'],
};
// Every resource keeps these, whatever is asked.
const ALWAYS = ['resourceType', 'id', 'meta', 'implicitRules', 'modifierExtension'];

/** The tag R4 asks for on a resource that is returned in part. */
export const SUBSETTED = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'SUBSETTED',
  display: 'subsetted',
} as const;

/** The top-level elements kept: `undefined` for the whole resource. */
export function keptElements(
  type: FhirSearchType,
  summary: SummaryMode | undefined,
  elements: readonly string[] | undefined,
): ((key: string) => boolean) | undefined {
  if (elements !== undefined) {
    const keep = new Set([...ALWAYS, ...MANDATORY[type], ...elements]);
    return (key) => keep.has(key);
  }
  switch (summary) {
    case undefined:
    case 'false':
    case 'count':
      return undefined;
    case 'true': {
      const keep = new Set([...ALWAYS, ...SUMMARY[type]]);
      return (key) => keep.has(key);
    }
    case 'text': {
      const keep = new Set([...ALWAYS, 'text', ...MANDATORY[type]]);
      return (key) => keep.has(key);
    }
    case 'data':
      return (key) => key !== 'text';
    default: {
      const unhandled: never = summary;
      throw new Error(`unhandled _summary ${String(unhandled)}`);
    }
  }
}

/** A copy of `resource` with only the kept top-level elements and the SUBSETTED tag in `meta`. */
export function subset(
  resource: FhirSearchResource,
  keep: (key: string) => boolean,
): FhirSearchResource {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) if (keep(key)) copy[key] = value;
  const meta: unknown = copy.meta;
  const base = typeof meta === 'object' && meta !== null ? meta : {};
  const tags: unknown = Object.getOwnPropertyDescriptor(base, 'tag')?.value;
  copy.meta = { ...base, tag: [...(Array.isArray(tags) ? tags : []), SUBSETTED] };
  return { ...copy, resourceType: resource.resourceType, id: resource.id };
}
