import * as z from 'zod';
import { WebsiteUrlSchema } from '../contact/website.js';
import { CredentialSchema } from '../credentials/credential.js';
import { NpiSchema } from '../identifiers/npi.js';
import { IndividualTaxonomyCodeSchema } from '../identifiers/taxonomy.js';
import { LanguageTagSchema } from '../shared/language-tag.js';
import { boundedText, SlugSchema } from '../shared/schema.js';

/** A person's name in parts. */
export const PersonNameSchema = z
  .strictObject({
    given: boundedText(60, 'Given (first) name'),
    middle: boundedText(60, 'Middle name or initial').optional(),
    family: boundedText(60, 'Family (last) name'),
    suffix: boundedText(
      20,
      'Generational suffix, e.g. "Jr." (credentials go in the listing, not here)',
    ).optional(),
  })
  .describe('A person’s name in parts');
/** A person's name. */
export type PersonName = z.output<typeof PersonNameSchema>;

/** What a therapist is, by regulatory designation: physical therapist, assistant, or other staff. */
export const TherapistRoleSchema = z
  .enum(['PT', 'PTA', 'other'])
  .describe(
    'PT (physical therapist), PTA (physical therapist assistant) or other (aide, trainer, …)',
  );
/** A therapist's role. */
export type TherapistRole = z.output<typeof TherapistRoleSchema>;

/** A clinician of the practice, with the credential listing as the site shows it. */
export const TherapistSchema = z
  .strictObject({
    slug: SlugSchema,
    name: PersonNameSchema,
    honorificPrefix: boundedText(20, 'Title shown before the name, e.g. "Dr."').optional(),
    pronouns: boundedText(40, 'Pronouns, e.g. "she/her"').optional(),
    role: TherapistRoleSchema,
    credentialListing: z
      .string()
      .min(1)
      .max(300)
      .describe(
        'The credentials exactly as the site displays them after the name, e.g. "PT, DPT, OCS"',
      ),
    credentials: z
      .array(CredentialSchema)
      .max(30)
      .default([])
      .describe('The credentials as structured data, with issuers, dates and licenses'),
    npi: NpiSchema.optional().describe('Individual (type 1) NPI'),
    specialties: z
      .array(IndividualTaxonomyCodeSchema)
      .max(10)
      .default([])
      .describe('NUCC taxonomy codes of an individual, e.g. 2251X0800X (orthopedic)'),
    languages: z
      .array(LanguageTagSchema)
      .min(1)
      .max(20)
      .default(['en'])
      .describe('Languages the therapist treats in, as BCP 47 tags'),
    bio: boundedText(5000, 'Biography shown on the site, plain text').optional(),
    photo: z
      .strictObject({
        url: WebsiteUrlSchema.describe('https:// address of the photo'),
        alt: boundedText(200, 'Text alternative for the photo'),
      })
      .optional()
      .describe('Portrait'),
    sameAs: z
      .array(WebsiteUrlSchema)
      .max(20)
      .default([])
      .describe('Profiles of the therapist elsewhere (professional directories, social media)'),
    locations: z
      .array(SlugSchema)
      .min(1)
      .max(50)
      .describe('Slugs of the locations where the therapist treats'),
    treatments: z
      .array(SlugSchema)
      .max(100)
      .default([])
      .describe('Slugs of the treatments the therapist offers'),
    acceptingNewPatients: z
      .boolean()
      .optional()
      .describe('Overrides the location’s setting for this therapist'),
  })
  .describe('A clinician of the practice');
/** A clinician of the practice. */
export type Therapist = z.output<typeof TherapistSchema>;
