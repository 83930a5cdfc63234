import * as z from 'zod';
import { ContactChannelsSchema } from '../contact/contact-channel.js';
import { WebsiteUrlSchema } from '../contact/website.js';
import { ImageSchema } from '../content/image.js';
import { NpiSchema } from '../identifiers/npi.js';
import { TaxonomyCodeSchema } from '../identifiers/taxonomy.js';
import { boundedText, SlugSchema } from '../shared/schema.js';

/** The practice: the business that runs the locations and employs the therapists. */
export const OrganizationSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Public name of the practice, e.g. "The Physical Therapy Effect"'),
    alternateName: boundedText(120, 'Short or brand name, e.g. "PT Effect"').optional(),
    legalName: boundedText(200, 'Registered legal name, if it differs').optional(),
    description: boundedText(2000, 'What the practice does, in its own words').optional(),
    website: WebsiteUrlSchema.optional(),
    logo: WebsiteUrlSchema.optional().describe('https:// address of the logo image'),
    images: z
      .array(ImageSchema)
      .max(20)
      .default([])
      .describe(
        'Photos of the practice (the team, the treatment floor), each with its text alternative',
      ),
    priceRange: z
      .string()
      .trim()
      .min(1)
      .max(99)
      .optional()
      .describe(
        'Relative price level as search engines show it, e.g. "$$" or "$120–$180 per visit" (under 100 characters)',
      ),
    contact: ContactChannelsSchema,
    npi: NpiSchema.optional().describe('Organization (type 2) NPI of the practice'),
    taxonomy: z
      .array(TaxonomyCodeSchema)
      .min(1)
      .max(10)
      .default(['261QP2000X'])
      .describe('NUCC taxonomy of the practice; 261QP2000X is Clinic/Center – Physical Therapy'),
    sameAs: z
      .array(WebsiteUrlSchema)
      .max(20)
      .default([])
      .describe('Profiles of the practice elsewhere (directories, social media)'),
  })
  .describe('The practice');
/** The practice. */
export type Organization = z.output<typeof OrganizationSchema>;
