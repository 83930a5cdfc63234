import type { StateTitleLaw } from './state-law.js';

/** Pennsylvania: Physical Therapy Practice Act (63 P.S. §§1301–1313) and 49 Pa. Code ch. 40. */
export const PENNSYLVANIA: StateTitleLaw = {
  state: 'PA',
  name: 'Pennsylvania',
  summary:
    'General title protection only: no PT may be held out without a licence; the act says nothing on "Dr." or on a required designation.',
  doctorTitle: { rule: 'none' },
  designationRequired: false,
  assistantSeverity: 'warning',
  citations: [
    {
      section: '63 P.S. §1304(a) (Physical Therapy Practice Act §4(a))',
      url: 'https://www.legis.state.pa.us/cfdocs/legis/LI/uconsCheck.cfm?txtType=HTM&yr=1975&sessInd=0&smthLwInd=0&act=110',
      says: '"It shall be unlawful for an individual to practice or hold himself out as being able to practice physical therapy in this State in any manner whatsoever unless such individual … is licensed." No provision on "Dr."/"doctor" or on a designation to write after the name.',
    },
    {
      section: '63 P.S. §1304(b.1); §1304(b) deleted by Act 38 of 2008',
      url: 'https://www.legis.state.pa.us/cfdocs/legis/LI/uconsCheck.cfm?txtType=HTM&yr=1975&sessInd=0&smthLwInd=0&act=110',
      says: 'Unlawful to use "physical therapy", "physical therapist", "physiotherapy", "physiotherapist" or similar words and related abbreviations with a business name unless a licensed PT provides the services; the old clause on individual titles was deleted in 2008.',
    },
    {
      section: '49 Pa. Code ch. 40, subch. C (§§40.151–40.192)',
      url: 'https://www.pacodeandbulletin.gov/Display/pacode?file=/secure/pacode/data/049/chapter40/subchapCtoc.html',
      says: 'PTAs are certified (not licensed) under 63 P.S. §1309.1; the subchapter has no rule on the titles a PTA may use.',
    },
  ],
};
