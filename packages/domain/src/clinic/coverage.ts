import * as z from 'zod';
import { boundedText } from '../shared/schema.js';

/**
 * The kinds of payment a practice can accept. `va-community-care` is the VA's program that pays
 * community providers to treat eligible veterans; `tricare` covers service members and families.
 */
export const CoverageKindSchema = z
  .enum([
    'medicare',
    'medicare-advantage',
    'medicaid',
    'va-community-care',
    'tricare',
    'commercial',
    'workers-compensation',
    'auto-injury',
    'self-pay',
  ])
  .describe(
    'Kind of coverage: medicare, medicare-advantage, medicaid, va-community-care, tricare, commercial, workers-compensation, auto-injury, self-pay',
  );
/** A kind of coverage. */
export type CoverageKind = z.output<typeof CoverageKindSchema>;

/** One kind of coverage a location accepts, optionally naming the plan and its network status. */
export const AcceptedCoverageSchema = z
  .strictObject({
    kind: CoverageKindSchema,
    plan: boundedText(
      120,
      'Plan or payer name, e.g. "Aetna PPO"; omit for the kind as a whole',
    ).optional(),
    network: z
      .enum(['in-network', 'out-of-network'])
      .optional()
      .describe(
        'Whether the practice is in the plan’s network or bills out of network; omit when it does not apply (self-pay)',
      ),
    notes: boundedText(
      300,
      'What patients should know, e.g. "referral from the VA required"',
    ).optional(),
  })
  .describe('A kind of coverage accepted');
/** Coverage a location accepts. */
export type AcceptedCoverage = z.output<typeof AcceptedCoverageSchema>;
