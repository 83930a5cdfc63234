import * as z from 'zod';
import { ArticleSchema } from '../content/article.js';
import { BookingPathSchema } from '../intake/booking-path.js';
import { expectShape } from '../shared/arguments.js';
import type { Issue, PathSegment } from '../shared/issue.js';
import { CLINIC_REFERENCES } from '../shared/shapes.js';
import { suggestClosestUnchecked } from '../shared/suggest.js';
import { TherapistSchema } from '../therapists/therapist.js';
import { ConditionSchema } from '../treatments/condition.js';
import { TreatmentSchema } from '../treatments/treatment.js';
import { LocationSchema } from './location.js';
import { OrganizationSchema } from './organization.js';
import { ProgramSchema } from './program.js';

/** The version of the clinic data file format this package reads. */
export const CLINIC_DATA_VERSION = 1;

const ClinicObjectSchema = z.strictObject({
  $schema: z
    .string()
    .max(500)
    .optional()
    .describe('JSON Schema of this file, for editors; ignored by ptfx'),
  version: z.literal(CLINIC_DATA_VERSION).describe('Version of the clinic data format; 1'),
  organization: OrganizationSchema,
  locations: z
    .array(LocationSchema)
    .min(1)
    .max(50)
    .describe('The places the practice treats patients'),
  therapists: z.array(TherapistSchema).max(500).default([]).describe('The clinicians'),
  treatments: z.array(TreatmentSchema).max(200).default([]).describe('What the practice offers'),
  conditions: z.array(ConditionSchema).max(200).default([]).describe('Conditions it treats'),
  articles: z.array(ArticleSchema).max(1000).default([]).describe('Articles it publishes'),
  programs: z.array(ProgramSchema).max(50).default([]).describe('Programs for groups of patients'),
  bookingPath: BookingPathSchema.optional(),
});

type ClinicShape = z.output<typeof ClinicObjectSchema>;
type Collection =
  | 'locations'
  | 'therapists'
  | 'treatments'
  | 'conditions'
  | 'articles'
  | 'programs';

/**
 * The issues of references inside a clinic: slugs that are not unique within their collection,
 * and slugs that name a location, therapist, treatment, condition or article that does not exist
 * (`unknown-reference`, with a suggestion for near misses). Run by {@link ClinicSchema}; exported
 * for callers that assemble a clinic in code.
 *
 * @throws {TypeError} when `clinic` lacks a collection (`locations`, `therapists`, `treatments`,
 * `conditions`, `articles`, `programs`) or a slug or reference in one is not text
 */
export function checkClinicReferences(clinic: ClinicShape): Issue[] {
  expectShape('checkClinicReferences', 'clinic', clinic, CLINIC_REFERENCES);
  return referenceIssues(clinic);
}

function referenceIssues(clinic: ClinicShape): Issue[] {
  const issues: Issue[] = [];
  const slugs = new Map<Collection, Set<string>>();
  const collections: Collection[] = [
    'locations',
    'therapists',
    'treatments',
    'conditions',
    'articles',
    'programs',
  ];
  for (const name of collections) {
    const seen = new Map<string, number>();
    clinic[name].forEach((item, i) => {
      const first = seen.get(item.slug);
      if (first === undefined) seen.set(item.slug, i);
      else {
        issues.push({
          code: 'duplicate-slug',
          severity: 'error',
          path: [name, i, 'slug'],
          message: `slug "${item.slug}" is already used by ${name}[${first}]; slugs must be unique`,
        });
      }
    });
    slugs.set(name, new Set(seen.keys()));
  }
  const check = (target: Collection, slug: string | undefined, path: PathSegment[]) => {
    if (slug === undefined) return;
    const known = slugs.get(target) ?? new Set<string>();
    if (known.has(slug)) return;
    const suggestion = suggestClosestUnchecked(slug, known);
    issues.push({
      code: 'unknown-reference',
      severity: 'error',
      path,
      message: suggestion
        ? `no ${target.slice(0, -1)} has slug "${slug}"; did you mean "${suggestion}"?`
        : `no ${target.slice(0, -1)} has slug "${slug}"; add it to ${target} or fix the slug`,
      ...(suggestion ? { fix: suggestion } : {}),
    });
  };
  const each = (target: Collection, list: readonly string[], path: PathSegment[]) => {
    list.forEach((slug, j) => {
      check(target, slug, [...path, j]);
    });
  };
  clinic.therapists.forEach((t, i) => {
    each('locations', t.locations, ['therapists', i, 'locations']);
    each('treatments', t.treatments, ['therapists', i, 'treatments']);
  });
  clinic.treatments.forEach((t, i) => {
    each('conditions', t.conditions, ['treatments', i, 'conditions']);
  });
  clinic.conditions.forEach((c, i) => {
    each('treatments', c.treatments, ['conditions', i, 'treatments']);
    each('articles', c.articles, ['conditions', i, 'articles']);
  });
  clinic.articles.forEach((a, i) => {
    check('therapists', a.author, ['articles', i, 'author']);
    each('conditions', a.conditions, ['articles', i, 'conditions']);
    each('treatments', a.treatments, ['articles', i, 'treatments']);
  });
  clinic.programs.forEach((p, i) => {
    each('locations', p.locations, ['programs', i, 'locations']);
  });
  return issues;
}

/**
 * A clinic data file: the practice, its locations, therapists, treatments, conditions, articles,
 * programs and booking path, with every cross-reference checked.
 */
export const ClinicSchema = ClinicObjectSchema.superRefine((clinic, ctx) => {
  for (const issue of referenceIssues(clinic)) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: [...issue.path],
      params: issue.fix ? { code: issue.code, fix: issue.fix } : { code: issue.code },
    });
  }
}).describe('ptfx clinic data: the public facts of a physical-therapy practice');
/** A clinic: the parsed, checked contents of a clinic data file. */
export type Clinic = z.output<typeof ClinicSchema>;
/** A clinic data file as written, before defaults and normalisation. */
export type ClinicInput = z.input<typeof ClinicSchema>;
