// @ts-check
// The consumer check of @ptfx/site: what an npm user gets, checked from the outside. @ptfx/domain,
// its workspace dependency, is packed and installed beside it from its own tarball (an npm user
// gets it from the registry). The harness and the README example convention (```ts and ```tsx
// examples, each followed by a ```text block with its output) are in tooling/consumer-check
// (README.md there); `node test/consumer/check.mjs --help`. Exits 1 when any check fails.
import { fileURLToPath } from 'node:url';
import { runConsumerCheck } from '@ptfx/consumer-check';

await runConsumerCheck({
  packageDir: fileURLToPath(new URL('../..', import.meta.url)),
  // ```tsx examples render one component with Hono's JSX, set up as the README tells users to.
  // Hono's JSX declarations name DOM event types (MouseEvent, …), so a TSX project needs DOM in
  // `lib` (TypeScript's default when `lib` is not set). The .ts examples keep ES2023 alone.
  jsx: { importSource: 'hono/jsx', lib: ['ES2023', 'DOM'] },
});
