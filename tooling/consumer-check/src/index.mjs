// @ts-check
// The consumer check: `runConsumerCheck({ packageDir })` from a package's test/consumer/check.mjs.
export { runConsumerCheck } from './check.mjs';
