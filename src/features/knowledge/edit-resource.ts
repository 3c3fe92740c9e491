import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TPublicationStatus } from '../../db/tables/knowledge.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { isAuthorMember, canSee, statusAfterEdit } from './policy.js';
import { PublicationInputError, resourceInputErrors, resourceSearchText } from './publish-resource.js';
import type { TResourceEditInput } from './schemas.js';
import { indexDocument } from './search-index.js';
import { loadTags, saveTags, type TTags } from './tags.js';
import { discardUpload, type TStoredFile } from './uploads.js';

/** Fields whose change alters what a resource claims (see `statusAfterEdit`). */
export const materialResourceFields = ['title', 'summary', 'url', 'file'] as const;

export const sameTags = (a: TTags, b: TTags): boolean =>
  (['themes', 'levels', 'levers', 'rgesn'] as const).every(
    (k) => [...a[k]].map(String).sort().join('|') === [...b[k]].map(String).sort().join('|'),
  );

export class EditConflictError extends AppError {
  constructor() {
    super(
      409,
      'edit_conflict',
      'The publication changed meanwhile (another edit or a review): reload it and edit again',
    );
  }
}

/**
 * Edits a resource. `newFile` (already stored and checked like any upload) replaces the current file; without
 * one, the current file stays unless a link is given, which switches the resource to that link. Exactly one of
 * link and file remains. Policy: members of the author organisation and administrators. The status follows
 * `statusAfterEdit` (a member organisation's published resource goes back to review when its title, summary,
 * link or file changes). One transaction: row, tags, search index, audit; the update only applies if nobody
 * changed the row since it was read (else 409). The old file is removed after the commit; on failure the new one.
 */
export async function editResource(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  id: number,
  input: TResourceEditInput,
  newFile: TStoredFile | null,
): Promise<{ status: TPublicationStatus; previousStatus: TPublicationStatus; changed: string[] }> {
  try {
    const row = await db
      .selectFrom('knowledge_resources')
      .innerJoin('organisations', 'organisations.id', 'knowledge_resources.organisation_id')
      .selectAll('knowledge_resources')
      .select('organisations.kind as org_kind')
      .where('knowledge_resources.id', '=', id)
      .executeTakeFirst();
    if (!row || !canSee(actor, row)) throw notFound('resource');
    ensure(isAuthorMember(actor, row.organisation_id));

    const keptFile = !newFile && !input.url && row.file_key ? row.file_key : null;
    const errors = await resourceInputErrors(db, input, !!newFile || !!keptFile);
    if (Object.keys(errors).length) throw new PublicationInputError(errors);

    const url = input.url ?? null;
    const fileKey = newFile?.key ?? keptFile;
    const oldTags = (await loadTags(db, 'resource', [id])).get(id)!;
    const changed = [
      input.title !== row.title && 'title',
      input.summary !== row.summary && 'summary',
      url !== row.url && 'url',
      fileKey !== row.file_key && 'file',
      input.kind !== row.kind && 'kind',
      input.language !== row.language && 'language',
      input.publishedOn !== row.published_on && 'publishedOn',
      input.licence !== row.licence && 'licence',
      (input.workshopId ?? null) !== row.workshop_id && 'workshopId',
      (input.trainingId ?? null) !== row.training_id && 'trainingId',
      !sameTags(input, oldTags) && 'tags',
    ].filter((x): x is string => !!x);
    const material = changed.some((f) => (materialResourceFields as readonly string[]).includes(f));
    const status = statusAfterEdit({ orgKind: row.org_kind, status: row.status, material, byAdmin: isAdmin(actor) });
    const backToReview = status === 'pending' && row.status !== 'pending';

    await db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('knowledge_resources')
        .set({
          title: input.title,
          summary: input.summary,
          kind: input.kind,
          language: input.language,
          published_on: input.publishedOn,
          licence: input.licence,
          url,
          file_key: fileKey,
          file_name: newFile ? newFile.name : keptFile ? row.file_name : null,
          file_type: newFile ? newFile.type : keptFile ? row.file_type : null,
          file_size: newFile ? newFile.size : keptFile ? row.file_size : null,
          workshop_id: input.workshopId ?? null,
          training_id: input.trainingId ?? null,
          status,
          ...(backToReview ? { reviewed_by: null, reviewed_at: null, rejection_reason: null } : {}),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .where('updated_at', '=', row.updated_at)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new EditConflictError();
      await saveTags(tx, 'resource', id, input);
      await indexDocument(tx, 'resource', id, input.language, resourceSearchText(input));
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'resource.edit',
        subjectType: 'knowledge_resource',
        subjectId: id,
        details: { changed, status, previousStatus: row.status },
      });
    });
    if (row.file_key && row.file_key !== fileKey) await discardUpload(config, row.file_key);
    return { status, previousStatus: row.status, changed };
  } catch (err) {
    if (newFile) await discardUpload(config, newFile.key);
    throw err;
  }
}
