import type { Clinic } from '@ptfx/domain';
import type { Child } from 'hono/jsx';
import { assetPaths, siteAssets } from './assets.js';
import { paths, type SiteContext, siteContext } from './context.js';
import { faviconSvg, robotsTxt, sitemapXml } from './crawl.js';
import { siteContentSecurityPolicy } from './csp.js';
import { BOOKING_PATH, type FormState, THANK_YOU_PATH } from './form/fields.js';
import { resolveOptions } from './options.js';
import { clinicGraph, pageJsonLd } from './page-json-ld.js';
import { articlePage } from './pages/article.js';
import { bookingPage } from './pages/booking.js';
import { conditionPage } from './pages/condition.js';
import { homePage } from './pages/home.js';
import { notFoundPage } from './pages/not-found.js';
import type { PageRender } from './pages/page-render.js';
import { thankYouPage } from './pages/thank-you.js';
import { therapistPage } from './pages/therapist.js';
import { treatmentPage } from './pages/treatment.js';
import type { RenderedSite, SiteOptions, SitePage, SitePageKind } from './types.js';
import { utf8 } from './utf8.js';

const HTML = 'text/html; charset=utf-8';

function file(path: string, kind: SitePageKind, contentType: string, text: string): SitePage {
  const name = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
  return { path, file: name, kind, contentType, text, bytes: utf8(text) };
}

/** A rendered JSX document as HTML text, with its doctype. */
function html(node: Child): string {
  const text = String(node);
  return `<!doctype html>${text}`;
}

function checkClinic(caller: string, clinic: Clinic): void {
  const value: unknown = clinic;
  if (
    typeof value !== 'object' ||
    value === null ||
    !('organization' in value) ||
    !('locations' in value) ||
    !Array.isArray(value.locations) ||
    value.locations.length === 0
  ) {
    throw new TypeError(
      `${caller}: clinic must be a parsed clinic (from parseClinicData or ClinicSchema of @ptfx/domain, with at least one location)`,
    );
  }
}

function prepare(caller: string, clinic: Clinic, options: SiteOptions): PageRender {
  checkClinic(caller, clinic);
  const resolved = resolveOptions(caller, options);
  const ctx: SiteContext = siteContext(clinic, resolved, assetPaths());
  const graph = clinicGraph(ctx);
  return { ctx, jsonLd: (subject) => pageJsonLd(ctx, graph, subject) };
}

/**
 * Renders the clinic's website: every page, the 404 page, sitemap.xml, robots.txt, the favicon
 * and the two content-hashed assets (one stylesheet, one small script), as text and bytes. Pure:
 * no I/O, the same clinic and options give the same bytes.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic or the options are not valid
 * @example
 * const site = renderSite(sampleClinic(), { baseUrl: 'https://clinic.example' });
 * site.page('/')?.text; // '<!doctype html><html lang="en">…'
 */
export function renderSite(clinic: Clinic, options: SiteOptions): RenderedSite {
  const render = prepare('renderSite', clinic, options);
  const { ctx } = render;
  const page = (path: string, node: Child) => file(path, 'page', HTML, html(node));
  const pages: SitePage[] = [
    page(paths.home, homePage(render)),
    ...clinic.therapists.map((t) => page(paths.therapist(t), therapistPage(render, t))),
    ...clinic.treatments.map((t) => page(paths.treatment(t), treatmentPage(render, t))),
    ...clinic.conditions.map((c) => page(paths.condition(c), conditionPage(render, c))),
    ...clinic.articles.map((a) => page(paths.article(a), articlePage(render, a))),
    page(BOOKING_PATH, bookingPage(render, undefined)),
    page(THANK_YOU_PATH, thankYouPage(render)),
  ];
  const lastmod = new Map(clinic.articles.map((a) => [paths.article(a), a.updated ?? a.published]));
  const indexable = pages.filter((p) => !NOINDEX.has(p.path));
  pages.push(
    file(paths.notFound, 'not-found', HTML, html(notFoundPage(render))),
    file(
      paths.sitemap,
      'meta',
      'application/xml; charset=utf-8',
      sitemapXml(indexable.map((p) => ({ url: ctx.url(p.path), lastmod: lastmod.get(p.path) }))),
    ),
    file(paths.robots, 'meta', 'text/plain; charset=utf-8', robotsTxt(ctx.url(paths.sitemap))),
    file(
      paths.favicon,
      'meta',
      'image/svg+xml; charset=utf-8',
      faviconSvg(clinic.organization.alternateName ?? clinic.organization.name),
    ),
  );
  const { css, js, bookingJs } = siteAssets();
  pages.push(file(css.path, 'asset', 'text/css; charset=utf-8', css.text));
  for (const script of [js, bookingJs]) {
    if (script)
      pages.push(file(script.path, 'asset', 'text/javascript; charset=utf-8', script.text));
  }
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return {
    pages,
    page: (path) => byPath.get(path),
    contentSecurityPolicy: siteContentSecurityPolicy(options),
  };
}

/** Pages kept out of search results and the sitemap. */
const NOINDEX: ReadonlySet<string> = new Set([THANK_YOU_PATH]);

/**
 * The booking page as HTML, with the form rendered again from what the visitor sent: their
 * values kept, each problem next to its field (`aria-invalid`, `aria-describedby`) and in the
 * summary `#form-errors`, the title starting "Error:". The API answers a form posted without
 * JavaScript with it (422, `Cache-Control: no-store`). Without `state`, the page as `renderSite`
 * renders it.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic or the options are not valid
 * @example
 * renderBookingPage(clinic, { baseUrl }, {
 *   values: new Map([['name.given', ['Ana']]]),
 *   errors: new Map([['contact.phone', ['Enter your phone number']]]),
 * });
 */
export function renderBookingPage(clinic: Clinic, options: SiteOptions, state?: FormState): string {
  return html(bookingPage(prepare('renderBookingPage', clinic, options), state));
}
