import * as z from 'zod';
import { boundedText, IsoDateSchema, reportIssue, SlugSchema } from '../shared/schema.js';
import { ImageSchema } from './image.js';

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
    images: z
      .array(ImageSchema)
      .max(10)
      .default([])
      .describe(
        'Images that represent the article in search results and link previews; search engines prefer one each in 16:9, 4:3 and 1:1',
      ),
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
