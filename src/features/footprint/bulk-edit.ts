/**
 * Bulk edit of an inventory: the lines of the selected groups (under the page's filters) get a new lifespan,
 * purchase year or power; the year's result is recomputed once, in the same transaction.
 */
import { recordAudit } from '../../db/audit.js';
import { nowIso, type DB } from '../../db/client.js';
import { ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { parseLocaleNumber, parseYear } from '../../imports/index.js';
import type { TInventoryLine } from '../../lca/index.js';
import { mayEditInventory } from './access.js';
import { applyFilters, parseGroupKey, whereGroup, type TGroupKey, type TInventoryFilters } from './inventory-groups.js';
import { findInventory, recomputeYear } from './repository.js';
import { readSettings } from './settings.js';

export interface TBulkChanges {
  lifespan_years?: number;
  purchase_year?: number;
  power_w?: number;
}
export type TBulkFieldErrors = Partial<Record<keyof TBulkChanges | 'group' | '_form', string>>;

/** Reads the bulk form: the selected groups and the values to set (decimal comma accepted); errors per field. */
export function bulkFromForm(form: Record<string, unknown>): {
  groups: TGroupKey[];
  changes: TBulkChanges;
  errors: TBulkFieldErrors;
} {
  const errors: TBulkFieldErrors = {};
  const raw = form.group;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const groups = list.map(parseGroupKey).filter((k): k is TGroupKey => k !== null);
  if (groups.length === 0) errors.group = 'footprint.bulk.noGroup';
  const changes: TBulkChanges = {};
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  if (text('lifespan_years')) {
    const n = parseLocaleNumber(text('lifespan_years'));
    if (!Number.isFinite(n) || n <= 0 || n > 50) errors.lifespan_years = 'footprint.bulk.lifespanInvalid';
    else changes.lifespan_years = n;
  }
  if (text('purchase_year')) {
    const n = parseYear(text('purchase_year'));
    if (!Number.isInteger(n) || n < 1950 || n > new Date().getUTCFullYear())
      errors.purchase_year = 'footprint.line.yearRange';
    else changes.purchase_year = n;
  }
  if (text('power_w')) {
    const n = parseLocaleNumber(text('power_w'));
    if (!Number.isFinite(n) || n < 0 || n > 100_000) errors.power_w = 'footprint.bulk.powerInvalid';
    else changes.power_w = n;
  }
  if (!errors.lifespan_years && !errors.purchase_year && !errors.power_w && Object.keys(changes).length === 0)
    errors._form = 'footprint.bulk.nothing';
  return { groups, changes, errors };
}

/** Applies the changes to the lines of the groups under the filters; returns how many lines changed. */
export async function bulkEditLines(
  db: DB,
  user: TCurrentUser,
  orgId: number,
  year: number,
  groups: TGroupKey[],
  filters: TInventoryFilters,
  changes: TBulkChanges,
): Promise<number> {
  ensure(mayEditInventory(user, orgId));
  const inv = await findInventory(db, orgId, year);
  if (!inv) throw new AppError(404, 'not_found', 'footprint.year.invalid');
  const settings = await readSettings(db, orgId);
  let changed = 0;
  await db.transaction().execute(async (tx) => {
    for (const g of groups) {
      const rows = await whereGroup(
        applyFilters(
          tx.selectFrom('footprint_lines').select(['id', 'data_json']).where('inventory_id', '=', inv.id),
          filters,
        ),
        g,
      ).execute();
      for (const r of rows) {
        const line = { ...(JSON.parse(r.data_json) as TInventoryLine), ...changes };
        await tx
          .updateTable('footprint_lines')
          .set({ data_json: JSON.stringify(line), purchase_year: line.purchase_year ?? null })
          .where('id', '=', r.id)
          .execute();
        changed++;
      }
    }
    if (changed === 0) return;
    await tx
      .updateTable('footprint_inventories')
      .set({ revision: Number(inv.revision) + 1, source: 'form', updated_at: nowIso() })
      .where('id', '=', inv.id)
      .execute();
    await recomputeYear(tx, orgId, year, settings);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'footprint.lines.bulk',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, lines: changed, changes: { ...changes } },
    });
  });
  return changed;
}
