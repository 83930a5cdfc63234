import { BOOKING_SCRIPT, CLIENT_SCRIPT } from './client/bundle.generated.js';
import type { SiteAssets } from './context.js';
import { contentHash } from './hash.js';
import { SITE_CSS } from './styles.js';

/** An asset's text and its content-hashed path. */
export interface Asset {
  readonly path: string;
  readonly text: string;
}

interface Assets {
  readonly css: Asset;
  /** The open-now script (pages with an open-now line). */
  readonly js: Asset | undefined;
  /** The booking form's script (the booking page). */
  readonly bookingJs: Asset | undefined;
}

let cached: Assets | undefined;

function script(name: string, text: string): Asset | undefined {
  return text ? { path: `/assets/${name}.${contentHash(text)}.js`, text } : undefined;
}

/** The stylesheet and the two scripts (each absent when its bundle is empty), named by their content. */
export function siteAssets(): Assets {
  if (!cached) {
    cached = {
      css: { path: `/assets/site.${contentHash(SITE_CSS)}.css`, text: SITE_CSS },
      js: script('site', CLIENT_SCRIPT),
      bookingJs: script('booking', BOOKING_SCRIPT),
    };
  }
  return cached;
}

/** The asset paths the pages link. */
export function assetPaths(): SiteAssets {
  const { css, js, bookingJs } = siteAssets();
  return { css: css.path, js: js?.path, bookingJs: bookingJs?.path };
}
