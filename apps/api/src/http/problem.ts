import type { Context } from 'hono';
import { responseHeaders } from './public-headers.js';

/** Base of every problem `type` this API returns; each type's page explains it. */
export const PROBLEM_BASE = 'https://ptfx.dev/problems/';

/** The problems the API can answer with, each with its HTTP status and title. */
export const PROBLEMS = {
  'not-found': { status: 404, title: 'Not found' },
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'unsupported-media-type': { status: 415, title: 'The body must be JSON' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'uri-too-long': { status: 414, title: 'The URL is too long' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'not-ready': { status: 503, title: 'The service is not ready' },
  unauthorized: { status: 401, title: 'Staff authentication required' },
  'forbidden-origin': { status: 403, title: 'The form was sent from a site that may not send it' },
  'staff-not-configured': { status: 503, title: 'Staff access is not configured' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'store-unavailable': { status: 503, title: 'Requests cannot be stored right now' },
  'data-key-unavailable': {
    status: 503,
    title: 'Stored requests cannot be decrypted with the configured data keys',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was used with a different body',
  },
  'idempotency-key-in-flight': {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  internal: { status: 500, title: 'Internal error' },
} as const;

/** A stable problem type. */
export type ProblemType = keyof typeof PROBLEMS;

/** One problem in a request: where (a JSON path or parameter) and what. */
export interface ProblemDetailItem {
  /** Where the problem is: `body.listing`, `query.limit`, `params.slug`. */
  readonly path: string;
  /** What is wrong and what to do. */
  readonly message: string;
  /** Stable code of the problem, when the domain gives one. */
  readonly code?: string;
}

/** An RFC 9457 problem the handlers throw; `app.onError` renders it. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: ProblemType,
    readonly detail: string,
    readonly errors: readonly ProblemDetailItem[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

/** Renders a problem as `application/problem+json` (RFC 9457) with the request id. */
export function problemResponse(c: Context, problem: ApiProblem): Response {
  const { status, title } = PROBLEMS[problem.problem];
  const body = {
    type: `${PROBLEM_BASE}${problem.problem}`,
    title,
    status,
    detail: problem.detail,
    instance: c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path,
    requestId: c.get('requestId'),
    ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
  };
  const headers = responseHeaders(c, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...problem.headers,
  });
  return new Response(c.req.method === 'HEAD' ? null : JSON.stringify(body), { status, headers });
}

/** A 404 for a slug that names nothing. */
export function notFound(what: string, slug: string): ApiProblem {
  return new ApiProblem('not-found', `no ${what} has the slug "${slug.slice(0, 100)}"`);
}
