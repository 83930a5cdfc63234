import type { Issue, Severity } from '@ptfx/domain/credentials';
import type { Io } from './io.js';

/** Colour functions: real ANSI on a terminal without NO_COLOR, plain text otherwise. */
export interface Paint {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly green: (s: string) => string;
}

/** Colour for a stream: only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function paint(io: Io, stream: 'stdout' | 'stderr' = 'stdout'): Paint {
  const tty = stream === 'stdout' ? io.stdoutIsTty : io.stderrIsTty;
  const on =
    tty && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '') && io.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (s: string) =>
    on ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    green: wrap(32, 39),
  };
}

/** A severity, coloured. */
export function severityLabel(p: Paint, severity: Severity): string {
  return severity === 'error'
    ? p.red('error')
    : severity === 'warning'
      ? p.yellow('warning')
      : p.blue('info');
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** Whether any issue is at or above the threshold. */
export function reaches(issues: readonly Issue[], threshold: Severity): boolean {
  return issues.some((i) => RANK[i.severity] >= RANK[threshold]);
}

/** Counts of issues by code, for the summary line. */
export function countByCode(counts: Map<string, number>, issues: readonly Issue[]): void {
  for (const issue of issues) counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
}

/** `3 missing-designation, 1 order` — most frequent first. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
}
