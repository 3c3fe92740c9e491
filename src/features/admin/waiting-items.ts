import { sql } from 'kysely';
import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { translator, type TMessageKey } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';

/** The kinds of items that wait for an administrator, each with the page where they are decided. */
export const waitingKinds = [
  { kind: 'signatures', path: '/admin/signatures' },
  { kind: 'statuses', path: '/admin/statuses' },
  { kind: 'resources', path: '/admin/resources' },
  { kind: 'reports', path: '/admin/resources' },
  { kind: 'comments', path: '/admin/resources' },
  { kind: 'trainings', path: '/admin/trainings' },
] as const;
export type TWaitingKind = (typeof waitingKinds)[number]['kind'];
export type TWaiting = Record<TWaitingKind, { count: number; oldest: string | null }>;

/**
 * What waits for an administrator, per kind: how many items and since when (the oldest). The back office reads
 * the features' tables directly (it only counts), as it does for signatures and the outbox.
 */
export async function waitingItems(db: DB): Promise<TWaiting> {
  const one = async (q: Promise<{ n: unknown; oldest: unknown } | undefined>) => {
    const r = await q;
    return { count: Number(r?.n ?? 0), oldest: (r?.oldest as string | null) ?? null };
  };
  const [signatures, statuses, resources, reports, comments, trainings] = await Promise.all([
    one(
      db
        .selectFrom('signatures')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('signed_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    one(
      db
        .selectFrom('organisation_status_requests')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    one(
      db
        .selectFrom('knowledge_resources')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('updated_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    one(
      db
        .selectFrom('knowledge_reports')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('updated_at').as('oldest')])
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    // A reported comment waits until an administrator hides or keeps it (reports after that decision count again).
    one(
      db
        .selectFrom('knowledge_comment_reports as r')
        .innerJoin('knowledge_comments as cm', 'cm.id', 'r.comment_id')
        .select((eb) => [sql<number>`count(distinct cm.id)`.as('n'), eb.fn.min('r.created_at').as('oldest')])
        .where('cm.hidden_at', 'is', null)
        .where((eb) => eb.or([eb('cm.moderated_at', 'is', null), eb('r.created_at', '>', eb.ref('cm.moderated_at'))]))
        .executeTakeFirst(),
    ),
    one(
      db
        .selectFrom('trainings')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('review_pending_at').as('oldest')])
        .where('review_pending_at', 'is not', null)
        .executeTakeFirst(),
    ),
  ]);
  return { signatures, statuses, resources, reports, comments, trainings };
}

/**
 * The daily "items are waiting" mail: when something has waited more than a day, every administrator gets one
 * mail listing the counts and links. Once per day across instances: the claim (a row keyed by notice and day,
 * under a primary key) and the mails are written in one transaction, so only the instance whose claim succeeds
 * queues them, and a crash leaves either both or neither. Returns how many mails were queued (0 when nothing
 * waited long enough or another run already sent today's).
 */
export async function mailWaitingItems(db: DB, config: TConfig, now: Date = new Date()): Promise<number> {
  const waiting = await waitingItems(db);
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const late = waitingKinds.filter(
    (k) => waiting[k.kind].count > 0 && waiting[k.kind].oldest !== null && waiting[k.kind].oldest! < dayAgo,
  );
  if (!late.length) return 0;
  const day = now.toISOString().slice(0, 10);
  return db.transaction().execute(async (tx) => {
    const claim = await tx
      .insertInto('admin_daily_notices')
      .values({ notice: 'waiting-items', day, mails: 0, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['notice', 'day']).doNothing())
      .returning('day')
      .executeTakeFirst();
    if (!claim) return 0;
    const admins = await tx
      .selectFrom('users')
      .select(['email', 'name', 'locale'])
      .where('platform_role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
    const base = publicUrl(config);
    for (const admin of admins) {
      const t = translator(admin.locale);
      const lines = waitingKinds
        .filter((k) => waiting[k.kind].count > 0)
        .map((k) =>
          t('admin.waiting.mail.line', {
            label: t(`admin.waiting.${k.kind}` as TMessageKey),
            count: waiting[k.kind].count,
            link: `${base}${k.path}`,
          }),
        );
      await sendMail(tx, config, {
        to: admin.email,
        subject: t('admin.waiting.mail.subject'),
        text: t('admin.waiting.mail.body', {
          name: admin.name,
          items: lines.join('\n'),
          link: `${base}/admin`,
          signature: t('mail.signature'),
        }),
      });
    }
    await tx
      .updateTable('admin_daily_notices')
      .set({ mails: admins.length })
      .where('notice', '=', 'waiting-items')
      .where('day', '=', day)
      .execute();
    return admins.length;
  });
}
