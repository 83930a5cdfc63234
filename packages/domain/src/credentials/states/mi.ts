import type { StateTitleLaw } from './state-law.js';

/** Michigan: Public Health Code MCL 333.17820 and the Board of Physical Therapy's FAQ. */
export const MICHIGAN: StateTitleLaw = {
  state: 'MI',
  name: 'Michigan',
  summary:
    'PT and PTA letters reserved to licensees; board guidance: "Dr." must come with "physical therapy" named, PT after the name.',
  doctorTitle: { rule: 'designation' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'MCL 333.17820(2)',
      url: 'https://www.legislature.mi.gov/Laws/MCL?objectName=mcl-333-17820',
      says: 'Restricts to licensees "physical therapist", "physiotherapist", "physical therapist assistant" and the letters p.t., r.p.t., l.p.t., c.p.t., d.p.t., m.p.t., p.t.a., l.p.t.a., c.p.t.a., r.p.t.a., p.t.t. (text as of the 2015 amendment; the later text was not read). No provision on "Dr.".',
    },
    {
      section: 'Michigan Board of Physical Therapy, FAQ on "Dr." (as reproduced)',
      url: 'https://therapycomply.com/Michigan-PT-Professional-Identification',
      says: '"If you use Dr., you must also include the terms physical therapy so it is clear you are a doctor of physical therapy. DPT is not a recognized title or initial for a licensee. The Board recommends that you use the term PT after your name" (board guidance, read in a third-party reproduction).',
    },
  ],
};
