import { formatIssueLine, type Issue } from '@ptfx/domain';
import type { ListingCheck } from '../listing-check.js';
import { type Paint, severityLabel } from '../render.js';

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
