// Types of markdown.mjs, for the TypeScript tests (tsconfig.test.json does not read JSDoc).

/** A fenced code block: `line` is its opening fence (1-based), `endLine` its closing fence. */
export interface FencedBlock {
  line: number;
  endLine: number;
  info: string;
  indent: number;
  content: string;
}

/** A `ts` or `tsx` example: `line` is its opening fence; `expectedOutput` is normalised. */
export interface Example {
  line: number;
  code: string;
  expectedOutput?: string;
  expectedOutputLine?: number;
  noRun?: true;
  /** A `tsx` block: compiled with the package's JSX settings. */
  tsx?: true;
}

/** Every fenced code block of `markdown`, in order; throws at a fence never closed. */
export function fencedBlocks(markdown: string, file?: string): FencedBlock[];
/** Trailing whitespace cut from every line, trailing blank lines dropped, one final newline. */
export function normaliseOutput(text: string): string;
/** The `ts` and `tsx` examples with their expected output; throws one error naming every bad block. */
export function extractExamples(markdown: string, file?: string): Example[];
/** Every link target outside code, with its 1-based line. */
export function linkTargets(markdown: string, file?: string): { line: number; target: string }[];
