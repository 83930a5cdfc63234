import * as z from 'zod';
import { reportIssue } from '../shared/schema.js';

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time-zone name such as `America/Los_Angeles`, known to the running JavaScript engine.
 * Fixed offsets ("PST", "-08:00") are refused: they are wrong half the year.
 */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .superRefine((name, ctx) => {
    if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name) || !isKnownTimeZone(name)) {
      reportIssue(
        ctx,
        'unknown-time-zone',
        `"${name}" is not an IANA time zone; use a name like "America/Los_Angeles", not an abbreviation or offset`,
      );
    }
  })
  .describe('IANA time zone of the location, e.g. "America/Los_Angeles"');
/** An IANA time-zone name. */
export type TimeZone = z.output<typeof TimeZoneSchema>;
