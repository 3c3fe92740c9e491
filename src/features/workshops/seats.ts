import { sql } from 'kysely';
import type { DB, Tx } from '../../db/client.js';
import { dialectOf, nowIso } from '../../db/client.js';

/**
 * Seat allocation that never overbooks, on both databases and across server instances.
 *
 * PostgreSQL: every change to a workshop's seats runs in one transaction that first locks the workshop row
 * (SELECT … FOR UPDATE), so registrations and cancellations of one workshop are serialised across instances.
 *
 * SQLite: a transaction held across `await`s would be wrong here. better-sqlite3 waits for a busy lock
 * synchronously, so a second handle in the same process (or a second instance) blocked on BEGIN IMMEDIATE would
 * freeze the event loop that must finish the first transaction. Instead each statement is atomic on its own:
 * the promotion is ONE conditional UPDATE whose WHERE re-counts confirmed seats (overall and per organisation),
 * and SQLite runs each write statement alone under its write lock. Intermediate states are always safe (a row
 * waits until a statement gives it a seat), so no transaction is needed for correctness.
 */
export async function withSeatLock<T>(db: DB, workshopId: number, fn: (q: DB | Tx) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') {
    return db.transaction().execute(async (tx) => {
      await sql`select id from workshops where id = ${workshopId} for update`.execute(tx);
      return fn(tx);
    });
  }
  return fn(db);
}

/** Retries a statement that SQLite refused because another instance held the write lock too long. */
export async function retryBusy<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}

/**
 * Gives a seat to one waiting registration if, at the moment the statement runs, the workshop has a free seat
 * and the registration's organisation is under its per-organisation limit. Returns whether it did.
 */
export async function tryPromote(q: DB | Tx, registrationId: number, workshopId: number): Promise<boolean> {
  const res = await retryBusy(() =>
    q
      .updateTable('workshop_registrations')
      .set({ status: 'confirmed', confirmed_at: nowIso() })
      .where('id', '=', registrationId)
      .where('status', '=', 'waitlisted')
      .where(
        sql<boolean>`(select count(*) from workshop_registrations c where c.workshop_id = ${workshopId} and c.status = 'confirmed')
          < (select w.capacity from workshops w where w.id = ${workshopId})`,
      )
      .where(
        sql<boolean>`((select w.per_org_limit from workshops w where w.id = ${workshopId}) is null
          or (select count(*) from workshop_registrations c where c.workshop_id = ${workshopId} and c.status = 'confirmed'
                and c.organisation_id = workshop_registrations.organisation_id)
             < (select w.per_org_limit from workshops w where w.id = ${workshopId}))`,
      )
      .executeTakeFirst(),
  );
  return Number(res.numUpdatedRows) > 0;
}

async function confirmedCount(q: DB | Tx, workshopId: number): Promise<number> {
  const r = await q
    .selectFrom('workshop_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workshop_id', '=', workshopId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Fills free seats from the waiting list, first come first served; a person whose organisation has reached its
 * limit keeps their place while the next one gets the seat. Returns the promoted registration ids.
 */
export async function fillSeats(q: DB | Tx, workshopId: number): Promise<number[]> {
  const w = await q
    .selectFrom('workshops')
    .select(['capacity', 'starts_at', 'status'])
    .where('id', '=', workshopId)
    .executeTakeFirst();
  // Nobody is promoted into a workshop that has started or was called off.
  if (!w || w.status !== 'published' || w.starts_at <= nowIso()) return [];
  const promoted: number[] = [];
  const batch = 100;
  // Rows skipped because their organisation is full stay first in the list: page past them only.
  let skipped = 0;
  // An organisation that hit its per-organisation limit stays blocked for this pass: no statement per row.
  const blockedOrgs = new Set<number>();
  for (;;) {
    if ((await confirmedCount(q, workshopId)) >= w.capacity) return promoted;
    const waiting = await q
      .selectFrom('workshop_registrations')
      .select(['id', 'organisation_id'])
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'waitlisted')
      .orderBy('queued_at')
      .orderBy('id')
      .limit(batch)
      .offset(skipped)
      .execute();
    for (const r of waiting) {
      if (blockedOrgs.has(r.organisation_id)) skipped++;
      else if (await tryPromote(q, r.id, workshopId)) promoted.push(r.id);
      else if ((await confirmedCount(q, workshopId)) >= w.capacity) return promoted;
      else {
        blockedOrgs.add(r.organisation_id);
        skipped++;
      }
    }
    if (waiting.length < batch) return promoted;
  }
}
