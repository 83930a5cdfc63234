import type { StateTitleLaw } from './state-law.js';

/** Massachusetts: M.G.L. c. 112 §23P. */
export const MASSACHUSETTS: StateTitleLaw = {
  state: 'MA',
  name: 'Massachusetts',
  summary:
    'PT and PTA letters, DPT and "Dr. P.T." reserved to licensees; no rule on how a PT writes "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: 'M.G.L. c. 112 §23P',
      url: 'https://lexace.ai/us/statute/massachusetts/112-23P',
      says: 'No one not licensed may use "C.P.T.", "CPT", "D.P.T.", "DPT", "D.R.P.T.", "Dr. P.T.", "P.T.", "R.P.T.", "L.P.T.A.", "PH.T.", "P.T.A.", "P.T.D.", "P.T.T.", "physical therapist", "physiotherapist", "physical therapist assistant" or anything indicating a PT or PTA. It sets no format for "Dr." (read in a third-party copy; official text at malegislature.gov, c. 112 §23P).',
    },
  ],
};
