import type { DB } from '../../db/client.js';
import { normaliseSearchName } from '../organisations/index.js';

type TPage = { offset: number; limit: number };

/** Counts for the back office's front page. */
export async function adminCounts(db: DB) {
  const count = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
  const [pending, statusRequests, organisations, users, outbox] = await Promise.all([
    count(
      db
        .selectFrom('signatures')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('organisation_status_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
  ]);
  return { pending, statusRequests, organisations, users, outbox };
}

/** Every organisation (demo and unsigned included), by name, optionally filtered by name. */
export async function listAllOrganisations(db: DB, q: string, page: TPage) {
  let query = db.selectFrom('organisations');
  for (const word of normaliseSearchName(q).split(' ').filter(Boolean).slice(0, 8))
    query = query.where('search_name', 'like', `%${word}%`);
  const [count, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    query
      .select(['id', 'name', 'slug', 'kind', 'is_demo', 'is_founding_partner', 'created_at'])
      .select((eb) =>
        eb
          .selectFrom('signatures')
          .select('signatures.status')
          .whereRef('signatures.organisation_id', '=', 'organisations.id')
          .orderBy('signatures.signed_at', 'desc')
          .limit(1)
          .as('signature_status'),
      )
      .orderBy('search_name')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), items };
}

/** Accounts, newest first, optionally filtered by email or name. */
export async function listUsers(db: DB, q: string, page: TPage) {
  let query = db.selectFrom('users');
  const needle = q.trim().toLowerCase();
  if (needle)
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), 'like', `%${needle}%`),
        eb(eb.fn('lower', ['name']), 'like', `%${needle}%`),
      ]),
    );
  const [count, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    query
      .select(['id', 'email', 'name', 'platform_role', 'email_confirmed_at', 'disabled_at', 'created_at'])
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), items };
}

/** The outbox, newest first. */
export async function listOutbox(db: DB, page: TPage) {
  const [count, items] = await Promise.all([
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outbox')
      .select(['id', 'to_address', 'subject', 'sent_at', 'error', 'created_at'])
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), items };
}

export function getMail(db: DB, id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The audit log, newest first, with the actor's email. */
export async function listAudit(db: DB, page: TPage) {
  const [count, items] = await Promise.all([
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.details_json',
        'users.email as actor',
      ])
      .orderBy('audit_log.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), items };
}
