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
import { ZImpact, ZInventoryLine } from '../../lca/index.js';
import { toFootprintJson } from '../../reports/footprint-formats.js';
import { authoriseOrganisation, yearParam } from './access.js';
import { MAX_IMPORT_LINES, MAX_UPLOAD_BYTES, createImportRow, runImport } from './import-inventory.js';
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
const ZSummary = z.object({
  importId: z.number(), year: z.number(), lines: z.number(), units: z.number(),
  methodology: z.object({ factorSet: z.string(), allocation: z.string(), year: z.number(), country: z.string() }),
  total: z.record(z.string(), ZImpact), dataQuality: z.object({ defaultShare: z.number() }),
});
const ZLineOut = ZInventoryLine.extend({ id: z.number(), line: z.number() });

documentApi({
  method: 'post', path: '/organisations/{id}/inventories/{year}', tag: TAG, auth: true,
  summary: 'Replaces the inventory of a year, or with `scope` `source` only the lines of `source_name` (CSV/XLSX file in `file`, optional `preset` glpi|snipe-it|intune, or JSON `{lines:[…]}`), and computes the year\'s footprint. All-or-nothing: a file with errors changes nothing. Values of the category or country column that match nothing answer 422 `unknown_values` (details: column, value, count); send them again with `mapping` (`{"category": {"Pare-feu": "network_switch"}}`, a JSON string in a multipart body), which the organisation\'s next imports also apply.',
  body: ZLinesBody, fileUpload: true, response: ZSummary,
  responses: { 201: 'Imported; result summary', 401: 'Missing or wrong token', 403: 'Not a member of the organisation', 413: 'File or inventory too large', 422: 'Line errors (details: line, column, message), unknown values (details: column, value, count), or an invalid mapping or scope' },
});
documentApi({
  method: 'get', path: '/organisations/{id}/inventories/{year}', tag: TAG, auth: true,
  summary: 'The lines of a year’s inventory, paginated (`page`, `per_page`, `Link` header).',
  response: z.object({ year: z.number(), factorSet: z.string(), total: z.number(), lines: z.array(ZLineOut) }),
  responses: { 401: 'Missing or wrong token', 403: 'Not a member', 404: 'No inventory for this year' },
});
documentApi({
  method: 'get', path: '/organisations/{id}/footprints/{year}', tag: TAG, auth: true,
  summary: 'The stored footprint of a year: the CLI JSON contract (methodology, totals with ranges, by phase, tier and category, data quality, warnings).',
  responses: { 401: 'Missing or wrong token', 403: 'Not a member', 404: 'No result for this year' },
});

const ORG = '/organisations/:id{[0-9]+}';

api.post(`${ORG}/inventories/:year{[0-9]{4}}`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return apiError(c, 413, 'payload_too_large', `The body exceeds ${MAX_UPLOAD_BYTES} bytes`);
  const db = c.get('db');
  const type = c.req.header('content-type') ?? '';
  const target = { orgId: org.id, year, userId: user.id, source: 'api' };
  let importId: number;
  let outcome;
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) return apiError(c, 400, 'invalid_input', 'Expected a file in the `file` field');
    if (file.size > MAX_UPLOAD_BYTES) return apiError(c, 413, 'payload_too_large', `The file exceeds ${MAX_UPLOAD_BYTES} bytes`);
    const preset = typeof body.preset === 'string' && body.preset ? body.preset : null;
    if (preset && !getPreset(preset)) return apiError(c, 400, 'invalid_input', `Unknown preset "${preset}"`, [{ path: 'preset', message: 'use glpi, snipe-it or intune' }]);
    const mapping = mappingFromApi(body.mapping, await findInventoryFactorSet(db, org.id, year));
    const importTarget = { ...target, ...importScopeFromForm(body), mapping };
    importId = await createImportRow(db, importTarget, file.name || 'inventory', preset);
    const path = await spoolUpload(importId, new Uint8Array(await file.arrayBuffer()), /\.xlsx$/i.test(file.name));
    // The API answers the mapping step at once (422 with the values), so its file is never kept for later.
    outcome = await runImport(db, importId, importTarget, { kind: 'file', path, preset, removeAfter: true });
    if (!outcome.ok && outcome.failure === 'unknown_values') await rm(path, { force: true });
  } else {
    let json: unknown;
    try { json = await c.req.json(); } catch { return apiError(c, 400, 'invalid_input', 'Expected a JSON body {"lines":[…]} or a multipart file'); }
    const lines = (json as { lines?: unknown })?.lines;
    if (!Array.isArray(lines) || lines.length === 0) return apiError(c, 400, 'invalid_input', 'Expected {"lines":[…]} with at least one line', [{ path: 'lines', message: 'required, non-empty array' }]);
    if (lines.length > MAX_IMPORT_LINES) return apiError(c, 413, 'payload_too_large', `More than ${MAX_IMPORT_LINES} lines`);
    const body = json as Record<string, unknown>;
    const mapping = mappingFromApi(body.mapping, await findInventoryFactorSet(db, org.id, year));
    const importTarget = { ...target, ...importScopeFromForm(body), mapping };
    importId = await createImportRow(db, importTarget, 'api.json', null);
    outcome = await runImport(db, importId, importTarget, { kind: 'lines', lines });
  }
  if (!outcome.ok) {
    if (outcome.failure === 'too_many_lines') return apiError(c, 413, 'payload_too_large', `More than ${MAX_IMPORT_LINES} lines`);
    if (outcome.failure === 'internal') return apiError(c, 500, 'internal', 'The import failed; nothing was saved');
    if (outcome.failure === 'unknown_values') {
      return apiError(c, 422, 'unknown_values', `${outcome.unknown.length} value(s) match no category or country; send them again with a mapping; nothing was saved`,
        outcome.unknown.map((u) => ({ column: u.column, value: u.value, count: u.count })));
    }
    return apiError(c, 422, 'invalid_inventory', `${outcome.errorCount} line error(s); nothing was saved`, outcome.errors);
  }
  const r = outcome.result;
  return c.json({ importId, year, lines: r.lines, units: r.units, methodology: r.methodology, total: r.total, dataQuality: { defaultShare: r.dataQuality.defaultShare } }, 201);
});

api.get(`${ORG}/inventories/:year{[0-9]{4}}`, async (c: Context<AppEnv>) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const db = c.get('db');
  const inv = await findInventory(db, org.id, year);
  if (!inv) return apiError(c, 404, 'not_found', 'No inventory for this year');
  const { page, perPage, offset } = pagination(c);
  const rows = await db.selectFrom('footprint_lines').select(['id', 'line_no', 'data_json']).where('inventory_id', '=', inv.id).orderBy('line_no').orderBy('id').limit(perPage).offset(offset).execute();
  const total = Number(inv.line_count);
  setPaginationHeaders(c, total, page, perPage);
  return c.json({ year, factorSet: inv.factor_set, total, lines: rows.map((r) => ({ id: Number(r.id), line: Number(r.line_no), ...JSON.parse(r.data_json) })) });
});

api.get(`${ORG}/footprints/:year{[0-9]{4}}`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const stored = await getStoredResult(c.get('db'), org.id, year);
  if (!stored) return apiError(c, 404, 'not_found', 'No footprint for this year');
  return c.json(toFootprintJson(stored.result));
});
