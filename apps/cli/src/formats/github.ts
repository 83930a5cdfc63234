import type { Severity } from '@ptfx/domain/credentials';
import type { Finding } from './finding.js';

/**
 * A workflow command's message, escaped as `@actions/core` does (`command.ts` `escapeData`):
 * `%` first, then CR and LF, so a message can neither end the command nor start another.
 */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/**
 * A workflow command's property value, escaped as `@actions/core` does (`escapeProperty`): as
 * {@link escapeData}, and `:` and `,`, which end a property.
 */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** The workflow command for a severity: GitHub calls an `info` a notice. */
export function annotationCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'info' ? 'notice' : severity;
}

/**
 * A GitHub Actions annotation for a finding, one line:
 * `::warning file=…,line=…,endLine=…,col=…,endColumn=…,title=ptfx CODE::message`. Columns are
 * given only when the finding is on one line (the runner drops them otherwise); `endColumn` is
 * exclusive, as in SARIF.
 */
export function annotation(finding: Finding): string {
  const props: [string, string | number | undefined][] = [];
  const r = finding.region;
  if (finding.file !== undefined) {
    props.push(['file', finding.file]);
    if (r) {
      props.push(['line', r.startLine]);
      const oneLine = r.endLine === undefined || r.endLine === r.startLine;
      props.push(['endLine', r.endLine ?? r.startLine]);
      if (oneLine && r.startColumn !== undefined) {
        props.push(['col', r.startColumn]);
        props.push(['endColumn', r.endColumn]);
      }
    }
  }
  props.push(['title', `ptfx ${finding.code}`]);
  const text = props
    .filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${annotationCommand(finding.severity)} ${text}::${escapeData(finding.message)}\n`;
}

/** How many annotations of each kind the runner shows per step (`_maxCountPerIssueType`). */
export const ANNOTATIONS_SHOWN_PER_KIND = 10;

/**
 * Counts annotations by kind; {@link AnnotationCounter.closing} is one notice, when a kind went
 * past what GitHub shows, saying how many there were and that all are in the log.
 */
export class AnnotationCounter {
  readonly #counts = { error: 0, warning: 0, notice: 0 };

  /** Counts one finding. */
  add(severity: Severity): void {
    this.#counts[annotationCommand(severity)]++;
  }

  /** The closing notice, or '' when GitHub shows every annotation. */
  closing(): string {
    const c = this.#counts;
    if (Math.max(c.error, c.warning, c.notice) <= ANNOTATIONS_SHOWN_PER_KIND) return '';
    return `::notice title=ptfx::${escapeData(
      `${c.error} errors, ${c.warning} warnings and ${c.notice} notices in all; GitHub shows the first ${ANNOTATIONS_SHOWN_PER_KIND} of each kind per step as annotations, every one is in this log (use --format sarif for code scanning)`,
    )}\n`;
  }
}
