import * as z from 'zod';
import { CoverageKindSchema } from '../clinic/coverage.js';
import { WeekdaySchema } from '../clinic/opening-hours.js';
import { EmailAddressSchema } from '../contact/email.js';
import { PhoneNumberSchema } from '../contact/phone.js';
import { boundedText, SlugSchema } from '../shared/schema.js';

// A lone UTF-16 surrogate cannot be stored as UTF-8: it would come back as U+FFFD, not as sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person typed: trimmed, bounded, and storable exactly as sent. */
function personText(max: number, description: string) {
  return boundedText(max, description).refine((text) => !LONE_SURROGATE.test(text), {
    error: 'contains a broken character (a lone UTF-16 surrogate); send valid Unicode text',
  });
}

/** The ways a clinic can answer a consultation request. */
export const ReplyChannelSchema = z
  .enum(['phone', 'sms', 'email'])
  .describe('A way to answer: phone (a call), sms (a text message) or email');
/** A way to answer a consultation request: a call, a text or an email. */
export type ReplyChannel = z.output<typeof ReplyChannelSchema>;

/**
 * How to reach the person who asks: a phone number and/or an email address, and the channel they
 * prefer. A call or text needs the phone number; an email needs the address.
 */
export const ReplyContactSchema = z
  .strictObject({
    phone: PhoneNumberSchema.optional(),
    email: EmailAddressSchema.optional(),
    preferred: ReplyChannelSchema.describe('The channel the person prefers'),
  })
  .superRefine((contact, ctx) => {
    if (contact.phone === undefined && contact.email === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'give a phone number or an email address (or both) so the clinic can answer',
      });
    }
    if ((contact.preferred === 'phone' || contact.preferred === 'sms') && !contact.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: `preferred channel "${contact.preferred}" needs a phone number`,
      });
    }
    if (contact.preferred === 'email' && !contact.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'preferred channel "email" needs an email address',
      });
    }
  })
  .describe('How to reach the person: phone and/or email, and the preferred channel');
/** How to reach the person who asks. */
export type ReplyContact = z.output<typeof ReplyContactSchema>;

/** A time the person would like to come in. */
export const PreferredTimeSchema = z
  .strictObject({
    days: z.array(WeekdaySchema).min(1).max(7).describe('Days that suit'),
    window: z
      .enum(['morning', 'midday', 'afternoon', 'evening', 'any'])
      .describe('Part of the day that suits, in the location’s time zone'),
  })
  .describe('A time that suits the person');
/** A time that suits the person. */
export type PreferredTime = z.output<typeof PreferredTimeSchema>;

/** Consent to be contacted: the version of the text shown and the channels it covers. */
export const ContactConsentSchema = z
  .strictObject({
    accepted: z
      .literal(true, { error: 'consent must be accepted (true) before a request can be sent' })
      .describe('The person ticked the consent box'),
    textVersion: personText(40, 'Version of the consent text shown, e.g. "2026-01"'),
    channels: z
      .array(ReplyChannelSchema)
      .min(1)
      .max(3)
      .refine((channels) => new Set(channels).size === channels.length, {
        error: 'list each channel once',
      })
      .describe('The channels the person agreed to be contacted on'),
  })
  .describe('Consent to be contacted about the request, and which text they agreed to');
/** Consent to be contacted. */
export type ContactConsent = z.output<typeof ContactConsentSchema>;

/**
 * A consultation request from the public ("Call or message us to book your appointment"): who,
 * how to reach them, why, when suits, and their consent to be contacted under a versioned text.
 * Only what is needed to call back is asked for: no date of birth, no member ID.
 *
 * `website` is a honeypot: the form hides it from people, so only bots fill it in. A request
 * with it filled is a bot's ({@link isHoneypotFilled}); it is accepted by the schema so that the
 * bot is not told.
 */
export const ConsultationRequestSchema = z
  .strictObject({
    name: z
      .strictObject({
        given: personText(60, 'Given (first) name'),
        family: personText(60, 'Family (last) name'),
      })
      .describe('Name of the person to contact'),
    contact: ReplyContactSchema,
    reason: personText(2000, 'Why they want a consultation, in their own words'),
    preferredTimes: z
      .array(PreferredTimeSchema)
      .max(10)
      .default([])
      .describe('Times that suit, if any'),
    patientStatus: z.enum(['new', 'returning']).describe('new or returning patient'),
    coverage: z
      .strictObject({
        kind: CoverageKindSchema,
        plan: personText(120, 'Plan name, e.g. "Aetna PPO"').optional(),
      })
      .optional()
      .describe('How they expect to pay, if they say'),
    location: SlugSchema.optional().describe('Slug of the location they prefer'),
    therapist: SlugSchema.optional().describe('Slug of the therapist they prefer'),
    consent: ContactConsentSchema,
    website: z
      .string()
      .max(200)
      .optional()
      .describe('Leave empty. A field hidden from people; only bots fill it in'),
  })
  .superRefine((request, ctx) => {
    if (!request.consent.channels.includes(request.contact.preferred)) {
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'channels'],
        message: `consent must cover the preferred channel "${request.contact.preferred}"`,
      });
    }
  })
  .describe('A request for a consultation, sent by the public');
/** A consultation request, as sent (the honeypot included). */
export type ConsultationRequest = z.output<typeof ConsultationRequestSchema>;
/** A consultation request as kept: everything a person sent, without the honeypot. */
export type ConsultationRequestContent = Omit<ConsultationRequest, 'website'>;

/** Where a consultation request stands with the clinic's staff. */
export const ConsultationRequestStatusSchema = z
  .enum(['new', 'contacted', 'scheduled', 'closed', 'spam'])
  .describe(
    'new (not yet handled), contacted, scheduled (an appointment is booked), closed, or spam',
  );
/** Where a consultation request stands. */
export type ConsultationRequestStatus = z.output<typeof ConsultationRequestStatusSchema>;

/** A staff member's change of a request's status, with an optional note. */
export const StatusChangeSchema = z
  .strictObject({
    status: ConsultationRequestStatusSchema,
    note: personText(1000, 'What was done, e.g. "left a voicemail"').optional(),
  })
  .describe('A new status for a consultation request, with an optional note');
/** A change of status. */
export type StatusChange = z.output<typeof StatusChangeSchema>;

/** A complete, valid consultation request: the example in the API's OpenAPI document. */
export const CONSULTATION_REQUEST_EXAMPLE = {
  name: { given: 'Ana', family: 'Reyes' },
  contact: { phone: '(619) 555-0142', email: 'ana.reyes@example.com', preferred: 'sms' },
  reason: 'Lower back pain after lifting a box two weeks ago; it is worse in the mornings.',
  preferredTimes: [{ days: ['tuesday', 'thursday'], window: 'morning' }],
  patientStatus: 'new',
  coverage: { kind: 'va-community-care' },
  location: 'san-diego',
  consent: { accepted: true, textVersion: '2026-01', channels: ['sms', 'phone'] },
} as const satisfies z.input<typeof ConsultationRequestSchema>;
