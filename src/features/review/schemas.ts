import { z } from 'zod';

/** A reviewed year: from the first plausible year of the network to a little after today. */
export const ZReviewYear = z.coerce.number().int().min(2000).max(2100);

/** The head-count a member gives for a year (for the per-employee benchmark). */
export const ZEmployeesForm = z.object({
  employees: z.coerce
    .number({ message: 'review.form.employeesInvalid' })
    .int('review.form.employeesInvalid')
    .min(1, 'review.form.employeesInvalid')
    .max(5_000_000, 'review.form.employeesInvalid'),
});

const ZTick = z
  .union([z.literal('1'), z.literal('on')])
  .optional()
  .transform((v) => v !== undefined);

/** What a member makes public; an unticked box (absent from the form) means private. */
export const ZPublicChoicesForm = z.object({
  footprint_trend: ZTick,
  maturity_level: ZTick,
  actions_done: ZTick,
  workshops_attended: ZTick,
});
export type TPublicChoices = z.infer<typeof ZPublicChoicesForm>;
export const publicChoiceKeys = ['footprint_trend', 'maturity_level', 'actions_done', 'workshops_attended'] as const;
