import { type IsoDate, type Issue, parseClinicData } from '@ptfx/domain';
import { renderSite } from '@ptfx/site';
import { baseUrlOption, dateOption, originOption, parseCommandArgs } from '../../args.js';
import { CliError, EXIT } from '../../errors.js';
import type { Io } from '../../io.js';
import { checkTherapistListings, clinicToday, type ListingCheck } from '../../listing-check.js';
import { paint } from '../../render.js';
import { builtFiles, homeWeight } from '../../site-build/files.js';
import { GENERATOR, MANIFEST_FILE, type SiteManifest } from '../../site-build/manifest.js';
import {
  displayPath,
  inspectOutDir,
  refuseDangerousOut,
  replaceDir,
} from '../../site-build/out-dir.js';
import {
  issueLine,
  listingIssueBlock,
  listingIssueJson,
  summaryText,
} from '../../site-build/report.js';
import { baseUrlFromData, readSiteSource } from '../../site-build/source.js';
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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https site's form cannot post to an http API: browsers block it as mixed content. */
function refuseMixedContent(baseUrl: string, apiUrl: string | undefined): void {
  if (apiUrl === undefined || !baseUrl.startsWith('https:') || !apiUrl.startsWith('http:')) return;
  if (LOOPBACK.has(new URL(apiUrl).hostname)) return;
  throw new CliError(
    `--api-url ${apiUrl} is http:// but the site (${baseUrl}) is https://: browsers block the form's requests to it as mixed content; give the API's https:// origin`,
  );
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
  const source = await readSiteSource(options.file, io);
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
  const baseUrl = options.baseUrl ?? baseUrlFromData(clinic);
  refuseMixedContent(baseUrl, options.apiUrl);
  const asOf = options.asOf ?? clinicToday(clinic, io.now());
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
  io.stdout(
    summaryText(paint(io), {
      name: clinic.organization.name,
      asOf,
      where: displayPath(io.fs.cwd(), out.path),
      files: [...files, { file: MANIFEST_FILE, bytes: manifestBytes.byteLength }],
      totalBytes,
      home,
      baseUrl,
      form: !hasForm ? undefined : `${apiUrl}/v1/consultation-requests`,
      // Every warning line printed above: the data's, the listings' and the notes.
      warnings: warnings.length + notes.length,
    }),
  );
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
