// @ts-check
// The consumer check of one publishable package: pack it as it would be published (and the
// workspace packages it depends on, which an npm user gets from the registry), check the tarball,
// install the tarballs with npm into a fresh project outside the repository, and type-check and
// run every README example there in ESM and CommonJS. ../README.md has the example convention.
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
import { importProblems, readmeInstalls } from './readme-installs.mjs';
import { readTarball } from './tarball.mjs';
import {
  checkDistBuilt,
  dependencySpecs,
  findRepoRoot,
  pack,
  pinnedTools,
  pnpmSpec,
  readJson,
  workspaceDependencies,
  workspacePackages,
} from './workspace.mjs';
import { checkWorkspaceInstall, checkWorkspaceRanges } from './workspace-dependencies.mjs';

const USAGE = `usage: node test/consumer/check.mjs [--readme <file>] [--keep]
  --readme <file>  take the examples from <file> instead of the packed README.md
  --keep           keep the temp folder (tarballs and consumer project); PTFX_CONSUMER_KEEP=1 too
Needs a built dist/ (turbo builds before \`test\`) and the npm registry or a warm npm cache.`;

/**
 * @typedef {{ name: string; problems: string[]; note?: string; skipped?: true }} Check
 * @typedef {import('./module-graph.mjs').GraphOptions} GraphOptions
 * @typedef {import('./workspace.mjs').WorkspacePackage} WorkspacePackage
 * @typedef {{
 *   packageDir: string;
 *   graph?: GraphOptions;
 *   lib?: string[];
 *   jsx?: { importSource: string; lib?: string[] };
 *   argv?: string[];
 * }} ConsumerCheckOptions
 */

/**
 * Runs the consumer check of the package in `packageDir`, prints every check and a verdict, and
 * sets `process.exitCode` to 1 when any failed. Resolves with the number of failed checks.
 * @param {ConsumerCheckOptions} options
 */
export async function runConsumerCheck(options) {
  const started = performance.now();
  /** Seconds since the start, for the progress lines. */
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  /** @type {Check[]} */
  const checks = [];
  let keep = process.env.PTFX_CONSUMER_KEEP === '1';
  /** @type {string | undefined} */
  let work;
  try {
    const { values } = parseArgs({
      args: options.argv ?? process.argv.slice(2),
      options: { readme: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    keep ||= values.keep === true;
    const setup = prepare(options);
    work = mkdtempSync(join(tmpdir(), 'ptfx-consumer-'));
    await checkAll({ ...setup, options, work, readmeFile: values.readme, elapsed }, checks);
  } catch (error) {
    checks.push({
      name: 'consumer check',
      problems: [error instanceof Error ? error.message : String(error)],
    });
  } finally {
    if (work !== undefined) {
      if (keep) console.log(`kept ${work}`);
      else rmSync(work, { recursive: true, force: true });
    }
  }
  const failed = report(checks);
  const verdict =
    failed === 0
      ? `all ${checks.length} consumer checks passed`
      : `${failed} of ${checks.length} consumer checks failed`;
  const skipped = checks.filter((check) => check.skipped).length;
  console.log(
    `\n${verdict}${skipped > 0 ? `, ${skipped} not checked (no-run)` : ''} (${elapsed()})`,
  );
  if (failed > 0) {
    if (!keep && work !== undefined)
      console.log('rerun with --keep (or PTFX_CONSUMER_KEEP=1) to look into the consumer project');
    process.exitCode = 1;
  }
  return failed;
}

/**
 * What the check takes from the repository before it starts anything; throws when the package is
 * not ready to be checked (not built, tools not pinned).
 * @param {ConsumerCheckOptions} options
 */
function prepare({ packageDir }) {
  const repoRoot = findRepoRoot(packageDir);
  const where = relative(repoRoot, resolve(packageDir)).split('\\').join('/');
  /** @type {{ name?: unknown }} */
  const { name } = readJson(join(packageDir, 'package.json'));
  if (typeof name !== 'string') throw new Error(`${where}/package.json has no "name"`);
  const tools = pinnedTools(packageDir, where, ['typescript', '@types/node']);
  checkDistBuilt(packageDir, where);
  return { repoRoot, where, name, pnpm: pnpmSpec(repoRoot), tools };
}

/**
 * Every check, pushed to `checks` as it is judged; throws when the harness cannot go on.
 * @param {{
 *   options: ConsumerCheckOptions; repoRoot: string; where: string; name: string; pnpm: string;
 *   tools: string[]; work: string; readmeFile: string | undefined; elapsed: () => string;
 * }} context
 * @param {Check[]} checks
 */
async function checkAll(context, checks) {
  const { options, repoRoot, where, name, pnpm, tools, work, readmeFile, elapsed } = context;
  console.log(`packing ${name} with ${pnpm} into ${work}`);
  const [tarball, packages] = await Promise.all([
    pack(pnpm, options.packageDir, join(work, 'pack'), where),
    workspacePackages(pnpm, repoRoot),
  ]);
  const deps = workspaceDependencies(options.packageDir, packages);
  for (const dep of deps) checkDistBuilt(dep.path, relative(repoRoot, dep.path));
  if (deps.length > 0) {
    console.log(
      `${elapsed()}: packing its workspace dependencies ${deps.map((d) => d.name).join(', ')}`,
    );
  }
  const depTarballs = await Promise.all(
    deps.map((dep, i) =>
      pack(pnpm, dep.path, join(work, `pack-dep-${i}`), relative(repoRoot, dep.path)),
    ),
  );
  const privateNames = new Set(packages.filter((p) => p.private).map((p) => p.name));
  const files = readTarball(readFileSync(tarball));
  const paths = [...files.keys()].sort();
  /** @type {Record<string, unknown>} */
  const packedJson = JSON.parse(files.get('package.json')?.toString('utf8') ?? '{}');
  const packedReadme = files.get('README.md')?.toString('utf8') ?? '';
  const packedDeps = deps.map((dep, i) => ({ ...dep, tarball: depTarballs[i] ?? '' }));
  checks.push(
    {
      name: 'tarball: files',
      problems: checkFileList(paths, where),
      note: `${paths.length} files`,
    },
    { name: 'tarball: package.json metadata', problems: checkPackageFields(packedJson, where) },
    { name: 'tarball: dependencies', problems: checkDependencies(packedJson, privateNames) },
    { name: 'tarball: README.md links', problems: checkReadmeLinks(packedReadme, paths) },
  );
  const rangeProblems = checkWorkspaceRanges(packedJson, packedDeps);
  const readmeName = readmeFile ? relative(process.cwd(), resolve(readmeFile)) : 'README.md';
  const readme = readmeFile ? readFileSync(readmeFile, 'utf8') : packedReadme;
  const examples = extractOrReport(readme, readmeName, options.jsx?.importSource, checks);
  const installs = installsOrReport(readme, readmeName, name, checks);
  // What the install command adds beyond the tarballs, at the range the package is built against.
  const fromTarballs = new Set([name, ...deps.map((dep) => dep.name)]);
  const { specs, unknown } = dependencySpecs(
    options.packageDir,
    installs.filter((installed) => !fromTarballs.has(installed)),
  );
  if (unknown.length > 0) {
    checks.push({
      name: `${readmeName}: install command`,
      problems: unknown.map(
        (other) =>
          `${readmeName} installs ${other}, which ${where}/package.json does not name: the check cannot tell which version a user gets — add it to the package's dependencies or peerDependencies, or take it out of the install command`,
      ),
    });
  }

  const project = join(work, 'project');
  const tarballs = [tarball, ...packedDeps.map((dep) => dep.tarball)];
  const installed = [...tarballs.map((file) => basename(file)), ...specs, ...tools];
  console.log(`${elapsed()}: installing ${installed.join(', ')} with npm into ${project}`);
  const consumerName = `${name.replace(/^@/, '').replace('/', '-')}-consumer`;
  await installConsumer({
    dir: project,
    name: consumerName,
    repoRoot,
    tarballs,
    tools: [...specs, ...tools],
  });
  if (packedDeps.length > 0) {
    checks.push({
      name: 'install: workspace dependencies from their tarballs',
      problems: [...rangeProblems, ...checkWorkspaceInstall(project, name, packedDeps)],
      note: packedDeps.map((dep) => `${dep.name} ${dep.version}`).join(', '),
    });
  }
  const sources = writeExamples(project, examples);
  if (options.graph) writeGraphScripts(project, options.graph);
  console.log(
    `${elapsed()}: type-checking (bundler, node16) and running ${sources.length / 2} examples from ${readmeName}`,
  );
  const diagnostics = await typecheckExamples(project, sources, options);
  checks.push(
    ...(await exampleChecks({
      project,
      examples,
      readmeName,
      diagnostics,
      importProblems: importProblems({
        examples,
        installs,
        packageName: name,
        jsxImportSource: options.jsx?.importSource,
        readmeName,
      }),
    })),
  );
  if (options.graph) {
    checks.push(
      await graphCheck(project, 'cjs', options.graph),
      await graphCheck(project, 'mjs', options.graph),
    );
  }
}

/**
 * Type-checks the written examples in both modes, the `.tsx` ones (with the package's JSX
 * settings) as programs of their own, so that the `.ts` ones show what a project without any JSX
 * setting gets; every program runs at once.
 * @param {string} project @param {string[]} sources @param {ConsumerCheckOptions} options
 */
async function typecheckExamples(project, sources, { lib, jsx }) {
  const tsx = sources.filter((file) => file.endsWith('.tsx'));
  const ts = sources.filter((file) => !file.endsWith('.tsx'));
  const modes = /** @type {const} */ (['bundler', 'node16']);
  const programs = modes.flatMap((mode) => [
    ...(ts.length > 0
      ? [{ mode, run: () => typecheck(project, mode, ts, lib ? { lib } : {}) }]
      : []),
    ...(tsx.length > 0 && jsx
      ? [
          {
            mode,
            run: () =>
              typecheck(project, mode, tsx, {
                jsxImportSource: jsx.importSource,
                ...((jsx.lib ?? lib) ? { lib: jsx.lib ?? lib } : {}),
              }),
          },
        ]
      : []),
  ]);
  const results = await Promise.all(programs.map((program) => program.run()));
  /** @type {Record<'bundler' | 'node16', import('./tsc-output.mjs').Diagnostic[]>} */
  const diagnostics = { bundler: [], node16: [] };
  for (const [i, program] of programs.entries())
    diagnostics[program.mode].push(...(results[i] ?? []));
  return diagnostics;
}

/**
 * The README's examples; none, and a failed check naming every malformed block, when they cannot
 * be read, and a failed check when there is none to run or a tsx one the package's check has no
 * JSX settings for.
 * @param {string} readme @param {string} name @param {string | undefined} jsxImportSource
 * @param {Check[]} checks
 */
function extractOrReport(readme, name, jsxImportSource, checks) {
  try {
    const examples = extractExamples(readme, name);
    const problems = [];
    if (!examples.some((example) => !example.noRun)) {
      problems.push(`${name} has no \`\`\`ts or \`\`\`tsx example to run`);
    }
    if (!jsxImportSource) {
      for (const example of examples.filter((e) => e.tsx && !e.noRun)) {
        problems.push(
          `${name}:${example.line}: a \`\`\`tsx example, but this package's consumer check sets no jsx: pass \`jsx: { importSource }\` to runConsumerCheck in test/consumer/check.mjs`,
        );
      }
    }
    if (problems.length > 0) checks.push({ name: `${name}: examples`, problems });
    return examples.filter((example) => jsxImportSource || !example.tsx || example.noRun);
  } catch (error) {
    checks.push({
      name: `${name}: examples`,
      problems: [error instanceof Error ? error.message : String(error)],
    });
    return [];
  }
}

/**
 * The packages the README's install command installs; a failed check when it has none, since
 * then nothing tells a reader what to install for its examples.
 * @param {string} readme @param {string} readmeName @param {string} name the package
 * @param {Check[]} checks
 */
function installsOrReport(readme, readmeName, name, checks) {
  try {
    const installs = readmeInstalls(readme, readmeName);
    if (installs.length === 0) {
      checks.push({
        name: `${readmeName}: install command`,
        problems: [
          `${readmeName} has no install command in a \`\`\`sh block: add \`npm install ${name}\` (and whatever else its examples import)`,
        ],
      });
    }
    return installs;
  } catch {
    return []; // a malformed fence: extractOrReport has said so
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
