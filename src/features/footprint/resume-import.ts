/**
 * The mapping step's confirmation: the user chose a category (or country) for each value the file used that matched
 * nothing. The import starts again from the kept file with those choices; they are stored for the organisation's
 * next imports only when this import succeeds (in its transaction), so nothing is stored before then.
 */
import { latestFactorSetId } from '../../data/index.js';
import type { DB } from '../../db/client.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { mayMapImportValues } from './access.js';
import {
  IMPORT_SCOPES,
  createImportRow,
  startImport,
  type TImportScope,
  type TImportTarget,
} from './import-inventory.js';
import { findInventory } from './repository.js';
import { moveSpooledFile, spooledFile } from './upload-spool.js';
import { mappingProblems, type TUnknownValue, type TValueMapping } from './value-mappings.js';

/** An import stopped at the mapping step, with the values it asks about. */
export async function importAwaitingMapping(db: DB, orgId: number, importId: number) {
  const row = await db
    .selectFrom('footprint_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const unknown = row.unknown_json ? (JSON.parse(row.unknown_json) as TUnknownValue[]) : [];
  return { row, unknown };
}

/** The mapping form's field of the n-th unknown value. */
export const mappingField = (index: number) => `map_${index}`;

/** Reads the form's choices into a mapping; the fields left empty are reported (every value needs a choice). */
export function mappingFromForm(
  unknown: TUnknownValue[],
  form: Record<string, unknown>,
): { mapping: TValueMapping; missing: string[] } {
  const mapping: TValueMapping = {};
  const missing: string[] = [];
  unknown.forEach((u, i) => {
    const chosen = form[mappingField(i)];
    if (typeof chosen !== 'string' || chosen.trim() === '') {
      missing.push(mappingField(i));
      return;
    }
    (mapping[u.column] ??= {})[u.value] = chosen.trim();
  });
  return { mapping, missing };
}

/**
 * Starts the import again with the user's choices; returns the new import's id. 422 when a value has no choice or
 * a choice names no category; 410 when the kept file is gone (the user uploads it again).
 */
export async function resumeImportWithMapping(
  db: DB,
  user: TCurrentUser,
  orgId: number,
  importId: number,
  mapping: TValueMapping,
): Promise<number> {
  const { row, unknown } = await importAwaitingMapping(db, orgId, importId);
  if (!mayMapImportValues(user, row)) {
    ensure(canActForOrganisation(user, orgId));
    throw new AppError(409, 'import_not_waiting', 'This import is not waiting for value choices', [], {
      key: 'footprint.mapping.notWaiting',
    });
  }
  const uncovered = unknown.filter((u) => mapping[u.column]?.[u.value] === undefined);
  if (uncovered.length)
    throw new AppError(
      422,
      'mapping_incomplete',
      `No choice for ${uncovered.map((u) => u.value).join(', ')}`,
      uncovered,
      { key: 'footprint.mapping.incomplete' },
    );
  const factorSetId = (await findInventory(db, orgId, Number(row.year)))?.factor_set ?? latestFactorSetId;
  const problems = mappingProblems(mapping, factorSetId);
  if (problems.length)
    throw new AppError(
      422,
      'invalid_mapping',
      `Unknown targets: ${problems.map((p) => p.target).join(', ')}`,
      problems,
      { key: 'footprint.mapping.invalid' },
    );
  const kept = spooledFile(importId);
  if (!kept)
    throw new AppError(409, 'upload_gone', 'The uploaded file is no longer kept; upload it again', [], {
      key: 'footprint.mapping.fileGone',
    });
  const scope: TImportScope = (IMPORT_SCOPES as readonly string[]).includes(row.scope ?? '')
    ? (row.scope as TImportScope)
    : 'year';
  const target: TImportTarget = {
    orgId,
    year: Number(row.year),
    userId: user.id,
    source: 'upload',
    scope,
    sourceName: row.source_name ?? null,
    mapping,
  };
  const newId = await createImportRow(db, target, row.file_name, row.preset);
  const path = await moveSpooledFile(kept, newId);
  startImport(db, newId, target, { kind: 'file', path, preset: row.preset, removeAfter: true });
  return newId;
}
