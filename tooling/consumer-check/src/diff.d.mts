// Types of diff.mjs, for the TypeScript tests.

/** `expected` against `actual` line by line (`-` expected only, `+` printed only), with context. */
export function lineDiff(expected: string, actual: string): string;
/** Where the first differing line differs, when it is too long to compare by eye. */
export function firstDifference(
  expected: string,
  actual: string,
): { line: number; column: number; expected: string; printed: string } | undefined;
