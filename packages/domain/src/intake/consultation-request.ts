import { z } from 'zod';
import { CoverageKindSchema } from '../clinic/coverage.js';
import { WeekdaySchema } from '../clinic/opening-hours.js';
import { EmailAddressSchema } from '../contact/email.js';
import { PhoneNumberSchema } from '../contact/phone.js';
import { boundedText, SlugSchema } from '../shared/schema.js';

/** How the person asks to be reached, and at which number or address. */
export const ReplyChannelSchema = z
  .discriminatedUnion('channel', [
    z.strictObject({ channel: z.literal('phone').describe('Call me'), phone: PhoneNumberSchema }),
    z.strictObject({ channel: z.literal('sms').describe('Text me'), phone: PhoneNumberSchema }),
    z.strictObject({ channel: z.literal('email').describe('Email me'), email: EmailAddressSchema }),
  ])
  .describe('How to reach the person: phone, sms or email, with the number or address');
/** How to reach the person who asks. */
export type ReplyChannel = z.output<typeof ReplyChannelSchema>;

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

/**
 * A consultation request from the public ("Call or message us to book your appointment"): who,
 * how to reach them, why, when suits, and their consent to be contacted under a versioned text.
 * Only what is needed to call back is asked for: no date of birth, no member ID.
 */
export const ConsultationRequestSchema = z
  .strictObject({
    name: z
      .strictObject({
        given: boundedText(60, 'Given (first) name'),
        family: boundedText(60, 'Family (last) name'),
      })
      .describe('Name of the person to contact'),
    contact: ReplyChannelSchema,
    reason: boundedText(2000, 'Why they want a consultation, in their own words'),
    preferredTimes: z
      .array(PreferredTimeSchema)
      .max(10)
      .default([])
      .describe('Times that suit, if any'),
    patientStatus: z.enum(['new', 'returning']).describe('new or returning patient'),
    coverage: z
      .strictObject({
        kind: CoverageKindSchema,
        plan: boundedText(120, 'Plan name, e.g. "Aetna PPO"').optional(),
      })
      .optional()
      .describe('How they expect to pay, if they say'),
    location: SlugSchema.optional().describe('Slug of the location they prefer'),
    therapist: SlugSchema.optional().describe('Slug of the therapist they prefer'),
    consent: z
      .strictObject({
        accepted: z.literal(true, {
          error: 'consent must be accepted (true) before a request can be sent',
        }),
        textVersion: boundedText(40, 'Version of the consent text shown, e.g. "2026-01"'),
      })
      .describe('Consent to be contacted about the request, and which text they agreed to'),
  })
  .describe('A request for a consultation, sent by the public');
/** A consultation request. */
export type ConsultationRequest = z.output<typeof ConsultationRequestSchema>;
