import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TLocale } from '../../i18n/index.js';
import { findWorkshop } from './repository.js';
import { retryBusy } from './seats.js';
import { mailRegistrant } from './workshop-mails.js';

/** Reminders go out for workshops starting within this window. */
export const reminderLeadMs = 24 * 3_600_000;

/**
 * Mails a reminder to every confirmed registrant of a published workshop starting within the next 24 hours.
 * Idempotent and safe on several instances: each registration is claimed by a conditional UPDATE of
 * `reminder_sent_at` before its mail is queued, so a reminder is sent once per registration whoever runs it.
 * Call it on a timer (every few minutes) or through the administrator's POST action. Returns how many were sent.
 */
export async function sendDueReminders(db: DB, config: TConfig, now: Date = new Date()): Promise<number> {
  const from = nowIso(now);
  const to = nowIso(new Date(now.getTime() + reminderLeadMs));
  const due = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.workshop_id', 'u.email', 'u.name', 'u.locale'])
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>', from)
    .where('w.starts_at', '<=', to)
    .where('r.status', '=', 'confirmed')
    .where('r.reminder_sent_at', 'is', null)
    .orderBy('r.id')
    .execute();
  let sent = 0;
  for (const r of due) {
    const claim = await retryBusy(() =>
      db
        .updateTable('workshop_registrations')
        .set({ reminder_sent_at: from })
        .where('id', '=', r.id)
        .where('reminder_sent_at', 'is', null)
        .where('status', '=', 'confirmed')
        .executeTakeFirst(),
    );
    if (Number(claim.numUpdatedRows) === 0) continue;
    const w = (await findWorkshop(db, r.workshop_id))!;
    await mailRegistrant(
      db,
      config,
      w,
      { email: r.email, name: r.name, locale: r.locale as TLocale, status: 'confirmed' },
      'reminder',
    );
    sent++;
  }
  return sent;
}
