// @ts-check
// README examples in the consumer project: each written unchanged as examples/readme-<line>.mts
// and .cts (a tsx one as examples/esm/readme-<line>.tsx and examples/cjs/…, whose package.json
// gives the format, since .tsx has no .mts twin), type-checked in both modes, run from the node16
// output, and judged as one check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { indent, writeJson } from './consumer-project.mjs';
import { summariseDeclarationErrors } from './declaration-errors.mjs';
import { firstDifference, lineDiff } from './diff.mjs';
import { run } from './exec.mjs';
import { normaliseOutput } from './markdown.mjs';

/**
 * @typedef {import('./markdown.mjs').Example} Example
 * @typedef {import('./tsc-output.mjs').Diagnostic[]} Diagnostics
 * @typedef {{ name: string; problems: string[]; note?: string; skipped?: true }} Check
 * @typedef {import('./exec.mjs').RunResult} RunResult
 */

const FORMATS = /** @type {const} */ ([
  { ext: 'mts', out: 'mjs', label: 'esm', type: 'module' },
  { ext: 'cts', out: 'cjs', label: 'cjs', type: 'commonjs' },
]);

/** @typedef {(typeof FORMATS)[number]} Format */

/**
 * Where an example is written for tsc, relative to the project.
 * @param {Example} example @param {Format} format
 */
function sourceFile(example, format) {
  return example.tsx
    ? `examples/${format.label}/readme-${example.line}.tsx`
    : `examples/readme-${example.line}.${format.ext}`;
}

/**
 * Where tsc's node16 build of an example is, relative to the project.
 * @param {Example} example @param {Format} format
 */
function outputFile(example, format) {
  return example.tsx
    ? `out/${format.label}/readme-${example.line}.js`
    : `out/readme-${example.line}.${format.out}`;
}

/**
 * Writes the examples to be run and returns their paths (relative to `project`) for tsc. With a
 * tsx example, examples/esm and examples/cjs (and their out/ twins, for node) get a package.json
 * with the `type` that makes their .tsx (and .js) files ESM or CommonJS.
 * @param {string} project
 * @param {Example[]} examples
 */
export function writeExamples(project, examples) {
  mkdirSync(join(project, 'examples'), { recursive: true });
  const runnable = examples.filter((e) => !e.noRun);
  if (runnable.some((e) => e.tsx)) {
    for (const { label, type } of FORMATS) {
      for (const folder of ['examples', 'out']) {
        writeJson(join(project, folder, label, 'package.json'), { type });
      }
    }
  }
  const files = [];
  for (const example of runnable) {
    for (const format of FORMATS) {
      const file = sourceFile(example, format);
      writeFileSync(join(project, file), example.code);
      files.push(file);
    }
  }
  return files;
}

/**
 * One check per example (its type errors in each mode, its run in each format) and one per mode
 * for errors outside the examples (the package's or a dependency's declaration files).
 * @param {{ project: string; examples: Example[]; readmeName: string; diagnostics: Record<'bundler' | 'node16', Diagnostics>; importProblems?: Map<number, string[]> }} options
 *   `importProblems`: what each example (by line) imports that the README does not install
 * @returns {Promise<Check[]>}
 */
export async function exampleChecks({
  project,
  examples,
  readmeName,
  diagnostics,
  importProblems = new Map(),
}) {
  /** @type {Check[]} */
  const checks = [];
  for (const [mode, list] of Object.entries(diagnostics)) {
    const outside = list.filter((d) => !d.file.startsWith('examples/'));
    if (outside.length === 0) continue;
    // The same declaration error can come from the .ts and the .tsx program.
    const errors = [
      ...new Set(
        outside.map((d) => (d.file ? `${d.file}:${d.line}:${d.column} ${d.text}` : d.text)),
      ),
    ];
    checks.push({
      name: `types (${mode}): outside the examples`,
      problems: summariseDeclarationErrors(errors),
    });
  }
  const runnable = examples.filter((e) => !e.noRun);
  const runs = await pool(
    runnable.flatMap((example) => FORMATS.map((format) => ({ example, format }))),
    ({ example, format }) =>
      run(process.execPath, ['--enable-source-maps', outputFile(example, format)], {
        cwd: project,
        timeoutMs: 60_000,
      }),
  );
  for (const example of examples) {
    const where = `${readmeName}:${example.line}`;
    if (example.noRun) {
      checks.push({
        name: `${where} example`,
        problems: [],
        note: `${example.tsx ? 'tsx' : 'ts'} no-run: not checked`,
        skipped: true,
      });
      continue;
    }
    const problems = [
      ...(importProblems.get(example.line) ?? []),
      ...typeProblems(example, readmeName, diagnostics),
      ...runProblems(example, readmeName, runs),
    ];
    const note =
      example.expectedOutput === undefined ? 'no text block: ran, stdout not compared' : undefined;
    checks.push({ name: `${where} example`, problems, ...(note ? { note } : {}) });
  }
  return checks;
}

/**
 * The example's type errors at their README positions, each once with the modes it occurs in.
 * @param {Example} example
 * @param {string} readmeName
 * @param {Record<string, Diagnostics>} diagnostics
 */
function typeProblems(example, readmeName, diagnostics) {
  /** @type {Map<string, string[]>} */
  const modesByError = new Map();
  for (const [mode, list] of Object.entries(diagnostics)) {
    for (const format of FORMATS) {
      const file = sourceFile(example, format);
      for (const d of list.filter((item) => item.file === file)) {
        const error = `${readmeName}:${example.line + d.line}:${d.column} ${d.text}`;
        modesByError.set(error, [...(modesByError.get(error) ?? []), `${mode} ${format.label}`]);
      }
    }
  }
  return [...modesByError].map(([error, modes]) => `types (${modes.join(', ')}): ${error}`);
}

/**
 * What went wrong running the example's ESM and CommonJS builds, each once with the formats it
 * occurs in: a crash (its stack at README lines), or stdout that is not the text block.
 * @param {Example} example
 * @param {string} readmeName
 * @param {Map<string, RunResult>} runs
 */
function runProblems(example, readmeName, runs) {
  /** @type {Map<string, string[]>} */
  const formatsByProblem = new Map();
  const outputs = [];
  for (const { out, label } of FORMATS) {
    const result = runs.get(`${example.line}.${out}`);
    if (!result) continue;
    let problem;
    if (result.code !== 0) {
      const how = result.timedOut
        ? 'did not finish in 60 s'
        : `exited with ${result.code ?? result.signal}`;
      problem = `${how}\n${indent(crashReport(result.stderr || result.stdout, readmeName), 4)}`;
    } else {
      const printed = normaliseOutput(result.stdout);
      outputs.push(printed);
      if (example.expectedOutput !== undefined && printed !== example.expectedOutput) {
        const diff = lineDiff(example.expectedOutput, printed);
        const first = firstDifference(example.expectedOutput, printed);
        const where = first
          ? `\n  first difference at ${readmeName}:${(example.expectedOutputLine ?? 0) + first.line}:${first.column}:\n    expected ${JSON.stringify(first.expected)}\n    printed  ${JSON.stringify(first.printed)}`
          : '';
        problem = `stdout differs from the text block at ${readmeName}:${example.expectedOutputLine} (- expected, + printed):\n${indent(diff, 4)}${where}`;
      }
    }
    if (problem) formatsByProblem.set(problem, [...(formatsByProblem.get(problem) ?? []), label]);
  }
  const problems = [...formatsByProblem].map(
    ([problem, labels]) => `run (${labels.join(', ')}): ${problem}`,
  );
  if (example.expectedOutput === undefined && outputs.length === 2 && outputs[0] !== outputs[1]) {
    const diff = lineDiff(outputs[0] ?? '', outputs[1] ?? '');
    problems.push(
      `run: ESM and CommonJS print different output (- esm, + cjs):\n${indent(diff, 4)}`,
    );
  }
  return problems;
}

/**
 * The start of a crash's output, without Node's own stack frames and version line, with the
 * example's positions (source-mapped) written as README positions.
 * @param {string} output
 * @param {string} readmeName
 */
function crashReport(output, readmeName) {
  const lines = output
    .replace(
      /(?:[^\s(]*\/)?examples\/(?:(?:esm|cjs)\/)?readme-(\d+)\.(?:[cm]ts|tsx):(\d+)/g,
      (_, fence, line) => `${readmeName}:${Number(fence) + Number(line)}`,
    )
    .split('\n')
    .map((line) => line.replace(/^(\s+)at .*\bnode:internal\/.*\) \{$/, '$1… {'))
    .filter((line) => !/^\s+at .*\bnode:internal\//.test(line) && !/^Node\.js v\d/.test(line))
    .filter((line, i, all) => line.trim() !== '' || (all[i - 1] ?? '').trim() !== '');
  const text = lines.join('\n').trim();
  const shown = text.split('\n');
  return shown.length > 20 ? `${shown.slice(0, 20).join('\n')}\n…` : text;
}

/**
 * Runs `task` over `items`, as many at a time as there are cores; results keyed `<line>.<out>`.
 * @param {{ example: Example; format: Format }[]} items
 * @param {(item: { example: Example; format: Format }) => Promise<RunResult>} task
 */
async function pool(items, task) {
  /** @type {Map<string, RunResult>} */
  const results = new Map();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item) results.set(`${item.example.line}.${item.format.out}`, await task(item));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return results;
}
