import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { LocationSchema, localDateOf, type OpenInterval, openingStatus } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { publish, sendStored } from '../http/fast-path.js';
import { notFound } from '../http/problem.js';
import { CACHE, json, send } from '../http/representation.js';
import {
  cachingHeaders,
  invalidPathParam,
  jsonBody,
  notModified,
  problem,
  REQUEST_ERRORS,
  slugParams,
} from './shared.js';

const IntervalSchema = z
  .object({
    date: z.string().describe('Local date, YYYY-MM-DD'),
    opens: z.string().describe('Local opening time, HH:MM'),
    closes: z.string().describe('Local closing time, HH:MM'),
    start: z.string().describe('Opening instant, ISO 8601 UTC'),
    end: z.string().describe('Closing instant, ISO 8601 UTC'),
  })
  .openapi('OpenInterval');
const HoursSchema = z
  .object({
    location: z.string(),
    timeZone: z.string().describe('IANA zone the hours are in'),
    at: z.string().describe('The instant asked about, ISO 8601 UTC'),
    localDate: z.string().describe('The date of that instant in the location’s zone'),
    open: z.boolean().describe('Open at that instant'),
    current: IntervalSchema.nullable().describe('The opening the instant falls in'),
    today: z.object({
      date: z.string(),
      weekday: z.string(),
      intervals: z.array(IntervalSchema),
      exception: z.object({ reason: z.string(), status: z.enum(['open', 'closed']) }).nullable(),
    }),
    nextOpening: IntervalSchema.nullable().describe(
      'The next opening after the instant, within about a year',
    ),
  })
  .openapi('LocationHours');

const listLocations = createRoute({
  method: 'get',
  path: '/v1/locations',
  operationId: 'listLocations',
  summary: 'Every location',
  tags: ['locations'],
  security: [],
  responses: {
    200: {
      ...jsonBody(z.object({ data: z.array(LocationSchema) }), 'The locations'),
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getLocation = createRoute({
  method: 'get',
  path: '/v1/locations/{slug}',
  operationId: 'getLocation',
  summary: 'One location',
  tags: ['locations'],
  security: [],
  request: { params: slugParams('san-diego') },
  responses: {
    200: { ...jsonBody(LocationSchema, 'The location'), headers: cachingHeaders },
    304: notModified,
    400: invalidPathParam,
    404: problem('No such location'),
    ...REQUEST_ERRORS,
  },
});
const getHours = createRoute({
  method: 'get',
  path: '/v1/locations/{slug}/hours',
  operationId: 'getLocationHours',
  summary:
    'Open or not at an instant, today’s hours and the next opening, in the location’s time zone',
  tags: ['locations'],
  security: [],
  request: {
    params: slugParams('san-diego'),
    query: z.object({
      at: z.iso
        .datetime({
          offset: true,
          error: 'at must be an ISO 8601 instant such as 2026-11-27T18:00:00Z',
          abort: true,
        })
        .refine((text) => new Date(text).getUTCFullYear() >= 1, {
          error: 'at must be in year 1 or later',
        })
        .optional()
        .openapi({
          example: '2026-11-27T18:00:00Z',
          description: 'The instant to ask about; now when absent',
        }),
    }),
  },
  responses: {
    200: { ...jsonBody(HoursSchema, 'The opening status'), headers: cachingHeaders },
    304: notModified,
    400: problem('at is not an ISO 8601 instant, or the slug is too long'),
    404: problem('No such location'),
    ...REQUEST_ERRORS,
  },
});

const interval = (i: OpenInterval | undefined) =>
  i
    ? {
        date: i.date,
        opens: i.opens,
        closes: i.closes,
        start: i.start.toISOString(),
        end: i.end.toISOString(),
      }
    : null;

/** `/v1/locations`, `/v1/locations/{slug}`, `/v1/locations/{slug}/hours`, `/v1/locations/{slug}.vcf`. */
export function locationRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  // A regex parameter, registered before {slug} so that "san-diego.vcf" is not read as a slug.
  app.get('/v1/locations/:file{[a-z0-9-]+\\.vcf}', (c) => {
    const slug = c.req.param('file').slice(0, -'.vcf'.length);
    const rep = c.var.snapshot.rep(`location.vcf:${slug}`);
    if (!rep) throw notFound('location', slug);
    return publish(c, rep);
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/locations/{slug}.vcf',
    operationId: 'getLocationVCard',
    summary: 'One location as a vCard 4.0',
    tags: ['projections'],
    security: [],
    request: { params: slugParams('san-diego') },
    responses: {
      200: {
        description: 'vCard 4.0 (RFC 6350)',
        content: { 'text/vcard': { schema: z.string() } },
        headers: cachingHeaders,
      },
      304: notModified,
      404: problem('No such location'),
      ...REQUEST_ERRORS,
    },
  });
  return app
    .openapi(listLocations, (c) => sendStored(c, c.var.snapshot.rep('locations'), 'locations'))
    .openapi(getLocation, (c) => {
      const { slug } = c.req.valid('param');
      const rep = c.var.snapshot.rep(`location:${slug}`);
      if (!rep) throw notFound('location', slug);
      return publish(c, rep);
    })
    .openapi(getHours, (c) => {
      const { slug } = c.req.valid('param');
      const { at } = c.req.valid('query');
      const location = c.var.snapshot.locationsBySlug.get(slug);
      if (!location) throw notFound('location', slug);
      const instant = at ? new Date(at) : deps.clock();
      const status = openingStatus(location, instant);
      const body = {
        location: location.slug,
        timeZone: location.timeZone,
        at: instant.toISOString(),
        localDate: localDateOf(instant, location.timeZone),
        open: status.open,
        current: interval(status.current),
        today: {
          date: status.today.date,
          weekday: status.today.weekday,
          intervals: status.today.intervals.map(interval),
          exception: status.today.exception
            ? { reason: status.today.exception.reason, status: status.today.exception.status }
            : null,
        },
        nextOpening: interval(status.nextOpening),
      };
      // An answer about a given instant never changes for this data; "now" does.
      return send(c, json(body, at ? CACHE.facts : 'no-cache'));
    });
}
