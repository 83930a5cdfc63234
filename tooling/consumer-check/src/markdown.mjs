// @ts-check
// README examples and links, read from markdown text. Pure functions: no filesystem, so the
// convention (see README.md in this folder) is pinned by markdown.test.ts.

/**
 * @typedef {{ line: number; endLine: number; info: string; indent: number; content: string }} FencedBlock
 *   `line` is the 1-based line of the opening fence, `endLine` that of the closing fence.
 * @typedef {{ line: number; code: string; expectedOutput?: string; expectedOutputLine?: number; noRun?: true; tsx?: true }} Example
 *   `line` is the opening fence of the `ts` or `tsx` block (`tsx` set for the latter);
 *   `expectedOutput` is normalised.
 */

const OPENING = /^( *)(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ *(`{3,}|~{3,})\s*$/;
// The languages of examples that are run, and info strings that look like one of them but would
// silently not be run.
const EXAMPLE_LANGUAGES = new Set(['ts', 'tsx']);
const NOT_RUN_LOOKALIKES = new Set(['typescript', 'mts', 'cts', 'jsx']);

/**
 * Every fenced code block of `markdown`, in order.
 * @param {string} markdown
 * @param {string} [file] the name used in error messages
 * @returns {FencedBlock[]}
 */
export function fencedBlocks(markdown, file = 'README.md') {
  const lines = markdown.split(/\r?\n/);
  /** @type {FencedBlock[]} */
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    if (fence.startsWith('`') && info.includes('`')) continue; // inline code, not a fence
    const content = [];
    let end = i + 1;
    for (; end < lines.length; end++) {
      const line = lines[end] ?? '';
      const close = CLOSING.exec(line);
      if (close?.[1]?.[0] === fence[0] && (close?.[1]?.length ?? 0) >= fence.length) break;
      content.push(line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    if (end >= lines.length) {
      throw new Error(
        `${file}:${i + 1}: the ${fence}${info.trim()} block opened here is never closed; close it with ${fence}`,
      );
    }
    const text = content.length > 0 ? `${content.join('\n')}\n` : '';
    blocks.push({
      line: i + 1,
      endLine: end + 1,
      info: info.trim(),
      indent: indent.length,
      content: text,
    });
    i = end;
  }
  return blocks;
}

/**
 * The same text with trailing whitespace cut from every line (a `\r` included), trailing blank
 * lines dropped and one final newline; empty text stays empty.
 * @param {string} text
 */
export function normaliseOutput(text) {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The `ts` and `tsx` examples of `markdown`, each with the `text` block that follows it (blank
 * lines and at most one line of prose, such as `Prints:`, between them) as its expected stdout.
 * Throws one error listing every malformed block as `file:line`.
 * @param {string} markdown
 * @param {string} [file] the name used in error messages
 * @returns {Example[]}
 */
export function extractExamples(markdown, file = 'README.md') {
  const lines = markdown.split(/\r?\n/);
  const blocks = fencedBlocks(markdown, file);
  /** @type {Example[]} */
  const examples = [];
  const problems = [];
  for (const [index, block] of blocks.entries()) {
    const [language = '', ...rest] = block.info.split(/\s+/);
    const lower = language.toLowerCase();
    const fix = lower === 'tsx' || lower === 'jsx' ? 'tsx' : 'ts';
    const hint = `write \`\`\`${fix} for an example that is run, or \`\`\`${fix} no-run to opt out`;
    if (NOT_RUN_LOOKALIKES.has(lower) || (EXAMPLE_LANGUAGES.has(lower) && language !== lower)) {
      problems.push(`${file}:${block.line}: \`\`\`${block.info} is not run: ${hint}`);
      continue;
    }
    if (!EXAMPLE_LANGUAGES.has(language)) continue;
    const tsx = language === 'tsx' ? { tsx: /** @type {const} */ (true) } : {};
    if (rest.length === 1 && rest[0] === 'no-run') {
      examples.push({ line: block.line, code: block.content, noRun: true, ...tsx });
      continue;
    }
    if (rest.length > 0) {
      problems.push(`${file}:${block.line}: unknown info string "${block.info}": ${hint}`);
      continue;
    }
    /** @type {Example} */
    const example = { line: block.line, code: block.content, ...tsx };
    const next = blocks[index + 1];
    if (next?.info === 'text' && isOutputGap(lines.slice(block.endLine, next.line - 1))) {
      example.expectedOutput = normaliseOutput(next.content);
      example.expectedOutputLine = next.line;
    }
    examples.push(example);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return examples;
}

/**
 * Whether the lines between an example and a `text` block make that block its output: blank
 * lines and at most one line of prose (not a heading).
 * @param {string[]} between
 */
function isOutputGap(between) {
  const prose = between.filter((line) => line.trim() !== '');
  return prose.length === 0 || (prose.length === 1 && !/^\s*#/.test(prose[0] ?? ''));
}

/**
 * Every link target in `markdown` outside code (inline `[text](target)` and images, reference
 * definitions `[id]: target`, and HTML `href`/`src`), with its 1-based line.
 * @param {string} markdown
 * @param {string} [file] the name used in error messages
 * @returns {{ line: number; target: string }[]}
 */
export function linkTargets(markdown, file = 'README.md') {
  const lines = markdown.split(/\r?\n/);
  for (const block of fencedBlocks(markdown, file)) {
    for (let i = block.line - 1; i < block.endLine; i++) lines[i] = '';
  }
  const found = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/(`+)[^`]*?\1/g, '');
    const patterns = [
      /\]\(\s*<([^>]*)>[^)]*\)/g, // [text](<target with spaces>)
      /\]\(\s*([^\s)<][^\s)]*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g, // [text](target "title")
      /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/g, // [id]: target
      /\b(?:href|src)\s*=\s*["']([^"']+)["']/g,
    ];
    for (const pattern of patterns) {
      for (const match of line.matchAll(pattern)) {
        if (match[1] !== undefined) found.push({ line: index + 1, target: match[1] });
      }
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
