// The files for crawlers and hosts: sitemap.xml, robots.txt and the favicon.

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The sitemap of the indexable pages, by absolute URL, with their last change where known. */
export function sitemapXml(
  entries: readonly { readonly url: string; readonly lastmod?: string | undefined }[],
): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.url)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap's absolute URL. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

/** The favicon: the practice's initial on the site's colour, as SVG (no /favicon.ico request). */
export function faviconSvg(name: string): string {
  const letter = escapeXml([...name.replace(/^the\s+/i, '').trim()][0]?.toUpperCase() ?? 'P');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5c6b"/><text x="16" y="22.5" text-anchor="middle" font-family="system-ui,sans-serif" font-size="20" font-weight="700" fill="#fff">${letter}</text></svg>\n`;
}
