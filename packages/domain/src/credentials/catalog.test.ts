import { describe, expect, it } from 'vitest';
import { aptaCategory } from './canonical-order.js';
import { CREDENTIAL_CATALOG, NOT_CREDENTIALS } from './catalog.js';
import { CREDENTIAL_KINDS } from './catalog-entry.js';
import {
  abbreviationKey,
  credentialById,
  findCredential,
  findCredentialByName,
  suggestCredential,
} from './catalog-lookup.js';

// APTA's own example lists (RC 4-16), categories 3 and 4.
const CATEGORY_3 =
  'APN APNR APRN ATC CNS CPA CRNP CS EMT LAc LAC LCMT LCSW LDM LM LMSW LMT LPC LCPC LVT MD MT NP OT OTR/L RN SLP'.split(
    ' ',
  );
const CATEGORY_4 =
  'AuD BA BS CScD DC DDS DEd DHS DMD DMT DNP DO DPM DSc DScPT DVM EdD JD LLM MA MBA MEd MHS MLS MOTR MPA MPH MPP MS MSHA ND NMD PharmD PhD PsyD SLPD SLPM'.split(
    ' ',
  );
// The reference's catalog table.
const TABLE =
  'PT PTA DPT MPT MSPT BSPT OCS SCS NCS PCS GCS CCS ECS WCS FAAOMPT FAPTA COMT CSCS PRPC CHT ATC LAT AT CMTPT CLT CLT-LANA CEEAA CSMT MTC CMPT FMS FMT CWS'.split(
    ' ',
  );

describe('the credential catalog', () => {
  it('has well over 60 entries with unique ids and spellings', () => {
    expect(CREDENTIAL_CATALOG.length).toBeGreaterThan(170);
    expect(new Set(CREDENTIAL_CATALOG.map((e) => e.id)).size).toBe(CREDENTIAL_CATALOG.length);
    // Abbreviations, kept variants and deprecated aliases: no two alike across the catalog.
    const spellings = CREDENTIAL_CATALOG.flatMap((e) =>
      [e.abbreviation, ...(e.variants ?? []), ...e.aliases]
        .filter((s) => s !== undefined)
        .map(abbreviationKey),
    );
    expect(spellings.filter((s, i) => spellings.indexOf(s) !== i)).toEqual([]);
  });

  it('reads an entry in another case only where no other credential shares its letters', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of CREDENTIAL_CATALOG)
      for (const s of [e.abbreviation, ...(e.variants ?? []), ...e.aliases])
        if (s !== undefined) {
          const folded = abbreviationKey(s).toLowerCase();
          owners.set(folded, (owners.get(folded) ?? new Set()).add(e.id));
        }
    const clashes = CREDENTIAL_CATALOG.filter((e) => e.anyCase).flatMap((e) =>
      [e.abbreviation, ...(e.variants ?? []), ...e.aliases]
        .filter((s) => s !== undefined)
        .filter((s) => (owners.get(abbreviationKey(s).toLowerCase())?.size ?? 0) > 1),
    );
    expect(clashes).toEqual([]);
    // Short all-capital codes, where case carries meaning, are never read in another case.
    expect(
      CREDENTIAL_CATALOG.filter(
        (e) =>
          e.anyCase &&
          e.abbreviation !== undefined &&
          e.abbreviation === e.abbreviation.toUpperCase() &&
          abbreviationKey(e.abbreviation).length < 5,
      ).map((e) => e.id),
    ).toEqual([]);
  });

  it('gives every entry a kind of CREDENTIAL_KINDS and a spelling that is not its own alias', () => {
    for (const e of CREDENTIAL_CATALOG) {
      expect(CREDENTIAL_KINDS, e.id).toContain(e.kind);
      const own = e.abbreviation === undefined ? undefined : abbreviationKey(e.abbreviation);
      for (const s of [...(e.variants ?? []), ...e.aliases])
        expect(abbreviationKey(s), e.id).not.toBe(own);
      if (e.abbreviation === undefined) {
        expect(e.variants ?? [], e.id).toEqual([]);
        expect(e.aliases, e.id).toEqual([]);
      }
    }
  });

  // CSMT: no page of its issuer (ISPI) was found; the source names the site that reported it.
  const WITHOUT_URL = ['CSMT'];

  it('cites a source address (a URL) for every entry', () => {
    const missing = CREDENTIAL_CATALOG.filter((e) => !/https?:\/\/\S+/.test(e.source)).map(
      (e) => e.id,
    );
    expect(missing).toEqual(WITHOUT_URL);
  });

  it('names every credential so that its written-out form reads back as itself', () => {
    // Under apta-2016 a credential outside APTA's categories is written out by its name: a
    // comma, semicolon or bracket in it would split it when the listing is read again.
    for (const e of CREDENTIAL_CATALOG.filter((x) => aptaCategory(x) === undefined)) {
      expect(e.name, e.id).not.toMatch(/[,;|()[\]{}]/);
      expect(findCredentialByName(e.name), e.id).toBe(e);
    }
  });

  it('lists what is not a credential apart from the catalog', () => {
    for (const n of NOT_CREDENTIALS) expect(findCredential(n.written), n.written).toBeUndefined();
  });

  it.each(CATEGORY_3)(
    'holds APTA category 3 example %s as a regulated occupation',
    (abbreviation) => {
      const entry = findCredential(abbreviation);
      expect(entry && aptaCategory(entry)).toBe(3);
    },
  );

  it.each(CATEGORY_4)('holds APTA category 4 example %s as an academic degree', (abbreviation) => {
    const entry = findCredential(abbreviation);
    expect(entry && aptaCategory(entry)).toBe(4);
  });

  it.each(TABLE)('holds %s from the reference table', (abbreviation) => {
    expect(findCredential(abbreviation)).toBeDefined();
  });

  it('holds the ABPTS specialties that have no abbreviation, written out only', () => {
    expect(credentialById('oncologic-specialist')?.abbreviation).toBeUndefined();
    expect(findCredentialByName('Board-Certified Oncologic Clinical Specialist')?.id).toBe(
      'oncologic-specialist',
    );
  });

  it('gives every entry a source and issuers or an UNCONFIRMED note where they are unknown', () => {
    for (const entry of CREDENTIAL_CATALOG) {
      expect(entry.source, entry.id).not.toBe('');
      if (entry.renewal.kind === 'unknown')
        expect(entry.unconfirmed ?? entry.ambiguity, entry.id).toBeDefined();
    }
  });

  it('knows the renewal cycles the sources give, and guesses none', () => {
    expect(findCredential('OCS')?.renewal).toEqual({ kind: 'years', years: 10 });
    expect(findCredential('CHT')?.renewal).toEqual({ kind: 'years', years: 5 });
    expect(findCredential('ATC')?.renewal).toEqual({ kind: 'years', years: 2 });
    expect(findCredential('CSCS')?.renewal).toEqual({
      kind: 'fixed-cycle',
      years: 3,
      anchorYear: 2026,
    });
    expect(findCredential('DPT')?.renewal).toEqual({ kind: 'none' });
    expect(findCredential('PRPC')?.renewal).toEqual({ kind: 'unknown' });
    expect(findCredential('FAAOMPT')?.renewal).toEqual({ kind: 'unknown' });
    expect(findCredential('PT')?.renewal).toEqual({ kind: 'varies-by-state' });
  });
});

describe('matching', () => {
  it.each([
    ['P.T.', 'PT'],
    ['D.P.T.', 'DPT'],
    ['Cert MDT', 'Cert. MDT'],
    ['Cert. MDT', 'Cert. MDT'],
    ['Cred. MDT', 'Cert. MDT'],
    ['t-DPT', 'DPT'],
    ['Ph.D.', 'PhD'],
    ['phd', 'PhD'],
    ['PHD', 'PhD'],
    ['cert. mdt', 'Cert. MDT'],
    ['CERT MDT', 'Cert. MDT'],
    ['Pharmd', 'PharmD'],
    ['LAc', 'LAc'],
    ['LAC', 'LAC'],
    ['OTR/L', 'OTR/L'],
  ])('reads %j as %s', (written, id) => {
    expect(findCredential(written)?.id).toBe(id);
  });

  it.each(['dpt', 'Pt', 'lac', 'Phd', 'Edd', 'Med'])(
    'keeps case: %j is not a credential as written',
    (written) => {
      expect(findCredential(written)).toBeUndefined();
    },
  );

  it.each([
    ['Doctor of Physical Therapy', 'DPT'],
    ['doctor of physical therapy', 'DPT'],
    ['Board Certified Orthopaedic Clinical Specialist', 'OCS'],
    ['Certified Strength & Conditioning Specialist', 'CSCS'],
    ['Women’s Health Clinical Specialist', 'WCS'],
    ["Women's Health Clinical Specialist", 'WCS'],
    ['Doctor of Education', 'EdD'],
  ])('reads the long form %j as %s', (name, id) => {
    expect(findCredentialByName(name)?.id).toBe(id);
  });

  it.each([
    ['CMPTT', 'CMPT'],
    ['Dpt', 'DPT'],
    ['lac', 'LAc'],
    ['FAAMPT', 'FAAOMPT'],
    ['CSSC', 'CSCS'],
    ['XYZZY', undefined],
  ])('suggests for %j: %s', (written, suggestion) => {
    expect(suggestCredential(written)).toBe(suggestion);
  });
});

describe('the families real rosters carry (issue 14)', () => {
  // written, id, kind, APTA 2016 category (undefined: outside the five), renewal kind
  it.each([
    // APTA's credentialed clinical instructor programme.
    ['APTA Credentialed CI', 'apta-ccip-1', 'certification', undefined, 'unknown'],
    ['APTA CI', 'apta-ccip-1', 'certification', undefined, 'unknown'],
    ['CCIP', 'apta-ccip-1', 'certification', undefined, 'unknown'],
    ['CI', 'CI', 'certification', undefined, 'unknown'],
    ['CCI', 'CI', 'certification', undefined, 'unknown'],
    ['CCIP Level 2', 'apta-ccip-2', 'certification', undefined, 'unknown'],
    // Health-science and administration degrees.
    ['DHSc', 'DHSc', 'academic-degree', 4, 'none'],
    ['D.H.Sc.', 'DHSc', 'academic-degree', 4, 'none'],
    ['DScPT', 'DScPT', 'academic-degree', 4, 'none'],
    ['DHA', 'DHA', 'academic-degree', 4, 'none'],
    ['DrPH', 'DrPH', 'academic-degree', 4, 'none'],
    ['OTD', 'OTD', 'academic-degree', 4, 'none'],
    ['MHA', 'MHA', 'academic-degree', 4, 'none'],
    ['MPH', 'MPH', 'academic-degree', 4, 'none'],
    ['MHS', 'MHS', 'academic-degree', 4, 'none'],
    ['MSc', 'MS', 'academic-degree', 4, 'none'],
    ['EMBA', 'EMBA', 'academic-degree', 4, 'none'],
    ['MScPT', 'MScPT', 'pt-degree', 2, 'none'],
    ['BScPT', 'BScPT', 'pt-degree', 2, 'none'],
    // Honorary fellowships.
    ['FNAP', 'FNAP', 'fellowship', undefined, 'unknown'],
    ['FACSM', 'FACSM', 'fellowship', undefined, 'unknown'],
    ['FGSA', 'FGSA', 'fellowship', undefined, 'unknown'],
    ['FCAMPT', 'FCAMPT', 'fellowship', undefined, 'unknown'],
    // Neuro-developmental treatment.
    ['C/NDT', 'C/NDT', 'certification', undefined, 'years'],
    ['C-NDT', 'C/NDT', 'certification', undefined, 'years'],
    ['NDT', 'NDT', 'certification', undefined, 'unknown'],
    // Craniofacial and temporomandibular.
    ['CCTT', 'CCTT', 'certification', undefined, 'years'],
    // Kinesiology taping.
    ['CKTP', 'CKTP', 'certification', undefined, 'unknown'],
    ['CKTI', 'CKTI', 'certification', undefined, 'unknown'],
    // Fitness, conditioning, yoga, ergonomics, Pilates.
    ['NSCA-CPT', 'NSCA-CPT', 'certification', undefined, 'fixed-cycle'],
    ['CSCS,*D', 'CSCS', 'certification', undefined, 'fixed-cycle'],
    ['ACSM-CEP', 'ACSM-CEP', 'certification', undefined, 'years'],
    ['NASM-CPT', 'NASM-CPT', 'certification', undefined, 'years'],
    ['ACE-CPT', 'ACE-CPT', 'certification', undefined, 'years'],
    ['CPT', 'CPT', 'certification', undefined, 'unknown'],
    ['RYT', 'RYT', 'certification', undefined, 'years'],
    ['RYT 200', 'RYT-200', 'certification', undefined, 'years'],
    ['CES', 'CES', 'certification', undefined, 'unknown'],
    ['E-RYT 200', 'E-RYT 200', 'certification', undefined, 'years'],
    ['C-IAYT', 'C-IAYT', 'certification', undefined, 'unknown'],
    ['CEAS III', 'CEAS', 'certification', undefined, 'unknown'],
    ['CPE', 'CPE', 'certification', undefined, 'unknown'],
    ['PMA-CPT', 'PMA-CPT', 'certification', undefined, 'unknown'],
    // Movement screens.
    ['FMS', 'FMS', 'certification', undefined, 'unknown'],
    ['FMS Level 1', 'FMS', 'certification', undefined, 'unknown'],
    ['SFMA', 'SFMA', 'certification', undefined, 'unknown'],
    // MDT as written.
    ['Cert. MDT', 'Cert. MDT', 'certification', undefined, 'unknown'],
    ['Cert MDT', 'Cert. MDT', 'certification', undefined, 'unknown'],
    ['cert. mdt', 'Cert. MDT', 'certification', undefined, 'unknown'],
    ['Dip. MDT', 'Dip. MDT', 'certification', undefined, 'unknown'],
    ['MDT', 'MDT', 'certification', undefined, 'unknown'],
  ] as const)(
    'reads %j as %s (%s, category %s, renewal %s)',
    (written, id, kind, category, renewal) => {
      const entry = findCredential(written);
      expect(entry?.id).toBe(id);
      expect(entry?.kind).toBe(kind);
      expect(entry && aptaCategory(entry)).toBe(category);
      expect(entry?.renewal.kind).toBe(renewal);
      expect(entry?.source).toMatch(/https?:\/\//);
    },
  );

  it('knows the renewal cycles the research sourced', () => {
    expect(findCredential('CCTT')?.renewal).toEqual({ kind: 'years', years: 1 });
    expect(findCredential('NASM-CPT')?.renewal).toEqual({ kind: 'years', years: 2 });
    expect(findCredential('ACSM-EP')?.renewal).toEqual({ kind: 'years', years: 3 });
    expect(findCredential('RYT-500')?.renewal).toEqual({ kind: 'years', years: 3 });
    expect(findCredential('C/NDT')?.renewal).toEqual({ kind: 'years', years: 3 });
    expect(findCredential('CF-L1')?.renewal).toEqual({ kind: 'years', years: 5 });
    expect(findCredential('WCC')?.renewal).toEqual({ kind: 'years', years: 5 });
    expect(credentialById('pta-app')?.renewal).toEqual({ kind: 'years', years: 10 });
    expect(credentialById('apta-credentialed-clinical-trainer')?.renewal).toEqual({
      kind: 'years',
      years: 5,
    });
  });

  it('marks the abbreviations that do not say what or whose they are, and only those', () => {
    for (const id of ['apta-ccip-1', 'NASM-CES', 'NASM-PES', 'ACSM-CEP', 'RYT-200', 'E-RYT 200'])
      expect(credentialById(id)?.ambiguity, id).toBeUndefined();
    for (const id of ['CPT', 'CES', 'PES', 'CEP', 'MDT', 'NDT', 'EIM', 'CCRP', 'CI', 'FMT', 'OMT'])
      expect(credentialById(id)?.ambiguity, id).toBeDefined();
  });

  it('keeps DHS and DHSc apart, both valid spellings of the Doctor of Health Science', () => {
    expect(findCredential('DHS')?.id).toBe('DHS');
    expect(findCredential('DHSc')?.id).toBe('DHSc');
    expect(findCredentialByName('Doctor of Health Science')?.id).toBe('DHS');
  });
});
