import * as z from 'zod';
import { WebsiteUrlSchema } from '../contact/website.js';
import { boundedText } from '../shared/schema.js';

const pixels = (description: string) =>
  z.number().int().min(1).max(100_000).optional().describe(description);

/**
 * A published image: where it is, the text that replaces it for someone who cannot see it, and,
 * when known, its size in pixels. Search engines use the size to pick an image (Google asks for at
 * least 50,000 pixels, width × height, for an article image); the site writes the alt text into
 * `<img alt>`.
 */
export const ImageSchema = z
  .strictObject({
    url: WebsiteUrlSchema.describe('https:// address of the image file'),
    alt: boundedText(300, 'Text alternative: what the image shows, for someone who cannot see it'),
    width: pixels('Width in pixels'),
    height: pixels('Height in pixels'),
  })
  .describe('An image with its text alternative');
/** An image with its text alternative. */
export type Image = z.output<typeof ImageSchema>;
