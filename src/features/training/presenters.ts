/**
 * What the training API answers: a training in the catalogue's exchange format (`toExchange`, the CSV columns
 * too), so a client can write back what it read. The format is snake_case by design.
 */
import { z } from 'zod';
import { toExchange } from './catalogue-files.js';
import type { TTraining } from './training-repository.js';

export const ZTrainingOut = z.object({
  id: z.number().int(),
  provider: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.string(),
  audiences: z.array(z.string()),
  education_level: z.string(),
  duration_hours: z.number(),
  format: z.string(),
  language: z.string(),
  cost_eur: z.number(),
  certificate: z.boolean(),
  licence: z.string(),
  prerequisites: z.string(),
  learning_outcomes: z.string(),
  url: z.string().nullable(),
  skills: z.array(z.string()).describe('block:level pairs of the DINUM skills framework (blocks 1-9, levels 1-5)'),
});

/** One training of the catalogue. */
export function presentTraining(tr: TTraining): z.infer<typeof ZTrainingOut> {
  return toExchange(tr);
}
