import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Status is granted, not claimed.
 * - `organisation_status_requests`: applications for the partner or expert status and the administrator's
 *   decisions (granted, rejected, withdrawn), with the reason mailed to the owners. `previous_kind` is the kind
 *   the organisation returns to when its status is withdrawn.
 * - `organisations.name_key`: the name without case, accents, spaces or punctuation, unique, so no organisation
 *   takes the name of an existing one ("Greenit.fr" = "GreenIT FR").
 * Existing data: the founding partners and the demo network keep their partner or expert kind, recorded as granted
 * by the installation; any other partner or expert organisation (which claimed the kind itself) keeps it too, as a
 * grant "held before status review" that the administrator's status page lists for review — nothing published is
 * taken offline by the migration. Existing duplicate names keep their name; the later ones get a name key suffixed
 * by their id, so they stay distinct and must pass the check at their next rename.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('organisation_status_requests'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('previous_kind', 'text', (c) => c.notNull())
    .addColumn('motivation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisation_status_requests_org')
    .on('organisation_status_requests')
    .columns(['organisation_id', 'status'])
    .execute();
  await db.schema
    .createIndex('organisation_status_requests_status')
    .on('organisation_status_requests')
    .column('status')
    .execute();

  await db.schema.alterTable('organisations').addColumn('name_key', 'text').execute();
  const rows = (await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'is_founding_partner', 'is_demo', 'created_at'])
    .orderBy('id')
    .execute()) as {
    id: number;
    name: string;
    kind: string;
    is_founding_partner: number;
    is_demo: number;
    created_at: string;
  }[];
  const seen = new Set<string>();
  const now = new Date().toISOString();
  for (const row of rows) {
    let key = nameKey(row.name);
    if (seen.has(key)) key = `${key}#${row.id}`;
    seen.add(key);
    await db.updateTable('organisations').set({ name_key: key }).where('id', '=', row.id).execute();
    if (row.kind === 'partner' || row.kind === 'expert') {
      const vetted = Number(row.is_founding_partner) === 1 || Number(row.is_demo) === 1;
      await db
        .insertInto('organisation_status_requests')
        .values({
          organisation_id: row.id,
          kind: row.kind,
          previous_kind: 'company',
          motivation: '',
          status: 'granted',
          reason: vetted ? 'installation' : 'before-review',
          requested_by: null,
          decided_by: null,
          decided_at: now,
          created_at: now,
        })
        .execute();
    }
  }
  await db.schema.createIndex('organisations_name_key').on('organisations').column('name_key').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organisations_name_key').execute();
  await db.schema.alterTable('organisations').dropColumn('name_key').execute();
  await db.schema.dropTable('organisation_status_requests').execute();
}
