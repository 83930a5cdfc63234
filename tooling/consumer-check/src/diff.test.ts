import { describe, expect, it } from 'vitest';
import { firstDifference, lineDiff } from './diff.mjs';

describe('lineDiff', () => {
  it('marks expected lines with -, printed lines with +, and keeps two lines of context', () => {
    const expected = 'a\nb\nc\nd\ne\nf\ng\n';
    const actual = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(lineDiff(expected, actual)).toMatchInlineSnapshot(`
      "  …
        b
        c
      - d
      + D
        e
        f
        g
      + h"
    `);
  });

  it('shows an empty side as all removals or all additions', () => {
    expect(lineDiff('', 'x\n')).toBe('+ x');
    expect(lineDiff('x\n', '')).toBe('- x');
  });
});

describe('firstDifference', () => {
  it('points into a long line at the first character that differs, with text around it', () => {
    const head =
      '<section><a href="https://www.openstreetmap.org/search?query=1601%20Kettner%20Blvd"';
    const expected = `intro\n${head} rel="noopener">Map</a></section>\n`;
    const actual = `intro\n${head}>Map</a></section>\n`;
    expect(firstDifference(expected, actual)).toEqual({
      line: 2,
      column: head.length + 1,
      expected: '….org/search?query=1601%20Kettner%20Blvd" rel="noopener">Map</a></section>',
      printed: '….org/search?query=1601%20Kettner%20Blvd">Map</a></section>',
    });
  });

  it('says nothing for equal texts and short lines, which the line diff shows well', () => {
    expect(firstDifference('a\n', 'a\n')).toBeUndefined();
    expect(firstDifference('short\n', 'shirt\n')).toBeUndefined();
  });
});
