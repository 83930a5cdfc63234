import type { StateTitleLaw } from './state-law.js';

const B_AND_P_2633 = 'https://california.public.law/codes/ca_bus_and_prof_code_section_2633';

/** California: Business and Professions Code §§2633, 2633.5 (read in full, two copies). */
export const CALIFORNIA: StateTitleLaw = {
  state: 'CA',
  name: 'California',
  summary:
    '"Dr." only with a DPT, PhD or EdD written out right after the name; a PTA may not use PT, "Dr.", "doctor" or "therapist".',
  doctorTitle: { rule: 'spelled-out-degree-after-name', degrees: ['DPT', 'PhD', 'EdD'] },
  designationRequired: false,
  assistantSeverity: 'error',
  assistantBarredWords: ['therapist'],
  citations: [
    {
      section: 'Cal. Bus. & Prof. Code §2633(a)',
      url: B_AND_P_2633,
      says: "A licensed PT \"may use the title 'physical therapist' or the letters 'P.T.'\"; no one else may use L.P.T., R.P.T. or P.T. The act permits the letters; it does not require them.",
    },
    {
      section: 'Cal. Bus. & Prof. Code §2633(b)(1)–(2)',
      url: B_AND_P_2633,
      says: 'A PT with a DPT (or a PhD or EdD) may use the initials DPT, PhD or EdD after the name, and "Doctor"/"Dr." before it only "if the licensee\'s name is immediately followed by an unabbreviated specification of the applicable doctoral degree".',
    },
    {
      section: 'Cal. Bus. & Prof. Code §2633.5(b)',
      url: 'https://self-law.org/code/ca/business-and-professions-code/2633-5',
      says: 'A PTA license does not authorize "LPT", "RPT", "PT", "Dr.", "physical therapist", "therapist", "doctor", or any affix implying a physical therapist or a doctor.',
    },
  ],
};
