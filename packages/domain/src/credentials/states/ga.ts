import type { StateTitleLaw } from './state-law.js';

const SECTION_43_33_11 =
  'https://getpocketlaw.com/law/state_georgia/section-43-33-11-physical-therapists-and-physical-therapist-assistants-to-clearly-inform-public-of-credentials-license-required-use-of-titles-limitation-on-scope-of-code-section_9847cd459108';

/** Georgia: O.C.G.A. §43-33-11 (credentials and titles). */
export const GEORGIA: StateTitleLaw = {
  state: 'GA',
  name: 'Georgia',
  summary:
    'A PT must show the regulatory designator and a PTA "PTA" immediately after the name (missing designation is an error); nothing on "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: true,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'O.C.G.A. §43-33-11(1)',
      url: SECTION_43_33_11,
      says: '"A physical therapist shall clearly inform the public of his or her professional credential as a physical therapist. A physical therapist shall use the appropriate regulatory designator as identified by the board."',
    },
    {
      section: 'O.C.G.A. §43-33-11(2)',
      url: SECTION_43_33_11,
      says: '"A physical therapist assistant shall use the letters \'PTA\' immediately following his or her name"; no one unlicensed may use "physical therapist assistant" or "PTA".',
    },
    {
      section: 'O.C.G.A. §43-33-11(3)',
      url: SECTION_43_33_11,
      says: 'Only where a licensed PT provides the services may anyone use "physical therapist", "doctor of physical therapy" or the letters PT, CPT, DPT, LPT, RPT, MPT. The section says nothing about "Dr." before a name.',
    },
  ],
};
