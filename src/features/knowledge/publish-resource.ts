import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { ensure } from '../../http/actor.js';
import { leverCatalogue, trainingRef, workshopRef } from './ports.js';
import { canPublishFor, needsFirstReview, publishesWithoutReview } from './policy.js';
import type { TResourceEditInput, TResourceInput } from './schemas.js';
import { indexDocument } from './search-index.js';
import { saveTags } from './tags.js';
import { discardUpload, type TStoredFile } from './uploads.js';

/** Field errors keyed like the form (`url`, `file`, `levers`), as i18n keys. */
export class PublicationInputError extends AppError {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super(
      422,
      'invalid_input',
      'Invalid publication',
      Object.entries(fieldErrors).map(([path, message]) => ({ path, message })),
    );
  }
}

/** Unknown lever slugs, when the actions feature publishes its catalogue (otherwise any well-formed slug passes). */
export async function unknownLevers(slugs: string[]): Promise<string[]> {
  const catalogue = await leverCatalogue();
  if (!catalogue) return [];
  const known = new Set(catalogue.map((l) => l.slug));
  return slugs.filter((s) => !known.has(s));
}

/**
 * Field errors of a resource beyond its schema, shared by publishing and editing: exactly one of a link and a file,
 * levers from the catalogue, a workshop and a training that exist.
 */
export async function resourceInputErrors(
  db: DB,
  input: TResourceEditInput,
  hasFile: boolean,
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (!!input.url === hasFile) errors.url = 'knowledge.form.linkOrFile';
  if ((await unknownLevers(input.levers)).length) errors.levers = 'knowledge.form.leverUnknown';
  if (input.workshopId !== undefined && !(await workshopRef(db, input.workshopId)))
    errors.workshopId = 'knowledge.form.workshopUnknown';
  if (input.trainingId !== undefined && !(await trainingRef(db, input.trainingId)))
    errors.trainingId = 'knowledge.form.trainingUnknown';
  return errors;
}

/** Text a resource is found by: title, summary and tags. */
export function resourceSearchText(input: {
  title: string;
  summary: string;
  themes: string[];
  levers: string[];
  rgesn: string[];
}): string {
  return [input.title, input.summary, input.themes.join(' '), input.levers.join(' '), input.rgesn.join(' ')].join('\n');
}

/**
 * Publishes a resource on behalf of an organisation, with a link or an already stored file (exactly one).
 * Policy: members of the organisation and administrators. A partner's or expert's resource is public at once; a
 * company's or school's waits for review. One transaction: resource, tags, search index, audit. On failure the
 * stored file is removed.
 */
export async function publishResource(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  input: TResourceInput,
  file: TStoredFile | null,
): Promise<{ id: number; status: 'pending' | 'published' }> {
  try {
    ensure(canPublishFor(actor, input.organisationId));
    const org = await db
      .selectFrom('organisations')
      .select(['id', 'kind', 'first_publication_review'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!org) throw notFound('organisation');
    const errors = await resourceInputErrors(db, input, !!file);
    if (Object.keys(errors).length) throw new PublicationInputError(errors);

    const status = publishesWithoutReview(org.kind) && !needsFirstReview(org) ? 'published' : 'pending';
    const now = nowIso();
    const id = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('knowledge_resources')
        .values({
          title: input.title,
          summary: input.summary,
          kind: input.kind,
          organisation_id: org.id,
          author_user_id: actor.id,
          language: input.language,
          published_on: input.publishedOn,
          licence: input.licence,
          url: input.url ?? null,
          file_key: file?.key ?? null,
          file_name: file?.name ?? null,
          file_type: file?.type ?? null,
          file_size: file?.size ?? null,
          workshop_id: input.workshopId ?? null,
          training_id: input.trainingId ?? null,
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
      await saveTags(tx, 'resource', row.id, input);
      await indexDocument(tx, 'resource', row.id, input.language, resourceSearchText(input));
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'resource.publish',
        subjectType: 'knowledge_resource',
        subjectId: row.id,
        details: { status, organisationId: org.id },
      });
      return row.id;
    });
    return { id, status };
  } catch (err) {
    if (file) await discardUpload(config, file.key);
    throw err;
  }
}
