import { createRoute, type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { fhirFullUrl } from '@ptfx/domain';
import type { Context, MiddlewareHandler, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { fhirSearch } from '../fhir/search.js';
import {
  FHIR_DEFAULT_COUNT,
  FHIR_MAX_COUNT,
  FHIR_SEARCH_TYPES,
  isFhirSearchType,
} from '../fhir/search-params.js';
import { publish } from '../http/fast-path.js';
import { requestHeader } from '../http/node-request.js';
import { CACHE, Representation, send } from '../http/representation.js';
import { capabilityStatement } from './fhir-capability.js';
import { acceptsFhirJson, formatRefusal, preferredHandling, prettyOf } from './fhir-negotiation.js';
import {
  BundleSchema,
  CapabilityStatementSchema,
  FHIR_SEARCH_BODY_EXAMPLE,
  FormatSchema,
  PrettySchema,
  ResourceSchema,
  SearchQuerySchema,
} from './fhir-openapi.js';
import {
  FHIR_BASE_PATH,
  FHIR_JSON,
  FHIR_READ_HEADERS,
  FHIR_SEARCH_HEADERS,
  fhirError,
  fhirOutcome,
  outcomeResponse,
} from './fhir-outcome.js';
import { cachingHeaders, notModified, REQUEST_ERRORS } from './shared.js';

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

const fhirContent = <T extends z.ZodType>(schema: T) => ({
  'application/fhir+json': { schema },
});

const TYPES = FHIR_SEARCH_TYPES.join(', ');
const typeParam = z
  .string()
  .max(40)
  .openapi({
    param: { name: 'type', in: 'path' },
    example: 'Practitioner',
    enum: [...FHIR_SEARCH_TYPES],
    description: `The resource type: ${TYPES} (another gets 404)`,
  });
/** What every FHIR operation can answer besides its own statuses: REQUEST_ERRORS, as outcomes. */
const FHIR_REQUEST_ERRORS = {
  406: outcomeResponse('_format or Accept asks for something other than FHIR JSON (XML, …)'),
  414: outcomeResponse(REQUEST_ERRORS[414].description),
  431: outcomeResponse(REQUEST_ERRORS[431].description),
  500: outcomeResponse(REQUEST_ERRORS[500].description),
};
const SEARCH_DESCRIPTION = `FHIR R4 search (https://hl7.org/fhir/R4/search.html) over ${TYPES}: each type's parameters are listed in /fhir/r4/metadata and the API README. Strings match from the start, ignoring case and accents (:exact, :contains); tokens take system|code, |code, system| or code (:text, :not); references Type/id or id; a comma is OR, a repeated parameter AND; :missing=true|false. Pages of ${FHIR_DEFAULT_COUNT} (_count up to ${FHIR_MAX_COUNT}) with next/previous links. Unknown or unsupported parameters are ignored and reported in an OperationOutcome entry; send Prefer: handling=strict for a 400 instead.`;

const metadata = createRoute({
  method: 'get',
  path: '/fhir/r4/metadata',
  operationId: 'fhirCapabilities',
  summary: 'FHIR CapabilityStatement',
  description:
    'What this FHIR server supports: Plan-Net profiles, interactions, search parameters and includes per resource type.',
  tags: ['fhir'],
  security: [],
  request: { query: z.object({ _format: FormatSchema, _pretty: PrettySchema }) },
  responses: {
    200: {
      description: 'The CapabilityStatement',
      content: fhirContent(CapabilityStatementSchema),
      headers: cachingHeaders,
    },
    304: notModified,
    400: outcomeResponse('_format repeats, or _pretty is not true or false'),
    ...FHIR_REQUEST_ERRORS,
  },
});
const search = createRoute({
  method: 'get',
  path: '/fhir/r4/{type}',
  operationId: 'fhirSearch',
  summary: 'FHIR search: a searchset Bundle',
  description: SEARCH_DESCRIPTION,
  tags: ['fhir'],
  security: [],
  request: {
    params: z.object({ type: typeParam }),
    query: SearchQuerySchema,
    headers: z.object({
      prefer: z.string().optional().openapi({
        example: 'handling=strict',
        description: 'handling=strict: unknown or unsupported parameters get a 400',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The matches, a page at a time',
      content: fhirContent(BundleSchema),
      headers: cachingHeaders,
    },
    304: notModified,
    400: outcomeResponse('A malformed value, or an unsupported parameter under handling=strict'),
    404: outcomeResponse('The resource type is not served'),
    ...FHIR_REQUEST_ERRORS,
  },
});
/**
 * Typed as any route's responses: every answer of this route has a body, and the handler sends
 * them itself (an OperationOutcome, a Bundle), not through Hono's typed `c.json`.
 */
const SEARCH_POST_RESPONSES: RouteConfig['responses'] = {
  200: { description: 'The matches, a page at a time', content: fhirContent(BundleSchema) },
  400: outcomeResponse('A malformed value, or an unsupported parameter under handling=strict'),
  404: outcomeResponse('The resource type is not served'),
  413: outcomeResponse('The body is over the configured limit'),
  415: outcomeResponse('The body is not application/x-www-form-urlencoded'),
  ...FHIR_REQUEST_ERRORS,
};
const searchPost = createRoute({
  method: 'post',
  path: '/fhir/r4/{type}/_search',
  operationId: 'fhirSearchPost',
  summary: 'FHIR search with the parameters in a form body',
  description: `${SEARCH_DESCRIPTION} The body's parameters are added to the query's. Never cached.`,
  tags: ['fhir'],
  security: [],
  request: {
    params: z.object({ type: typeParam }),
    query: SearchQuerySchema,
    headers: search.request.headers,
    body: {
      required: false,
      content: {
        'application/x-www-form-urlencoded': {
          schema: SearchQuerySchema,
          example: FHIR_SEARCH_BODY_EXAMPLE,
        },
      },
    },
  },
  responses: SEARCH_POST_RESPONSES,
});
const read = createRoute({
  method: 'get',
  path: '/fhir/r4/{type}/{id}',
  operationId: 'fhirRead',
  summary: 'FHIR read',
  tags: ['fhir'],
  security: [],
  request: {
    params: z.object({
      type: typeParam,
      id: z
        .string()
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'mark-shulman' }),
    }),
    query: z.object({ _format: FormatSchema, _pretty: PrettySchema }),
  },
  responses: {
    200: {
      description: 'The resource',
      content: fhirContent(ResourceSchema),
      headers: cachingHeaders,
    },
    304: notModified,
    400: outcomeResponse(
      'The type or id is too long (over 40 or 64 characters), _format repeats, or _pretty is not true or false',
    ),
    404: outcomeResponse('No such resource, or the resource type is not served'),
    405: outcomeResponse('The id is _search: [type]/_search takes POST (Allow says so)'),
    ...FHIR_REQUEST_ERRORS,
  },
});

/** A published FHIR answer fits a later request only if that request accepts FHIR JSON. */
const fitsFhir = (header: (name: string) => string | undefined) =>
  acceptsFhirJson(header('accept'));

/**
 * `POST [type]/_search` takes a form, or no body at all: anything else is a 415, before the
 * route's validators look at it.
 */
const formOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const contentType = requestHeader(c, 'content-type');
  const form =
    contentType === undefined ? (await c.req.text()) === '' : FORM.test(contentType.trim());
  if (form) return next();
  return fhirError(
    c,
    415,
    'not-supported',
    `send the search parameters as application/x-www-form-urlencoded, not "${contentType?.slice(0, 100) ?? 'a body without Content-Type'}"`,
  );
};

/** The 406 for a request that wants no FHIR JSON, or undefined when it may have it. */
function notAcceptable(c: Context, format: string | undefined): Response | undefined {
  const refusal = formatRefusal(format, requestHeader(c, 'accept'));
  return refusal === undefined ? undefined : fhirError(c, 406, 'not-supported', refusal);
}

/** `_pretty` of a request (FHIR's general parameter), or the 400 that says what is wrong. */
function prettyOrRefusal(c: Context, values: readonly string[]): boolean | Response {
  if (values.length > 1) return fhirError(c, 400, 'invalid', '_pretty repeats: give it once');
  const pretty = prettyOf(values[0]);
  return typeof pretty === 'boolean' ? pretty : fhirError(c, 400, 'invalid', pretty.invalid);
}

/** A FHIR JSON answer, indented when `_pretty=true` asked for it. */
function fhirJson(
  value: unknown,
  cacheControl: string,
  headers: Readonly<Record<string, string>> | undefined,
  pretty: boolean,
): Representation {
  return new Representation(
    JSON.stringify(value, null, pretty ? 2 : undefined),
    FHIR_JSON,
    cacheControl,
    headers,
  );
}

/** The 404 for a resource type this server does not serve. */
function unsupportedType(c: Context, type: string): Response {
  return fhirError(
    c,
    404,
    'not-supported',
    `resource type "${type.slice(0, 40)}" is not served here (${TYPES}); see ${FHIR_BASE_PATH}/metadata`,
  );
}

/**
 * FHIR R4 under `/fhir/r4`: the CapabilityStatement, read, and search by GET and by
 * `POST [type]/_search`, FHIR JSON only (406 otherwise); errors are OperationOutcomes, as FHIR
 * clients expect (the app's own 404, 405, 413, 414, 415, 431 and 500 too: see fhir-outcome.ts).
 */
export function fhirRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  const base = `${deps.config.baseUrl}${FHIR_BASE_PATH}`;

  const answerSearch = (
    c: Context<ApiEnv>,
    type: string,
    params: [string, string][],
    method: 'GET' | 'POST',
  ): Response => {
    const refused = notAcceptable(c, params.find(([name]) => name === '_format')?.[1]);
    if (refused) return refused;
    if (!isFhirSearchType(type)) return unsupportedType(c, type);
    const pretty = prettyOrRefusal(
      c,
      params.filter(([name]) => name === '_pretty').map(([, value]) => value),
    );
    if (pretty instanceof Response) return pretty;
    // Licence statuses are as of the clinic's date: the answers are kept for that date only.
    const today = c.var.snapshot.today(deps.clock());
    const result = fhirSearch(c.var.snapshot.fhir(today).resources, {
      type,
      params,
      handling: preferredHandling(requestHeader(c, 'prefer')),
      base,
      fullUrl: fhirFullUrl,
    });
    if (result.status === 400) return fhirOutcome(c, 400, result.outcome.issue);
    if (method === 'POST') return send(c, fhirJson(result.bundle, CACHE.none, undefined, pretty));
    const rep = fhirJson(result.bundle, CACHE.facts, FHIR_SEARCH_HEADERS, pretty);
    // An answer that reports ignored parameters would be a 400 under handling=strict: not kept.
    const reported = result.bundle.entry?.some((e) => e.search.mode === 'outcome') ?? false;
    return reported ? send(c, rep) : publish(c, rep, today, fitsFhir);
  };

  return app
    .openapi(metadata, (c) => {
      const query = c.req.valid('query');
      const refused = notAcceptable(c, query._format);
      if (refused) return refused;
      const pretty = prettyOrRefusal(c, query._pretty === undefined ? [] : [query._pretty]);
      if (pretty instanceof Response) return pretty;
      const statement = capabilityStatement(base, c.var.snapshot.loadedAt.toISOString());
      return publish(
        c,
        fhirJson(statement, CACHE.facts, FHIR_READ_HEADERS, pretty),
        null,
        fitsFhir,
      );
    })
    .openapi(search, (c) =>
      answerSearch(c, c.req.valid('param').type, [...new URL(c.req.url).searchParams], 'GET'),
    )
    .openapi({ ...searchPost, middleware: [formOnly] }, async (c) => {
      const { type } = c.req.valid('param');
      const body = new URLSearchParams(await c.req.text());
      return answerSearch(c, type, [...new URL(c.req.url).searchParams, ...body], 'POST');
    })
    .openapi(read, (c) => {
      const query = c.req.valid('query');
      const refused = notAcceptable(c, query._format);
      if (refused) return refused;
      const pretty = prettyOrRefusal(c, query._pretty === undefined ? [] : [query._pretty]);
      if (pretty instanceof Response) return pretty;
      const { type, id } = c.req.valid('param');
      if (!isFhirSearchType(type)) return unsupportedType(c, type);
      // `[type]/_search` is POST's; a GET there means a search in the query: say so.
      if (id === '_search')
        return fhirOutcome(
          c,
          405,
          [
            {
              severity: 'error',
              code: 'not-supported',
              diagnostics: `${type}/_search takes POST with a form body; to search with GET, send the parameters to /fhir/r4/${type}?…`,
            },
          ],
          { Allow: 'POST, OPTIONS' },
        );
      const today = c.var.snapshot.today(deps.clock());
      const rep = c.var.snapshot.fhir(today).reps.get(`${type}/${id}`);
      if (!rep) return fhirError(c, 404, 'not-found', `no ${type} has the id "${id.slice(0, 64)}"`);
      const answer = pretty
        ? fhirJson(JSON.parse(rep.text), CACHE.facts, FHIR_READ_HEADERS, true)
        : rep;
      return publish(c, answer, today, fitsFhir);
    });
}
