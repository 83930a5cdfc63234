import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { publish } from '../http/fast-path.js';
import { CACHE, json, Representation as Rep, type Representation } from '../http/representation.js';
import { documentFormBody } from '../intake/form-openapi.js';

const openapiJson = createRoute({
  method: 'get',
  path: '/openapi.json',
  summary: 'This API’s OpenAPI 3.1 document, generated from the route schemas',
  tags: ['docs'],
  responses: {
    200: {
      description: 'OpenAPI 3.1',
      content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } },
    },
    304: { description: 'Not modified' },
  },
});
const docsPage = createRoute({
  method: 'get',
  path: '/docs',
  summary: 'An API reference page rendered from the OpenAPI document',
  tags: ['docs'],
  responses: { 200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } } },
});

/** The reference page's policy: its one inline stylesheet, nothing else. */
export const DOCS_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Doc = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** The reference page: every operation with its parameters, request example and responses. */
export function renderDocs(doc: Doc): string {
  const sections: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item?.[method];
      if (!op) continue;
      const params = (op.parameters ?? [])
        .map((p) =>
          'name' in p
            ? `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)})${p.description ? ` — ${escapeHtml(p.description)}` : ''}</li>`
            : '',
        )
        .join('');
      const body =
        op.requestBody && 'content' in op.requestBody
          ? op.requestBody.content['application/json']
          : undefined;
      const example =
        body?.example ??
        (body?.schema && 'example' in body.schema ? body.schema.example : undefined);
      const responses = Object.entries(op.responses ?? {})
        .map(
          ([status, r]) =>
            `<li><code>${escapeHtml(status)}</code> ${escapeHtml('description' in r ? String(r.description) : '')}</li>`,
        )
        .join('');
      sections.push(
        `<section><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>` +
          `<p>${escapeHtml(op.summary ?? '')}</p>` +
          (op.description ? `<p>${escapeHtml(op.description)}</p>` : '') +
          (op.security && op.security.length > 0
            ? '<p><strong>Staff only:</strong> send <code>Authorization: Bearer &lt;token&gt;</code>.</p>'
            : '') +
          (params ? `<h3>Parameters</h3><ul>${params}</ul>` : '') +
          (example === undefined
            ? ''
            : `<h3>Request body example</h3><pre>${escapeHtml(JSON.stringify(example, null, 2))}</pre>`) +
          `<h3>Responses</h3><ul>${responses}</ul></section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.info.title)} — API reference</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.1rem}.m{display:inline-block;min-width:4.5rem;font-weight:700}.get{color:#0a6}.post{color:#06c}.patch{color:#a60}.delete{color:#c00}pre{background:#f5f5f5;padding:.75rem;overflow:auto}code{font-size:.95em}</style></head><body><h1>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</h1><p>${escapeHtml(doc.info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457); FHIR errors are OperationOutcomes.</p>${sections.join('')}</body></html>`;
}

/** `/openapi.json` and `/docs`, built from the routes once, on first request. */
export function docsRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  let cache: { doc: Representation; html: Representation } | undefined;
  const build = () => {
    if (cache) return cache;
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'ptfx API',
        version: '0.1.0',
        description:
          'The public facts of a physical-therapy practice: clinic, locations and hours, therapists and their credentials, treatments, articles; FHIR R4, schema.org JSON-LD and vCard projections; a credential-listing linter; consultation requests from the public, and staff routes (bearer token) to handle them.',
      },
      servers: [{ url: deps.config.baseUrl }],
    });
    documentFormBody(doc);
    cache = {
      doc: json(doc, CACHE.facts),
      html: new Rep(renderDocs(doc), 'text/html; charset=utf-8', CACHE.facts, {
        'Content-Security-Policy': DOCS_CSP,
      }),
    };
    return cache;
  };
  return app
    .openapi(openapiJson, (c) => publish(c, build().doc))
    .openapi(docsPage, (c) => publish(c, build().html));
}
