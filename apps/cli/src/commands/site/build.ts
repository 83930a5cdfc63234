import { gzipSync } from 'node:zlib';
import {
  type Clinic,
  type ClinicDataFormat,
  type IsoDate,
  type Issue,
  localDateOf,
  parseClinicData,
} from '@ptfx/domain';
import { SAMPLE_CLINIC_YAML } from '@ptfx/domain/sample';
import { type RenderedSite, renderSite } from '@ptfx/site';
import { baseUrlOption, dateOption, originOption, parseCommandArgs } from '../../args.js';
import { clinicFormat } from '../../clinic-file.js';
import { CliError, EXIT } from '../../errors.js';
import { readTextFile } from '../../input.js';
import type { Io } from '../../io.js';
import { checkTherapistListings, type ListingCheck } from '../../listing-check.js';
import { paint } from '../../render.js';
import { HEADERS_FILE, headersFile } from '../../site-build/headers.js';
import {
  GENERATOR,
  MANIFEST_FILE,
  type ManifestFile,
  type SiteManifest,
  sha256,
} from '../../site-build/manifest.js';
import {
  displayPath,
  inspectOutDir,
  refuseDangerousOut,
  replaceDir,
} from '../../site-build/out-dir.js';
import {
  formatBytes,
  issueLine,
  listingIssueBlock,
  listingIssueJson,
} from '../../site-build/report.js';
import { VERSION } from '../../version.js';

/** Help text of `ptfx site build`. */
export const help = `Usage: ptfx site build [FILE] --out DIR [options]

Write the clinic's website as files for any static host (Netlify, Cloudflare Pages, S3, nginx):
every page, its stylesheet and script, 404.html, sitemap.xml and robots.txt. FILE is a clinic
data file (YAML or JSON; - for stdin); without it, ./clinic.yaml, or the embedded sample clinic
when there is none.

The data is checked first, with the messages of \`ptfx validate\`: a schema or reference problem,
or a credential listing with an error under its location's state (a "Dr." the state's title law
forbids, an expired credential), stops the build and nothing is written. Warnings are printed.

Options:
  --out DIR         the folder to write (required). It is replaced as a whole: the site is written
                    to a new folder beside it, then renamed into place. A folder that is not empty
                    and not what ptfx wrote there (no .ptfx-site.json, or files added or changed
                    since) is refused
  --force           replace DIR anyway, deleting what is in it (never /, your home, the working
                    folder or a folder holding FILE)
  --base-url URL    the site's public address, for canonical links, the sitemap, Open Graph and
                    JSON-LD (default: organization.website in the data; required without it)
  --api-url URL     the origin of the ptfx API the consultation form posts to; the API's
                    PTFX_CORS_ORIGINS must allow the site's origin (default: the site's own
                    origin, which then needs the API behind the same host)
  --as-of DATE      the clinic's date (YYYY-MM-DD): listings are judged (expiry) and hours
                    exceptions shown as of it (default: today in the first location's time zone)
  --json            print the manifest as one JSON object instead of the summary
  -h, --help        this help

Beside the pages it writes _headers (the Content-Security-Policy, security headers and caching,
for Netlify and Cloudflare Pages; other hosts need the same set by hand) and .ptfx-site.json
(every file with its size and SHA-256: how the next build knows the folder is its own).

Exit status: 0 written, 1 the data stops the build, 2 usage or input error; nothing is written
unless the status is 0.

Examples:
  ptfx site build clinic.yaml --out site --base-url https://www.example-pt.com --api-url https://api.example-pt.com
  ptfx site build --out /tmp/ptfx-site --base-url http://localhost:8080 --as-of 2026-11-27
  ptfx site build clinic.yaml --out site --json > site-manifest.json
`;

/** The name the embedded sample is reported under. */
export const SAMPLE_SOURCE = '@ptfx/domain/sample-clinic.yaml';

/** Options of {@link buildSite}. */
export interface SiteBuildOptions {
  /** The clinic data file; absent: `clinic.yaml` when there is one, else the embedded sample. */
  readonly file?: string | undefined;
  /** The folder to write. */
  readonly out: string;
  /** The site's address, already checked (`https://www.example.com`, no trailing slash). */
  readonly baseUrl?: string | undefined;
  /** The API's origin, already checked; absent: the site's own origin. */
  readonly apiUrl?: string | undefined;
  readonly asOf?: IsoDate | undefined;
  readonly force: boolean;
  readonly json: boolean;
}

interface Source {
  readonly label: string;
  /** The path of the file, for the guard against replacing the folder holding it. */
  readonly path?: string;
  readonly text: string;
  readonly format: ClinicDataFormat;
}

async function readSource(file: string | undefined, io: Io): Promise<Source> {
  const path = file ?? ((await io.stat('clinic.yaml')).kind === 'file' ? 'clinic.yaml' : undefined);
  if (path === undefined) return { label: SAMPLE_SOURCE, text: SAMPLE_CLINIC_YAML, format: 'yaml' };
  const format = clinicFormat(path);
  const text = await readTextFile(io, path);
  return path === '-' ? { label: '<stdin>', text, format } : { label: path, path, text, format };
}

function defaultBaseUrl(clinic: Clinic): string {
  const website = clinic.organization.website;
  if (website === undefined)
    throw new CliError(
      'site build: give --base-url, the address the site will be served at (like https://www.example.com): canonical links, the sitemap and JSON-LD need it, and the data has no organization.website',
    );
  try {
    return baseUrlOption('organization.website', website);
  } catch (error) {
    throw new CliError(
      `site build: ${error instanceof Error ? error.message : String(error)}; give --base-url`,
    );
  }
}

/** A file of the build: what the manifest says of it, and its bytes. */
type BuiltFile = ManifestFile & { readonly content: Uint8Array };

function builtFiles(site: RenderedSite): BuiltFile[] {
  const files: BuiltFile[] = site.pages.map((page) => ({
    file: page.file,
    path: page.path,
    kind: page.kind,
    contentType: page.contentType,
    bytes: page.bytes.byteLength,
    sha256: sha256(page.bytes),
    content: page.bytes,
  }));
  const headers = new TextEncoder().encode(headersFile(site));
  files.push({
    file: HEADERS_FILE,
    kind: 'headers',
    bytes: headers.byteLength,
    sha256: sha256(headers),
    content: headers,
  });
  const seen = new Set<string>();
  for (const { file } of files) {
    if (seen.has(file) || file === MANIFEST_FILE)
      throw new Error(`the renderer gave the file name ${JSON.stringify(file)} twice or reserved`);
    seen.add(file);
  }
  return files;
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

/** The home page's size, alone and with the stylesheet and script it loads, gzipped. */
function homeWeight(site: RenderedSite) {
  const home = site.page('/');
  if (!home) throw new Error('the renderer gave no home page (/)');
  const loaded = site.pages.filter(
    (p) => p.kind === 'asset' && /css|javascript/.test(p.contentType) && home.text.includes(p.path),
  );
  const gzipBytes = gzipSize(home.bytes);
  return {
    file: home.file,
    bytes: home.bytes.byteLength,
    gzipBytes,
    withAssetsGzipBytes: loaded.reduce((sum, p) => sum + gzipSize(p.bytes), gzipBytes),
  };
}

/** Ends a build the data stops: why, and that nothing was written; exit 1 as `ptfx validate`. */
function stop(
  io: Io,
  options: SiteBuildOptions,
  label: string,
  issues: readonly unknown[],
  why: string,
): number {
  if (options.json) io.stdout(`${JSON.stringify({ ok: false, file: label, issues })}\n`);
  else
    io.stderr(
      `\nsite build stopped: ${why}; nothing was written to ${options.out}. Fix the data and build again\n`,
    );
  return EXIT.findings;
}

/** Checks a clinic file, renders its site and writes it to `--out`; returns the exit code. */
export async function buildSite(options: SiteBuildOptions, io: Io): Promise<number> {
  const p = paint(io, 'stderr');
  const source = await readSource(options.file, io);
  const out = await inspectOutDir(io.fs, options.out);
  refuseDangerousOut(out.path, options.out, {
    cwd: io.fs.cwd(),
    home: io.env.HOME,
    input: source.path,
  });
  if (out.kind === 'foreign' && !options.force)
    throw new CliError(
      `--out ${options.out}: ${out.reason}. The build replaces the whole folder, so it only replaces one that ptfx wrote; give a new or empty folder, or --force to replace what is there`,
    );
  if (source.path === undefined && options.file === undefined && !options.json)
    io.stderr(
      `No clinic file given and no clinic.yaml here: building the embedded sample clinic.\n`,
    );

  // 1. The data, checked as `ptfx validate` checks it.
  const parsed = parseClinicData(source.text, { format: source.format });
  if (!parsed.ok) {
    if (!options.json) for (const i of parsed.issues) io.stderr(issueLine(p, source.label, i));
    const errors = parsed.issues.filter((i) => i.severity === 'error').length;
    return stop(
      io,
      options,
      source.label,
      parsed.issues,
      `${source.label} has ${errors} error${errors === 1 ? '' : 's'}`,
    );
  }
  const clinic = parsed.value;
  const baseUrl = options.baseUrl ?? defaultBaseUrl(clinic);
  const asOf = options.asOf ?? localDateOf(io.now(), clinic.locations[0]?.timeZone ?? 'UTC');
  const listings = checkTherapistListings(clinic, source.text, { asOf });
  const reported = listings.flatMap((l) =>
    l.issues.filter((i) => i.severity !== 'info').map((issue) => ({ listing: l, issue })),
  );
  const errors = reported.filter((r) => r.issue.severity === 'error');
  const listingJson = (r: { listing: ListingCheck; issue: Issue }) =>
    listingIssueJson(r.listing, r.issue);
  const warnings = [
    ...parsed.issues.filter((i) => i.severity === 'warning'),
    ...reported.filter((r) => r.issue.severity === 'warning').map(listingJson),
  ];
  if (!options.json) {
    for (const issue of parsed.issues)
      if (issue.severity === 'warning') io.stderr(issueLine(p, source.label, issue));
    for (const { listing, issue } of reported)
      io.stderr(
        issue.severity === 'error'
          ? listingIssueBlock(p, source.label, listing, issue)
          : issueLine(p, source.label, issue),
      );
  }
  if (errors.length > 0) {
    const listingCount = new Set(errors.map((e) => e.listing.index)).size;
    return stop(
      io,
      options,
      source.label,
      [...parsed.issues, ...reported.map(listingJson)],
      `${errors.length} error${errors.length === 1 ? '' : 's'} in ${listingCount} credential listing${listingCount === 1 ? '' : 's'} (as of ${asOf}); the site never publishes a listing that breaks a rule`,
    );
  }

  // 2. The pages, all in memory.
  const apiUrl = options.apiUrl ?? '';
  const site = renderSite(clinic, { baseUrl, apiUrl, asOf });
  const files = builtFiles(site);
  const manifest: SiteManifest = {
    generator: GENERATOR,
    version: VERSION,
    source: source.label,
    baseUrl,
    apiUrl,
    asOf,
    files: files.map(({ content: _, ...entry }) => entry),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);

  // 3. On disk, in one step.
  await replaceDir(io.fs, out.path, options.out, [
    ...files.map((f) => ({ file: f.file, bytes: f.content })),
    { file: MANIFEST_FILE, bytes: manifestBytes },
  ]);

  const hasForm = clinic.bookingPath?.consent !== undefined;
  const notes: string[] = [];
  if (options.apiUrl === undefined && hasForm)
    notes.push(
      "no --api-url: the consultation form posts to /v1/consultation-requests on the site's own origin, so the static host must pass that path to the ptfx API (a reverse proxy); or give --api-url https://api.example.com",
    );
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, manifestBytes.byteLength);
  const home = homeWeight(site);
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ok: true, out: out.path, ...manifest, totalBytes, home, warnings, notes })}\n`,
    );
    return EXIT.ok;
  }
  for (const note of notes) io.stderr(`${p.yellow('warning')}  ${note}\n`);
  const o = paint(io);
  const where = displayPath(io.fs.cwd(), out.path);
  const width = Math.max(...files.map((f) => f.file.length), MANIFEST_FILE.length);
  io.stdout(`${o.bold(clinic.organization.name)}: the site as of ${asOf}, in ${where}/\n`);
  for (const f of files)
    io.stdout(`  ${f.file.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}\n`);
  io.stdout(
    `  ${o.dim(MANIFEST_FILE.padEnd(width))}  ${formatBytes(manifestBytes.byteLength).padStart(9)}\n`,
  );
  io.stdout(
    `${files.length + 1} files, ${formatBytes(totalBytes)}; home page ${formatBytes(home.gzipBytes)} gzipped, ${formatBytes(home.withAssetsGzipBytes)} with its CSS and JS\n`,
  );
  const form = !hasForm
    ? 'no consultation form (the data has no bookingPath.consent)'
    : apiUrl === ''
      ? 'the form posts to /v1/consultation-requests on the same origin'
      : `the form posts to ${apiUrl}/v1/consultation-requests`;
  const warned =
    warnings.length > 0 ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  io.stdout(`Base URL ${baseUrl}; ${form}${warned}\n`);
  return EXIT.ok;
}

/** `ptfx site build`. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('site build', args, {
    out: { type: 'string' },
    'base-url': { type: 'string' },
    'api-url': { type: 'string' },
    'as-of': { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new CliError(
      'site build: give one clinic file (or - for stdin), or none for clinic.yaml',
    );
  if (values.out === undefined || values.out === '')
    throw new CliError(
      'site build: give --out DIR, the folder to write the site to; see `ptfx site build --help`',
    );
  return buildSite(
    {
      file: positionals[0],
      out: values.out,
      baseUrl:
        values['base-url'] === undefined
          ? undefined
          : baseUrlOption('--base-url', values['base-url']),
      apiUrl:
        values['api-url'] === undefined ? undefined : originOption('--api-url', values['api-url']),
      asOf: dateOption('--as-of', values['as-of']),
      force: values.force === true,
      json: values.json === true,
    },
    io,
  );
}
