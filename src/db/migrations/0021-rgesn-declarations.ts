import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../client.js';
import { realType, withId } from '../schema-helpers.js';

/**
 * Published eco-design declarations become immutable snapshots: what was declared on a date no longer follows the
 * live answers. Each publication of an assessment adds a version; withdrawal hides them all from the public.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('rgesn_declarations'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('rgesn_assessments.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('service_url', 'text')
    .addColumn('referential_version', 'text', (c) => c.notNull())
    .addColumn('score', realType(db))
    .addColumn('previous_score', realType(db))
    .addColumn('target_score', realType(db))
    .addColumn('target_date', 'text')
    // The declared criteria (status, justification, planned action, wording shown in both languages) and the
    // organisation's name and service description as they were at publication; see TDeclarationSnapshot.
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addUniqueConstraint('rgesn_declarations_assessment_version', ['assessment_id', 'version'])
    .execute();
  await db.schema
    .createIndex('rgesn_declarations_org')
    .on('rgesn_declarations')
    .columns(['organisation_id', 'published_at'])
    .execute();
  await db.schema
    .createIndex('rgesn_declarations_assessment')
    .on('rgesn_declarations')
    .columns(['assessment_id', 'withdrawn_at'])
    .execute();

  // Public links used to carry the assessment id. Declaration ids start above every existing assessment id, so an
  // old link can never name another declaration: an unknown declaration id is read as an assessment id and
  // redirected to that assessment's latest published version.
  const maxRow = await db
    .selectFrom('rgesn_assessments')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const maxAssessmentId = Number(maxRow?.m ?? 0);
  if (maxAssessmentId > 0) {
    if (dialectOf(db) === 'postgres')
      await sql`select setval(pg_get_serial_sequence('rgesn_declarations', 'id'), ${maxAssessmentId})`.execute(db);
    else
      await sql`insert into sqlite_sequence (name, seq) values ('rgesn_declarations', ${maxAssessmentId})`.execute(db);
  }

  // Declarations published before this migration become version 1, from the answers the public page showed.
  const published = await db
    .selectFrom('rgesn_assessments as a')
    .innerJoin('rgesn_referentials as r', 'r.id', 'a.referential_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.organisation_id',
      'a.referential_id',
      'a.service_name',
      'a.service_url',
      'a.description',
      'a.previous_score',
      'a.target_score',
      'a.target_date',
      'a.published_at',
      'a.published_score',
      'r.version',
      'o.name',
    ])
    .where('a.published_at', 'is not', null)
    .orderBy('a.id')
    .execute();
  for (const a of published) {
    const criteria = await db
      .selectFrom('rgesn_criteria')
      .selectAll()
      .where('referential_id', '=', a.referential_id)
      .orderBy('position')
      .execute();
    const answers = new Map(
      (await db.selectFrom('rgesn_answers').selectAll().where('assessment_id', '=', a.id).execute()).map((r: any) => [
        r.criterion_number,
        r,
      ]),
    );
    const content = {
      organisationName: a.name,
      description: a.description ?? '',
      criteria: criteria.map((c: any) => {
        const ans: any = answers.get(c.number);
        return {
          number: c.number,
          priority: c.priority,
          applicableToAll: Number(c.applicable_to_all) === 1,
          status: ans?.status ?? 'to_assess',
          justification: ans?.justification ?? '',
          actionOwner: ans?.action_owner ?? null,
          actionDue: ans?.action_due ?? null,
          text: {
            fr: c.short_fr ?? c.official_question ?? c.number,
            en: c.short_en ?? c.official_question ?? c.number,
          },
        };
      }),
    };
    await db
      .insertInto('rgesn_declarations')
      .values({
        assessment_id: a.id,
        organisation_id: a.organisation_id,
        version: 1,
        service_name: a.service_name,
        service_url: a.service_url,
        referential_version: a.version,
        score: a.published_score,
        previous_score: a.previous_score,
        target_score: a.target_score,
        target_date: a.target_date,
        content_json: JSON.stringify(content),
        published_by: null,
        published_at: a.published_at,
        withdrawn_at: null,
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rgesn_declarations').execute();
}
