import { describe, expect, it } from 'vitest';
import { ArticleSchema } from './article.js';
import { articleReadTime, articleWordCount, countWords } from './read-time.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const article = (...paragraphs: string[]) => ({ sections: [{ paragraphs, images: [] }] });

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['Physical therapy isn’t one-size-fits-all.', 4],
    ["it's 80% of people", 4],
    ['e.g. the U.S. clinic', 4],
    ['  spaced\n\tout  ', 2],
    ['— – • |', 0],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('articleReadTime', () => {
  it.each([
    [1, 1],
    [200, 1],
    [201, 2],
    [400, 2],
    [401, 3],
    [472, 3],
    [600, 3],
    [601, 4],
  ])('%i words read in %i min (200 wpm, rounded up)', (n, minutes) => {
    expect(articleReadTime(article(words(n)))).toBe(minutes);
  });

  it('is at least one minute', () => {
    expect(articleReadTime(article('Hi.'))).toBe(1);
  });

  it('counts headings and paragraphs, not image alt text', () => {
    const withImage = {
      sections: [
        {
          heading: 'Two words',
          paragraphs: ['three more words'],
          images: ['an image of many many words'],
        },
      ],
    };
    expect(articleWordCount(withImage)).toBe(5);
  });
});

describe('ArticleSchema', () => {
  const base = {
    slug: 'a',
    title: 'T',
    published: '2022-10-24',
    sections: [{ paragraphs: ['x'] }],
  };
  it('rejects an update before publication and an impossible date', () => {
    expect(ArticleSchema.safeParse({ ...base, updated: '2022-10-01' }).success).toBe(false);
    expect(ArticleSchema.safeParse({ ...base, published: '2022-02-30' }).success).toBe(false);
    expect(ArticleSchema.safeParse(base).success).toBe(true);
  });
});
