import type { StateTitleLaw } from './state-law.js';

/** Virginia: Code of Virginia §54.1-3481. */
export const VIRGINIA: StateTitleLaw = {
  state: 'VA',
  name: 'Virginia',
  summary:
    'The title of a licensed PT "shall be P.T."; PT and PTA titles reserved to licensees; nothing on "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'Va. Code §54.1-3481(A)',
      url: 'https://law.lis.virginia.gov/vacode/54.1-3481/',
      says: 'Unlawful for a non-licensee to use "R.P.T.", "L.P.T.", "P.T.", "Physical Therapist", "P.T.A.", "Physical Therapist Assistant" and like titles; "The title to designate a licensed physical therapist shall be \'P.T.\' The title to designate a physical therapist assistant shall show such fact plainly on its face." Nothing on "Dr."/"doctor" (read in a third-party copy, laws9.com, possibly dated).',
    },
  ],
};
