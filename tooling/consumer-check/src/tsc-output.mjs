// @ts-check
// tsc's `--pretty false` output, read back into diagnostics so that an error in an example can be
// reported at its README line.
import { sep } from 'node:path';

/** @typedef {{ file: string; line: number; column: number; text: string }} Diagnostic */

/**
 * tsc's `--pretty false` output as diagnostics; `file` is '' for one without a file.
 * @param {string} output
 * @returns {Diagnostic[]}
 */
export function parseDiagnostics(output) {
  /** @type {Diagnostic[]} */
  const diagnostics = [];
  for (const line of output.split(/\r?\n/)) {
    const located = /^(.+?)\((\d+),(\d+)\): (error|warning) (TS\d+: .*)$/.exec(line);
    const bare = /^(error|warning) (TS\d+: .*)$/.exec(line);
    const last = diagnostics[diagnostics.length - 1];
    if (located) {
      const [, file = '', row = '0', column = '0', , text = ''] = located;
      diagnostics.push({
        file: file.split(sep).join('/'),
        line: Number(row),
        column: Number(column),
        text,
      });
    } else if (bare) {
      diagnostics.push({ file: '', line: 0, column: 0, text: bare[2] ?? '' });
    } else if (last && line.trim() !== '') {
      last.text += `\n${line}`;
    }
  }
  return diagnostics;
}
