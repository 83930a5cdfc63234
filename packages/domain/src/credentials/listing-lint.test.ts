import { describe, expect, it } from 'vitest';
import type { UsStateCode } from '../contact/us-state.js';
import type { Issue, Severity } from '../shared/issue.js';
import type { CredentialProfile } from './canonical-order.js';
import { CREDENTIAL_LINT_RULES, type CredentialLintCode } from './lint-rules.js';
import {
  type CredentialListingLint,
  type LintCredentialListingOptions,
  lintCredentialListing,
  MAX_LISTING_LENGTH,
} from './listing-lint.js';

/** An expected issue, written `severity:code`. */
type Expected = `${Severity}:${CredentialLintCode}`;

/**
 * A credential listing as a clinic site shows it, the lint options, every issue expected (as
 * `severity:code`, compared as a whole so an unexpected issue fails), and the expected fix: the
 * canonical listing, `null` when the listing is already canonical, or left out when not pinned.
 */
type Row = [
  listing: string,
  options: LintCredentialListingOptions,
  expected: readonly Expected[],
  fix?: string | null,
];

// The example listings of the San Diego clinic (reference, top).
const SHULMAN = 'Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS';
const MCKAY = 'Dr. Allison McKay — Doctor of Physical Therapy (DPT), PRPC';

// Names written out, as the reference's catalogue (§2) gives them.
const FAAOMPT_NAME = 'Fellow of the American Academy of Orthopaedic Manual Physical Therapists';
const COMT_NAME = 'Certified Orthopaedic Manual Therapist';
const CSCS_NAME = 'Certified Strength and Conditioning Specialist';
const PRPC_NAME = 'Pelvic Rehabilitation Practitioner Certification';
const OCS_NAME = 'Board-Certified Orthopaedic Clinical Specialist';
const SCS_NAME = 'Board-Certified Sports Clinical Specialist';
const SHULMAN_SPELLED_OUT = `${FAAOMPT_NAME}, ${COMT_NAME}, ${CSCS_NAME}`;

const LEGACY: LintCredentialListingOptions = { profile: 'apta-legacy' };
const CA: LintCredentialListingOptions = { jurisdiction: 'CA' };
const TX: LintCredentialListingOptions = { jurisdiction: 'TX' };
const FL: LintCredentialListingOptions = { jurisdiction: 'FL' };
const NY: LintCredentialListingOptions = { jurisdiction: 'NY' };
const WA: LintCredentialListingOptions = { jurisdiction: 'WA' };

/** Options as plain JavaScript passes them: untyped, so a wrong one reaches the linter. */
function fromJavaScript(options: object): LintCredentialListingOptions {
  return JSON.parse(JSON.stringify(options));
}

/** Trailing blanks a CMS left behind, padding a listing to exactly `length` characters. */
function padTo(listing: string, length: number): string {
  return listing.padEnd(length, ' ');
}

/** A bio pasted into the credentials field: far past what the linter reads. */
const PASTED_BIO =
  'Jane Doe, PT, DPT — Jane grew up in Escondido and has treated runners, cyclists and ' +
  'weekend warriors for over fifteen years. She completed her orthopaedic residency in 2012, ' +
  'teaches dry needling on weekends, and believes every patient deserves a clear plan, an ' +
  'honest timeline and a therapist who listens. Outside the clinic she surfs at Swami’s.';

const ROWS: readonly Row[] = [
  // --- The seed listings: no PT, DPT where PT belongs, certifications outside APTA's categories.
  [
    SHULMAN,
    {},
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, PT, DPT, ${SHULMAN_SPELLED_OUT}`,
  ],
  [
    SHULMAN,
    LEGACY,
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'warning:order',
      'warning:ambiguous-credential',
      'warning:order',
    ],
    'Dr. Mark Shulman, PT, DPT, COMT, CSCS, FAAOMPT',
  ],
  // CA: the degree written out right after the name meets B&P §2633(b)(2); PT goes after it.
  [
    SHULMAN,
    CA,
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, Doctor of Physical Therapy, PT, ${SHULMAN_SPELLED_OUT}`,
  ],
  [
    SHULMAN,
    { ...LEGACY, ...CA },
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'warning:order',
      'warning:ambiguous-credential',
      'warning:order',
    ],
    'Dr. Mark Shulman, Doctor of Physical Therapy, PT, COMT, CSCS, FAAOMPT',
  ],
  // TX: "Dr." needs PT and the degree; no PT is an error there.
  [
    SHULMAN,
    TX,
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, PT, DPT, ${SHULMAN_SPELLED_OUT}`,
  ],
  [
    SHULMAN,
    { ...LEGACY, ...TX },
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
      'warning:order',
      'warning:ambiguous-credential',
      'warning:order',
    ],
    'Dr. Mark Shulman, PT, DPT, COMT, CSCS, FAAOMPT',
  ],
  // FL: "Dr." without PT is an error, the missing designation itself only a warning.
  [
    SHULMAN,
    FL,
    [
      'error:title-requires-designation',
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, PT, DPT, ${SHULMAN_SPELLED_OUT}`,
  ],
  [
    SHULMAN,
    NY,
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, PT, DPT, ${SHULMAN_SPELLED_OUT}`,
  ],
  // WA has no "Dr." rule: only APTA's.
  [
    SHULMAN,
    WA,
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:ambiguous-credential',
      'info:outside-apta-categories',
    ],
    `Dr. Mark Shulman, PT, DPT, ${SHULMAN_SPELLED_OUT}`,
  ],
  // Naming COMT's issuer removes the ambiguity; a CSCS due Dec 31 is expiring in late November.
  [
    SHULMAN,
    {
      ...CA,
      asOf: '2026-11-27',
      credentials: [
        { abbreviation: 'COMT', issuer: 'Maitland Australian Physiotherapy Seminars (MAPS)' },
        { abbreviation: 'CSCS', expires: '2026-12-31' },
      ],
    },
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'info:outside-apta-categories',
      'warning:expiring',
    ],
    `Dr. Mark Shulman, Doctor of Physical Therapy, PT, ${SHULMAN_SPELLED_OUT}`,
  ],
  [
    MCKAY,
    {},
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
    ],
    `Dr. Allison McKay, PT, DPT, ${PRPC_NAME}`,
  ],
  [
    MCKAY,
    LEGACY,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Dr. Allison McKay, PT, DPT, PRPC',
  ],
  [
    MCKAY,
    CA,
    [
      'warning:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
    ],
    `Dr. Allison McKay, Doctor of Physical Therapy, PT, ${PRPC_NAME}`,
  ],
  [
    MCKAY,
    { ...LEGACY, ...CA },
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Dr. Allison McKay, Doctor of Physical Therapy, PT, PRPC',
  ],
  [
    MCKAY,
    TX,
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
      'info:outside-apta-categories',
    ],
    `Dr. Allison McKay, PT, DPT, ${PRPC_NAME}`,
  ],
  [
    MCKAY,
    { ...LEGACY, ...TX },
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
    ],
    'Dr. Allison McKay, PT, DPT, PRPC',
  ],

  // --- Clean listings.
  ['Jane Doe, PT, DPT', {}, [], null],
  ['Jane Doe, PT, DPT', LEGACY, [], null],
  ['Jane Doe, PT, DPT', WA, [], null],
  ['Jane Doe, PT, DPT, OCS', LEGACY, [], null],
  ['Dr. Jane Doe, Doctor of Physical Therapy, PT', CA, [], null],
  ['Dr. Jane Doe, Doctor of Physical Therapy, PT', { ...LEGACY, ...CA }, [], null],
  ['Dr. Priya Raman, Doctor of Philosophy, PT', CA, [], null],
  ['Dr. Jane Doe, PT, DPT', TX, [], null],
  ['Doctor Luis Ortega, PT, DPT', { ...LEGACY, ...TX }, [], null],
  ['Dr. Hannah Lee, PT, PhD', TX, [], null],
  ['Dr. Jane Doe, PT, DPT', FL, [], null],
  ['Dr. Jane Doe, PT, DPT', NY, [], null],
  ['Dr. Jane Doe, PT, DPT', { ...LEGACY, ...NY }, [], null],
  ['Dr. Sam Patel, Physical Therapist, DPT', NY, [], 'Dr. Sam Patel, PT, DPT'],
  ['John Smith Jr., PT, DPT', {}, [], null],
  ["Mary O'Neil-Smith, PT, DPT, OCS, SCS", LEGACY, [], null],
  ['Carlos Mendoza, PT, DPT, ATC, MS', {}, [], null],
  ['Carlos Mendoza, PT, DPT, MS, ATC', LEGACY, [], null],
  ['Grace Chen, PT, DPT, PhD, FAPTA', {}, [], null],
  ['Grace Chen, PT, DPT, FAPTA, FAAOMPT', LEGACY, [], null],
  [`Jane Doe, PT, DPT, ${OCS_NAME}`, {}, [], null],
  [`Jane Doe, PT, DPT, FAPTA, ${OCS_NAME}`, {}, [], null],
  ['Jane Doe, PT, DPT, LAc', {}, [], null],
  ['Jane Doe, PT, DPT, CLT-LANA', LEGACY, [], null],
  ['Jane Doe, PT, DPT, Dip. MDT, Cert. DN', LEGACY, [], null],
  ['Jane Doe, PTA', {}, [], null],
  ['Jane Doe, PTA', CA, [], null],
  ['Jane Doe, ATC', { role: 'other' }, [], null],
  // Info issues only: still clean.
  [
    'Jane Doe, PT, DPT, CSCS',
    {},
    ['info:outside-apta-categories'],
    `Jane Doe, PT, DPT, ${CSCS_NAME}`,
  ],
  [
    'Jane Doe, PT, DPT, CMTPT',
    {},
    ['info:outside-apta-categories'],
    'Jane Doe, PT, DPT, Certified Myofascial Trigger Point Therapist',
  ],
  ['Jane Doe, PT, DPT, CSCS', LEGACY, [], null],

  // --- Separators websites use; all read the same, and the fix writes commas.
  ['Jane Doe — PT – DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe • PT • DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe · PT · DPT', LEGACY, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe | PT | DPT | OCS', LEGACY, [], 'Jane Doe, PT, DPT, OCS'],
  ['Jane Doe; PT; DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe, PT/DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe\nPT\nDPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe\r\nPT, DPT', LEGACY, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe,\u00a0PT,\u00a0DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane\u00a0Doe, PT,\u200bDPT', {}, [], 'Jane\u00a0Doe, PT, DPT'],
  ['Jane Doe PT DPT', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe, P.T., D.P.T.', {}, [], 'Jane Doe, PT, DPT'],
  ['Jane Doe, PT, D.P.T., OCS, S.C.S.', LEGACY, [], 'Jane Doe, PT, DPT, OCS, SCS'],
  [
    'Jane Doe, PT/DPT/OCS',
    {},
    ['warning:abbreviated-specialist'],
    `Jane Doe, PT, DPT, ${OCS_NAME}`,
  ],

  // --- McKenzie: "Cert MDT", "Cert. MDT" and "Cred. MDT" are one credential, written two ways
  // by its issuer (§9 rule 12 asks for the issuer to be named).
  [
    'Jane Doe, PT, DPT, Cert MDT',
    LEGACY,
    ['warning:ambiguous-credential'],
    'Jane Doe, PT, DPT, Cert. MDT',
  ],
  ['Jane Doe, PT, DPT, Cert. MDT', LEGACY, ['warning:ambiguous-credential'], null],
  // Issue 14: "Cred. MDT" is a kept spelling (a catalog variant, as ScD for DSc), so the fix no
  // longer rewrites it to "Cert. MDT": the listing is already canonical.
  ['Jane Doe, PT, DPT, Cred. MDT', LEGACY, ['warning:ambiguous-credential'], null],
  [
    'Jane Doe, PT, DPT, Cert MDT',
    {},
    ['info:outside-apta-categories', 'warning:ambiguous-credential'],
    'Jane Doe, PT, DPT, Certified in Mechanical Diagnosis and Therapy',
  ],

  // --- Case matters: LAc (acupuncturist) is not LAC; "lac" is neither.
  ['Jane Doe, PT, DPT, LAC', {}, ['warning:ambiguous-credential'], null],
  ['Jane Doe, PT, DPT, lac', {}, ['warning:unknown-credential'], null],

  // --- Typos and things not in the catalog: reported, kept, never dropped.
  ['Jane Doe, PT, DPT, CMPTT', LEGACY, ['warning:unknown-credential'], null],
  ['Jane Doe, PT, Dpt', {}, ['warning:unknown-credential'], null],
  ['Jane Doe, PT, DPT, Certified Dry Needling Practitioner', {}, ['warning:unknown-credential']],
  [
    'Jane Doe, DPT, XYZQ',
    LEGACY,
    ['warning:missing-designation', 'warning:degree-as-designation', 'warning:unknown-credential'],
    'Jane Doe, PT, DPT, XYZQ',
  ],

  // --- Duplicates.
  ['Jane Doe, PT, DPT, DPT', {}, ['warning:duplicate-credential'], 'Jane Doe, PT, DPT'],
  ['Jane Doe, PT, PT, DPT', LEGACY, ['warning:duplicate-credential'], 'Jane Doe, PT, DPT'],
  [
    'Jane Doe, PT, Doctor of Physical Therapy (DPT), DPT',
    {},
    ['warning:duplicate-credential'],
    'Jane Doe, PT, DPT',
  ],
  ['Jane Doe, PT, DPT, LAc, LAc', {}, ['warning:duplicate-credential'], 'Jane Doe, PT, DPT, LAc'],

  // --- RPT and LPT do not replace PT (APTA 2009; an error where the law requires PT).
  ['Jane Doe, RPT', {}, ['warning:missing-designation'], 'Jane Doe, PT'],
  ['Jane Doe, LPT', LEGACY, ['warning:missing-designation'], 'Jane Doe, PT'],
  ['Jane Doe, RPT', TX, ['error:missing-designation'], 'Jane Doe, PT'],
  ['Jane Doe, LPT, MS', NY, ['error:missing-designation'], 'Jane Doe, PT, MS'],

  // --- A degree where PT belongs; PT not first.
  [
    'Jane Doe, DPT',
    {},
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, DPT',
    LEGACY,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, DPT',
    CA,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, DPT',
    FL,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, DPT',
    WA,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, DPT',
    TX,
    ['error:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, MPT, OCS',
    { ...LEGACY, ...NY },
    ['error:missing-designation', 'warning:degree-as-designation'],
    'Jane Doe, PT, MPT, OCS',
  ],
  ['Jane Doe, DPT, PT', {}, ['warning:designation-not-first'], 'Jane Doe, PT, DPT'],
  ['Jane Doe, DPT, PT', LEGACY, ['warning:designation-not-first'], 'Jane Doe, PT, DPT'],
  // Outside California, the written-out degree before PT is just out of order.
  [
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
    {},
    ['warning:designation-not-first'],
    'Dr. Jane Doe, PT, DPT',
  ],
  [
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
    TX,
    ['warning:designation-not-first'],
    'Dr. Jane Doe, PT, DPT',
  ],
  // In California too, without "Dr.": the exception is only for the title's qualifier.
  [
    'Jane Doe, Doctor of Physical Therapy, PT',
    CA,
    ['warning:designation-not-first'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, OCS, PT, DPT',
    LEGACY,
    ['warning:designation-not-first', 'warning:order'],
    'Jane Doe, PT, DPT, OCS',
  ],

  // --- Category order.
  ['Carlos Mendoza, PT, DPT, MS, ATC', {}, ['warning:order'], 'Carlos Mendoza, PT, DPT, ATC, MS'],
  ['Jane Doe, PT, DPT, SCS, OCS', LEGACY, ['warning:order'], 'Jane Doe, PT, DPT, OCS, SCS'],
  [
    `Jane Doe, PT, DPT, FAPTA, ${OCS_NAME}`,
    LEGACY,
    ['warning:order'],
    'Jane Doe, PT, DPT, OCS, FAPTA',
  ],

  // --- FAPTA comes last.
  [
    'Jane Doe, PT, DPT, FAPTA, OCS',
    LEGACY,
    ['warning:fapta-not-last', 'warning:order'],
    'Jane Doe, PT, DPT, OCS, FAPTA',
  ],
  [
    'Grace Chen, PT, DPT, FAPTA, PhD',
    {},
    ['warning:fapta-not-last', 'warning:order'],
    'Grace Chen, PT, DPT, PhD, FAPTA',
  ],
  [
    'Grace Chen, FAPTA, PT, DPT',
    {},
    ['warning:fapta-not-last', 'warning:designation-not-first', 'warning:order'],
    'Grace Chen, PT, DPT, FAPTA',
  ],
  [
    'Grace Chen, PT, DPT, FAPTA, CSCS',
    {},
    ['warning:fapta-not-last', 'info:outside-apta-categories'],
    `Grace Chen, PT, DPT, FAPTA, ${CSCS_NAME}`,
  ],

  // --- Only the highest PT degree.
  ['Jane Doe, PT, MPT, DPT', {}, ['warning:multiple-pt-degrees'], 'Jane Doe, PT, DPT'],
  ['Jane Doe, PT, DPT, MPT', LEGACY, ['warning:multiple-pt-degrees'], 'Jane Doe, PT, DPT'],
  ['Jane Doe, PT, BSPT, MSPT', {}, ['warning:multiple-pt-degrees'], 'Jane Doe, PT, MSPT'],
  // NYSED's own example breaks the one-degree rule (reference §1c, §9 rule 4).
  [
    'Jane Smith, PT, MSPT, DPT, OCS',
    NY,
    ['warning:multiple-pt-degrees', 'warning:abbreviated-specialist'],
    `Jane Smith, PT, DPT, ${OCS_NAME}`,
  ],
  [
    'Jane Smith, PT, MSPT, DPT, OCS',
    { ...LEGACY, ...NY },
    ['warning:multiple-pt-degrees'],
    'Jane Smith, PT, DPT, OCS',
  ],
  // Once a bug, now fixed: §9 rule 4 allows one PT degree only, but two PT degrees of the same rank (MPT and
  // MSPT, both masters) raise no multiple-pt-degrees warning: the code flags only degrees ranked
  // below the highest. The listing comes back clean while the fix silently drops MSPT.
  ['Jane Doe, PT, MPT, MSPT', {}, ['warning:multiple-pt-degrees']],

  // --- ABPTS abbreviations: written out under apta-2016, alphabetical under apta-legacy.
  [
    'Jane Doe, PT, DPT, OCS',
    {},
    ['warning:abbreviated-specialist'],
    `Jane Doe, PT, DPT, ${OCS_NAME}`,
  ],
  [
    'Jane Doe, PT, DPT, OCS, SCS',
    {},
    ['warning:abbreviated-specialist', 'warning:abbreviated-specialist'],
    `Jane Doe, PT, DPT, ${OCS_NAME}, ${SCS_NAME}`,
  ],
  ['Jane Doe, PT, DPT, OCS, SCS', LEGACY, [], null],
  [
    'Jane Doe, PT, DPT, OCS',
    { outsideCategories: 'omit' },
    ['warning:abbreviated-specialist'],
    'Jane Doe, PT, DPT',
  ],
  ['Jane Doe, PT, DPT, OCS', { ...LEGACY, outsideCategories: 'omit' }, [], null],
  [
    'Dr. Jane Doe, PT, DPT, OCS',
    WA,
    ['warning:abbreviated-specialist'],
    `Dr. Jane Doe, PT, DPT, ${OCS_NAME}`,
  ],

  // --- Outside APTA's five categories: advice under apta-2016 only.
  [
    'Jane Doe, PT, DPT, FAAOMPT',
    {},
    ['info:outside-apta-categories'],
    `Jane Doe, PT, DPT, ${FAAOMPT_NAME}`,
  ],
  ['Jane Doe, PT, DPT, FAAOMPT', LEGACY, [], null],
  [
    'Jane Doe, PT, DPT, FAAOMPT',
    { outsideCategories: 'omit' },
    ['info:outside-apta-categories'],
    'Jane Doe, PT, DPT',
  ],

  // --- Ambiguous abbreviations, and naming the issuer.
  ['Jane Doe, PT, DPT, COMT', LEGACY, ['warning:ambiguous-credential'], null],
  [
    'Jane Doe, PT, DPT, COMT',
    { ...LEGACY, credentials: [{ abbreviation: 'COMT', issuer: 'NAIOMT' }] },
    [],
    null,
  ],
  // Structured, but with no issuer: still ambiguous.
  [
    'Jane Doe, PT, DPT, COMT',
    { ...LEGACY, credentials: [{ abbreviation: 'COMT', earned: '2018-06-01' }] },
    ['warning:ambiguous-credential'],
  ],
  // An issuer for a different credential does not help.
  [
    'Jane Doe, PT, DPT, COMT',
    { ...LEGACY, credentials: [{ abbreviation: 'CMT', issuer: 'University of St. Augustine' }] },
    ['warning:ambiguous-credential'],
  ],
  [
    'Jane Doe, PT, DPT, COMT',
    {},
    ['info:outside-apta-categories', 'warning:ambiguous-credential'],
    `Jane Doe, PT, DPT, ${COMT_NAME}`,
  ],
  ['Jane Doe, PT, DPT, CMT', LEGACY, ['warning:ambiguous-credential'], null],
  [
    'Jane Doe, PT, DPT, CMT',
    { ...LEGACY, credentials: [{ abbreviation: 'CMT', issuer: 'University of St. Augustine' }] },
    [],
    null,
  ],
  // MT is in APTA's category 3: ambiguous, but not outside the categories.
  ['Jane Doe, PT, DPT, MT', {}, ['warning:ambiguous-credential'], null],
  [
    'Jane Doe, PT, DPT, MT',
    { credentials: [{ abbreviation: 'MT', issuer: 'American Music Therapy Association' }] },
    [],
    null,
  ],
  ['Jane Doe, PT, DPT, CLT', LEGACY, ['warning:ambiguous-credential'], null],
  [
    'Jane Doe, PT, DPT, CLT',
    { ...LEGACY, credentials: [{ abbreviation: 'CLT', issuer: 'Norton School of Lymphatic' }] },
    [],
    null,
  ],
  [
    'Jane Doe, PT, DPT, CCS',
    {},
    ['warning:abbreviated-specialist', 'warning:ambiguous-credential'],
    'Jane Doe, PT, DPT, Board-Certified Cardiovascular and Pulmonary Clinical Specialist',
  ],
  ['Jane Doe, PT, DPT, Cert. SMT', LEGACY, ['warning:ambiguous-credential'], null],

  // --- Expiry: only with asOf and structured credentials.
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2026-11-27',
      credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
    },
    ['warning:expiring'],
    null,
  ],
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2026-12-31',
      credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
    },
    ['warning:expiring'],
  ],
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2027-01-02',
      credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
    },
    ['error:expired'],
    null,
  ],
  // A narrower warning window: 34 days left is not "expiring" within 30.
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2026-11-27',
      expiringWithinDays: 30,
      credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
    },
    [],
  ],
  // No asOf: expiry is not checked.
  [
    'Jane Doe, PT, DPT, CSCS',
    { ...LEGACY, credentials: [{ abbreviation: 'CSCS', expires: '2020-12-31' }] },
    [],
    null,
  ],
  // CSCS earned 2025-03-01: the NSCA cycle ends 2026-12-31.
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2026-06-01',
      credentials: [{ abbreviation: 'CSCS', earned: '2025-03-01' }],
    },
    [],
  ],
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2026-12-31',
      credentials: [{ abbreviation: 'CSCS', earned: '2025-03-01' }],
    },
    ['warning:expiring'],
  ],
  [
    'Jane Doe, PT, DPT, CSCS',
    {
      ...LEGACY,
      asOf: '2027-01-01',
      credentials: [{ abbreviation: 'CSCS', earned: '2025-03-01' }],
    },
    ['error:expired'],
  ],
  // OCS earned 2010-05-01, no stated expiry: the ABPTS 10 years end 2020-04-30.
  [
    'Jane Doe, PT, DPT, OCS',
    { ...LEGACY, asOf: '2026-01-01', credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }] },
    ['error:expired'],
    null,
  ],
  [
    'Jane Doe, PT, DPT, OCS',
    { asOf: '2026-01-01', credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }] },
    ['warning:abbreviated-specialist', 'error:expired'],
    `Jane Doe, PT, DPT, ${OCS_NAME}`,
  ],
  [
    'Jane Doe, PT, DPT, OCS',
    { ...LEGACY, asOf: '2020-04-30', credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }] },
    ['warning:expiring'],
  ],
  [
    'Jane Doe, PT, DPT, OCS',
    { ...LEGACY, asOf: '2020-05-01', credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }] },
    ['error:expired'],
  ],
  [
    'Jane Doe, PT, DPT, OCS',
    { ...LEGACY, asOf: '2019-01-01', credentials: [{ abbreviation: 'OCS', earned: '2010-05-01' }] },
    [],
  ],
  // CHT: 5 years (HTCC); ATC: 2 years (BOC); a degree never expires.
  [
    'Jane Doe, PT, DPT, CHT',
    { ...LEGACY, asOf: '2026-01-01', credentials: [{ abbreviation: 'CHT', earned: '2020-06-01' }] },
    ['error:expired'],
  ],
  [
    'Carlos Mendoza, PT, DPT, ATC',
    { ...TX, asOf: '2026-01-01', credentials: [{ abbreviation: 'ATC', earned: '2023-06-01' }] },
    ['error:expired'],
  ],
  [
    'Jane Doe, PT, DPT',
    { asOf: '2026-01-01', credentials: [{ abbreviation: 'DPT', earned: '2010-05-01' }] },
    [],
    null,
  ],
  // A structured credential the listing does not show is still checked (by its path).
  [
    'Jane Doe, PT, DPT',
    { asOf: '2026-01-01', credentials: [{ abbreviation: 'CSCS', expires: '2020-12-31' }] },
    ['error:expired'],
    null,
  ],

  // --- Too long: a warning past 6 credentials, an error past 300 characters (not read).
  [
    'Jane Doe, PT, DPT, OCS, SCS, NCS, CSCS, FAAOMPT',
    LEGACY,
    ['warning:listing-too-long', 'warning:order'],
    'Jane Doe, PT, DPT, NCS, OCS, SCS, CSCS, FAAOMPT',
  ],
  [
    'Grace Chen, PT, DPT, PhD, ATC, MBA, MPH, FAPTA',
    {},
    ['warning:listing-too-long', 'warning:order'],
    'Grace Chen, PT, DPT, ATC, PhD, MBA, MPH, FAPTA',
  ],
  // Six credentials are still readable.
  [
    'Grace Chen, PT, DPT, PhD, ATC, MBA, FAPTA',
    {},
    ['warning:order'],
    'Grace Chen, PT, DPT, ATC, PhD, MBA, FAPTA',
  ],
  [PASTED_BIO, {}, ['error:listing-too-long']],
  [PASTED_BIO, LEGACY, ['error:listing-too-long']],
  [padTo('Jane Doe, PT, DPT', MAX_LISTING_LENGTH + 1), CA, ['error:listing-too-long']],
  // Exactly 300 characters is still read.
  [padTo('Jane Doe, PT, DPT', MAX_LISTING_LENGTH), CA, [], 'Jane Doe, PT, DPT'],

  // --- Empty.
  ['', {}, ['error:empty-listing'], 'PT'],
  ['   ', LEGACY, ['error:empty-listing'], 'PT'],
  ['\u200b', TX, ['error:empty-listing'], 'PT'],
  ['Jane Doe', {}, ['error:empty-listing'], 'Jane Doe, PT'],

  // --- California: "Dr." only with the doctorate written out right after the name.
  [
    'Dr. Jane Doe, PT, DPT',
    CA,
    ['error:title-requires-spelled-out-degree'],
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
  ],
  [
    'Dr. Jane Doe, PT, DPT',
    { ...LEGACY, ...CA },
    ['error:title-requires-spelled-out-degree'],
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
  ],
  [
    'Dr. Jane Doe, PT, Doctor of Physical Therapy',
    CA,
    ['error:title-requires-spelled-out-degree'],
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
  ],
  // No doctorate at all: "Dr." goes.
  ['Dr. Jane Doe, PT, MS', CA, ['error:title-requires-spelled-out-degree'], 'Jane Doe, PT, MS'],
  [
    'Dr. Priya Raman, PhD, PT',
    CA,
    ['error:title-requires-spelled-out-degree', 'warning:designation-not-first'],
    'Dr. Priya Raman, Doctor of Philosophy, PT',
  ],
  [
    'Dr. Jane Doe, Doctor of Physical Therapy (DPT), PT',
    CA,
    [],
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
  ],
  // The CA law's own example: lawful, but APTA still wants PT.
  [
    'Dr. Jane Doe, Doctor of Physical Therapy',
    CA,
    ['warning:missing-designation', 'warning:degree-as-designation'],
    'Dr. Jane Doe, Doctor of Physical Therapy, PT',
  ],
  // Once a bug, now fixed: B&P §2633(b) and §9 rule 8 allow "Dr." only with a qualifying doctorate (DPT, or PhD or
  // EdD), which the linter's own message says ("DPT, PhD, EdD"); the code accepts any catalog
  // doctorate written out, so a law degree passes clean.
  [
    'Dr. Jane Doe, Juris Doctor, PT',
    CA,
    ['error:title-requires-spelled-out-degree', 'warning:designation-not-first'],
  ],
  // Once a bug, now fixed: same cause: the error is right, but the fix proposes "Dr. Jane Doe, Juris Doctor, PT",
  // which §2633(b) does not allow either; with no qualifying doctorate "Dr." must go, as it does
  // for "Dr. Jane Doe, PT, MS".
  ['Dr. Jane Doe, PT, JD', CA, ['error:title-requires-spelled-out-degree'], 'Jane Doe, PT, JD'],

  // --- Texas, Florida, New York: "Dr." needs PT (Texas: and the degree).
  ['Dr. Jane Doe, PT, MS', TX, ['error:title-requires-designation'], 'Jane Doe, PT, MS'],
  ['Dr. Jane Smith, P.T.', TX, ['error:title-requires-designation'], 'Jane Smith, PT'],
  [
    'Dr. Jane Doe, DPT',
    TX,
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
    ],
    'Dr. Jane Doe, PT, DPT',
  ],
  [
    'Dr. Jane Doe, DPT',
    FL,
    [
      'error:title-requires-designation',
      'warning:missing-designation',
      'warning:degree-as-designation',
    ],
    'Dr. Jane Doe, PT, DPT',
  ],
  [
    'Dr. Jane Doe, DPT',
    { ...LEGACY, ...NY },
    [
      'error:title-requires-designation',
      'error:missing-designation',
      'warning:degree-as-designation',
    ],
    'Dr. Jane Doe, PT, DPT',
  ],
  [
    'Dr. Jane Doe, Doctor of Physical Therapy',
    { ...LEGACY, ...FL },
    [
      'error:title-requires-designation',
      'warning:missing-designation',
      'warning:degree-as-designation',
    ],
    'Dr. Jane Doe, PT, DPT',
  ],
  ['Dr Jane Doe, PT, DPT', FL, [], null],
  // Once a bug, now fixed: NYSED Guideline 2 (reference §3, §9 rule 9) gives "Dr. Jane Smith, P.T." as the lawful
  // form. The linter finds no issue, yet its fix strips the title ("Jane Smith, PT") because the
  // canonical form keeps "Dr." only beside a listed doctorate; only the dots should go.
  ['Dr. Jane Smith, P.T.', NY, [], 'Dr. Jane Smith, PT'],
  // Once a bug, now fixed: same in Florida, whose rule (SB 450; §9 rule 9) is satisfied by telling the public the
  // person is a physical therapist; the fix should not drop "Dr.".
  ['Dr. Jane Smith, P.T.', FL, [], 'Dr. Jane Smith, PT'],

  // --- Assistants: no "Dr.", PT, LPT, RPT, "physical therapist" or "doctor" (error in CA).
  ['Dr. Maria Lopez, PTA', {}, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Dr. Maria Lopez, PTA', CA, ['error:assistant-title'], 'Maria Lopez, PTA'],
  ['Dr. Maria Lopez, PTA', TX, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Doctor Maria Lopez, PTA', NY, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PT, PTA', LEGACY, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PTA, PT', CA, ['error:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PTA, LPT', CA, ['error:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PTA, Physical Therapist', FL, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PT', { role: 'PTA' }, ['warning:assistant-title'], 'Maria Lopez, PTA'],
  ['Maria Lopez, PTA, Doctor of Physical Therapy', WA, ['warning:assistant-title']],
  // Once a bug, now fixed: §1d (B&P §2633.5) bars a PTA from "doctor" and from any affix implying PT or doctor.
  // The code flags "Doctor of Physical Therapy" only when written out, and its fix turns it into
  // "DPT" — the same degree, still implying both — instead of removing it.
  [
    'Maria Lopez, PTA, Doctor of Physical Therapy',
    CA,
    ['error:assistant-title'],
    'Maria Lopez, PTA',
  ],
  // Once a bug, now fixed: same cause: "DPT" after PTA (Doctor of Physical Therapy, abbreviated) is not flagged at
  // all; it should be an assistant-title error in California.
  ['Maria Lopez, PTA, DPT', CA, ['error:assistant-title']],
  // Once a bug, now fixed: same cause, outside California (a warning there).
  ['Maria Lopez, PTA, DPT', LEGACY, ['warning:assistant-title']],

  // --- Students.
  // Once a bug, now fixed: §1b: students use SPT or SPTA until they graduate, and PT is only for licensees. The
  // linter reads SPT as a PT without PT (missing-designation) and its fix adds PT
  // ("Jane Doe, PT, SPT"), i.e. tells a student to claim a licence.
  ['Jane Doe, SPT', {}, [], null],
  // Once a bug, now fixed: same cause; in Texas it is even an error.
  ['Jane Doe, SPT', TX, [], null],
  // Once a bug, now fixed: same cause; a PTA student is told to add PT ("Jane Doe, PT, SPTA").
  ['Jane Doe, SPTA', LEGACY, [], null],

  // --- Issue 14: an inverted name, as author lists and HR exports write it, is advice (info);
  // the fix never rewrites a name.
  ['Lopez, Maria, PT, DPT', {}, ['info:inverted-name'], null],
  ['Lopez, Maria, PT, DPT', LEGACY, ['info:inverted-name'], null],
  [
    'Lopez, Maria, DPT, ATC',
    {},
    ['info:inverted-name', 'warning:missing-designation', 'warning:degree-as-designation'],
    'Lopez, Maria, PT, DPT, ATC',
  ],

  // --- Issue 14: rule levels (ptfx.config.json "rules"): off drops a rule, a level replaces its
  // severity, a state's included; the fix is the same.
  ['Jane Doe, PT, MBA, DPT', { rules: { order: 'off' } }, [], 'Jane Doe, PT, DPT, MBA'],
  [
    'Jane Doe, PT, MBA, DPT',
    { rules: { order: 'error' } },
    ['error:order'],
    'Jane Doe, PT, DPT, MBA',
  ],
  [
    'Jane Doe, DPT',
    {
      jurisdiction: 'TX',
      rules: { 'missing-designation': 'info', 'degree-as-designation': 'off' },
    },
    ['info:missing-designation'],
    'Jane Doe, PT, DPT',
  ],
  [
    'Jane Doe, PT, DPT, CSCS',
    { profile: 'apta-legacy', rules: { 'outside-apta-categories': 'error' } },
    [],
    null,
  ],
  ['Jane Doe, PT', fromJavaScript({ rules: { ordr: 'off' } }), ['error:invalid-argument']],
  ['Jane Doe, PT', fromJavaScript({ rules: { order: 'warn' } }), ['error:invalid-argument']],
  [
    'Jane Doe, PT',
    fromJavaScript({ rules: { 'invalid-argument': 'off' } }),
    ['error:invalid-argument'],
  ],

  // --- Options from plain JavaScript that are not the documented ones: refused, nothing judged
  // (a state name would otherwise skip California's title rule in silence).
  ['Dr. Jane Doe, DPT', fromJavaScript({ jurisdiction: 'California' }), ['error:invalid-argument']],
  [
    'Dr. Jane Doe, DPT',
    fromJavaScript({ profile: 'apta-legacy', juristiction: 'TX' }),
    ['error:invalid-argument'],
  ],
  [
    'Jane Doe, PT, CSCS',
    fromJavaScript({ profile: 'apta-legacy', asOf: '11/27/2026', credentials: [] }),
    ['error:invalid-argument'],
  ],
];

/** A code of the catalogue of rules, or not. */
function isLintCode(code: string): code is CredentialLintCode {
  return Object.hasOwn(CREDENTIAL_LINT_RULES, code);
}

function codeOf(expected: Expected): string {
  return expected.slice(expected.indexOf(':') + 1);
}

function profileOf(options: LintCredentialListingOptions): CredentialProfile {
  return options.profile ?? 'apta-2016';
}

const PROFILES: readonly CredentialProfile[] = ['apta-2016', 'apta-legacy'];
const EXPIRY_CODES: readonly string[] = ['expired', 'expiring'];
/** Codes the apta-legacy profile never raises by design (APTA dropped them in 2016 and 2019). */
const APTA_2016_ONLY: readonly string[] = ['abbreviated-specialist', 'outside-apta-categories'];

describe('lintCredentialListing', () => {
  it.each(ROWS)('#%# %j %j', (listing, options, expected, fix) => {
    const result = lintCredentialListing(listing, options);
    const got = result.issues.map((i) => `${i.severity}:${i.code}`);
    expect(got.toSorted()).toEqual(expected.toSorted());
    expect(result.clean).toBe(expected.every((e) => e.startsWith('info:')));
    expect(result.input).toBe(listing);
    if (fix !== undefined) expect(result.fix).toBe(fix ?? undefined);
  });

  it.each(ROWS)('#%# every issue of %j has a source and a place', (listing, options) => {
    const result = lintCredentialListing(listing, options);
    const check = (i: Issue) => {
      expect(isLintCode(i.code)).toBe(true);
      expect(i.source).toBeTruthy();
      if (isLintCode(i.code)) expect(i.source).toBe(CREDENTIAL_LINT_RULES[i.code].source);
      expect(i.message).not.toBe('');
      if (i.code === 'invalid-argument') {
        // About an option, not a place in the listing.
        expect(i.span).toBeUndefined();
      } else if (EXPIRY_CODES.includes(i.code)) {
        const [key, index] = i.path;
        expect(key).toBe('credentials');
        expect(typeof index === 'number' && index < (options.credentials?.length ?? 0)).toBe(true);
      } else {
        expect(i.path).toEqual([]);
        expect(i.span).toBeDefined();
      }
      if (i.span) {
        expect(i.span.start).toBeGreaterThanOrEqual(0);
        expect(i.span.start).toBeLessThanOrEqual(i.span.end);
        expect(i.span.end).toBeLessThanOrEqual(listing.length);
      }
    };
    for (const i of result.issues) check(i);
    // Issues come in the order of their place in the listing.
    const starts = result.issues.flatMap((i) => (i.span ? [i.span.start] : []));
    expect(starts).toEqual(starts.toSorted((a, b) => a - b));
  });

  it('pins the issue-level fixes: suggestions for typos, titles written out', () => {
    const cases: readonly (readonly [string, LintCredentialListingOptions, string, string])[] = [
      ['Jane Doe, PT, DPT, CMPTT', LEGACY, 'CMPTT', 'CMPT'],
      ['Jane Doe, PT, Dpt', {}, 'Dpt', 'DPT'],
      ['Jane Doe, PT, DPT, lac', {}, 'lac', 'LAc'],
      ['Jane Doe, PT, DPT, OCS', {}, 'OCS', OCS_NAME],
      ['Jane Doe, PT, DPT, CSCS', {}, 'CSCS', CSCS_NAME],
    ];
    for (const [listing, options, text, fix] of cases) {
      const issues = lintCredentialListing(listing, options).issues;
      expect(issues).toHaveLength(1);
      const [only] = issues;
      expect(only?.span && listing.slice(only.span.start, only.span.end)).toBe(text);
      expect(only?.fix).toBe(fix);
    }
    // Nothing close: no guess.
    const [unknown] = lintCredentialListing(
      'Jane Doe, PT, DPT, Certified Dry Needling Practitioner',
    ).issues;
    expect(unknown?.code).toBe('unknown-credential');
    expect(unknown?.fix).toBeUndefined();
  });

  it('refuses a listing over 300 characters unread', () => {
    expect(PASTED_BIO.length).toBeGreaterThan(MAX_LISTING_LENGTH);
    const result = lintCredentialListing(PASTED_BIO);
    expect(result.parsed).toBeUndefined();
    expect(result.canonical).toBeUndefined();
    expect(result.fix).toBeUndefined();
    expect(result.clean).toBe(false);
    expect(result.issues.map((i) => i.span)).toEqual([
      { start: MAX_LISTING_LENGTH, end: PASTED_BIO.length },
    ]);
    // At the limit it is read.
    expect(lintCredentialListing(padTo('Jane Doe, PT', MAX_LISTING_LENGTH)).parsed).toBeDefined();
  });

  it('points the expiry issue at the listed credential and its structured entry', () => {
    const listing = 'Jane Doe, PT, DPT, OCS, CSCS';
    const result = lintCredentialListing(listing, {
      profile: 'apta-legacy',
      asOf: '2026-11-27',
      credentials: [
        { abbreviation: 'PT', license: { number: 'PT 12345', state: 'CA' } },
        { abbreviation: 'OCS', earned: '2010-05-01' },
        { abbreviation: 'CSCS', expires: '2026-12-31' },
      ],
    });
    const places = result.issues.map((i) => [
      i.code,
      i.path,
      i.span && listing.slice(i.span.start, i.span.end),
    ]);
    expect(places).toEqual([
      ['expired', ['credentials', 1], 'OCS'],
      ['expiring', ['credentials', 2], 'CSCS'],
    ]);
  });
});

describe('lintCredentialListing from plain JavaScript', () => {
  // What an untyped caller can pass; the linter must judge it, not throw.
  const judge = (...args: unknown[]): CredentialListingLint =>
    Reflect.apply(lintCredentialListing, undefined, args);

  it('says what is wrong with each argument instead of throwing', () => {
    const result = judge(42, { jurisdiction: 'California' });
    expect(result.clean).toBe(false);
    expect(result.input).toBe('');
    expect(result.parsed).toBeUndefined();
    expect(
      result.issues.map((i) => [i.code, i.severity, i.path, i.message]),
    ).toMatchInlineSnapshot(`
      [
        [
          "invalid-argument",
          "error",
          [],
          "the listing must be text, got 42",
        ],
        [
          "invalid-argument",
          "error",
          [
            "jurisdiction",
          ],
          "expected a USPS state code such as "CA", got "California"",
        ],
      ]
    `);
    expect(judge('Jane Doe, PT', null).issues.map((i) => i.message)).toMatchInlineSnapshot(`
      [
        "expected an object of options or undefined, got null",
      ]
    `);
    expect(
      judge('Jane Doe, PT', { credentials: [{ abbreviation: 'CSCS', expires: 'soon' }] }).issues,
    ).toMatchObject([{ code: 'invalid-argument', path: ['credentials', 0, 'expires'] }]);
  });
});

describe('the table', () => {
  const expectedCodes = (rows: readonly Row[]) =>
    new Set(rows.flatMap(([, , expected]) => expected.map(codeOf)));

  it('has at least 80 listings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });

  it('exercises every code of CREDENTIAL_LINT_RULES', () => {
    const covered = expectedCodes(ROWS);
    const missing = Object.keys(CREDENTIAL_LINT_RULES).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it.each(PROFILES)('exercises every code under %s', (profile) => {
    const rows = ROWS.filter(([, options]) => profileOf(options) === profile);
    const covered = expectedCodes(rows);
    const missing = Object.keys(CREDENTIAL_LINT_RULES).filter(
      (code) => !covered.has(code) && !(profile === 'apta-legacy' && APTA_2016_ONLY.includes(code)),
    );
    expect(missing).toEqual([]);
  });

  it('shows each apta-2016-only code absent under apta-legacy for the same listing', () => {
    for (const code of APTA_2016_ONLY) {
      const paired = ROWS.some(
        ([listing, options, expected]) =>
          profileOf(options) === 'apta-2016' &&
          expected.some((e) => codeOf(e) === code) &&
          ROWS.some(
            ([other, otherOptions, otherExpected]) =>
              other === listing &&
              profileOf(otherOptions) === 'apta-legacy' &&
              !otherExpected.some((e) => codeOf(e) === code),
          ),
      );
      expect(paired, code).toBe(true);
    }
  });

  it('covers CA, TX, FL, NY, a state without a title rule, and no jurisdiction', () => {
    const jurisdictions = new Set<UsStateCode | undefined>(
      ROWS.map(([, options]) => options.jurisdiction),
    );
    const wanted: readonly (UsStateCode | undefined)[] = ['CA', 'TX', 'FL', 'NY', 'WA', undefined];
    for (const state of wanted) {
      expect(jurisdictions.has(state), String(state)).toBe(true);
    }
  });
});
