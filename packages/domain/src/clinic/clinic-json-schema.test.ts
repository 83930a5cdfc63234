import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { replaceOnce, sampleClinicYaml } from '../test-support/sample-clinic.js';
import { CLINIC_JSON_SCHEMA_ID, clinicJsonSchema } from './clinic-json-schema.js';

const committedPath = fileURLToPath(new URL('../../schema/clinic.schema.json', import.meta.url));

describe('the clinic JSON Schema', () => {
  const schema = clinicJsonSchema();

  it('is committed and current (run `pnpm --filter @ptfx/domain generate:schema` after a schema change)', () => {
    expect(JSON.parse(readFileSync(committedPath, 'utf8'))).toEqual(schema);
  });

  it('is what the sample clinic points its editor at', () => {
    expect(sampleClinicYaml.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/clinic.schema.json',
    );
    expect(schema.$id).toBe(CLINIC_JSON_SCHEMA_ID);
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  const check = (yaml: string) => {
    const ok = validate(parseDocument(yaml).toJS());
    return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
  };

  it('accepts the sample clinic', () => {
    expect(check(sampleClinicYaml)).toEqual({ ok: true, errors: [] });
  });

  it.each([
    [
      'an unknown key',
      'acceptingNewPatients: true',
      'acceptingNewPatients: true\n    parking: lots',
      '/locations/0 must NOT have additional properties',
    ],
    [
      'an unknown state',
      'state: CA',
      'state: Ca',
      '/locations/0/address/state must be equal to one of the allowed values',
    ],
    [
      'a ZIP written as a number',
      'postalCode: "92101"',
      'postalCode: 92101',
      '/locations/0/address/postalCode must be string',
    ],
    [
      'an unknown treatment category',
      'category: modality',
      'category: modalities',
      '/treatments/4/category must be equal to one of the allowed values',
    ],
    [
      'an over-long name',
      'name: San Diego',
      `name: ${'x'.repeat(121)}`,
      '/locations/0/name must NOT have more than 120 characters',
    ],
  ])('rejects %s, as an editor would show it', (_name, from, to, error) => {
    const result = check(replaceOnce(sampleClinicYaml, from, to));
    expect(result.ok).toBe(false);
    expect(result.errors).toContain(error);
  });

  it('bounds every string and array', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = Object.fromEntries(Object.entries(node));
      const closed = 'enum' in record || 'const' in record;
      if (record.type === 'string' && !closed && !('maxLength' in record)) unbounded.push(path);
      if (record.type === 'array' && !('maxItems' in record)) unbounded.push(path);
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(unbounded).toEqual([]);
  });

  it('describes every property, so editors can show help', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      if (Array.isArray(node)) {
        node.forEach((n, i) => {
          walk(n, `${path}/${i}`);
        });
        return;
      }
      const record = Object.fromEntries(Object.entries(node));
      const properties = record.properties;
      if (typeof properties === 'object' && properties !== null) {
        for (const [key, value] of Object.entries(properties)) {
          const described = typeof value === 'object' && value !== null && 'description' in value;
          if (!described) undescribed.push(`${path}/${key}`);
        }
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
  });
});
