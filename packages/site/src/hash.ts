import { utf8 } from './utf8.js';

/**
 * A short content hash for asset names (`site.3f2a9c1d.css`): FNV-1a (32-bit) over the UTF-8
 * bytes, as 8 hex digits. Not for security: it only has to change when the content changes, and
 * it has to run on any platform the site renders on (no `node:crypto`).
 */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
