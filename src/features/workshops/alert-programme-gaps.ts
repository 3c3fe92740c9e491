import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { formatters, translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { programmeCoverage } from './programme-coverage.js';

/** The months watched: the current one (it can still be filled) and the next. */
export const watchedMonths = 2;

/**
 * Who is told: enabled, confirmed administrators and members of partner organisations (partner is a status only an
 * administrator grants, so a kind of `partner` is a granted partner).
 */
async function recipients(db: DB) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('disabled_at', 'is', null)
    .where('email_confirmed_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('platform_role', '=', 'admin'),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
            .select('m.id')
            .whereRef('m.user_id', '=', 'users.id')
            .where('o.kind', '=', 'partner'),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
}

/**
 * The daily check of the promise: for each of the current and next month that has no published workshop, mails
 * every administrator and partner member once for that month. The claim (a unique row per month and person) and the
 * outbox mail are written in one transaction, so two instances running the job at once send one mail, and a crash
 * leaves either both or neither. A month filled later sends nothing more; a month that empties again is not
 * mailed twice. Returns the months without workshop and how many mails were queued.
 */
export async function alertProgrammeGaps(
  db: DB,
  config: TConfig,
  now: Date = new Date(),
): Promise<{ months: string[]; sent: number }> {
  const coverage = await programmeCoverage(db, now, watchedMonths);
  const gaps = coverage.months.filter((m) => m.published === 0);
  if (!gaps.length) return { months: [], sent: 0 };
  const people = await recipients(db);
  const base = publicUrl(config);
  let sent = 0;
  for (const month of gaps) {
    for (const p of people) {
      const queued = await db.transaction().execute(async (tx) => {
        const claim = await tx
          .insertInto('workshop_gap_alerts')
          .values({ month: month.key, user_id: p.id, created_at: nowIso(now) })
          .onConflict((oc) => oc.columns(['month', 'user_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!claim) return false;
        const locale = p.locale as TLocale;
        const t = translator(locale);
        const params = {
          name: p.name,
          month: formatters(locale).month(month.year, month.month),
          programme: `${base}/workshops/programme`,
          create: `${base}/workshops/new`,
        };
        await sendMail(tx, config, {
          to: p.email,
          subject: t('workshops.gapAlert.subject', params),
          text: [t('workshops.gapAlert.body', params), '', t('mail.signature')].join('\n'),
        });
        return true;
      });
      if (queued) sent++;
    }
  }
  return { months: gaps.map((m) => m.key), sent };
}
