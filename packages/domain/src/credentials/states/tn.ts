import type { StateTitleLaw } from './state-law.js';

/** Tennessee: T.C.A. §63-13-310. */
export const TENNESSEE: StateTitleLaw = {
  state: 'TN',
  name: 'Tennessee',
  summary:
    'A PT "shall use the letters PT", a PTA "PTA" (missing designation is an error); nothing on "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: true,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'T.C.A. §63-13-310(a), (d)',
      url: 'https://legalfix.com/statutes/state-codes/tennessee/title-63/chapter-13/part-3/section-63-13-310',
      says: "\"A physical therapist shall use the letters 'PT' in connection with their name or place of business to denote licensure\"; \"A physical therapist assistant shall use the letters 'PTA' in connection with the person's name to denote licensure.\"",
    },
    {
      section: 'T.C.A. §63-13-310(b), (e)',
      url: 'https://legalfix.com/statutes/state-codes/tennessee/title-63/chapter-13/part-3/section-63-13-310',
      says: '"doctor of physical therapy" and the letters PT, LPT, DPT, RPT are reserved to services by or under a licensed PT; "PTA" to licensed PTAs. Nothing on "Dr." before a name.',
    },
  ],
};
