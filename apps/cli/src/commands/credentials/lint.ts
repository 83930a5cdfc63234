import {
  type CredentialListingLint,
  type CredentialProfile,
  type Issue,
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
import { EXIT } from '../../errors.js';
import { requireFile } from '../../input.js';
import type { Io } from '../../io.js';
import { countByCode, formatCounts, paint, reaches, severityLabel } from '../../render.js';
import { type RosterRow, readLines, readRoster, rosterFormat } from '../../roster.js';

/** Help text of `ptfx credentials lint`. */
export const help = `Usage: ptfx credentials lint [LISTING...] [options]

Check credential listings against APTA's order and state "Dr." title rules.
Listings come from the arguments, or one per line on stdin, or a roster file.

Options:
  --file PATH          a roster: .csv (RFC 4180; a header naming a "listing" column,
                       optionally name, state, role), .ndjson or .json (an array)
  --profile NAME       apta-2016 (default) or apta-legacy
  --state CODE         the state whose title law applies (CA, TX, FL, NY have "Dr." rules);
                       a roster's "state" column wins for its row
  --role ROLE          PT, PTA or other (default: PTA when the listing has PTA, else PT)
  --as-of DATE         judge expiry on this date (YYYY-MM-DD)
  --fix                print the canonical listing under each one that differs
  --json               one JSON object per listing (NDJSON): input, issues, fix
  --fail-on LEVEL      exit 1 when an issue reaches error (default), warning or info
  -h, --help           this help

Exit status: 0 clean, 1 issues at or above --fail-on, 2 usage or input error.

Examples:
  ptfx credentials lint "Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS" --state CA
  ptfx credentials lint --file staff.csv --fail-on warning
  cut -d, -f3 staff.csv | ptfx credentials lint --json
`;

const MEMO_SIZE = 10_000;

// NDJSON issues carry what a script acts on; the rule's source (a long citation, the same for
// every issue of a code) is left to `ptfx credentials explain` and CREDENTIAL_LINT_RULES, or it
// would be most of a million-row report.
const brief = (issue: Issue) => ({
  code: issue.code,
  severity: issue.severity,
  message: issue.message,
  ...(issue.span ? { span: issue.span } : {}),
  ...(issue.path.length > 0 ? { path: issue.path } : {}),
  ...(issue.fix === undefined ? {} : { fix: issue.fix }),
});

/** Options of {@link lintListings}. */
export interface LintListingsOptions {
  readonly listings: readonly string[];
  readonly file?: string | undefined;
  readonly profile?: CredentialProfile | undefined;
  readonly state?: UsStateCode | undefined;
  readonly role?: TherapistRole | undefined;
  readonly asOf?: string | undefined;
  readonly fix: boolean;
  readonly json: boolean;
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
  // One write per 64 KiB, not per listing: a million small writes cost more than the linting.
  let pending: string[] = [];
  let pendingBytes = 0;
  const out = (text: string) => {
    pending.push(text);
    pendingBytes += text.length;
    if (pendingBytes >= 65_536) flush();
  };
  const flush = () => {
    if (pending.length > 0) io.stdout(pending.join(''));
    pending = [];
    pendingBytes = 0;
  };
  // Rosters repeat themselves ("PT, DPT" a thousand times): remember recent answers, boundedly.
  const memo = new Map<string, CredentialListingLint>();
  for await (const row of rows) {
    const jurisdiction = row.state ?? options.state;
    const role = row.role ?? options.role;
    const key = `${jurisdiction ?? ''}|${role ?? ''}|${row.listing}`;
    let result = memo.get(key);
    if (!result) {
      result = lintCredentialListing(row.listing, {
        profile: options.profile,
        jurisdiction,
        role,
        asOf: options.asOf,
      });
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(key, result);
    }
    checked++;
    countByCode(counts, result.issues);
    if (reaches(result.issues, options.failOn)) failing++;
    if (options.json) {
      out(
        `${JSON.stringify({ line: row.line, ...(row.name ? { name: row.name } : {}), input: result.input, clean: result.clean, issues: result.issues.map(brief), fix: result.fix ?? null })}\n`,
      );
    } else {
      const where = options.file ? `${options.file}:${row.line}  ` : '';
      const who = row.name ? `${row.name}: ` : '';
      out(
        `${where}${who}${result.clean ? p.green('clean') : p.bold(result.input)}${result.clean ? `  ${result.input}` : ''}\n`,
      );
      for (const issue of result.issues) {
        const col = issue.span ? `${issue.span.start + 1}` : '-';
        out(
          `  ${p.dim(`col ${col}`)}  ${severityLabel(p, issue.severity)}  ${issue.message}  ${p.dim(`[${issue.code}]`)}\n`,
        );
      }
      if (options.fix && result.fix !== undefined) out(`  ${p.green('fix:')} ${result.fix}\n`);
    }
    bar.tick(checked, bytesRead);
  }
  flush();
  bar.done();
  const summary = `${checked} listing${checked === 1 ? '' : 's'} checked, ${failing} at or above ${options.failOn}${counts.size > 0 ? `: ${formatCounts(counts)}` : ''}`;
  if (options.json) io.stderr(`${summary}\n`);
  else io.stdout(`\n${summary}\n`);
  return failing > 0 ? EXIT.findings : EXIT.ok;
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
    'fail-on': { type: 'string' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  return lintListings(
    {
      listings: positionals,
      file: values.file,
      profile: profileOption(values.profile),
      state: stateOption(values.state),
      role: roleOption(values.role),
      asOf: dateOption('--as-of', values['as-of']),
      fix: values.fix === true,
      json: values.json === true,
      failOn: failOnOption(values['fail-on']),
    },
    io,
  );
}
