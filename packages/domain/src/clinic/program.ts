import * as z from 'zod';
import { boundedText, SlugSchema } from '../shared/schema.js';
import { CoverageKindSchema } from './coverage.js';

/** Who a program is for. */
export const ProgramAudienceSchema = z
  .enum(['veterans', 'athletes', 'seniors', 'children', 'pelvic-health', 'workers', 'general'])
  .describe('Who the program is for');

/** A program the practice runs for a group of patients, such as the seed's veterans program. */
export const ProgramSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Program name as shown, e.g. "Veterans program"'),
    audience: ProgramAudienceSchema,
    summary: boundedText(1000, 'What the program offers, in the clinic’s words'),
    coverage: z
      .array(CoverageKindSchema)
      .max(9)
      .default([])
      .describe('Kinds of coverage the program works with, e.g. va-community-care'),
    locations: z.array(SlugSchema).min(1).max(50).describe('Slugs of the locations that run it'),
  })
  .describe('A program the practice runs for a group of patients');
/** A program for a group of patients. */
export type Program = z.output<typeof ProgramSchema>;
