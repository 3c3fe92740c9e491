/** Training figures of one organisation for its yearly report. Added by the review feature. */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';

export interface TMemberTrainingSummary {
  /** Trainings the organisation published during the year. */
  published: number;
  /** Schools: the year's curricula (programme, hours, compulsory, students). */
  curricula: { programme: string; hours: number; compulsory: boolean; students: number }[];
  students: number;
}

/** No policy check: the caller (the member's report) authorises members and administrators first. */
export async function memberTrainingSummary(db: DB, orgId: number, year: number): Promise<TMemberTrainingSummary> {
  const published = await db
    .selectFrom('trainings')
    .where('organisation_id', '=', orgId)
    .where('created_at', '>=', `${year}-01-01`)
    .where('created_at', '<', `${year + 1}-01-01`)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('curriculum_entries')
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .select(['programme', 'hours', 'compulsory', 'students'])
    .orderBy('programme')
    .limit(50)
    .execute();
  const curricula = rows.map((r) => ({
    programme: r.programme,
    hours: Number(r.hours),
    compulsory: Number(r.compulsory) === 1,
    students: Number(r.students),
  }));
  return { published: Number(published.n), curricula, students: curricula.reduce((s, c) => s + c.students, 0) };
}
