import { z } from 'zod';
import { getLever } from './catalogue.js';

const blank = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;
const optNumber = z.preprocess((v) => {
  const b = blank(v);
  return typeof b === 'string' ? Number(b.replace(',', '.')) : b;
}, z.number({ message: 'form.invalidNumber' }).finite().optional());

export const actionStatuses = ['todo', 'in_progress', 'done', 'dropped'] as const;
export const actionOrigins = ['lever', 'rgesn', 'free'] as const;

/** An action as typed in the plan form; cross-field rules name the field to fix. */
export const ZActionInput = z
  .object({
    title: z.string().trim().min(1, 'form.required').max(200),
    description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(4000)),
    origin: z.enum(actionOrigins),
    lever_slug: z.preprocess(blank, z.string().optional()),
    rgesn_criterion: z.preprocess(blank, z.string().optional()),
    owner_user_id: z.preprocess(blank, z.coerce.number().int().positive().optional()),
    due_date: z.preprocess(blank, z.iso.date({ message: 'form.invalidDate' }).optional()),
    status: z.enum(actionStatuses).default('todo'),
    kpi_baseline: optNumber,
    kpi_target: optNumber,
    kpi_current: optNumber,
    kpi_unit: z.preprocess(blank, z.string().max(40).optional()),
    evidence: z.preprocess(blank, z.string().max(2000).optional()),
  })
  .superRefine((a, ctx) => {
    if (a.origin === 'lever' && !(a.lever_slug && getLever(a.lever_slug)))
      ctx.addIssue({ code: 'custom', path: ['lever_slug'], message: 'actions.error.lever' });
    if (a.origin === 'rgesn' && !(a.rgesn_criterion && /^\d{1,2}\.\d{1,2}$/.test(a.rgesn_criterion)))
      ctx.addIssue({ code: 'custom', path: ['rgesn_criterion'], message: 'actions.error.rgesn' });
    const anyKpi = a.kpi_baseline !== undefined || a.kpi_target !== undefined || a.kpi_current !== undefined;
    if (anyKpi && (a.kpi_target === undefined || !a.kpi_unit))
      ctx.addIssue({
        code: 'custom',
        path: [a.kpi_target === undefined ? 'kpi_target' : 'kpi_unit'],
        message: 'actions.error.kpiTarget',
      });
  });
export type TActionInput = z.infer<typeof ZActionInput>;

/** The "add to plan" button of the simulation: a lever, its parameters (JSON) and the inventory year. */
export const ZFromLever = z.object({
  lever: z.string().min(1),
  params: z.string().max(4000),
  year: z.coerce.number().int().min(2000).max(2200),
});
