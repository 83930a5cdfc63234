import type { CredentialListingLint, Issue } from '@ptfx/domain/credentials';
import type { Output } from '../io.js';
import { type Paint, severityLabel } from '../render.js';
import type { RosterRow } from '../roster.js';
import type { Finding } from './finding.js';
import type { OutputFormat } from './format.js';
import { AnnotationCounter, annotation } from './github.js';
import { listingRegion, writtenAs } from './location.js';
import { credentialRuleInfos, SarifStream } from './sarif.js';

/** Writes `ptfx credentials lint`'s report in one format, a row at a time. */
export interface LintReport {
  /** Reports one linted row. */
  row(row: RosterRow, result: CredentialListingLint): void;
  /** Ends the report; `summary` is the one-line count, `exitCode` what the command returns. */
  end(summary: string, exitCode: number): void;
}

/** What a {@link LintReport} needs. */
export interface LintReportOptions {
  readonly format: OutputFormat;
  /** The roster's path as given; undefined for arguments and standard input. */
  readonly file?: string | undefined;
  readonly fix: boolean;
  readonly paint: Paint;
  /** Standard output (with backpressure); the summary of machine formats goes to `stderr`. */
  readonly out: Output;
  readonly stderr: (text: string) => void;
  /** The working directory, for SARIF's relative URIs. */
  readonly cwd: string;
  readonly version: string;
}

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

/**
 * The findings of one linted row, located in the roster: the row's line and, where the listing's
 * column is known (CSV; NDJSON without escapes), the issue's columns. Listings from arguments or
 * standard input have no file: the listing and its line or argument number go in `properties`.
 */
export function lintFindings(
  row: RosterRow,
  result: CredentialListingLint,
  file: string | undefined,
): Finding[] {
  const fix =
    file !== undefined && row.at && result.fix !== undefined && !row.listing.includes('\n')
      ? {
          region: listingRegion(row, undefined),
          text: writtenAs(result.fix, row.at),
          description: `Write the listing as "${result.fix}".`,
        }
      : undefined;
  return result.issues.map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: file === undefined ? `"${row.listing}": ${issue.message}` : issue.message,
    file,
    region: file === undefined ? undefined : listingRegion(row, issue.span),
    fix: issue.fix === undefined ? undefined : fix,
    properties:
      file === undefined
        ? { listing: row.listing, line: row.line }
        : row.at
          ? undefined
          : { listing: row.listing },
  }));
}

/** The report for a format. */
export function lintReport(options: LintReportOptions): LintReport {
  const { out, paint: p, file } = options;
  // `--file -` reads a roster from standard input, which no SARIF or annotation can point into.
  const located = file === '-' ? undefined : file;
  switch (options.format) {
    case 'json': {
      // A roster repeats its listings and the linter's memo hands back the same result: its
      // issues are serialised once. The line is what JSON.stringify of
      // { line, name?, input, clean, issues, fix } writes, byte for byte.
      const issuesJson = new WeakMap<CredentialListingLint, string>();
      return {
        row(row, result) {
          let issues = issuesJson.get(result);
          if (issues === undefined) {
            issues = JSON.stringify(result.issues.map(brief));
            issuesJson.set(result, issues);
          }
          out.write(
            `{"line":${JSON.stringify(row.line)}${row.name ? `,"name":${JSON.stringify(row.name)}` : ''},"input":${JSON.stringify(result.input)},"clean":${result.clean},"issues":${issues},"fix":${result.fix === undefined ? 'null' : JSON.stringify(result.fix)}}\n`,
          );
        },
        end: (summary) => options.stderr(`${summary}\n`),
      };
    }
    case 'sarif': {
      const sarif = new SarifStream({
        rules: credentialRuleInfos(),
        version: options.version,
        cwd: options.cwd,
      });
      out.write(sarif.header());
      return {
        row(row, result) {
          if (result.issues.length === 0) return;
          for (const finding of lintFindings(row, result, located))
            out.write(sarif.result(finding));
        },
        end(summary, exitCode) {
          out.write(sarif.footer(exitCode));
          options.stderr(`${summary}\n`);
        },
      };
    }
    case 'github': {
      const counter = new AnnotationCounter();
      return {
        row(row, result) {
          if (result.issues.length === 0) return;
          for (const finding of lintFindings(row, result, located)) {
            counter.add(finding.severity);
            out.write(annotation(finding));
          }
        },
        end(summary) {
          out.write(counter.closing());
          options.stderr(`${summary}\n`);
        },
      };
    }
    default:
      return {
        row(row, result) {
          const where = file ? `${file}:${row.line}  ` : '';
          const who = row.name ? `${row.name}: ` : '';
          out.write(
            `${where}${who}${result.clean ? p.green('clean') : p.bold(result.input)}${result.clean ? `  ${result.input}` : ''}\n`,
          );
          for (const issue of result.issues) {
            const col = issue.span ? `${issue.span.start + 1}` : '-';
            out.write(
              `  ${p.dim(`col ${col}`)}  ${severityLabel(p, issue.severity)}  ${issue.message}  ${p.dim(`[${issue.code}]`)}\n`,
            );
          }
          if (options.fix && result.fix !== undefined)
            out.write(`  ${p.green('fix:')} ${result.fix}\n`);
        },
        end: (summary) => out.write(`\n${summary}\n`),
      };
  }
}
