import type { StateTitleLaw } from './state-law.js';

/** Texas: Occupations Code §§453.201, 104.004 and the PT board's FAQ on "Doctor". */
export const TEXAS: StateTitleLaw = {
  state: 'TX',
  name: 'Texas',
  summary:
    'Only "PT" signifies licensure (missing PT is an error); "Dr." needs PT and the doctoral degree named.',
  doctorTitle: { rule: 'designation-and-degree' },
  designationRequired: true,
  assistantSeverity: 'warning',
  assistantBarredWords: ['therapist'],
  citations: [
    {
      section: 'Tex. Occ. Code §453.201(d)–(f)',
      url: 'https://statutes.capitol.texas.gov/Docs/OC/htm/OC.453.htm#453.201',
      says: 'Unless a PT, no one may use "physical therapist", "physiotherapist" or the letters PT, PhT, LPT, RPT, DPT, MPT; the title "Physical Therapist Assistant" and "PTA" are reserved to PTAs.',
    },
    {
      section: 'Tex. Occ. Code §104.004',
      url: 'https://statutes.capitol.texas.gov/Docs/OC/htm/OC.104.htm#104.004',
      says: 'A person not listed in §104.003 who uses "doctor" on any professional identification, including a signature, must designate the college or honorary degree that gives rise to the title.',
    },
    {
      section: 'Texas Board of PT Examiners, FAQ "Can I use the title Doctor…"',
      url: 'https://ptot.texas.gov/1-can-i-use-the-title-doctor-if-i-have-a-dpt-phd-or-other-doctoral-level-degree',
      says: 'If "doctor" is used, the licensure designation and the degree must both appear: "Dr. Jane Doe, PT, DPT" (board guidance).',
    },
    {
      section: 'Texas Board of PT Examiners, FAQ on display of license',
      url: 'https://ptot.texas.gov/category/faqs/pt-practice-faqs/display-of-license-use-of-title/',
      says: '"The only letters that legally signify licensure as a physical therapist in Texas are the letters \'PT\'"; degrees follow PT.',
    },
    {
      section:
        'Texas Board of PT Examiners, FAQ "May a PT or PTA use the generic title therapist?"',
      url: 'https://ptot.texas.gov/category/faqs/pt-practice-faqs/display-of-license-use-of-title/',
      says: "\"Use of the term 'therapist' is not authorized by a license from the PT Board. The PT must use the term 'physical therapist' …, while the PTA must use 'physical therapist assistant'\" (board guidance).",
    },
  ],
};
