import type { CatalogEntry, CredentialKind, RenewalRule } from './catalog-entry.js';

// Sources, cited by every entry (see ../shared/reference/credentials-and-codes.md §1–§2).
const APTA_2016 =
  'APTA, Appropriate Use of Designations (HOD RC 4-16): https://apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations';
const APTA_2009 =
  'APTA HOD P06-03-17-14, Designation of PT, PTA, SPT and SPTA (2009, replaced): https://hugepdf.com/download/download-designation-pt-pta-spt-and-spta-hod-p06-03-17_pdf';
const ABPTS =
  'ABPTS: https://specialization.apta.org/maintain-certification (10-year certification, MOSC); APTA dropped the abbreviations in 2019: https://specialization.apta.org/for-specialists/marketing/Promote-Certification';
const UNIVERSITY = ['An accredited college or university'];
const NONE: RenewalRule = { kind: 'none' };
const UNKNOWN: RenewalRule = { kind: 'unknown' };
const STATE: RenewalRule = { kind: 'varies-by-state' };

interface Extra {
  /** The id when it is not the abbreviation. */
  readonly id?: string;
  readonly aliases?: readonly string[];
  readonly variants?: readonly string[];
  readonly anyCase?: boolean;
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
    id: extra.id ?? abbreviation,
    abbreviation,
    aliases: extra.aliases ?? [],
    ...(extra.variants ? { variants: extra.variants } : {}),
    ...(extra.anyCase ? { anyCase: true } : {}),
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

/** A credential that has no abbreviation: it is only ever written out. */
function spelledOut(
  id: string,
  name: string,
  kind: CredentialKind,
  source: string,
  extra: Extra = {},
): CatalogEntry {
  const { abbreviation: _none, ...rest } = entry(id, name, kind, source, extra);
  return rest;
}

/** An APTA category 3 example: a government designation for an occupation other than PT. */
function occupation(abbreviation: string, name: string, extra: Extra = {}): CatalogEntry {
  return entry(abbreviation, name, 'regulated-occupation', `${APTA_2016} (category 3 examples)`, {
    issuers: ['State licensing board'],
    renewal: STATE,
    ...extra,
  });
}

/**
 * An APTA category 4 example: an earned academic degree. A degree written in mixed case (PhD,
 * EdD, DScPT) is also found in another case (`PHD`, `Phd` is not: see `CredentialCatalog.find`),
 * as none of them shares its letters with another credential.
 */
function degree(abbreviation: string, name: string, extra: Extra = {}): CatalogEntry {
  return entry(abbreviation, name, 'academic-degree', `${APTA_2016} (category 4 examples)`, {
    issuers: UNIVERSITY,
    renewal: NONE,
    ...(/[a-z]/.test(abbreviation) ? { anyCase: true } : {}),
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
 * The credential catalog: every credential in the reference table, every example of APTA's
 * categories 3 and 4, and what real rosters carry besides (APTA's credentialed clinical
 * instructor programme, honorary fellowships, NDT, craniofacial/TMD, kinesiology taping,
 * fitness, conditioning, yoga, ergonomics and Pilates certifications, movement screens, other PT
 * certifications, health-science and administration degrees), with deprecated spellings
 * (`aliases`, rewritten by a fix), kept spellings (`variants`), kind, issuers, renewal cycle
 * where a source gives one, ambiguity notes and a source for each. UNCONFIRMED facts are
 * marked, never invented.
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
  entry(
    'DPT',
    'Doctor of Physical Therapy',
    'pt-degree',
    `${APTA_2016}; APTA transition DPT FAQ: https://www.apta.org/your-career/career-advancement/postprofessional-degree/transition-dpt-faqs`,
    {
      aliases: ['tDPT', 't-DPT', 'T-DPT', 'TDPT', 'DPT(t)'],
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
      note: 'also used by businesses that are not physical therapists (APTA and FSBPT acted against Life Time Fitness, 2024); "t-DPT" is written "DPT": tDPT, t-DPT, T-DPT and DPT(t) are deprecated spellings a fix rewrites',
    },
  ),
  entry('MPT', 'Master of Physical Therapy', 'pt-degree', APTA_2016, {
    longForms: ['Master of Physical Therapy', 'Masters of Physical Therapy'],
    issuers: UNIVERSITY,
    renewal: NONE,
    ptDegreeRank: 2,
  }),
  entry(
    'MSPT',
    'Master of Science in Physical Therapy',
    'pt-degree',
    `${APTA_2016}; https://www.shrs.pitt.edu/mspt/ ; https://southalabama.edu/colleges/alliedhealth/pt/mspt.html`,
    {
      longForms: ['Master of Science in Physical Therapy'],
      note: "some universities award an MSPT as a post-professional master's to licensed PTs",
      issuers: UNIVERSITY,
      renewal: NONE,
      ptDegreeRank: 2,
    },
  ),
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
    // APTA's own guidance lists ATC/L among category 3 designations (cefortherapy.com, performancehealthacademy.com).
    variants: ['ATC/L'],
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
  degree('BS', 'Bachelor of Science', { variants: ['BSc'] }),
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
    variants: ['ScD'],
    anyCase: true,
    longForms: ['Doctor of Science'],
    note: 'ScD is an equivalent spelling that a fix keeps (issue 14); Messiah writes "Doctor of Science in PT (D.Sc.)": https://messiah.smartcatalogiq.com/en/2024-2025/graduate-catalog/doctor-of-science/doctor-of-science-in-pt',
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
  degree('MHS', 'Master of Health Science', {
    note: 'Master of Health Science, or Master of Health Studies (e.g. the MGH Institute exit degree: https://mghihp.smartcatalogiq.com/en/2020-2021/pt-program-manual/academic-policies/ap12-master-of-health-studies-exit-option)',
  }),
  degree('MLS', 'Master of Library Science'),
  degree('MOTR', 'Master of Occupational Therapy, Registered', { unconfirmed: 'the full name' }),
  degree('MPA', 'Master of Public Administration'),
  degree('MPH', 'Master of Public Health', { longForms: ['Master of Public Health'] }),
  degree('MPP', 'Master of Public Policy'),
  degree('MS', 'Master of Science', {
    variants: ['MSc'],
    longForms: ['Master of Science'],
  }),
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
    `${APTA_2016}; https://www.apta.org/apta-and-you/honors-awards/catherine-worthingham-fellows-of-apta`,
    {
      longForms: [
        'Catherine Worthingham Fellow of the American Physical Therapy Association',
        'Catherine Worthingham Fellow of APTA',
      ],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: NONE,
      note: 'an honor, "the highest membership category"; no renewal stated',
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
    'https://www.aspireomt.com/faq ; https://f3physicaltherapy.com/2013/11/10/alphabet-soup-faaompt',
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
    'ozpt.com/comt/certification-process; naiomt.me; https://bulletin.andrews.edu/preview_program.php?catoid=22&poid=17806',
    {
      longForms: [
        'Certified Orthopaedic Manual Therapist',
        'Certified Orthopedic Manual Therapist',
      ],
      issuers: [
        'Maitland Australian Physiotherapy Seminars (MAPS)',
        'North American Institute of Orthopaedic Manual Therapy (NAIOMT, inferred)',
        'ASPIRE (with Andrews University DScPT)',
      ],
      ambiguity: 'several bodies issue a COMT; the abbreviation alone does not say which',
      unconfirmed: 'a renewal cycle (MAPS requires more continuing education within 5 years)',
    },
  ),
  entry(
    'CSCS',
    'Certified Strength and Conditioning Specialist',
    'certification',
    'nsca.com/certification/recertification; https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      // NSCA writes Distinction as "CSCS,*D" (comma, no space, asterisk, D): a kept spelling.
      variants: ['CSCS,*D', 'CSCS*D'],
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
    'https://www.hermanwallace.com/component/ifaq/article/259-faq-prpc-eligibility/1474-am-i-eligible-to-sit-for-the-exam',
    {
      longForms: [
        'Pelvic Rehabilitation Practitioner Certification',
        'Pelvic Rehabilitation Practitioner Certified',
      ],
      issuers: ['Herman & Wallace Pelvic Rehabilitation Institute'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CHT',
    'Certified Hand Therapist',
    'certification',
    'htcc.org/recertification; https://www.orthovirginia.com/about-us/orthovirginia-blog/may-2014/alphabet-soup-%25E2%2580%2593-what-do-those-letters-mean?feed=blogs',
    {
      longForms: ['Certified Hand Therapist'],
      issuers: ['Hand Therapy Certification Commission (HTCC)'],
      renewal: { kind: 'years', years: 5 },
    },
  ),
  entry(
    'Cert. MDT',
    'Certified in Mechanical Diagnosis and Therapy',
    'certification',
    'https://www.mckenzieinstitutecanada.org/canada-credentialing-exam.cfm; web.mckenzieinstitute.org FAQ',
    {
      // McKenzie writes both; MDT-C is a reordering a fix writes as Cert. MDT. Any case is read
      // (cert. mdt, CERT MDT): no other credential shares the letters.
      variants: ['Cred. MDT'],
      aliases: ['MDT-C'],
      anyCase: true,
      issuers: ['McKenzie Institute International'],
      ambiguity: 'the McKenzie Institute writes both Cert. MDT and Cred. MDT for the same level',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'Dip. MDT',
    'Diploma in Mechanical Diagnosis and Therapy',
    'certification',
    'https://chiropractic.mckenzieinstitute.org/education/how-to-become-a-credentialled-clinician',
    {
      anyCase: true,
      issuers: ['McKenzie Institute International with the University of Dundee'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CMTPT',
    'Certified Myofascial Trigger Point Therapist',
    'certification',
    'http://cbmtpt.org/cbmtptfaq.aspx ; https://www.myopainsolutions.com/four-certifications-and-counting/',
    {
      issuers: ['Myopain Seminars', 'Certification Board for Myofascial Trigger Point Therapists'],
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'Cert. DN',
    'Certification in Dry Needling',
    'certification',
    'https://spinalmanipulation.org/dates-and-locations/dn-2-dry-needling',
    {
      anyCase: true,
      issuers: ['Spinal Manipulation Institute / American Academy of Manipulative Therapy (AAMT)'],
      note: "some write CDN for it, but CDN is also New York's Certified Dietitian-Nutritionist: CDN is not read as Cert. DN",
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CLT',
    'Certified Lymphedema Therapist',
    'certification',
    'http://www.lymphedemablog.com/2015/01/19/recertification-for-certified-lymphedema-therapists-clt/ ; http://www.acols.com/index.php/events/clt-recertification',
    {
      issuers: [
        'The training school (NALEA member schools: Academy of Lymphatic Studies, Norton School, Dr. Vodder School, Klose)',
      ],
      ambiguity: 'a school certificate; CLT-LANA is the national exam',
      note: 'ACOLS and Norton offer recertification since 2015-01-14',
      unconfirmed: 'the renewal cycle (some schools have required recertification since 2015)',
    },
  ),
  entry(
    'CLT-LANA',
    'LANA Certified Lymphedema Therapist',
    'certification',
    'https://222health.com/conditions-treatments/immune-system-disorders/17716.html',
    {
      aliases: ['CLT LANA'],
      issuers: ['Lymphology Association of North America (LANA)'],
      unconfirmed: 'the renewal cycle',
    },
  ),
  entry(
    'CEEAA',
    'Certified Exercise Expert for Aging Adults',
    'certification',
    'https://aptageriatrics.org/for-educators',
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
    'https://rinaldipt.com/michael-awarded-certification-in-spinal-manipulation.html',
    {
      issuers: ['American Academy of Manipulative Therapy (AAMT)'],
      ambiguity: 'Cert. SMT (AAMT) and CSMT (ISPI) are different credentials',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'MTC',
    'Manual Therapy Certification',
    'certification',
    'https://usa.edu/orthopaedic-manual-physical-therapy-fellowship/fellowship-curriculum',
    {
      issuers: ['University of St. Augustine for Health Sciences'],
      note: 'also written for any "manual therapy certified" clinician',
      unconfirmed: 'the abbreviation itself, and renewal',
    },
  ),
  entry(
    'CMPT',
    'Certified Manual Physical Therapist',
    'certification',
    'https://hesspt.com/?p=63 (lists COMT, CMPT, OMT as orthopaedic manual PT certifications)',
    {
      unconfirmed: 'the issuer and renewal',
    },
  ),
  entry(
    'CMT',
    'Certified Massage Therapist or Certificate in Manual Therapy',
    'certification',
    'FaCeT; http://www.sau.edu/News_and_Events/N161206_Manual_Therapy_Certificate.html ; https://swodeam.com/curriculum-diploma.php',
    {
      ambiguity:
        'CMT is a Certified Massage Therapist, a Certificate in Manual Therapy (Univ. of St. Augustine) or a Certification in Manual/Spinal Manipulative Therapy',
    },
  ),
  entry(
    'FMS',
    'Functional Movement Screen certification',
    'certification',
    'https://epage.pub/doc/manual-fms-leve-1-y4vjx56kly ; https://coachcram.com/exams/fms-functional-movement-screen-level-1',
    {
      variants: ['FMSC', 'FMS-1', 'FMS-2', 'FMS Level 1', 'FMS Level 2'],
      issuers: ['Functional Movement Systems'],
      unconfirmed: 'renewal; the written forms',
    },
  ),
  entry(
    'FMT',
    'Functional Movement Techniques certification',
    'certification',
    'https://zbook.org/read/18bb1f_fmt-basic-rocktape.html (RockTape FMT Basic study guide)',
    {
      issuers: ['RockTape'],
      ambiguity:
        "RockTape's Functional Movement Techniques (earlier Fascial Movement Taping), or the Institute of Physical Art's Functional Manual Therapy (whose credential is CFMT)",
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CWS',
    'Certified Wound Specialist',
    'certification',
    'FaCeT; ABWM handbook; https://healthybluezone.com/how-to-find-certified-wound-care',
    {
      issuers: ['American Board of Wound Management'],
      unconfirmed: 'renewal',
    },
  ),
  // Issue 14: what real rosters carry (research: credential-catalog.md §1–§10, §13). APTA's
  // clinical instructor programme, fellowships, NDT, craniofacial/TMD, taping, fitness, yoga,
  // ergonomics and Pilates, movement screens, other PT certifications, health-science and
  // administration degrees.
  entry(
    'APTA Credentialed CI',
    'APTA Credentialed Clinical Instructor',
    'certification',
    'http://www.apta.org/CCIP/Overview/ ; https://www.apta.org/for-educators/clinical-education-development/ccip-level-2',
    {
      id: 'apta-ccip-1',
      variants: ['APTA CI', 'APTA CCIP', 'CCIP', 'CCIP Level 1', 'Credentialed CI'],
      longForms: ['APTA Credentialed Clinical Instructor', 'Credentialed Clinical Instructor'],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: { kind: 'unknown' },
      note: 'APTA publishes no post-nominal abbreviation; rosters write APTA Credentialed CI, APTA CI or CCIP',
      unconfirmed: 'the abbreviations and any renewal',
    },
  ),
  // Bare CI and CCI do not say APTA credentialed the person: an entry of their own, ambiguous.
  entry('CI', 'Clinical Instructor', 'certification', 'http://www.apta.org/CCIP/Overview/', {
    variants: ['CCI'],
    renewal: { kind: 'unknown' },
    ambiguity:
      'CI names the clinical instructor role, not a credential: it does not say APTA credentialed the person (APTA Credentialed CI); CCI is also Cardiovascular Credentialing International',
    unconfirmed: 'that a roster’s CI or CCI means the APTA credential',
  }),
  entry(
    'CCIP Level 2',
    'APTA Credentialed Clinical Instructor Level 2',
    'certification',
    'https://www.apta.org/for-educators/clinical-education-development/ccip-level-2',
    {
      id: 'apta-ccip-2',
      variants: ['APTA CCIP Level 2', 'APTA Level 2 CI', 'CCIP-2'],
      longForms: ['APTA Credentialed Clinical Instructor Level 2'],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: { kind: 'unknown' },
      note: 'only PTs and PTAs receive the Level 2 credential',
      unconfirmed: 'the abbreviations and any renewal',
    },
  ),
  spelledOut(
    'apta-credentialed-clinical-trainer',
    'APTA CCIP Credentialed Clinical Trainer',
    'certification',
    'https://apta.org/for-educators/clinical-education-development/becoming-a-credentialed-clinical-trainer',
    {
      longForms: ['Credentialed Clinical Trainer'],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: { kind: 'years', years: 5 },
      note: 'five-year credential stated for the Level 2 trainer',
    },
  ),
  spelledOut(
    'pta-app',
    'APTA PTA Advanced Proficiency Pathways recognition',
    'certification',
    'https://www.apta.org/for-ptas/pta-advanced-proficiency-pathways',
    {
      longForms: ['PTA Advanced Proficiency Pathways', 'Advanced Proficiency Pathways'],
      issuers: ['American Physical Therapy Association (APTA)'],
      renewal: { kind: 'years', years: 10 },
    },
  ),
  entry(
    'FNAP',
    'Fellow of the National Academies of Practice',
    'fellowship',
    'http://ipe.slu.edu/index.php?mact=News,cntnt01,detail,0&cntnt01articleid=17',
    {
      longForms: ['Fellow of the National Academies of Practice'],
      issuers: ['National Academies of Practice (NAP)'],
      renewal: { kind: 'unknown' },
      note: 'honor; NAP has a Physical Therapy academy',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'FACSM',
    'Fellow of the American College of Sports Medicine',
    'fellowship',
    'https://www.acsm.org/acsm-membership/membership/acsm-fellowship/acsm-fellowship-objectives-and-minimum-benchmarks',
    {
      longForms: ['Fellow of the American College of Sports Medicine'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'unknown' },
      note: 'honor/advanced membership status; requires a doctorate',
      unconfirmed: 'whether it lapses with membership',
    },
  ),
  entry(
    'FGSA',
    'Fellow of the Gerontological Society of America',
    'fellowship',
    'usage: https://medschool.cuanschutz.edu/physical-therapy-program/news-and-events/news/news-updates/school-of-medicine-associate-dean-of-physical-therapy-education-named-catherine-worthingham-fellow-by-the-apta',
    {
      longForms: ['Fellow of the Gerontological Society of America'],
      issuers: ['Gerontological Society of America (GSA)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'issuer page not read; renewal',
    },
  ),
  entry(
    'FCAMPT',
    'Fellow of the Canadian Academy of Manipulative Physiotherapists',
    'fellowship',
    'http://engagehealthkamloops.com/orthopedic.php',
    {
      longForms: ['Fellow of the Canadian Academy of Manipulative Physiotherapists'],
      issuers: ['Canadian Academy of Manipulative Physiotherapists (CAMPT)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'C/NDT',
    'Certified in Neuro-Developmental Treatment',
    'certification',
    'https://www.ndta.org/Certification/About-NDT-Certification',
    {
      aliases: ['C-NDT', 'CNDT'],
      longForms: ['NDT Certified', 'Certified in Neuro-Developmental Treatment'],
      issuers: ['Neuro-Developmental Treatment Association (NDTA)'],
      renewal: { kind: 'years', years: 3 },
      note: 'lapses if NDTA membership lapses; 20 CE hours per period',
      unconfirmed: 'the 3-year period for therapists (stated for the NDT Assistant credential)',
    },
  ),
  entry(
    'NDT',
    'Neuro-Developmental Treatment training',
    'certification',
    'https://www.ndta.org/Certification/About-NDT-Certification',
    {
      issuers: ['Neuro-Developmental Treatment Association (NDTA)'],
      renewal: { kind: 'unknown' },
      ambiguity: 'NDT alone shows training; C/NDT is the credential',
    },
  ),
  entry(
    'CCTT',
    'Certified Cervical and Temporomandibular Therapist',
    'certification',
    'https://ptbcct.org/certification-development/ ; http://www.ptbcct.org/content.aspx?page_id=22&club_id=37001&module_id=153584',
    {
      longForms: ['Certified Cervical and Temporomandibular Therapist'],
      issuers: ['Physical Therapy Board of Craniofacial & Cervical Therapeutics (PTBCCT)'],
      renewal: { kind: 'years', years: 1 },
      unconfirmed: 'annual cycle inferred from annual dues and CE reporting periods',
    },
  ),
  entry(
    'CKTP',
    'Certified Kinesio Taping Practitioner',
    'certification',
    'http://tapingcourses.com/What_is_Kinesio_Tape.html',
    {
      longForms: ['Certified Kinesio Taping Practitioner'],
      issuers: ['Kinesio Taping Association International (KTAI)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal; issuer page not read',
    },
  ),
  entry(
    'CKTI',
    'Certified Kinesio Taping Instructor',
    'certification',
    'https://jibundehareru-kt.com/2016/12/07/acoursetoupdate-ckti (CKTI: Kinesio Taping Association certified instructor; instructors renew through a course every 3-4 years)',
    {
      longForms: ['Certified Kinesio Taping Instructor'],
      issuers: ['Kinesio Taping Association International (KTAI)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'the renewal cycle outside Japan',
    },
  ),
  entry(
    'NSCA-CPT',
    'NSCA Certified Personal Trainer',
    'certification',
    'https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      aliases: ['NSCA CPT'],
      variants: ['NSCA-CPT,*D'],
      longForms: ['NSCA Certified Personal Trainer'],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'fixed-cycle', years: 3, anchorYear: 2026 },
      note: 'with Distinction written NSCA-CPT,*D',
      unconfirmed: 'that it shares the CSCS recertification cycle',
    },
  ),
  entry(
    'CSPS',
    'Certified Special Population Specialist',
    'certification',
    'https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      longForms: ['Certified Special Population Specialist'],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'fixed-cycle', years: 3, anchorYear: 2026 },
      unconfirmed: 'recertification cycle',
    },
  ),
  entry(
    'CPSS',
    'Certified Performance and Sport Scientist',
    'certification',
    'https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      longForms: ['Certified Performance and Sport Scientist'],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'fixed-cycle', years: 3, anchorYear: 2026 },
      unconfirmed: 'recertification cycle',
    },
  ),
  entry(
    'TSAC-F',
    'Tactical Strength and Conditioning Facilitator',
    'certification',
    'https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      longForms: ['Tactical Strength and Conditioning Facilitator'],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'fixed-cycle', years: 3, anchorYear: 2026 },
      unconfirmed: 'recertification cycle',
    },
  ),
  entry(
    'RSCC',
    'Registered Strength and Conditioning Coach',
    'certification',
    'https://www.nsca.com/certification/certification-resources/credential-guidelines/',
    {
      variants: ['RSCC*D', 'RSCC*E'],
      longForms: ['Registered Strength and Conditioning Coach'],
      issuers: ['National Strength and Conditioning Association (NSCA)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'the *D/*E levels and renewal',
    },
  ),
  entry(
    'ACSM-EP',
    'ACSM Certified Exercise Physiologist',
    'certification',
    'http://certification.acsm.org/faq12-recert-requirements ; https://meridian.allenpress.com/jcep/article/12/4/98/498235/',
    {
      aliases: ['ACSM EP', 'EP-C'],
      longForms: ['ACSM Certified Exercise Physiologist'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'years', years: 3 },
      note: 'formerly Health Fitness Specialist (HFS), then EP-C',
    },
  ),
  entry(
    'ACSM-CEP',
    'ACSM Certified Clinical Exercise Physiologist',
    'certification',
    'http://certification.acsm.org/faq12-recert-requirements ; https://www.cool.army.mil/search/CERT_RCEP829.htm',
    {
      aliases: ['ACSM CEP'],
      longForms: ['ACSM Certified Clinical Exercise Physiologist'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'ACSM-RCEP',
    'ACSM Registered Clinical Exercise Physiologist',
    'certification',
    'https://meridian.allenpress.com/jcep/article/12/4/98/498235/',
    {
      variants: ['RCEP'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'years', years: 3 },
      note: 'merged into ACSM-CEP in 2018',
    },
  ),
  entry(
    'ACSM-CPT',
    'ACSM Certified Personal Trainer',
    'certification',
    'http://certification.acsm.org/faq12-recert-requirements',
    {
      aliases: ['ACSM CPT'],
      longForms: ['ACSM Certified Personal Trainer'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'EIM',
    'ACSM Exercise is Medicine credential',
    'certification',
    'usage: https://journals.lww.com/acsm-healthfitness/Fulltext/2022/07000/Certified_Exercise_Physiologists__Educated_Leaders.9.aspx',
    {
      variants: ['EIM-I', 'EIM-II', 'EIM-III'],
      longForms: ['ACSM Exercise is Medicine credential'],
      issuers: ['American College of Sports Medicine (ACSM)'],
      renewal: { kind: 'unknown' },
      ambiguity: 'EIM is also Evidence In Motion, a PT education company',
      unconfirmed: 'levels and renewal',
    },
  ),
  entry(
    'NASM-CPT',
    'NASM Certified Personal Trainer',
    'certification',
    'https://www.nasm.org/recertify/personal-trainer-recertification',
    {
      aliases: ['NASM CPT'],
      longForms: ['NASM Certified Personal Trainer'],
      issuers: ['National Academy of Sports Medicine (NASM)'],
      renewal: { kind: 'years', years: 2 },
    },
  ),
  entry(
    'NASM-CES',
    'NASM Corrective Exercise Specialist',
    'certification',
    'https://questions.askthetrainer.com/nasm-certification-continuing-education.html',
    {
      aliases: ['NASM CES'],
      longForms: ['NASM Corrective Exercise Specialist'],
      issuers: ['National Academy of Sports Medicine (NASM)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal (a trainer says specializations do not expire)',
    },
  ),
  entry(
    'NASM-PES',
    'NASM Performance Enhancement Specialist',
    'certification',
    'https://questions.askthetrainer.com/nasm-certification-continuing-education.html',
    {
      aliases: ['NASM PES'],
      longForms: ['NASM Performance Enhancement Specialist'],
      issuers: ['National Academy of Sports Medicine (NASM)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  // Bare CES, PES and CEP do not name their issuer: entries of their own, ambiguous.
  entry(
    'CES',
    'Corrective Exercise Specialist',
    'certification',
    'https://questions.askthetrainer.com/nasm-certification-continuing-education.html',
    {
      issuers: ['National Academy of Sports Medicine (NASM), when the issuer is not named'],
      ambiguity:
        'CES alone does not name the issuer (NASM writes NASM-CES); it is not the ABPTS ECS',
      unconfirmed: 'the issuer and renewal',
    },
  ),
  entry(
    'PES',
    'Performance Enhancement Specialist',
    'certification',
    'https://questions.askthetrainer.com/nasm-certification-continuing-education.html',
    {
      issuers: ['National Academy of Sports Medicine (NASM), when the issuer is not named'],
      ambiguity: 'PES alone does not name the issuer (NASM writes NASM-PES)',
      unconfirmed: 'the issuer and renewal',
    },
  ),
  entry(
    'CEP',
    'Clinical Exercise Physiologist',
    'certification',
    'http://certification.acsm.org/faq12-recert-requirements',
    {
      issuers: ['American College of Sports Medicine (ACSM), when the issuer is not named'],
      ambiguity: 'CEP alone does not name the issuer and has other meanings; ACSM writes ACSM-CEP',
      unconfirmed: 'the issuer and renewal',
    },
  ),
  entry(
    'ACE-CPT',
    'ACE Certified Personal Trainer',
    'certification',
    'https://www.acefitness.org/fitness-certifications/recertification/',
    {
      aliases: ['ACE CPT'],
      longForms: ['ACE Certified Personal Trainer'],
      issuers: ['American Council on Exercise (ACE)'],
      renewal: { kind: 'years', years: 2 },
    },
  ),
  entry(
    'CPT',
    'Certified Personal Trainer',
    'certification',
    'https://www.nasm.org/recertify/personal-trainer-recertification ; https://www.nsca.com/certification/certification-resources/credential-guidelines/ ; https://www.acefitness.org/fitness-certifications/recertification/',
    {
      longForms: ['Certified Personal Trainer'],
      issuers: [],
      renewal: { kind: 'unknown' },
      ambiguity:
        'several issuers (NASM, NSCA, ACSM, ACE); CPT is also AMA Current Procedural Terminology',
      unconfirmed: 'the issuer',
    },
  ),
  entry(
    'RYT-200',
    '200-Hour Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      variants: ['RYT 200'],
      longForms: ['200-Hour Registered Yoga Teacher'],
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'RYT',
    'Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
      note: 'the level (200 or 500 hours) is not given: RYT 200 or RYT 500 says it',
    },
  ),
  entry(
    'RYT-500',
    '500-Hour Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      variants: ['RYT 500'],
      longForms: ['500-Hour Registered Yoga Teacher'],
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'E-RYT 200',
    '200-Hour Experienced Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      variants: ['E-RYT-200'],
      longForms: ['200-Hour Experienced Registered Yoga Teacher'],
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'E-RYT',
    'Experienced Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      aliases: ['ERYT'],
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
      note: 'the level (200 or 500 hours) is not given: E-RYT 200 or E-RYT 500 says it',
    },
  ),
  entry(
    'E-RYT 500',
    '500-Hour Experienced Registered Yoga Teacher',
    'certification',
    'https://www.yogaalliance.org/Credentialing/ContinuingEducation',
    {
      variants: ['E-RYT-500'],
      longForms: ['500-Hour Experienced Registered Yoga Teacher'],
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
    },
  ),
  entry(
    'C-IAYT',
    'IAYT Certified Yoga Therapist',
    'certification',
    'https://layoga.com/practice/yoga-therapy/steps-in-professional-development-grandparenting-yoga-therapists/',
    {
      aliases: ['CIAYT'],
      longForms: ['IAYT Certified Yoga Therapist'],
      issuers: ['International Association of Yoga Therapists (IAYT)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal cycle',
    },
  ),
  entry(
    'CEAS',
    'Certified Ergonomics Assessment Specialist',
    'certification',
    'https://thebackschool.net/live-workshops/ceas-ii-expanded-ergonomics-assessment-skills-certification-workshop',
    {
      variants: ['CEAS I', 'CEAS II', 'CEAS III'],
      longForms: ['Certified Ergonomics Assessment Specialist'],
      issuers: ['The Back School (formerly Back School of Atlanta)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CPE',
    'Certified Professional Ergonomist',
    'certification',
    'http://what-when-how.com/Tutorial/topic-53604/Fundamentals-and-Assessment-Tools-for-Occupational-Ergonomics-23.html (BCPE: Certified Professional Ergonomist, CPE); https://alliedhealthexam.com/study-guides/board-of-certification-in-professional-ergonomics-cpe',
    {
      longForms: ['Certified Professional Ergonomist'],
      issuers: ['Board of Certification in Professional Ergonomics (BCPE)'],
      renewal: { kind: 'unknown' },
      ambiguity: 'CPE also means continuing professional education',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'PMA-CPT',
    'PMA Certified Pilates Teacher',
    'certification',
    'https://www.pilatesmethodalliance.org/i4a/pages/index.cfm?pageID=3544',
    {
      aliases: ['PMA®-CPT'],
      longForms: ['PMA Certified Pilates Teacher'],
      issuers: ['Pilates Method Alliance (PMA)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'SFMA',
    'Selective Functional Movement Assessment certification',
    'certification',
    'https://winenfood.com/the-process-for-getting-sfma-certification',
    {
      variants: ['SFMA-C', 'SFMA-1', 'SFMA-2', 'SFMA Level 1', 'SFMA Level 2'],
      longForms: ['Selective Functional Movement Assessment certification'],
      issuers: ['Functional Movement Systems'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal (a blog says 2 years)',
    },
  ),
  entry(
    'MDT',
    'McKenzie Mechanical Diagnosis and Therapy training',
    'certification',
    'https://www.mckenzieinstitutecanada.org/canada-credentialing-exam.cfm',
    {
      issuers: ['McKenzie Institute International'],
      renewal: { kind: 'unknown' },
      ambiguity: 'MDT alone does not show the credential; Cert. MDT does',
    },
  ),
  entry(
    'PRC',
    'Postural Restoration Certified',
    'certification',
    'https://posturalrestoration.com/news/page/9',
    {
      longForms: ['Postural Restoration Certified'],
      issuers: ['Postural Restoration Institute (PRI)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'BCB-PMD',
    'Board Certified in Biofeedback for Pelvic Muscle Dysfunction',
    'certification',
    'https://meridian.allenpress.com/biofeedback/article-abstract/44/2/55/113521/',
    {
      aliases: ['BCB PMD'],
      longForms: ['Board Certified in Biofeedback for Pelvic Muscle Dysfunction'],
      issuers: ['Biofeedback Certification International Alliance (BCIA)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CAPP-Pelvic',
    'Certificate of Achievement in Pelvic Health Physical Therapy',
    'certification',
    'https://aptapelvichealth.org/education/capp/',
    {
      aliases: ['CAPP Pelvic'],
      longForms: [
        'Certificate of Achievement in Pelvic Health Physical Therapy',
        'Certificate of Advanced Practice in Physical Therapy in Pelvic Health',
      ],
      issuers: ['Academy of Pelvic Health Physical Therapy (APTA Pelvic Health)'],
      renewal: { kind: 'unknown' },
      note: 'newer pages call it Certificate of Advanced Practice and admit PTAs',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CAPP-OB',
    'Certificate of Achievement in Obstetric Physical Therapy',
    'certification',
    'http://aptapelvichealth.org/capp',
    {
      aliases: ['CAPP OB'],
      longForms: [
        'Certificate of Achievement in Obstetric Physical Therapy',
        'Certificate of Achievement in Pregnancy and Postpartum Physical Therapy',
      ],
      issuers: ['Academy of Pelvic Health Physical Therapy (APTA Pelvic Health)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CCRP',
    'Certified Canine Rehabilitation Practitioner',
    'certification',
    'https://thek9pt.com/2018/04/20/why-you-need-to-work-with-a-certified-canine-rehab-professional',
    {
      longForms: ['Certified Canine Rehabilitation Practitioner'],
      issuers: ['University of Tennessee / Northeast Seminars'],
      renewal: { kind: 'unknown' },
      ambiguity: "also SoCRA's Certified Clinical Research Professional (UNCONFIRMED here)",
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CCRT',
    'Certified Canine Rehabilitation Therapist',
    'certification',
    'https://vetneuroandpain.com/ccrt/',
    {
      longForms: ['Certified Canine Rehabilitation Therapist'],
      issuers: ['Canine Rehabilitation Institute'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'BSPTS C1',
    'BSPTS Schroth Scoliosis Certification Level 1',
    'certification',
    'http://www.bspts.net/courses.html',
    {
      id: 'bspts-c1',
      variants: ['BSPTS-C1', 'Schroth C1'],
      longForms: ['BSPTS Schroth Scoliosis Certification Level 1'],
      issuers: ['Barcelona Scoliosis Physical Therapy School (BSPTS)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'written forms and renewal',
    },
  ),
  entry(
    'BSPTS C2',
    'BSPTS Schroth Scoliosis Certification Level 2',
    'certification',
    'http://www.bspts.net/courses.html',
    {
      id: 'bspts-c2',
      variants: ['BSPTS-C2', 'Schroth C2'],
      longForms: ['BSPTS Schroth Scoliosis Certification Level 2'],
      issuers: ['Barcelona Scoliosis Physical Therapy School (BSPTS)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'written forms and renewal',
    },
  ),
  entry(
    'C-SBT',
    'Certified Schroth Best Practice Therapist',
    'certification',
    'https://bspts.net/asia-pacific/ (names the branch only)',
    {
      longForms: ['Certified Schroth Best Practice Therapist'],
      issuers: ['Schroth Best Practice Academy'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'the abbreviation, issuer name and renewal',
    },
  ),
  entry(
    'LSVT BIG',
    'LSVT BIG Certified Clinician',
    'certification',
    'https://winenfood.com/explaining-the-lsvt-big-certification-program',
    {
      aliases: ['LSVT-BIG'],
      longForms: ['LSVT BIG Certified Clinician'],
      issuers: ['LSVT Global'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'issuer page not read; renewal',
    },
  ),
  entry(
    'ATRIC',
    'ATRI Aquatic Therapy & Rehabilitation Certified',
    'certification',
    'https://www.atri.org/atri-information/certification.html',
    {
      longForms: ['ATRI Certified'],
      issuers: ['Aquatic Therapy & Rehab Institute (ATRI)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal (in the candidate handbook, not read)',
    },
  ),
  entry(
    'WCC',
    'Wound Care Certified',
    'certification',
    'https://pdfslide.us/documents/wcc-recertiication-handbook-wound-care-the-national-alliance-of-wound-care.html',
    {
      longForms: ['Wound Care Certified'],
      issuers: ['National Alliance of Wound Care and Ostomy (NAWCO)'],
      renewal: { kind: 'years', years: 5 },
    },
  ),
  entry(
    'CFMT',
    'Certified Functional Manual Therapist',
    'certification',
    'https://my.instituteofphysicalart.com/ipa-information/residency-information.html',
    {
      longForms: ['Certified Functional Manual Therapist'],
      issuers: ['Institute of Physical Art (IPA)'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'CF-L1',
    'CrossFit Level 1 Trainer',
    'certification',
    'https://readkong.com/page/covid-19-policy-crossfit-2844033',
    {
      aliases: ['CF L1'],
      longForms: ['CrossFit Level 1 Trainer'],
      issuers: ['CrossFit, LLC'],
      renewal: { kind: 'years', years: 5 },
    },
  ),
  entry(
    'CF-L2',
    'CrossFit Level 2 Trainer',
    'certification',
    'https://readkong.com/page/covid-19-policy-crossfit-2844033',
    {
      longForms: ['CrossFit Level 2 Trainer'],
      issuers: ['CrossFit, LLC'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'TPI',
    'Titleist Performance Institute certified',
    'certification',
    'https://www.movechirond.com/post/how-can-a-chiropractor-fix-your-golf-swing',
    {
      variants: ['TPI-M1', 'TPI-M2', 'TPI-M3', 'TPI Level 1'],
      longForms: ['Titleist Performance Institute certified'],
      issuers: ['Titleist Performance Institute'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'the level abbreviations and renewal',
    },
  ),
  entry(
    'AVPT',
    'Advanced Vestibular Physical Therapy certificate',
    'certification',
    'https://www.shrs.pitt.edu/pt/continuing-education/advanced-vestibular-physical-therapy-certificate-program',
    {
      longForms: ['Advanced Vestibular Physical Therapy certificate'],
      issuers: ['University of Pittsburgh'],
      renewal: { kind: 'unknown' },
      unconfirmed: 'renewal',
    },
  ),
  spelledOut(
    'vestibular-competency',
    'Vestibular Rehabilitation Competency-Based Course Certificate',
    'certification',
    'https://docslib.org/doc/6533891/vestibular-rehabilitation-course-info-4-website-with-tuition-and-fees',
    {
      longForms: ['Vestibular Rehabilitation Certified', 'Vestibular Competency'],
      issuers: ['Emory University (APTA-sponsored course)'],
      renewal: { kind: 'none' },
      note: 'certifies skills at the time of the course; no official abbreviation',
    },
  ),
  entry(
    'DHSc',
    'Doctor of Health Science',
    'academic-degree',
    'http://www.usa.edu/p46-164-Doctor-of-Health-Science-DHSc.aspx',
    {
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      note: "same degree name as DHS (written out, it reads as DHS, APTA's example); keep the spelling written",
      doctorate: true,
      anyCase: true,
    },
  ),
  entry(
    'DHA',
    'Doctor of Health Administration',
    'academic-degree',
    'https://education.musc.edu/students/enrollment/bulletin/colleges-and-degrees/health-professions/doctor-health-administration',
    {
      longForms: ['Doctor of Health Administration'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      doctorate: true,
    },
  ),
  entry(
    'DBA',
    'Doctor of Business Administration',
    'academic-degree',
    'https://en.wikipedia.org/wiki/Doctor_of_Health_Administration',
    {
      longForms: ['Doctor of Business Administration'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      doctorate: true,
    },
  ),
  entry(
    'DrPH',
    'Doctor of Public Health',
    'academic-degree',
    'https://www.acsm.org/about/news/news-landing/2023/07/26/science-spotlight-apply-for-acsm-fellowship-before-the-2023-deadline (names the Doctor of Public Health)',
    {
      longForms: ['Doctor of Public Health'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      unconfirmed: 'the abbreviation',
      doctorate: true,
      anyCase: true,
    },
  ),
  entry(
    'DPE',
    'Doctor of Physical Education',
    'academic-degree',
    'https://www.acsm.org/about/news/news-landing/2023/07/26/science-spotlight-apply-for-acsm-fellowship-before-the-2023-deadline (names the Doctor of Physical Education)',
    {
      longForms: ['Doctor of Physical Education'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      unconfirmed: 'the abbreviation',
      doctorate: true,
    },
  ),
  entry(
    'OTD',
    'Doctor of Occupational Therapy',
    'academic-degree',
    'https://www.usa.edu/blog/post-professional-otd/',
    {
      longForms: ['Doctor of Occupational Therapy'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      doctorate: true,
    },
  ),
  entry(
    'MOT',
    'Master of Occupational Therapy',
    'academic-degree',
    'https://www.usa.edu/blog/post-professional-otd/',
    {
      longForms: ['Master of Occupational Therapy'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
    },
  ),
  entry(
    'MSOT',
    'Master of Science in Occupational Therapy',
    'academic-degree',
    'https://askvity.info/occupational-therapy/what-is-otd-in-medical-terms',
    {
      longForms: ['Master of Science in Occupational Therapy'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
    },
  ),
  entry(
    'MHA',
    'Master of Health Administration',
    'academic-degree',
    'https://www.dmu.edu/ot/dual-degree/',
    {
      longForms: ['Master of Health Administration'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      note: 'also written Master of Health Care Administration',
    },
  ),
  entry(
    'EMBA',
    'Executive Master of Business Administration',
    'academic-degree',
    'http://lexicon.ft.com/Term?term=EMBA',
    {
      longForms: ['Executive Master of Business Administration'],
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
    },
  ),
  entry(
    'MScPT',
    'Master of Science in Physical Therapy',
    'pt-degree',
    'https://kootenaycaninerehab.com/what-you-need-to-know-about-finding-a-certified-canine-rehabilitation-professional/',
    {
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      note: 'the Canadian spelling of the degree',
      ptDegreeRank: 2,
      anyCase: true,
    },
  ),
  entry(
    'BScPT',
    'Bachelor of Science in Physical Therapy',
    'pt-degree',
    'https://kootenaycaninerehab.com/what-you-need-to-know-about-finding-a-certified-canine-rehabilitation-professional/',
    {
      issuers: ['An accredited college or university'],
      renewal: { kind: 'none' },
      note: 'the Canadian spelling of the degree',
      ptDegreeRank: 1,
      anyCase: true,
    },
  ),
  entry(
    'SMT',
    'Spinal Manipulative Therapist',
    'certification',
    'https://bulletin.andrews.edu/preview_program.php?catoid=22&poid=17806',
    {
      issuers: ['ASPIRE (Andrews University DScPT concentration)'],
      ambiguity: 'SMT (ASPIRE), Cert. SMT (AAMT) and CSMT (ISPI) are different credentials',
      unconfirmed: 'renewal',
    },
  ),
  entry(
    'OMT',
    'Orthopaedic Manual Therapist',
    'certification',
    'https://hesspt.com/?p=63 (lists COMT, CMPT, OMT as orthopaedic manual PT certifications)',
    {
      ambiguity:
        'a generic orthopaedic manual therapist title with no one issuer; OMT is also osteopathic manipulative treatment (DO)',
      unconfirmed: 'the issuer and renewal',
    },
  ),
  entry(
    'RCYT',
    "Registered Children's Yoga Teacher",
    'certification',
    'https://mindisthemaster.com/continuing-education-ceu-yoga-alliance/',
    {
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
      unconfirmed: 'the renewal cycle (Yoga Alliance states 3 years for RYT)',
    },
  ),
  entry(
    'RPYT',
    'Registered Prenatal Yoga Teacher',
    'certification',
    'https://mindisthemaster.com/continuing-education-ceu-yoga-alliance/',
    {
      issuers: ['Yoga Alliance'],
      renewal: { kind: 'years', years: 3 },
      unconfirmed: 'the renewal cycle (Yoga Alliance states 3 years for RYT)',
    },
  ),
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

/**
 * Letters seen after names on PT rosters that are not credentials (roles, an assessment form) or
 * that cannot be placed (two unrelated credentials): the catalog holds no entry for them, so a
 * listing with one has an unknown part, but no near-miss suggestion is made for them — a
 * suggestion would name a different, real credential (DCE is not DC, CPI is not CPT).
 */
export const NOT_CREDENTIALS: readonly {
  readonly written: string;
  readonly meaning: string;
  readonly source: string;
}[] = [
  {
    written: 'CCCE',
    meaning: 'Center Coordinator of Clinical Education: a role, not a credential',
    source: 'http://www.apta.org/CCIP/Overview/',
  },
  {
    written: 'ACCE',
    meaning: 'Academic Coordinator of Clinical Education: a role, not a credential',
    source: 'http://www.apta.org/CCIP/Overview/',
  },
  {
    written: 'DCE',
    meaning: 'Director of Clinical Education: a role, not a credential',
    source: 'http://www.apta.org/CCIP/Overview/',
  },
  {
    written: 'CPI',
    meaning:
      "APTA's Clinical Performance Instrument (a student assessment) or Crisis Prevention Institute training: not a PT credential",
    source: 'research for issue 14, §11 (common usage; no PT credential "CPI" found)',
  },
  {
    written: 'CDN',
    meaning:
      "New York's Certified Dietitian-Nutritionist, or a Certification in Dry Needling written short (Cert. DN): cannot be placed",
    source: 'https://spinalmanipulation.org/dates-and-locations/dn-2-dry-needling',
  },
];
