// Word count and read time, apart from the schema so that a site importing them does not bundle zod.
import { expectShape, expectText } from '../shared/arguments.js';
import { ARTICLE_BODY } from '../shared/shapes.js';
import type { Article } from './article.js';

/** Words per minute behind {@link articleReadTime}. */
export const READING_WORDS_PER_MINUTE = 200;

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

function wordsIn(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * The number of words in a text: runs of letters and digits, joined by apostrophes, hyphens or dots.
 *
 * @throws {TypeError} when `text` is not text
 */
export function countWords(text: string): number {
  expectText('countWords', 'text', text);
  return wordsIn(text);
}

function bodyWords(article: Pick<Article, 'sections'>): number {
  let words = 0;
  for (const section of article.sections) {
    if (section.heading) words += wordsIn(section.heading);
    for (const paragraph of section.paragraphs) words += wordsIn(paragraph);
  }
  return words;
}

/**
 * The words a reader reads: section headings and paragraphs (not the title, not image alt text).
 *
 * @throws {TypeError} when `article` has no `sections` list of `{ heading?, paragraphs }`
 */
export function articleWordCount(article: Pick<Article, 'sections'>): number {
  expectShape('articleWordCount', 'article', article, ARTICLE_BODY);
  return bodyWords(article);
}

/**
 * The read time in whole minutes: the body's words ({@link articleWordCount}) at
 * {@link READING_WORDS_PER_MINUTE} words a minute, rounded up, at least 1. 200 wpm is the
 * conservative end of adult silent reading of non-fiction (meta-analyses put the mean near 240),
 * and rounding up never promises a shorter read than it is.
 *
 * @throws {TypeError} when `article` has no `sections` list of `{ heading?, paragraphs }`
 * @example
 * articleReadTime(article); // 3 for the sample article's 472 words
 */
export function articleReadTime(article: Pick<Article, 'sections'>): number {
  expectShape('articleReadTime', 'article', article, ARTICLE_BODY);
  return Math.max(1, Math.ceil(bodyWords(article) / READING_WORDS_PER_MINUTE));
}
