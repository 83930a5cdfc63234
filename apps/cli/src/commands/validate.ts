import {
  type CredentialProfile,
  formatIssueLine,
  type Issue,
  parseClinicData,
  type Severity,
  type UsStateCode,
} from '@ptfx/domain';
import { dateOption, failOnOption, parseCommandArgs, profileOption, stateOption } from '../args.js';
import { clinicFormat } from '../clinic-file.js';
import { CliError, EXIT } from '../errors.js';
import { readTextFile } from '../input.js';
import type { Io } from '../io.js';
import { checkTherapistListings, clinicToday } from '../listing-check.js';
import { countByCode, formatCounts, paint, reaches, severityLabel } from '../render.js';

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
  --json             one JSON object: { file, issues }
  -h, --help         this help

Exit status: 0 clean, 1 issues at or above --fail-on, 2 unreadable input or usage error.

Examples:
  ptfx validate clinic.yaml
  ptfx validate clinic.yaml --fail-on warning --as-of 2027-01-01
  cat clinic.json | ptfx validate - --json
`;

/** Options of {@link validateClinic}. */
export interface ValidateOptions {
  readonly file: string;
  readonly profile?: CredentialProfile | undefined;
  readonly state?: UsStateCode | undefined;
  readonly asOf?: string | undefined;
  readonly failOn: Severity;
  readonly json: boolean;
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
      asOf: options.asOf ?? clinicToday(result.value, io.now()),
    });
    for (const listing of listings) issues.push(...listing.issues);
  }
  const failing = reaches(issues, options.failOn);
  if (options.json) {
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
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new CliError('validate: give one file (or - for stdin)');
  return validateClinic(
    {
      file: positionals[0] ?? 'clinic.yaml',
      profile: profileOption(values.profile),
      state: stateOption(values.state),
      asOf: dateOption('--as-of', values['as-of']),
      failOn: failOnOption(values['fail-on']),
      json: values.json === true,
    },
    io,
  );
}
