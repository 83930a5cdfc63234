import * as z from 'zod';
import { boundedText, reportIssue } from '../shared/schema.js';
import { EmailAddressSchema } from './email.js';
import { PhoneNumberSchema } from './phone.js';
import { WebsiteUrlSchema } from './website.js';

/** What a contact channel is for. */
export const ContactPurposeSchema = z
  .enum(['general', 'appointments', 'billing', 'referrals', 'records', 'after-hours'])
  .describe(
    'What the channel is for: general, appointments, billing, referrals (e.g. a fax for physician referrals), records, after-hours',
  );
/** What a contact channel is for. */
export type ContactPurpose = z.output<typeof ContactPurposeSchema>;

const purposes = z
  .array(ContactPurposeSchema)
  .min(1)
  .max(6)
  .superRefine((list, ctx) => {
    const repeated = list.find((p, i) => list.indexOf(p) !== i);
    if (repeated) reportIssue(ctx, 'duplicate-value', `purpose "${repeated}" is listed twice`);
  })
  .describe('What the channel is for; at least one purpose, each once');
const label = boundedText(60, 'Label shown beside the channel, e.g. "Front desk"').optional();

/**
 * One way to reach the practice or a location: a phone, fax, text-message, email or web
 * channel, with what it is for.
 */
export const ContactChannelSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('phone').describe('A voice line'),
      value: PhoneNumberSchema,
      purposes,
      label,
    }),
    z.strictObject({
      kind: z.literal('fax').describe('A fax line'),
      value: PhoneNumberSchema,
      purposes,
      label,
    }),
    z.strictObject({
      kind: z.literal('sms').describe('A number that takes text messages'),
      value: PhoneNumberSchema,
      purposes,
      label,
    }),
    z.strictObject({
      kind: z.literal('email').describe('An email address'),
      value: EmailAddressSchema,
      purposes,
      label,
    }),
    z.strictObject({
      kind: z.literal('web').describe('A web page or online form, e.g. online booking'),
      value: WebsiteUrlSchema,
      purposes,
      label,
    }),
  ])
  .describe('A way to reach the practice: phone, fax, sms, email or web, with its purposes');
/** A contact channel. */
export type ContactChannel = z.output<typeof ContactChannelSchema>;
/** The kinds of contact channel. */
export type ContactChannelKind = ContactChannel['kind'];

/** The list of a place's contact channels. */
export const ContactChannelsSchema = z
  .array(ContactChannelSchema)
  .min(1)
  .max(20)
  .describe('Ways to reach this place; at least one');
