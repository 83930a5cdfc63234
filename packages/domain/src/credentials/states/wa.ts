import type { StateTitleLaw } from './state-law.js';

/** Washington: RCW 18.74.090. */
export const WASHINGTON: StateTitleLaw = {
  state: 'WA',
  name: 'Washington',
  summary:
    'General title protection only (P.T., R.P.T., L.P.T., PTA and the words reserved to licensees); nothing on "Dr." or a required designation.',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'RCW 18.74.090(1), (2)',
      url: 'https://app.leg.wa.gov/RCW/default.aspx?cite=18.74.090',
      says: "A non-licensee \"shall not use in connection with his or her name the words or letters 'P.T.', 'R.P.T.', 'L.P.T.', 'physical therapy', 'physiotherapy', 'physical therapist' or 'physiotherapist'\"; nor \"physical therapist assistant\" or \"PTA\" without a PTA licence. Nothing on \"Dr.\"/\"doctor\". (RCW 18.74.125, on letters with a name, was not read.)",
    },
  ],
};
