import {
  type CredentialListingLint,
  type CredentialProfile,
  type CustomCredential,
  lintCredentialListing,
  type Severity,
  type TherapistRole,
  type UsStateCode,
} from '@ptfx/domain/credentials';
import {
  dateOption,
  failOnOption,
  parseCommandArgs,
  profileOption,
  roleOption,
  stateOption,
} from '../../args.js';
import { CONFIG_HELP, loadConfig, type RuleLevel } from '../../config.js';
import { EXIT } from '../../errors.js';
import { formatOption, type OutputFormat } from '../../formats/format.js';
import { lintReport } from '../../formats/lint-report.js';
import { requireFile } from '../../input.js';
import { createOutput, type Io } from '../../io.js';
import { countByCode, formatCounts, paint, reaches } from '../../render.js';
import { type RosterRow, readLines, readRoster, rosterFormat } from '../../roster.js';
import { VERSION } from '../../version.js';

/** Help text of `ptfx credentials lint`. */
export const help = `Usage: ptfx credentials lint [LISTING...] [options]

Check credential listings against APTA's order and state "Dr." title rules.
Listings come from the arguments, or one per line on stdin, or a roster file.

Options:
  --file PATH          a roster: .csv (RFC 4180; a header naming a "listing" column,
                       optionally name, state, role), .ndjson or .json (an array)
  --profile NAME       apta-2016 (default) or apta-legacy
  --state CODE         the state whose title law applies (CA, FL, MI, NY, TX have "Dr." rules);
                       for rows without a "state" column; wins over the config's
  --role ROLE          PT, PTA or other (default: PTA when the listing has PTA, else PT);
                       for rows without a "role" column; wins over the config's
  --as-of DATE         judge expiry on this date (YYYY-MM-DD)
  --fix                print the canonical listing under each one that differs
  --format FORMAT      text (default); json: one JSON object per listing (NDJSON) with
                       input, issues, fix; sarif: a SARIF 2.1.0 log for code scanning,
                       each finding at the roster's line and the listing's column;
                       github: GitHub Actions annotations (::error file=…,line=…::…)
  --json               the same as --format json
  --fail-on LEVEL      exit 1 when an issue reaches error (default), warning or info
${CONFIG_HELP}
  -h, --help           this help

Exit status: 0 clean, 1 issues at or above --fail-on, 2 usage or input error (a bad
ptfx.config.json included: each mistake as file:line:col).

Examples:
  ptfx credentials lint "Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS" --state CA
  ptfx credentials lint --file staff.csv --fail-on warning
  ptfx credentials lint --file staff.csv --config ci/ptfx.config.json
  cut -d, -f3 staff.csv | ptfx credentials lint --json
  ptfx credentials lint --file staff.csv --format sarif > ptfx.sarif   # for code scanning
  ptfx credentials lint --file staff.csv --format github               # annotations in a workflow
`;

const MEMO_SIZE = 10_000;

/** Options of {@link lintListings}. */
export interface LintListingsOptions {
  readonly listings: readonly string[];
  readonly file?: string | undefined;
  readonly profile?: CredentialProfile | undefined;
  /** `--state` and `--role`: for rows whose roster has no state or role of their own. */
  readonly state?: UsStateCode | undefined;
  readonly role?: TherapistRole | undefined;
  /** The configuration's state and role: a roster's column and a flag win over them. */
  readonly defaultState?: UsStateCode | undefined;
  readonly defaultRole?: TherapistRole | undefined;
  /** The configuration's rule levels and custom credentials. */
  readonly rules?: { readonly [code: string]: RuleLevel } | undefined;
  readonly catalog?: readonly CustomCredential[] | undefined;
  readonly asOf?: string | undefined;
  readonly fix: boolean;
  /** `--json`: the same as `format: 'json'`. */
  readonly json: boolean;
  /** The output format; default `json` when {@link json}, else `text`. */
  readonly format?: OutputFormat | undefined;
  readonly failOn: Severity;
}

/** A progress line on stderr: only on a terminal, only for big rosters, at most 10 times a second. */
function progress(io: Io, size: number | undefined) {
  if (!io.stderrIsTty || size === undefined || size < 1024 * 1024)
    return { tick: () => {}, done: () => {} };
  let last = 0;
  return {
    tick: (rows: number, bytes: number) => {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const share = Math.min(1, bytes / size);
      const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
      io.stderr(`\r[${bar}] ${Math.round(share * 100)}% ${rows.toLocaleString('en-US')} listings`);
    },
    done: () => io.stderr('\r\u001b[2K'),
  };
}

/** Lints listings from arguments, stdin or a roster, streaming; returns the exit code. */
export async function lintListings(options: LintListingsOptions, io: Io): Promise<number> {
  const p = paint(io);
  const counts = new Map<string, number>();
  let checked = 0;
  let failing = 0;
  let size: number | undefined;
  let bytesRead = 0;
  let rows: AsyncIterable<RosterRow>;
  if (options.file) {
    size = options.file === '-' ? undefined : await requireFile(io, options.file);
    const stream = options.file === '-' ? io.stdin() : io.openFile(options.file);
    stream.on('data', (chunk: Buffer | string) => {
      bytesRead += chunk.length;
    });
    rows = readRoster(
      stream,
      options.file === '-' ? '<stdin>' : options.file,
      rosterFormat(options.file === '-' ? 'stdin.ndjson' : options.file),
    );
  } else if (options.listings.length > 0) {
    rows = (async function* () {
      for (const [i, listing] of options.listings.entries()) yield { line: i + 1, listing };
    })();
  } else {
    rows = readLines(io.stdin(), '<stdin>');
  }
  const bar = progress(io, size);
  // One write per 64 KiB, not per listing, and none while the reader has not taken the last
  // (a slow pipe): memory stays flat however slow the reader is.
  const out = createOutput(io);
  const report = lintReport({
    format: options.format ?? (options.json ? 'json' : 'text'),
    file: options.file,
    fix: options.fix,
    paint: p,
    out,
    stderr: io.stderr,
    cwd: io.fs.cwd(),
    version: VERSION,
  });
  // Rosters repeat themselves ("PT, DPT" a thousand times): remember recent answers, boundedly.
  const memo = new Map<string, CredentialListingLint>();
  for await (const row of rows) {
    // The row's own state and role are facts about that person; a flag is the run's default,
    // and the configuration's the organisation's.
    const jurisdiction = row.state ?? options.state ?? options.defaultState;
    const role = row.role ?? options.role ?? options.defaultRole;
    const key = `${jurisdiction ?? ''}|${role ?? ''}|${row.listing}`;
    let result = memo.get(key);
    if (!result) {
      result = lintCredentialListing(row.listing, {
        profile: options.profile,
        jurisdiction,
        role,
        asOf: options.asOf,
        ...(options.rules === undefined ? {} : { rules: options.rules }),
        ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      });
      // Kept without the parsed listing (its tokens are most of a result's memory): the report
      // needs the input, the issues and the fix.
      result = {
        input: result.input,
        clean: result.clean,
        issues: result.issues,
        ...(result.fix === undefined ? {} : { fix: result.fix }),
      };
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(key, result);
    }
    checked++;
    countByCode(counts, result.issues);
    if (reaches(result.issues, options.failOn)) failing++;
    report.row(row, result);
    bar.tick(checked, bytesRead);
    const wait = out.ready();
    if (wait) await wait;
    // The reader has gone (`| head`): the rest of the roster would be linted for nobody.
    if (out.gone()) return failing > 0 ? EXIT.findings : EXIT.ok;
  }
  bar.done();
  const summary = `${checked} listing${checked === 1 ? '' : 's'} checked, ${failing} at or above ${options.failOn}${counts.size > 0 ? `: ${formatCounts(counts)}` : ''}`;
  const code = failing > 0 ? EXIT.findings : EXIT.ok;
  report.end(summary, code);
  await out.end();
  return code;
}

/** `ptfx credentials lint` from its arguments. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('credentials lint', args, {
    file: { type: 'string' },
    profile: { type: 'string' },
    state: { type: 'string' },
    role: { type: 'string' },
    'as-of': { type: 'string' },
    fix: { type: 'boolean' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  const profile = profileOption(values.profile);
  const state = stateOption(values.state);
  const role = roleOption(values.role);
  const format = formatOption('credentials lint', values.format, values.json);
  const config = await loadConfig(io, values.config);
  return lintListings(
    {
      listings: positionals,
      file: values.file,
      profile: profile ?? config.profile,
      state,
      role,
      defaultState: config.state,
      defaultRole: config.role,
      rules: config.rules,
      catalog: config.catalog,
      asOf: dateOption('--as-of', values['as-of']),
      fix: values.fix === true,
      json: format === 'json',
      format,
      failOn: failOnOption(values['fail-on']),
    },
    io,
  );
}
