import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseClinicData } from '@ptfx/domain';
import { renderSite } from '@ptfx/site';
import { describe, expect, it } from 'vitest';
import { main } from '../../main.js';
import { memoryIo, tempDirIo } from '../../test-support/memory-io.js';
import {
  BASE,
  siteBuild as build,
  contents,
  freshFolders,
  sample,
  tree,
} from '../../test-support/site-build.js';

const folder = freshFolders('ptfx-site-build-');

const expectedSite = (clinic: string, options: { apiUrl?: string; asOf?: string } = {}) => {
  const parsed = parseClinicData(clinic, { format: 'yaml' });
  if (!parsed.ok) throw new Error('test clinic does not parse');
  return renderSite(parsed.value, {
    baseUrl: BASE,
    apiUrl: options.apiUrl ?? '',
    asOf: options.asOf ?? '2029-11-27',
  });
};

// Mark Shulman's listing without the degree written out: "Dr." in California then breaks
// Business & Professions Code §2633(b)(2).
const breaksTitleLaw = sample.replace(
  'credentialListing: Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
  'credentialListing: DPT, FAAOMPT, COMT, CSCS',
);

describe('ptfx site build', () => {
  it('writes every page renderSite gives, byte for byte, with _headers and a manifest', async () => {
    const out = join(folder(), 'site');
    const result = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      `${BASE}/`,
      '--as-of',
      '2029-11-27',
    ]);
    expect(result.code).toBe(0);
    const site = expectedSite(sample);
    expect(tree(out)).toEqual(
      [...site.pages.map((p) => p.file), '_headers', '.ptfx-site.json'].sort(),
    );
    for (const page of site.pages)
      expect(Buffer.compare(readFileSync(join(out, page.file)), page.bytes), page.file).toBe(0);
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    expect(headers).toContain(`/*\n  Content-Security-Policy: ${site.contentSecurityPolicy}\n`);
    for (const asset of site.pages.filter((p) => p.kind === 'asset'))
      expect(headers).toContain(
        `${asset.path}\n  Cache-Control: public, max-age=31536000, immutable\n`,
      );
    const manifest = JSON.parse(readFileSync(join(out, '.ptfx-site.json'), 'utf8'));
    expect(manifest).toMatchObject({
      generator: 'ptfx site build',
      source: 'clinic.yaml',
      baseUrl: BASE,
      apiUrl: '',
      asOf: '2029-11-27',
    });
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual([
      ...site.pages.map((p) => p.file),
      '_headers',
    ]);
    // Nothing left beside it: the staging folder was renamed into place.
    expect(readdirSync(folder())).toEqual(['site']);
    expect(result.stdout).toContain(
      `The Physical Therapy Effect: the site as of 2029-11-27, in ${out}/\n`,
    );
    expect(result.stdout).toMatch(
      /\n\d+ files, [\d.]+ (B|KiB); home page [\d.]+ (B|KiB) gzipped, [\d.]+ (B|KiB) with its CSS and JS\n/,
    );
    // The summary counts every warning line printed: the listings' and the no---api-url note.
    const printed = result.stderr.split('\n').filter((l) => /^\S*warning\S*\s/.test(l)).length;
    expect(printed).toBe(7);
    expect(result.stdout).toContain(
      `Base URL ${BASE}; the form posts to /v1/consultation-requests on the same origin; 7 warnings\n`,
    );
  });

  it('prints the listings’ warnings as ptfx validate does, and builds', async () => {
    const out = join(folder(), 'site');
    const result = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--as-of',
      '2029-11-27',
    ]);
    const validate = memoryIo({ files: { 'clinic.yaml': sample } });
    await main(['validate', 'clinic.yaml', '--as-of', '2029-11-27'], validate.io);
    const validateWarnings = validate
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('warning  '));
    expect(validateWarnings).toHaveLength(6);
    for (const line of validateWarnings) expect(result.stderr).toContain(`${line}\n`);
    expect(result.stderr).toContain(
      "warning  no --api-url: the consultation form posts to /v1/consultation-requests on the site's own origin",
    );
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('stops on bad data with the file:line messages of ptfx validate, writing nothing', async () => {
    const broken = sample
      .replace('postalCode: "92101"', 'postalCode: 92101')
      .replace('state: CA', 'state: Ca');
    const out = join(folder(), 'site');
    const result = await build(['clinic.yaml', '--out', out, '--base-url', BASE], {
      clinic: broken,
    });
    expect(result.code).toBe(1);
    const validate = memoryIo({ files: { 'clinic.yaml': broken } });
    await main(['validate', 'clinic.yaml'], validate.io);
    const lines = validate
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('error  '));
    expect(lines.length).toBeGreaterThan(0);
    expect(result.stderr).toContain(
      'error  clinic.yaml:45:14  locations[0].address.state  unknown state "Ca"; did you mean "CA"?  [unknown-state]\n',
    );
    for (const line of lines) expect(result.stderr).toContain(`${line}\n`);
    expect(result.stderr).toMatch(
      new RegExp(
        `\\nsite build stopped: clinic.yaml has \\d+ errors; nothing was written to ${out}. Fix the data and build again\\n$`,
      ),
    );
    expect(result.stdout).toBe('');
    expect(readdirSync(folder())).toEqual([]);
  });

  it('stops on a listing that breaks a title law, naming it, its fix and the law; the old site stays', async () => {
    const out = join(folder(), 'site');
    expect((await build(['clinic.yaml', '--out', out, '--base-url', BASE])).code).toBe(0);
    const before = contents(out);
    const result = await build(
      ['clinic.yaml', '--out', out, '--base-url', BASE, '--as-of', '2029-11-27'],
      {
        clinic: breaksTitleLaw,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(
      result.stderr,
    ).toContain(`error  clinic.yaml:102:24  therapists[0].credentialListing  in California "Dr." needs the doctoral degree written out right after the name, e.g. "Doctor of Physical Therapy"  [title-requires-spelled-out-degree]
  therapist mark-shulman, the listing as the site would show it, under CA title law:
    Dr. Mark Shulman, DPT, FAAOMPT, COMT, CSCS
    ^^^
  fix: Dr. Mark Shulman, Doctor of Physical Therapy, PT, Fellow of the American Academy of Orthopaedic Manual Physical Therapists, Certified Orthopaedic Manual Therapist, Certified Strength and Conditioning Specialist
  source: California Business & Professions Code §2633(b)(2): https://california.public.law/codes/ca_bus_and_prof_code_section_2633
`);
    expect(result.stderr).toContain(
      `\nsite build stopped: 1 error in 1 credential listing (as of 2029-11-27); the site never publishes a listing that breaks a rule; nothing was written to ${out}. Fix the data and build again\n`,
    );
    expect(contents(out)).toEqual(before);
    expect(readdirSync(folder())).toEqual(['site']);
  });

  it('stops on a listed credential that has expired as of --as-of', async () => {
    const out = join(folder(), 'site');
    const result = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--as-of',
      '2030-01-15',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error  clinic.yaml  therapists[0].credentials[4]  CSCS expired on 2029-12-31  [expired]\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('colours the stopped build only on a terminal without NO_COLOR', async () => {
    const args = ['clinic.yaml', '--out', join(folder(), 'x'), '--base-url', BASE];
    const plain = await build(args, { clinic: breaksTitleLaw });
    expect(plain.stderr).not.toContain('\u001b[');
    const tty = await build(args, { clinic: breaksTitleLaw, tty: true });
    expect(tty.stderr).toContain('\u001b[31m^^^\u001b[39m');
    const noColor = await build(args, {
      clinic: breaksTitleLaw,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stderr).not.toContain('\u001b[');
  });

  it('judges listings as of today in the clinic’s zone by default', async () => {
    // 2027-01-01 00:30 UTC is still 2029-12-31 in San Diego: CSCS has not expired there yet.
    const out = join(folder(), 'site');
    const result = await build(['clinic.yaml', '--out', out, '--base-url', BASE, '--json'], {
      now: new Date('2030-01-01T00:30:00Z'),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).asOf).toBe('2029-12-31');
    const later = await build(['clinic.yaml', '--out', out, '--base-url', BASE], {
      now: new Date('2030-01-01T08:30:00Z'),
    });
    expect(later.code).toBe(1);
    expect(later.stderr).toContain('[expired]');
  });

  it('puts --api-url in the form action and the Content-Security-Policy', async () => {
    const out = join(folder(), 'site');
    const result = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--api-url',
      'https://API.example-pt.com:8443/',
      '--as-of',
      '2029-11-27',
    ]);
    expect(result.code).toBe(0);
    const api = 'https://api.example-pt.com:8443';
    expect(result.stderr).not.toContain('no --api-url');
    expect(result.stdout).toContain(`the form posts to ${api}/v1/consultation-requests`);
    const site = expectedSite(sample, { apiUrl: api });
    expect(site.contentSecurityPolicy).toContain(`form-action 'self' ${api}`);
    expect(readFileSync(join(out, '_headers'), 'utf8')).toContain(
      `Content-Security-Policy: ${site.contentSecurityPolicy}\n`,
    );
    const booking = readFileSync(join(out, 'booking', 'index.html'), 'utf8');
    expect(booking).toMatch(
      new RegExp(
        `<form[^>]* id="consultation-form"[^>]* action="${api}/v1/consultation-requests"|<form[^>]* action="${api}/v1/consultation-requests"[^>]* id="consultation-form"`,
      ),
    );
  });

  it('refuses an http API for an https site (mixed content), but not a loopback one', async () => {
    const out = join(folder(), 'site');
    const mixed = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--api-url',
      'http://api.example-pt.com',
    ]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      `ptfx: --api-url http://api.example-pt.com is http:// but the site (${BASE}) is https://: browsers block the form's requests to it as mixed content; give the API's https:// origin\n`,
    );
    expect(existsSync(out)).toBe(false);
    const local = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--api-url',
      'http://127.0.0.1:3000',
    ]);
    expect(local.code).toBe(0);
  });

  it('takes the base URL from organization.website when --base-url is not given', async () => {
    const withSite = sample.replace(
      '  alternateName: PT Effect\n',
      '  alternateName: PT Effect\n  website: https://www.PTEffect.example/clinic/\n',
    );
    const out = join(folder(), 'site');
    const result = await build(['clinic.yaml', '--out', out, '--json'], { clinic: withSite });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).baseUrl).toBe('https://www.pteffect.example/clinic');
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(
      'https://www.pteffect.example/clinic/sitemap.xml',
    );
    const without = await build(['clinic.yaml', '--out', join(folder(), 'other')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toBe(
      'ptfx: site build: give --base-url, the address the site will be served at (like https://www.example.com): canonical links, the sitemap and JSON-LD need it, and the data has no organization.website\n',
    );
    expect(existsSync(join(folder(), 'other'))).toBe(false);
  });

  it('builds ./clinic.yaml without FILE, else the embedded sample, saying so', async () => {
    const own = sample.replace('name: The Physical Therapy Effect', 'name: Own Clinic PT');
    const fromCwd = await build(['--out', join(folder(), 'a'), '--base-url', BASE], {
      clinic: own,
    });
    expect(fromCwd.stdout).toContain('Own Clinic PT: the site');
    expect(fromCwd.stderr).not.toContain('embedded sample');
    const io = await tempDirIo();
    const code = await main(
      ['site', 'build', '--out', join(folder(), 'b'), '--base-url', BASE],
      io.io,
    );
    expect(code).toBe(0);
    expect(io.stderr()).toContain(
      'No clinic file given and no clinic.yaml here: building the embedded sample clinic.\n',
    );
    expect(io.stdout()).toContain('The Physical Therapy Effect: the site');
    expect(JSON.parse(readFileSync(join(folder(), 'b', '.ptfx-site.json'), 'utf8')).source).toBe(
      '@ptfx/domain/sample-clinic.yaml',
    );
  });

  it('gives a machine-readable manifest with --json', async () => {
    const out = join(folder(), 'site');
    const result = await build([
      'clinic.yaml',
      '--out',
      out,
      '--base-url',
      BASE,
      '--as-of',
      '2029-11-27',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'ok',
      'out',
      'generator',
      'version',
      'source',
      'baseUrl',
      'apiUrl',
      'asOf',
      'files',
      'totalBytes',
      'home',
      'warnings',
      'notes',
    ]);
    expect(report).toMatchObject({ ok: true, out, source: 'clinic.yaml', asOf: '2029-11-27' });
    const onDisk = JSON.parse(readFileSync(join(out, '.ptfx-site.json'), 'utf8'));
    expect(report.files).toEqual(onDisk.files);
    for (const f of report.files) {
      expect(f).toEqual(
        expect.objectContaining({ file: expect.any(String), bytes: expect.any(Number) }),
      );
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(out, f.file)).size).toBe(f.bytes);
    }
    expect(report.totalBytes).toBe(
      report.files.reduce((s: number, f: { bytes: number }) => s + f.bytes, 0) +
        statSync(join(out, '.ptfx-site.json')).size,
    );
    expect(report.home.file).toBe('index.html');
    expect(report.home.gzipBytes).toBeGreaterThan(0);
    expect(report.home.withAssetsGzipBytes).toBeGreaterThanOrEqual(report.home.gzipBytes);
    expect(report.warnings).toHaveLength(6);
    expect(report.warnings[0]).toMatchObject({
      code: 'missing-designation',
      severity: 'warning',
      path: ['therapists', 0, 'credentialListing'],
      position: { line: 102, column: 24 },
      therapist: 'mark-shulman',
      listing: 'Dr. Mark Shulman, Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
      jurisdiction: 'CA',
    });
    expect(report.notes).toEqual([expect.stringContaining('no --api-url')]);

    const stopped = await build(
      [
        'clinic.yaml',
        '--out',
        join(folder(), 'x'),
        '--base-url',
        BASE,
        '--json',
        '--as-of',
        '2029-11-27',
      ],
      { clinic: breaksTitleLaw },
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toBe('');
    const failure = JSON.parse(stopped.stdout);
    expect(failure).toMatchObject({ ok: false, file: 'clinic.yaml' });
    expect(failure.issues).toContainEqual(
      expect.objectContaining({
        code: 'title-requires-spelled-out-degree',
        severity: 'error',
        therapist: 'mark-shulman',
        span: { start: 0, end: 3 },
      }),
    );
  });

  it.each([
    [
      [],
      'ptfx: site build: give --out DIR, the folder to write the site to; see `ptfx site build --help`\n',
    ],
    [
      ['--out', 'x', '--base-url', 'www.example.com'],
      'ptfx: --base-url must be an absolute http(s) URL like https://www.example.com, got "www.example.com"\n',
    ],
    [
      ['--out', 'x', '--base-url', 'https://user:pw@example.com'],
      'ptfx: --base-url must not carry a user name or password, got "https://user:pw@example.com"\n',
    ],
    [
      ['--out', 'x', '--base-url', 'https://example.com/#top'],
      'ptfx: --base-url must have no query (?…) or fragment (#…), got "https://example.com/#top"\n',
    ],
    [
      ['--out', 'x', '--api-url', 'https://api.example.com/v1'],
      'ptfx: --api-url must be an origin (scheme, host and port) with no path, like https://api.example.com, got "https://api.example.com/v1"\n',
    ],
    [
      ['--out', 'x', '--api-url', 'javascript:alert(1)'],
      'ptfx: --api-url must be an absolute http(s) URL like https://api.example.com, got "javascript:alert(1)"\n',
    ],
    [
      ['--out', 'x', '--as-of', '2026-02-30'],
      'ptfx: --as-of must be a date written YYYY-MM-DD, like 2026-11-27, got "2026-02-30"\n',
    ],
    [
      ['a.yaml', 'b.yaml', '--out', 'x'],
      'ptfx: site build: give one clinic file (or - for stdin), or none for clinic.yaml\n',
    ],
    [
      ['--out', 'x', '--frob'],
      "ptfx: site build: unknown option '--frob'; see `ptfx site build --help`\n",
    ],
    [
      ['clinic.txt', '--out', 'x'],
      'ptfx: clinic.txt: a clinic data file must end in .yaml, .yml or .json\n',
    ],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const io = memoryIo({ files: { 'clinic.txt': 'x' } });
    const code = await main(['site', 'build', ...args], io.io);
    expect(io.stderr()).toBe(message);
    expect(code).toBe(2);
  });
});

describe('ptfx site', () => {
  it('has help, and says which subcommands there are', async () => {
    const help = memoryIo();
    expect(await main(['site', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('build [FILE] --out DIR');
    const none = memoryIo();
    expect(await main(['site'], none.io)).toBe(2);
    expect(none.stderr()).toBe('ptfx: site: give a subcommand: build; see `ptfx site --help`\n');
    const unknown = memoryIo();
    expect(await main(['site', 'serve'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toBe(
      'ptfx: site: unknown subcommand "serve"; see `ptfx site --help`\n',
    );
  });
});
