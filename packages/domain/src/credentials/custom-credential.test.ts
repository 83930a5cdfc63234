import { describe, expect, it } from 'vitest';
import { CREDENTIAL_KINDS } from './catalog-entry.js';
import {
  CUSTOM_CREDENTIAL_SOURCE,
  type CustomCredential,
  customCatalogEntry,
  customCatalogProblem,
} from './custom-credential.js';

const CFMT: CustomCredential = {
  abbreviation: 'CFMT',
  name: 'Certified Functional Manual Therapist',
  kind: 'certification',
};

describe('customCatalogEntry', () => {
  it('fills the defaults: id = abbreviation, no issuers, unknown renewal, the configuration as source', () => {
    expect(customCatalogEntry(CFMT)).toEqual({
      id: 'CFMT',
      abbreviation: 'CFMT',
      aliases: [],
      name: 'Certified Functional Manual Therapist',
      longForms: [],
      kind: 'certification',
      issuers: [],
      renewal: { kind: 'unknown' },
      source: CUSTOM_CREDENTIAL_SOURCE,
    });
  });

  it('keeps what is given', () => {
    const entry = customCatalogEntry({
      ...CFMT,
      issuer: 'Institute of Physical Art',
      renewal: { kind: 'years', years: 3 },
      aliases: ['C.F.M.T'],
      longForms: ['Functional Manual Therapist'],
      source: 'https://www.instituteofphysicalart.com/',
    });
    expect(entry.issuers).toEqual(['Institute of Physical Art']);
    expect(entry.renewal).toEqual({ kind: 'years', years: 3 });
    expect(entry.aliases).toEqual(['C.F.M.T']);
    expect(entry.longForms).toEqual(['Functional Manual Therapist']);
    expect(entry.source).toBe('https://www.instituteofphysicalart.com/');
  });

  it('copies the lists, so a later change to the input does not reach the entry', () => {
    const aliases = ['C.F.M.T'];
    const entry = customCatalogEntry({ ...CFMT, aliases });
    aliases.push('X');
    expect(entry.aliases).toEqual(['C.F.M.T']);
  });

  it('takes every credential kind', () => {
    for (const kind of CREDENTIAL_KINDS)
      expect(customCatalogEntry({ ...CFMT, kind }).kind).toBe(kind);
  });

  it.each([
    [{ ...CFMT, name: '' }, /custom\.name: expected a name that is not empty, got ""/],
    [
      { ...CFMT, kind: 'diploma' },
      /custom\.kind: expected one of .*"certification".*, got "diploma"/,
    ],
    [{ ...CFMT, abbreviation: 'A, B' }, /custom\.abbreviation: expected an abbreviation/],
    [{ ...CFMT, renewal: { kind: 'years' } }, /custom\.renewal\.years: expected a whole number/],
    [{ ...CFMT, renewal: { kind: 'monthly' } }, /custom\.renewal\.kind: expected one of "none"/],
    [{ ...CFMT, aliases: 'C.F.M.T' }, /custom\.aliases: expected a list/],
    [null, /customCatalogEntry\(custom\): expected a custom credential/],
  ])('refuses %j', (value, message) => {
    expect(() => customCatalogEntry(value as unknown as CustomCredential)).toThrow(message);
  });
});

describe('customCatalogProblem', () => {
  it('finds nothing wrong with distinct credentials or an empty list', () => {
    expect(customCatalogProblem([])).toBeUndefined();
    expect(
      customCatalogProblem([CFMT, { abbreviation: 'CFPS', name: 'X', kind: 'certification' }]),
    ).toBeUndefined();
  });

  it('says where an entry does not fit', () => {
    expect(customCatalogProblem([CFMT, { abbreviation: 'X', kind: 'certification' }])).toEqual({
      code: 'invalid-value',
      path: [1, 'name'],
      message: 'expected a name that is not empty, got undefined',
    });
    expect(customCatalogProblem({})?.message).toMatch(/^expected a list of custom credentials/);
  });

  it('finds a repeated abbreviation, compared the way the catalog matches (dots and spaces ignored)', () => {
    const problem = customCatalogProblem([
      CFMT,
      { abbreviation: 'C.F.M.T.', name: 'Other', kind: 'certification' },
    ]);
    expect(problem?.path).toEqual([1, 'abbreviation']);
    expect(problem?.message).toMatch(
      /"C\.F\.M\.T\." is already written by entry 0 \(CFMT\) as "CFMT"/,
    );
  });

  it('lets an entry repeat its own abbreviation as an alias (idle, not wrong)', () => {
    expect(customCatalogProblem([{ ...CFMT, aliases: ['C.F.M.T.', 'CFMT'] }])).toBeUndefined();
  });

  it('finds an alias that another entry has as its abbreviation, and keeps case apart', () => {
    expect(
      customCatalogProblem([
        CFMT,
        { abbreviation: 'FMT', name: 'F', kind: 'certification', aliases: ['CFMT'] },
      ])?.path,
    ).toEqual([1, 'aliases', 0]);
    expect(
      customCatalogProblem([CFMT, { abbreviation: 'Cfmt', name: 'F', kind: 'certification' }]),
    ).toBeUndefined();
  });
});
