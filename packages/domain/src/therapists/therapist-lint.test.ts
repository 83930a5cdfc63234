import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { lintTherapistListing } from './therapist-lint.js';

const clinic = sampleClinic();
const [mark, allison] = clinic.therapists;
if (!mark || !allison) throw new Error('sample has two therapists');

describe('lintTherapistListing', () => {
  it('lints the listing after the name, under the state of the first location', () => {
    const { input, jurisdiction, result } = lintTherapistListing(mark, clinic.locations, {
      asOf: '2029-11-27',
    });
    expect(input).toBe('Dr. Mark Shulman, Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS');
    expect(jurisdiction).toBe('CA');
    expect(result.issues.map((i) => i.code)).toContain('expiring');
    expect(result.issues.map((i) => i.code)).not.toContain('title-requires-spelled-out-degree');
  });

  it('takes another state when told, and its title law', () => {
    const { result } = lintTherapistListing(allison, clinic.locations, { jurisdiction: 'TX' });
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'title-requires-designation',
      'missing-designation',
    ]);
  });

  const withListing = (credentialListing: string) => ({ ...allison, credentialListing });
  const QRXT = {
    abbreviation: 'QRXT',
    name: 'Quality Rehabilitation Exercise Therapist',
    kind: 'certification',
  } as const;

  it('passes custom credentials on, so the organisation’s own one is not unknown', () => {
    const therapist = withListing('PT, DPT, QRXT');
    const codes = (options: Parameters<typeof lintTherapistListing>[2]) =>
      lintTherapistListing(therapist, clinic.locations, options).result.issues.map((i) => i.code);
    expect(codes({})).toContain('unknown-credential');
    // Known now, and a certification: outside APTA's categories (info) rather than unknown.
    expect(codes({ catalog: [QRXT] })).toEqual(
      codes({}).map((c) => (c === 'unknown-credential' ? 'outside-apta-categories' : c)),
    );
  });

  it('passes rule levels on: off drops a rule, a level replaces its severity', () => {
    const therapist = withListing('DPT, PT');
    const issues = (options: Parameters<typeof lintTherapistListing>[2]) =>
      lintTherapistListing(therapist, clinic.locations, options).result.issues;
    const codes = issues({}).map((i) => i.code);
    expect(codes).toContain('designation-not-first');
    expect(issues({ rules: { 'designation-not-first': 'off' } }).map((i) => i.code)).toEqual(
      codes.filter((c) => c !== 'designation-not-first'),
    );
    expect(
      issues({ rules: { 'designation-not-first': 'error' } }).find(
        (i) => i.code === 'designation-not-first',
      )?.severity,
    ).toBe('error');
  });

  it.each([
    [{ rules: { ordr: 'off' } }, /options\.rules: expected an object of rule levels by code/],
    [{ rules: { order: 'warn' } }, /options\.rules: expected an object of rule levels/],
    [{ rules: { 'invalid-argument': 'off' } }, /options\.rules: expected an object of rule levels/],
    [
      { catalog: [{ abbreviation: 'QRXT', kind: 'certification' }] },
      /options\.catalog\[0\]\.name: expected a name/,
    ],
    [{ catalog: QRXT }, /options\.catalog: expected a list/],
    [{ config: {} }, /options\.config: not an option/],
  ])('refuses the options %j with a TypeError saying where', (options, message) => {
    expect(() => lintTherapistListing(allison, clinic.locations, options as never)).toThrow(
      message,
    );
  });
});
