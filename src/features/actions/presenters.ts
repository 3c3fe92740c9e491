/** What the levers API answers: a lever of the catalogue with its title and summary in the asked language. */
import { z } from 'zod';
import type { TTranslate } from '../../i18n/index.js';
import type { TLever } from './catalogue.js';

export const ZLeverOut = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  effort: z.string(),
  tiers: z.array(z.string()),
  criteria: z.array(z.string()),
  quantified: z.boolean().describe('true when the lever can be simulated on an inventory'),
  rgesn: z.array(z.string()),
  dimensions: z.array(z.string()),
  url: z.string(),
});

/** One lever; `url` is the path of its page. */
export function presentLever(t: TTranslate, l: TLever): z.infer<typeof ZLeverOut> {
  return {
    slug: l.slug,
    title: t(`actions.lever.${l.slug}.title` as never),
    summary: t(`actions.lever.${l.slug}.summary` as never),
    effort: l.effort,
    tiers: [...l.tiers],
    criteria: [...l.criteria],
    quantified: !!l.quantified,
    rgesn: [...l.rgesn],
    dimensions: [...l.dimensions],
    url: `/levers/${l.slug}`,
  };
}
