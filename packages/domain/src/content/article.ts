import { z } from 'zod';
import { boundedText, IsoDateSchema, reportIssue, SlugSchema } from '../shared/schema.js';

/** Words per minute behind {@link articleReadTime}. */
export const READING_WORDS_PER_MINUTE = 200;

/** A section of an article: an optional heading, paragraphs, and images by their alt text. */
export const ArticleSectionSchema = z
  .strictObject({
    heading: boundedText(200, 'Section heading').optional(),
    paragraphs: z
      .array(boundedText(5000, 'One paragraph, plain text'))
      .min(1)
      .max(50)
      .describe('Paragraphs, in order'),
    images: z
      .array(boundedText(300, 'Alt text of an image in the section'))
      .max(10)
      .default([])
      .describe('Images in the section, by alt text'),
  })
  .describe('A section of an article');
/** A section of an article. */
export type ArticleSection = z.output<typeof ArticleSectionSchema>;

/** An article the practice publishes. */
export const ArticleSchema = z
  .strictObject({
    slug: SlugSchema,
    title: boundedText(200, 'Title'),
    subtitle: boundedText(300, 'Subtitle or standfirst').optional(),
    author: SlugSchema.optional().describe(
      'Slug of the therapist who wrote it; omit for the practice',
    ),
    published: IsoDateSchema.describe('Publication date, YYYY-MM-DD'),
    updated: IsoDateSchema.optional().describe('Date of the last substantive update, YYYY-MM-DD'),
    sections: z.array(ArticleSectionSchema).min(1).max(50).describe('The body, in order'),
    displayedReadTime: z
      .number()
      .int()
      .min(1)
      .max(600)
      .optional()
      .describe(
        'The read time in minutes the site displays, if any; checked against the computed one',
      ),
    conditions: z.array(SlugSchema).max(20).default([]).describe('Slugs of conditions it is about'),
    treatments: z
      .array(SlugSchema)
      .max(50)
      .default([])
      .describe('Slugs of treatments it describes'),
  })
  .superRefine((article, ctx) => {
    if (article.updated && article.updated < article.published) {
      reportIssue(
        ctx,
        'invalid-date-range',
        `updated ${article.updated} is before published ${article.published}`,
        {
          path: ['updated'],
        },
      );
    }
  })
  .describe('An article the practice publishes');
/** An article. */
export type Article = z.output<typeof ArticleSchema>;

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
