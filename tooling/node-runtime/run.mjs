#!/usr/bin/env node
// Runs a command on a supported Node. On one the root package.json's engines.node accepts it runs
// the command as it is. On an older one (this machine image ships Node 20, past its end of life)
// it says so, fetches Node 24 from the npm registry's `node` package into node_modules/.cache,
// puts it first on PATH, and runs the command there, so that the README's commands work on any
// machine with Node and npm. Usage: node tooling/node-runtime/run.mjs <command> [args…]
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FALLBACK_NODE, fetchNode, satisfies, supportedRange } from './runtime.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tooling/node-runtime/run.mjs <command> [args…]');
  process.exit(2);
}

const env = { ...process.env };
const range = supportedRange(root);
if (!satisfies(process.versions.node, range)) {
  const cache = join(root, 'node_modules', '.cache', 'ptfx-node');
  console.error(
    `ptfx: Node ${process.versions.node} is not supported (engines.node: ${range}); running \`${[command, ...args].join(' ')}\` on Node ${FALLBACK_NODE} from the npm registry's node package (in ${cache}). Install Node 22.13+, 24 or 26 to run it on your own Node.`,
  );
  let home;
  try {
    home = fetchNode(FALLBACK_NODE, cache);
  } catch (error) {
    console.error(`ptfx: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  env.PATH = `${join(home, 'bin')}${delimiter}${env.PATH ?? ''}`;
  env.npm_config_nodedir = home;
}
const result = spawnSync(command, args, { stdio: 'inherit', env });
if (result.error) {
  console.error(`ptfx: could not run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
