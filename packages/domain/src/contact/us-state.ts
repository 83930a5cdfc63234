import * as z from 'zod';
import { reportIssue } from '../shared/schema.js';
import {
  isUsStateCode,
  suggestUsStateCode,
  US_STATES,
  type UsStateCode,
} from './us-state-codes.js';

export { isUsStateCode, suggestUsStateCode, US_STATES, type UsStateCode };

/** A USPS state code, checked against the real list; a near miss gets a suggestion. */
export const UsStateCodeSchema = z
  .string()
  .max(40)
  .transform((text, ctx): UsStateCode => {
    if (isUsStateCode(text)) return text;
    const suggestion = suggestUsStateCode(text);
    return reportIssue(
      ctx,
      'unknown-state',
      suggestion
        ? `unknown state "${text}"; did you mean "${suggestion}"?`
        : `unknown state "${text}"; use a two-letter USPS code such as "CA"`,
      suggestion ? { fix: suggestion } : {},
    );
  })
  // JSON Schema cannot run the transform; the list lets editors complete and check the code.
  .meta({ enum: Object.keys(US_STATES) })
  .describe('USPS two-letter state, territory or military code, e.g. "CA"');
