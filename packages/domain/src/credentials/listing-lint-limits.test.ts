import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintCredentialListing, MAX_LISTING_LENGTH } from './listing-lint.js';
import { CREDENTIAL_RULES } from './rules/index.js';

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
  }, 30_000); // 2,000 inputs: 3.2 s once under a full CI load

  it('never throws on any rules or catalog option, and judges nothing when one is wrong', () => {
    const codes = CREDENTIAL_RULES.map((r) => r.meta.code);
    const level = fc.oneof(
      fc.constantFrom('off', 'info', 'warning', 'error'),
      fc.anything({ maxDepth: 1 }),
    );
    const rules = fc.oneof(
      fc.dictionary(fc.constantFrom(...codes, 'ordr', '__proto__', 'constructor'), level, {
        maxKeys: 4,
      }),
      fc.anything({ maxDepth: 2 }),
    );
    const custom = fc.record(
      {
        abbreviation: fc.oneof(fc.constantFrom('SDCI', 'DPT', 'S.D.C.I.', 'PT'), fc.string()),
        name: fc.string({ maxLength: 30 }),
        kind: fc.constantFrom('certification', 'academic-degree', 'fellowship', 'badge'),
      },
      { requiredKeys: ['abbreviation'] },
    );
    const catalog = fc.oneof(fc.array(custom, { maxLength: 3 }), fc.anything({ maxDepth: 2 }));
    fc.assert(
      fc.property(
        fc.constantFrom('Jane Doe, PT, DPT, SDCI', 'Dr. Jane Doe, DPT, MBA', 'Lopez, Maria, PTA'),
        fc.option(rules, { nil: undefined }),
        fc.option(catalog, { nil: undefined }),
        (text, rulesOption, catalogOption) => {
          const options = JSON.parse(
            JSON.stringify({ jurisdiction: 'CA', rules: rulesOption, catalog: catalogOption }) ??
              '{}',
          );
          const result = lintCredentialListing(text, options);
          expect(result.clean).toBe(result.issues.every((i) => i.severity === 'info'));
          if (result.issues.some((i) => i.code === 'invalid-argument')) {
            expect(result.parsed).toBeUndefined();
            expect(result.issues.every((i) => i.code === 'invalid-argument')).toBe(true);
          } else {
            expect(result.parsed).toBeDefined();
            for (const [code, set] of Object.entries(options.rules ?? {}))
              for (const i of result.issues.filter((i) => i.code === code))
                expect(i.severity).toBe(set);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads every listing up to the limit and none past it', () => {
    const at = 'P'.repeat(MAX_LISTING_LENGTH);
    expect(lintCredentialListing(at).parsed).toBeDefined();
    expect(lintCredentialListing(`${at}T`).parsed).toBeUndefined();
  });
});
