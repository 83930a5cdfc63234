import type { Article, Clinic, Condition, Location, Therapist, Treatment } from '@ptfx/domain';
import type { ResolvedOptions } from './options.js';

/** The content-hashed assets a page links. */
export interface SiteAssets {
  /** `/assets/site.<hash>.css`, from the site root. */
  readonly css: string;
  /** `/assets/site.<hash>.js`, the open-now script; absent when there is none. */
  readonly js: string | undefined;
  /** `/assets/booking.<hash>.js`, the booking form's script; absent when there is none. */
  readonly bookingJs: string | undefined;
}

/** What every page is rendered with: the clinic, the options, the assets and the site's paths. */
export interface SiteContext {
  readonly clinic: Clinic;
  readonly options: ResolvedOptions;
  readonly assets: SiteAssets;
  /** A site path as an href: the base URL's path, then the path (`/therapists/x/`). */
  href(path: string): string;
  /** A site path as an absolute URL: canonical, Open Graph, sitemap. */
  url(path: string): string;
}

/** Builds the context of a render. */
export function siteContext(
  clinic: Clinic,
  options: ResolvedOptions,
  assets: SiteAssets,
): SiteContext {
  return {
    clinic,
    options,
    assets,
    href: (path) => `${options.basePath}${path}`,
    url: (path) => `${options.baseUrl}${path}`,
  };
}

/** The site paths of the clinic's things. */
export const paths = {
  home: '/',
  therapist: (t: Pick<Therapist, 'slug'>) => `/therapists/${t.slug}/`,
  treatment: (t: Pick<Treatment, 'slug'>) => `/treatments/${t.slug}/`,
  condition: (c: Pick<Condition, 'slug'>) => `/conditions/${c.slug}/`,
  article: (a: Pick<Article, 'slug'>) => `/articles/${a.slug}/`,
  notFound: '/404.html',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  favicon: '/favicon.svg',
} as const;

/** The items of `list` whose slugs are in `slugs`, in the order of `slugs`. */
export function bySlugs<T extends { readonly slug: string }>(
  list: readonly T[],
  slugs: readonly string[],
): T[] {
  return slugs.flatMap((slug) => list.filter((item) => item.slug === slug));
}

/** The clinic's first location (the schema requires at least one). */
export function mainLocation(clinic: Clinic): Location {
  const [first] = clinic.locations;
  if (!first) throw new Error('@ptfx/site: a parsed clinic has at least one location');
  return first;
}
