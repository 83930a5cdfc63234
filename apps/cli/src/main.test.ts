import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { memoryIo } from './test-support/memory-io.js';

const sample = readFileSync(
  fileURLToPath(import.meta.resolve('@ptfx/domain/sample-clinic.yaml')),
  'utf8',
);
const run = async (args: string[], options: Parameters<typeof memoryIo>[0] = {}) => {
  const io = memoryIo(options);
  const code = await main(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr(), written: io.written };
};

describe('ptfx', () => {
  it('prints help and the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ptfx <command> [options]');
    expect(help.stdout).toContain('  site build [FILE] --out DIR ');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+(-dev)?\n$|^0\.0\.0-dev\n$/);
    expect((await run([])).code).toBe(2);
  });

  it.each([
    ['validate', 'Usage: ptfx validate'],
    ['credentials', 'Usage: ptfx credentials <command>'],
    ['credentials lint', 'Usage: ptfx credentials lint'],
    ['credentials explain', 'Usage: ptfx credentials explain'],
    ['credentials list', 'Usage: ptfx credentials list'],
    ['credentials expiring', 'Usage: ptfx credentials expiring'],
    ['export', 'Usage: ptfx export'],
    ['site', 'Usage: ptfx site <command>'],
    ['site build', 'Usage: ptfx site build'],
  ])(
    'has help for %s, with examples',
    async (command, usage) => {
      const result = await run([...command.split(' '), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(usage);
      expect(result.stdout).toContain('Examples:');
      // The first command of the file loads its module graph cold (the domain with zod, the
      // formatters): under 1 s alone, past vitest's 5 s default while turbo runs every package's
      // suite at once on two cores.
    },
    30_000,
  );

  it.each([
    [['frobnicate'], 'ptfx: unknown command "frobnicate"; see `ptfx --help`\n'],
    [
      ['credentials'],
      'ptfx: credentials: give a subcommand: lint, explain, list or expiring; see `ptfx credentials --help`\n',
    ],
    [
      ['credentials', 'bogus'],
      'ptfx: credentials: unknown subcommand "bogus"; see `ptfx credentials --help`\n',
    ],
    [
      ['credentials', 'lint', '--frob'],
      "ptfx: credentials lint: unknown option '--frob'; see `ptfx credentials lint --help`\n",
    ],
    [
      ['credentials', 'lint', 'PT', '--as-of', 'tomorrow'],
      'ptfx: --as-of must be a date written YYYY-MM-DD, like 2026-11-27, got "tomorrow"\n',
    ],
    [
      ['credentials', 'lint', 'PT', '--state', 'Calif'],
      'ptfx: --state must be a USPS code like CA, got "Calif"\n',
    ],
    [
      ['credentials', 'lint', 'PT', '--fail-on', 'fatal'],
      'ptfx: --fail-on must be error, warning or info, got "fatal"\n',
    ],
    [
      ['export', 'x.yaml'],
      'ptfx: export: --format must be one of fhir, jsonld, vcard, json-schema\n',
    ],
  ])('refuses %j with exit 2 and one clear line', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
  });
});

describe('ptfx validate', () => {
  it('reports the sample clinic line by line', async () => {
    const result = await run(['validate', 'clinic.yaml', '--as-of', '2029-11-27'], {
      files: { 'clinic.yaml': sample },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "warning  clinic.yaml:102:24  therapists[0].credentialListing  no PT: the regulatory designation is the one mandatory credential  [missing-designation]
      warning  clinic.yaml:102:24  therapists[0].credentialListing  DPT is a degree and stands where PT belongs; a degree does not show licensure  [degree-as-designation]
      info  clinic.yaml:102:58  therapists[0].credentialListing  FAAOMPT is outside APTA's five categories; spell it out ("Fellow of the American Academy of Orthopaedic Manual Physical Therapists") or leave it out  [outside-apta-categories]
      info  clinic.yaml:102:67  therapists[0].credentialListing  COMT is outside APTA's five categories; spell it out ("Certified Orthopaedic Manual Therapist") or leave it out  [outside-apta-categories]
      warning  clinic.yaml:102:67  therapists[0].credentialListing  COMT is ambiguous: several bodies issue a COMT; the abbreviation alone does not say which; name the issuer in the structured credentials  [ambiguous-credential]
      info  clinic.yaml:102:73  therapists[0].credentialListing  CSCS is outside APTA's five categories; spell it out ("Certified Strength and Conditioning Specialist") or leave it out  [outside-apta-categories]
      warning  clinic.yaml  therapists[0].credentials[4]  CSCS expires on 2029-12-31, in 34 days  [expiring]
      warning  clinic.yaml:141:24  therapists[1].credentialListing  no PT: the regulatory designation is the one mandatory credential  [missing-designation]
      warning  clinic.yaml:141:24  therapists[1].credentialListing  DPT is a degree and stands where PT belongs; a degree does not show licensure  [degree-as-designation]
      info  clinic.yaml:141:58  therapists[1].credentialListing  PRPC is outside APTA's five categories; spell it out ("Pelvic Rehabilitation Practitioner Certification") or leave it out  [outside-apta-categories]

      clinic.yaml: 10 issues (4 outside-apta-categories, 2 degree-as-designation, 2 missing-designation, 1 ambiguous-credential, 1 expiring)
      "
    `);
    expect(
      (
        await run(['validate', 'clinic.yaml', '--fail-on', 'warning'], {
          files: { 'clinic.yaml': sample },
        })
      ).code,
    ).toBe(1);
  });

  it('judges expiry as of today in the clinic’s time zone, not the machine’s', async () => {
    // 00:30 UTC on New Year's Day 2030 is still 2029-12-31 in San Diego: CSCS expires that day.
    const newYear = { files: { 'clinic.yaml': sample }, now: new Date('2030-01-01T00:30:00Z') };
    const validate = await run(['validate', 'clinic.yaml', '--json'], newYear);
    const codes = JSON.parse(validate.stdout).issues.map((i: { code: string }) => i.code);
    expect(codes).toContain('expiring');
    expect(codes).not.toContain('expired');
    const expiring = await run(['credentials', 'expiring', 'clinic.yaml'], newYear);
    expect(expiring.stdout).toContain('CSCS       expires 2029-12-31 (in 0 days)');
  });

  it('reports schema problems with file:line:col and exits 1', async () => {
    const broken = sample
      .replace('postalCode: "92101"', 'postalCode: 92101')
      .replace('state: CA', 'state: Ca');
    const result = await run(['validate', 'clinic.yaml'], { files: { 'clinic.yaml': broken } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'clinic.yaml:45:14  locations[0].address.state  unknown state "Ca"; did you mean "CA"?  [unknown-state]',
    );
    expect(result.stdout).toContain('clinic.yaml:46:19  locations[0].address.postalCode');
  });

  it('reads stdin and writes JSON', async () => {
    const result = await run(['validate', '-', '--json', '--as-of', '2026-01-01'], {
      stdin: sample,
    });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ file: '<stdin>', ok: true });
    expect(report.issues.length).toBe(9);
  });

  it.each([
    [{}, [], 'ptfx: clinic.yaml: no such file\n'],
    [{}, ['dir'], 'ptfx: dir: is a directory; give a file\n'],
    [
      { 'bin.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]) },
      [],
      'ptfx: bin.yaml: looks like a binary file (it has NUL bytes); give a text file\n',
    ],
    [
      { 'latin1.yaml': Buffer.from('version: 1\nname: Caf\xe9\n', 'latin1') },
      [],
      'ptfx: latin1.yaml:2: not valid UTF-8; save the file as UTF-8\n',
    ],
    [
      { 'big.yaml': 'x'.repeat(5 * 1024 * 1024 + 1) },
      [],
      'ptfx: big.yaml: 5242881 bytes, over the 5 MiB limit for a data file\n',
    ],
    [
      { 'clinic.txt': 'x' },
      [],
      'ptfx: clinic.txt: a clinic data file must end in .yaml, .yml or .json\n',
    ],
  ])('refuses unreadable input with exit 2: %j', async (files, dirs, message) => {
    const file = Object.keys(files)[0] ?? dirs[0] ?? 'clinic.yaml';
    const result = await run(['validate', file], { files, dirs });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });
});

describe('ptfx credentials lint', () => {
  it('lints arguments and prints a summary', async () => {
    const result = await run([
      'credentials',
      'lint',
      'Jane Doe, DPT, PT',
      'Dr. Ana Ruiz, PTA',
      '--state',
      'CA',
      '--fix',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Jane Doe, DPT, PT
        col 16  warning  PT must come first, before DPT  [designation-not-first]
        fix: Jane Doe, PT, DPT
      Dr. Ana Ruiz, PTA
        col 1  error  a physical therapist assistant may not use "Dr."  [assistant-title]
        fix: Ana Ruiz, PTA

      2 listings checked, 1 at or above error: 1 assistant-title, 1 designation-not-first
      "
    `);
  });

  it('reads one listing per line from stdin and writes NDJSON', async () => {
    const result = await run(['credentials', 'lint', '--json'], {
      stdin: 'Jane Doe, PT, DPT\n\nJohn Roe, DPT, CMPTT\r\n',
    });
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.clean, l.fix])).toEqual([
      [1, true, null],
      [3, false, 'John Roe, PT, DPT, CMPTT'],
    ]);
    expect(
      lines[1].issues.find((i: { code: string }) => i.code === 'unknown-credential'),
    ).toMatchObject({ severity: 'warning', span: { start: 15, end: 20 }, fix: 'CMPT' });
    expect(result.stderr).toBe(
      '2 listings checked, 0 at or above error: 1 degree-as-designation, 1 missing-designation, 1 unknown-credential\n',
    );
  });

  it('reads a CSV roster with quoted fields, and per-row state and role', async () => {
    const csv =
      'name,listing,state,role\r\n"Doe, Jane","Jane Doe, PT, DPT",TX,PT\r\n"Ruiz, Ana","Dr. Ana Ruiz, ""PTA""",CA,PTA\r\n"Multi\nLine","John Roe,\nPT, DPT",,\r\n';
    const result = await run(['credentials', 'lint', '--file', 'staff.csv', '--json'], {
      files: { 'staff.csv': csv },
    });
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.line, r.name, r.clean])).toEqual([
      [2, 'Doe, Jane', true],
      [3, 'Ruiz, Ana', false],
      [4, 'Multi\nLine', true],
    ]);
    expect(
      rows[1].issues.map((i: { code: string; severity: string }) => `${i.severity}:${i.code}`),
    ).toContain('error:assistant-title');
    expect(result.code).toBe(1);
  });

  it('reads NDJSON and JSON rosters', async () => {
    const ndjson = '{"listing":"Jane Doe, PT, DPT"}\n{"listing":"Jane Doe, DPT","state":"TX"}\n';
    const fromNdjson = await run(['credentials', 'lint', '--file', 'r.ndjson'], {
      files: { 'r.ndjson': ndjson },
    });
    expect(fromNdjson.code).toBe(1);
    const fromJson = await run(['credentials', 'lint', '--file', 'r.json', '--json'], {
      files: { 'r.json': JSON.stringify(['Jane Doe, PT, DPT', { listing: 'PT, DPT' }]) },
    });
    expect(fromJson.stdout.trim().split('\n')).toHaveLength(2);
  });

  it.each([
    [
      'a CSV with no listing column',
      'r.csv',
      'name,credentials\nJane,PT\n',
      'ptfx: r.csv:1: the header has no "listing" column (it has: name, credentials); name the column with the credential listings "listing"\n',
    ],
    [
      'a CSV with an unterminated quote',
      'r.csv',
      'listing\n"PT, DPT\n',
      'ptfx: r.csv:2: a quoted field is never closed (unterminated quote)\n',
    ],
    [
      'a CSV row with too many fields',
      'r.csv',
      'listing\nPT, DPT\n',
      'ptfx: r.csv:2: 2 fields where the header has 1; quote fields that contain commas\n',
    ],
    [
      'a bad state in a row',
      'r.csv',
      'listing,state\nPT,Texas\n',
      'ptfx: r.csv:2: unknown state "Texas"; did you mean "TX"?\n',
    ],
    [
      'bad NDJSON',
      'r.ndjson',
      '{"listing":"PT"}\n{oops}\n',
      'ptfx: r.ndjson:2: not valid JSON; each line must be one JSON object\n',
    ],
    [
      'an unknown roster type',
      'r.xlsx',
      'x',
      'ptfx: r.xlsx: a roster must be .csv, .ndjson or .json\n',
    ],
    [
      'a binary roster',
      'r.csv',
      Buffer.from([0, 1, 2, 3]),
      'ptfx: r.csv: looks like a binary file (it has NUL bytes); give a text file\n',
    ],
  ])('refuses %s with exit 2', async (_name, file, content, message) => {
    const result = await run(['credentials', 'lint', '--file', file], {
      files: { [file]: content },
    });
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(2);
  });

  it('colours only on a terminal without NO_COLOR', async () => {
    const plain = await run(['credentials', 'lint', 'DPT'], { tty: false });
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await run(['credentials', 'lint', 'DPT'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[');
    const noColor = await run(['credentials', 'lint', 'DPT'], {
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});

describe('ptfx credentials explain, list, expiring', () => {
  it('explains a credential', async () => {
    const result = await run(['credentials', 'explain', 'CSCS']);
    expect(result.stdout).toContain('Certified Strength and Conditioning Specialist');
    expect(result.stdout).toContain('shared 3-year cycles ending Dec 31 (…, 2023, 2026, 2029, …)');
    expect(result.stdout).toContain('outside the five categories');
    const unknown = await run(['credentials', 'explain', 'CMPTT']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'ptfx: "CMPTT" is not in the credential catalog; did you mean "CMPT"?; `ptfx credentials list` lists them\n',
    );
  });

  it('lists the catalog, by kind', async () => {
    const result = await run(['credentials', 'list', '--kind', 'abpts-specialist', '--json']);
    expect(result.stdout.trim().split('\n')).toHaveLength(10);
    expect((await run(['credentials', 'list', '--kind', 'nope'])).code).toBe(2);
  });

  it('lists expiring credentials, soonest first', async () => {
    const result = await run(
      ['credentials', 'expiring', 'clinic.yaml', '--within', '400d', '--as-of', '2029-11-27'],
      { files: { 'clinic.yaml': sample } },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Dr. Mark Shulman         CSCS       expires 2029-12-31 (in 34 days)
      Dr. Allison McKay        PT         expires 2030-03-31 (in 124 days)
      Dr. Mark Shulman         PT         expires 2030-08-31 (in 277 days)

      3 credentials expiring within 400 days of 2029-11-27 or expired
      "
    `);
    expect(
      (
        await run(['credentials', 'expiring', 'clinic.yaml', '--within', 'soon'], {
          files: { 'clinic.yaml': sample },
        })
      ).code,
    ).toBe(2);
  });
});

describe('ptfx export', () => {
  it.each([
    ['fhir', '"resourceType": "Bundle"'],
    ['jsonld', '"@context":"https://schema.org"'],
    ['vcard', 'BEGIN:VCARD\r\nVERSION:4.0'],
    ['json-schema', '"$schema": "https://json-schema.org/draft/2020-12/schema"'],
  ])('writes %s', async (format, expected) => {
    const result = await run(['export', 'clinic.yaml', '--format', format], {
      files: { 'clinic.yaml': sample },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it('writes to --out, and refuses an invalid clinic with its issues', async () => {
    const result = await run(
      ['export', 'clinic.yaml', '--format', 'fhir', '--out', 'bundle.json'],
      { files: { 'clinic.yaml': sample } },
    );
    expect(result.written.get('bundle.json')).toContain('"Practitioner"');
    const bad = await run(['export', 'clinic.yaml', '--format', 'fhir'], {
      files: { 'clinic.yaml': sample.replace('npi: "1748392069"', 'npi: "1748392068"') },
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'clinic.yaml:120:10  therapists[0].npi  NPI "1748392068" fails the CMS check digit',
    );
  });

  it('gives FHIR licences their status as of --as-of (a lapsed one is inactive)', async () => {
    const statuses = async (asOf: string) => {
      const result = await run(['export', 'clinic.yaml', '--format', 'fhir', '--as-of', asOf], {
        files: { 'clinic.yaml': sample },
      });
      expect(result.code).toBe(0);
      return [...result.stdout.matchAll(/"url": "status",\s*"valueCode": "(\w+)"/g)].map(
        (m) => m[1],
      );
    };
    // The sample's licences: Mark Shulman's runs to 2030-08-31, Allison McKay's to 2030-03-31.
    expect(await statuses('2030-01-01')).toEqual(['active', 'active']);
    expect(await statuses('2030-06-01')).toEqual(['active', 'inactive']);
    const bad = await run(['export', 'clinic.yaml', '--format', 'fhir', '--as-of', '2030-02-30'], {
      files: { 'clinic.yaml': sample },
    });
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toBe(
      'ptfx: --as-of must be a date written YYYY-MM-DD, like 2026-11-27, got "2030-02-30"\n',
    );
  });

  it('adds the FHIR API’s Endpoint only at a --base-url given', async () => {
    const endpoints = async (...extra: string[]) => {
      const result = await run(['export', 'clinic.yaml', '--format', 'fhir', ...extra], {
        files: { 'clinic.yaml': sample },
      });
      expect(result.code).toBe(0);
      const bundle = JSON.parse(result.stdout) as {
        entry: { fullUrl: string; resource: { resourceType: string; address?: string } }[];
      };
      return bundle.entry
        .filter((e) => e.resource.resourceType === 'Endpoint')
        .map((e) => [e.fullUrl, e.resource.address]);
    };
    expect(await endpoints()).toEqual([]);
    expect(await endpoints('--base-url', 'https://api.example-pt.com/fhir/r4')).toEqual([
      [
        'https://api.example-pt.com/fhir/r4/Endpoint/pt-effect-fhir',
        'https://api.example-pt.com/fhir/r4',
      ],
    ]);
  });

  it('refuses a --base-url that is not an absolute http(s) URL without query', async () => {
    for (const [url, message] of [
      ['www.example.com', 'must be an absolute http(s) URL like https://www.example.com'],
      ['ftp://x.test', 'must be an absolute http(s) URL like https://www.example.com'],
      ['https://x.test/fhir?a=1', 'must have no query (?…) or fragment (#…)'],
      ['https://user:pw@x.test/fhir', 'must not carry a user name or password'],
    ] as const) {
      const result = await run(['export', 'clinic.yaml', '--format', 'fhir', '--base-url', url], {
        files: { 'clinic.yaml': sample },
      });
      expect(result.code, url).toBe(2);
      expect(result.stderr).toBe(`ptfx: --base-url ${message}, got "${url}"\n`);
    }
  });
});
