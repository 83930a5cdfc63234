// The FHIR routes' schemas in the OpenAPI document. They describe; the search engine validates
// (the parameters are read from the URL and form in order, with their modifiers).
import { z } from '@hono/zod-openapi';
import {
  FHIR_RESULT_PARAMS,
  FHIR_SEARCH_PARAMS,
  FHIR_SEARCH_TYPES,
  type FhirSearchParam,
} from '../fhir/search-params.js';

/** A FHIR resource, as the document shows it: its type and id, and the rest of it. */
export const ResourceSchema = z
  .looseObject({
    resourceType: z.string().describe('Practitioner, PractitionerRole, Organization, …'),
    id: z.string().optional(),
  })
  .openapi('FhirResource', {
    description: 'A FHIR R4 resource conforming to its Da Vinci PDex Plan-Net 1.2.0 profile',
  });

/** A searchset Bundle. */
export const BundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().describe('How many resources match (all pages)'),
    link: z
      .array(z.object({ relation: z.string(), url: z.string() }))
      .describe('self (what was applied), first, previous, next, last'),
    entry: z
      .array(
        z.object({
          fullUrl: z.string().optional(),
          resource: ResourceSchema,
          search: z.looseObject({ mode: z.enum(['match', 'include', 'outcome']) }),
        }),
      )
      .optional()
      .describe('Matches, then included resources, then an OperationOutcome of ignored parameters'),
  })
  .openapi('FhirSearchBundle', { description: 'A FHIR R4 searchset Bundle' });

/** The CapabilityStatement, as far as a client needs its shape. */
export const CapabilityStatementSchema = z
  .looseObject({
    resourceType: z.literal('CapabilityStatement'),
    fhirVersion: z.literal('4.0.1'),
    format: z.array(z.string()),
    rest: z.array(z.looseObject({ mode: z.literal('server') })),
  })
  .openapi('CapabilityStatement', {
    description: 'FHIR R4 CapabilityStatement: profiles, interactions and search parameters',
  });

/** `_format`: FHIR JSON only. */
export const FormatSchema = z.string().optional().openapi({
  description:
    'json, application/json or application/fhir+json; anything else (xml, …) gets 406. Overrides Accept.',
  example: 'json',
});

/** `_pretty`: FHIR's general parameter for indented JSON. */
export const PrettySchema = z.string().optional().openapi({
  description: 'true: the JSON indented, for reading; false (the default): compact',
  example: 'true',
});

/** One search parameter's value: one, or several for a repeated name (AND). */
const searchValue = z.union([z.string(), z.array(z.string())]);

/**
 * The description of a parameter name: what it matches for each type that has it (the first
 * clause of its documentation; all of it for `near`), its FHIR type and its modifiers.
 */
function describe(name: string, params: readonly (readonly [string, FhirSearchParam])[]): string {
  const what = new Map<string, string[]>();
  for (const [type, p] of params) {
    // A special parameter's whole documentation: it is where its value's format is.
    const clause =
      p.type === 'special' ? p.documentation : (p.documentation.split(': ')[0] ?? p.documentation);
    what.set(clause, [...(what.get(clause) ?? []), type]);
  }
  const parts = [...what].map(([clause, types]) => `${types.join(', ')}: ${clause}`);
  const kinds = [...new Set(params.map(([, p]) => p.type))].join(' or ');
  const modifiers = [...new Set(params.flatMap(([, p]) => p.modifiers))];
  const modifierText =
    modifiers.length > 0 ? `; modifiers ${modifiers.map((m) => `${name}:${m}`).join(', ')}` : '';
  return `${parts.join('. ')} (${kinds}${modifierText})`;
}

function searchQueryShape() {
  const byName = new Map<string, [string, FhirSearchParam][]>();
  for (const type of FHIR_SEARCH_TYPES)
    for (const p of FHIR_SEARCH_PARAMS[type])
      byName.set(p.name, [...(byName.get(p.name) ?? []), [type, p]]);
  const shape: Record<string, z.ZodOptional<typeof searchValue> | typeof FormatSchema> = {};
  for (const [name, params] of byName)
    shape[name] = searchValue.optional().openapi({ description: describe(name, params) });
  for (const p of FHIR_RESULT_PARAMS)
    shape[p.name] = searchValue.optional().openapi({ description: p.documentation });
  shape._format = FormatSchema;
  shape._pretty = PrettySchema;
  return shape;
}

/**
 * Every search parameter of every type, and the result parameters, as the query (and form body)
 * of a search: a value, or an array for a repeated name. Modifiers (`name:exact`) and parameters
 * a type lacks are the search engine's to judge, not the schema's.
 */
export const SearchQuerySchema = z.object(searchQueryShape());

/** The form body example of `POST /fhir/r4/{type}/_search` (for Practitioner). */
export const FHIR_SEARCH_BODY_EXAMPLE = { family: 'shulman', _count: '1' };
