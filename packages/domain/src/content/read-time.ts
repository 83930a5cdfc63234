// Word count and read time, apart from the schema so that a site importing them does not bundle zod.
import type { Article } from './article.js';

/** Words per minute behind {@link articleReadTime}. */
export const READING_WORDS_PER_MINUTE = 200;

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** The number of words in a text: runs of letters and digits, joined by apostrophes, hyphens or dots. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The words a reader reads: section headings and paragraphs (not the title, not image alt text). */
export function articleWordCount(article: Pick<Article, 'sections'>): number {
  let words = 0;
  for (const section of article.sections) {
    if (section.heading) words += countWords(section.heading);
    for (const paragraph of section.paragraphs) words += countWords(paragraph);
  }
  return words;
}

/**
 * The read time in whole minutes: the body's words ({@link articleWordCount}) at
 * {@link READING_WORDS_PER_MINUTE} words a minute, rounded up, at least 1. 200 wpm is the
 * conservative end of adult silent reading of non-fiction (meta-analyses put the mean near 240),
 * and rounding up never promises a shorter read than it is.
 *
 * @example
 * articleReadTime(article); // 3 for the sample article's 472 words
 */
export function articleReadTime(article: Pick<Article, 'sections'>): number {
  return Math.max(1, Math.ceil(articleWordCount(article) / READING_WORDS_PER_MINUTE));
}
