/**
 * Footprint JSON API (token authentication): push a year's inventory (file or JSON lines), read its lines, read
 * its result (the CLI JSON contract). Members of the organisation and administrators only.
 */
import { rm } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { apiError } from '../../http/errors.js';
import { documentApi, pagination, setPaginationHeaders } from '../../http/api-kit.js';
import { getPreset } from '../../imports/index.js';
import { ZInventoryLine } from '../../lca/index.js';
import { authoriseOrganisation, yearParam } from './access.js';
import { MAX_IMPORT_LINES, MAX_UPLOAD_BYTES, createImportRow, runImport } from './import-inventory.js';
import {
  presentFootprint,
  presentImportSummary,
  presentInventory,
  ZFootprintOut,
  ZImportSummaryOut,
  ZInventoryOut,
} from './presenters.js';
import { importScopeFromForm } from './import-scope.js';
import { findInventoryFactorSet, mappingFromApi } from './value-mappings-api.js';
import { getStoredResult } from './queries.js';
import { ZValueMapping } from './value-mappings.js';
import { findInventory } from './repository.js';
import { spoolUpload } from './upload-spool.js';

export const api = new Hono<AppEnv>();
const TAG = 'Footprint';

const ZLinesBody = z.object({
  lines: z.array(ZInventoryLine).min(1),
  scope: z.enum(['year', 'source']).optional(),
  source_name: z.string().max(100).optional(),
  mapping: ZValueMapping.optional(),
});
documentApi({
  method: 'post',
  path: '/organisations/{id}/inventories/{year}',
  tag: TAG,
  auth: true,
  summary:
    'Replaces the inventory of a year, or with `scope` `source` only the lines of `source_name` (CSV/XLSX file in `file`, optional `preset` glpi|snipe-it|intune, or JSON `{lines:[…]}`), and computes the year\'s footprint. All-or-nothing: a file with errors changes nothing. Values of the category or country column that match nothing answer 422 `unknown_values` (errors: column, value, count); send them again with `mapping` (`{"category": {"Pare-feu": "network_switch"}}`, a JSON string in a multipart body), which the organisation\'s next imports also apply.',
  body: ZLinesBody,
  fileUpload: true,
  response: ZImportSummaryOut,
  responses: {
    201: 'Imported; result summary',
    401: 'Missing or wrong token',
    403: 'Not a member of the organisation',
    413: 'File or inventory too large',
    415: 'Neither JSON nor multipart/form-data',
    422: 'Line errors (errors: line, field = column, message), unknown values (errors: column, value, count), or an invalid mapping or scope; nothing was saved',
  },
});
documentApi({
  method: 'get',
  path: '/organisations/{id}/inventories/{year}',
  tag: TAG,
  auth: true,
  summary: 'The lines of a year’s inventory, paginated (`page`, `per_page`, `Link` header).',
  response: ZInventoryOut,
  list: true,
  responses: { 401: 'Missing or wrong token', 403: 'Not a member', 404: 'No inventory for this year' },
});
documentApi({
  method: 'get',
  path: '/organisations/{id}/footprints/{year}',
  tag: TAG,
  auth: true,
  summary:
    'The stored footprint of a year: the CLI JSON object (methodology, totals with ranges, by phase, tier and category, data quality, warnings) with snake_case names.',
  response: ZFootprintOut,
  responses: { 401: 'Missing or wrong token', 403: 'Not a member', 404: 'No result for this year' },
});

const ORG = '/organisations/:id{[0-9]+}';

api.post(`${ORG}/inventories/:year{[0-9]{4}}`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES)
    return apiError(c, 413, 'payload_too_large', `The body exceeds ${MAX_UPLOAD_BYTES} bytes`);
  const db = c.get('db');
  const type = c.req.header('content-type') ?? '';
  const target = { orgId: org.id, year, userId: user.id, source: 'api' };
  let importId: number;
  let outcome;
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) return apiError(c, 400, 'invalid_input', 'Expected a file in the `file` field');
    if (file.size > MAX_UPLOAD_BYTES)
      return apiError(c, 413, 'payload_too_large', `The file exceeds ${MAX_UPLOAD_BYTES} bytes`);
    const preset = typeof body.preset === 'string' && body.preset ? body.preset : null;
    if (preset && !getPreset(preset))
      return apiError(c, 400, 'invalid_input', `Unknown preset "${preset}"`, [
        { path: 'preset', message: 'use glpi, snipe-it or intune' },
      ]);
    const mapping = mappingFromApi(body.mapping, await findInventoryFactorSet(db, org.id, year));
    const importTarget = { ...target, ...importScopeFromForm(body), mapping };
    importId = await createImportRow(db, importTarget, file.name || 'inventory', preset);
    const path = await spoolUpload(importId, new Uint8Array(await file.arrayBuffer()), /\.xlsx$/i.test(file.name));
    // The API answers the mapping step at once (422 with the values), so its file is never kept for later.
    outcome = await runImport(db, importId, importTarget, { kind: 'file', path, preset, removeAfter: true });
    if (!outcome.ok && outcome.failure === 'unknown_values') await rm(path, { force: true });
  } else if (type.startsWith('application/json')) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return apiError(c, 400, 'invalid_input', 'Expected a JSON body {"lines":[…]} or a multipart file');
    }
    const lines = (json as { lines?: unknown })?.lines;
    if (!Array.isArray(lines) || lines.length === 0)
      return apiError(c, 400, 'invalid_input', 'Expected {"lines":[…]} with at least one line', [
        { path: 'lines', message: 'required, non-empty array' },
      ]);
    if (lines.length > MAX_IMPORT_LINES)
      return apiError(c, 413, 'payload_too_large', `More than ${MAX_IMPORT_LINES} lines`);
    const body = json as Record<string, unknown>;
    const mapping = mappingFromApi(body.mapping, await findInventoryFactorSet(db, org.id, year));
    const importTarget = { ...target, ...importScopeFromForm(body), mapping };
    importId = await createImportRow(db, importTarget, 'api.json', null);
    outcome = await runImport(db, importId, importTarget, { kind: 'lines', lines });
  } else {
    return apiError(
      c,
      415,
      'unsupported_media_type',
      'Send application/json {"lines":[…]} or a multipart/form-data file',
      [{ field: 'Content-Type', message: 'use application/json or multipart/form-data' }],
    );
  }
  if (!outcome.ok) {
    if (outcome.failure === 'too_many_lines')
      return apiError(c, 413, 'payload_too_large', `More than ${MAX_IMPORT_LINES} lines`);
    if (outcome.failure === 'internal') return apiError(c, 500, 'internal', 'The import failed; nothing was saved');
    if (outcome.failure === 'unknown_values') {
      return apiError(
        c,
        422,
        'unknown_values',
        `${outcome.unknown.length} value(s) match no category or country; send them again with a mapping; nothing was saved`,
        outcome.unknown.map((u) => ({ column: u.column, value: u.value, count: u.count })),
      );
    }
    return apiError(
      c,
      422,
      'invalid_inventory',
      `${outcome.errorCount} line error(s); nothing was saved`,
      outcome.errors,
    );
  }
  return c.json(presentImportSummary(importId, year, outcome.result), 201);
});

api.get(`${ORG}/inventories/:year{[0-9]{4}}`, async (c: Context<AppEnv>) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const db = c.get('db');
  const inv = await findInventory(db, org.id, year);
  if (!inv) return apiError(c, 404, 'not_found', 'No inventory for this year');
  const { page, perPage, offset } = pagination(c);
  const rows = await db
    .selectFrom('footprint_lines')
    .select(['id', 'line_no', 'data_json'])
    .where('inventory_id', '=', inv.id)
    .orderBy('line_no')
    .orderBy('id')
    .limit(perPage)
    .offset(offset)
    .execute();
  setPaginationHeaders(c, Number(inv.line_count), page, perPage);
  return c.json(presentInventory(inv, year, rows));
});

api.get(`${ORG}/footprints/:year{[0-9]{4}}`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const stored = await getStoredResult(c.get('db'), org.id, year);
  if (!stored) return apiError(c, 404, 'not_found', 'No footprint for this year');
  return c.json(presentFootprint(stored.result));
});
