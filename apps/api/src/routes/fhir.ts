import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type FhirResource, fhirFullUrl } from '@ptfx/domain';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { publish } from '../http/fast-path.js';
import { responseHeaders } from '../http/public-headers.js';
import { CACHE, json, send } from '../http/representation.js';
import { cachingHeaders, notModified } from './shared.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** The resource types the FHIR endpoint serves. */
export const FHIR_TYPES = [
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'HealthcareService',
] as const;
type FhirType = (typeof FHIR_TYPES)[number];
const isFhirType = (t: string): t is FhirType => (FHIR_TYPES as readonly string[]).includes(t);
/** Types with a `name` search parameter in FHIR R4. */
const NAMED: readonly FhirType[] = [
  'Practitioner',
  'Organization',
  'Location',
  'HealthcareService',
];

const fhirContent = {
  [FHIR_JSON.split(';')[0] ?? 'application/fhir+json']: {
    schema: z.object({ resourceType: z.string() }).passthrough(),
  },
};

/** An OperationOutcome: FHIR's error body. */
function outcome(
  c: Context,
  status: 400 | 404,
  code: 'not-found' | 'not-supported' | 'invalid',
  diagnostics: string,
): Response {
  return new Response(
    JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code, diagnostics }],
    }),
    {
      status,
      headers: responseHeaders(c, { 'Content-Type': FHIR_JSON, 'Cache-Control': 'no-store' }),
    },
  );
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function names(r: FhirResource): string[] {
  switch (r.resourceType) {
    case 'Practitioner':
      return r.name.flatMap((n) => [n.text ?? '', n.family ?? '', ...(n.given ?? [])]);
    case 'Organization':
      return [r.name, ...(r.alias ?? [])];
    case 'Location':
    case 'HealthcareService':
      return [r.name];
    case 'PractitionerRole':
      return [];
    default: {
      const unhandled: never = r;
      throw new Error(`unhandled resource ${JSON.stringify(unhandled)}`);
    }
  }
}

function identifiers(r: FhirResource): { system?: string; value: string }[] {
  return r.resourceType === 'Practitioner' || r.resourceType === 'Organization'
    ? [...(r.identifier ?? [])]
    : [];
}

/** FHIR string search: any name part starts with the value, ignoring case and accents. */
function nameMatches(r: FhirResource, value: string): boolean {
  const wanted = fold(value);
  return names(r).some(
    (n) =>
      fold(n)
        .split(/\s+/)
        .some((part) => part.startsWith(wanted)) || fold(n).startsWith(wanted),
  );
}

/** FHIR token search: `system|value`, `|value` (no system) or `value` (any system). */
function identifierMatches(r: FhirResource, token: string): boolean {
  const bar = token.indexOf('|');
  const system = bar < 0 ? undefined : token.slice(0, bar);
  const value = bar < 0 ? token : token.slice(bar + 1);
  return identifiers(r).some(
    (i) =>
      i.value === value &&
      (system === undefined || (system === '' ? i.system === undefined : i.system === system)),
  );
}

const typeParam = z
  .string()
  .max(40)
  .openapi({
    param: { name: 'type', in: 'path' },
    example: 'Practitioner',
    description: FHIR_TYPES.join(', '),
  });

const metadata = createRoute({
  method: 'get',
  path: '/fhir/r4/metadata',
  summary: 'FHIR CapabilityStatement',
  tags: ['fhir'],
  responses: {
    200: {
      description: 'What this FHIR endpoint supports',
      content: fhirContent,
      headers: cachingHeaders,
    },
    304: notModified,
  },
});
const search = createRoute({
  method: 'get',
  path: '/fhir/r4/{type}',
  summary: 'FHIR search: a searchset Bundle (parameters _id, name, identifier)',
  tags: ['fhir'],
  request: {
    params: z.object({ type: typeParam }),
    query: z.object({
      _id: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'Resource id(s), comma-separated' }),
      name: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'Any name part starts with this (case and accents ignored)' }),
      identifier: z.string().max(200).optional().openapi({
        description: 'system|value, |value or value',
        example: 'http://hl7.org/fhir/sid/us-npi|1748392069',
      }),
    }),
  },
  responses: {
    200: { description: 'searchset Bundle', content: fhirContent, headers: cachingHeaders },
    304: notModified,
    404: { description: 'Unsupported resource type (OperationOutcome)', content: fhirContent },
  },
});
const read = createRoute({
  method: 'get',
  path: '/fhir/r4/{type}/{id}',
  summary: 'FHIR read',
  tags: ['fhir'],
  request: {
    params: z.object({
      type: typeParam,
      id: z
        .string()
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'mark-shulman' }),
    }),
  },
  responses: {
    200: { description: 'The resource', content: fhirContent, headers: cachingHeaders },
    304: notModified,
    404: { description: 'No such resource (OperationOutcome)', content: fhirContent },
  },
});

function capabilityStatement(deps: ApiDeps, date: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'ptfx' },
    implementation: { description: 'ptfx clinic directory', url: `${deps.config.baseUrl}/fhir/r4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        resource: FHIR_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [
            { name: '_id', type: 'token' },
            ...(NAMED.includes(type) ? [{ name: 'name', type: 'string' }] : []),
            ...(type === 'Practitioner' || type === 'Organization'
              ? [{ name: 'identifier', type: 'token' }]
              : []),
          ],
        })),
      },
    ],
  };
}

/** FHIR R4 read, search and metadata under `/fhir/r4`; errors are OperationOutcomes, as FHIR clients expect. */
export function fhirRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  const base = `${deps.config.baseUrl}/fhir/r4`;
  return app
    .openapi(metadata, (c) =>
      send(
        c,
        json(
          capabilityStatement(deps, c.var.snapshot.loadedAt.toISOString()),
          CACHE.facts,
          FHIR_JSON,
        ),
      ),
    )
    .openapi(search, (c) => {
      const { type } = c.req.valid('param');
      if (!isFhirType(type))
        return outcome(
          c,
          404,
          'not-supported',
          `resource type "${type.slice(0, 40)}" is not served; see /fhir/r4/metadata`,
        );
      const q = c.req.valid('query');
      const ids = q._id?.split(',').map((s) => s.trim());
      const matches = c.var.snapshot.fhir.filter(
        (r) =>
          r.resourceType === type &&
          (ids === undefined || ids.includes(r.id)) &&
          (q.name === undefined || !NAMED.includes(type) || nameMatches(r, q.name)) &&
          (q.identifier === undefined || identifierMatches(r, q.identifier)),
      );
      const self = `${base}/${type}${new URL(c.req.url).search}`;
      const bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        total: matches.length,
        link: [{ relation: 'self', url: self }],
        entry: matches.map((resource) => ({
          fullUrl: fhirFullUrl(base, resource),
          resource,
          search: { mode: 'match' },
        })),
      };
      return send(c, json(bundle, CACHE.facts, FHIR_JSON));
    })
    .openapi(read, (c) => {
      const { type, id } = c.req.valid('param');
      if (!isFhirType(type))
        return outcome(
          c,
          404,
          'not-supported',
          `resource type "${type.slice(0, 40)}" is not served; see /fhir/r4/metadata`,
        );
      const rep = c.var.snapshot.rep(`fhir:${type}/${id}`);
      if (!rep) return outcome(c, 404, 'not-found', `no ${type} has the id "${id.slice(0, 64)}"`);
      return publish(c, rep);
    });
}
