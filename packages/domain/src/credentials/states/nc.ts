import type { StateTitleLaw } from './state-law.js';

/** North Carolina: N.C.G.S. ch. 90, art. 18E (Physical Therapy Practice Act). */
export const NORTH_CAROLINA: StateTitleLaw = {
  state: 'NC',
  name: 'North Carolina',
  summary:
    'General title protection only (any letters implying PT or PTA are reserved to licensees); nothing on "Dr." or a required designation.',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'N.C.G.S. §90-270.102(2) (formerly §90-270.35(2))',
      url: 'https://ncleg.gov/EnactedLegislation/Statutes/HTML/ByArticle/Chapter_90/Article_18E.html',
      says: 'A Class 1 misdemeanor to "use in connection with any person\'s name any letters, words, numerical codes, or insignia indicating or implying that the person is a physical therapist or physical therapist assistant … unless the person is licensed". The article has no provision on "Dr."/"doctor" and lists no letters.',
    },
    {
      section: 'N.C.G.S. §90-270.102 (FindLaw copy, current to 1 Jan 2023)',
      url: 'https://codes.findlaw.com/nc/chapter-90-medicine-and-allied-occupations/nc-gen-st-sect-90-270-102/',
      says: 'The same text, read in full: a general "indicating or implying" clause, no list of protected letters, nothing on "doctor".',
    },
  ],
};
