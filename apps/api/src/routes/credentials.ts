import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { publish, sendStored } from '../http/fast-path.js';
import { ApiProblem } from '../http/problem.js';
import {
  cachingHeaders,
  invalidPathParam,
  jsonBody,
  notModified,
  problem,
  REQUEST_ERRORS,
} from './shared.js';

const CatalogEntrySchema = z
  .object({
    id: z.string(),
    abbreviation: z.string().optional(),
    aliases: z
      .array(z.string())
      .describe('Deprecated or erroneous spellings a fix rewrites to the abbreviation (tDPT)'),
    variants: z
      .array(z.string())
      .optional()
      .describe('Other valid spellings a fix keeps as written (ScD for DSc)'),
    anyCase: z
      .boolean()
      .optional()
      .describe('Also recognised in another case (PHD, cert. mdt) when no spelling matches'),
    name: z.string(),
    longForms: z.array(z.string()),
    kind: z
      .string()
      .describe(
        'license-designation, pt-degree, regulated-occupation, academic-degree, apta-fellowship, abpts-specialist, fellowship, certification, student-designation, obsolete-designation',
      ),
    aptaCategory: z
      .number()
      .nullable()
      .describe('APTA 2016 category 1–5, or null when outside them'),
    issuers: z.array(z.string()),
    renewal: z.object({
      kind: z.string(),
      years: z.number().optional(),
      anchorYear: z.number().optional(),
    }),
    ambiguity: z.string().optional(),
    note: z.string().optional(),
    source: z.string(),
    unconfirmed: z.string().optional(),
  })
  .openapi('CatalogEntry');

const listCredentials = createRoute({
  method: 'get',
  path: '/v1/credentials',
  operationId: 'listCredentials',
  summary: 'The credential catalog',
  tags: ['credentials'],
  security: [],
  responses: {
    200: {
      ...jsonBody(z.object({ data: z.array(CatalogEntrySchema) }), 'Every credential ptfx knows'),
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getCredential = createRoute({
  method: 'get',
  path: '/v1/credentials/{abbreviation}',
  operationId: 'getCredential',
  summary: 'One credential, by abbreviation as written (DPT, P.T., Cert MDT) or catalog id',
  tags: ['credentials'],
  security: [],
  request: {
    params: z.object({
      abbreviation: z
        .string()
        .max(100)
        .openapi({ param: { name: 'abbreviation', in: 'path' }, example: 'DPT' }),
    }),
  },
  responses: {
    200: { ...jsonBody(CatalogEntrySchema, 'The credential'), headers: cachingHeaders },
    304: notModified,
    400: invalidPathParam,
    404: problem('Not in the catalog'),
    ...REQUEST_ERRORS,
  },
});

/** `/v1/credentials`, `/v1/credentials/{abbreviation}`. */
export function credentialRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>) {
  return app
    .openapi(listCredentials, (c) =>
      sendStored(c, c.var.snapshot.rep('credentials'), 'credentials'),
    )
    .openapi(getCredential, (c) => {
      const { abbreviation } = c.req.valid('param');
      const rep = c.var.snapshot.credential(abbreviation);
      if (!rep)
        throw new ApiProblem(
          'not-found',
          `"${abbreviation.slice(0, 40)}" is not in the credential catalog; GET /v1/credentials lists it`,
        );
      return publish(c, rep);
    });
}
