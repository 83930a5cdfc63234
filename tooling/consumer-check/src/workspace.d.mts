// Types of workspace.mjs, for the TypeScript tests and check.mjs (a .d.mts beside a .mjs is what
// tsc reads for it).

/** A package of the workspace, as `pnpm ls -r` lists it; `path` is absolute. */
export interface WorkspacePackage {
  name: string;
  version: string;
  path: string;
  private: boolean;
}

/** The nearest folder at or above `packageDir` with a `pnpm-workspace.yaml`. */
export function findRepoRoot(packageDir: string): string;
/** `pnpm@x.y.z` from the root package.json's `packageManager`. */
export function pnpmSpec(repoRoot: string): string;
/** `name@version` for each of `names`, pinned exactly in the package's devDependencies. */
export function pinnedTools(packageDir: string, where: string, names: string[]): string[];
/** `name@range` for each of `names` the package depends on; `unknown`: those it does not. */
export function dependencySpecs(
  packageDir: string,
  names: string[],
): { specs: string[]; unknown: string[] };
/** Throws when the package's `module`/`main` file was never built; warns when src/ is newer. */
export function checkDistBuilt(packageDir: string, where: string): void;
/** Packs the package with pnpm into `destination` and returns the .tgz path. */
export function pack(
  pnpm: string,
  packageDir: string,
  destination: string,
  where: string,
): Promise<string>;
/** The workspace's packages, from `pnpm ls -r`. */
export function workspacePackages(pnpm: string, repoRoot: string): Promise<WorkspacePackage[]>;
/** The workspace packages `packageDir` needs at run time through `workspace:` ranges, transitively. */
export function workspaceDependencies(
  packageDir: string,
  packages: WorkspacePackage[],
): WorkspacePackage[];
/** A JSON file's object. */
export function readJson(file: string): Record<string, unknown>;
