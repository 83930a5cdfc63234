import * as z from 'zod';

/** Where and how to report a domain issue from inside a schema. */
export interface ReportOptions {
  /** Path below the value being checked, for object-level refinements. */
  readonly path?: readonly (string | number)[];
  /** A replacement that resolves the issue. */
  readonly fix?: string;
}

/**
 * Reports a problem from inside a zod transform or refinement with a stable domain code, which
 * the data-file parser turns into the issue's `code`.
 */
export function reportIssue(
  ctx: z.core.$RefinementCtx<unknown>,
  code: string,
  message: string,
  options: ReportOptions = {},
): typeof z.NEVER {
  ctx.addIssue({
    code: 'custom',
    message,
    input: ctx.value,
    ...(options.path ? { path: [...options.path] } : {}),
    params: options.fix === undefined ? { code } : { code, fix: options.fix },
  });
  return z.NEVER;
}

/**
 * A trimmed, non-empty string of at most `max` characters, described for JSON Schema and OpenAPI.
 */
export function boundedText(max: number, description: string) {
  return z.string().trim().min(1).max(max).describe(description);
}

/**
 * A URL-safe identifier: lowercase letters and digits in hyphen-separated words, at most 64
 * characters, so that it can serve as a FHIR resource id too.
 */
export const SlugSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase letters and digits separated by single hyphens, like "back-pain"',
  })
  .describe('URL-safe identifier: lowercase words joined by hyphens, e.g. "back-pain"');
/** A slug: the stable, URL-safe key of a therapist, location, treatment, condition or article. */
export type Slug = z.output<typeof SlugSchema>;

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso
  .date({
    error: 'must be a real calendar date written YYYY-MM-DD, like "2022-10-24"; quote it in YAML',
  })
  .max(10)
  .describe('Calendar date, YYYY-MM-DD');
/** A calendar date written `YYYY-MM-DD`, with no time or zone. */
export type IsoDate = z.output<typeof IsoDateSchema>;
