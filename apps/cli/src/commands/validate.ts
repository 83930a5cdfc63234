import {
  type CredentialProfile,
  type CustomCredential,
  formatIssueLine,
  type Issue,
  parseClinicData,
  type Severity,
  type UsStateCode,
} from '@ptfx/domain';
import { dateOption, failOnOption, parseCommandArgs, profileOption, stateOption } from '../args.js';
import { clinicFormat } from '../clinic-file.js';
import { loadConfig, type RuleLevel } from '../config.js';
import { CliError, EXIT } from '../errors.js';
import { formatOption, type OutputFormat } from '../formats/format.js';
import { writeValidateReport } from '../formats/validate-report.js';
import { readTextFile } from '../input.js';
import { createOutput, type Io } from '../io.js';
import { checkTherapistListings, clinicToday } from '../listing-check.js';
import { countByCode, formatCounts, paint, reaches, severityLabel } from '../render.js';
import { VERSION } from '../version.js';

/** Help text of `ptfx validate`. */
export const help = `Usage: ptfx validate [FILE] [options]

Validate a clinic data file (YAML or JSON; - for stdin): its schema, cross-references, every
therapist's credential listing (APTA order and the state's "Dr." rules) and credential expiry.
FILE defaults to clinic.yaml.

Options:
  --profile NAME     apta-2016 (default) or apta-legacy
  --state CODE       title law to apply (default: the state of each therapist's first location)
  --as-of DATE       judge expiry on this date (default: today in the first location's time zone)
  --fail-on LEVEL    exit 1 when an issue reaches error (default), warning or info
  --format FORMAT    text (default); json: one JSON object { file, ok, issues }; sarif: a
                     SARIF 2.1.0 log, each finding at the file's line and column; github:
                     GitHub Actions annotations (::error file=…,line=…,col=…::…)
  --json             the same as --format json
  --config PATH      a ptfx.config.json (default: the nearest one in this directory or a
                     parent): rule levels and custom credentials for the listings
  -h, --help         this help

The configuration's rules and catalog apply to the listings, and its profile when --profile is
not given; its state and role do not (each therapist's location and role in the file say them).

Exit status: 0 clean, 1 issues at or above --fail-on, 2 unreadable input or usage error (a bad
ptfx.config.json included: each mistake as file:line:col).

Examples:
  ptfx validate clinic.yaml
  ptfx validate clinic.yaml --fail-on warning --as-of 2027-01-01
  cat clinic.json | ptfx validate - --json
  ptfx validate clinic.yaml --format github
  ptfx validate clinic.yaml --format sarif > clinic.sarif
`;

/** Options of {@link validateClinic}. */
export interface ValidateOptions {
  readonly file: string;
  readonly profile?: CredentialProfile | undefined;
  readonly state?: UsStateCode | undefined;
  /** The configuration's rule levels and custom credentials. */
  readonly rules?: { readonly [code: string]: RuleLevel } | undefined;
  readonly catalog?: readonly CustomCredential[] | undefined;
  readonly asOf?: string | undefined;
  readonly failOn: Severity;
  /** `--json`: the same as `format: 'json'`. */
  readonly json: boolean;
  /** The output format; default `json` when {@link json}, else `text`. */
  readonly format?: OutputFormat | undefined;
}

/** Validates a clinic file; returns the exit code. */
export async function validateClinic(options: ValidateOptions, io: Io): Promise<number> {
  const label = options.file === '-' ? '<stdin>' : options.file;
  const text = await readTextFile(io, options.file);
  const format = clinicFormat(options.file);
  const result = parseClinicData(text, { format });
  const issues: Issue[] = [...result.issues];
  if (result.ok) {
    const listings = checkTherapistListings(result.value, text, {
      profile: options.profile,
      state: options.state,
      rules: options.rules,
      catalog: options.catalog,
      asOf: options.asOf ?? clinicToday(result.value, io.now()),
    });
    for (const listing of listings) issues.push(...listing.issues);
  }
  const failing = reaches(issues, options.failOn);
  const output = options.format ?? (options.json ? 'json' : 'text');
  if (output === 'sarif' || output === 'github') {
    const out = createOutput(io);
    writeValidateReport(output, issues, {
      file: options.file === '-' ? undefined : options.file,
      out,
      cwd: io.fs.cwd(),
      version: VERSION,
      exitCode: failing ? EXIT.findings : EXIT.ok,
    });
    await out.end();
    return failing ? EXIT.findings : EXIT.ok;
  }
  if (output === 'json') {
    io.stdout(`${JSON.stringify({ file: label, ok: result.ok && !failing, issues })}\n`);
    return failing ? EXIT.findings : EXIT.ok;
  }
  const p = paint(io);
  for (const issue of issues) {
    const line = formatIssueLine(label, issue);
    io.stdout(`${severityLabel(p, issue.severity)}  ${line}\n`);
  }
  const counts = new Map<string, number>();
  countByCode(counts, issues);
  io.stdout(
    issues.length === 0
      ? `${p.green('clean')}  ${label}\n`
      : `\n${label}: ${issues.length} issue${issues.length === 1 ? '' : 's'} (${formatCounts(counts)})\n`,
  );
  return failing ? EXIT.findings : EXIT.ok;
}

/** `ptfx validate`. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', args, {
    profile: { type: 'string' },
    state: { type: 'string' },
    'as-of': { type: 'string' },
    'fail-on': { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new CliError('validate: give one file (or - for stdin)');
  const profile = profileOption(values.profile);
  const state = stateOption(values.state);
  const format = formatOption('validate', values.format, values.json);
  const config = await loadConfig(io, values.config);
  return validateClinic(
    {
      file: positionals[0] ?? 'clinic.yaml',
      profile: profile ?? config.profile,
      state,
      rules: config.rules,
      catalog: config.catalog,
      asOf: dateOption('--as-of', values['as-of']),
      failOn: failOnOption(values['fail-on']),
      json: format === 'json',
      format,
    },
    io,
  );
}
