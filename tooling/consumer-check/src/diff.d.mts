// Types of diff.mjs, for the TypeScript tests.

/** `expected` against `actual` line by line (`-` expected only, `+` printed only), with context. */
export function lineDiff(expected: string, actual: string): string;
