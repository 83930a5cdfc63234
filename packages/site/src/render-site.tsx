import type { Clinic } from '@ptfx/domain';
import type { RenderedSite, SiteOptions, SitePage, SitePageKind } from './types.js';
import { utf8 } from './utf8.js';

// PLACEHOLDER (being replaced by the full renderer): a home page, a 404, sitemap and robots, so
// that the API and CLI can be wired while the pages are written.

function file(path: string, kind: SitePageKind, contentType: string, text: string): SitePage {
  const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
  return { path, file, kind, contentType, text, bytes: utf8(text) };
}

/** The Content-Security-Policy of the site's pages. */
export function siteContentSecurityPolicy(options: SiteOptions): string {
  const api = options.apiUrl ? ` ${options.apiUrl}` : '';
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

/** Renders the clinic's website: every page, asset and crawler file, as text and bytes. */
export function renderSite(clinic: Clinic, options: SiteOptions): RenderedSite {
  const html = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
  const pages = [
    file('/', 'page', 'text/html; charset=utf-8', html(clinic.organization.name, '<h1>Home</h1>')),
    file(
      '/404.html',
      'not-found',
      'text/html; charset=utf-8',
      html('Not found', '<h1>Not found</h1>'),
    ),
    file(
      '/sitemap.xml',
      'meta',
      'application/xml; charset=utf-8',
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${options.baseUrl}/</loc></url></urlset>`,
    ),
    file(
      '/robots.txt',
      'meta',
      'text/plain; charset=utf-8',
      `User-agent: *\nAllow: /\nSitemap: ${options.baseUrl}/sitemap.xml\n`,
    ),
  ];
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return {
    pages,
    page: (path) => byPath.get(path),
    contentSecurityPolicy: siteContentSecurityPolicy(options),
  };
}
