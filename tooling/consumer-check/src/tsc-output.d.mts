// Types of tsc-output.mjs, for the TypeScript tests.

/** One tsc diagnostic; `file` is '' (and `line`, `column` 0) for one without a file. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  text: string;
}

/** tsc's `--pretty false` output as diagnostics, continuation lines joined to their first. */
export function parseDiagnostics(output: string): Diagnostic[];
