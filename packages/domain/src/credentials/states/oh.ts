import type { StateTitleLaw } from './state-law.js';

/** Ohio: Revised Code ch. 4755 (physical therapy) and §4731.34 (the medical act's "Dr."). */
export const OHIO: StateTitleLaw = {
  state: 'OH',
  name: 'Ohio',
  summary:
    'No PT-specific "Dr." rule found; under the medical act "Dr." is unlicensed practice of medicine only where it represents the practice of medicine.',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'Ohio Rev. Code §4731.34(A)(1)',
      url: 'https://lawserver.com/law/state/ohio/oh-code/ohio_code_4731-34',
      says: "A person practises medicine who \"uses the words or letters, 'Dr.,' 'Doctor,' 'M.D.,' … in connection with the person's name in any way that represents the person as engaged in the practice of medicine and surgery\". It asks nothing of a PT beyond not claiming to practise medicine.",
    },
    {
      section: 'Ohio Rev. Code §4755.40(B), (C)',
      url: 'https://codes.ohio.gov/ohio-revised-code/section-4755.40',
      says: 'Defines "physical therapist" (including a physiotherapist) and "physical therapist assistant"; PTAs are licensed (§4755.441). The title-protection section, §4755.48, was located but its text was not read.',
    },
  ],
};
