import * as z from 'zod';
import { ProcedureCodeSchema } from '../identifiers/procedure-code.js';
import { boundedText, SlugSchema } from '../shared/schema.js';

/** The broad kind of a treatment. */
export const TreatmentCategorySchema = z
  .enum(['exercise', 'manual-therapy', 'modality', 'education', 'assessment'])
  .describe(
    'exercise (therapeutic exercise), manual-therapy (hands-on), modality (e.g. electrical stimulation), education (teaching, home programs), assessment (evaluation)',
  );
/** The broad kind of a treatment. */
export type TreatmentCategory = z.output<typeof TreatmentCategorySchema>;

/** Something the practice does for patients, in its own words, with the codes it bills under. */
export const TreatmentSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Name as the clinic writes it, e.g. "Strengthening exercise"'),
    summary: boundedText(1000, 'What it is and why, in the clinic’s words'),
    category: TreatmentCategorySchema,
    codes: z
      .array(ProcedureCodeSchema)
      .max(10)
      .default([])
      .describe('CPT or HCPCS codes it is billed under, codes only (the AMA owns the descriptors)'),
    timed: z
      .boolean()
      .describe('Billed in 15-minute units (timed codes) rather than once per session (untimed)'),
    conditions: z
      .array(SlugSchema)
      .max(50)
      .default([])
      .describe('Slugs of the conditions it addresses'),
  })
  .describe('A treatment the practice offers');
/** A treatment the practice offers. */
export type Treatment = z.output<typeof TreatmentSchema>;
