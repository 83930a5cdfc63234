// @ts-check
// Reads a packed .tgz in-process (gzip + ustar/pax), so the file list is what npm would publish
// and no `tar` binary is needed.
import { gunzipSync } from 'node:zlib';

/**
 * The regular files of a gzipped tarball, by path with the first segment (npm's `package/`)
 * removed.
 * @param {Buffer} tgz
 * @returns {Map<string, Buffer>}
 */
export function readTarball(tgz) {
  const tar = gunzipSync(tgz);
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  /** @type {string | undefined} a long name from a pax or GNU header, for the next entry */
  let longName;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      longName = paxPath(body.toString('utf8')) ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const prefix = field(header, 257, 6) === 'ustar' ? field(header, 345, 155) : '';
    const name =
      longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') files.set(name.replace(/^[^/]*\//, ''), Buffer.from(body));
  }
  return files;
}

/** @param {Buffer} header @param {number} start @param {number} length */
function field(header, start, length) {
  return header
    .subarray(start, start + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');
}

/** The `path` record of a pax extended header (`<length> path=<value>\n`). @param {string} text */
function paxPath(text) {
  for (const record of text.split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}
