import { formatIssueLine, type Issue } from '@ptfx/domain';
import type { ListingCheck } from '../listing-check.js';
import { type Paint, severityLabel } from '../render.js';
import type { HomeWeight } from './files.js';

/** An issue as `ptfx validate` prints it: `warning  clinic.yaml:84:24  path  message  [code]`. */
export function issueLine(p: Paint, label: string, issue: Issue): string {
  return `${severityLabel(p, issue.severity)}  ${formatIssueLine(label, issue)}\n`;
}

/**
 * A listing's error with what a person needs to fix it: the therapist, the listing as the site
 * would show it with the offending part underlined, the fix and the rule's source.
 */
export function listingIssueBlock(
  p: Paint,
  label: string,
  listing: ListingCheck,
  issue: Issue,
): string {
  const law = listing.jurisdiction ? `${listing.jurisdiction} title law` : "no state's title law";
  const lines = [
    issueLine(p, label, issue).trimEnd(),
    `  therapist ${listing.therapist.slug}, the listing as the site would show it, under ${law}:`,
    `    ${listing.input}`,
  ];
  if (issue.span) {
    const width = Math.max(1, issue.span.end - issue.span.start);
    lines.push(`    ${' '.repeat(issue.span.start)}${p.red('^'.repeat(width))}`);
  }
  if (issue.fix !== undefined) lines.push(`  ${p.green('fix:')} ${issue.fix}`);
  if (issue.source !== undefined) lines.push(`  ${p.dim(`source: ${issue.source}`)}`);
  return `${lines.join('\n')}\n`;
}

/** A listing issue as JSON: the issue and which listing it is about. */
export function listingIssueJson(listing: ListingCheck, issue: Issue) {
  return {
    ...issue,
    therapist: listing.therapist.slug,
    listing: listing.input,
    jurisdiction: listing.jurisdiction ?? null,
  };
}

/** `812 B`, `5.2 KiB`, `1.4 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** What {@link summaryText} reports of a build. */
export interface BuildSummary {
  readonly name: string;
  readonly asOf: string;
  /** The folder, as the user would write it. */
  readonly where: string;
  readonly files: readonly { readonly file: string; readonly bytes: number }[];
  readonly totalBytes: number;
  readonly home: HomeWeight;
  readonly baseUrl: string;
  /** Where the form posts (a path for the same origin); undefined when there is no form. */
  readonly form: string | undefined;
  readonly warnings: number;
}

/** The summary of a build: the files with their sizes, the totals, where the form posts. */
export function summaryText(p: Paint, s: BuildSummary): string {
  const width = Math.max(...s.files.map((f) => f.file.length));
  const lines = [`${p.bold(s.name)}: the site as of ${s.asOf}, in ${s.where}/`];
  for (const f of s.files)
    lines.push(`  ${f.file.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}`);
  lines.push(
    `${s.files.length} files, ${formatBytes(s.totalBytes)}; home page ${formatBytes(s.home.gzipBytes)} gzipped, ${formatBytes(s.home.withAssetsGzipBytes)} with its CSS and JS`,
  );
  const form =
    s.form === undefined
      ? 'no consultation form (the data has no bookingPath.consent)'
      : s.form.startsWith('/')
        ? `the form posts to ${s.form} on the same origin`
        : `the form posts to ${s.form}`;
  const warned = s.warnings > 0 ? `; ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '';
  lines.push(`Base URL ${s.baseUrl}; ${form}${warned}`);
  return `${lines.join('\n')}\n`;
}
