// Which Node.js versions the API runs on, checked first thing at start so that an unsupported
// Node gets one clear line instead of a stack trace from a module it lacks (node:sqlite).

/** Each supported major and its first release that works (22.13: node:sqlite without a flag). */
const FIRST_MINOR: ReadonlyMap<number, number> = new Map([
  [22, 13],
  [24, 0],
  [26, 0],
]);

/**
 * The Node.js versions the API supports, as `engines.node` says in package.json (a test keeps
 * them equal): `^22.13.0 || ^24.0.0 || ^26.0.0`.
 */
export const SUPPORTED_NODE = [...FIRST_MINOR]
  .map(([major, minor]) => `^${major}.${minor}.0`)
  .join(' || ');

/**
 * Why this Node.js version cannot run the API, or `undefined` when it can.
 *
 * @param version `process.versions.node`, e.g. `"20.20.2"`.
 * @example unsupportedNode('20.20.2') // 'Node.js 20.20.2 is not supported: … needs Node.js ^22.13.0 || …'
 */
export function unsupportedNode(version: string): string | undefined {
  const [major, minor] = version.split('.').map(Number);
  const first = major === undefined ? undefined : FIRST_MINOR.get(major);
  if (first !== undefined && minor !== undefined && minor >= first) return undefined;
  return (
    `Node.js ${version} is not supported: the API needs Node.js ${SUPPORTED_NODE} ` +
    '(it keeps consultation requests with the built-in node:sqlite)'
  );
}
