import { sql } from 'kysely';
import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { formatters, translator, type TLocale } from '../../i18n/index.js';
import { hashSecret, newSecret } from '../../http/tokens.js';
import { sendMail } from '../../mail/send-mail.js';
import { signatoryCondition } from '../../db/standing.js';
import {
  maturityLevelOf,
  offersSince,
  pendingActionsOf,
  trainingsSince,
  workshopsBetween,
  type TDigestItem,
  type TDigestWorkshop,
  type TPendingAction,
} from './ports.js';

/** First instant of a month and of the month after, as ISO text (UTC). */
export function monthBounds(month: string): { start: string; end: string; previousStart: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    previousStart: new Date(Date.UTC(y, m - 2, 1)).toISOString(),
    start: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
    end: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
}

/** The current month as YYYY-MM (UTC). */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** Where the digest's cross-feature sections come from (the other features' services; tests pass stand-ins). */
export interface TDigestSources {
  maturityLevelOf: typeof maturityLevelOf;
  workshopsBetween: typeof workshopsBetween;
  pendingActionsOf: typeof pendingActionsOf;
  trainingsSince: typeof trainingsSince;
  offersSince: typeof offersSince;
}
const defaultSources: TDigestSources = {
  maturityLevelOf,
  workshopsBetween,
  pendingActionsOf,
  trainingsSince,
  offersSince,
};

export interface TDigestContent {
  levels: number[];
  workshops: TDigestWorkshop[] | null;
  resources: { id: number; title: string }[];
  reports: { id: number; title: string }[];
  actions: TPendingAction[] | null;
  trainings: TDigestItem[];
  offers: TDigestItem[];
}

/**
 * What one member's digest for `month` says. The digest of month M is sent at the start of M: M's workshops for
 * the maturity levels of the member's organisations (all levels when none is assessed), the resources and reports
 * made public during M−1, and the member's pending actions (when the actions feature exports them).
 */
export async function digestContent(
  db: DB,
  userId: number,
  month: string,
  sources: TDigestSources = defaultSources,
  now: Date = new Date(),
): Promise<TDigestContent> {
  const { start: monthStart, end, previousStart } = monthBounds(month);
  // Never a past event: a digest sent (or previewed) on the 10th lists workshops from that moment on.
  const nowIsoText = now.toISOString();
  const start = nowIsoText > monthStart ? nowIsoText : monthStart;
  const orgs = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', userId).execute();
  const levels = [
    ...new Set(
      (await Promise.all(orgs.map((o) => sources.maturityLevelOf(db, o.organisation_id)))).filter(
        (l): l is number => l !== null,
      ),
    ),
  ].sort();
  const workshops = await sources.workshopsBetween(db, start, end, levels.length ? levels : undefined, 10);
  const publishedIn = (table: 'knowledge_resources' | 'knowledge_reports') =>
    db
      .selectFrom(table)
      .select(['id', 'title'])
      .where('status', '=', 'published')
      .where(sql<string>`coalesce(reviewed_at, created_at)`, '>=', previousStart)
      .where(sql<string>`coalesce(reviewed_at, created_at)`, '<', monthStart)
      .orderBy('id', 'desc')
      .limit(10)
      .execute();
  return {
    levels,
    workshops,
    resources: await publishedIn('knowledge_resources'),
    reports: await publishedIn('knowledge_reports'),
    actions: await sources.pendingActionsOf(db, userId),
    trainings: await sources.trainingsSince(db, previousStart, 10),
    offers: await sources.offersSince(db, previousStart, 10),
  };
}

/** The digest mail's text in the member's language. */
export function digestText(
  locale: TLocale,
  base: string,
  name: string,
  month: string,
  content: TDigestContent,
  unsubscribeUrl: string,
  introduction = '',
): { subject: string; text: string } {
  const t = translator(locale);
  const fmt = formatters(locale);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthName = fmt.month(y, m);
  const lines: string[] = [
    t('knowledge.digest.mail.hello', { name }),
    '',
    t('knowledge.digest.mail.intro', { month: monthName }),
    '',
  ];
  if (introduction.trim()) lines.push(introduction.trim(), '');
  const section = (title: string, items: string[], empty: string) => {
    lines.push(title, '-'.repeat(Math.min(title.length, 60)));
    lines.push(...(items.length ? items : [empty]), '');
  };
  if (content.workshops) {
    const levelText = content.levels.length
      ? content.levels.map((l) => t(`knowledge.level.${l}` as never)).join(', ')
      : t('knowledge.digest.mail.allLevels');
    section(
      t('knowledge.digest.mail.workshops', { levels: levelText }),
      content.workshops.map(
        (w) => `- ${w.startsAt ? `${fmt.date(w.startsAt)} · ` : ''}${w.title} — ${base}/workshops/${w.id}`,
      ),
      t('knowledge.digest.mail.none'),
    );
  }
  section(
    t('knowledge.digest.mail.trainings'),
    content.trainings.map((r) => `- ${r.title} — ${base}/trainings/${r.id}`),
    t('knowledge.digest.mail.none'),
  );
  section(
    t('knowledge.digest.mail.offers'),
    content.offers.map((r) => `- ${r.title} — ${base}/offers/${r.id}`),
    t('knowledge.digest.mail.none'),
  );
  section(
    t('knowledge.digest.mail.resources'),
    content.resources.map((r) => `- ${r.title} — ${base}/resources/${r.id}`),
    t('knowledge.digest.mail.none'),
  );
  section(
    t('knowledge.digest.mail.reports'),
    content.reports.map((r) => `- ${r.title} — ${base}/experience/${r.id}`),
    t('knowledge.digest.mail.none'),
  );
  if (content.actions) {
    section(
      t('knowledge.digest.mail.actions'),
      content.actions.map((a) => `- ${a.title}${a.dueOn ? ` (${fmt.date(a.dueOn)})` : ''}`),
      t('knowledge.digest.mail.none'),
    );
  }
  lines.push(t('knowledge.digest.mail.unsubscribe'), unsubscribeUrl, '', t('mail.signature'));
  return { subject: t('knowledge.digest.mail.subject', { month: monthName }), text: lines.join('\n') };
}

/**
 * Sends the digest of `month` (YYYY-MM) to every confirmed, enabled member who opted in. Exactly once per member
 * and month, even with several senders at once (two instances, a button and a cron): the claim of
 * (user_id, month), under a unique constraint, and the mail's outbox row are written in one transaction, so a
 * crash leaves either both (the delivery job then sends the mail, retrying until the SMTP server takes it) or
 * neither (the next run claims and queues it again). Only the sender whose claim succeeded queues the mail.
 * Policy: system task (CLI, scheduler) or an administrator's button; `actorUserId` goes to the audit log.
 */
export async function sendMonthlyDigest(
  db: DB,
  config: TConfig,
  month: string,
  options: { actorUserId?: number | null; sources?: Partial<TDigestSources> } = {},
): Promise<{ sent: number; alreadySent: number }> {
  const sources = { ...defaultSources, ...options.sources };
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`Invalid month ${month}: expected YYYY-MM`);
  const base = publicUrl(config);
  const recipients = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('digest_opt_in', '=', 1)
    .where('disabled_at', 'is', null)
    .where('email_confirmed_at', 'is not', null)
    // Members of validated signatories (a granted partner's members too only when it signed).
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships')
          .select('memberships.id')
          .whereRef('memberships.user_id', '=', 'users.id')
          .where(signatoryCondition('memberships.organisation_id')),
      ),
    )
    .orderBy('id')
    .execute();
  let sent = 0;
  let alreadySent = 0;
  const settings = await digestSettings(db);
  for (const user of recipients) {
    const token = newSecret();
    const content = await digestContent(db, user.id, month, sources);
    const mail = digestText(
      user.locale,
      base,
      user.name,
      month,
      content,
      `${base}/digest/unsubscribe/${token}`,
      user.locale === 'en' ? settings.intro_en : settings.intro_fr,
    );
    const queued = await db.transaction().execute(async (tx) => {
      const claim = await tx
        .insertInto('knowledge_digest_sends')
        .values({
          user_id: user.id,
          month,
          status: 'sending',
          outbox_id: null,
          unsubscribe_token_hash: hashSecret(token),
          created_at: nowIso(),
        })
        .onConflict((oc) => oc.columns(['user_id', 'month']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claim) return false;
      // The unsubscribe link is a secret: masked in the outbox, delivered whole.
      const outboxId = await sendMail(tx, config, {
        to: user.email,
        subject: mail.subject,
        text: mail.text,
        secrets: [token],
      });
      await tx
        .updateTable('knowledge_digest_sends')
        .set({ status: 'sent', outbox_id: outboxId })
        .where('id', '=', claim.id)
        .execute();
      return true;
    });
    if (queued) sent++;
    else alreadySent++;
  }
  await recordAudit(db, {
    actorUserId: options.actorUserId ?? null,
    action: 'digest.send',
    subjectType: 'digest',
    subjectId: month,
    details: { sent, alreadySent },
  });
  return { sent, alreadySent };
}

/**
 * How long an unsubscribe link works: 12 months from the digest that carried it. Every digest already carries a
 * fresh token (one per member and month, stored hashed), so the latest mail always has a working link; the limit
 * bounds how long an old mail — forwarded, archived, leaked — can act on the account. Expiring rather than
 * revoking earlier tokens at each digest keeps last month's link working when a member opens an older mail.
 */
export const unsubscribeTokenMonths = 12;

/** The instant before which a digest's unsubscribe token has expired. */
export function unsubscribeTokenCutoff(now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - unsubscribeTokenMonths);
  return d.toISOString();
}

/**
 * The user a digest unsubscribe token belongs to, or null when unknown; `expired` when the digest that carried it
 * is older than 12 months (the link then only tells the reader to use their account page). Reading changes nothing.
 */
export async function digestTokenUser(
  db: DB,
  token: string,
  now: Date = new Date(),
): Promise<{ userId: number; email: string; optedIn: boolean; expired: boolean } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db
    .selectFrom('knowledge_digest_sends')
    .innerJoin('users', 'users.id', 'knowledge_digest_sends.user_id')
    .select(['users.id', 'users.email', 'users.digest_opt_in', 'knowledge_digest_sends.created_at'])
    .where('knowledge_digest_sends.unsubscribe_token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    optedIn: row.digest_opt_in === 1,
    expired: row.created_at < unsubscribeTokenCutoff(now),
  };
}

/**
 * Unsubscribes the token's user from the digest. Policy: whoever holds a token from one of their digests of the
 * last 12 months. Returns false for an unknown or expired token.
 */
export async function unsubscribeFromDigest(db: DB, token: string, now: Date = new Date()): Promise<boolean> {
  const who = await digestTokenUser(db, token, now);
  if (!who || who.expired) return false;
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ digest_opt_in: 0 }).where('id', '=', who.userId).execute();
    await recordAudit(tx, {
      actorUserId: who.userId,
      action: 'digest.unsubscribe',
      subjectType: 'user',
      subjectId: who.userId,
    });
  });
  return true;
}

/** The administrator's digest settings (introduction per language, day of the month of the scheduled send). */
export async function digestSettings(db: DB): Promise<{ intro_fr: string; intro_en: string; send_day: number }> {
  const row = await db
    .selectFrom('knowledge_digest_settings')
    .select(['intro_fr', 'intro_en', 'send_day'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { ...row, send_day: Number(row.send_day) } : { intro_fr: '', intro_en: '', send_day: 1 };
}

/** Saves the introduction and the send day. Policy: `knowledge.moderate` (administrators), checked by the caller first. */
export async function saveDigestSettings(
  db: DB,
  actorUserId: number,
  input: { intro_fr: string; intro_en: string; send_day: number },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('knowledge_digest_settings')
      .set({ ...input, updated_by: actorUserId, updated_at: nowIso() })
      .where('id', '=', 1)
      .execute();
    await recordAudit(tx, {
      actorUserId,
      action: 'digest.settings',
      subjectType: 'digest',
      subjectId: 'settings',
      details: { send_day: input.send_day },
    });
  });
}

/**
 * The scheduled send: from the chosen day of the month on (UTC), the current month's digest goes out; before it,
 * nothing. The job runs hourly on every instance; the per-member claim keeps each month's digest single.
 */
export async function sendScheduledDigest(
  db: DB,
  config: TConfig,
  now: Date = new Date(),
): Promise<{ sent: number; alreadySent: number } | null> {
  const { send_day } = await digestSettings(db);
  if (now.getUTCDate() < send_day) return null;
  return sendMonthlyDigest(db, config, currentMonth(now));
}
