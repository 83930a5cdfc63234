import type { RenderedSite } from '@ptfx/site';

/** The name of the headers file Netlify and Cloudflare Pages read from a site's root. */
export const HEADERS_FILE = '_headers';

/** Cache-Control of an asset whose name carries a hash of its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The `_headers` file (Netlify and Cloudflare Pages format) of a rendered site: a static host
 * cannot otherwise send the site's Content-Security-Policy, and would cache its content-hashed
 * assets for minutes instead of forever.
 *
 * A header is set by one rule only: both hosts join the values of a header several matching rules
 * set. Pages keep the host's own Cache-Control (revalidate every time), so a new build shows at once.
 */
export function headersFile(site: RenderedSite): string {
  const lines = [
    '# Written by ptfx site build. Netlify and Cloudflare Pages send these headers; elsewhere,',
    '# configure the same ones on the server.',
    '/*',
    `  Content-Security-Policy: ${site.contentSecurityPolicy}`,
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    // Not no-referrer: with it, a browser sends `Origin: null` on the no-JavaScript form's POST
    // to another origin (Fetch, "append a request Origin header"), hiding where it came from.
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Cross-Origin-Opener-Policy: same-origin',
  ];
  for (const asset of site.pages.filter((p) => p.kind === 'asset'))
    lines.push('', asset.path, `  Cache-Control: ${IMMUTABLE}`);
  return `${lines.join('\n')}\n`;
}
