/**
 * Changes to an inventory made through forms: add, edit or delete a line, copy last year's inventory, recompute
 * with a newer factor set, change the settings. Each runs in one transaction with the recomputation of the
 * result, so the stored result always matches the stored lines. Callers: members of the organisation and
 * administrators (each function checks).
 */
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import { recordAudit } from '../../db/audit.js';
import { nowIso, type DB } from '../../db/client.js';
import type { TCurrentUser } from '../../http/env.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { createFootprintAccumulator, type TInventoryLine, type TLineError } from '../../lca/index.js';
import { engineOptions } from './compute.js';
import { ensureInventory, findInventory, lineToRow, recomputeYear } from './repository.js';
import { readSettings, type TFootprintSettings } from './settings.js';

/** Checks one line against the engine (unknown category, bad combination of columns …). */
export function checkLine(
  line: TInventoryLine,
  year: number,
  settings: TFootprintSettings,
  factorSetId = latestFactorSetId,
): TLineError[] {
  const acc = createFootprintAccumulator(
    getFactorSet(factorSetId),
    engineOptions(year, settings, getFactorSet(factorSetId)),
  );
  return acc.add(line, 1);
}

/** Adds a line (creating the year's inventory when needed). Returns engine errors instead of saving when any. */
export async function addLine(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  line: TInventoryLine,
): Promise<TLineError[]> {
  ensure(canActForOrganisation(actor, orgId));
  const settings = await readSettings(db, orgId);
  const inv0 = await findInventory(db, orgId, year);
  const errors = checkLine(line, year, settings, inv0?.factor_set);
  if (errors.length) return errors;
  await db.transaction().execute(async (tx) => {
    const inv = await ensureInventory(tx, orgId, year, inv0?.factor_set ?? latestFactorSetId, 'form');
    const max = await tx
      .selectFrom('footprint_lines')
      .select((eb) => eb.fn.max('line_no').as('m'))
      .where('inventory_id', '=', inv.id)
      .executeTakeFirst();
    await tx
      .insertInto('footprint_lines')
      .values({ inventory_id: inv.id, ...lineToRow(line, Number(max?.m ?? 1) + 1) })
      .execute();
    await tx
      .updateTable('footprint_inventories')
      .set({ revision: Number(inv.revision) + 1, line_count: Number(inv.line_count) + 1, updated_at: nowIso() })
      .where('id', '=', inv.id)
      .execute();
    await recomputeYear(tx, orgId, year, settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.line.add',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, category: line.category },
    });
  });
  return [];
}

/** The stored line of an inventory, or 404. */
export async function getLine(db: DB, orgId: number, year: number, lineId: number) {
  const row = await db
    .selectFrom('footprint_lines')
    .innerJoin('footprint_inventories as i', 'i.id', 'footprint_lines.inventory_id')
    .select(['footprint_lines.id', 'footprint_lines.line_no', 'footprint_lines.data_json', 'i.id as inventory_id'])
    .where('i.organisation_id', '=', orgId)
    .where('i.year', '=', year)
    .where('footprint_lines.id', '=', lineId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return {
    id: Number(row.id),
    lineNo: Number(row.line_no),
    inventoryId: Number(row.inventory_id),
    data: JSON.parse(row.data_json) as TInventoryLine,
  };
}

/** Replaces a line's values. */
export async function updateLine(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  lineId: number,
  line: TInventoryLine,
): Promise<TLineError[]> {
  ensure(canActForOrganisation(actor, orgId));
  const existing = await getLine(db, orgId, year, lineId);
  const settings = await readSettings(db, orgId);
  const inv = (await findInventory(db, orgId, year))!;
  const errors = checkLine(line, year, settings, inv.factor_set);
  if (errors.length) return errors;
  await db.transaction().execute(async (tx) => {
    // The line keeps the source it was imported from: editing it by hand does not move it to another list.
    const { source: _kept, ...row } = lineToRow(line, existing.lineNo);
    await tx.updateTable('footprint_lines').set(row).where('id', '=', lineId).execute();
    await tx
      .updateTable('footprint_inventories')
      .set({ revision: Number(inv.revision) + 1, source: 'form', updated_at: nowIso() })
      .where('id', '=', inv.id)
      .execute();
    await recomputeYear(tx, orgId, year, settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.line.update',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, lineId },
    });
  });
  return [];
}

/** Deletes a line; the year's result is recomputed (an emptied inventory keeps an empty result). */
export async function deleteLine(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  lineId: number,
): Promise<void> {
  ensure(canActForOrganisation(actor, orgId));
  await getLine(db, orgId, year, lineId);
  const settings = await readSettings(db, orgId);
  await db.transaction().execute(async (tx) => {
    const inv = (await findInventory(tx, orgId, year))!;
    await tx.deleteFrom('footprint_lines').where('id', '=', lineId).execute();
    await tx
      .updateTable('footprint_inventories')
      .set({
        revision: Number(inv.revision) + 1,
        line_count: Math.max(0, Number(inv.line_count) - 1),
        updated_at: nowIso(),
      })
      .where('id', '=', inv.id)
      .execute();
    await recomputeYear(tx, orgId, year, settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.line.delete',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, lineId },
    });
  });
}

/**
 * Copies the inventory of `fromYear` into `year`, replacing the target's lines (the form asks for confirmation when
 * the target is not empty). The copy is computed for its own year, so purchase-year allocation and lifespans apply.
 */
export async function copyInventory(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  fromYear: number,
  year: number,
): Promise<number> {
  ensure(canActForOrganisation(actor, orgId));
  const from = await findInventory(db, orgId, fromYear);
  if (!from || Number(from.line_count) === 0) throw new AppError(409, 'nothing_to_copy', 'footprint.copy.nothing');
  const settings = await readSettings(db, orgId);
  let copied = 0;
  await db.transaction().execute(async (tx) => {
    const inv = await ensureInventory(tx, orgId, year, latestFactorSetId, 'copy');
    await tx.deleteFrom('footprint_lines').where('inventory_id', '=', inv.id).execute();
    // INSERT … SELECT keeps a 100k-line copy inside the database.
    await tx
      .insertInto('footprint_lines')
      .columns([
        'inventory_id',
        'line_no',
        'category',
        'quantity',
        'entity',
        'site',
        'label',
        'source',
        'model',
        'purchase_year',
        'data_json',
      ])
      .expression((eb) =>
        eb
          .selectFrom('footprint_lines')
          .select([
            eb.val(inv.id).as('inventory_id'),
            'line_no',
            'category',
            'quantity',
            'entity',
            'site',
            'label',
            'source',
            'model',
            'purchase_year',
            'data_json',
          ])
          .where('inventory_id', '=', from.id),
      )
      .execute();
    copied = Number(from.line_count);
    await tx
      .updateTable('footprint_inventories')
      .set({ revision: Number(inv.revision) + 1, line_count: copied, source: 'copy', updated_at: nowIso() })
      .where('id', '=', inv.id)
      .execute();
    await recomputeYear(tx, orgId, year, settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.inventory.copy',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { fromYear, year, lines: copied },
    });
  });
  return copied;
}

/** Recomputes a year with another (newer) factor set; the result under the old factor set is kept. */
export async function recomputeWithFactorSet(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  factorSetId: string,
): Promise<void> {
  ensure(canActForOrganisation(actor, orgId));
  getFactorSet(factorSetId);
  const inv = await findInventory(db, orgId, year);
  if (!inv) throw notFound();
  const settings = await readSettings(db, orgId);
  await db.transaction().execute(async (tx) => {
    await recomputeYear(tx, orgId, year, settings, factorSetId);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.result.recompute',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, from: inv.factor_set, to: factorSetId },
    });
  });
}

/** Saves the reference settings and recomputes every year under them (results under the old settings are kept). */
export async function saveSettings(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  input: Partial<Pick<TFootprintSettings, 'country' | 'profile' | 'frElectricity' | 'allocation'>>,
): Promise<void> {
  ensure(canActForOrganisation(actor, orgId));
  const before = await readSettings(db, orgId);
  const settings: TFootprintSettings = { ...before, ...input };
  await db.transaction().execute(async (tx) => {
    await upsertSettings(tx as unknown as DB, orgId, settings);
    const years = await tx
      .selectFrom('footprint_inventories')
      .select('year')
      .where('organisation_id', '=', orgId)
      .execute();
    for (const { year } of years) await recomputeYear(tx, orgId, Number(year), settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.settings.update',
      subjectType: 'organisation',
      subjectId: orgId,
      details: input,
    });
  });
}

/** Saves (or clears with null) the reduction target. */
export async function saveTarget(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  target: TFootprintSettings['target'],
): Promise<void> {
  ensure(canActForOrganisation(actor, orgId));
  const settings = { ...(await readSettings(db, orgId)), target };
  await db.transaction().execute(async (tx) => {
    await upsertSettings(tx as unknown as DB, orgId, settings);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'footprint.target.update',
      subjectType: 'organisation',
      subjectId: orgId,
      details: target,
    });
  });
}

async function upsertSettings(db: DB, orgId: number, s: TFootprintSettings): Promise<void> {
  const values = {
    country: s.country,
    fr_electricity: s.frElectricity,
    profile: s.profile,
    allocation: s.allocation,
    target_base_year: s.target?.baseYear ?? null,
    target_year: s.target?.targetYear ?? null,
    target_reduction_pct: s.target?.reductionPct ?? null,
    updated_at: nowIso(),
  };
  await db
    .insertInto('footprint_settings')
    .values({ organisation_id: orgId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}
