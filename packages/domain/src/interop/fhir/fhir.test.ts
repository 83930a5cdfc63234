import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../../test-support/sample-clinic-value.js';
import { fhirBundle, fhirResources } from './bundle.js';
import { credentialCode } from './credential-code.js';
import { fhirEndpoint } from './endpoint.js';
import {
  fhirLocation,
  fhirOrganization,
  fhirPractitioner,
  fhirPractitionerRole,
} from './resources.js';
import { FHIR_SYSTEMS } from './systems.js';

const clinic = sampleClinic();
const validator = new JSONSchemaValidator();
const errorsOf = (resource: unknown) =>
  validator
    .validate(JSON.parse(JSON.stringify(resource)), true)
    .map((e) => `${e.dataPath ?? ''} ${e.message ?? ''}`);

describe('FHIR R4 projection of the sample clinic', () => {
  const bundle = fhirBundle(clinic, { baseUrl: 'https://api.example.com/fhir/r4/' });

  it.each(fhirResources(clinic).map((r) => [`${r.resourceType}/${r.id}`, r] as const))(
    '%s validates against the official FHIR R4 JSON Schema',
    (_name, resource) => {
      expect(errorsOf(resource)).toEqual([]);
    },
  );

  it('validates as a Bundle with stable ids and absolute full URLs', () => {
    expect(errorsOf(bundle)).toEqual([]);
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual([
      'https://api.example.com/fhir/r4/Organization/pt-effect',
      'https://api.example.com/fhir/r4/Location/san-diego',
      'https://api.example.com/fhir/r4/Practitioner/mark-shulman',
      'https://api.example.com/fhir/r4/Practitioner/allison-mckay',
      'https://api.example.com/fhir/r4/PractitionerRole/mark-shulman',
      'https://api.example.com/fhir/r4/PractitionerRole/allison-mckay',
      'https://api.example.com/fhir/r4/HealthcareService/evaluation',
      'https://api.example.com/fhir/r4/HealthcareService/strengthening-exercise',
      'https://api.example.com/fhir/r4/HealthcareService/stretching',
      'https://api.example.com/fhir/r4/HealthcareService/massage',
      'https://api.example.com/fhir/r4/HealthcareService/electrical-stimulation',
      'https://api.example.com/fhir/r4/HealthcareService/education-and-home-exercise',
      'https://api.example.com/fhir/r4/Endpoint/pt-effect-fhir',
    ]);
    expect(fhirBundle(clinic, { baseUrl: 'https://api.example.com/fhir/r4/' })).toEqual(bundle);
  });

  it('every reference in the bundle resolves to an entry', () => {
    const ids = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(references.length).toBeGreaterThan(10);
    for (const r of references) expect(ids).toContain(r.slice('"reference":"'.length, -1));
  });

  it('is caught by the schema when a resource is wrong', () => {
    const [mark] = clinic.therapists;
    if (!mark) throw new Error('sample has Mark Shulman');
    const practitioner = fhirPractitioner(mark);
    expect(errorsOf({ ...practitioner, active: 'yes' }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...practitioner, gender: 'robot' }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...practitioner, nickname: 'Doc' }).length).toBeGreaterThan(0);
  });

  it('gives the Practitioner its NPI and qualifications with code, period and issuer', () => {
    const [mark] = clinic.therapists;
    if (!mark) throw new Error('sample has Mark Shulman');
    const practitioner = fhirPractitioner(mark);
    expect(practitioner.identifier).toEqual([
      { use: 'official', system: 'http://hl7.org/fhir/sid/us-npi', value: '1748392069' },
    ]);
    expect(practitioner.name[0]).toMatchObject({
      family: 'Shulman',
      given: ['Mark'],
      prefix: ['Dr.'],
    });
    const byCode = Object.fromEntries(
      (practitioner.qualification ?? []).map((q) => [q.code.text, q]),
    );
    expect(byCode.PT).toMatchObject({
      code: {
        coding: [
          { system: FHIR_SYSTEMS.facet, code: 'PT' },
          { system: FHIR_SYSTEMS.nucc, code: '225100000X', display: 'Physical Therapist' },
        ],
      },
      identifier: [{ value: 'PT 38291' }],
      period: { end: '2030-08-31' },
      issuer: { display: 'Physical Therapy Board of California' },
    });
    expect(byCode.DPT?.code.coding).toEqual([
      { system: FHIR_SYSTEMS.facet, code: 'DPT', display: 'Doctor of Physical Therapy' },
    ]);
    expect(byCode.CSCS).toMatchObject({
      code: { coding: [{ system: FHIR_SYSTEMS.ptfxCredential, code: 'CSCS' }] },
      period: { end: '2029-12-31' },
    });
  });

  it('codes degrees with v2-0360 where it has them', () => {
    expect(credentialCode({ abbreviation: 'PhD' }).coding).toEqual([
      { system: FHIR_SYSTEMS.v20360, code: 'PHD', display: 'Doctor of Philosophy' },
    ]);
    expect(credentialCode({ abbreviation: 'Ph.D.' }).coding?.[0]?.code).toBe('PHD');
    expect(credentialCode({ abbreviation: 'XYZ', name: 'Made-up Certificate' })).toEqual({
      text: 'Made-up Certificate',
    });
  });

  it('gives every PractitionerRole contact information (US Core pd-1) and the NUCC PT code', () => {
    for (const therapist of clinic.therapists) {
      const role = fhirPractitionerRole(therapist, clinic);
      expect(role.telecom.length).toBeGreaterThan(0);
      expect(role.code[0]?.coding).toEqual([
        { system: FHIR_SYSTEMS.nucc, code: '225100000X', display: 'Physical Therapist' },
        { system: FHIR_SYSTEMS.planNetProviderRole, code: 'pt', display: 'Physical Therapist' },
      ]);
    }
  });

  it('gives the Location its fax, hours and IANA time zone', () => {
    const [location] = clinic.locations;
    if (!location) throw new Error('sample has a location');
    const fhir = fhirLocation(location, clinic);
    expect(fhir.extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: 'America/Los_Angeles' },
      {
        url: FHIR_SYSTEMS.planNetNewPatients,
        extension: [
          {
            url: 'acceptingPatients',
            valueCodeableConcept: {
              coding: [
                {
                  system: FHIR_SYSTEMS.planNetAcceptingPatients,
                  code: 'newpt',
                  display: 'Accepting',
                },
              ],
            },
          },
        ],
      },
    ]);
    expect(fhir.telecom).toContainEqual({
      system: 'fax',
      value: '+16195441056',
      use: 'work',
      rank: 2,
    });
    expect(fhir.hoursOfOperation).toEqual([
      {
        daysOfWeek: ['mon', 'tue', 'wed', 'thu'],
        openingTime: '07:00:00',
        closingTime: '19:00:00',
      },
      { daysOfWeek: ['fri'], openingTime: '07:00:00', closingTime: '17:00:00' },
    ]);
    expect(fhir.availabilityExceptions).toContain('Closed 2026-11-26 (Thanksgiving)');
    expect(fhir.position).toEqual({ longitude: -117.16938, latitude: 32.72089 });
    const { geo: _geo, ...withoutGeo } = location;
    expect(fhirLocation(withoutGeo, clinic)).not.toHaveProperty('position');
  });

  it('has the FHIR API as an Endpoint only when its base URL is known', () => {
    const base = 'https://api.example.com/fhir/r4/';
    expect(fhirResources(clinic).map((r) => r.resourceType)).not.toContain('Endpoint');
    expect(fhirOrganization(clinic).endpoint).toBeUndefined();
    expect(fhirOrganization(clinic, { baseUrl: base }).endpoint).toEqual([
      { reference: 'Endpoint/pt-effect-fhir' },
    ]);
    const endpoint = fhirEndpoint(clinic, { baseUrl: base });
    expect(fhirResources(clinic, { baseUrl: base }).at(-1)).toEqual(endpoint);
    expect(endpoint).toMatchObject({
      id: 'pt-effect-fhir',
      status: 'active',
      address: 'https://api.example.com/fhir/r4',
      connectionType: { code: 'hl7-fhir-rest' },
      payloadMimeType: ['application/fhir+json'],
      managingOrganization: { reference: 'Organization/pt-effect' },
    });
    expect(() => fhirResources(clinic, { baseUrl: 42 } as never)).toThrow(
      /fhirResources\(options\): options\.baseUrl: expected an absolute http\(s\) URL/,
    );
    // An Endpoint needs an address, and fullUrls an absolute base.
    for (const baseUrl of [
      '',
      'not a url',
      '/fhir/r4',
      'ftp://x.test/fhir',
      'https://x.test/fhir?a=1',
    ])
      for (const call of [
        () => fhirResources(clinic, { baseUrl }),
        () => fhirBundle(clinic, { baseUrl }),
        () => fhirEndpoint(clinic, { baseUrl }),
        () => fhirOrganization(clinic, { baseUrl }),
      ])
        expect(call, JSON.stringify(baseUrl)).toThrow(TypeError);
    // endpoint: false: the base only names the resources; no Endpoint, no reference to one.
    const plain = fhirBundle(clinic, { baseUrl: 'https://x.test/fhir', endpoint: false });
    expect(plain.entry.map((e) => e.resource.resourceType)).not.toContain('Endpoint');
    expect(plain.entry[0]?.resource).not.toHaveProperty('endpoint');
    expect(plain.entry[0]?.fullUrl).toBe('https://x.test/fhir/Organization/pt-effect');
    expect(() =>
      fhirBundle(clinic, { baseUrl: 'https://x.test', endpoint: 'no' } as never),
    ).toThrow(/fhirBundle\(options\): options\.endpoint/);
    expect(fhirEndpoint(clinic, { baseUrl: 'http://127.0.0.1:3000/fhir/r4/' }).address).toBe(
      'http://127.0.0.1:3000/fhir/r4',
    );
    expect(() => fhirEndpoint(clinic, {} as never)).toThrow(/fhirEndpoint\(options\)/);
  });

  it('gives every resource a generated narrative: XHTML, escaped, basic elements only', () => {
    const hostile = '<script>alert("x")</script> & \'Co\'';
    const org = { ...clinic.organization, name: hostile, alternateName: '</div><img src=x>' };
    const resources = fhirResources(
      { ...clinic, organization: org },
      { baseUrl: 'https://x.test' },
    );
    for (const r of resources) {
      expect(r.text.status).toBe('generated');
      expect(r.text.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.+<\/div>$/);
      const tags = new Set([...r.text.div.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
      for (const tag of tags)
        expect(['div', 'p', 'b', 'table', 'tbody', 'tr', 'th', 'td', 'ul', 'li']).toContain(tag);
      expect(r.text.div).not.toMatch(/<(script|img)/);
    }
    const organization = resources[0];
    expect(organization?.text.div).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;',
    );
    expect(organization?.text.div).toContain('&lt;/div&gt;&lt;img src=x&gt;');
  });

  it('keeps a narrative well-formed XML whatever characters the data holds', () => {
    // Lone surrogates, U+FFFE/U+FFFF and C0 controls are not XML characters: each becomes U+FFFD.
    const odd = 'A\uD800B\uDC00C\uFFFE\uFFFF\u0001D \u{1F600}';
    const org = { ...clinic.organization, name: odd };
    const div = fhirResources({ ...clinic, organization: org })[0]?.text.div ?? '';
    expect(div).toContain('A\uFFFDB\uFFFDC\uFFFD\uFFFD\uFFFDD \u{1F600}');
    // Only what XML 1.0 allows (production Char): tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and
    // astral characters as whole surrogate pairs.
    expect(div).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
  });

  it('names the Plan-Net profile of every resource and leaves out Location.mode', () => {
    const resources = fhirResources(clinic, { baseUrl: 'https://x.test' });
    for (const r of resources) {
      expect(r.meta.profile).toEqual([
        `http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-${r.resourceType}`,
      ]);
    }
    expect(resources.find((r) => r.resourceType === 'Location')).not.toHaveProperty('mode');
  });
});
