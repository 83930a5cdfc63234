import type { Clinic } from '@ptfx/domain';
import {
  type RenderedSite,
  renderSite,
  type SiteOptions,
  type SitePage,
  type SitePageKind,
} from '@ptfx/site';
import { CACHE, Representation } from './http/representation.js';

/** How long each kind of site file may be kept by browsers and caches. */
const SITE_CACHE: Readonly<Record<SitePageKind, string>> = {
  // Pages change with the data: fresh for 5 minutes, then revalidated with the ETag.
  page: CACHE.facts,
  meta: CACHE.facts,
  // The 404 page answers paths that may exist after the next data load.
  'not-found': CACHE.none,
  // Named by a hash of their content: a new version is a new name.
  asset: CACHE.immutable,
};

/** A site file ready to send: the page and its representation. */
export interface SiteFile {
  readonly page: SitePage;
  readonly rep: Representation;
}

/**
 * The clinic's website as the API serves it, rendered once for one data load and one clinic
 * date (the date hides hours exceptions that have ended): every file as a representation (ETag,
 * gzip and brotli made once), all with the site's own security headers.
 */
export class SiteView {
  /** The rendered site. */
  readonly rendered: RenderedSite;
  /**
   * What a site document sends instead of the JSON API's headers: the site's CSP (nothing remote,
   * no inline script or style, the form posting to this origin) and no framing at all.
   */
  readonly documentHeaders: Readonly<Record<string, string>>;
  /** The path prefix of the site's links (`''`, or `/clinic` under a proxy at …/clinic). */
  readonly basePath: string;
  private readonly files = new Map<string, SiteFile>();
  private notFoundFile: SiteFile | undefined;

  constructor(
    readonly clinic: Clinic,
    /** How the site was rendered; the form re-rendered on a failed post uses the same. */
    readonly options: SiteOptions,
  ) {
    this.rendered = renderSite(clinic, options);
    this.documentHeaders = Object.freeze({
      'Content-Security-Policy': this.rendered.contentSecurityPolicy,
      'X-Frame-Options': 'DENY',
    });
    this.basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
    for (const page of this.rendered.pages) {
      const file = {
        page,
        rep: new Representation(
          page.text,
          page.contentType,
          SITE_CACHE[page.kind],
          this.documentHeaders,
        ),
      };
      if (page.kind === 'not-found') this.notFoundFile ??= file;
      this.files.set(page.path, file);
    }
  }

  /** The file at a path (exactly as rendered: `/`, `/booking/`, `/sitemap.xml`), if any. */
  file(path: string): SiteFile | undefined {
    return this.files.get(path);
  }

  /** The page sent with status 404, if the site has one. */
  get notFound(): SiteFile | undefined {
    return this.notFoundFile;
  }

  /**
   * The page a path names without its trailing slash (`/booking` → `/booking/`), as the
   * page's own path: a redirect target built from what the site has, never from the request.
   */
  slashRedirect(path: string): string | undefined {
    if (path.endsWith('/')) return undefined;
    const page = this.files.get(`${path}/`)?.page;
    return page && page.kind === 'page' ? page.path : undefined;
  }
}
