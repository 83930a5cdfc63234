// @ts-check
// The consumer check of @ptfx/domain: pack the package as npm would publish it, check the
// tarball, install it into a fresh project outside the repository, and type-check and run every
// README example there in ESM and CommonJS. `node test/consumer/check.mjs --help`; README.md in
// this folder has the example convention. Exits 1 when any check fails.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indent, installConsumer, typecheck, writeGraphScripts } from './consumer-project.mjs';
import { exampleChecks, writeExamples } from './examples.mjs';
import { consumerEnv, run, tail } from './exec.mjs';
import { extractExamples } from './markdown.mjs';
import {
  checkDependencies,
  checkFileList,
  checkPackageFields,
  checkReadmeLinks,
} from './package-checks.mjs';
import { readTarball } from './tarball.mjs';

const USAGE = `usage: node test/consumer/check.mjs [--readme <file>] [--keep]
  --readme <file>  take the examples from <file> instead of the packed README.md
  --keep           keep the temp folder (tarball and consumer project) to look into
Set PTFX_CONSUMER_KEEP=1 for --keep under turbo. Needs dist/ (run the build first) and npm's registry.`;

/** @typedef {{ name: string; problems: string[]; note?: string }} Check */

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = resolve(packageDir, '..', '..');

async function main() {
  const { values } = parseArgs({
    options: { readme: { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const started = performance.now();
  const keep = values.keep === true || process.env.PTFX_CONSUMER_KEEP === '1';
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const tools = ['typescript', '@types/node'].map((name) => exactSpec(pkg, name));
  const pnpm = pnpmSpec();
  if (!existsSync(join(packageDir, 'dist', 'index.js'))) {
    throw new Error(
      'packages/domain/dist/index.js is missing: build first (`pnpm --filter @ptfx/domain build`; turbo builds before `test`)',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'ptfx-consumer-'));
  const project = join(work, 'project');
  /** @type {Check[]} */
  const checks = [];
  try {
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

    const readmeName = values.readme
      ? relative(process.cwd(), resolve(values.readme))
      : 'README.md';
    const readme = values.readme ? readFileSync(values.readme, 'utf8') : packedReadme;
    const examples = extractOrReport(readme, readmeName, checks);

    console.log(`installing ${basename(tarball)}, ${tools.join(', ')} with npm into ${project}`);
    await installConsumer({ dir: project, repoRoot, tarball, tools });
    const sources = writeExamples(project, examples);
    writeGraphScripts(project);
    console.log(`type-checking and running ${sources.length / 2} examples from ${readmeName}`);
    const [bundler, node16] =
      sources.length === 0
        ? [[], []]
        : await Promise.all([
            typecheck(project, 'bundler', sources),
            typecheck(project, 'node16', sources),
          ]);
    checks.push(
      ...(await exampleChecks({ project, examples, readmeName, diagnostics: { bundler, node16 } })),
    );
    for (const format of /** @type {const} */ (['cjs', 'mjs']))
      checks.push(await graphCheck(project, format));
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
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${failed === 0 ? 'all' : `${failed} of`} ${checks.length} consumer checks ${failed === 0 ? 'passed' : 'failed'} (${seconds} s)`,
  );
  if (failed > 0) {
    if (!keep)
      console.log('rerun with --keep (or PTFX_CONSUMER_KEEP=1) to look into the consumer project');
    process.exitCode = 1;
  }
}

/** `name@version` from the package's devDependencies, which must pin it exactly. */
function exactSpec(
  /** @type {{ devDependencies?: Record<string, string> }} */ pkg,
  /** @type {string} */ name,
) {
  const version = pkg.devDependencies?.[name];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(
      `packages/domain/package.json must pin devDependencies["${name}"] exactly (the consumer installs that version), got ${JSON.stringify(version)}`,
    );
  }
  return `${name}@${version}`;
}

/** `pnpm@x.y.z` from the root package.json's `packageManager`. */
function pnpmSpec() {
  const { packageManager } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const version = /^pnpm@(\d+\.\d+\.\d+)/.exec(String(packageManager))?.[1];
  if (!version)
    throw new Error(
      `the root package.json's packageManager must be pnpm@x.y.z, got ${JSON.stringify(packageManager)}`,
    );
  return `pnpm@${version}`;
}

/** Packs with pnpm, which rewrites `workspace:` ranges as publishing does; returns the .tgz path. */
async function pack(/** @type {string} */ pnpm, /** @type {string} */ destination) {
  const result = await run('npx', ['-y', pnpm, 'pack', '--pack-destination', destination], {
    cwd: packageDir,
    env: consumerEnv(),
  });
  const tarballs =
    result.code === 0 ? readdirSync(destination).filter((file) => file.endsWith('.tgz')) : [];
  if (tarballs.length !== 1 || tarballs[0] === undefined) {
    throw new Error(
      `\`npx -y ${pnpm} pack\` in packages/domain failed (exit ${result.code}):\n${indent(tail(result.stderr || result.stdout), 4)}`,
    );
  }
  return join(destination, tarballs[0]);
}

/** The names of the workspace's private packages, from `pnpm ls -r`. */
async function privatePackages(/** @type {string} */ pnpm) {
  const result = await run('npx', ['-y', pnpm, 'ls', '-r', '--depth', '-1', '--json'], {
    cwd: repoRoot,
  });
  if (result.code !== 0)
    throw new Error(`\`npx -y ${pnpm} ls -r --json\` failed:\n${indent(tail(result.stderr), 4)}`);
  /** @type {{ name?: string; private?: boolean }[]} */
  const packages = JSON.parse(result.stdout);
  return new Set(packages.filter((p) => p.private && p.name).map((p) => String(p.name)));
}

/** The README's examples, or none and a failed check naming every malformed block. */
function extractOrReport(
  /** @type {string} */ readme,
  /** @type {string} */ name,
  /** @type {Check[]} */ checks,
) {
  try {
    const examples = extractExamples(readme, name);
    if (examples.some((example) => !example.noRun)) return examples;
    checks.push({
      name: `${name}: examples`,
      problems: [`${name} has no \`\`\`ts example to run`],
    });
    return examples;
  } catch (error) {
    checks.push({
      name: `${name}: examples`,
      problems: [error instanceof Error ? error.message : String(error)],
    });
    return [];
  }
}

/** One module graph per format: the root entry and `./credentials` share each export's object. */
async function graphCheck(/** @type {string} */ project, /** @type {'cjs' | 'mjs'} */ format) {
  const name = `module graph (${format === 'cjs' ? 'CommonJS require' : 'ESM import'})`;
  const result = await run(process.execPath, [`graph.${format}`], {
    cwd: project,
    timeoutMs: 60_000,
  });
  if (result.code !== 0)
    return { name, problems: [`graph.${format} failed:\n${indent(tail(result.stderr), 4)}`] };
  /** @type {{ shared: string[]; differ: string[] }} */
  const { shared, differ } = JSON.parse(result.stdout);
  const problems = [];
  if (!shared.includes('lintCredentialListing'))
    problems.push(
      "'@ptfx/domain' and '@ptfx/domain/credentials' do not both export lintCredentialListing",
    );
  if (differ.length > 0) {
    const list = differ.slice(0, 6).join(', ') + (differ.length > 6 ? ', …' : '');
    problems.push(
      `${differ.length} of ${shared.length} exports of '@ptfx/domain/credentials' are different objects from the same exports of '@ptfx/domain' (${list}): the entry points load two copies of the credentials modules`,
    );
  }
  return { name, problems, note: `${shared.length} shared exports` };
}

/** Prints every check and returns how many failed. @param {Check[]} checks */
function report(checks) {
  console.log('');
  for (const { name, problems, note } of checks) {
    console.log(`${problems.length === 0 ? '✓' : '✗'} ${name}${note ? ` (${note})` : ''}`);
    for (const problem of problems) console.log(indent(problem, 4));
  }
  return checks.filter((check) => check.problems.length > 0).length;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
