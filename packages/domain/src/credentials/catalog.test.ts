import { describe, expect, it } from 'vitest';
import { aptaCategory } from './canonical-order.js';
import { CREDENTIAL_CATALOG } from './catalog.js';
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
    expect(CREDENTIAL_CATALOG.length).toBeGreaterThan(100);
    expect(new Set(CREDENTIAL_CATALOG.map((e) => e.id)).size).toBe(CREDENTIAL_CATALOG.length);
    const spellings = CREDENTIAL_CATALOG.flatMap((e) =>
      [e.abbreviation, ...e.aliases].filter((s) => s !== undefined).map(abbreviationKey),
    );
    expect(new Set(spellings).size).toBe(spellings.length);
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
