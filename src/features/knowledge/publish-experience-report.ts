import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { ensure } from '../../http/actor.js';
import { footprintGwp } from './ports.js';
import { reportSearchText, resolveMeasure } from './resolve-measure.js';
import { canPublishFor, needsFirstReview, publishesWithoutReview } from './policy.js';
import { PublicationInputError, unknownLevers } from './publish-resource.js';
import type { TReportInput } from './schemas.js';
import { indexDocument } from './search-index.js';
import { saveTags } from './tags.js';

/**
 * Publishes an experience report: what the organisation did, what it cost, what it measured before and after.
 * With `measureSource = 'platform'` the before/after figures are not typed in: they are read from the
 * organisation's two yearly footprint results in the platform (total GWP), so the claim is the measurement.
 * Policy: members of the organisation and administrators; a company's or school's report waits for review.
 */
export async function publishExperienceReport(
  db: DB,
  actor: TCurrentUser,
  input: TReportInput,
  sources: { footprintGwp: typeof footprintGwp } = { footprintGwp },
): Promise<{ id: number; status: 'pending' | 'published' }> {
  ensure(canPublishFor(actor, input.organisationId));
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'first_publication_review'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  const errors: Record<string, string> = {};
  const m = await resolveMeasure(db, org.id, input, sources, errors);
  if ((await unknownLevers(input.levers)).length) errors.levers = 'knowledge.form.leverUnknown';
  if (Object.keys(errors).length) throw new PublicationInputError(errors);

  const status = publishesWithoutReview(org.kind) && !needsFirstReview(org) ? 'published' : 'pending';
  const now = nowIso();
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('knowledge_reports')
      .values({
        title: input.title,
        organisation_id: org.id,
        author_user_id: actor.id,
        language: input.language,
        what_we_did: input.whatWeDid,
        cost_eur: input.costEur ?? null,
        cost_notes: input.costNotes,
        measure_source: input.measureSource,
        measure_label: m.label,
        before_value: m.before,
        after_value: m.after,
        measure_unit: m.unit,
        baseline_year: m.baselineYear,
        result_year: m.resultYear,
        status,
        reviewed_by: null,
        reviewed_at: null,
        rejection_reason: null,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveTags(tx, 'report', row.id, input);
    await indexDocument(tx, 'report', row.id, input.language, reportSearchText(input, m.label));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'report.publish',
      subjectType: 'knowledge_report',
      subjectId: row.id,
      details: { status, organisationId: org.id },
    });
    return row.id;
  });
  return { id, status };
}
