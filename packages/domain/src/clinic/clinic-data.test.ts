import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findContactChannel } from '../contact/find-contact-channel.js';
import { formatPhoneNumber } from '../contact/phone-number.js';
import { articleReadTime } from '../content/read-time.js';
import { formatPath, type Issue } from '../shared/issue.js';
import { lineOf, replaceOnce, sampleClinicYaml as yaml } from '../test-support/sample-clinic.js';
import { MAX_CLINIC_DATA_LENGTH, parseClinicData } from './clinic-data.js';

const summary = (issues: readonly Issue[]) =>
  issues.map((i) => ({ code: i.code, path: formatPath(i.path), line: i.position?.line }));

describe('the sample clinic', () => {
  const result = parseClinicData(yaml, { format: 'yaml' });

  it('parses with no issue at all', () => {
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('holds the facts of the page', () => {
    if (!result.ok) throw new Error('sample clinic must parse');
    const clinic = result.value;
    const location = clinic.locations[0];
    expect(clinic.organization.name).toBe('The Physical Therapy Effect');
    expect(location?.address).toEqual({
      lines: ['1601 Kettner Blvd Suite 11'],
      city: 'San Diego',
      state: 'CA',
      postalCode: '92101',
      country: 'US',
    });
    const phone = location && findContactChannel(location.contact, 'phone', 'appointments');
    const fax = location && findContactChannel(location.contact, 'fax', 'referrals');
    expect(phone?.value).toBe('+16195441055');
    expect(fax && formatPhoneNumber(fax.value)).toBe('(619) 544-1056');
    expect(
      clinic.therapists.map((t) => [
        t.honorificPrefix,
        t.name.given,
        t.name.family,
        t.credentialListing,
      ]),
    ).toEqual([
      ['Dr.', 'Mark', 'Shulman', 'Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS'],
      ['Dr.', 'Allison', 'McKay', 'Doctor of Physical Therapy (DPT), PRPC'],
    ]);
    expect(clinic.conditions[0]?.facts[0]?.figure).toEqual({ value: 80, unit: 'percent' });
    expect(clinic.bookingPath?.steps.map((s) => s.text)).toEqual([
      'Call or message us to book your appointment',
      'We’ll work with you to get you painfree again',
      'Regain your freedom & pain free lifestyle',
    ]);
    expect(clinic.programs.map((p) => p.audience)).toEqual(['veterans']);
    expect(clinic.treatments.map((t) => t.slug)).toEqual([
      'evaluation',
      'strengthening-exercise',
      'stretching',
      'massage',
      'electrical-stimulation',
      'education-and-home-exercise',
    ]);
  });

  it('computes the read time the page displays', () => {
    if (!result.ok) throw new Error('sample clinic must parse');
    const article = result.value.articles[0];
    expect(article?.published).toBe('2022-10-24');
    expect(article && articleReadTime(article)).toBe(3);
    expect(article?.displayedReadTime).toBe(3);
  });

  it('parses the same from JSON', () => {
    const json = JSON.stringify(parseDocument(yaml).toJS(), null, 2);
    const fromJson = parseClinicData(json, { format: 'json' });
    expect(fromJson.issues).toEqual([]);
    expect(fromJson.value).toEqual(result.value);
  });
});

// One mistake per row: how to make it in the sample, and the issue it must produce.
const mistakes: {
  name: string;
  edit: (text: string) => string;
  code: string;
  path: string;
  line: (text: string) => number;
  fix?: string;
}[] = [
  {
    name: 'unknown key',
    edit: (t) =>
      replaceOnce(
        t,
        '    acceptingNewPatients: true',
        '    acceptingNewPatients: true\n    acceptsNewPatients: true',
      ),
    code: 'unknown-key',
    path: 'locations[0].acceptsNewPatients',
    line: (t) => lineOf(t, 'acceptsNewPatients'),
  },
  {
    name: 'wrong type',
    edit: (t) => replaceOnce(t, 'acceptingNewPatients: true', 'acceptingNewPatients: "yes"'),
    code: 'invalid-type',
    path: 'locations[0].acceptingNewPatients',
    line: (t) => lineOf(t, 'acceptingNewPatients: "yes"'),
  },
  {
    name: 'bad phone',
    edit: (t) => replaceOnce(t, 'value: (619) 544-1055', 'value: (119) 544-1055', 'locations:'),
    code: 'invalid-phone',
    path: 'locations[0].contact[0].value',
    line: (t) => lineOf(t, '(119) 544-1055'),
  },
  {
    name: 'bad ZIP',
    edit: (t) => replaceOnce(t, 'postalCode: "92101"', 'postalCode: "9210"'),
    code: 'invalid-format',
    path: 'locations[0].address.postalCode',
    line: (t) => lineOf(t, 'postalCode'),
  },
  {
    name: 'ZIP written as a number',
    edit: (t) => replaceOnce(t, 'postalCode: "92101"', 'postalCode: 92101'),
    code: 'invalid-type',
    path: 'locations[0].address.postalCode',
    line: (t) => lineOf(t, 'postalCode'),
    fix: '"92101"',
  },
  {
    name: 'unknown state',
    edit: (t) => replaceOnce(t, 'state: CA', 'state: Ca'),
    code: 'unknown-state',
    path: 'locations[0].address.state',
    line: (t) => lineOf(t, 'state: Ca'),
    fix: 'CA',
  },
  {
    name: 'unknown slug reference',
    edit: (t) => replaceOnce(t, '      - massage', '      - massages', 'therapists:'),
    code: 'unknown-reference',
    path: 'therapists[0].treatments[3]',
    line: (t) => lineOf(t, '- massages'),
    fix: 'massage',
  },
  {
    name: 'duplicate slug',
    edit: (t) => replaceOnce(t, 'slug: allison-mckay', 'slug: mark-shulman'),
    code: 'duplicate-slug',
    path: 'therapists[1].slug',
    line: (t) => lineOf(t, 'slug: mark-shulman', 'Strength and Conditioning'),
  },
  {
    name: 'over-long string',
    edit: (t) => replaceOnce(t, 'name: San Diego', `name: ${'San Diego '.repeat(20).trim()}`),
    code: 'too-long',
    path: 'locations[0].name',
    line: (t) => lineOf(t, 'name: San Diego San Diego'),
  },
  {
    name: 'invalid NPI',
    edit: (t) => replaceOnce(t, 'npi: "1748392069"', 'npi: "1748392068"'),
    code: 'invalid-npi',
    path: 'therapists[0].npi',
    line: (t) => lineOf(t, '1748392068'),
  },
  {
    name: 'missing required field',
    edit: (t) => replaceOnce(t, '    role: PT\n', '', 'slug: allison-mckay'),
    code: 'missing',
    path: 'therapists[1].role',
    line: (t) => lineOf(t, '- slug: allison-mckay'),
  },
  {
    name: 'unknown enum value',
    edit: (t) => replaceOnce(t, 'category: modality', 'category: modalities'),
    code: 'invalid-value',
    path: 'treatments[4].category',
    line: (t) => lineOf(t, 'category: modalities'),
  },
  {
    name: 'bad time zone',
    edit: (t) => replaceOnce(t, 'timeZone: America/Los_Angeles', 'timeZone: PST'),
    code: 'unknown-time-zone',
    path: 'locations[0].timeZone',
    line: (t) => lineOf(t, 'timeZone: PST'),
  },
  {
    name: 'malformed YAML (tab indentation)',
    edit: (t) => replaceOnce(t, '    role: PT\n', '\trole: PT\n'),
    code: 'syntax-error',
    path: '(root)',
    line: (t) => lineOf(t, '\trole: PT'),
  },
  {
    // The parser can only notice the missing "}" where the next line starts.
    name: 'malformed YAML (unclosed brace)',
    edit: (t) =>
      replaceOnce(
        t,
        'name: { given: Mark, family: Shulman }',
        'name: { given: Mark, family: Shulman',
      ),
    code: 'syntax-error',
    path: '(root)',
    line: (t) => lineOf(t, 'family: Shulman\n') + 1,
  },
  {
    name: 'duplicate key',
    edit: (t) => replaceOnce(t, '    role: PT\n', '    role: PT\n    role: PTA\n'),
    code: 'duplicate-key',
    path: '(root)',
    line: (t) => lineOf(t, 'role: PTA'),
  },
];

describe('a clinic file with one mistake', () => {
  it.each(mistakes)('$name → $code at $path', ({ edit, code, path, line, fix }) => {
    const text = edit(yaml);
    const result = parseClinicData(text, { format: 'yaml' });
    expect(result.ok).toBe(false);
    const found = result.issues.find((i) => i.code === code);
    expect(summary(result.issues)).toContainEqual({ code, path, line: line(text) });
    expect(found?.message).toMatch(/\S/);
    expect(found?.message).not.toMatch(/^Invalid input/);
    if (fix !== undefined) expect(found?.fix).toBe(fix);
  });

  it('reports every mistake at once, each on its line', () => {
    let text = yaml;
    const skip = ['syntax-error', 'duplicate-key', 'invalid-type', 'duplicate-slug'];
    for (const m of mistakes.filter((m) => !skip.includes(m.code))) {
      text = m.edit(text);
    }
    const result = parseClinicData(text, { format: 'yaml' });
    const codes = new Set(result.issues.map((i) => i.code));
    for (const code of [
      'unknown-key',
      'invalid-phone',
      'unknown-state',
      'too-long',
      'invalid-npi',
      'missing',
    ]) {
      expect(codes).toContain(code);
    }
    expect(result.issues.every((i) => i.position !== undefined)).toBe(true);
  });
});

describe('malformed and hostile input', () => {
  it('reports malformed JSON with its line and column', () => {
    const result = parseClinicData('{\n  "version": 1,\n  "organization": }\n', { format: 'json' });
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: 'syntax-error',
      message: 'malformed JSON: expected a value, found "}"',
      position: { line: 3, column: 19 },
    });
  });

  it('refuses duplicate keys in JSON, which JSON.parse would silently drop', () => {
    const result = parseClinicData('{"version": 1,\n "version": 1}', { format: 'json' });
    expect(summary(result.issues)).toEqual([{ code: 'duplicate-key', path: '(root)', line: 2 }]);
  });

  it('refuses YAML that is not JSON when the format is JSON', () => {
    const result = parseClinicData('version: 1\n', { format: 'json' });
    expect(result.issues.map((i) => i.code)).toEqual(['syntax-error']);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a comment only', '# nothing\n', 'empty'],
    ['a list', '- 1\n- 2\n', 'invalid-type'],
    ['a scalar', 'hello\n', 'invalid-type'],
    ['two documents', 'version: 1\n---\nversion: 1\n', 'syntax-error'],
  ])('%s gives a %s issue', (_name, text, code) => {
    const result = parseClinicData(text, { format: 'yaml' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain(code);
  });

  it('stops a YAML alias bomb instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const result = parseClinicData(`${lines.join('\n')}\n`, { format: 'yaml' });
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(/cannot be expanded/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = parseClinicData(`# ${'x'.repeat(MAX_CLINIC_DATA_LENGTH)}`, { format: 'yaml' });
    expect(result.issues.map((i) => i.code)).toEqual(['too-large']);
  });

  it('warns when the displayed read time disagrees with the text', () => {
    const result = parseClinicData(
      replaceOnce(yaml, 'displayedReadTime: 3', 'displayedReadTime: 5'),
      { format: 'yaml' },
    );
    expect(result.ok).toBe(true);
    expect(summary(result.issues)).toEqual([
      {
        code: 'read-time-mismatch',
        path: 'articles[0].displayedReadTime',
        line: lineOf(yaml, 'displayedReadTime'),
      },
    ]);
    expect(result.issues[0]).toMatchObject({ severity: 'warning', fix: '3' });
  });
});

describe('structured credentials', () => {
  it('warns about an abbreviation the catalog does not know, with a suggestion', () => {
    const text = replaceOnce(yaml, 'abbreviation: PRPC', 'abbreviation: PRCP');
    const result = parseClinicData(text, { format: 'yaml' });
    expect(result.ok).toBe(true);
    expect(summary(result.issues)).toEqual([
      {
        code: 'unknown-credential',
        path: 'therapists[1].credentials[2].abbreviation',
        line: lineOf(text, 'PRCP'),
      },
    ]);
    expect(result.issues[0]?.fix).toBe('PRPC');
  });
});

describe('parseClinicData without options, and from plain JavaScript', () => {
  const fromYaml = parseClinicData(yaml, { format: 'yaml' });
  // What an untyped caller can pass; the parser must judge it, not throw.
  const judge = (...args: unknown[]): ReturnType<typeof parseClinicData> =>
    Reflect.apply(parseClinicData, undefined, args);

  it('tells JSON from YAML by the first character', () => {
    expect(parseClinicData(yaml)).toEqual(fromYaml);
    const json = JSON.stringify(parseDocument(yaml).toJS(), null, 2);
    expect(parseClinicData(`\n  ${json}`).value).toEqual(fromYaml.value);
    // Read as JSON, a JSON mistake gets JSON's message and place.
    const [broken] = parseClinicData('{\n  "version": 1,\n  "organization": }\n').issues;
    expect(broken?.message).toMatch(/^malformed JSON/);
    expect(broken?.position).toEqual({ line: 3, column: 19 });
    // A YAML file that does not open with { or [ is YAML.
    expect(parseClinicData('version: 1\n').issues.some((i) => i.code === 'syntax-error')).toBe(
      false,
    );
  });

  it('judges what is not text, or options that are not the documented ones', () => {
    const issues = (...args: unknown[]) =>
      judge(...args).issues.map((i) => `${i.code} ${formatPath(i.path)} ${i.message}`);
    expect(judge(undefined).ok).toBe(false);
    expect(issues(42)).toMatchInlineSnapshot(`
      [
        "invalid-argument (root) the clinic data must be text (the file's contents, read as UTF-8), got 42",
      ]
    `);
    expect(issues(yaml, { format: 'xml' })).toMatchInlineSnapshot(`
      [
        "invalid-argument (root) options.format: expected one of "yaml", "json", got "xml"",
      ]
    `);
    expect(issues(yaml, { fromat: 'json' })).toMatchInlineSnapshot(`
      [
        "invalid-argument (root) options.fromat: not an option; the options are format",
      ]
    `);
    expect(issues(yaml, 'yaml')).toMatchInlineSnapshot(`
      [
        "invalid-argument (root) options: expected an object of options or undefined, got "yaml"",
      ]
    `);
  });
});
