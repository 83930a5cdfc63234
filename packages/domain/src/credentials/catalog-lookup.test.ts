import { describe, expect, it } from 'vitest';
import { formatCredentials, keptSpelling } from './canonical-order.js';
import { CREDENTIAL_CATALOG } from './catalog.js';
import {
  credentialById,
  credentialCatalog,
  defaultCatalog,
  findCredential,
  suggestCredential,
} from './catalog-lookup.js';
import type { CustomCredential } from './custom-credential.js';
import { lintCredentialListing } from './listing-lint.js';
import { parseCredentialListing } from './listing-parser.js';

describe('defaultCatalog', () => {
  it('is built once and holds the built-in catalog', () => {
    expect(defaultCatalog()).toBe(defaultCatalog());
    expect(defaultCatalog().entries).toBe(CREDENTIAL_CATALOG);
  });

  it('answers as the module functions do', () => {
    const catalog = defaultCatalog();
    expect(catalog.find('D.P.T.')).toBe(findCredential('D.P.T.'));
    expect(catalog.byId('OCS')).toBe(credentialById('OCS'));
    expect(catalog.suggest('OSC')).toBe(suggestCredential('OSC'));
    expect(catalog.findByName('Doctor of Physical Therapy')?.id).toBe('DPT');
  });

  it('knows the first words and the length of every spelled-out credential', () => {
    const catalog = defaultCatalog();
    expect(catalog.longFormFirstWords.has('doctor')).toBe(true);
    expect(catalog.longFormFirstWords.has('jane')).toBe(false);
    expect(catalog.longestLongFormWords).toBeGreaterThanOrEqual(10);
  });

  it.each([
    [42, 'find'],
    [undefined, 'findByName'],
    [null, 'byId'],
    [{}, 'suggest'],
    [[], 'spellingOf'],
  ] as const)('refuses %j in %s with a TypeError naming the call', (value, method) => {
    const call = () => (defaultCatalog()[method] as (x: unknown) => unknown)(value);
    expect(call).toThrow(TypeError);
    expect(call).toThrow(`CredentialCatalog.${method}`);
  });
});

describe('spellingOf: what a fix writes for a written credential', () => {
  it.each([
    ['DPT', 'DPT'],
    ['D.P.T.', 'DPT'],
    ['tDPT', 'DPT'],
    ['t-DPT', 'DPT'],
    ['T-DPT', 'DPT'],
    ['ScD', 'ScD'],
    ['Sc.D.', 'ScD'],
    ['D.Sc.', 'DSc'],
    ['Ph.D.', 'PhD'],
    ['PHD', 'PhD'],
    ['phd', 'PhD'],
    ['BSc', 'BSc'],
    ['M.Sc.', 'MSc'],
    ['ATC/L', 'ATC/L'],
    ['Cred. MDT', 'Cred. MDT'],
    ['Cert MDT', 'Cert. MDT'],
    ['cert. mdt', 'Cert. MDT'],
    ['MDT-C', 'Cert. MDT'],
    ['C-NDT', 'C/NDT'],
    ['CSCS*D', 'CSCS*D'],
    ['CES', 'CES'],
    ['NASM CPT', 'NASM-CPT'],
    ['RYT 200', 'RYT 200'],
    ['CLT LANA', 'CLT-LANA'],
    ['DHSc', 'DHSc'],
    ['DHS', 'DHS'],
  ])('%j → %j', (written, spelling) => {
    expect(defaultCatalog().spellingOf(written)).toBe(spelling);
  });

  it.each(['XYZZY', 'dpt', 'Pt', 'lac', 'Edd', 'Med', 'Aud', 'Doctor of Physical Therapy'])(
    '%j has none: it is not an abbreviation in the catalog as written',
    (written) => {
      expect(defaultCatalog().spellingOf(written)).toBeUndefined();
    },
  );
});

describe('case', () => {
  it.each([
    ['PHD', 'PhD'],
    ['phd', 'PhD'],
    ['EDD', 'EdD'],
    ['DSCPT', 'DScPT'],
    ['DScPt', 'DScPT'],
    ['Pharmd', 'PharmD'],
    ['CERT. MDT', 'Cert. MDT'],
    ['Cert. Mdt', 'Cert. MDT'],
    ['dip. mdt', 'Dip. MDT'],
    ['MED', 'MEd'],
  ])('reads %j as %s in any case: the catalog marks it anyCase', (written, id) => {
    expect(defaultCatalog().find(written)?.id).toBe(id);
  });

  it.each(['dpt', 'ocs', 'Pt', 'Edd', 'Med', 'Aud', 'Dsc', 'lac'])(
    'keeps case for %j: a short code, or a title-case word that may be a name',
    (written) => {
      expect(defaultCatalog().find(written)).toBeUndefined();
    },
  );

  it('keeps a name that folds to a degree as the name', () => {
    const parsed = parseCredentialListing('Edd Smith, PT, EdD');
    expect(parsed.name?.text).toBe('Edd Smith');
    expect(parsed.credentials.map((c) => c.credential.id)).toEqual(['PT', 'EdD']);
  });
});

describe('the fix keeps the person’s own valid spelling', () => {
  it.each([
    'Jane Doe, PT, ScD',
    'Jane Doe, PT, DPT, ScD',
    'Jane Doe, PT, MSc',
    'Jane Doe, PT, BSc',
    'Jane Doe, PT, DHSc',
    'Jane Doe, PT, DHS',
  ])('%j is left as written', (listing) => {
    expect(lintCredentialListing(listing).fix).toBeUndefined();
    expect(lintCredentialListing(listing, { profile: 'apta-legacy' }).fix).toBeUndefined();
  });

  it.each([
    ['Jane Doe, PT, Ph.D.', 'Jane Doe, PT, PhD'],
    ['Jane Doe, PT, Sc.D.', 'Jane Doe, PT, ScD'],
    ['Jane Doe, PT, D.Sc.', 'Jane Doe, PT, DSc'],
    ['Jane Doe, PT, tDPT', 'Jane Doe, PT, DPT'],
    ['Jane Doe, PT, T-DPT', 'Jane Doe, PT, DPT'],
    ['Jane Doe, PT, PHD', 'Jane Doe, PT, PhD'],
  ])(
    '%j becomes %j under both APTA profiles (no periods, deprecated forms rewritten)',
    (listing, fix) => {
      expect(lintCredentialListing(listing).fix).toBe(fix);
      expect(lintCredentialListing(listing, { profile: 'apta-legacy' }).fix).toBe(fix);
    },
  );

  it('orders a kept spelling by its credential: ScD is an academic degree after DPT', () => {
    expect(lintCredentialListing('Jane Doe, ScD, PT, DPT').fix).toBe('Jane Doe, PT, DPT, ScD');
  });

  it('keeps the spelling in formatCredentials and keptSpelling too', () => {
    expect(formatCredentials(parseCredentialListing('Sc.D., PT'))).toBe('PT, ScD');
    const [token] = parseCredentialListing('Cred. MDT').credentials;
    expect(token && keptSpelling(token)).toBe('Cred. MDT');
  });
});

describe('credentialCatalog: the built-in catalog plus an organisation’s own', () => {
  const cfmt: CustomCredential = {
    abbreviation: 'ISST',
    name: 'International Schroth 3D Scoliosis Therapist',
    kind: 'certification',
    issuer: 'ISST Schroth',
  };

  it('adds a custom credential and keeps every built-in one', () => {
    const custom = [cfmt];
    const catalog = credentialCatalog(custom);
    expect(catalog.find('ISST')?.name).toBe('International Schroth 3D Scoliosis Therapist');
    expect(catalog.find('I.S.S.T.')?.id).toBe('ISST');
    expect(catalog.findByName('international schroth 3D scoliosis therapist')?.id).toBe('ISST');
    expect(catalog.find('DPT')).toBe(defaultCatalog().find('DPT'));
    expect(catalog.entries).toHaveLength(CREDENTIAL_CATALOG.length + 1);
    expect(defaultCatalog().find('ISST')).toBeUndefined();
  });

  it('is built once per array, and the empty list is the built-in catalog', () => {
    const custom = [cfmt];
    expect(credentialCatalog(custom)).toBe(credentialCatalog(custom));
    expect(credentialCatalog([cfmt])).not.toBe(credentialCatalog(custom));
    expect(credentialCatalog([])).toBe(defaultCatalog());
  });

  it('replaces a built-in entry whose abbreviation it has, in its place', () => {
    const custom: CustomCredential[] = [
      {
        abbreviation: 'CMPT',
        name: 'Certified Manual Physical Therapist',
        kind: 'certification',
        issuer: 'North American Institute of Orthopaedic Manual Therapy',
        renewal: { kind: 'years', years: 5 },
      },
    ];
    const catalog = credentialCatalog(custom);
    const builtIn = defaultCatalog().find('CMPT');
    expect(catalog.find('CMPT')?.issuers).toEqual([
      'North American Institute of Orthopaedic Manual Therapy',
    ]);
    expect(catalog.entries).toHaveLength(CREDENTIAL_CATALOG.length);
    expect(catalog.entries.indexOf(catalog.find('CMPT') as never)).toBe(
      CREDENTIAL_CATALOG.indexOf(builtIn as never),
    );
    expect(catalog.entries).not.toContain(builtIn);
  });

  it('reads a custom alias, which a fix writes as the abbreviation', () => {
    const catalog = credentialCatalog([{ ...cfmt, aliases: ['ISST-C'] }]);
    expect(catalog.find('ISST-C')?.id).toBe('ISST');
    expect(catalog.spellingOf('ISST-C')).toBe('ISST');
  });

  it('suggests custom spellings for near misses', () => {
    expect(credentialCatalog([cfmt]).suggest('ISTS')).toBe('ISST');
  });

  it.each([
    [undefined, 'credentialCatalog(custom)'],
    ['CFMT', 'credentialCatalog(custom)'],
    [[{ abbreviation: 'X' }], 'credentialCatalog(custom[0]["name"])'],
  ])('refuses %j with a TypeError naming %s', (custom, call) => {
    expect(() => credentialCatalog(custom as never)).toThrow(TypeError);
    expect(() => credentialCatalog(custom as never)).toThrow(call);
  });
});
