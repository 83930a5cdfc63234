import type { StateTitleLaw } from './state-law.js';

/** Florida: F.S. ch. 486 as amended by SB 450 (2016), ch. 2016-70, Laws of Florida. */
export const FLORIDA: StateTitleLaw = {
  state: 'FL',
  name: 'Florida',
  summary:
    '"Dr." only while telling the public the person is a physical therapist (PT in the listing).',
  doctorTitle: { rule: 'designation' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'F.S. 486.081 as amended by SB 450 (ch. 2016-70, Laws of Fla.)',
      url: 'https://flsenate.gov/Session/Bill/2016/450/BillText/er/HTML',
      says: 'Enrolled bill: a licensed PT with a specified doctoral degree may use specified letters; a PT with that degree may not use the title "doctor" without informing the public of his or her profession as a physical therapist.',
    },
    {
      section: 'Florida Senate bill summary, SB 450 (2016)',
      url: 'https://flsenate.gov/Committees/BillSummaries/2016/html/1328',
      says: 'A PT with a DPT may use "D.P.T." and "P.T."; "a physical therapist may not use the title \'doctor\' without also clearly informing the public of his or her profession as a physical therapist".',
    },
    {
      section: 'F.S. 486.107(1)',
      url: 'https://www.flsenate.gov/Laws/Statutes/2024/486.107',
      says: "A PTA \"may use the words 'physical therapist assistant,' or the letters 'P.T.A.,' in connection with her or his name to denote licensure\".",
    },
  ],
};
