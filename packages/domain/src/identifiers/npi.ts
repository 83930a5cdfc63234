import * as z from 'zod';
import { reportIssue } from '../shared/schema.js';
import { explainInvalidNpi } from './npi-check.js';

/** A National Provider Identifier with a valid check digit. Quote it in YAML. */
export const NpiSchema = z
  .string()
  .max(20)
  .superRefine((text, ctx) => {
    const problem = explainInvalidNpi(text);
    if (problem) reportIssue(ctx, 'invalid-npi', problem);
  })
  .brand<'Npi'>()
  .describe(
    'National Provider Identifier: 10 digits with a valid CMS check digit, e.g. "1234567893"',
  );
/** A National Provider Identifier with a valid check digit. */
export type Npi = z.output<typeof NpiSchema>;
