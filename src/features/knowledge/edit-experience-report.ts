import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TPublicationStatus } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { EditConflictError, sameTags } from './edit-resource.js';
import { footprintGwp } from './ports.js';
import { isAuthorMember, canSee, statusAfterEdit } from './policy.js';
import { PublicationInputError, unknownLevers } from './publish-resource.js';
import { reportSearchText, resolveMeasure } from './resolve-measure.js';
import type { TReportEditInput } from './schemas.js';
import { indexDocument } from './search-index.js';
import { loadTags, saveTags } from './tags.js';

/** Fields whose change alters what a report claims: its text, its cost and its measured change. */
export const materialReportFields = ['title', 'whatWeDid', 'cost', 'measure'] as const;

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/**
 * Edits an experience report. Platform-measured figures are read again from the footprint results, as when
 * publishing. Policy: members of the author organisation and administrators. The status follows
 * `statusAfterEdit`: a member organisation's published report goes back to review when its title, text, cost or
 * measurement changes. One transaction: row, tags, search index, audit; 409 if the row changed meanwhile.
 */
export async function editExperienceReport(
  db: DB,
  actor: TCurrentUser,
  id: number,
  input: TReportEditInput,
  sources: { footprintGwp: typeof footprintGwp } = { footprintGwp },
): Promise<{ status: TPublicationStatus; previousStatus: TPublicationStatus; changed: string[] }> {
  const row = await db
    .selectFrom('knowledge_reports')
    .innerJoin('organisations', 'organisations.id', 'knowledge_reports.organisation_id')
    .selectAll('knowledge_reports')
    .select('organisations.kind as org_kind')
    .where('knowledge_reports.id', '=', id)
    .executeTakeFirst();
  if (!row || !canSee(actor, row)) throw notFound('report');
  ensure(isAuthorMember(actor, row.organisation_id));

  const errors: Record<string, string> = {};
  const m = await resolveMeasure(db, row.organisation_id, input, sources, errors);
  if ((await unknownLevers(input.levers)).length) errors.levers = 'knowledge.form.leverUnknown';
  if (Object.keys(errors).length) throw new PublicationInputError(errors);

  const oldTags = (await loadTags(db, 'report', [id])).get(id)!;
  const measureChanged =
    input.measureSource !== row.measure_source ||
    m.label !== row.measure_label ||
    m.unit !== row.measure_unit ||
    m.before !== num(row.before_value) ||
    m.after !== num(row.after_value) ||
    m.baselineYear !== row.baseline_year ||
    m.resultYear !== row.result_year;
  const changed = [
    input.title !== row.title && 'title',
    input.whatWeDid !== row.what_we_did && 'whatWeDid',
    ((input.costEur ?? null) !== num(row.cost_eur) || input.costNotes !== row.cost_notes) && 'cost',
    measureChanged && 'measure',
    input.language !== row.language && 'language',
    !sameTags(input, oldTags) && 'tags',
  ].filter((x): x is string => !!x);
  const material = changed.some((f) => (materialReportFields as readonly string[]).includes(f));
  const status = statusAfterEdit({ orgKind: row.org_kind, status: row.status, material, byAdmin: isAdmin(actor) });
  const backToReview = status === 'pending' && row.status !== 'pending';

  await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('knowledge_reports')
      .set({
        title: input.title,
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
        ...(backToReview ? { reviewed_by: null, reviewed_at: null, rejection_reason: null } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new EditConflictError();
    await saveTags(tx, 'report', id, input);
    await indexDocument(tx, 'report', id, input.language, reportSearchText(input, m.label));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'report.edit',
      subjectType: 'knowledge_report',
      subjectId: id,
      details: { changed, status, previousStatus: row.status },
    });
  });
  return { status, previousStatus: row.status, changed };
}
