import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndividualTaxonomyCodeSchema, TaxonomyCodeSchema } from './taxonomy.js';
import { NUCC_TAXONOMY_NAMES, NUCC_TAXONOMY_SYSTEM, taxonomyName } from './taxonomy-names.js';

const MESSAGE = 'must be a NUCC taxonomy code: 10 characters ending in "X", like "225100000X"';

describe('TaxonomyCodeSchema', () => {
  it.each([
    ['Physical Therapist', '225100000X'],
    ['Physical Therapist – Orthopedic', '2251X0800X'],
    ['Physical Therapist – Sports', '2251S0007X'],
    ['Clinic/Center – Physical Therapy', '261QP2000X'],
    ['Family Medicine, a code this package does not name', '207Q00000X'],
    ['Chiropractor, a code this package does not name', '111N00000X'],
    ['all digits before the X', '123456789X'],
  ])('accepts %s: %j', (_what, code) => {
    expect(TaxonomyCodeSchema.safeParse(code)).toEqual({ success: true, data: code });
  });

  it.each([
    ['nine characters without the X', '225100000'],
    ['ending in Y', '225100000Y'],
    ['ending in a digit', '2251000000'],
    ['a lower-case x', '225100000x'],
    ['a lower-case letter inside', '2251x0800X'],
    ['a letter among the first three', '22A100000X'],
    ['a letter first', 'A25100000X'],
    ['eleven characters', '2251000000X'],
    ['two Xs after ten', '225100000XX'],
    ['nine characters', '22510000X'],
    ['a hyphen', '2251-0000X'],
    ['a leading space', ' 225100000X'],
    ['a trailing space', '225100000X '],
    ['a trailing newline', '225100000X\n'],
    ['empty', ''],
  ])('rejects %s: %j', (_why, code) => {
    const result = TaxonomyCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ message: MESSAGE }));
  });

  it.each([
    ['a number', 2251000000],
    ['null', null],
  ])('rejects %s as not a string', (_what, input) => {
    const result = TaxonomyCodeSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['invalid_type']);
  });

  it('accepts every code of the format: 3 digits, 6 digits or capitals, then X', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3}[0-9A-Z]{6}X$/), (code) => {
        expect(TaxonomyCodeSchema.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('rejects every 10-character code that does not end in X', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{3}[0-9A-Z]{6}[0-9A-WYZa-z]$/), (code) => {
        expect(TaxonomyCodeSchema.safeParse(code).success).toBe(false);
      }),
    );
  });
});

describe('taxonomyName', () => {
  it.each([
    ['225100000X', 'Physical Therapist'],
    ['2251X0800X', 'Physical Therapist – Orthopedic'],
    ['2251S0007X', 'Physical Therapist – Sports'],
    ['2251N0400X', 'Physical Therapist – Neurology'],
    ['225200000X', 'Physical Therapy Assistant'],
    ['2255A2300X', 'Athletic Trainer'],
    ['225700000X', 'Massage Therapist'],
    ['261QP2000X', 'Clinic/Center – Physical Therapy'],
    ['261QR0400X', 'Clinic/Center – Rehabilitation'],
  ])('taxonomyName(%j) is %j', (code, name) => {
    expect(taxonomyName(code)).toBe(name);
  });

  it.each([
    ['a valid code it does not know', '207Q00000X'],
    ['a lower-case spelling', '225100000x'],
    ['a code without the X', '225100000'],
    ['a code with spaces', ' 225100000X '],
    ['a name', 'Physical Therapist'],
    ['empty', ''],
    ['an Object.prototype key', 'toString'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('is undefined for %s: %j', (_why, code) => {
    expect(taxonomyName(code)).toBeUndefined();
  });

  it('names every listed code, and every listed code passes the schema', () => {
    const entries = Object.entries(NUCC_TAXONOMY_NAMES);
    expect(entries).toHaveLength(17);
    for (const [code, name] of entries) {
      expect(TaxonomyCodeSchema.safeParse(code).success).toBe(true);
      expect(taxonomyName(code)).toBe(name);
      expect(name).not.toBe('');
    }
  });
});

describe('NUCC_TAXONOMY_SYSTEM', () => {
  it('is the FHIR code system URI of NUCC taxonomy', () => {
    expect(NUCC_TAXONOMY_SYSTEM).toBe('http://nucc.org/provider-taxonomy');
  });
});

describe('IndividualTaxonomyCodeSchema', () => {
  /** The codes of one of Plan-Net 1.2.0's NUCC value sets, from its npm package. */
  const valueSet = (name: string): string[] => {
    const vs = JSON.parse(
      readFileSync(
        fileURLToPath(
          import.meta.resolve(`hl7.fhir.us.davinci-pdex-plan-net/ValueSet-${name}.json`),
        ),
        'utf8',
      ),
    ) as { compose: { include: { concept?: { code: string }[] }[] } };
    return vs.compose.include.flatMap((i) => (i.concept ?? []).map((c) => c.code));
  };

  it('accepts every code of Plan-Net’s IndividualAndGroupSpecialtiesVS', () => {
    const codes = valueSet('IndividualAndGroupSpecialtiesVS');
    expect(codes.length).toBeGreaterThan(600);
    expect(codes.filter((c) => !IndividualTaxonomyCodeSchema.safeParse(c).success)).toEqual([]);
  });

  it('refuses every code of Plan-Net’s NonIndividualSpecialtiesVS, saying where it belongs', () => {
    const codes = valueSet('NonIndividualSpecialtiesVS');
    expect(codes.length).toBeGreaterThan(150);
    expect(codes.filter((c) => IndividualTaxonomyCodeSchema.safeParse(c).success)).toEqual([]);
    expect(IndividualTaxonomyCodeSchema.safeParse('261QP2000X').error?.issues[0]?.message).toBe(
      '"261QP2000X" is a NUCC code for an organisation or facility, not a person: a therapist\'s specialties are individual codes such as "2251X0800X" (Orthopedic); the practice\'s own code goes in organization.taxonomy',
    );
  });

  it('still refuses what is not a code at all, with the format message', () => {
    const result = IndividualTaxonomyCodeSchema.safeParse('2251X0800');
    expect(result.error?.issues.map((i) => i.message)).toContain(MESSAGE);
  });
});
