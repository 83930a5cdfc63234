import { describe, expect, it } from 'vitest';
import { parseClinicData } from '../clinic/clinic-data.js';
import { sampleClinicYaml } from '../test-support/sample-clinic.js';
import { SAMPLE_CLINIC_YAML, sampleClinic } from './index.js';

describe('@ptfx/domain/sample', () => {
  it('carries sample/clinic.yaml exactly (run `pnpm generate:sample` after editing the YAML)', () => {
    expect(SAMPLE_CLINIC_YAML).toBe(sampleClinicYaml);
  });

  it('is the parsed sample clinic, with no issues at all', () => {
    const result = parseClinicData(sampleClinicYaml, { format: 'yaml' });
    expect(result.issues).toEqual([]);
    expect(sampleClinic()).toEqual(result.value);
    expect(sampleClinic().therapists.map((t) => t.credentialListing)).toEqual([
      'Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
      'Doctor of Physical Therapy (DPT), PRPC',
    ]);
  });

  it('gives a fresh copy on each call', () => {
    const first = sampleClinic();
    first.therapists.length = 0;
    first.organization.name = 'changed';
    expect(sampleClinic().therapists).toHaveLength(2);
    expect(sampleClinic().organization.name).toBe('The Physical Therapy Effect');
  });
});
