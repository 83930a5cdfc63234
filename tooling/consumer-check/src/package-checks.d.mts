// Types of package-checks.mjs, for the TypeScript tests. Each check returns its problems.

/**
 * Nothing from development ships; `package.json`, `README.md`, a `LICENSE` and `dist/` do.
 * `where` is the package folder in the repository (`packages/domain`), for the hints.
 */
export function checkFileList(paths: string[], where: string): string[];
/** `license`, `repository`, `homepage` and `bugs` are there; `sideEffects` is false or a list. */
export function checkPackageFields(pkg: Record<string, unknown>, where: string): string[];
/** No private workspace package or local range among the dependencies users install. */
export function checkDependencies(
  pkg: Record<string, unknown>,
  privateNames: Set<string>,
): string[];
/** Every relative link of the README names a file or folder in the tarball. */
export function checkReadmeLinks(readme: string, paths: string[]): string[];
