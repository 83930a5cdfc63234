import * as z from 'zod';
import { boundedText, SlugSchema } from '../shared/schema.js';

/** A fact about a condition, with the figure it quotes and where it comes from. */
export const ConditionFactSchema = z
  .strictObject({
    statement: boundedText(500, 'The fact as the clinic states it'),
    figure: z
      .strictObject({
        value: z.number().min(0).max(1_000_000_000).describe('The number'),
        unit: z.enum(['percent', 'people', 'years', 'weeks']).describe('What the number counts'),
      })
      .optional()
      .describe('The figure the statement quotes, e.g. 80 percent'),
    source: boundedText(
      300,
      'Where the fact comes from: a citation or the article slug that states it',
    ).optional(),
  })
  .describe('A fact about a condition');
/** A fact about a condition. */
export type ConditionFact = z.output<typeof ConditionFactSchema>;

/** A condition the practice treats, such as low back pain. */
export const ConditionSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Name, e.g. "Back pain"'),
    summary: boundedText(1000, 'What it is, in the clinic’s words'),
    facts: z
      .array(ConditionFactSchema)
      .max(20)
      .default([])
      .describe('Facts the clinic states about it'),
    treatments: z.array(SlugSchema).max(50).default([]).describe('Slugs of treatments for it'),
    articles: z.array(SlugSchema).max(50).default([]).describe('Slugs of articles about it'),
  })
  .describe('A condition the practice treats');
/** A condition the practice treats. */
export type Condition = z.output<typeof ConditionSchema>;
