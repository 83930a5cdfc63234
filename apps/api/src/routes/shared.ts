import { z } from '@hono/zod-openapi';
import { MAX_PAGE_SIZE } from '@ptfx/intake';

/** The problem+json body every error has (RFC 9457). */
export const ProblemSchema = z
  .object({
    type: z
      .string()
      .describe('Stable URI of the problem type, e.g. https://ptfx.dev/problems/not-found'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.number().int().describe('HTTP status'),
    detail: z.string().describe('What went wrong in this request'),
    instance: z.string().describe('The path requested'),
    requestId: z.string().describe('The request id, as in X-Request-Id'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional()
      .describe('Each problem in the request, with the JSON path of the offending value'),
  })
  .openapi('Problem');

/** An error response in the OpenAPI document. */
export function problem(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

/**
 * What any operation can be answered with besides its own statuses, whatever its route (app.ts:
 * the URL and header limits checked before routing, an unexpected error). Spread into every
 * operation's responses, so that a generated client knows these answers and their body.
 */
export const REQUEST_ERRORS = {
  414: problem('The URL is over the length limit (4,096 characters)'),
  431: problem('The request headers are over the size limit (16 KiB)'),
  500: problem('Something went wrong on our side; the request id identifies it in our logs'),
};

/**
 * What an operation that reads a body can also be answered with (app.ts, http/body.ts): 413 over
 * the size limit, 415 for a media type other than JSON; `invalid` says when it answers 400.
 */
export function bodyErrors(invalid: string) {
  return {
    400: problem(invalid),
    413: problem('The body is over the size limit'),
    415: problem('The body is not JSON (send Content-Type: application/json)'),
  };
}

/** The 400 of an operation whose path parameter has a bound (a slug over 64 characters). */
export const invalidPathParam = problem(
  'A path parameter is not valid (too long); the problem names it',
);

/** A `{slug}` path parameter, with an example that exists in the sample clinic. */
export function slugParams(example: string) {
  return z.object({
    slug: z
      .string()
      .max(64)
      .openapi({
        param: { name: 'slug', in: 'path' },
        example,
        description: 'The slug of the item',
      }),
  });
}

/** A JSON response in the OpenAPI document. */
export function jsonBody<T extends z.ZodType>(
  schema: T,
  description: string,
  type = 'application/json',
) {
  return { description, content: { [type]: { schema } } };
}

/** The ETag and Cache-Control every GET answer carries. */
export const cachingHeaders = {
  ETag: {
    description: 'Strong validator; send it back in If-None-Match for a 304',
    schema: { type: 'string' as const },
  },
  'Cache-Control': {
    description: 'How long the answer may be reused',
    schema: { type: 'string' as const },
  },
};

/** The 304 every GET can answer. */
export const notModified = { description: 'Not modified: the If-None-Match ETag still matches' };

/** A finding about an input, as the domain reports it. */
export const IssueSchema = z
  .object({
    code: z.string().describe('Stable kebab-case code'),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    path: z.array(z.union([z.string(), z.number()])).describe('JSON path of the offending value'),
    position: z.object({ line: z.number(), column: z.number() }).optional(),
    span: z
      .object({ start: z.number(), end: z.number() })
      .optional()
      .describe('UTF-16 offsets in the listing'),
    source: z.string().optional().describe('The policy, statute or rule behind it'),
    fix: z.string().optional().describe('A replacement that resolves it'),
  })
  .openapi('Issue');

/** The security requirement of every staff route: a bearer token (`staffToken`). */
export const STAFF_SECURITY = [{ staffToken: [] }];

/** A staff list's page size: 1 to MAX_PAGE_SIZE, 20 when absent. */
export const staffPageLimit = z.coerce
  .number({ error: 'limit must be a whole number' })
  .int({ error: 'limit must be a whole number' })
  .min(1, { error: 'limit is at least 1' })
  .max(MAX_PAGE_SIZE, { error: `limit is at most ${MAX_PAGE_SIZE}` })
  .default(20)
  .openapi({ description: `Items per page, 1 to ${MAX_PAGE_SIZE}` });

/** The answers every staff route can give before it runs: 401, 429 and 503 (`unavailable` says when). */
export function staffGuardResponses(unavailable: string) {
  return {
    // Code spans: OpenAPI descriptions are CommonMark, where a bare <token> is an HTML tag that a
    // reference page drops.
    401: problem('No valid staff token: send `Authorization: Bearer <token>`'),
    429: problem('Too many wrong tokens from this address'),
    503: problem(unavailable),
  };
}
