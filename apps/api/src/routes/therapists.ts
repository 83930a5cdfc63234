import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CredentialSchema, findCredential, type Therapist } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { publish } from '../http/fast-path.js';
import { notFound } from '../http/problem.js';
import { CACHE, json } from '../http/representation.js';
import { acceptsNewPatients, therapistSummary } from '../snapshot.js';
import {
  cachingHeaders,
  IssueSchema,
  invalidPathParam,
  jsonBody,
  notModified,
  problem,
  REQUEST_ERRORS,
  slugParams,
} from './shared.js';

/** Most therapists one page can hold. */
export const MAX_PAGE_SIZE = 100;

const TherapistSummarySchema = z
  .object({
    slug: z.string(),
    displayName: z.string().describe('Name as a profile heads it, e.g. "Dr. Mark Shulman"'),
    name: z.object({
      given: z.string(),
      middle: z.string().optional(),
      family: z.string(),
      suffix: z.string().optional(),
    }),
    honorificPrefix: z.string().optional(),
    pronouns: z.string().optional(),
    role: z.enum(['PT', 'PTA', 'other']),
    credentialListing: z.string().describe('The credentials exactly as the site displays them'),
    specialties: z.array(z.string()).describe('NUCC taxonomy codes'),
    languages: z.array(z.string()).describe('BCP 47 language tags'),
    locations: z.array(z.string()),
    treatments: z.array(z.string()),
    acceptingNewPatients: z.boolean(),
    photo: z.object({ url: z.string(), alt: z.string() }).optional(),
  })
  .openapi('TherapistSummary');

const TherapistDetailSchema = TherapistSummarySchema.extend({
  bio: z.string().optional(),
  npi: z.string().optional(),
  credentials: z.array(CredentialSchema),
  lint: z.object({
    input: z.string().describe('What was linted: the name with its honorific, then the listing'),
    profile: z.literal('apta-2016'),
    jurisdiction: z.string().nullable().describe('State of the therapist’s first location'),
    asOf: z.string().describe('The date expiry was judged on'),
    clean: z.boolean().describe('No error and no warning'),
    issues: z.array(IssueSchema),
    fix: z.string().nullable().describe('The listing in canonical form, when it differs'),
  }),
}).openapi('TherapistDetail');

const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');

const listTherapists = createRoute({
  method: 'get',
  path: '/v1/therapists',
  operationId: 'listTherapists',
  summary: 'Therapists, filtered and paginated',
  tags: ['therapists'],
  security: [],
  request: {
    query: z.object({
      location: z.string().max(64).optional().openapi({
        description: 'Only those who treat at this location (slug)',
        example: 'san-diego',
      }),
      treatment: z
        .string()
        .max(64)
        .optional()
        .openapi({ description: 'Only those who offer this treatment (slug)', example: 'massage' }),
      credential: z.string().max(20).optional().openapi({
        description: 'Only those who hold this credential (abbreviation)',
        example: 'DPT',
      }),
      language: z
        .string()
        .max(35)
        .optional()
        .openapi({ description: 'Only those who treat in this language (BCP 47)', example: 'en' }),
      acceptingNewPatients: boolean
        .optional()
        .openapi({ description: 'Only those who do (true) or do not (false) take new patients' }),
      limit: z.coerce
        .number({ error: 'limit must be a whole number' })
        .int({ error: 'limit must be a whole number' })
        .min(1, { error: 'limit is at least 1' })
        .max(MAX_PAGE_SIZE, { error: `limit is at most ${MAX_PAGE_SIZE}` })
        .default(20)
        .openapi({ description: `Page size, 1 to ${MAX_PAGE_SIZE}`, example: 20 }),
      offset: z.coerce
        .number({ error: 'offset must be a whole number' })
        .int({ error: 'offset must be a whole number' })
        .min(0, { error: 'offset is at least 0' })
        .max(100_000, { error: 'offset is at most 100000' })
        .default(0)
        .openapi({ description: 'Items to skip', example: 0 }),
    }),
  },
  responses: {
    200: {
      ...jsonBody(
        z.object({
          data: z.array(TherapistSummarySchema),
          page: z.object({
            limit: z.number(),
            offset: z.number(),
            total: z.number(),
            next: z.string().nullable(),
          }),
        }),
        'A page of therapists',
      ),
      headers: cachingHeaders,
    },
    304: notModified,
    400: problem('A filter or the page is not valid'),
    ...REQUEST_ERRORS,
  },
});

const getTherapist = createRoute({
  method: 'get',
  path: '/v1/therapists/{slug}',
  operationId: 'getTherapist',
  summary: 'One therapist: structured credentials, the listing as displayed, and its lint',
  tags: ['therapists'],
  security: [],
  request: { params: slugParams('mark-shulman') },
  responses: {
    200: { ...jsonBody(TherapistDetailSchema, 'The therapist'), headers: cachingHeaders },
    304: notModified,
    400: invalidPathParam,
    404: problem('No such therapist'),
    ...REQUEST_ERRORS,
  },
});

function holds(ids: ReadonlySet<string> | undefined, t: Therapist, abbreviation: string): boolean {
  const wanted = findCredential(abbreviation);
  return wanted
    ? (ids?.has(wanted.id) ?? false)
    : t.credentials.some((c) => c.abbreviation === abbreviation);
}

/** `/v1/therapists`, `/v1/therapists/{slug}`. */
export function therapistRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  return app
    .openapi(listTherapists, (c) => {
      const q = c.req.valid('query');
      const key = `therapists?${new URL(c.req.url).search}`;
      const cached = c.var.snapshot.rep(key);
      if (cached) return publish(c, cached);
      const { clinic } = c.var.snapshot;
      const matching = clinic.therapists.filter(
        (t) =>
          (q.location === undefined || t.locations.includes(q.location)) &&
          (q.treatment === undefined || t.treatments.includes(q.treatment)) &&
          (q.credential === undefined ||
            holds(c.var.snapshot.credentialIds.get(t.slug), t, q.credential)) &&
          (q.language === undefined ||
            t.languages.some((l) => l.toLowerCase() === q.language?.toLowerCase())) &&
          (q.acceptingNewPatients === undefined ||
            acceptsNewPatients(t, clinic) === q.acceptingNewPatients),
      );
      const page = matching.slice(q.offset, q.offset + q.limit);
      const nextOffset = q.offset + q.limit;
      let next: string | null = null;
      if (nextOffset < matching.length) {
        const url = new URL(c.req.url);
        url.searchParams.set('offset', String(nextOffset));
        url.searchParams.set('limit', String(q.limit));
        next = `${url.pathname}${url.search}`;
      }
      const rep = json(
        {
          data: page.map((t) => therapistSummary(t, clinic)),
          page: { limit: q.limit, offset: q.offset, total: matching.length, next },
        },
        CACHE.facts,
      );
      // Remember the commonest pages; a snapshot is replaced on reload, so this never goes stale.
      if (c.var.snapshot.reps.size < 5_000) c.var.snapshot.reps.set(key, rep);
      return publish(c, rep);
    })
    .openapi(getTherapist, (c) => {
      const { slug } = c.req.valid('param');
      const today = c.var.snapshot.today(deps.clock());
      const rep = c.var.snapshot.therapist(slug, today);
      if (!rep) throw notFound('therapist', slug);
      // The lint's expiry findings depend on the date: published for today only.
      return publish(c, rep, today);
    });
}
