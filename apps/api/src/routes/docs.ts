import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import {
  DOCS_ASSET_PREFIX,
  DOCS_CSP,
  OPENAPI_PATH,
  type ReferencePage,
  referencePage,
} from '../docs/reference-page.js';
import { readScalarBundle } from '../docs/scalar-bundle.js';
import { publish } from '../http/fast-path.js';
import { ApiProblem } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';
import { CACHE, json, Representation as Rep, type Representation } from '../http/representation.js';
import { documentFormBody } from '../intake/form-openapi.js';
import { API_CONTACT, API_LICENSE, API_TAGS } from './api-document.js';
import { cachingHeaders, notModified, REQUEST_ERRORS } from './shared.js';

export { DOCS_CSP } from '../docs/reference-page.js';

const openapiJson = createRoute({
  method: 'get',
  path: OPENAPI_PATH,
  operationId: 'getOpenApiDocument',
  summary: 'This API’s OpenAPI 3.1 document, generated from the route schemas',
  tags: ['docs'],
  security: [],
  responses: {
    200: {
      description: 'OpenAPI 3.1',
      content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } },
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const docsPage = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getApiReference',
  summary: 'The API reference: every operation, its schemas and examples, and a request console',
  description:
    'An HTML page that renders this OpenAPI document with Scalar, whose scripts the API serves itself (under /docs/, nothing from another origin). Its "try it" console sends requests to the origin that served the page.',
  tags: ['docs'],
  security: [],
  responses: {
    200: {
      description: 'HTML',
      content: { 'text/html': { schema: z.string() } },
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});

/**
 * The route of the page's scripts, named by a hash of their content (they never change, and are
 * cached for good). They are the page's files, not operations of the API: like the website's
 * files, they are not in the OpenAPI document.
 */
export const DOCS_FILE_ROUTE = `${DOCS_ASSET_PREFIX}:file`;

/**
 * `/openapi.json`, `/docs` and the page's scripts under `/docs/` (Scalar's browser bundle from the
 * installed package, and its configuration), built from the routes once, on first request.
 */
export function docsRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  let cache:
    | { doc: Representation; html: Representation; assets: Map<string, Representation> }
    | undefined;
  const build = () => {
    if (cache) return cache;
    const info = {
      title: 'ptfx API',
      version: '0.1.0',
      description:
        'The public facts of a physical-therapy practice: clinic, locations and hours, therapists and their credentials, treatments, articles; FHIR R4, schema.org JSON-LD and vCard projections; a credential-listing linter; consultation requests from the public, and staff routes (bearer token) to handle them.',
    };
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { ...info, contact: API_CONTACT, license: API_LICENSE },
      servers: [{ url: deps.config.baseUrl }],
      tags: API_TAGS,
    });
    documentFormBody(doc);
    const page: ReferencePage = referencePage(readScalarBundle(), info);
    cache = {
      doc: json(doc, CACHE.facts),
      html: new Rep(page.html, 'text/html; charset=utf-8', CACHE.facts, {
        'Content-Security-Policy': DOCS_CSP,
      }),
      assets: new Map(
        page.assets.map((asset) => [
          asset.name,
          new Rep(asset.text, 'text/javascript; charset=utf-8', CACHE.immutable),
        ]),
      ),
    };
    return cache;
  };
  // `/docs/` is the page's folder, not the page: a 308 to it (as the site does the other way).
  app.get(
    DOCS_ASSET_PREFIX,
    (c) =>
      new Response(null, {
        status: 308,
        headers: responseHeaders(c, { Location: '/docs', 'Cache-Control': CACHE.facts }),
      }),
  );
  app.get(DOCS_FILE_ROUTE, (c) => {
    const file = c.req.param('file');
    const asset = build().assets.get(file);
    if (!asset)
      throw new ApiProblem(
        'not-found',
        `no file "${file.slice(0, 100)}" under ${DOCS_ASSET_PREFIX}: the API reference is at /docs`,
      );
    return publish(c, asset);
  });
  return app
    .openapi(openapiJson, (c) => publish(c, build().doc))
    .openapi(docsPage, (c) => publish(c, build().html));
}
