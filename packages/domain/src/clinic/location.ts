import * as z from 'zod';
import { PostalAddressSchema } from '../contact/address.js';
import { ContactChannelsSchema } from '../contact/contact-channel.js';
import { ImageSchema } from '../content/image.js';
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

/**
 * Where a location is on the map, in WGS 84 decimal degrees (what schema.org `GeoCoordinates`, FHIR
 * `Location.position` and map links use). Give at least five decimals (about a metre): Google asks
 * for that precision for a local business.
 */
export const GeoCoordinatesSchema = z
  .strictObject({
    latitude: z
      .number()
      .min(-90)
      .max(90)
      .describe('Latitude in decimal degrees, -90 (south) to 90 (north), e.g. 32.72041'),
    longitude: z
      .number()
      .min(-180)
      .max(180)
      .describe('Longitude in decimal degrees, -180 (west) to 180 (east), e.g. -117.16996'),
  })
  .describe('Map coordinates (WGS 84 decimal degrees)');
/** Map coordinates of a location. */
export type GeoCoordinates = z.output<typeof GeoCoordinatesSchema>;

/** A place where the practice treats patients: address, contact, time zone and hours. */
export const LocationSchema = z
  .strictObject({
    slug: SlugSchema,
    name: boundedText(120, 'Location name as shown, e.g. "Little Italy"'),
    address: PostalAddressSchema,
    geo: GeoCoordinatesSchema.optional().describe(
      'Map coordinates of the entrance; search engines and the FHIR Location.position use them',
    ),
    contact: ContactChannelsSchema,
    images: z
      .array(ImageSchema)
      .max(10)
      .default([])
      .describe('Photos of the location (the entrance, the building), with text alternatives'),
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
