import type { StateTitleLaw } from './state-law.js';

const SECTION_2 = 'https://my.ilga.gov/ftp/ILCS/Ch%200225/Act%200090/022500900K2.html';

/** Illinois: Illinois Physical Therapy Act, 225 ILCS 90/2. */
export const ILLINOIS: StateTitleLaw = {
  state: 'IL',
  name: 'Illinois',
  summary:
    'A PT "shall use the initials PT", a PTA "PTA" (missing designation is an error); nothing on "Dr.".',
  doctorTitle: { rule: 'none' },
  designationRequired: true,
  assistantSeverity: 'warning',
  citations: [
    {
      section: '225 ILCS 90/2',
      url: SECTION_2,
      says: "\"A physical therapist shall use the initials 'PT' in connection with his or her name to denote licensure under this Act, and a physical therapist assistant shall use the initials 'PTA' …\" (text before amendment by P.A. 104-154).",
    },
    {
      section: '225 ILCS 90/2 (holding out); P.A. 104-154 (2025)',
      url: 'https://my.ilga.gov/ftp/Public%20Acts/104/104-0154.htm',
      says: 'No one may practise or hold out as a PT or PTA unless licensed. The Act has no provision on "Dr."/"doctor". P.A. 104-154 amends §2 and extends the Act to 2031; its new text of §2 was not read.',
    },
  ],
};
