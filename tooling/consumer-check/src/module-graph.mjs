// @ts-check
// One module graph: in the installed package, two entry points (for @ptfx/domain the root and
// `./credentials`) must hand out the same objects, under require() and under import. Two copies
// would mean two catalogs and `instanceof` checks that fail across entry points.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indent } from './consumer-project.mjs';
import { run, tail } from './exec.mjs';

const BODY = `const shared = Object.keys(sub).filter((name) => name in root);
console.log(JSON.stringify({ shared, differ: shared.filter((name) => root[name] !== sub[name]) }));
`;

/**
 * Two entry points that share exports, and one export both must have.
 * @typedef {{ root: string; sub: string; probe: string }} GraphOptions
 */

/**
 * Writes `graph.cjs` and `graph.mjs` into the consumer project.
 * @param {string} project @param {GraphOptions} graph
 */
export function writeGraphScripts(project, { root, sub }) {
  const cjs = `const root = require(${JSON.stringify(root)});\nconst sub = require(${JSON.stringify(sub)});\n`;
  const esm = `import * as root from ${JSON.stringify(root)};\nimport * as sub from ${JSON.stringify(sub)};\n`;
  writeFileSync(join(project, 'graph.cjs'), cjs + BODY);
  writeFileSync(join(project, 'graph.mjs'), esm + BODY);
}

/**
 * Runs one graph script and judges it.
 * @param {string} project
 * @param {'cjs' | 'mjs'} format
 * @param {GraphOptions} graph
 * @returns {Promise<{ name: string; problems: string[]; note?: string }>}
 */
export async function graphCheck(project, format, { root, sub, probe }) {
  const name = `module graph (${format === 'cjs' ? 'CommonJS require' : 'ESM import'})`;
  const result = await run(process.execPath, [`graph.${format}`], {
    cwd: project,
    timeoutMs: 60_000,
  });
  if (result.code !== 0) {
    return { name, problems: [`graph.${format} failed:\n${indent(tail(result.stderr), 4)}`] };
  }
  /** @type {{ shared: string[]; differ: string[] }} */
  const { shared, differ } = JSON.parse(result.stdout);
  const problems = [];
  if (!shared.includes(probe)) {
    problems.push(`'${root}' and '${sub}' do not both export ${probe}`);
  }
  if (differ.length > 0) {
    const list = differ.slice(0, 6).join(', ') + (differ.length > 6 ? ', …' : '');
    problems.push(
      `${differ.length} of the ${shared.length} exports '${sub}' shares with '${root}' are different objects (${list}): the two entry points load two copies of the modules they share`,
    );
  }
  return { name, problems, note: `${shared.length} shared exports compared` };
}
