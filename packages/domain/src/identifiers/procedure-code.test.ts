import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProcedureCodeSchema } from './procedure-code.js';
import { procedureCodeSystem } from './procedure-code-system.js';

const MESSAGE = 'must be a CPT code like "97110" or a HCPCS Level II code like "G0283"';

describe('ProcedureCodeSchema', () => {
  it.each([
    ['CPT therapeutic exercise', '97110'],
    ['CPT manual therapy', '97140'],
    ['CPT PT evaluation, low complexity', '97161'],
    ['CPT therapeutic activities', '97530'],
    ['CPT with a leading zero', '00100'],
    ['CPT Category II', '0001F'],
    ['CPT Category II', '1036F'],
    ['CPT Category III', '0042T'],
    ['CPT Category III', '0591T'],
    ['CPT proprietary laboratory analysis', '0001U'],
    ['CPT vaccine product', '0001A'],
    ['CPT multianalyte assay', '0002M'],
    ['HCPCS electrical stimulation', 'G0283'],
    ['HCPCS supply', 'A4556'],
    ['HCPCS durable medical equipment', 'E0114'],
    ['HCPCS orthotic', 'L3807'],
    ['HCPCS vision/hearing', 'V5008'],
  ])('accepts %s: %j', (_what, code) => {
    expect(ProcedureCodeSchema.safeParse(code)).toEqual({ success: true, data: code });
  });

  it.each([
    ['four digits', '9711'],
    ['six digits', '971100'],
    ['a lower-case HCPCS letter', 'g0283'],
    ['a lower-case Category II suffix', '0001f'],
    ['a lower-case Category III suffix', '0042t'],
    ['an unknown suffix letter', '0001X'],
    ['a letter inside', '97A10'],
    ['a HCPCS letter after V', 'W1234'],
    ['a HCPCS letter Z', 'Z1234'],
    ['a letter HCPCS does not use (I)', 'I1234'],
    ['a letter HCPCS does not use (N)', 'N1234'],
    ['a letter HCPCS does not use (O)', 'O1234'],
    ['two letters', 'GG283'],
    ['a letter and three digits', 'G028'],
    ['a letter and five digits', 'G02830'],
    ['a modifier', '97110-59'],
    ['a hyphen', '97-10'],
    ['a leading space', ' 97110'],
    ['a trailing space', '97110 '],
    ['a trailing newline', '97110\n'],
    ['empty', ''],
  ])('rejects %s: %j', (_why, code) => {
    const result = ProcedureCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_format', message: MESSAGE }),
    );
  });

  it.each([
    ['a number', 97110],
    ['null', null],
  ])('rejects %s as not a string', (_what, input) => {
    const result = ProcedureCodeSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['invalid_type']);
  });

  it('accepts every 5-digit CPT code and every Category II/III code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}[0-9FTUAM]$/), (code) => {
        expect(ProcedureCodeSchema.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('accepts every HCPCS Level II code, a letter in use (A–V without F, I, N, O) and four digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-EGHJ-MP-V]\d{4}$/), (code) => {
        expect(ProcedureCodeSchema.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('rejects every code whose length is not 5', () => {
    const characters = fc.constantFrom(...'0123456789AFGTV'.split(''));
    const code = fc.string({ unit: characters, maxLength: 9 }).filter((c) => c.length !== 5);
    fc.assert(
      fc.property(code, (c) => {
        expect(ProcedureCodeSchema.safeParse(c).success).toBe(false);
      }),
    );
  });
});

describe('procedureCodeSystem', () => {
  it.each([
    ['97110', 'CPT'],
    ['00100', 'CPT'],
    ['0001F', 'CPT'],
    ['0042T', 'CPT'],
    ['G0283', 'HCPCS'],
    ['A4556', 'HCPCS'],
    ['E0114', 'HCPCS'],
    ['V5008', 'HCPCS'],
  ])('procedureCodeSystem(%j) is %s', (code, system) => {
    expect(procedureCodeSystem(ProcedureCodeSchema.parse(code))).toBe(system);
  });

  it('calls every CPT code CPT and every HCPCS Level II code HCPCS', () => {
    const cpt = fc.stringMatching(/^\d{4}[0-9FTUAM]$/);
    const hcpcs = fc.stringMatching(/^[A-EGHJ-MP-V]\d{4}$/);
    fc.assert(
      fc.property(cpt, hcpcs, (c, h) => {
        expect(procedureCodeSystem(ProcedureCodeSchema.parse(c))).toBe('CPT');
        expect(procedureCodeSystem(ProcedureCodeSchema.parse(h))).toBe('HCPCS');
      }),
    );
  });
});
