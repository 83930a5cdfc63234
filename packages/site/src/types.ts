import type { IsoDate } from '@ptfx/domain';

/** How a site is rendered. */
export interface SiteOptions {
  /**
   * The site's public origin and path prefix, without a trailing slash
   * (`https://ptfx-sample.example` or `https://example.com/clinic`): canonical URLs, Open Graph,
   * the sitemap and JSON-LD ids start with it. The API passes `PTFX_BASE_URL`.
   */
  readonly baseUrl: string;
  /**
   * Where the consultation form posts, without a trailing slash: `''` (the default) when the API
   * serves the site from the same origin, else the API's origin for a static export
   * (`ptfx site build --api-url`). The form's action is `${apiUrl}/v1/consultation-requests`.
   */
  readonly apiUrl?: string;
  /**
   * The clinic's date the pages are rendered for: dated hours exceptions that ended before it are
   * left out. Defaults to showing every exception in the data.
   */
  readonly asOf?: IsoDate;
}

/** What a rendered file is, for the server or static host that sends it. */
export type SitePageKind =
  /** An HTML page a visitor reads; listed in the sitemap unless `noindex`. */
  | 'page'
  /** The page sent with status 404 for any path the site does not have. */
  | 'not-found'
  /** A stylesheet, script or icon whose name carries a hash of its content: cache forever. */
  | 'asset'
  /** `sitemap.xml`, `robots.txt` and other files for crawlers and hosts. */
  | 'meta';

/** One file of the rendered site. */
export interface SitePage {
  /** The URL path it is served at, from the site's root: `/`, `/therapists/mark-shulman/`, `/sitemap.xml`. */
  readonly path: string;
  /** The file a static host serves that path from: `index.html`, `therapists/mark-shulman/index.html`. */
  readonly file: string;
  /** Its media type with charset, e.g. `text/html; charset=utf-8`. */
  readonly contentType: string;
  /** What it is; decides its status and caching. */
  readonly kind: SitePageKind;
  /** Its content as text (every file of the site is text). */
  readonly text: string;
  /** Its content as UTF-8 bytes. */
  readonly bytes: Uint8Array;
}

/** A rendered site: its files, and the Content-Security-Policy to send with its pages. */
export interface RenderedSite {
  /** Every file, pages first; paths are unique. */
  readonly pages: readonly SitePage[];
  /** The page a path has, if any (exact path, e.g. `/booking/`). */
  page(path: string): SitePage | undefined;
  /** The Content-Security-Policy header value for the site's pages. */
  readonly contentSecurityPolicy: string;
}
