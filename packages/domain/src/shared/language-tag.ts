import * as z from 'zod';
import { reportIssue } from './schema.js';

function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** A BCP 47 language tag such as `en`, `es` or `zh-Hant`, checked and stored in canonical case. */
export const LanguageTagSchema = z
  .string()
  .max(35)
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    return (
      canonical ??
      reportIssue(
        ctx,
        'invalid-language',
        `"${tag}" is not a BCP 47 language tag; use one like "en" or "es"`,
      )
    );
  })
  .describe('BCP 47 language tag, e.g. "en", "es", "zh-Hant"');
/** A BCP 47 language tag. */
export type LanguageTag = z.output<typeof LanguageTagSchema>;
