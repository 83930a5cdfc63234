// The FHIR search parameters this server supports, one table for the search engine, the
// CapabilityStatement and the API README. Names, types and expressions are FHIR R4's (and
// Da Vinci PDex Plan-Net 1.2.0's, which derive from them).

/** The resource types the FHIR search serves. */
export const FHIR_SEARCH_TYPES = [
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'HealthcareService',
  'Endpoint',
] as const;
/** A resource type the FHIR search serves. */
export type FhirSearchType = (typeof FHIR_SEARCH_TYPES)[number];

/** Whether `type` is one of {@link FHIR_SEARCH_TYPES}. */
export function isFhirSearchType(type: string): type is FhirSearchType {
  return (FHIR_SEARCH_TYPES as readonly string[]).includes(type);
}

/** The FHIR search parameter types this server implements. */
export type FhirSearchParamType = 'string' | 'token' | 'reference' | 'special';

/** One supported search parameter of one resource type. */
export interface FhirSearchParam {
  /** The parameter's name in the query, e.g. `family`. */
  readonly name: string;
  /** Its FHIR search type. */
  readonly type: FhirSearchParamType;
  /** The canonical URL of the R4 SearchParameter it implements. */
  readonly definition: string;
  /** The FHIRPath expression of the values it matches, e.g. `Practitioner.name.family`. */
  readonly expression: string;
  /** The modifiers it accepts, without the colon (a reference also takes `:[type]` of its targets). */
  readonly modifiers: readonly string[];
  /** For a reference: the resource types it can point to. */
  readonly targets?: readonly FhirSearchType[];
  /** Whether `_sort` accepts it. */
  readonly sortable: boolean;
  /** What it matches, in a sentence (the CapabilityStatement's `documentation`). */
  readonly documentation: string;
}

const R4 = 'http://hl7.org/fhir/SearchParameter/';
const STRING_MODIFIERS = ['exact', 'contains', 'missing'] as const;
const TOKEN_MODIFIERS = ['text', 'not', 'missing'] as const;
const REFERENCE_MODIFIERS = ['missing'] as const;

const STRING_DOC =
  'starts with the value, ignoring case and accents; :exact matches the whole value as written, :contains matches anywhere';
const TOKEN_DOC = 'system|code, |code (no system), system| (any code) or code (any system)';

function text(name: string, definition: string, expression: string, what: string): FhirSearchParam {
  return {
    name,
    type: 'string',
    definition: `${R4}${definition}`,
    expression,
    modifiers: STRING_MODIFIERS,
    sortable: true,
    documentation: `${what}: ${STRING_DOC}`,
  };
}
function token(
  name: string,
  definition: string,
  expression: string,
  what: string,
): FhirSearchParam {
  return {
    name,
    type: 'token',
    definition: `${R4}${definition}`,
    expression,
    modifiers: TOKEN_MODIFIERS,
    sortable: true,
    documentation: `${what}: ${TOKEN_DOC}; :text matches the text or display (starts with, case and accents ignored), :not excludes`,
  };
}
function reference(
  name: string,
  definition: string,
  expression: string,
  target: FhirSearchType,
): FhirSearchParam {
  return {
    name,
    type: 'reference',
    definition: `${R4}${definition}`,
    expression,
    modifiers: REFERENCE_MODIFIERS,
    targets: [target],
    sortable: false,
    documentation: `The ${target} referred to: ${target}/[id], [id], the absolute URL under this base, or [id] with the :${target} modifier`,
  };
}
const id: FhirSearchParam = {
  name: '_id',
  type: 'token',
  definition: `${R4}Resource-id`,
  expression: 'Resource.id',
  modifiers: ['not'],
  sortable: true,
  documentation: 'The logical id of the resource (exact, case-sensitive)',
};

/** The unit codes `near` accepts, with their length in kilometres. */
export const NEAR_UNITS: Readonly<Record<string, number>> = {
  km: 1,
  m: 0.001,
  mi: 1.609344,
  '[mi_i]': 1.609344,
};
/** The distance `near` uses when the value gives none, in kilometres. */
export const NEAR_DEFAULT_KM = 50;

/** The search parameters of each resource type, in the order the CapabilityStatement lists them. */
export const FHIR_SEARCH_PARAMS: Readonly<Record<FhirSearchType, readonly FhirSearchParam[]>> = {
  Practitioner: [
    id,
    text(
      'name',
      'Practitioner-name',
      'Practitioner.name',
      'Any part of a name (text, family, given, prefix, suffix)',
    ),
    text('family', 'individual-family', 'Practitioner.name.family', 'A family name'),
    text('given', 'individual-given', 'Practitioner.name.given', 'A given name'),
    token(
      'identifier',
      'Practitioner-identifier',
      'Practitioner.identifier',
      'An identifier (e.g. the NPI)',
    ),
  ],
  PractitionerRole: [
    id,
    reference(
      'practitioner',
      'PractitionerRole-practitioner',
      'PractitionerRole.practitioner',
      'Practitioner',
    ),
    reference('location', 'PractitionerRole-location', 'PractitionerRole.location', 'Location'),
    reference(
      'organization',
      'PractitionerRole-organization',
      'PractitionerRole.organization',
      'Organization',
    ),
    reference(
      'service',
      'PractitionerRole-service',
      'PractitionerRole.healthcareService',
      'HealthcareService',
    ),
    token('role', 'PractitionerRole-role', 'PractitionerRole.code', 'A role code'),
    token(
      'specialty',
      'PractitionerRole-specialty',
      'PractitionerRole.specialty',
      'A specialty code',
    ),
  ],
  Organization: [
    id,
    text(
      'name',
      'Organization-name',
      'Organization.name | Organization.alias',
      'The name or an alias',
    ),
    token(
      'identifier',
      'Organization-identifier',
      'Organization.identifier',
      'An identifier (e.g. the NPI)',
    ),
    token('type', 'Organization-type', 'Organization.type', 'A type code'),
  ],
  Location: [
    id,
    text('name', 'Location-name', 'Location.name | Location.alias', 'The name or an alias'),
    text('address-city', 'Location-address-city', 'Location.address.city', 'The city'),
    text('address-state', 'Location-address-state', 'Location.address.state', 'The state'),
    text(
      'address-postalcode',
      'Location-address-postalcode',
      'Location.address.postalCode',
      'The postal code',
    ),
    reference(
      'organization',
      'Location-organization',
      'Location.managingOrganization',
      'Organization',
    ),
    token('type', 'Location-type', 'Location.type', 'A type code'),
    {
      name: 'near',
      type: 'special',
      definition: `${R4}Location-near`,
      expression: 'Location.position',
      modifiers: [],
      sortable: false,
      documentation: `Within a distance of a point: [latitude]|[longitude]|[distance]|[units] (WGS84 degrees; units km, m, mi or [mi_i], km when omitted; ${NEAR_DEFAULT_KM} km when no distance is given); only Locations with a position match`,
    },
  ],
  HealthcareService: [
    id,
    text('name', 'HealthcareService-name', 'HealthcareService.name', 'The name'),
    token(
      'service-category',
      'HealthcareService-service-category',
      'HealthcareService.category',
      'A category code',
    ),
    token(
      'service-type',
      'HealthcareService-service-type',
      'HealthcareService.type',
      'A type code',
    ),
    token(
      'specialty',
      'HealthcareService-specialty',
      'HealthcareService.specialty',
      'A specialty code',
    ),
    reference('location', 'HealthcareService-location', 'HealthcareService.location', 'Location'),
    reference(
      'organization',
      'HealthcareService-organization',
      'HealthcareService.providedBy',
      'Organization',
    ),
  ],
  Endpoint: [
    id,
    reference(
      'organization',
      'Endpoint-organization',
      'Endpoint.managingOrganization',
      'Organization',
    ),
  ],
};

/** The search parameter `name` of `type`, or `undefined` when this server does not support it. */
export function fhirSearchParam(type: FhirSearchType, name: string): FhirSearchParam | undefined {
  return FHIR_SEARCH_PARAMS[type].find((p) => p.name === name);
}

/** The `_include` values a search of `type` accepts: `[type]:[reference parameter]`, and `[type]:*`. */
export function fhirSearchIncludes(type: FhirSearchType): string[] {
  const refs = FHIR_SEARCH_PARAMS[type].filter((p) => p.type === 'reference');
  return refs.length === 0 ? [] : [...refs.map((p) => `${type}:${p.name}`), `${type}:*`];
}

/** The `_revinclude` values a search of `type` accepts: every reference parameter that can point to `type`. */
export function fhirSearchRevIncludes(type: FhirSearchType): string[] {
  return FHIR_SEARCH_TYPES.flatMap((source) =>
    FHIR_SEARCH_PARAMS[source]
      .filter((p) => p.type === 'reference' && p.targets?.includes(type))
      .map((p) => `${source}:${p.name}`),
  );
}

/** The page size when `_count` is not given. */
export const FHIR_DEFAULT_COUNT = 20;
/** The largest page size; a larger `_count` is lowered to it. */
export const FHIR_MAX_COUNT = 100;

/** The result parameters the search supports (for every type), with what they do. */
export const FHIR_RESULT_PARAMS: readonly {
  readonly name: string;
  readonly documentation: string;
}[] = [
  {
    name: '_count',
    documentation: `Page size, 0 to ${FHIR_MAX_COUNT} (default ${FHIR_DEFAULT_COUNT}; more is lowered to ${FHIR_MAX_COUNT}); 0 is _summary=count`,
  },
  { name: '_offset', documentation: 'How many matches to skip (the paging links set it)' },
  {
    name: '_sort',
    documentation:
      'Comma-separated parameters to sort by, - before one for descending: the string and token ones and _id (not references or near)',
  },
  {
    name: '_summary',
    documentation:
      'true (the summary elements), false, text, data or count; the matches returned in part are marked SUBSETTED',
  },
  {
    name: '_elements',
    documentation:
      'Comma-separated top-level elements of the matches to return (id, meta and the elements base R4 requires always; a Plan-Net profile’s own required ones only when listed), marked SUBSETTED',
  },
  {
    name: '_total',
    documentation: 'none, estimate or accurate: Bundle.total is always the exact number of matches',
  },
  {
    name: '_include',
    documentation: 'Also return the resources a match refers to (search.mode include)',
  },
  {
    name: '_revinclude',
    documentation: 'Also return the resources that refer to a match (search.mode include)',
  },
];

/**
 * A resource type's search capabilities in CapabilityStatement form
 * (`rest.resource.searchParam`, `searchInclude`, `searchRevInclude`); the modifiers go in each
 * parameter's `documentation`, as R4 has no element for them.
 */
export function fhirCapabilitySearch(type: FhirSearchType) {
  return {
    searchInclude: fhirSearchIncludes(type),
    searchRevInclude: fhirSearchRevIncludes(type),
    searchParam: FHIR_SEARCH_PARAMS[type].map((p) => ({
      name: p.name,
      definition: p.definition,
      type: p.type,
      documentation:
        p.modifiers.length === 0
          ? p.documentation
          : `${p.documentation}. Modifiers: ${p.modifiers.map((m) => `:${m}`).join(', ')}`,
    })),
  };
}
