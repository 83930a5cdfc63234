// @ts-check
// A line diff for failure messages (node:util's diff needs Node 22.15). Outputs are short, so a
// plain longest-common-subsequence table is fast enough.

const CONTEXT = 2;
const MAX_LINES = 2000;

/**
 * `expected` against `actual`, line by line: `- ` lines only expected, `+ ` lines only printed,
 * `  ` lines shared, with two lines of context around each change and `…` for the rest.
 * @param {string} expected
 * @param {string} actual
 */
export function lineDiff(expected, actual) {
  const a = splitLines(expected);
  const b = splitLines(actual);
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    const first = a.findIndex((line, i) => line !== b[i]);
    return `(too long to diff) first difference at line ${first + 1}:\n- ${a[first]}\n+ ${b[first]}`;
  }
  // lcs(i, j): length of the longest common subsequence of a[i..] and b[j..]
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  /** @param {number} i @param {number} j */
  const lcs = (i, j) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  /** @type {{ mark: ' ' | '-' | '+'; text: string }[]} */
  const rows = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ mark: ' ', text: a[i++] ?? '' });
      j++;
    } else if (i < a.length && (j >= b.length || lcs(i + 1, j) >= lcs(i, j + 1))) {
      rows.push({ mark: '-', text: a[i++] ?? '' });
    } else {
      rows.push({ mark: '+', text: b[j++] ?? '' });
    }
  }
  const near = rows.map((_, k) =>
    rows.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((row) => row.mark !== ' '),
  );
  const out = [];
  for (const [k, row] of rows.entries()) {
    if (near[k]) out.push(`${row.mark} ${row.text}`.trimEnd());
    else if (near[k - 1] || (k === 0 && rows.length > 0)) out.push('  …');
  }
  return out.join('\n');
}

/** @param {string} text */
function splitLines(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const LONG_LINE = 100;
const WINDOW = 40;

/**
 * Where the first line that differs starts to differ, when that line is too long to compare by
 * eye (one-line HTML, say): its 1-based line and column and, for each side, the text around that
 * column; undefined when the texts are equal or the line is short.
 * @param {string} expected
 * @param {string} actual
 * @returns {{ line: number; column: number; expected: string; printed: string } | undefined}
 */
export function firstDifference(expected, actual) {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const row = a.findIndex((line, i) => line !== b[i]);
  if (row < 0) return undefined;
  const left = a[row] ?? '';
  const right = b[row] ?? '';
  if (Math.max(left.length, right.length) <= LONG_LINE) return undefined;
  let column = 0;
  while (column < left.length && left[column] === right[column]) column++;
  const from = Math.max(0, column - WINDOW);
  /** @param {string} line */
  const around = (line) =>
    `${from > 0 ? '…' : ''}${line.slice(from, column + WINDOW)}${line.length > column + WINDOW ? '…' : ''}`;
  return { line: row + 1, column: column + 1, expected: around(left), printed: around(right) };
}
