import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ConditionSchema, TreatmentSchema } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { publish, sendStored } from '../http/fast-path.js';
import { notFound } from '../http/problem.js';
import {
  cachingHeaders,
  invalidPathParam,
  jsonBody,
  notModified,
  problem,
  REQUEST_ERRORS,
  slugParams,
} from './shared.js';

const listTreatments = createRoute({
  method: 'get',
  path: '/v1/treatments',
  operationId: 'listTreatments',
  summary: 'Every treatment the practice offers',
  tags: ['care'],
  security: [],
  responses: {
    200: {
      ...jsonBody(z.object({ data: z.array(TreatmentSchema) }), 'The treatments'),
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getTreatment = createRoute({
  method: 'get',
  path: '/v1/treatments/{slug}',
  operationId: 'getTreatment',
  summary: 'One treatment',
  tags: ['care'],
  security: [],
  request: { params: slugParams('massage') },
  responses: {
    200: { ...jsonBody(TreatmentSchema, 'The treatment'), headers: cachingHeaders },
    304: notModified,
    400: invalidPathParam,
    404: problem('No such treatment'),
    ...REQUEST_ERRORS,
  },
});
const getCondition = createRoute({
  method: 'get',
  path: '/v1/conditions/{slug}',
  operationId: 'getCondition',
  summary: 'One condition, with its facts, treatments and articles',
  tags: ['care'],
  security: [],
  request: { params: slugParams('back-pain') },
  responses: {
    200: { ...jsonBody(ConditionSchema, 'The condition'), headers: cachingHeaders },
    304: notModified,
    400: invalidPathParam,
    404: problem('No such condition'),
    ...REQUEST_ERRORS,
  },
});

/** `/v1/treatments`, `/v1/treatments/{slug}`, `/v1/conditions/{slug}`. */
export function treatmentRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>) {
  return app
    .openapi(listTreatments, (c) => sendStored(c, c.var.snapshot.rep('treatments'), 'treatments'))
    .openapi(getTreatment, (c) => {
      const { slug } = c.req.valid('param');
      const rep = c.var.snapshot.rep(`treatment:${slug}`);
      if (!rep) throw notFound('treatment', slug);
      return publish(c, rep);
    })
    .openapi(getCondition, (c) => {
      const { slug } = c.req.valid('param');
      const rep = c.var.snapshot.rep(`condition:${slug}`);
      if (!rep) throw notFound('condition', slug);
      return publish(c, rep);
    });
}
