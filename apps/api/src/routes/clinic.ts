import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { BookingPathSchema, LocationSchema, OrganizationSchema, ProgramSchema } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { sendStored } from '../http/fast-path.js';
import { cachingHeaders, jsonBody, notModified, REQUEST_ERRORS } from './shared.js';

const ClinicViewSchema = z
  .object({
    organization: OrganizationSchema,
    locations: z.array(LocationSchema),
    programs: z.array(ProgramSchema),
    bookingPath: BookingPathSchema.nullable(),
  })
  .openapi('Clinic');

const getClinic = createRoute({
  method: 'get',
  path: '/v1/clinic',
  operationId: 'getClinic',
  summary: 'The practice, its locations, contact details, programs and booking path',
  tags: ['clinic'],
  security: [],
  responses: {
    200: { ...jsonBody(ClinicViewSchema, 'The practice'), headers: cachingHeaders },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getJsonLd = createRoute({
  method: 'get',
  path: '/v1/clinic.jsonld',
  operationId: 'getClinicJsonLd',
  summary:
    'The practice as schema.org JSON-LD, safe to paste into <script type="application/ld+json">',
  tags: ['projections'],
  security: [],
  responses: {
    200: {
      description: 'schema.org JSON-LD',
      content: { 'application/ld+json': { schema: z.object({}).passthrough() } },
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getVcf = createRoute({
  method: 'get',
  path: '/v1/clinic.vcf',
  operationId: 'getClinicVCard',
  summary: 'The practice as a vCard 4.0',
  tags: ['projections'],
  security: [],
  responses: {
    200: {
      description: 'vCard 4.0 (RFC 6350)',
      content: { 'text/vcard': { schema: z.string() } },
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});

/** `/v1/clinic`, `/v1/clinic.jsonld`, `/v1/clinic.vcf`. */
export function clinicRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>) {
  return app
    .openapi(getJsonLd, (c) => sendStored(c, c.var.snapshot.rep('clinic.jsonld'), 'clinic.jsonld'))
    .openapi(getVcf, (c) => sendStored(c, c.var.snapshot.rep('clinic.vcf'), 'clinic.vcf'))
    .openapi(getClinic, (c) => sendStored(c, c.var.snapshot.rep('clinic'), 'clinic'));
}
