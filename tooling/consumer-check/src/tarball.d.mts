// Types of tarball.mjs, for the TypeScript tests.

/** The regular files of a gzipped tarball, by path without the first segment (`package/`). */
export function readTarball(tgz: Buffer): Map<string, Buffer>;
