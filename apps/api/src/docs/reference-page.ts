// The API reference page: a small HTML document that loads Scalar's bundle and its configuration,
// both scripts served by the API under /docs, named by a hash of their content.
import { createHash } from 'node:crypto';
import { ARIA_REPAIRS_SCRIPT } from './aria-repairs.js';
import type { ScalarBundle } from './scalar-bundle.js';

/** Where the page's files are served: `/docs/<name>`. */
export const DOCS_ASSET_PREFIX = '/docs/';

/** The OpenAPI document the page renders (same origin). */
export const OPENAPI_PATH = '/openapi.json';

/**
 * The page's Content-Security-Policy, what Scalar needs and no more (checked in Chromium:
 * test/browser/docs.int.test.ts). Scripts: the two files under /docs, from this origin; no inline
 * script, no eval. Styles: inline only; Scalar injects its stylesheet and theme as `<style>`
 * elements and sets `style` attributes at run time, and loads no stylesheet file. Requests (the
 * OpenAPI document, "try it"): this origin. Images: the `data:` URLs of the page's icon and
 * Scalar's. No fonts (Scalar's remote ones are turned off), frames, workers or objects; no
 * `<base>`, no form posted anywhere, and the page cannot be framed.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A file of the page: its name under {@link DOCS_ASSET_PREFIX} and its text. */
export interface DocsAsset {
  readonly name: string;
  readonly text: string;
}

/** The page and the two scripts it loads. */
export interface ReferencePage {
  readonly html: string;
  /** Scalar's bundle, and the configuration that starts it (with {@link ARIA_REPAIRS_SCRIPT}). */
  readonly assets: readonly [DocsAsset, DocsAsset];
}

/**
 * Text colours with at least WCAG's 4.5:1 against Scalar's backgrounds, replacing its defaults
 * that fall short: the muted greys (#8e8e8e on white, #797979 on #0f0f0f) and the HTTP method
 * and status colours (PATCH #f6bc00 on white is 1.7:1, DELETE #ff0000 4:1, POST #069061 4.1:1).
 */
export const CONTRAST_CSS = `.light-mode {
  --scalar-color-2: #555555;
  --scalar-color-3: #636363;
  --scalar-color-green: #05774f;
  --scalar-color-red: #c20000;
  --scalar-color-yellow: #7a5c00;
  --scalar-color-orange: #b03c00;
  --scalar-color-query: #00696d;
}
.dark-mode {
  --scalar-color-2: #b8b8b8;
  --scalar-color-3: #a3a3a3;
  --scalar-color-red: #ff6b6b;
}`;

/**
 * Scalar's settings. Nothing leaves the origin: no default fonts (they come from
 * fonts.scalar.com), no telemetry, no AI agent, no developer toolbar, no proxy; requests from
 * "try it" go to the origin that served the page (set in the script, which knows it).
 */
export const SCALAR_CONFIGURATION = {
  url: OPENAPI_PATH,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: 'never',
  theme: 'default',
  layout: 'modern',
  customCss: CONTRAST_CSS,
  hideClientButton: true,
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const hashName = (stem: string, text: string) =>
  `${stem}.${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}.js`;

/**
 * The reference page for an API titled `title`: the HTML and its two scripts. The configuration
 * runs first (zod's setting must be there before Scalar's bundle runs), then the bundle; once the
 * document is parsed, the configuration mounts Scalar on `#reference` (not `#api-reference`, which
 * the bundle's own HTML API would mount a second, unconfigured reference on).
 */
export function referencePage(
  bundle: ScalarBundle,
  info: { readonly title: string; readonly description: string },
): ReferencePage {
  const config =
    `// ${info.title}: the API reference, rendered by Scalar ${bundle.version} from ${OPENAPI_PATH}.\n` +
    `'use strict';\n` +
    // The zod inside Scalar tries Function('') to see whether it may compile validators, which
    // the policy refuses (no 'unsafe-eval'); with jitless in its global configuration (which it
    // creates on first use unless it is there), it does not try.
    `(window.__zod_globalConfig = window.__zod_globalConfig || {}).jitless = true;\n` +
    ARIA_REPAIRS_SCRIPT +
    `document.addEventListener('DOMContentLoaded', function () {\n` +
    `  window.Scalar.createApiReference('#reference', Object.assign(${JSON.stringify(SCALAR_CONFIGURATION)}, {\n` +
    `    servers: [{ url: window.location.origin, description: 'This server' }],\n` +
    `  }));\n` +
    `});\n`;
  const scalar: DocsAsset = {
    name: hashName(`scalar-${bundle.version}`, bundle.script),
    text: bundle.script,
  };
  const configAsset: DocsAsset = { name: hashName('config', config), text: config };
  const title = escapeHtml(`${info.title} — API reference`);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${escapeHtml(info.description)}">
<link rel="icon" href="data:,">
</head>
<body>
<noscript><p>This reference needs JavaScript. The API is described by its OpenAPI document: <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</p></noscript>
<div id="reference"></div>
<script src="${DOCS_ASSET_PREFIX}${configAsset.name}"></script>
<script src="${DOCS_ASSET_PREFIX}${scalar.name}"></script>
</body>
</html>
`;
  return { html, assets: [scalar, configAsset] };
}
