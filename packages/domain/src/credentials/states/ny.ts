import type { StateTitleLaw } from './state-law.js';

const GUIDELINE =
  'https://www.op.nysed.gov/professions/physical-therapist-assistants/professional-practice/advertising-specialty-credentials';

/** New York: NYSED Office of the Professions, PT Practice Guideline 2 (Education Law Art. 136). */
export const NEW_YORK: StateTitleLaw = {
  state: 'NY',
  name: 'New York',
  summary:
    'The licence title P.T./P.T.A. first after the name (missing PT is an error); "Dr." must name the profession ("Dr. Jane Smith, P.T.").',
  doctorTitle: { rule: 'designation' },
  designationRequired: true,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'NYSED PT Practice Guideline 2.3',
      url: GUIDELINE,
      says: "\"The initials used in connection with a licensed physical therapist's or physical therapist assistant's name are 'P.T.' or 'P.T.A.'\" — academic degrees are neither recognized nor protected; the title is listed first after the name (guidance under Education Law Art. 136).",
    },
    {
      section: 'NYSED PT Practice Guideline 2.4',
      url: GUIDELINE,
      says: '"Use of the title \'doctor\' when offering to perform professional services must indicate the profession in which the licensee holds a doctorate (i.e., Dr. Jane Smith, P.T.)."',
    },
    {
      section: 'N.Y. Educ. Law §6738',
      url: 'https://www.nysenate.gov/legislation/laws/EDN/6738',
      says: '"Physical therapist assistant" means a person licensed under Article 136 (licensed since L.2022 c.511).',
    },
  ],
};
