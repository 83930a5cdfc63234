// @ts-check
// The consumer check of @ptfx/domain: pack the package as it would be published, check the
// tarball, install it with npm into a fresh project outside the repository, and type-check and
// run every README example there in ESM and CommonJS. README.md in this folder has the example
// convention; `node test/consumer/check.mjs --help`. Exits 1 when any check fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { indent, installConsumer, typecheck } from './consumer-project.mjs';
import { exampleChecks, writeExamples } from './examples.mjs';
import { extractExamples } from './markdown.mjs';
import { graphCheck, writeGraphScripts } from './module-graph.mjs';
import {
  checkDependencies,
  checkFileList,
  checkPackageFields,
  checkReadmeLinks,
} from './package-checks.mjs';
import { readTarball } from './tarball.mjs';
import {
  checkDistBuilt,
  pack,
  pinnedTools,
  pnpmSpec,
  privatePackages,
  repoRoot,
} from './workspace.mjs';

const USAGE = `usage: node test/consumer/check.mjs [--readme <file>] [--keep]
  --readme <file>  take the examples from <file> instead of the packed README.md
  --keep           keep the temp folder (tarball and consumer project); PTFX_CONSUMER_KEEP=1 too
Needs a built dist/ (turbo builds before \`test\`) and the npm registry or a warm npm cache.`;

/** @typedef {{ name: string; problems: string[]; note?: string; skipped?: true }} Check */

const started = performance.now();
/** Seconds since the start, for the progress lines. */
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function main() {
  const { values } = parseArgs({
    options: { readme: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const keep = values.keep === true || process.env.PTFX_CONSUMER_KEEP === '1';
  const pnpm = pnpmSpec();
  const tools = pinnedTools(['typescript', '@types/node']);
  checkDistBuilt();
  const work = mkdtempSync(join(tmpdir(), 'ptfx-consumer-'));
  /** @type {Check[]} */
  const checks = [];
  try {
    await checkAll({ work, pnpm, tools, readmeFile: values.readme }, checks);
  } catch (error) {
    checks.push({
      name: 'consumer check',
      problems: [error instanceof Error ? error.message : String(error)],
    });
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const failed = report(checks);
  const verdict =
    failed === 0
      ? `all ${checks.length} consumer checks passed`
      : `${failed} of ${checks.length} consumer checks failed`;
  const skipped = checks.filter((check) => check.skipped).length;
  console.log(
    `\n${verdict}${skipped > 0 ? `, ${skipped} not checked (ts no-run)` : ''} (${elapsed()})`,
  );
  if (failed > 0) {
    if (!keep)
      console.log('rerun with --keep (or PTFX_CONSUMER_KEEP=1) to look into the consumer project');
    process.exitCode = 1;
  }
}

/**
 * Every check, pushed to `checks` as it is judged; throws when the harness cannot go on.
 * @param {{ work: string; pnpm: string; tools: string[]; readmeFile: string | undefined }} options
 * @param {Check[]} checks
 */
async function checkAll({ work, pnpm, tools, readmeFile }, checks) {
  console.log(`packing @ptfx/domain with ${pnpm} into ${work}`);
  const [tarball, privateNames] = await Promise.all([
    pack(pnpm, join(work, 'pack')),
    privatePackages(pnpm),
  ]);
  const files = readTarball(readFileSync(tarball));
  const paths = [...files.keys()].sort();
  const packedJson = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}');
  const packedReadme = files.get('README.md')?.toString('utf8') ?? '';
  checks.push(
    { name: 'tarball: files', problems: checkFileList(paths), note: `${paths.length} files` },
    { name: 'tarball: package.json metadata', problems: checkPackageFields(packedJson) },
    { name: 'tarball: dependencies', problems: checkDependencies(packedJson, privateNames) },
    { name: 'tarball: README.md links', problems: checkReadmeLinks(packedReadme, paths) },
  );
  const readmeName = readmeFile ? relative(process.cwd(), resolve(readmeFile)) : 'README.md';
  const examples = extractOrReport(
    readmeFile ? readFileSync(readmeFile, 'utf8') : packedReadme,
    readmeName,
    checks,
  );

  const project = join(work, 'project');
  console.log(
    `${elapsed()}: installing ${basename(tarball)}, ${tools.join(', ')} with npm into ${project}`,
  );
  await installConsumer({ dir: project, repoRoot, tarball, tools });
  const sources = writeExamples(project, examples);
  writeGraphScripts(project);
  console.log(
    `${elapsed()}: type-checking (bundler, node16) and running ${sources.length / 2} examples from ${readmeName}`,
  );
  const [bundler = [], node16 = []] =
    sources.length === 0
      ? []
      : await Promise.all([
          typecheck(project, 'bundler', sources),
          typecheck(project, 'node16', sources),
        ]);
  checks.push(
    ...(await exampleChecks({ project, examples, readmeName, diagnostics: { bundler, node16 } })),
  );
  checks.push(await graphCheck(project, 'cjs'), await graphCheck(project, 'mjs'));
}

/**
 * The README's examples; none, and a failed check naming every malformed block, when they cannot
 * be read, and a failed check when there is none to run.
 * @param {string} readme @param {string} name @param {Check[]} checks
 */
function extractOrReport(readme, name, checks) {
  try {
    const examples = extractExamples(readme, name);
    if (!examples.some((example) => !example.noRun)) {
      checks.push({
        name: `${name}: examples`,
        problems: [`${name} has no \`\`\`ts example to run`],
      });
    }
    return examples;
  } catch (error) {
    checks.push({
      name: `${name}: examples`,
      problems: [error instanceof Error ? error.message : String(error)],
    });
    return [];
  }
}

/** Prints every check and returns how many failed. @param {Check[]} checks */
function report(checks) {
  console.log('');
  for (const { name, problems, note, skipped } of checks) {
    const mark = skipped ? '–' : problems.length === 0 ? '✓' : '✗';
    console.log(`${mark} ${name}${note ? ` (${note})` : ''}`);
    for (const problem of problems) console.log(indent(problem, 4));
  }
  return checks.filter((check) => check.problems.length > 0).length;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
