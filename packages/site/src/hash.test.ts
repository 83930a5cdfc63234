import { describe, expect, it } from 'vitest';
import { contentHash } from './hash.js';

describe('contentHash', () => {
  it('is FNV-1a over UTF-8, as 8 hex digits', () => {
    // Published FNV-1a 32-bit test vectors.
    expect(contentHash('')).toBe('811c9dc5');
    expect(contentHash('a')).toBe('e40c292c');
    expect(contentHash('foobar')).toBe('bf9cf968');
  });

  it('changes with the content, whatever the characters', () => {
    expect(contentHash('body{color:#000}')).not.toBe(contentHash('body{color:#001}'));
    expect(contentHash('’')).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash('’')).not.toBe(contentHash("'"));
  });
});
