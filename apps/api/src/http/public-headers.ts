import type { MiddlewareHandler } from 'hono';

// Hono's secureHeaders() defaults, with a CSP for JSON and a cross-origin CORP for public data.
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/**
 * Security headers and CORS, set before the handler runs. Hono's secureHeaders() and cors() set
 * them on the finished response instead, which turns @hono/node-server's light response into a
 * full Web Response on every request; setting them up front keeps the fast path.
 */
export function publicHeaders(options: {
  readonly origins: '*' | readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number;
}): MiddlewareHandler {
  const allowMethods = options.allowMethods.join(',');
  const allowHeaders = options.allowHeaders.join(',');
  const exposeHeaders = options.exposeHeaders.join(',');
  return async (c, next) => {
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    c.header('Content-Security-Policy', c.req.path === '/docs' ? DOCS_CSP : JSON_CSP);
    const origin = c.req.header('origin');
    const allowOrigin =
      options.origins === '*'
        ? '*'
        : origin && options.origins.includes(origin)
          ? origin
          : undefined;
    if (allowOrigin) c.header('Access-Control-Allow-Origin', allowOrigin);
    if (options.origins !== '*') c.header('Vary', 'Origin', { append: true });
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      c.header('Access-Control-Allow-Methods', allowMethods);
      // An explicit list, never the request's own: reflecting it is the ReDoS path (CVE-2026-69207).
      c.header('Access-Control-Allow-Headers', allowHeaders);
      c.header('Access-Control-Max-Age', String(options.maxAge));
      return c.body(null, 204);
    }
    c.header('Access-Control-Expose-Headers', exposeHeaders);
    await next();
    return undefined;
  };
}
