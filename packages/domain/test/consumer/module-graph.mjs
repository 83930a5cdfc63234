// @ts-check
// One module graph: in the installed package, the root entry and `./credentials` must hand out
// the same objects, under require() and under import. Two copies would mean two catalogs and
// `instanceof` checks that fail across entry points.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indent } from './consumer-project.mjs';
import { run, tail } from './exec.mjs';

const BODY = `const shared = Object.keys(sub).filter((name) => name in root);
console.log(JSON.stringify({ shared, differ: shared.filter((name) => root[name] !== sub[name]) }));
`;

/** Writes `graph.cjs` and `graph.mjs` into the consumer project. @param {string} project */
export function writeGraphScripts(project) {
  const cjs = `const root = require('@ptfx/domain');\nconst sub = require('@ptfx/domain/credentials');\n`;
  const esm = `import * as root from '@ptfx/domain';\nimport * as sub from '@ptfx/domain/credentials';\n`;
  writeFileSync(join(project, 'graph.cjs'), cjs + BODY);
  writeFileSync(join(project, 'graph.mjs'), esm + BODY);
}

/**
 * Runs one graph script and judges it.
 * @param {string} project
 * @param {'cjs' | 'mjs'} format
 * @returns {Promise<{ name: string; problems: string[]; note?: string }>}
 */
export async function graphCheck(project, format) {
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
  if (!shared.includes('lintCredentialListing')) {
    problems.push(
      "'@ptfx/domain' and '@ptfx/domain/credentials' do not both export lintCredentialListing",
    );
  }
  if (differ.length > 0) {
    const list = differ.slice(0, 6).join(', ') + (differ.length > 6 ? ', …' : '');
    problems.push(
      `${differ.length} of the ${shared.length} exports '@ptfx/domain/credentials' shares with '@ptfx/domain' are different objects (${list}): the two entry points load two copies of the credentials modules`,
    );
  }
  return { name, problems, note: `${shared.length} shared exports compared` };
}
