import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { lintTherapistListing } from './therapist-lint.js';

const clinic = sampleClinic();
const [mark, allison] = clinic.therapists;
if (!mark || !allison) throw new Error('sample has two therapists');

describe('lintTherapistListing', () => {
  it('lints the listing after the name, under the state of the first location', () => {
    const { input, jurisdiction, result } = lintTherapistListing(mark, clinic.locations, {
      asOf: '2026-11-27',
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
});
