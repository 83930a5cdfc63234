import type { Severity } from '../shared/issue.js';

const APTA_2016 =
  'APTA, Appropriate Use of Designations (HOD RC 4-16, 2016): https://apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations';
const APTA_2009 =
  'APTA HOD P06-03-17-14 (2009, replaced): PT must not be replaced by RPT, LPT or a degree';
const ABPTS_2019 =
  'APTA House of Delegates 2019: ABPTS abbreviations no longer recognized; write the title out: https://specialization.apta.org/for-specialists/marketing/Promote-Certification';

/** What a credential-listing rule says, how much it matters by default, and where it comes from. */
export interface CredentialLintRule {
  /** Default severity; some rules are errors only where a law applies. */
  readonly severity: Severity;
  /** The rule in one line. */
  readonly summary: string;
  /** The policy, statute or board rule behind it. */
  readonly source: string;
}

/**
 * Every rule `lintCredentialListing` applies, by stable code. A listing with no error or
 * warning is clean; `info` issues are advice.
 */
export const CREDENTIAL_LINT_RULES = {
  'invalid-argument': {
    severity: 'error',
    summary: 'The listing is not text, or an option is not a documented one; nothing is judged.',
    source: 'ptfx: the arguments of lintCredentialListing',
  },
  'empty-listing': {
    severity: 'error',
    summary: 'The listing has no credential at all.',
    source: `${APTA_2016}: PT or PTA is the one mandatory designation`,
  },
  'unknown-credential': {
    severity: 'warning',
    summary: 'A part of the listing is not a credential ptfx knows; it is kept, never dropped.',
    source: 'ptfx credential catalog (APTA’s example lists are not complete)',
  },
  'duplicate-credential': {
    severity: 'warning',
    summary: 'The same credential appears twice.',
    source: APTA_2016,
  },
  'missing-designation': {
    severity: 'warning',
    summary:
      'No PT or PTA: the regulatory designation is the only mandatory one (an error in TX and NY).',
    source: `${APTA_2016}; Texas Board FAQ (only "PT" shows licensure); NYSED PT Guideline 2.3`,
  },
  'degree-as-designation': {
    severity: 'warning',
    summary: 'A degree such as DPT stands where PT belongs; a degree does not show licensure.',
    source: `${APTA_2009}; Texas Board FAQ: https://ptot.texas.gov/category/faqs/pt-practice-faqs/display-of-license-use-of-title/`,
  },
  'designation-not-first': {
    severity: 'warning',
    summary:
      'PT or PTA is not the first credential; the regulatory designation precedes all others.',
    source: `${APTA_2016}; ${APTA_2009}`,
  },
  order: {
    severity: 'warning',
    summary: 'Credentials are out of the profile’s category order.',
    source: `${APTA_2016} (apta-2016); ${APTA_2009} (apta-legacy)`,
  },
  'multiple-pt-degrees': {
    severity: 'warning',
    summary: 'More than one PT degree; only the highest belongs in the listing.',
    source: `${APTA_2016}: category 2 is the highest earned PT-related degree`,
  },
  'abbreviated-specialist': {
    severity: 'warning',
    summary: 'An ABPTS specialist abbreviation (OCS, SCS, …) under apta-2016; write the title out.',
    source: ABPTS_2019,
  },
  'outside-apta-categories': {
    severity: 'info',
    summary:
      'An abbreviation outside APTA’s five categories (FAAOMPT, COMT, CSCS, …); spell it out or leave it out.',
    source: `${APTA_2016}: honors and certifications outside the categories are spelled out or left out`,
  },
  'fapta-not-last': {
    severity: 'warning',
    summary: 'FAPTA is followed by another abbreviation; it comes last.',
    source: `${APTA_2016}: FAPTA is category 5`,
  },
  'title-requires-spelled-out-degree': {
    severity: 'error',
    summary: 'California: "Dr." needs the doctoral degree written out immediately after the name.',
    source:
      'California Business & Professions Code §2633(b)(2): https://california.public.law/codes/ca_bus_and_prof_code_section_2633',
  },
  'title-requires-designation': {
    severity: 'error',
    summary:
      'Texas, Florida, New York: "Dr." needs PT (or "physical therapist") in the listing; Texas also the degree.',
    source:
      'Texas Board FAQ on "Doctor" (https://ptot.texas.gov/1-can-i-use-the-title-doctor-if-i-have-a-dpt-phd-or-other-doctoral-level-degree); Florida SB 450 (2016), ch. 486 F.S.; NYSED PT Guideline 2',
  },
  'assistant-title': {
    severity: 'error',
    summary:
      'A PTA uses "Dr.", "doctor", PT or a PT title (an error in California, a warning elsewhere).',
    source:
      'California Business & Professions Code §2633.5: https://self-law.org/code/ca/business-and-professions-code/2633-5; APTA',
  },
  'ambiguous-credential': {
    severity: 'warning',
    summary:
      'The abbreviation does not say what it is or who issued it (COMT, CMT, MT, CLT, …); name the issuer.',
    source: 'ptfx credential catalog, ambiguity notes (FaCeT duplicate list; issuers’ own sites)',
  },
  expired: {
    severity: 'error',
    summary: 'A listed credential has expired as of the date checked.',
    source:
      'The issuer’s renewal rule (ABPTS 10 years, NSCA 3-year cycle, HTCC 5 years, BOC 2 years) or the stated expiry',
  },
  expiring: {
    severity: 'warning',
    summary: 'A listed credential expires within the warning window.',
    source: 'The issuer’s renewal rule or the stated expiry',
  },
  'listing-too-long': {
    severity: 'warning',
    summary:
      'The listing is too long to read (a warning), or past the length ptfx reads at all (an error).',
    source: `${APTA_2016}: APTA asks for fewer abbreviations to reduce consumer confusion`,
  },
} as const satisfies Record<string, CredentialLintRule>;

/** A stable code of a credential-listing rule. */
export type CredentialLintCode = keyof typeof CREDENTIAL_LINT_RULES;
