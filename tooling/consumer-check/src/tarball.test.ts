import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarball } from './tarball.mjs';

/** A 512-byte ustar header; readTarball does not verify checksums, so none is written. */
function header(name: string, size: number, type: string, prefix = '') {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  return block;
}

function entry(name: string, body: string, type = '0', prefix = '') {
  const data = Buffer.from(body, 'utf8');
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return [header(name, data.length, type, prefix), padded];
}

describe('readTarball', () => {
  it('lists regular files without the first path segment, with ustar prefixes and pax paths', () => {
    const longPath = `package/dist/${'deep/'.repeat(30)}index.js`;
    const pax = `${`path=${longPath}\n`.length + 4} path=${longPath}\n`;
    const tar = Buffer.concat([
      ...entry('package/package.json', '{"name":"x"}'),
      ...entry('package/dist/', '', '5'),
      ...entry('index.cjs', 'module.exports = 1;', '0', 'package/dist'),
      ...entry('PaxHeader', pax, 'x'),
      ...entry('truncated-name', 'export {};'),
      Buffer.alloc(1024),
    ]);
    const files = readTarball(gzipSync(tar));
    expect([...files.keys()]).toEqual([
      'package.json',
      'dist/index.cjs',
      `dist/${'deep/'.repeat(30)}index.js`,
    ]);
    expect(files.get('package.json')?.toString()).toBe('{"name":"x"}');
  });
});
