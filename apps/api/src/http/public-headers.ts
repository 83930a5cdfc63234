import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';

// Hono's secureHeaders() defaults, with a CSP for JSON and a cross-origin CORP for public data.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};
// The JSON API's policy. An HTML document (the API reference, the site's pages) carries its own
// policy with its body (Representation.headers), which replaces this one wherever it is sent.
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
// A client's own id is kept when it is short and plain (safe in logs), as Hono's requestId() does.
const CLIENT_ID = /^[\w-]{1,255}$/;

/** Options of {@link createBaseHeaders}. */
export interface PublicHeadersOptions {
  readonly origins: '*' | readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number;
  /** Paths under this prefix get no CORS at all (staff routes: no browser on another origin). */
  readonly privatePrefix?: string;
}

/** What {@link createBaseHeaders} needs to know about a request. */
export interface RequestFacts {
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** A request header by lower-case name. */
  header(name: string): string | undefined;
}

/** The headers of one request's responses, or the whole answer to a CORS preflight. */
export type BaseHeaders =
  | { readonly kind: 'headers'; readonly id: string; readonly headers: Record<string, string> }
  | { readonly kind: 'preflight'; readonly id: string; readonly headers: Record<string, string> };

/** The pieces {@link createBaseHeaders} is made of, for callers that cache their results. */
export interface BaseHeaderParts {
  /** The request id: the client's own when short and plain, else a new UUID. */
  requestId(clientId: string | undefined): string;
  /** Whether the path is under the private (staff) prefix. */
  isPrivate(path: string): boolean;
  /** The Access-Control-Allow-Origin for this Origin on this path, if any. */
  allowOrigin(origin: string | undefined, path: string): string | undefined;
  /** The base headers of a non-preflight response. */
  headers(path: string, allowOrigin: string | undefined, id: string): Record<string, string>;
}

/** See {@link BaseHeaderParts}. */
export function baseHeaderParts(options: PublicHeadersOptions): BaseHeaderParts {
  const exposeHeaders = options.exposeHeaders.join(',');
  const isPrivate = (path: string) =>
    options.privatePrefix !== undefined &&
    (path === options.privatePrefix || path.startsWith(`${options.privatePrefix}/`));
  return {
    requestId: (clientId) => (clientId && CLIENT_ID.test(clientId) ? clientId : randomUUID()),
    isPrivate,
    allowOrigin: (origin, path) =>
      isPrivate(path)
        ? undefined
        : options.origins === '*'
          ? '*'
          : origin && options.origins.includes(origin)
            ? origin
            : undefined,
    headers: (path, allowOrigin, id) => {
      // One copy, then assignments: this runs for every request.
      const headers: Record<string, string> = { ...SECURITY_HEADERS };
      headers['Content-Security-Policy'] = JSON_CSP;
      headers['X-Request-Id'] = id;
      if (allowOrigin) headers['Access-Control-Allow-Origin'] = allowOrigin;
      if (isPrivate(path)) return headers;
      if (options.origins !== '*') headers.Vary = 'Origin';
      headers['Access-Control-Expose-Headers'] = exposeHeaders;
      return headers;
    },
  };
}

/**
 * Works out the headers every response to a request carries — security headers, CORS, the
 * request id — as one plain object; for a CORS preflight, the whole 204 answer's headers.
 * Shared by the app's first middleware (app.ts) and the server's fast path for stored answers,
 * so both send the same headers.
 */
export function createBaseHeaders(
  options: PublicHeadersOptions,
): (request: RequestFacts) => BaseHeaders {
  const parts = baseHeaderParts(options);
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const maxAge = String(options.maxAge);
  return (request) => {
    const id = parts.requestId(request.header('x-request-id'));
    const allowOrigin = parts.allowOrigin(request.header('origin'), request.path);
    if (
      !parts.isPrivate(request.path) &&
      request.method === 'OPTIONS' &&
      request.header('access-control-request-method')
    ) {
      const headers = parts.headers(request.path, allowOrigin, id);
      delete headers['Access-Control-Expose-Headers'];
      // An explicit list, never the request's own: reflecting it is the ReDoS path (CVE-2026-69207).
      headers['Access-Control-Allow-Methods'] = allowMethods;
      headers['Access-Control-Allow-Headers'] = allowHeaders;
      headers['Access-Control-Max-Age'] = maxAge;
      return { kind: 'preflight', id, headers };
    }
    return { kind: 'headers', id, headers: parts.headers(request.path, allowOrigin, id) };
  };
}

/** The headers of a response: the base set plus `extra` (Vary is merged). */
export function mergeHeaders(
  base: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const vary = base.Vary && extra.Vary ? `${base.Vary}, ${extra.Vary}` : (base.Vary ?? extra.Vary);
  return { ...base, ...extra, ...(vary ? { Vary: vary } : {}) };
}

/** The headers for a response to this request: the base set plus `extra` (Vary is merged). */
export function responseHeaders(
  c: Context,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const base: Readonly<Record<string, string>> = c.get('baseHeaders') ?? {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': JSON_CSP,
  };
  return mergeHeaders(base, extra);
}
