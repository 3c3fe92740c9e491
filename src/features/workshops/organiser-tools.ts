import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { writeCsv } from '../../reports/csv.js';
import { canEditWorkshop, canExportRegistrants, canMessageRegistrants, canReadFeedbackComments } from './policy.js';
import { findWorkshop, listRegistrants, type TWorkshopWithOrg } from './repository.js';
import type { TMessageInput } from './schemas.js';
import { formatWhen } from './time-zones.js';

async function workshopOr404(db: DB, id: number): Promise<TWorkshopWithOrg> {
  const w = await findWorkshop(db, id);
  if (!w) throw new AppError(404, 'not_found', 'No such workshop');
  return w;
}

export interface TFeedbackComment {
  rating: number;
  comment: string;
  created_at: string;
}

/**
 * Every feedback of a workshop, newest first (ratings alone included, so the list matches the summary's count).
 * Names are left out: attendees rate the workshop, not themselves. Policy first: the organiser's members and
 * administrators.
 */
export async function readFeedbackComments(
  db: DB,
  user: TCurrentUser | null,
  workshopId: number,
): Promise<TFeedbackComment[]> {
  const w = await workshopOr404(db, workshopId);
  if (!canReadFeedbackComments(user, w)) throw new AppError(403, 'forbidden', 'Only the organiser reads the feedback');
  return db
    .selectFrom('workshop_feedback')
    .select(['rating', 'comment', 'created_at'])
    .where('workshop_id', '=', workshopId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * The registrant list as CSV, in the reader's language: confirmed seats then the waiting list in order, with the
 * attendance once recorded. Written by the project's CSV writer (formula-like cells neutralised); French files use
 * `;` and a byte order mark, as French spreadsheets expect. Policy first: whoever may read the registrant list.
 */
export async function exportRegistrantsCsv(
  db: DB,
  user: TCurrentUser | null,
  workshopId: number,
  locale: TLocale,
): Promise<{ filename: string; csv: string }> {
  const w = await workshopOr404(db, workshopId);
  if (!canExportRegistrants(user, w))
    throw new AppError(403, 'forbidden', 'Only the organiser exports the registrants');
  const t = translator(locale);
  const rows = await listRegistrants(db, workshopId);
  let waiting = 0;
  const attendance = (a: number | null) =>
    a === null ? '' : t(a === 1 ? 'workshops.csv.present' : 'workshops.csv.absent');
  const csv = writeCsv(
    [
      [
        t('workshops.registrants.name'),
        t('workshops.registrants.email'),
        t('workshops.registrants.organisation'),
        t('workshops.csv.status'),
        t('workshops.csv.position'),
        t('workshops.registrants.present'),
        t('workshops.csv.registeredAt'),
      ],
      ...rows.map((r) => [
        r.user_name,
        r.user_email,
        r.organisation_name,
        t(r.status === 'confirmed' ? 'workshops.registration.confirmed' : 'workshops.registration.waitlisted'),
        r.status === 'waitlisted' ? ++waiting : null,
        r.status === 'confirmed' ? attendance(r.attended) : '',
        r.queued_at,
      ]),
    ],
    locale === 'fr' ? { delimiter: ';', bom: true } : { bom: true },
  );
  return { filename: `workshop-${w.id}-registrants.csv`, csv };
}

/**
 * Sends the organiser's message to every registrant (confirmed and waiting), one outbox mail each, in the
 * transaction that records the message: all are queued or none. Policy first: the organiser's members, for a
 * published workshop. Returns the message id (for the confirmation page) and how many people it reaches.
 */
export async function messageRegistrants(
  db: DB,
  config: TConfig,
  user: TCurrentUser,
  workshopId: number,
  input: TMessageInput,
): Promise<{ messageId: number; recipients: number }> {
  const w = await workshopOr404(db, workshopId);
  if (!canMessageRegistrants(user, w))
    throw new AppError(403, 'forbidden', 'Only the organiser writes to the registrants of a published workshop');
  return db.transaction().execute(async (tx) => {
    const people = await tx
      .selectFrom('workshop_registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.email', 'u.name', 'u.locale'])
      .where('r.workshop_id', '=', workshopId)
      .where('r.status', 'in', ['confirmed', 'waitlisted'])
      .where('u.disabled_at', 'is', null)
      .orderBy('r.id')
      .execute();
    if (!people.length)
      throw new AppError(409, 'no_registrants', 'Nobody is registered for this workshop', [], {
        key: 'workshops.error.no_registrants',
      });
    const row = await tx
      .insertInto('workshop_messages')
      .values({
        workshop_id: workshopId,
        sender_user_id: user.id,
        subject: input.subject,
        body: input.body,
        recipients: people.length,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of people) {
      const locale = p.locale as TLocale;
      const t = translator(locale);
      const params = {
        name: p.name,
        title: w.title,
        organiser: w.organisation_name,
        when: formatWhen(locale, w.starts_at, w.time_zone),
        sender: user.name,
        url: `${publicUrl(config)}/workshops/${w.id}`,
      };
      const text = [
        t('workshops.mail.greeting', params),
        '',
        t('workshops.message.mailIntro', params),
        '',
        input.body,
        '',
        t('workshops.message.mailPage', params),
        '',
        t('mail.signature'),
      ].join('\n');
      await sendMail(tx, config, {
        to: p.email,
        subject: t('workshops.message.mailSubject', { title: w.title, subject: input.subject }),
        text,
      });
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'workshop.message',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { messageId: row.id, recipients: people.length },
    });
    return { messageId: row.id, recipients: people.length };
  });
}

/** One sent message, for its confirmation page. Policy first: the organiser's members. */
export async function findSentMessage(db: DB, user: TCurrentUser, workshopId: number, messageId: number) {
  const w = await workshopOr404(db, workshopId);
  if (!canEditWorkshop(user, w)) throw new AppError(403, 'forbidden', 'Only the organiser reads its messages');
  const m = await db
    .selectFrom('workshop_messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('workshop_id', '=', workshopId)
    .executeTakeFirst();
  if (!m) throw new AppError(404, 'not_found', 'No such message');
  return { w, m };
}
