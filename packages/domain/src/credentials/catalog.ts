import type { CatalogEntry, CredentialKind, RenewalRule } from './catalog-entry.js';

// Sources, cited by every entry (see ../shared/reference/credentials-and-codes.md §1–§2).
const APTA_2016 =
  'APTA, Appropriate Use of Designations (HOD RC 4-16): https://apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations';
const APTA_2009 = 'APTA HOD P06-03-17-14, Designation of PT, PTA, SPT and SPTA (2009, replaced)';
const ABPTS =
  'ABPTS: https://specialization.apta.org/maintain-certification (10-year certification, MOSC); APTA dropped the abbreviations in 2019: https://specialization.apta.org/for-specialists/marketing/Promote-Certification';
const UNIVERSITY = ['An accredited college or university'];
const NONE: RenewalRule = { kind: 'none' };
const UNKNOWN: RenewalRule = { kind: 'unknown' };
const STATE: RenewalRule = { kind: 'varies-by-state' };

interface Extra {
  readonly aliases?: readonly string[];
  readonly longForms?: readonly string[];
  readonly issuers?: readonly string[];
  readonly renewal?: RenewalRule;
  readonly ambiguity?: string;
  readonly note?: string;
  readonly ptDegreeRank?: number;
  readonly doctorate?: boolean;
  readonly unconfirmed?: string;
}

function entry(
  abbreviation: string,
  name: string,
  kind: CredentialKind,
  source: string,
  extra: Extra = {},
): CatalogEntry {
  return {
    id: abbreviation,
    abbreviation,
    aliases: extra.aliases ?? [],
    name,
    longForms: extra.longForms ?? [],
    kind,
    issuers: extra.issuers ?? [],
    renewal: extra.renewal ?? UNKNOWN,
    source,
    ...(extra.ambiguity ? { ambiguity: extra.ambiguity } : {}),
    ...(extra.note ? { note: extra.note } : {}),
    ...(extra.ptDegreeRank ? { ptDegreeRank: extra.ptDegreeRank } : {}),
    ...(extra.doctorate ? { doctorate: true } : {}),
    ...(extra.unconfirmed ? { unconfirmed: extra.unconfirmed } : {}),
  };
}

/** An APTA category 3 example: a government designation for an occupation other than PT. */
function occupation(abbreviation: string, name: string, extra: Extra = {}): CatalogEntry {
  return entry(abbreviation, name, 'regulated-occupation', `${APTA_2016} (category 3 examples)`, {
    issuers: ['State licensing board'],
    renewal: STATE,
    ...extra,
  });
}

/** An APTA category 4 example: an earned academic degree. */
function degree(abbreviation: string, name: string, extra: Extra = {}): CatalogEntry {
  return entry(abbreviation, name, 'academic-degree', `${APTA_2016} (category 4 examples)`, {
    issuers: UNIVERSITY,
    renewal: NONE,
    ...extra,
  });
}

function specialist(abbreviation: string, specialty: string, extra: Extra = {}): CatalogEntry {
  const name = `Board-Certified ${specialty}`;
  return entry(abbreviation, name, 'abpts-specialist', ABPTS, {
    issuers: ['American Board of Physical Therapy Specialties (ABPTS)'],
    renewal: { kind: 'years', years: 10 },
    longForms: [name, specialty],
    ...extra,
  });
}

/** An ABPTS specialty that has no abbreviation: it is only ever written out. */
function spelledOutSpecialist(id: string, specialty: string, unconfirmed: string): CatalogEntry {
  const { abbreviation: _none, ...rest } = specialist(id, specialty, { unconfirmed });
  return rest;
}

/**
 * The credential catalog: every credential in the reference table and every example of APTA's
 * categories 3 and 4, with accepted spellings, kind, issuers, renewal cycle where a source gives
 * one, and ambiguity notes. UNCONFIRMED facts are marked, never invented.
 */
export const CREDENTIAL_CATALOG: readonly CatalogEntry[] = [
  // Category 1: the regulatory designation.
  entry('PT', 'Physical Therapist', 'license-designation', `${APTA_2016}; CA B&P §2633`, {
    longForms: ['Physical Therapist', 'Licensed Physical Therapist'],
    issuers: ['State physical therapy board (e.g. Physical Therapy Board of California)'],
    renewal: STATE,
    unconfirmed: 'renewal cycle varies by state',
  }),
  entry(
    'PTA',
    'Physical Therapist Assistant',
    'license-designation',
    `${APTA_2016}; CA B&P §2633.5`,
    {
      longForms: ['Physical Therapist Assistant', 'Physical Therapy Assistant'],
      issuers: ['State physical therapy board (regulation varies by state)'],
      renewal: STATE,
      unconfirmed: 'renewal cycle varies by state',
    },
  ),
  // Category 2: physical-therapy degrees.
  entry('DPT', 'Doctor of Physical Therapy', 'pt-degree', `${APTA_2016}; APTA transition DPT FAQ`, {
    aliases: ['tDPT', 't-DPT'],
    longForms: [
      'Doctor of Physical Therapy',
      'Doctorate of Physical Therapy',
      'Doctor of Physiotherapy',
    ],
    issuers: [
      'A CAPTE-accredited university program (entry-level) or a university (transition DPT)',
    ],
    renewal: NONE,
    ptDegreeRank: 3,
    doctorate: true,
    note: 'also used by businesses that are not physical therapists (APTA and FSBPT acted against Life Time Fitness, 2024); "t-DPT" is written "DPT"',
  }),
  entry('MPT', 'Master of Physical Therapy', 'pt-degree', APTA_2016, {
    longForms: ['Master of Physical Therapy', 'Masters of Physical Therapy'],
    issuers: UNIVERSITY,
    renewal: NONE,
    ptDegreeRank: 2,
  }),
  entry('MSPT', 'Master of Science in Physical Therapy', 'pt-degree', APTA_2016, {
    longForms: ['Master of Science in Physical Therapy'],
    issuers: UNIVERSITY,
    renewal: NONE,
    ptDegreeRank: 2,
  }),
  entry('BSPT', 'Bachelor of Science in Physical Therapy', 'pt-degree', APTA_2016, {
    longForms: ['Bachelor of Science in Physical Therapy'],
    issuers: UNIVERSITY,
    renewal: NONE,
    ptDegreeRank: 1,
  }),
  // Category 3: other regulated occupations (APTA's examples; the list is not complete).
  occupation('APN', 'Advanced Practice Nurse'),
  occupation('APNR', 'Advanced Practice Nurse, Registered'),
  occupation('APRN', 'Advanced Practice Registered Nurse'),
  occupation('ATC', 'Certified Athletic Trainer', {
    aliases: ['ATC/L'],
    issuers: ['Board of Certification (BOC)'],
    renewal: { kind: 'years', years: 2 },
    note: 'ATC is the national certification, AT the generic title, LAT a state license',
  }),
  occupation('CNS', 'Clinical Nurse Specialist', {
    ambiguity: 'a nursing designation; HL7 v2-0360 reads CNS as Certified Nurse Specialist',
  }),
  occupation('CPA', 'Certified Public Accountant'),
  occupation('CRNP', 'Certified Registered Nurse Practitioner'),
  occupation('CS', 'Clinical Specialist (nursing)', {
    ambiguity: 'APTA lists CS among nursing designations; its exact meaning is UNCONFIRMED',
  }),
  occupation('EMT', 'Emergency Medical Technician'),
  occupation('LAc', 'Licensed Acupuncturist', {
    note: 'case matters: LAc and LAC are different APTA designations',
  }),
  occupation('LAC', 'Licensed Associate Counselor', {
    ambiguity: 'case matters: LAC and LAc are different; FaCeT reads LAC as Licensed Acupuncturist',
    unconfirmed: 'the meaning of APTA’s "LAC"',
  }),
  occupation('LCMT', 'Licensed Clinical Massage Therapist', { unconfirmed: 'the full name' }),
  occupation('LCSW', 'Licensed Clinical Social Worker'),
  occupation('LDM', 'Licensed Direct-entry Midwife', { unconfirmed: 'the full name' }),
  occupation('LM', 'Licensed Midwife'),
  occupation('LMSW', 'Licensed Master Social Worker'),
  occupation('LMT', 'Licensed Massage Therapist'),
  occupation('LPC', 'Licensed Professional Counselor'),
  occupation('LCPC', 'Licensed Clinical Professional Counselor'),
  occupation('LVT', 'Licensed Veterinary Technician'),
  occupation('MD', 'Doctor of Medicine', { doctorate: true }),
  occupation('MT', 'Medical Technologist', {
    ambiguity:
      'MT means Medical Technician in HL7 v2-0360 and Music Therapist or Medical Technician in FaCeT',
  }),
  occupation('NP', 'Nurse Practitioner'),
  occupation('OT', 'Occupational Therapist', { longForms: ['Occupational Therapist'] }),
  occupation('OTR/L', 'Occupational Therapist, Registered and Licensed', {
    issuers: ['NBCOT and the state board'],
  }),
  occupation('RN', 'Registered Nurse'),
  occupation('SLP', 'Speech-Language Pathologist'),
  occupation('LAT', 'Licensed Athletic Trainer', {
    note: 'ATC is the national certification, AT the generic title, LAT a state license',
  }),
  occupation('AT', 'Athletic Trainer', {
    note: 'ATC is the national certification, AT the generic title, LAT a state license',
  }),
  // Category 4: other academic degrees (APTA's examples; the list is not complete).
  degree('AuD', 'Doctor of Audiology', { doctorate: true }),
  degree('BA', 'Bachelor of Arts'),
  degree('BS', 'Bachelor of Science', { aliases: ['BSc'] }),
  degree('CScD', 'Doctor of Clinical Science', { doctorate: true }),
  degree('DC', 'Doctor of Chiropractic', { doctorate: true }),
  degree('DDS', 'Doctor of Dental Surgery', { doctorate: true }),
  degree('DEd', 'Doctor of Education', { doctorate: true }),
  degree('DHS', 'Doctor of Health Science', {
    doctorate: true,
    longForms: ['Doctor of Health Science'],
  }),
  degree('DMD', 'Doctor of Dental Medicine', { doctorate: true }),
  degree('DMT', 'Doctor of Manual Therapy', { doctorate: true }),
  degree('DNP', 'Doctor of Nursing Practice', { doctorate: true }),
  degree('DO', 'Doctor of Osteopathic Medicine', { doctorate: true }),
  degree('DPM', 'Doctor of Podiatric Medicine', { doctorate: true }),
  degree('DSc', 'Doctor of Science', {
    doctorate: true,
    aliases: ['ScD'],
    longForms: ['Doctor of Science'],
  }),
  degree('DScPT', 'Doctor of Science in Physical Therapy', {
    doctorate: true,
    longForms: ['Doctor of Science in Physical Therapy'],
  }),
  degree('DVM', 'Doctor of Veterinary Medicine', { doctorate: true }),
  degree('EdD', 'Doctor of Education', { doctorate: true, longForms: ['Doctor of Education'] }),
  degree('JD', 'Juris Doctor', { doctorate: true }),
  degree('LLM', 'Master of Laws'),
  degree('MA', 'Master of Arts'),
  degree('MBA', 'Master of Business Administration', {
    longForms: ['Master of Business Administration'],
  }),
  degree('MEd', 'Master of Education'),
  degree('MHS', 'Master of Health Science'),
  degree('MLS', 'Master of Library Science'),
  degree('MOTR', 'Master of Occupational Therapy, Registered', { unconfirmed: 'the full name' }),
  degree('MPA', 'Master of Public Administration'),
  degree('MPH', 'Master of Public Health', { longForms: ['Master of Public Health'] }),
  degree('MPP', 'Master of Public Policy'),
  degree('MS', 'Master of Science', { aliases: ['MSc'], longForms: ['Master of Science'] }),
  degree('MSHA', 'Master of Science in Health Administration'),
  degree('ND', 'Doctor of Naturopathic Medicine', { doctorate: true }),
  degree('NMD', 'Doctor of Naturopathic Medicine', { doctorate: true }),
  degree('PharmD', 'Doctor of Pharmacy', { doctorate: true }),
  degree('PhD', 'Doctor of Philosophy', { doctorate: true, longForms: ['Doctor of Philosophy'] }),
  degree('PsyD', 'Doctor of Psychology', { doctorate: true }),
  degree('SLPD', 'Doctor of Speech-Language Pathology', { doctorate: true }),
  degree('SLPM', 'Master of Speech-Language Pathology'),
  // Category 5.
  entry(
    'FAPTA',
    'Catherine Worthingham Fellow of the American Physical Therapy Association',
    'apta-fellowship',
    APTA_2016,
    {
      longForms: [
        'Catherine Worthingham Fellow of the American Physical Therapy Association',
        'Catherine Worthingham Fellow of APTA',
      ],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: NONE,
      unconfirmed: 'that the honor never needs renewal (no renewal found)',
    },
  ),
  // ABPTS board certifications.
  specialist('OCS', 'Orthopaedic Clinical Specialist', {
    longForms: [
      'Board-Certified Orthopaedic Clinical Specialist',
      'Orthopaedic Clinical Specialist',
      'Board-Certified Orthopedic Clinical Specialist',
      'Orthopedic Clinical Specialist',
    ],
  }),
  specialist('SCS', 'Sports Clinical Specialist'),
  specialist('NCS', 'Neurologic Clinical Specialist'),
  specialist('PCS', 'Pediatric Clinical Specialist'),
  specialist('GCS', 'Geriatric Clinical Specialist'),
  specialist('CCS', 'Cardiovascular and Pulmonary Clinical Specialist', {
    ambiguity: 'CCS is also AHIMA’s Certified Coding Specialist (UNCONFIRMED in the sources)',
  }),
  specialist('ECS', 'Clinical Electrophysiologic Specialist'),
  specialist('WCS', 'Women’s Health Clinical Specialist'),
  spelledOutSpecialist(
    'oncologic-specialist',
    'Oncologic Clinical Specialist',
    'no official abbreviation ("OncCS" is UNCONFIRMED); APTA dropped abbreviations in 2019',
  ),
  spelledOutSpecialist(
    'wound-management-specialist',
    'Wound Management Clinical Specialist',
    'the first exam date and the exact title',
  ),
  // Fellowships and other certifications: outside APTA's five categories.
  entry(
    'FAAOMPT',
    'Fellow of the American Academy of Orthopaedic Manual Physical Therapists',
    'fellowship',
    'aspireomt.com/faq; f3physicaltherapy.com',
    {
      longForms: [
        'Fellow of the American Academy of Orthopaedic Manual Physical Therapists',
        'Fellow of the American Academy of Orthopedic Manual Physical Therapists',
      ],
      issuers: ['American Academy of Orthopaedic Manual Physical Therapists (AAOMPT)'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'COMT',
    'Certified Orthopaedic Manual Therapist',
    'certification',
    'ozpt.com/comt/certification-process; naiomt.me',
    {
      longForms: [
        'Certified Orthopaedic Manual Therapist',
        'Certified Orthopedic Manual Therapist',
      ],
      issuers: [
        'Maitland Australian Physiotherapy Seminars (MAPS)',
        'North American Institute of Orthopaedic Manual Therapy (NAIOMT, inferred)',
      ],
      ambiguity: 'several bodies issue a COMT; the abbreviation alone does not say which',
      unconfirmed: 'a renewal cycle (MAPS requires more continuing education within 5 years)',
    },
  ),
  entry(
    'CSCS',
    'Certified Strength and Conditioning Specialist',
    'certification',
    'nsca.com/certification/recertification',
    {
      longForms: [
        'Certified Strength and Conditioning Specialist',
        'Certified Strength & Conditioning Specialist',
      ],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'fixed-cycle', years: 3, anchorYear: 2026 },
    },
  ),
  entry(
    'PRPC',
    'Pelvic Rehabilitation Practitioner Certification',
    'certification',
    'hermanwallace.com FAQ',
    {
      longForms: [
        'Pelvic Rehabilitation Practitioner Certification',
        'Pelvic Rehabilitation Practitioner Certified',
      ],
      issuers: ['Herman & Wallace Pelvic Rehabilitation Institute'],
      unconfirmed: 'renewal',
    },
  ),
  entry('CHT', 'Certified Hand Therapist', 'certification', 'htcc.org/recertification', {
    longForms: ['Certified Hand Therapist'],
    issuers: ['Hand Therapy Certification Commission (HTCC)'],
    renewal: { kind: 'years', years: 5 },
  }),
  entry(
    'Cert. MDT',
    'Certified in Mechanical Diagnosis and Therapy',
    'certification',
    'mckenzieinstitutecanada.org; web.mckenzieinstitute.org FAQ',
    {
      aliases: ['Cred. MDT'],
      issuers: ['McKenzie Institute International'],
      ambiguity: 'the McKenzie Institute writes both Cert. MDT and Cred. MDT for the same level',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'Dip. MDT',
    'Diploma in Mechanical Diagnosis and Therapy',
    'certification',
    'mckenzieinstitute.org diploma page',
    {
      issuers: ['McKenzie Institute International with the University of Dundee'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CMTPT',
    'Certified Myofascial Trigger Point Therapist',
    'certification',
    'myopainsolutions.com; cbmtpt.org',
    {
      issuers: ['Myopain Seminars', 'Certification Board for Myofascial Trigger Point Therapists'],
      unconfirmed: 'renewal',
    },
  ),
  entry('Cert. DN', 'Certification in Dry Needling', 'certification', 'spinalmanipulation.org', {
    issuers: ['Spinal Manipulation Institute / American Academy of Manipulative Therapy (AAMT)'],
    unconfirmed: 'renewal',
  }),
  entry('CLT', 'Certified Lymphedema Therapist', 'certification', 'acols.com; lymphedemablog.com', {
    issuers: [
      'The training school (e.g. Academy of Lymphatic Studies, Norton School, Vodder School)',
    ],
    ambiguity: 'a school certificate; CLT-LANA is the national exam',
    unconfirmed: 'the renewal cycle (some schools have required recertification since 2015)',
  }),
  entry('CLT-LANA', 'LANA Certified Lymphedema Therapist', 'certification', '222health.com', {
    issuers: ['Lymphology Association of North America (LANA)'],
    unconfirmed: 'the renewal cycle',
  }),
  entry(
    'CEEAA',
    'Certified Exercise Expert for Aging Adults',
    'certification',
    'aptageriatrics.org/for-educators',
    {
      issuers: ['APTA Geriatrics'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CSMT',
    'Certified Spinal Manual Therapist',
    'certification',
    'newgradphysicaltherapy.com',
    {
      issuers: ['International Spine & Pain Institute (ISPI)'],
      ambiguity: 'CSMT (ISPI) and Cert. SMT (AAMT) are different credentials',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'Cert. SMT',
    'Certification in Spinal Manipulative Therapy',
    'certification',
    'rinaldipt.com',
    {
      issuers: ['American Academy of Manipulative Therapy (AAMT)'],
      ambiguity: 'Cert. SMT (AAMT) and CSMT (ISPI) are different credentials',
      unconfirmed: 'renewal',
    },
  ),
  entry('MTC', 'Manual Therapy Certification', 'certification', 'usa.edu fellowship page', {
    issuers: ['University of St. Augustine for Health Sciences'],
    unconfirmed: 'the abbreviation itself, and renewal',
  }),
  entry('CMPT', 'Certified Manual Physical Therapist', 'certification', 'none found', {
    unconfirmed: 'the issuer and renewal: no source found',
  }),
  entry(
    'CMT',
    'Certified Massage Therapist or Certificate in Manual Therapy',
    'certification',
    'FaCeT; sau.edu; swodeam.com',
    {
      ambiguity:
        'CMT is a Certified Massage Therapist, a Certificate in Manual Therapy (Univ. of St. Augustine) or a Certification in Manual/Spinal Manipulative Therapy',
    },
  ),
  entry('FMS', 'Functional Movement Screen certification', 'certification', 'none found', {
    issuers: ['Functional Movement Systems (UNCONFIRMED)'],
    unconfirmed: 'the issuer and renewal',
  }),
  entry('FMT', 'Functional Movement Techniques certification', 'certification', 'none found', {
    issuers: ['RockTape (UNCONFIRMED)'],
    unconfirmed: 'the issuer and renewal',
  }),
  entry('CWS', 'Certified Wound Specialist', 'certification', 'FaCeT; ABWM handbook', {
    issuers: ['American Board of Wound Management'],
    unconfirmed: 'renewal',
  }),
  // Students and designations that must not replace PT.
  entry('SPT', 'Student Physical Therapist', 'student-designation', APTA_2009, { renewal: NONE }),
  entry('SPTA', 'Student Physical Therapist Assistant', 'student-designation', APTA_2009, {
    renewal: NONE,
  }),
  entry(
    'RPT',
    'Registered Physical Therapist (obsolete)',
    'obsolete-designation',
    `${APTA_2009}; CA B&P §2633(a)`,
    {
      renewal: STATE,
      note: 'APTA: RPT must not replace PT',
    },
  ),
  entry(
    'LPT',
    'Licensed Physical Therapist (obsolete)',
    'obsolete-designation',
    `${APTA_2009}; CA B&P §2633(a)`,
    {
      renewal: STATE,
      note: 'APTA: LPT must not replace PT',
    },
  ),
];
