import type { Context } from 'hono';
import type { ApiApp, ApiDeps, ApiEnv } from '../app-types.js';
import { publish } from '../http/fast-path.js';
import { requestHeader } from '../http/node-request.js';
import { responseHeaders } from '../http/public-headers.js';
import { CACHE, sendOnce } from '../http/representation.js';
import type { SiteView } from '../site-view.js';

/**
 * Where the API answers for itself. Every other path on this origin is the clinic's website,
 * which is not part of the API and not in its OpenAPI document.
 */
export const API_PREFIXES: readonly string[] = [
  '/v1',
  '/fhir',
  '/openapi.json',
  '/docs',
  '/healthz',
  '/readyz',
];

/** The route pattern of the website (in the access log as the route of every site file). */
export const SITE_ROUTE = '/*';

/** Whether a path is the API's (under one of {@link API_PREFIXES}), not the website's. */
export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Whether an Accept header names HTML (a browser navigating); `*\/*` alone does not. */
export function acceptsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'text/html' && type !== 'application/xhtml+xml') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The website as of the clinic's date now, from the snapshot this request is served from. */
export function currentSite(c: Context<ApiEnv>, deps: Pick<ApiDeps, 'source' | 'clock'>) {
  const snapshot = c.var.snapshot ?? deps.source.current();
  const today = snapshot.today(deps.clock());
  return { site: snapshot.site(today), today };
}

/** Whether a path is a file of the website (which answers GET and HEAD only). */
export function isSitePath(c: Context<ApiEnv>, deps: Pick<ApiDeps, 'source' | 'clock'>): boolean {
  return !isApiPath(c.req.path) && currentSite(c, deps).site.file(c.req.path) !== undefined;
}

/**
 * The site's 404 page with status 404, for a path outside the API asked for by a client that
 * accepts HTML; undefined otherwise (the caller answers with a problem+json 404).
 */
export function siteNotFound(
  c: Context<ApiEnv>,
  deps: Pick<ApiDeps, 'source' | 'clock'>,
): Response | undefined {
  if (isApiPath(c.req.path) || !acceptsHtml(requestHeader(c, 'accept'))) return undefined;
  const page = currentSite(c, deps).site.notFound;
  return page ? sendOnce(c, page.rep, 404, { Vary: 'Accept' }) : undefined;
}

function redirect(c: Context<ApiEnv>, site: SiteView, target: string): Response {
  return new Response(null, {
    status: 308,
    headers: responseHeaders(c, {
      Location: `${site.basePath}${target}`,
      'Cache-Control': CACHE.facts,
    }),
  });
}

/**
 * The clinic's website at `/`: every file of the site rendered for today (see
 * `ClinicSnapshot.site`), published so that the server's fast path answers the next request for
 * it as it answers the API's GETs. A page's path without its trailing slash gets a 308 to the
 * page; anything else outside the API is a 404 (the site's page for browsers). Registered after
 * every API route, so it sees only what they do not answer.
 */
export function siteRoutes(app: ApiApp, deps: Pick<ApiDeps, 'source' | 'clock'>): void {
  app.get(SITE_ROUTE, (c) => {
    const path = c.req.path;
    if (isApiPath(path)) return c.notFound();
    const { site, today } = currentSite(c, deps);
    const file = site.file(path);
    if (file === undefined) {
      const target = site.slashRedirect(path);
      return target === undefined ? c.notFound() : redirect(c, site, target);
    }
    if (file.page.kind === 'not-found') return sendOnce(c, file.rep, 404);
    return publish(c, file.rep, today);
  });
}
