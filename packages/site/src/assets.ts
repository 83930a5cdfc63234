import { CLIENT_SCRIPT } from './client/bundle.generated.js';
import type { SiteAssets } from './context.js';
import { contentHash } from './hash.js';
import { SITE_CSS } from './styles.js';

/** An asset's text and its content-hashed path. */
export interface Asset {
  readonly path: string;
  readonly text: string;
}

let cached: { css: Asset; js: Asset | undefined } | undefined;

/** The stylesheet and the script (absent when the bundle is empty), named by their content. */
export function siteAssets(): { readonly css: Asset; readonly js: Asset | undefined } {
  if (!cached) {
    cached = {
      css: { path: `/assets/site.${contentHash(SITE_CSS)}.css`, text: SITE_CSS },
      js: CLIENT_SCRIPT
        ? { path: `/assets/site.${contentHash(CLIENT_SCRIPT)}.js`, text: CLIENT_SCRIPT }
        : undefined,
    };
  }
  return cached;
}

/** The asset paths the pages link. */
export function assetPaths(): SiteAssets {
  const { css, js } = siteAssets();
  return { css: css.path, js: js?.path };
}
