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

/** The ordered steps a clinic shows new patients, from first contact to the goal. */
export const BookingPathSchema = z
  .strictObject({
    heading: boundedText(
      120,
      'Heading shown above the steps, e.g. "Take The First Step"',
    ).optional(),
    steps: z.array(BookingStepSchema).min(1).max(10).describe('The steps, in order'),
  })
  .describe('How a new patient books');
/** The booking path. */
export type BookingPath = z.output<typeof BookingPathSchema>;
