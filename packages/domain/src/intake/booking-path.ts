import * as z from 'zod';
import { boundedText } from '../shared/schema.js';

/** One step of the way a new patient books, as the site shows it. */
export const BookingStepSchema = z
  .strictObject({
    title: boundedText(80, 'Step title, e.g. "Step one"'),
    text: boundedText(
      300,
      'What happens in this step, e.g. "Call or message us to book your appointment"',
    ),
    action: z
      .enum(['call', 'message', 'form', 'visit', 'none'])
      .default('none')
      .describe(
        'What the patient does in this step, if anything: call, message, form, visit or none',
      ),
  })
  .describe('One step of the booking path');
/** One step of the booking path. */
export type BookingStep = z.output<typeof BookingStepSchema>;

/**
 * The consent a consultation request is sent under: the words the form shows next to its box,
 * and their version, which every request records (`consent.textVersion`). Change the version
 * whenever the words change, so each stored request says which words the person agreed to.
 */
export const ConsentTextSchema = z
  .strictObject({
    version: boundedText(
      40,
      'Version of the consent words, e.g. "2026-01"; each request records it',
    ),
    text: boundedText(
      600,
      'The consent words the form shows next to its box, e.g. "I agree that the clinic may contact me…"',
    ),
  })
  .describe('The consent words of the consultation form, and their version');
/** The consent words of the consultation form, and their version. */
export type ConsentText = z.output<typeof ConsentTextSchema>;

/** The invitation to book that a clinic's pages close with ("Schedule a consultation…"). */
export const CallToActionSchema = z
  .strictObject({
    question: boundedText(
      120,
      'A question that leads in, e.g. "Are you dealing with chronic pain?"',
    ).optional(),
    text: boundedText(
      200,
      'The invitation, e.g. "Schedule a consultation with our Physical Therapists."',
    ),
    label: boundedText(60, 'The words of its link or button, e.g. "Contact us"'),
  })
  .describe('The invitation to book that the pages close with');
/** The invitation to book that the pages close with. */
export type CallToAction = z.output<typeof CallToActionSchema>;

/** The ordered steps a clinic shows new patients, from first contact to the goal. */
export const BookingPathSchema = z
  .strictObject({
    heading: boundedText(
      120,
      'Heading shown above the steps, e.g. "Take The First Step"',
    ).optional(),
    tagline: boundedText(
      120,
      'A line under the heading, e.g. "Ready to become painfree?"',
    ).optional(),
    steps: z.array(BookingStepSchema).min(1).max(10).describe('The steps, in order'),
    callToAction: CallToActionSchema.optional(),
    consent: ConsentTextSchema.optional().describe(
      'The consent words of the consultation form; without them the site shows no form, only how to call',
    ),
  })
  .describe('How a new patient books');
/** The booking path. */
export type BookingPath = z.output<typeof BookingPathSchema>;
