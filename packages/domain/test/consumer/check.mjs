// @ts-check
// The consumer check of @ptfx/domain: what an npm user gets, checked from the outside. The harness
// and the README example convention are in tooling/consumer-check (README.md there);
// `node test/consumer/check.mjs --help`. Exits 1 when any check fails.
import { fileURLToPath } from 'node:url';
import { runConsumerCheck } from '@ptfx/consumer-check';

await runConsumerCheck({
  packageDir: fileURLToPath(new URL('../..', import.meta.url)),
  // The root entry re-exports the credentials modules: one copy of them, not two.
  graph: {
    root: '@ptfx/domain',
    sub: '@ptfx/domain/credentials',
    probe: 'lintCredentialListing',
  },
});
