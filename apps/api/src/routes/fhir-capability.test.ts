// The CapabilityStatement says exactly what the FHIR server does: the Plan-Net profiles, the
// interactions, and the search parameters, modifiers and includes that work — and the API
// README lists the same, generated from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { FHIR_PROFILES } from '@ptfx/domain';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FHIR_RESULT_PARAMS,
  FHIR_SEARCH_PARAMS,
  FHIR_SEARCH_TYPES,
  type FhirSearchParam,
} from '../fhir/search-params.js';
import { sampleApp } from '../test-support/app.js';

const README = new URL('../../README.md', import.meta.url);

interface StatementResource {
  type: string;
  supportedProfile: string[];
  interaction: { code: string }[];
  searchInclude?: string[];
  searchRevInclude?: string[];
  searchParam: { name: string; type: string; definition: string; documentation: string }[];
}

const t = await sampleApp();
afterAll(() => t.dispose());
const metadata = await t.app.request('/fhir/r4/metadata');
const statement = (await metadata.json()) as {
  text: { status: string; div: string };
  fhirVersion: string;
  format: string[];
  rest: { mode: string; documentation: string; resource: StatementResource[] }[];
};
const resources = statement.rest[0]?.resource ?? [];
const resourceOf = (type: string) => {
  const found = resources.find((r) => r.type === type);
  if (!found) throw new Error(`the CapabilityStatement has no ${type}`);
  return found;
};

/** Searches `type` with `params` under `Prefer: handling=strict`; the status and body. */
async function strictSearch(type: string, params: [string, string][]) {
  const query = new URLSearchParams(params).toString();
  const res = await t.app.request(`/fhir/r4/${type}?${query}`, {
    headers: { Prefer: 'handling=strict' },
  });
  return { status: res.status, body: await res.text() };
}

/** A value a parameter of this kind accepts (what it matches does not matter here). */
function sampleValue(p: FhirSearchParam, modifier?: string): string {
  if (modifier === 'missing') return 'false';
  if (modifier === 'text') return 'physical';
  if (p.type === 'reference') return `${p.targets?.[0] ?? 'Organization'}/x`;
  if (p.type === 'token') return p.name === '_id' ? 'mark-shulman' : 'http://example.org|x';
  if (p.name === 'near') return '32.75|-117.16|10|km';
  return 'a';
}

/** A value of each result parameter; undefined where the type has nothing to include. */
const RESULT_VALUES: Readonly<Record<string, (r: StatementResource) => string | undefined>> = {
  _count: () => '1',
  _offset: () => '1',
  _sort: () => '-_id',
  _summary: () => 'count',
  _elements: () => 'id',
  _total: () => 'accurate',
  _include: (r) => r.searchInclude?.[0],
  _revinclude: (r) => r.searchRevInclude?.[0],
};

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The README's generated section: the statement's search parameters and includes, by type. */
function readmeSection(): string {
  const rows = resources.flatMap((r) =>
    r.searchParam.map(
      (p) => `| ${r.type} | \`${p.name}\` | ${p.type} | ${cell(p.documentation)} |`,
    ),
  );
  const includes = resources.map(
    (r) =>
      `| ${r.type} | ${(r.searchInclude ?? []).map((v) => `\`${v}\``).join(', ') || '—'} | ${(r.searchRevInclude ?? []).map((v) => `\`${v}\``).join(', ') || '—'} |`,
  );
  const results = FHIR_RESULT_PARAMS.map((p) => `| \`${p.name}\` | ${cell(p.documentation)} |`);
  return [
    '',
    '| resource | parameter | type | matches (and modifiers) |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| resource | `_include` | `_revinclude` |',
    '|---|---|---|',
    ...includes,
    '',
    'Every search also takes:',
    '',
    '| parameter | does |',
    '|---|---|',
    ...results,
    '',
  ].join('\n');
}

describe('the CapabilityStatement', () => {
  it('declares every served type with its Plan-Net profile and the read and search interactions', () => {
    expect(metadata.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(statement).toMatchObject({
      fhirVersion: '4.0.1',
      format: ['json', 'application/fhir+json'],
    });
    expect(resources.map((r) => r.type)).toEqual([...FHIR_SEARCH_TYPES]);
    for (const type of FHIR_SEARCH_TYPES) {
      const r = resourceOf(type);
      expect(r.supportedProfile, type).toEqual([FHIR_PROFILES[type]]);
      expect(r.supportedProfile[0]).toMatch(
        /^http:\/\/hl7\.org\/fhir\/us\/davinci-pdex-plan-net\/StructureDefinition\/plannet-/,
      );
      expect(r.interaction.map((i) => i.code).sort()).toEqual(['read', 'search-type']);
    }
    // A narrative for people (dom-6), naming every type.
    expect(statement.text.status).toBe('generated');
    expect(statement.text.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/);
    for (const type of FHIR_SEARCH_TYPES) expect(statement.text.div).toContain(`<b>${type}</b>`);
    // FHIR JSON has no empty arrays: a type nothing includes has no list.
    expect(JSON.stringify(statement)).not.toContain('[]');
  });

  it('lists exactly the search engine’s parameters, each with its R4 definition', () => {
    for (const type of FHIR_SEARCH_TYPES) {
      const listed = resourceOf(type).searchParam;
      expect(
        listed.map((p) => [p.name, p.type, p.definition]),
        type,
      ).toEqual(FHIR_SEARCH_PARAMS[type].map((p) => [p.name, p.type, p.definition]));
      for (const p of listed)
        expect(p.definition).toMatch(/^http:\/\/hl7\.org\/fhir\/SearchParameter\//);
    }
    expect(resourceOf('Practitioner').searchParam.map((p) => p.name)).toEqual(
      expect.arrayContaining(['_id', 'name', 'family', 'given', 'identifier']),
    );
    expect(resourceOf('PractitionerRole').searchInclude).toEqual(
      expect.arrayContaining([
        'PractitionerRole:practitioner',
        'PractitionerRole:location',
        'PractitionerRole:organization',
      ]),
    );
    expect(resourceOf('Practitioner').searchRevInclude).toContain('PractitionerRole:practitioner');
  });

  it('lists only what works: every parameter, modifier and include passes handling=strict', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const type of FHIR_SEARCH_TYPES) {
      for (const p of FHIR_SEARCH_PARAMS[type]) {
        expect(
          resourceOf(type).searchParam.find((s) => s.name === p.name)?.documentation,
        ).toContain(
          p.modifiers.length === 0
            ? ''
            : `Modifiers: ${p.modifiers.map((m) => `:${m}`).join(', ')}`,
        );
        for (const modifier of [undefined, ...p.modifiers]) {
          const name = modifier === undefined ? p.name : `${p.name}:${modifier}`;
          const res = await strictSearch(type, [[name, sampleValue(p, modifier)]]);
          checked += 1;
          if (res.status !== 200)
            failures.push(`${type}?${name}: ${res.status} ${res.body.slice(0, 300)}`);
        }
      }
      const r = resourceOf(type);
      for (const [param, values] of [
        ['_include', r.searchInclude ?? []],
        ['_revinclude', r.searchRevInclude ?? []],
      ] as const) {
        for (const value of values) {
          const res = await strictSearch(type, [[param, value]]);
          checked += 1;
          if (res.status !== 200)
            failures.push(`${type}?${param}=${value}: ${res.status} ${res.body.slice(0, 300)}`);
        }
      }
      for (const { name } of FHIR_RESULT_PARAMS) {
        const value = RESULT_VALUES[name]?.(r);
        if (value === undefined) {
          if (!(name in RESULT_VALUES)) failures.push(`no sample value for ${name}: add one`);
          continue;
        }
        const res = await strictSearch(type, [[name, value]]);
        checked += 1;
        if (res.status !== 200)
          failures.push(`${type}?${name}=${value}: ${res.status} ${res.body.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(80);
  });

  it('lists nothing more: a parameter or modifier it does not declare is refused under handling=strict', async () => {
    const refused = [
      ['Practitioner', 'birthdate', '1970'],
      ['Practitioner', 'name:above', 'a'],
      ['PractitionerRole', 'name', 'a'],
      ['Location', 'address', 'San Diego'],
      ['HealthcareService', 'category:exact', 'x'],
      ['Endpoint', 'name', 'a'],
    ] as const;
    for (const [type, name, value] of refused) {
      expect(resourceOf(type).searchParam.map((p) => p.name)).not.toContain(name);
      const res = await strictSearch(type, [[name, value]]);
      expect(res.status, `${type}?${name}`).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'not-supported' }],
      });
    }
  });

  it('says in its documentation what every search takes besides its type’s parameters', () => {
    const documentation = statement.rest[0]?.documentation ?? '';
    for (const { name } of FHIR_RESULT_PARAMS) expect(documentation).toContain(`\`${name}\``);
    expect(documentation).toContain('Prefer: handling=strict');
    expect(documentation).toContain('406');
  });
});

describe('the API README', () => {
  it('lists the search parameters, modifiers and includes exactly as the CapabilityStatement does', () => {
    const wanted = readmeSection();
    // Not vacuous: the section names every type's parameters with their modifiers.
    expect(wanted).toContain('| Practitioner | `family` | string |');
    expect(wanted).toContain(':exact, :contains');
    expect(wanted).toContain('`PractitionerRole:location`');
    const startMark = '<!-- fhir-search:start -->';
    const endMark = '<!-- fhir-search:end -->';
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(startMark);
    const end = readme.indexOf(endMark);
    expect(start, `the README has no ${startMark} … ${endMark} section`).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = readme.slice(start + startMark.length, end);
    if (current !== wanted && process.env.UPDATE_DOCS === '1') {
      writeFileSync(README, readme.slice(0, start + startMark.length) + wanted + readme.slice(end));
      return;
    }
    expect(current, 'the README FHIR search table is stale: run this test with UPDATE_DOCS=1').toBe(
      wanted,
    );
  });
});
