import { describe, expect, it } from 'vitest';
import type { CustomCredential } from '../custom-credential.js';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { CREDENTIAL_RULES } from './index.js';
import type { RuleExample } from './rule.js';

/** Options as plain JavaScript (or a config file) passes them: untyped. */
function untyped(options: object): LintCredentialListingOptions {
  return options as LintCredentialListingOptions;
}

const issues = (listing: string, options: LintCredentialListingOptions) =>
  lintCredentialListing(listing, options).issues.map((i) => `${i.severity}:${i.code}`);

describe('lintCredentialListing({ rules })', () => {
  it('drops a rule set off, and keeps the fix', () => {
    const result = lintCredentialListing('Jane Doe, PT, MBA, DPT', { rules: { order: 'off' } });
    expect(result.issues).toEqual([]);
    expect(result.clean).toBe(true);
    expect(result.fix).toBe('Jane Doe, PT, DPT, MBA');
  });

  it('replaces the severity, a state-dependent one too, and clean follows it', () => {
    expect(issues('Jane Doe, DPT', { jurisdiction: 'TX' })).toContain('error:missing-designation');
    const lowered = lintCredentialListing('Jane Doe, DPT', {
      jurisdiction: 'TX',
      rules: { 'missing-designation': 'info', 'degree-as-designation': 'info' },
    });
    expect(lowered.issues.map((i) => `${i.severity}:${i.code}`)).toEqual([
      'info:missing-designation',
      'info:degree-as-designation',
    ]);
    expect(lowered.clean).toBe(true);
    expect(issues('Maria Lopez, PTA, DPT', { jurisdiction: 'CA' })).toEqual([
      'error:assistant-title',
    ]);
    expect(
      issues('Maria Lopez, PTA, DPT', {
        jurisdiction: 'CA',
        rules: { 'assistant-title': 'warning' },
      }),
    ).toEqual(['warning:assistant-title']);
    expect(
      issues('Jane Doe, PT, DPT, CSCS', { rules: { 'outside-apta-categories': 'error' } }),
    ).toEqual(['error:outside-apta-categories']);
  });

  it('can set every rule but invalid-argument, and leaves the others alone', () => {
    for (const { meta } of CREDENTIAL_RULES) {
      if (meta.code === 'invalid-argument') continue;
      for (const example of meta.examples.fails as readonly RuleExample[]) {
        const off = lintCredentialListing(example.listing, {
          ...example.options,
          rules: { [meta.code]: 'off' },
        });
        const codes = off.issues.map((i) => i.code);
        // The refusal of a listing past 300 characters stays: nothing was read.
        if (meta.code === 'listing-too-long' && off.parsed === undefined) {
          expect(off.issues.map((i) => `${i.severity}:${i.code}`)).toEqual([
            'error:listing-too-long',
          ]);
          continue;
        }
        expect(codes, `${meta.code} off on ${example.listing}`).not.toContain(meta.code);
        const all = lintCredentialListing(example.listing, example.options);
        expect(codes).toEqual(all.issues.map((i) => i.code).filter((c) => c !== meta.code));
      }
    }
  });

  it('refuses an unknown code, with its path and the code it probably meant', () => {
    const result = lintCredentialListing('Jane Doe, PT', untyped({ rules: { ordr: 'off' } }));
    expect(result.parsed).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: 'invalid-argument',
      severity: 'error',
      path: ['rules', 'ordr'],
    });
    expect(result.issues[0]?.message).toMatch(/^unknown rule "ordr"; did you mean "order"\?/);
    const far = lintCredentialListing('Jane Doe, PT', untyped({ rules: { nonsense: 'off' } }));
    expect(far.issues[0]?.message).not.toContain('did you mean');
    expect(far.issues[0]?.message).toContain('missing-designation');
  });

  it('refuses a level that is not off, info, warning or error', () => {
    const result = lintCredentialListing('Jane Doe, PT', untyped({ rules: { order: 'warn' } }));
    expect(result.issues).toMatchObject([{ code: 'invalid-argument', path: ['rules', 'order'] }]);
    expect(result.issues[0]?.message).toBe(
      'expected "off", "info", "warning" or "error", got "warn"; did you mean "warning"?',
    );
    expect(
      lintCredentialListing('Jane Doe, PT', untyped({ rules: { order: 2 } })).issues[0]?.path,
    ).toEqual(['rules', 'order']);
    expect(
      lintCredentialListing('Jane Doe, PT', untyped({ rules: ['order'] })).issues,
    ).toMatchObject([{ code: 'invalid-argument', path: ['rules'] }]);
  });

  it('does not let invalid-argument be configured', () => {
    const result = lintCredentialListing(
      'Jane Doe, PT',
      untyped({ rules: { 'invalid-argument': 'off' } }),
    );
    expect(result.issues).toMatchObject([
      { code: 'invalid-argument', severity: 'error', path: ['rules', 'invalid-argument'] },
    ]);
    expect(result.issues[0]?.message).toContain('cannot be configured');
  });

  it('keeps the refusal of an over-long listing an error whatever listing-too-long is set to', () => {
    const long = `Jane Doe, PT, ${'DPT, '.repeat(80)}`;
    for (const level of ['off', 'info'] as const) {
      const result = lintCredentialListing(long, { rules: { 'listing-too-long': level } });
      expect(result.issues.map((i) => `${i.severity}:${i.code}`)).toEqual([
        'error:listing-too-long',
      ]);
      expect(result.clean).toBe(false);
    }
  });
});

describe('lintCredentialListing({ catalog })', () => {
  const CFMT_LIKE: readonly CustomCredential[] = [
    { abbreviation: 'SDCI', name: 'Clinic Clinical Instructor (in-house)', kind: 'certification' },
  ];

  it('reads an organisation’s own credential as known', () => {
    expect(issues('Jane Doe, PT, DPT, SDCI', {})).toContain('warning:unknown-credential');
    const result = lintCredentialListing('Jane Doe, PT, DPT, SDCI', { catalog: CFMT_LIKE });
    expect(result.issues.map((i) => i.code)).not.toContain('unknown-credential');
    expect(result.parsed?.credentials.map((c) => c.credential.id)).toEqual(['PT', 'DPT', 'SDCI']);
  });

  it('refuses a custom credential that is not one, with the path into the list', () => {
    const result = lintCredentialListing(
      'Jane Doe, PT',
      untyped({ catalog: [{ abbreviation: 'SDCI', name: 'In-house', kind: 'badge' }] }),
    );
    expect(result.parsed).toBeUndefined();
    expect(result.issues).toMatchObject([
      { code: 'invalid-argument', severity: 'error', path: ['catalog', 0, 'kind'] },
    ]);
    expect(
      lintCredentialListing('Jane Doe, PT', untyped({ catalog: 'SDCI' })).issues,
    ).toMatchObject([{ code: 'invalid-argument', path: ['catalog'] }]);
  });

  it('refuses two custom credentials with one abbreviation', () => {
    const twice = [
      { abbreviation: 'SDCI', name: 'In-house A', kind: 'certification' },
      { abbreviation: 'S.D.C.I.', name: 'In-house B', kind: 'certification' },
    ];
    const result = lintCredentialListing('Jane Doe, PT', untyped({ catalog: twice }));
    expect(result.issues).toMatchObject([
      { code: 'invalid-argument', path: ['catalog', 1, 'abbreviation'] },
    ]);
    // Checked once per array, and the same answer the second time.
    expect(lintCredentialListing('Jane Doe, PT', untyped({ catalog: twice })).issues).toEqual(
      result.issues,
    );
  });
});
