import type { StateTitleLaw } from './state-law.js';

const R4_24_302 =
  'https://casetext.com/regulation/arizona-administrative-code/title-4-professions-and-occupations/chapter-24-board-of-physical-therapy/article-3-practice-of-physical-therapy/section-r4-24-302-use-of-titles';

/** Arizona: A.R.S. §32-2042 and the Board of Physical Therapy's rule R4-24-302. */
export const ARIZONA: StateTitleLaw = {
  state: 'AZ',
  name: 'Arizona',
  summary:
    '"P.T." (or "P.T.A.") immediately after the name, degrees after it, no R.P.T./L.P.T. (missing designation is an error); nothing on "Dr." in the PT act.',
  doctorTitle: { rule: 'none' },
  designationRequired: true,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'A.R.S. §32-2042(A)–(C)',
      url: 'https://self-law.org/code/az/title-32/32-2042',
      says: '"A physical therapist shall use the letters \'PT\' in connection with the physical therapist\'s name or place of business to denote licensure"; a PTA "shall use the letters \'PTA\'"; non-PTs may not use PT, LPT, RPT, MPT, DScPT, DPT. Nothing on "Dr.".',
    },
    {
      section: 'Ariz. Admin. Code R4-24-302(A)–(C)',
      url: R4_24_302,
      says: 'A licensed PT "shall use the designation \'P.T.\' immediately following the licensee\'s name or signature" and "shall not use the designations \'R.P.T.\' or \'L.P.T.\'"; degrees and specialty certifications follow "P.T."; a PTA uses "P.T.A." immediately after the name.',
    },
  ],
};
