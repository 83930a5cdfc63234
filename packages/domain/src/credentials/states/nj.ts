import type { StateTitleLaw } from './state-law.js';

/** New Jersey: Physical Therapist Licensing Act (N.J.S.A. 45:9-37.11 ff.) and N.J.A.C. 13:39A. */
export const NEW_JERSEY: StateTitleLaw = {
  state: 'NJ',
  name: 'New Jersey',
  summary:
    'The act allows PT or LPT and PTA or LPTA; advertising must show PT/PTA with the name (missing designation is an error); nothing on "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: true,
  assistantSeverity: 'warning',
  allowedDesignations: ['LPT', 'LPTA'],
  citations: [
    {
      section: 'N.J.S.A. 45:9-37.31',
      url: 'https://courtgpt.ai/laws/new_jersey/title-45/chapter-9/section-45-9-37-31',
      says: 'A licensed PT "may use the title \'physical therapist,\' or \'licensed physical therapist,\' or the abbreviations \'PT\' or \'LPT\'"; a licensed PTA may use "physical therapist assistant", "licensed physical therapist assistant", "PTA" or "LPTA". Nothing on "Dr."/"doctor".',
    },
    {
      section: 'N.J.A.C. 13:39A-8.5(b)',
      url: 'https://regulations.justia.com/states/new-jersey/title-13/chapter-39a/subchapter-8/section-13-39a-8-5',
      says: "\"A licensee shall use the designation 'physical therapist' or 'physical therapist assistant' or the abbreviation 'PT' or 'PTA' in conjunction with the use of his or her name and license number. Academic degree designations, including initials, may be placed after the name and the title.\" (advertising rules, which a published listing is).",
    },
  ],
};
