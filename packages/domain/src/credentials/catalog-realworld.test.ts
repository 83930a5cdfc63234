import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CATALOG } from './catalog.js';
import { defaultCatalog, suggestCredential } from './catalog-lookup.js';
import { lintCredentialListing } from './listing-lint.js';

// Listings of the shapes real rosters carry (clinic sites, association slates, journal author
// lists), one or more per family of issue 14's "real credentials are called unknown", written
// from the research samples (/work/research/credential-catalog.md §1–§10). The names are
// invented; the credentials are the ones seen.
const ROSTER = [
  // APTA's credentialed clinical instructor programme (§1).
  'Jane Doe, PT, DPT, APTA Credentialed CI',
  'John Smith, PT, DPT, OCS, APTA CI',
  'Maria Lopez, PT, DPT, CCIP',
  'Kevin Park, PTA, CCIP Level 2',
  'Anna Lee, PT, DPT, CI',
  'Joan Ward, PT, DPT, CCI',
  // Health-science and administration degrees, and spellings of catalog degrees (§10, §10a).
  'Robert Chen, PT, DHSc, OCS',
  'Linda Green, PT, DScPT, COMT',
  'Susan Brown, PT, DPT, MHA',
  'David Wilson, PT, MPT, MPH',
  'Laura King, PT, DPT, MHS',
  'Paul Adams, PT, DPT, MSc',
  'Tina Kelly, PT, DPT, DHA',
  'Dana Perry, PT, DrPH',
  'Xena Wood, PT, DPT, MBA, MHA',
  'Vera Price, PT, ScD',
  'Walt Bennett, PT, Ph.D.',
  'Uma Sanders, PT, DPT, Ed.D.',
  'Molly Torres, PT, MScPT',
  'Leah Young, PT, DPT, OTD',
  'Gail Fisher, PT, DPT, EMBA',
  // Honorary fellowships (§2).
  'Nina Patel, PT, PhD, FNAP',
  'Carol White, PT, DSc, FGSA, FAPTA',
  'Mark Evans, PT, PhD, FACSM',
  'Ned Peterson, PT, BScPT, FCAMPT',
  // Neuro-developmental treatment (§3).
  'Emily Clark, PT, C/NDT',
  'Grace Hall, PT, DPT, PCS, C/NDT',
  // Craniofacial and temporomandibular (§4).
  'Sarah Young, PT, DPT, CCTT',
  // Kinesiology taping (§5).
  'Tom Wright, PT, DPT, CKTP',
  'Kim Butler, PT, MSPT, CKTI',
  // Fitness, conditioning, yoga, ergonomics, Pilates (§6).
  'Rachel Scott, PT, DPT, CSCS, NASM-CPT',
  'Peter Collins, PT, DPT, OCS, FAAOMPT, CSCS*D',
  'Yara Barnes, PT, DPT, NSCA-CPT, CSCS',
  'Zoe Ross, PT, DPT, TSAC-F',
  'Adam Henderson, PT, DPT, RSCC',
  'Brian Hill, PT, DPT, ACSM-EP',
  'Quinn James, PT, DPT, ACSM-CEP',
  'Fay Long, PT, DPT, PhD, EIM-II',
  'Ruth Watson, PT, DPT, NASM-CES',
  'Sam Brooks, PT, DPT, CPT',
  'Olivia Baker, PT, DPT, RYT-200',
  'Hannah Nelson, PT, DPT, E-RYT 500',
  'Megan Carter, PT, DPT, C-IAYT',
  'Jason Mitchell, PT, DPT, CEAS',
  'Julie Roberts, PT, DPT, CEAS II',
  'Pam Ramirez, PT, DPT, CPE',
  'Olga Gray, PT, DPT, PMA-CPT',
  'Ivan Cooper, PT, DPT, CF-L1',
  'Jack Richardson, PT, DPT, TPI',
  // Movement screens (§7).
  'Andrew Turner, PT, DPT, FMS',
  'Eli Powell, PT, DPT, FMS Level 2',
  'Chris Phillips, PT, DPT, SFMA',
  // MDT, as written (§8).
  'Diane Campbell, PT, DPT, Cert. MDT',
  'Steve Parker, PT, Cert MDT',
  'Karen Evans, PT, cert. mdt',
  'Lisa Edwards, PT, DPT, Dip. MDT',
  'Max Foster, PT, DPT, MDT',
  'Lou Simmons, PT, DPT, NDT',
  // Other certifications on PT rosters (§9).
  'Amy Stewart, PT, DPT, PRC',
  'Helen Morris, PT, DPT, WCS, BCB-PMD',
  'Rita Rogers, PT, DPT, CAPP-Pelvic',
  'Jenna Reed, PT, DPT, CCRP',
  'Victor Cook, PT, DPT, CCRT',
  'Beth Coleman, PT, DPT, BSPTS C2',
  'Irene Morgan, PT, DPT, LSVT BIG',
  'Frank Bell, PT, DPT, ATRIC',
  'Gina Murphy, PT, DPT, WCC, CWS',
  'Henry Rivera, PT, DPT, CFMT',
  'Kate Cox, PT, DPT, NCS, AVPT',
  'Gus Patterson, PT, DPT, OCS, SMT',
  'Hal Hughes, PT, DPT, Cert. DN, CMTPT',
  'Ida Flores, PT, DPT, CLT LANA',
  'Ray Morales, PT, DPT, ATC/L',
];

// Real slips of the hand, and what a reader would take them for.
const TYPOS: readonly (readonly [typo: string, meant: string])[] = [
  ['DTP', 'DPT'],
  ['OSC', 'OCS'],
  ['CSSC', 'CSCS'],
  ['PRCP', 'PRPC'],
  ['FAAMPT', 'FAAOMPT'],
  ['CMPTT', 'CMPT'],
  ['Dpt', 'DPT'],
  ['Phd', 'PhD'],
  ['CCTTT', 'CCTT'],
  ['CKPT', 'CKTP'],
  ['SFAM', 'SFMA'],
  ['DHCs', 'DHSc'],
  ['FACMS', 'FACSM'],
  ['NASM-CTP', 'NASM-CPT'],
  ['RTY-200', 'RYT-200'],
  ['MHAA', 'MHA'],
];

const unknownIssues = (listing: string) =>
  lintCredentialListing(listing).issues.filter((i) => i.code === 'unknown-credential');

describe('a real-world roster', () => {
  it('has listings from every family', () => {
    expect(ROSTER.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROSTER)('%j has no unknown credential', (listing) => {
    expect(unknownIssues(listing).map((i) => i.message)).toEqual([]);
    const parsed = lintCredentialListing(listing).parsed;
    expect(parsed?.unknown.map((u) => u.text)).toEqual([]);
  });

  it.each(TYPOS)('%j is an unknown credential, probably %s', (typo, meant) => {
    const listing = `Jane Doe, PT, ${typo}`;
    const found = unknownIssues(listing);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(meant);
    expect(suggestCredential(typo)).toBe(meant);
  });

  it('never suggests a different credential for a real one', () => {
    const catalog = defaultCatalog();
    for (const entry of CREDENTIAL_CATALOG) {
      for (const written of [entry.abbreviation, ...(entry.variants ?? []), ...entry.aliases]) {
        if (written === undefined) continue;
        expect(catalog.find(written), written).toBe(entry);
        expect(catalog.suggest(written), written).toBe(catalog.spellingOf(written));
      }
    }
  });

  it.each([
    ['CES', 'CES'],
    ['ECS', 'ECS'],
    ['PRC', 'PRC'],
    ['CEAS', 'CEAS'],
    ['CCRP', 'CCRP'],
    ['CPT', 'CPT'],
  ])('reads %j as itself (%s), not as a near neighbour', (written, id) => {
    expect(defaultCatalog().find(written)?.id).toBe(id);
  });

  it.each(['CCCE', 'ACCE', 'DCE', 'CPI', 'CDN'])(
    'makes no suggestion for %j, which is no credential or cannot be placed',
    (written) => {
      expect(defaultCatalog().find(written)).toBeUndefined();
      expect(suggestCredential(written)).toBeUndefined();
    },
  );
});
