import { resolveOptions } from './options.js';
import type { SiteOptions } from './types.js';

/**
 * The Content-Security-Policy of the site's pages: nothing remote, no inline script or style
 * (the pages have none), the form and the script may reach the site's origin and the API's.
 *
 * @throws {TypeError} when the options are not valid {@link SiteOptions}
 * @example
 * siteContentSecurityPolicy({ baseUrl: 'https://clinic.example' });
 * // "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; …"
 */
export function siteContentSecurityPolicy(options: SiteOptions): string {
  const { apiUrl } = resolveOptions('siteContentSecurityPolicy', options);
  const api = apiUrl ? ` ${apiOrigin(apiUrl)}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${api}`,
    `form-action 'self'${api}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A CSP source is an origin (a path would limit it to that path and its redirects). */
function apiOrigin(apiUrl: string): string {
  return /^https?:\/\/[^/]+/.exec(apiUrl)?.[0] ?? apiUrl;
}
