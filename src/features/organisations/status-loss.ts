import { publicUrl, type TConfig } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { translator } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';

/** What a feature is told when an organisation loses its partner or expert status. */
export interface TStatusLoss {
  organisationId: number;
  actorId: number;
  reason: string;
  config: TConfig;
  /** Set after the handlers ran: how many registrants of withdrawn workshops were mailed. */
  registrantsMailed?: number;
}

/**
 * Takes offline (never deletes) what the organisation published under its status; returns how many items.
 * Runs inside the withdrawal's transaction, so the status and the publications change together.
 */
export type TStatusLossHandler = (tx: Tx, loss: TStatusLoss) => Promise<number>;

const handlers = new Map<string, TStatusLossHandler>();

/**
 * Each publishing feature (workshops, knowledge, training) registers its handler from its `index.ts`; the
 * organisations feature cannot import them (they depend on it), so they come to it.
 */
export function onStatusLoss(feature: string, handler: TStatusLossHandler): void {
  handlers.set(feature, handler);
}

/**
 * The people registered (confirmed or on the waiting list) to the organisation's upcoming published workshops,
 * read before the handlers run: once the workshops handler has put them back to draft, they are the ones to tell.
 * Only rows are read here (the workshops feature sits above organisations and cannot be imported).
 */
async function upcomingRegistrants(tx: Tx, organisationId: number, now: string) {
  return tx
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['w.id as workshopId', 'w.title', 'w.starts_at', 'u.email', 'u.name', 'u.locale'])
    .where('w.organisation_id', '=', organisationId)
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>', now)
    .where('r.status', 'in', ['confirmed', 'waitlisted'])
    .where('u.disabled_at', 'is', null)
    .orderBy('w.id')
    .orderBy('r.id')
    .execute();
}

/**
 * Runs every registered handler; returns the count of items unpublished per feature. Registrants of the upcoming
 * workshops the handlers took offline are mailed (outbox, same transaction): the workshop will not take place as
 * announced, and why (their count is left in `loss.registrantsMailed`).
 */
export async function unpublishAfterStatusLoss(tx: Tx, loss: TStatusLoss): Promise<Record<string, number>> {
  const registrants = await upcomingRegistrants(tx, loss.organisationId, nowIso());
  const out: Record<string, number> = {};
  for (const [feature, handler] of handlers) out[feature] = await handler(tx, loss);
  const ids = [...new Set(registrants.map((r) => r.workshopId))];
  const offline = ids.length
    ? new Set(
        (
          await tx
            .selectFrom('workshops')
            .select('id')
            .where('id', 'in', ids)
            .where('status', '!=', 'published')
            .execute()
        ).map((w) => w.id),
      )
    : new Set<number>();
  const org = await tx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', loss.organisationId)
    .executeTakeFirst();
  let mailed = 0;
  for (const r of registrants) {
    if (!offline.has(r.workshopId)) continue;
    const t = translator(r.locale);
    const params = {
      name: r.name,
      title: r.title,
      organisation: org?.name ?? '',
      reason: loss.reason,
      link: `${publicUrl(loss.config)}/workshops`,
      signature: t('mail.signature'),
    };
    await sendMail(tx, loss.config, {
      to: r.email,
      subject: t('organisations.mail.workshopWithdrawn.subject', params),
      text: t('organisations.mail.workshopWithdrawn.body', params),
    });
    mailed++;
  }
  loss.registrantsMailed = mailed;
  return out;
}
