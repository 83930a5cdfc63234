import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { StoreUnavailableError } from '@ptfx/intake';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { responseHeaders } from '../http/public-headers.js';
import { jsonBody, REQUEST_ERRORS } from './shared.js';

const HealthSchema = z
  .object({ status: z.enum(['pass', 'fail']).describe('pass when healthy') })
  .openapi('Health');

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getLiveness',
  summary: 'Liveness: the process answers (no I/O)',
  tags: ['health'],
  security: [],
  responses: {
    200: jsonBody(HealthSchema, 'Alive', 'application/health+json'),
    ...REQUEST_ERRORS,
  },
});
const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'getReadiness',
  summary: 'Readiness: false while starting or draining, or when the store does not answer',
  tags: ['health'],
  security: [],
  responses: {
    200: jsonBody(HealthSchema, 'Ready for traffic', 'application/health+json'),
    503: jsonBody(
      HealthSchema,
      'Starting, draining, or the store is unreachable',
      'application/health+json',
    ),
    ...REQUEST_ERRORS,
  },
});

const health = (c: Context, status: 'pass' | 'fail', code: 200 | 503) =>
  new Response(JSON.stringify({ status }), {
    status: code,
    headers: responseHeaders(c, {
      'Content-Type': 'application/health+json',
      'Cache-Control': 'no-store',
    }),
  });

/** `/healthz` and `/readyz`. */
export function healthRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  return app
    .openapi(healthz, (c) => health(c, 'pass', 200))
    .openapi(readyz, async (c) => {
      if (!deps.readiness.isReady()) return health(c, 'fail', 503);
      try {
        await deps.store.ping();
        return health(c, 'pass', 200);
      } catch (error) {
        deps.logger.error({
          event: 'not-ready',
          reason: error instanceof StoreUnavailableError ? error.reason : 'store error',
        });
        return health(c, 'fail', 503);
      }
    });
}
