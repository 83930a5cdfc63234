// Types of workspace-dependencies.mjs, for the TypeScript tests.

/** A workspace dependency as packed: its name, its version, its tarball. */
export interface PackedDependency {
  name: string;
  version: string;
  tarball: string;
}

/** The packed ranges for the workspace dependencies are their versions (or `^`/`~` them). */
export function checkWorkspaceRanges(
  packedJson: Record<string, unknown>,
  deps: PackedDependency[],
): string[];
/** Each workspace dependency is installed once, from its tarball, at its packed version. */
export function checkWorkspaceInstall(
  project: string,
  name: string,
  deps: PackedDependency[],
): string[];
