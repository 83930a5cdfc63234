import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ptfxConfigJsonSchema } from './ptfx-config-json-schema.js';
import { configurableRuleCodes, PTFX_CONFIG_JSON_SCHEMA_ID } from './ptfx-config-schema.js';

const committedPath = fileURLToPath(
  new URL('../../schema/ptfx.config.schema.json', import.meta.url),
);

describe('the ptfx.config.json JSON Schema', () => {
  const schema = ptfxConfigJsonSchema();

  it('is committed and current (run `pnpm --filter @ptfx/domain generate:schema` after a change to the schema or the rules)', () => {
    expect(JSON.parse(readFileSync(committedPath, 'utf8'))).toEqual(schema);
  });

  it('has its id and names every configurable rule, so editors complete the codes', () => {
    expect(schema.$id).toBe(PTFX_CONFIG_JSON_SCHEMA_ID);
    const rules = (schema.properties as Record<string, { properties: Record<string, unknown> }>)
      .rules;
    expect(Object.keys(rules?.properties ?? {}).sort()).toEqual(configurableRuleCodes().sort());
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const check = (value: unknown) => {
    const ok = validate(value);
    return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
  };

  it('accepts a complete configuration', () => {
    expect(
      check({
        $schema: './node_modules/@ptfx/domain/schema/ptfx.config.schema.json',
        rules: { order: 'off', 'unknown-credential': 'error' },
        catalog: [
          {
            abbreviation: 'CFMT',
            name: 'Certified Functional Manual Therapist',
            kind: 'certification',
            issuer: 'Institute of Physical Art',
            renewal: { kind: 'years', years: 3 },
          },
        ],
        profile: 'apta-2016',
        state: 'CA',
        role: 'PT',
      }),
    ).toEqual({ ok: true, errors: [] });
  });

  it.each([
    ['an unknown key', { rule: {} }, ' must NOT have additional properties'],
    ['an unknown rule', { rules: { ordr: 'off' } }, '/rules must NOT have additional properties'],
    [
      'a bad level',
      { rules: { order: 'warn' } },
      '/rules/order must be equal to one of the allowed values',
    ],
    ['an unknown state', { state: 'Ca' }, '/state must be equal to one of the allowed values'],
    ['a bad profile', { profile: 'apta' }, '/profile must be equal to one of the allowed values'],
    [
      'a custom credential without a name',
      { catalog: [{ abbreviation: 'CFMT', kind: 'certification' }] },
      "/catalog/0 must have required property 'name'",
    ],
    [
      'a custom credential of a bad kind',
      { catalog: [{ abbreviation: 'CFMT', name: 'x', kind: 'diploma' }] },
      '/catalog/0/kind must be equal to one of the allowed values',
    ],
  ])('rejects %s, as an editor would show it', (_name, value, error) => {
    const result = check(value);
    expect(result.ok).toBe(false);
    expect(result.errors).toContain(error);
  });

  it('bounds every string and array, and describes every property', () => {
    const unbounded: string[] = [];
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = Object.fromEntries(Object.entries(node));
      const closed = 'enum' in record || 'const' in record;
      if (record.type === 'string' && !closed && !('maxLength' in record)) unbounded.push(path);
      if (record.type === 'array' && !('maxItems' in record)) unbounded.push(path);
      const properties = record.properties;
      if (typeof properties === 'object' && properties !== null)
        for (const [key, value] of Object.entries(properties))
          if (typeof value !== 'object' || value === null || !('description' in value))
            undescribed.push(`${path}/${key}`);
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(unbounded).toEqual([]);
    expect(undescribed).toEqual([]);
  });
});
