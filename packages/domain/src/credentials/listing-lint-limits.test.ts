import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintCredentialListing, MAX_LISTING_LENGTH } from './listing-lint.js';

describe('lintCredentialListing on hostile input', () => {
  it('refuses a 100 KB listing unread, with listing-too-long', () => {
    const text = `Jane Doe, PT, ${'DPT, '.repeat(20_000)}`;
    expect(text.length).toBeGreaterThan(100_000);
    const result = lintCredentialListing(text);
    expect(result.parsed).toBeUndefined();
    expect(result.issues.map((i) => [i.severity, i.code, i.span])).toEqual([
      ['error', 'listing-too-long', { start: MAX_LISTING_LENGTH, end: text.length }],
    ]);
  });

  it('never throws, on any text of any length', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.constantFrom(undefined, 'CA', 'TX', 'FL', 'NY'),
        (text, jurisdiction) => {
          const result = lintCredentialListing(text, jurisdiction ? { jurisdiction } : {});
          expect(result.clean).toBe(result.issues.every((i) => i.severity === 'info'));
          for (const issue of result.issues) {
            if (issue.span) {
              expect(issue.span.start).toBeGreaterThanOrEqual(0);
              expect(issue.span.end).toBeLessThanOrEqual(text.length);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads every listing up to the limit and none past it', () => {
    const at = 'P'.repeat(MAX_LISTING_LENGTH);
    expect(lintCredentialListing(at).parsed).toBeDefined();
    expect(lintCredentialListing(`${at}T`).parsed).toBeUndefined();
  });
});
