import { bench, describe } from 'vitest';
import { parse } from 'yaml';
import { sampleClinicYaml } from '../test-support/sample-clinic.js';
import { parseClinicData } from './clinic-data.js';

// Baseline: the YAML parse alone. The ratio says what validation and positions cost on top.
describe('load the sample clinic', () => {
  bench('yaml.parse only (baseline)', () => {
    parse(sampleClinicYaml);
  });
  bench('parseClinicData (YAML)', () => {
    parseClinicData(sampleClinicYaml, { format: 'yaml' });
  });
});
