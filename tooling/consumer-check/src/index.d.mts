// Types of index.mjs, for the packages that run the check (their test/consumer/check.mjs).

/** Two entry points of the package that share exports, and one export both must have. */
export interface GraphOptions {
  /** The first entry point, e.g. `@ptfx/domain`. */
  root: string;
  /** The second, e.g. `@ptfx/domain/credentials`. */
  sub: string;
  /** An export both must hand out. */
  probe: string;
}

/** What to check, and how. */
export interface ConsumerCheckOptions {
  /** The package's folder (absolute), inside the pnpm workspace. */
  packageDir: string;
  /** Check that two entry points load one module graph, under require() and import. */
  graph?: GraphOptions;
  /**
   * The consumer's `lib`; `['ES2023']` when absent. Add `DOM` only when the package's declarations
   * need it, and say so in its README.
   */
  lib?: string[];
  /**
   * For ```tsx examples: the consumer's `jsxImportSource` (with `jsx: react-jsx`), e.g. `hono/jsx`,
   * and its `lib` for them when other than `lib`.
   */
  jsx?: { importSource: string; lib?: string[] };
  /** The command-line arguments; `process.argv.slice(2)` when absent. */
  argv?: string[];
}

/**
 * Packs the package (and its workspace dependencies), checks the tarball, installs it with npm
 * into a fresh project outside the repository and type-checks and runs every README example in ESM
 * and CommonJS. Prints every check and a verdict, sets `process.exitCode` to 1 when any failed, and
 * resolves with the number of failed checks.
 */
export function runConsumerCheck(options: ConsumerCheckOptions): Promise<number>;
