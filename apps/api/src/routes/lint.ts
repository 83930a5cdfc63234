import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type CredentialListingLint,
  CredentialSchema,
  type CustomCredential,
  CustomCredentialsSchema,
  configurableRuleCodes,
  IsoDateSchema,
  lintCredentialListing,
  type RuleLevel,
  RuleLevelsSchema,
  suggestClosest,
  TherapistRoleSchema,
  UsStateCodeSchema,
} from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { CACHE, json, send } from '../http/representation.js';
import { validationHook } from '../http/validation.js';
import { bodyErrors, IssueSchema, jsonBody, REQUEST_ERRORS } from './shared.js';

/** Most listings one batch request may hold. */
export const MAX_BATCH = 1000;

const LintRequestSchema = z
  .strictObject({
    listing: z
      .string()
      .max(10_000)
      .describe('The listing as displayed, e.g. "Dr. Jane Doe, PT, DPT"'),
    profile: z
      .enum(['apta-2016', 'apta-legacy'])
      .optional()
      .describe('Order to judge by; apta-2016 by default'),
    jurisdiction: UsStateCodeSchema.optional().describe(
      'State whose title law applies (CA, TX, FL, NY have "Dr." rules)',
    ),
    role: TherapistRoleSchema.optional(),
    asOf: IsoDateSchema.optional().describe('Date to judge expiry on; needs credentials'),
    credentials: z
      .array(CredentialSchema)
      .max(30)
      .optional()
      .describe('Structured credentials, for expiry and issuers'),
    rules: RuleLevelsSchema.optional()
      .openapi('RuleLevels')
      .describe(
        'Rule levels by code, as in ptfx.config.json: "off" drops the rule, "info", "warning" or "error" replaces its severity',
      ),
    catalog: CustomCredentialsSchema.optional()
      .openapi('CustomCredentials')
      .describe(
        'The organisation’s own credentials, as in ptfx.config.json, merged into the catalog for this request',
      ),
  })
  .openapi('LintRequest', {
    example: {
      listing: 'Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
      profile: 'apta-2016',
      jurisdiction: 'CA',
      role: 'PT',
      asOf: '2026-11-27',
      credentials: [
        {
          abbreviation: 'CSCS',
          issuer: 'National Strength and Conditioning Association',
          expires: '2026-12-31',
        },
      ],
    },
  });

const LintResultSchema = z
  .object({
    input: z.string(),
    clean: z.boolean().describe('No error and no warning'),
    issues: z.array(IssueSchema),
    canonical: z
      .string()
      .nullable()
      .describe('The listing in canonical form; null when too long to read'),
    fix: z.string().nullable().describe('The canonical form when it differs from the input'),
  })
  .openapi('LintResult');

const BatchSchema = z.array(LintRequestSchema).min(1).max(MAX_BATCH);

const lint = createRoute({
  method: 'post',
  path: '/v1/credential-listings/lint',
  operationId: 'lintCredentialListings',
  summary:
    'Lint a credential listing (or a batch of up to 1,000) against APTA order and state title rules',
  tags: ['credentials'],
  security: [],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.union([LintRequestSchema, BatchSchema]).openapi({
            example: {
              listing: 'Jane Doe, DPT, PT, OCS',
              profile: 'apta-legacy',
              jurisdiction: 'TX',
            },
          }),
          examples: {
            single: {
              summary: 'One listing',
              value: { listing: 'Dr. Jane Doe, PT, DPT', jurisdiction: 'CA' },
            },
            configured: {
              summary: 'With rule levels and a custom credential, as in ptfx.config.json',
              value: {
                listing: 'Jane Doe, DPT, PT, CFMT',
                rules: { order: 'off', 'designation-not-first': 'error' },
                catalog: [
                  {
                    abbreviation: 'CFMT',
                    name: 'Certified Functional Manual Therapist',
                    kind: 'certification',
                    issuer: 'Institute of Physical Art',
                  },
                ],
              },
            },
            batch: {
              summary: 'A batch',
              value: [
                { listing: 'Jane Doe, PT, DPT' },
                { listing: 'John Roe, DPT, CMPTT', profile: 'apta-legacy' },
              ],
            },
          },
        },
      },
    },
  },
  responses: {
    200: jsonBody(
      z.union([
        LintResultSchema,
        z.object({
          results: z.array(LintResultSchema),
          summary: z.object({
            checked: z.number(),
            clean: z.number(),
            byCode: z.record(z.string(), z.number()),
          }),
        }),
      ]),
      'The lint of the listing, or of each listing with a summary',
    ),
    ...bodyErrors('The body is not JSON or does not match the schema; each problem names its path'),
    ...REQUEST_ERRORS,
  },
});

function view(result: CredentialListingLint) {
  return {
    input: result.input,
    clean: result.clean,
    issues: result.issues,
    canonical: result.canonical ?? null,
    fix: result.fix ?? null,
  };
}

/** The levels given, without the codes zod's optional fields leave `undefined`. */
function levels(rules: Readonly<Record<string, RuleLevel | undefined>>): Record<string, RuleLevel> {
  return Object.fromEntries(
    Object.entries(rules).filter((entry): entry is [string, RuleLevel] => entry[1] !== undefined),
  );
}

function run(request: z.output<typeof LintRequestSchema>) {
  const { listing, rules, catalog, ...options } = request;
  return view(
    lintCredentialListing(listing, {
      ...options,
      ...(rules === undefined ? {} : { rules: levels(rules) }),
      // A JSON body has no `undefined` in it: zod's `?: T | undefined` is the domain's `?: T`.
      ...(catalog === undefined ? {} : { catalog: catalog as readonly CustomCredential[] }),
    }),
  );
}

type ZodIssue = z.ZodError['issues'][number];

/**
 * The issues of a lint body with their real paths: the body is one request or a list of them,
 * and zod reports a mismatch of the union as one issue at the root; the branch that matches the
 * body's shape (object or list) says where the problem is. An unknown rule code gets its own
 * issue at `rules.<code>` with a did-you-mean.
 */
function lintBodyIssues(issues: readonly ZodIssue[]): ZodIssue[] {
  return issues.flatMap((issue): ZodIssue[] => {
    if (issue.code === 'invalid_union' && issue.path.length === 0) {
      const branch = issue.errors.find(
        (errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
      );
      return branch ? lintBodyIssues(branch) : [issue];
    }
    if (issue.code === 'unrecognized_keys' && issue.path[issue.path.length - 1] === 'rules') {
      return issue.keys.map((key): ZodIssue => {
        const meant = suggestClosest(key, configurableRuleCodes());
        const message =
          key === 'invalid-argument'
            ? '"invalid-argument" cannot be set: it says a listing or its options could not be judged at all; remove it'
            : `unknown rule "${key}"${meant ? `; did you mean "${meant}"?` : '; GET /openapi.json lists the rules under RuleLevels'}`;
        return {
          code: 'custom',
          path: [...issue.path, key],
          input: undefined,
          params: { code: 'unknown-rule' },
          message,
        };
      });
    }
    return [issue];
  });
}

/** The route's validation hook: the shared one, with the lint body's issues located. */
function lintHook(
  result: { target: string } & ({ success: true } | { success: false; error: z.ZodError }),
): undefined {
  if (result.success) return undefined;
  validationHook({
    success: false,
    target: result.target,
    error: new z.ZodError(lintBodyIssues(result.error.issues)),
  });
  return undefined;
}

/** `POST /v1/credential-listings/lint`. */
export function lintRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>) {
  return app.openapi(
    lint,
    (c) => {
      const body = c.req.valid('json');
      if (!Array.isArray(body)) return send(c, json(run(body), CACHE.none));
      const results = body.map(run);
      const byCode: Record<string, number> = {};
      for (const r of results) for (const i of r.issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
      return send(
        c,
        json(
          {
            results,
            summary: {
              checked: results.length,
              clean: results.filter((r) => r.clean).length,
              byCode,
            },
          },
          CACHE.none,
        ),
      );
    },
    (result) => lintHook(result),
  );
}
