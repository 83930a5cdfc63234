import * as z from 'zod';
import { PostalAddressSchema } from '../contact/address.js';
import { ContactChannelsSchema } from '../contact/contact-channel.js';
import { boundedText, SlugSchema } from '../shared/schema.js';
import { AcceptedCoverageSchema } from './coverage.js';
import { OpeningHoursSchema } from './opening-hours.js';
import { TimeZoneSchema } from './time-zone.js';

/** What a visitor with a disability, or anyone arriving, should know about a location. */
export const AccessibilitySchema = z
  .strictObject({
    wheelchairAccessible: z.boolean().optional().describe('Step-free entrance and treatment areas'),
    parking: boundedText(
      300,
      'Where to park, e.g. "Validated parking in the building garage"',
    ).optional(),
    publicTransit: boundedText(300, 'How to arrive by transit').optional(),
    notes: z
      .array(boundedText(300, 'One accessibility note'))
      .max(10)
      .default([])
      .describe('Other accessibility notes, one per item'),
  })
  .describe('Accessibility and arrival information');
/** Accessibility and arrival information. */
export type Accessibility = z.output<typeof AccessibilitySchema>;

/** A place where the practice treats patients: address, contact, time zone and hours. */
export const LocationSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Location name as shown, e.g. "Little Italy"'),
    address: PostalAddressSchema,
    contact: ContactChannelsSchema,
    timeZone: TimeZoneSchema,
    hours: OpeningHoursSchema,
    accessibility: AccessibilitySchema.optional(),
    acceptingNewPatients: z.boolean().describe('Whether the location takes new patients now'),
    coverage: z
      .array(AcceptedCoverageSchema)
      .max(50)
      .default([])
      .describe('Coverage and payment the location accepts'),
  })
  .describe('A place where the practice treats patients');
/** A location of the practice. */
export type Location = z.output<typeof LocationSchema>;
