import { fhirResources } from '@ptfx/domain';
import { sampleClinic } from '@ptfx/domain/sample';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FhirSearchBundle, type FhirSearchResult, fhirSearch } from './search.js';
import { FHIR_SEARCH_PARAMS, FHIR_SEARCH_TYPES, type FhirSearchType } from './search-params.js';
import { SUBSETTED } from './subset.js';
import { field, valuesAt, valuesOf } from './values.js';

// Small resources shaped like the domain's, named after the R4 search page's own examples
// (https://hl7.org/fhir/R4/search.html): Eve, Evelyn and Severine for strings, the acme.org
// identifier `2345` for tokens, Ann Arbor for `near`.
const BASE = 'https://api.example.com/fhir/r4';
const meta = { profile: ['http://example.org/profile'] };
const text = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };
const practitioner = (
  id: string,
  family: string,
  given: string[],
  identifier: { system?: string; value: string }[] = [],
) => ({
  resourceType: 'Practitioner',
  id,
  meta,
  text,
  identifier,
  active: true,
  name: [{ use: 'official', text: `${given.join(' ')} ${family}`, family, given }],
  qualification: [{ code: { text: 'PT' } }],
});
const role = (id: string, who: string, where: string, specialty: string, display: string) => ({
  resourceType: 'PractitionerRole',
  id,
  meta,
  text,
  active: true,
  practitioner: { reference: `Practitioner/${who}` },
  organization: { reference: 'Organization/acme' },
  location: [{ reference: `Location/${where}` }],
  specialty: [
    { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: specialty, display }] },
  ],
});
const location = (
  id: string,
  name: string,
  city: string,
  latitude?: number,
  longitude?: number,
) => ({
  resourceType: 'Location',
  id,
  meta,
  text,
  status: 'active',
  name,
  address: { city, state: city === 'Ann Arbor' ? 'MI' : 'CA', postalCode: '00000' },
  ...(latitude === undefined || longitude === undefined
    ? {}
    : { position: { latitude, longitude } }),
  managingOrganization: { reference: 'Organization/acme' },
});

const RESOURCES = [
  {
    resourceType: 'Organization',
    id: 'acme',
    meta,
    text,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
    active: true,
    name: 'Acme Physical Therapy',
    alias: ['Shulman, McKay PT'],
  },
  location('ann-arbor', 'Ann Arbor', 'Ann Arbor', 42.2808, -83.743),
  location('san-diego', 'San Diego', 'San Diego', 32.72089, -117.16938),
  location('pop-up', 'Pop-up clinic', 'San Diego'),
  practitioner('eve', 'Shulman', ['Eve'], [{ system: 'http://acme.org/patient', value: '2345' }]),
  practitioner('evelyn', 'McKay', ['Evelyn'], [{ value: '2345' }]),
  practitioner('severine', 'Ørsted', ['Severine']),
  practitioner('eve-accent', 'Dupré', ['Ève', 'Marie']),
  practitioner('adam', 'Shulmann', ['Adam']),
  role('eve', 'eve', 'ann-arbor', '225100000X', 'Physical Therapist'),
  role('evelyn', 'evelyn', 'san-diego', '2251C2600X', 'Cardiopulmonary'),
  {
    resourceType: 'HealthcareService',
    id: 'evaluation',
    meta,
    text,
    active: true,
    providedBy: { reference: 'Organization/acme' },
    category: [
      {
        coding: [
          { system: 'http://example.org/category', code: 'prov', display: 'Medical Provider' },
        ],
      },
    ],
    specialty: [
      {
        coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '225100000X' }],
        text: 'Physical therapy',
      },
    ],
    location: [{ reference: 'Location/san-diego' }],
    name: 'Evaluation',
  },
  {
    resourceType: 'Endpoint',
    id: 'acme-fhir',
    meta,
    text,
    status: 'active',
    connectionType: {
      system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
      code: 'hl7-fhir-rest',
    },
    name: 'Acme FHIR API',
    managingOrganization: { reference: 'Organization/acme' },
    payloadType: [{ text: 'NA' }],
    address: BASE,
  },
];

function search(
  type: FhirSearchType,
  query: string,
  handling: 'strict' | 'lenient' = 'lenient',
): FhirSearchResult {
  return fhirSearch(RESOURCES, {
    type,
    params: [...new URLSearchParams(query)],
    handling,
    base: BASE,
  });
}
function bundle(type: FhirSearchType, query: string, handling: 'strict' | 'lenient' = 'lenient') {
  const result = search(type, query, handling);
  if (result.status !== 200) throw new Error(`expected 200, got ${JSON.stringify(result)}`);
  return result.bundle;
}
const ids = (b: FhirSearchBundle, mode = 'match') =>
  (b.entry ?? [])
    .filter((e) => e.search.mode === mode)
    .map((e) => `${e.resource.resourceType}/${'id' in e.resource ? e.resource.id : ''}`);
const matchIds = (type: FhirSearchType, query: string) =>
  ids(bundle(type, query)).map((id) => id.slice(id.indexOf('/') + 1));
const link = (b: FhirSearchBundle, relation: string) =>
  b.link.find((l) => l.relation === relation)?.url;
const outcome = (b: FhirSearchBundle) =>
  (b.entry ?? []).find((e) => e.search.mode === 'outcome')?.resource;

describe('string parameters (R4 search: string)', () => {
  it('given=eve matches any given name that starts with eve, ignoring case and accents', () => {
    expect(matchIds('Practitioner', 'given=eve')).toEqual(['eve', 'evelyn', 'eve-accent']);
    expect(matchIds('Practitioner', 'given=EVE')).toEqual(['eve', 'evelyn', 'eve-accent']);
  });
  it('given:contains=eve matches anywhere, so Severine too', () => {
    expect(matchIds('Practitioner', 'given:contains=eve')).toEqual([
      'eve',
      'evelyn',
      'severine',
      'eve-accent',
    ]);
  });
  it('given:exact=Eve matches the whole value as written: not eve, Evelyn or Ève', () => {
    expect(matchIds('Practitioner', 'given:exact=Eve')).toEqual(['eve']);
    expect(matchIds('Practitioner', 'given:exact=eve')).toEqual([]);
    expect(matchIds('Practitioner', 'given:exact=Ève')).toEqual(['eve-accent']);
  });
  it('name matches any part of a HumanName: family, given, text', () => {
    expect(matchIds('Practitioner', 'name=shulman')).toEqual(['eve', 'adam']);
    expect(matchIds('Practitioner', 'name=orsted')).toEqual(['severine']);
    expect(matchIds('Practitioner', 'name=marie')).toEqual(['eve-accent']);
    expect(matchIds('Practitioner', 'family=shulman')).toEqual(['eve', 'adam']);
    expect(matchIds('Practitioner', 'family:exact=Shulman')).toEqual(['eve']);
  });
  it('Organization name covers the alias; Location address parts match', () => {
    expect(matchIds('Organization', 'name=shulman')).toEqual(['acme']);
    expect(matchIds('Location', 'address-city=san')).toEqual(['san-diego', 'pop-up']);
    expect(matchIds('Location', 'address-state=MI')).toEqual(['ann-arbor']);
    expect(matchIds('Location', 'address-city:contains=arb')).toEqual(['ann-arbor']);
  });
});

describe('OR, AND and escaping (R4 search: composite values)', () => {
  it('a comma is OR: name=Shulman,McKay', () => {
    expect(matchIds('Practitioner', 'name=Shulman,McKay')).toEqual(['eve', 'evelyn', 'adam']);
  });
  it('a repeated parameter is AND', () => {
    expect(matchIds('Practitioner', 'name=shulman&given=eve')).toEqual(['eve']);
    expect(matchIds('Practitioner', 'given=eve&given=marie')).toEqual(['eve-accent']);
  });
  it('\\, is a literal comma, not OR', () => {
    expect(matchIds('Organization', 'name=Shulman\\, McKay')).toEqual(['acme']);
    expect(matchIds('Organization', 'name=Shulman\\,McKay')).toEqual([]);
  });
});

describe('token parameters (R4 search: token)', () => {
  it('identifier=http://acme.org/patient|2345 matches system and value', () => {
    expect(matchIds('Practitioner', 'identifier=http://acme.org/patient|2345')).toEqual(['eve']);
  });
  it('identifier=2345 matches the value in any system, |2345 only without a system', () => {
    expect(matchIds('Practitioner', 'identifier=2345')).toEqual(['eve', 'evelyn']);
    expect(matchIds('Practitioner', 'identifier=|2345')).toEqual(['evelyn']);
    expect(matchIds('Practitioner', 'identifier=http://acme.org/patient|')).toEqual(['eve']);
  });
  it('matches codings of a CodeableConcept; :text the text or display; :not excludes', () => {
    expect(
      matchIds('PractitionerRole', 'specialty=http://nucc.org/provider-taxonomy|225100000X'),
    ).toEqual(['eve']);
    expect(matchIds('PractitionerRole', 'specialty=2251C2600X')).toEqual(['evelyn']);
    expect(matchIds('PractitionerRole', 'specialty:text=cardio')).toEqual(['evelyn']);
    expect(matchIds('HealthcareService', 'specialty:text=physical')).toEqual(['evaluation']);
    expect(matchIds('HealthcareService', 'service-category=prov')).toEqual(['evaluation']);
    expect(matchIds('PractitionerRole', 'specialty:not=225100000X')).toEqual(['evelyn']);
  });
  it('_id=eve,evelyn matches those ids exactly', () => {
    expect(matchIds('Practitioner', '_id=eve,evelyn')).toEqual(['eve', 'evelyn']);
    expect(matchIds('Practitioner', '_id=EVE')).toEqual([]);
    expect(matchIds('Endpoint', '_id=acme-fhir')).toEqual(['acme-fhir']);
  });
});

describe('reference parameters (R4 search: reference)', () => {
  it.each([
    'practitioner=Practitioner/eve',
    'practitioner=eve',
    'practitioner:Practitioner=eve',
    `practitioner=${BASE}/Practitioner/eve`,
  ])('%s', (query) => {
    expect(matchIds('PractitionerRole', query)).toEqual(['eve']);
  });
  it('matches location and organization references', () => {
    expect(matchIds('PractitionerRole', 'location=Location/san-diego')).toEqual(['evelyn']);
    expect(matchIds('PractitionerRole', 'organization=acme')).toEqual(['eve', 'evelyn']);
    expect(matchIds('HealthcareService', 'location=san-diego')).toEqual(['evaluation']);
    expect(matchIds('PractitionerRole', 'practitioner=Location/eve')).toEqual([]);
  });
  it(':missing tells resources with and without a value apart', () => {
    expect(matchIds('PractitionerRole', 'service:missing=true')).toEqual(['eve', 'evelyn']);
    expect(matchIds('Practitioner', 'identifier:missing=false')).toEqual(['eve', 'evelyn']);
  });
});

describe('paging (_count, _offset) and links', () => {
  const pageQuery = (url: string | undefined) => {
    if (!url) throw new Error('expected a link');
    expect(url.startsWith(`${BASE}/Practitioner?`)).toBe(true);
    return url.slice(url.indexOf('?') + 1);
  };
  it('_count=2 returns two of five matches with first, next and last links', () => {
    const b = bundle('Practitioner', '_count=2');
    expect(b.total).toBe(5);
    expect(ids(b)).toHaveLength(2);
    expect(b.link.map((l) => l.relation)).toEqual(['self', 'first', 'next', 'last']);
    expect(link(b, 'self')).toBe(`${BASE}/Practitioner?_count=2`);
    expect(link(b, 'next')).toBe(`${BASE}/Practitioner?_count=2&_offset=2`);
    expect(link(b, 'last')).toBe(`${BASE}/Practitioner?_count=2&_offset=4`);
  });
  it('following next walks every match once, and previous walks back', () => {
    const seen: string[] = [];
    let query: string | undefined = 'name=e,a,o&_count=2';
    let last: FhirSearchBundle | undefined;
    while (query !== undefined) {
      last = bundle('Practitioner', query);
      seen.push(...ids(last));
      const next = link(last, 'next');
      query = next === undefined ? undefined : pageQuery(next);
    }
    expect(seen).toEqual(ids(bundle('Practitioner', 'name=e,a,o')));
    expect(seen).toHaveLength(new Set(seen).size);
    if (!last) throw new Error('no page');
    expect(link(last, 'self')).toBe(`${BASE}/Practitioner?name=e,a,o&_count=2&_offset=4`);
    const previous = bundle('Practitioner', pageQuery(link(last, 'previous')));
    expect(ids(previous)).toEqual(seen.slice(2, 4));
  });
  it('without _count, pages hold 20 and self shows no _count', () => {
    const b = bundle('Practitioner', 'name=eve');
    expect(link(b, 'self')).toBe(`${BASE}/Practitioner?name=eve`);
    expect(link(b, 'first')).toBe(`${BASE}/Practitioner?name=eve&_count=20`);
    expect(link(b, 'next')).toBeUndefined();
  });
  it('a _count above 100 is lowered to 100, and self says so, however many digits it has', () => {
    for (const count of ['5000', '99999999999', '000000000000000101'])
      expect(link(bundle('Practitioner', `_count=${count}`), 'self')).toBe(
        `${BASE}/Practitioner?_count=100`,
      );
  });
  it('an _offset past 999999999 is a 400 that says the bound', () => {
    const result = search('Practitioner', '_offset=12345678901');
    expect(result.status).toBe(400);
    expect(JSON.stringify(result)).toContain('_offset=12345678901: at most 999999999');
  });
  it('a parameter with over 100 comma-separated values (OR) is a 400, not minutes of matching', () => {
    const many = Array.from({ length: 101 }, (_, i) => `n${i}`).join(',');
    const result = search('Practitioner', `name=${many}`);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result)).toContain('101 comma-separated values; at most 100');
    const hundred = Array.from({ length: 99 }, (_, i) => `n${i}`).join(',');
    expect(search('Practitioner', `name=${hundred},eve`).status).toBe(200);
  });
  it('_summary=count and _count=0 give the total, no entries, only the self link', () => {
    for (const query of ['name=shulman&_summary=count', 'name=shulman&_count=0']) {
      const b = bundle('Practitioner', query);
      expect(b.total).toBe(2);
      expect(b.entry).toBeUndefined();
      expect(b.link.map((l) => l.relation)).toEqual(['self']);
    }
  });
  it('_total=none|estimate|accurate is accepted (the total is always exact); another value is a 400', () => {
    const b = bundle('Practitioner', 'name=shulman&_total=accurate');
    expect(b.total).toBe(2);
    expect(link(b, 'self')).toBe(`${BASE}/Practitioner?name=shulman&_total=accurate`);
    expect(search('Practitioner', '_total=none', 'strict').status).toBe(200);
    expect(search('Practitioner', '_total=some').status).toBe(400);
  });
  it('an _offset off the _count grid: previous holds exactly what comes before, last follows on', () => {
    // Five practitioners; a page of 2 from the 2nd: [1, 2], then [3, 4].
    const b = bundle('Practitioner', '_count=2&_offset=1');
    expect(link(b, 'previous')).toBe(`${BASE}/Practitioner?_count=1`);
    expect(link(b, 'next')).toBe(`${BASE}/Practitioner?_count=2&_offset=3`);
    expect(link(b, 'last')).toBe(`${BASE}/Practitioner?_count=2&_offset=3`);
    const tail = bundle('Practitioner', '_count=4&_offset=3');
    expect(ids(tail)).toHaveLength(2);
    expect(link(tail, 'previous')).toBe(`${BASE}/Practitioner?_count=3`);
    expect(link(tail, 'last')).toBe(`${BASE}/Practitioner?_count=4&_offset=3`);
    expect(link(tail, 'next')).toBeUndefined();
  });
  it('an offset past the end is an empty page that links back', () => {
    const b = bundle('Practitioner', '_count=2&_offset=10');
    expect(ids(b)).toEqual([]);
    expect(link(b, 'previous')).toBe(`${BASE}/Practitioner?_count=2&_offset=4`);
  });
});

describe('unknown and unsupported parameters (Prefer: handling)', () => {
  it('lenient: ignored, reported in an outcome entry, and left out of self', () => {
    const b = bundle('Practitioner', 'given=eve&foo=bar&name:above=x&location.address-city=x');
    expect(ids(b)).toEqual(['Practitioner/eve', 'Practitioner/evelyn', 'Practitioner/eve-accent']);
    expect(link(b, 'self')).toBe(`${BASE}/Practitioner?given=eve`);
    expect(b.entry?.at(-1)?.search.mode).toBe('outcome');
    expect(outcome(b)).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'warning', code: 'not-supported', location: ['http.foo'] },
        { severity: 'warning', code: 'not-supported', location: ['http.name:above'] },
        { severity: 'warning', code: 'not-supported', location: ['http.location.address-city'] },
      ],
    });
  });
  it('strict: a 400 OperationOutcome naming every such parameter', () => {
    const result = search('Practitioner', 'given=eve&foo=bar&name:above=x', 'strict');
    expect(result.status).toBe(400);
    if (result.status !== 400) return;
    expect(result.outcome.issue).toEqual([
      {
        severity: 'error',
        code: 'not-supported',
        diagnostics: expect.stringContaining('"foo" is not a search parameter'),
        location: ['http.foo'],
      },
      {
        severity: 'error',
        code: 'not-supported',
        diagnostics: expect.stringContaining('the "name" parameter has the modifier "above"'),
        location: ['http.name:above'],
      },
    ]);
  });
  it('lenient: a malformed value is a 400 error, and what would only be ignored stays a warning', () => {
    const result = search('Practitioner', '_count=abc&foo=bar');
    expect(result.status).toBe(400);
    if (result.status !== 400) return;
    expect(result.outcome.issue).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid', location: ['http._count'] }),
      expect.objectContaining({
        severity: 'warning',
        code: 'not-supported',
        diagnostics: expect.stringMatching(/; ignored$/),
        location: ['http.foo'],
      }),
    ]);
  });
  it('keeps an outcome to characters JSON and XML carry, when a cut value splits one or holds a control', () => {
    // _count's value is quoted up to 40 UTF-16 units: the 40th is half of the emoji.
    const result = search('Practitioner', `_count=${'9'.repeat(39)}\u{1F600}&foo\u0001=1`);
    expect(result.status).toBe(400);
    if (result.status !== 400) return;
    const text = JSON.stringify(result.outcome);
    expect(text).not.toMatch(/\\ud83d|\\u0001/i);
    expect(result.outcome.issue[0]?.diagnostics).toContain(`${'9'.repeat(39)}\uFFFD`);
    expect(result.outcome.text.div).toMatch(
      /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u,
    );
  });
  it('strict: a search with only supported parameters succeeds', () => {
    expect(search('Practitioner', 'given=eve&_count=1&_sort=family', 'strict').status).toBe(200);
  });
  it('a malformed value is a 400 under lenient too', () => {
    for (const query of [
      '_count=abc',
      '_offset=-1',
      '_summary=maybe',
      'near=north',
      '_count=1&_count=2',
    ]) {
      const result = search('Location', query);
      expect(result.status, query).toBe(400);
      if (result.status === 400) expect(result.outcome.issue[0]?.code, query).toBe('invalid');
    }
  });
  it('empty parameters are ignored (R4: "empty parameters are not an error")', () => {
    const b = bundle('Practitioner', 'name=&given=eve&_sort=');
    expect(link(b, 'self')).toBe(`${BASE}/Practitioner?given=eve`);
    expect(outcome(b)).toBeUndefined();
  });
  it('_format passes through to the links, for the HTTP layer', () => {
    expect(link(bundle('Practitioner', '_format=json&_count=1'), 'next')).toBe(
      `${BASE}/Practitioner?_format=json&_count=1&_offset=1`,
    );
  });
});

describe('_sort', () => {
  it('sorts by family ascending, or descending with -', () => {
    expect(matchIds('Practitioner', '_sort=family')).toEqual([
      'eve-accent',
      'evelyn',
      'severine',
      'eve',
      'adam',
    ]);
    expect(matchIds('Practitioner', '_sort=-family')).toEqual([
      'adam',
      'eve',
      'severine',
      'evelyn',
      'eve-accent',
    ]);
  });
  it('sorts by several keys, in order', () => {
    expect(matchIds('Practitioner', 'name=shulman&_sort=-given')).toEqual(['eve', 'adam']);
    expect(matchIds('Location', '_sort=address-city,-name')).toEqual([
      'ann-arbor',
      'san-diego',
      'pop-up',
    ]);
  });
  it('an unsortable key is unsupported: ignored with an outcome, or 400 under strict', () => {
    const b = bundle('Location', '_sort=near,name');
    expect(ids(b)).toEqual(['Location/ann-arbor', 'Location/pop-up', 'Location/san-diego']);
    expect(link(b, 'self')).toBe(`${BASE}/Location?_sort=name`);
    expect(outcome(b)).toMatchObject({ issue: [{ location: ['http._sort'] }] });
    expect(search('Location', '_sort=near', 'strict').status).toBe(400);
  });
});

describe('_summary and _elements', () => {
  const first = (b: FhirSearchBundle) => JSON.parse(JSON.stringify(b.entry?.[0]?.resource));
  it('_summary=true keeps the summary elements and tags the resource SUBSETTED', () => {
    const r = first(bundle('Practitioner', '_id=eve&_summary=true'));
    expect(Object.keys(r).sort()).toEqual([
      'active',
      'id',
      'identifier',
      'meta',
      'name',
      'resourceType',
    ]);
    expect(r.meta).toEqual({ profile: meta.profile, tag: [SUBSETTED] });
  });
  it('_summary=data drops the narrative; _summary=text keeps it with id and meta', () => {
    expect(first(bundle('Practitioner', '_id=eve&_summary=data'))).not.toHaveProperty('text');
    expect(Object.keys(first(bundle('Practitioner', '_id=eve&_summary=text'))).sort()).toEqual([
      'id',
      'meta',
      'resourceType',
      'text',
    ]);
  });
  it('_summary=false returns whole resources, untagged', () => {
    expect(first(bundle('Practitioner', '_id=eve&_summary=false'))).toEqual(
      RESOURCES.find((r) => r.resourceType === 'Practitioner' && r.id === 'eve'),
    );
  });
  it('_elements=name returns the name (and id, meta, the mandatory elements), SUBSETTED', () => {
    const r = first(bundle('Practitioner', '_id=eve&_elements=name'));
    expect(Object.keys(r).sort()).toEqual(['id', 'meta', 'name', 'resourceType']);
    expect(r.meta.tag).toEqual([SUBSETTED]);
    const endpoint = first(bundle('Endpoint', '_elements=name'));
    expect(Object.keys(endpoint).sort()).toEqual([
      'address',
      'connectionType',
      'id',
      'meta',
      'name',
      'payloadType',
      'resourceType',
      'status',
    ]);
  });
  it('_elements takes the qualified form Practitioner.name too', () => {
    const r = first(
      bundle('Practitioner', '_id=eve&_elements=Practitioner.name,Practitioner.active'),
    );
    expect(Object.keys(r).sort()).toEqual(['active', 'id', 'meta', 'name', 'resourceType']);
  });
  it('_elements with _summary is refused', () => {
    expect(search('Practitioner', '_elements=name&_summary=true').status).toBe(400);
  });
});

describe('_include and _revinclude', () => {
  it('_include=PractitionerRole:practitioner adds the Practitioners, mode include', () => {
    const b = bundle('PractitionerRole', '_include=PractitionerRole:practitioner');
    expect(ids(b)).toEqual(['PractitionerRole/eve', 'PractitionerRole/evelyn']);
    expect(ids(b, 'include')).toEqual(['Practitioner/eve', 'Practitioner/evelyn']);
    expect(b.total).toBe(2);
    expect(b.entry?.[2]).toMatchObject({
      fullUrl: `${BASE}/Practitioner/eve`,
      search: { mode: 'include' },
    });
  });
  it('includes follow only the current page, each resource once', () => {
    const b = bundle(
      'PractitionerRole',
      '_count=1&_include=PractitionerRole:location&_include=PractitionerRole:organization&_include=PractitionerRole:*',
    );
    expect(ids(b, 'include')).toEqual([
      'Location/ann-arbor',
      'Organization/acme',
      'Practitioner/eve',
    ]);
    expect(link(b, 'next')).toContain(
      '_include=PractitionerRole:location&_include=PractitionerRole:organization',
    );
  });
  it('_revinclude=PractitionerRole:practitioner adds the roles of the Practitioners found', () => {
    const b = bundle('Practitioner', 'given=evelyn&_revinclude=PractitionerRole:practitioner');
    expect(ids(b)).toEqual(['Practitioner/evelyn']);
    expect(ids(b, 'include')).toEqual(['PractitionerRole/evelyn']);
    expect(ids(bundle('Location', '_revinclude=PractitionerRole:location'), 'include')).toEqual([
      'PractitionerRole/eve',
      'PractitionerRole/evelyn',
    ]);
  });
  it('an include may name its target type', () => {
    const b = bundle('PractitionerRole', '_include=PractitionerRole:location:Location');
    expect(ids(b, 'include')).toEqual(['Location/ann-arbor', 'Location/san-diego']);
    expect(
      outcome(bundle('PractitionerRole', '_include=PractitionerRole:location:Organization')),
    ).toBeDefined();
  });
  it('an include the type does not have is unsupported', () => {
    const b = bundle(
      'Practitioner',
      '_include=PractitionerRole:practitioner&_include:iterate=Practitioner:x',
    );
    expect(ids(b, 'include')).toEqual([]);
    expect(outcome(b)).toMatchObject({
      issue: [{ location: ['http._include'] }, { location: ['http._include:iterate'] }],
    });
  });
});

describe('near (R4 Location positional search)', () => {
  it("the spec's own example, -83.694810|42.256500|11.20|km, reads latitude first: not Ann Arbor", () => {
    // The R4 example swaps Ann Arbor's coordinates; the parameter's definition is [latitude]|[longitude].
    expect(matchIds('Location', 'near=-83.694810|42.256500|11.20|km')).toEqual([]);
    expect(matchIds('Location', 'near=42.256500|-83.694810|11.20|km')).toEqual(['ann-arbor']);
  });
  it('distance units: km when omitted, mi and [mi_i] in miles', () => {
    expect(matchIds('Location', 'near=42.2565|-83.69481|5')).toEqual(['ann-arbor']);
    expect(matchIds('Location', 'near=42.2565|-83.69481|3')).toEqual([]);
    expect(matchIds('Location', 'near=42.2565|-83.69481|3|mi')).toEqual(['ann-arbor']);
    expect(matchIds('Location', 'near=42.2565|-83.69481|3|[mi_i]')).toEqual(['ann-arbor']);
    expect(search('Location', 'near=42.2565|-83.69481|3|furlong').status).toBe(400);
    expect(search('Location', 'near=42.2565|-83.69481|3|km|extra').status).toBe(400);
    expect(search('Location', 'near=91|0').status).toBe(400);
    expect(search('Location', 'near=0|181').status).toBe(400);
  });
  it('near takes no modifiers', () => {
    expect(search('Location', 'near:missing=true', 'strict').status).toBe(400);
    expect(outcome(bundle('Location', 'near:above=42.2565|-83.69481'))).toMatchObject({
      issue: [{ code: 'not-supported', location: ['http.near:above'] }],
    });
  });
  it('a comma gives several points (OR); locations without a position never match', () => {
    expect(matchIds('Location', 'near=42.2565|-83.69481|10,32.7157|-117.1611|10')).toEqual([
      'ann-arbor',
      'san-diego',
    ]);
  });
  it('each match carries its distance in the location-distance extension', () => {
    const b = bundle('Location', 'near=32.7157|-117.1611|10|km');
    // San Diego's sample position is about 0.97 km from this point (by the haversine formula).
    expect(b.entry).toMatchObject([
      {
        fullUrl: `${BASE}/Location/san-diego`,
        search: {
          mode: 'match',
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/location-distance',
              valueDistance: {
                value: expect.closeTo(0.966, 2),
                unit: 'km',
                system: 'http://unitsofmeasure.org',
                code: 'km',
              },
            },
          ],
        },
      },
    ]);
  });
});

describe('the result', () => {
  it('is a searchset Bundle with full URLs from the given function', () => {
    const result = fhirSearch(RESOURCES, {
      type: 'Organization',
      params: [],
      handling: 'strict',
      base: `${BASE}/`,
      fullUrl: (base, r) => `${base}/${r.resourceType}/${r.id}#custom`,
    });
    expect(result).toEqual({
      status: 200,
      bundle: {
        resourceType: 'Bundle',
        type: 'searchset',
        total: 1,
        link: [
          { relation: 'self', url: `${BASE}/Organization` },
          { relation: 'first', url: `${BASE}/Organization?_count=20` },
          { relation: 'last', url: `${BASE}/Organization?_count=20` },
        ],
        entry: [
          {
            fullUrl: `${BASE}/Organization/acme#custom`,
            resource: RESOURCES.find((r) => r.resourceType === 'Organization'),
            search: { mode: 'match' },
          },
        ],
      },
    });
  });
  it('returns only resources of the type searched', () => {
    expect(bundle('Endpoint', '').total).toBe(1);
    expect(bundle('HealthcareService', '').total).toBe(1);
  });
});

describe('the sample clinic, as the API serves it', () => {
  const clinic = fhirResources(sampleClinic(), { baseUrl: BASE });
  const sample = (
    type: FhirSearchType,
    query: string,
    handling: 'strict' | 'lenient' = 'lenient',
  ) => fhirSearch(clinic, { type, params: [...new URLSearchParams(query)], handling, base: BASE });
  const ok = (result: FhirSearchResult) => {
    if (result.status !== 200) throw new Error(JSON.stringify(result));
    return result.bundle;
  };

  it('fixes what the issue found: _count, OR, AND, modifiers, strict, self', () => {
    const page = ok(sample('Practitioner', '_count=1'));
    expect(ids(page)).toEqual(['Practitioner/mark-shulman']);
    expect(link(page, 'next')).toBe(`${BASE}/Practitioner?_count=1&_offset=1`);
    expect(ids(ok(sample('Practitioner', 'name=Shulman,McKay')))).toHaveLength(2);
    expect(ids(ok(sample('Practitioner', 'name=Shulman&name=McKay')))).toEqual([]);
    expect(ids(ok(sample('Practitioner', 'name:exact=Shulman')))).toEqual([
      'Practitioner/mark-shulman',
    ]);
    expect(ids(ok(sample('Practitioner', 'name:exact=shulman')))).toEqual([]);
    expect(ids(ok(sample('Practitioner', 'name:contains=ulma')))).toEqual([
      'Practitioner/mark-shulman',
    ]);
    expect(sample('Practitioner', 'nickname=Doc', 'strict').status).toBe(400);
    expect(link(ok(sample('Practitioner', 'nickname=Doc')), 'self')).toBe(`${BASE}/Practitioner`);
    expect(ok(sample('Practitioner', '_summary=count')).total).toBe(2);
  });
  it('finds a Practitioner by NPI', () => {
    expect(
      ids(ok(sample('Practitioner', 'identifier=http://hl7.org/fhir/sid/us-npi|1748392069'))),
    ).toEqual(['Practitioner/mark-shulman']);
  });
  it('includes every resource a PractitionerRole refers to, each once', () => {
    const b = ok(sample('PractitionerRole', '_include=PractitionerRole:*'));
    const references = new Set(
      (
        JSON.stringify(b.entry?.filter((e) => e.search.mode === 'match')).match(
          /"reference":"(Practitioner|Location|Organization|HealthcareService)\/[^"]+"/g,
        ) ?? []
      ).map((r) => r.slice('"reference":"'.length, -1)),
    );
    expect(references.size).toBeGreaterThan(3);
    expect(ids(b, 'include').sort()).toEqual([...references].sort());
  });
  it('finds services by their category and location, and the Endpoint by id', () => {
    const services = clinic.filter((r) => r.resourceType === 'HealthcareService');
    const [service] = services;
    if (service?.resourceType !== 'HealthcareService') throw new Error('sample has services');
    const coding = service.category[0]?.coding?.[0];
    const having = services.filter((s) =>
      JSON.stringify(s).includes(`"system":"${coding?.system}","code":"${coding?.code}"`),
    );
    expect(
      ids(ok(sample('HealthcareService', `service-category=${coding?.system}|${coding?.code}`))),
    ).toEqual(having.map((s) => `HealthcareService/${s.id}`));
    expect(ok(sample('HealthcareService', 'location=Location/san-diego')).total).toBe(
      services.length,
    );
    expect(ids(ok(sample('Endpoint', '_id=pt-effect-fhir')))).toEqual(['Endpoint/pt-effect-fhir']);
  });
  it('finds the San Diego location near downtown San Diego, not near Los Angeles', () => {
    expect(ids(ok(sample('Location', 'near=32.7157|-117.1611|5|km')))).toEqual([
      'Location/san-diego',
    ]);
    expect(ids(ok(sample('Location', 'near=34.0522|-118.2437|50|mi')))).toEqual([]);
  });
  it('every parameter in the table finds a sample resource by a value taken from it', () => {
    const searches: string[] = [];
    for (const type of FHIR_SEARCH_TYPES)
      for (const param of FHIR_SEARCH_PARAMS[type]) {
        const resource = clinic.find(
          (r) => r.resourceType === type && valuesOf(r, param.expression).length > 0,
        );
        const value = valuesOf(resource, param.expression)[0];
        const query = queryFor(param.type, value);
        const result = ok(sample(type, `${param.name}=${encodeURIComponent(query)}`, 'strict'));
        expect(ids(result), `${type}?${param.name}=${query}`).toContain(`${type}/${resource?.id}`);
        searches.push(`${type}?${param.name}`);
      }
    expect(searches).toHaveLength(
      FHIR_SEARCH_TYPES.reduce((n, t) => n + FHIR_SEARCH_PARAMS[t].length, 0),
    );
  });
});

// A search value that should find the resource `value` was taken from.
function queryFor(type: string, value: unknown): string {
  const text = (v: unknown, key: string) => {
    const f = field(v, key);
    return typeof f === 'string' || typeof f === 'number' ? String(f) : '';
  };
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : text(value, 'family') || text(value, 'city');
    case 'token': {
      if (typeof value === 'string') return value;
      const coding = valuesAt(value, ['coding'])[0] ?? value;
      return `${text(coding, 'system')}|${text(coding, 'code') || text(coding, 'value')}`;
    }
    case 'reference':
      return text(value, 'reference');
    default:
      return `${text(value, 'latitude')}|${text(value, 'longitude')}|1|km`;
  }
}

describe('any query (property)', () => {
  const NAMES = [
    'name',
    'name:exact',
    'name:contains',
    'name:missing',
    'family',
    'given',
    'identifier',
    'identifier:text',
    'identifier:not',
    '_id',
    'practitioner',
    'practitioner:Practitioner',
    'location',
    'specialty',
    'address-city',
    'near',
    'service-category',
    '_count',
    '_offset',
    '_sort',
    '_summary',
    '_elements',
    '_include',
    '_revinclude',
    '_format',
    '_total',
    'foo',
    'name:above',
    'location.name',
  ];
  const VALUES = [
    'eve',
    'Shulman,McKay',
    'Shulman\\, McKay',
    '2345',
    '|2345',
    'http://acme.org/patient|2345',
    'Practitioner/eve',
    'san-diego',
    '42.2565|-83.69481|10|km',
    '',
    '0',
    '1',
    '2',
    '-family',
    'name,_id',
    'true',
    'count',
    'name',
    'PractitionerRole:practitioner',
    'PractitionerRole:*',
    'accurate',
  ];
  const param = fc.tuple(
    fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 })),
    fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20, unit: 'binary' })),
  );
  const query = fc.record({
    type: fc.constantFrom(...FHIR_SEARCH_TYPES),
    params: fc.array(param, { maxLength: 6 }),
  });
  const run = (type: FhirSearchType, params: [string, string][], handling: 'strict' | 'lenient') =>
    fhirSearch(RESOURCES, { type, params, handling, base: BASE });

  it('never throws, and its self link, run under strict, finds the same page with nothing ignored', () => {
    fc.assert(
      fc.property(query, ({ type, params }) => {
        const lenient = run(type, params, 'lenient');
        if (lenient.status === 400) {
          expect(lenient.outcome.issue.some((i) => i.code === 'invalid')).toBe(true);
          return;
        }
        const self = lenient.bundle.link.find((l) => l.relation === 'self')?.url ?? '';
        expect(self.startsWith(`${BASE}/${type}`)).toBe(true);
        const again = run(type, [...new URL(self).searchParams], 'strict');
        expect(again.status).toBe(200);
        if (again.status !== 200) return;
        expect(outcome(again.bundle)).toBeUndefined();
        expect(again.bundle.total).toBe(lenient.bundle.total);
        expect(ids(again.bundle)).toEqual(ids(lenient.bundle));
        expect(ids(again.bundle, 'include')).toEqual(ids(lenient.bundle, 'include'));
        expect(again.bundle.link).toEqual(lenient.bundle.link);
      }),
      { numRuns: 400 },
    );
  }, 30_000);
});
