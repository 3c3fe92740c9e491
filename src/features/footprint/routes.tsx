/**
 * Footprint pages. Every route: parse → authorise (members of the organisation and administrators) → call a
 * service → render. Forms work without JavaScript (POST → redirect → GET).
 */
import { pdfRenderGuard } from '../../http/middleware/rate-limit.js';
import { Hono, type Context } from 'hono';
import { getFactorSet, latestFactorSetId, listFactorSets } from '../../data/index.js';
import type { AppEnv } from '../../http/env.js';
import { AppError, UserFacingError, notFound } from '../../http/errors.js';
import { parseForm, readForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { getPreset, inventoryErrorText, workbookProblem, type TSkippedRows } from '../../imports/index.js';
import { CRITERIA, type TCriterion, type TLineError } from '../../lca/index.js';
import { formatFootprint } from '../../reports/footprint-formats.js';
import { chromiumAvailable, htmlToPdf } from '../../reports/pdf.js';
import type { TMessageKey } from '../../i18n/index.js';
import { authoriseOrganisation, yearParam } from './access.js';
import { resolveCategory } from './categories.js';
import { compareYears, explainChange, methodDiffers, methodSplit } from './compare.js';
import {
  addLine,
  copyInventory,
  deleteLine,
  getLine,
  recomputeWithFactorSet,
  saveSettings,
  saveTarget,
  updateLine,
} from './edit-inventory.js';
import { frameworkRows } from './frameworks.js';
import { MAX_UPLOAD_BYTES, createImportRow, isImportAlive, startImport } from './import-inventory.js';
import { importScopeFromForm } from './import-scope.js';
import { bulkEditLines, bulkFromForm } from './bulk-edit.js';
import {
  INVENTORY_FILTERS,
  applyFilters,
  filterChoices,
  filtersFrom,
  inventoryGroups,
  type TInventoryFilters,
} from './inventory-groups.js';
import { importAwaitingMapping, mappingFromForm, resumeImportWithMapping } from './resume-import.js';
import { spoolUpload } from './upload-spool.js';
import { engineErrorsToFields, formCategories, lineFromForm } from './line-form.js';
import { getStoredResult, listMeasuredYears, recomputeWithMethod } from './queries.js';
import { findInventory } from './repository.js';
import {
  ZSettingsForm,
  ZTargetForm,
  countryChoices,
  isReportingYear,
  profileChoices,
  readSettings,
} from './settings.js';
import { inventoryTemplateCsv, inventoryTemplateXlsx } from './template.js';
import { ComparePage } from './views/compare-page.js';
import { FrameworksPage } from './views/frameworks-page.js';
import { ImportPage } from './views/import-page.js';
import { InventoryPage } from './views/inventory-page.js';
import { footprintBase } from './views/labels.js';
import { LineFormPage } from './views/line-form-page.js';
import { MethodologyPage } from './views/methodology-page.js';
import { OverviewPage } from './views/overview-page.js';
import { ResultPage } from './views/result-page.js';
import { latestCloudImport, presentCloudImport } from './cloud-summary.js';
import { SettingsPage } from './views/settings-page.js';

export const pages = new Hono<AppEnv>();
const ORG = '/organisations/:id{[0-9]+}/footprint';
const YEAR = `${ORG}/:year{[0-9]{4}}`;
const LINES_PER_PAGE = 25;

const translateErrors = (c: Context<AppEnv>, errors: Record<string, string>): TFieldErrors => {
  const t = c.get('t');
  // The year range's upper bound is this year: a purchase cannot be in the future.
  const params = { min: 1950, max: new Date().getUTCFullYear() };
  return Object.fromEntries(
    Object.entries(errors).map(([k, m]) => [
      k,
      m.startsWith('form.') || m.startsWith('footprint.') ? t(m as TMessageKey, params) : m,
    ]),
  );
};

pages.get('/methodology', (c) => {
  const fs = getFactorSet(latestFactorSetId);
  return renderPage(c, c.get('t')('footprint.methodology.title'), (v) => <MethodologyPage v={v} fs={fs} />);
});

async function overview(
  c: Context<AppEnv>,
  targetErrors: TFieldErrors | null = null,
  targetValues: Record<string, unknown> = {},
) {
  const { org } = await authoriseOrganisation(c);
  const db = c.get('db');
  const [settings, years, inventories] = await Promise.all([
    readSettings(db, org.id),
    listMeasuredYears(db, org.id),
    db
      .selectFrom('footprint_inventories')
      .select(['year', 'line_count'])
      .where('organisation_id', '=', org.id)
      .orderBy('year', 'desc')
      .execute(),
  ]);
  return renderPage(
    c,
    c.get('t')('footprint.overview.title', { org: org.name }),
    (v) => (
      <OverviewPage
        v={v}
        org={org}
        settings={settings}
        years={years}
        inventories={inventories.map((i) => ({ year: Number(i.year), lines: Number(i.line_count) }))}
        targetErrors={targetErrors}
        targetValues={targetValues}
      />
    ),
    { status: targetErrors ? 422 : 200 },
  );
}
pages.get(ORG, (c) => overview(c));

pages.get(`${ORG}/open`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = Number(c.req.query('year'));
  if (!isReportingYear(year)) throw notFound();
  return c.redirect(`${footprintBase(org.id)}/${year}/inventory`, 303);
});

pages.post(`${ORG}/target`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const { values, result } = await parseForm(c, ZTargetForm);
  if (!result.ok) return overview(c, result.errors, values);
  await saveTarget(c.get('db'), user, org.id, {
    baseYear: result.data.base_year,
    targetYear: result.data.target_year,
    reductionPct: result.data.reduction_pct,
  });
  return redirectWithFlash(c, `${footprintBase(org.id)}#target`, 'flash.saved');
});

async function settingsPage(c: Context<AppEnv>, errors: TFieldErrors | null = null) {
  const { org } = await authoriseOrganisation(c);
  const settings = await readSettings(c.get('db'), org.id);
  return renderPage(
    c,
    c.get('t')('footprint.settings.title', { org: org.name }),
    (v) => (
      <SettingsPage
        v={v}
        org={org}
        settings={settings}
        countries={countryChoices()}
        profiles={profileChoices()}
        errors={errors}
      />
    ),
    { status: errors ? 422 : 200 },
  );
}
pages.get(`${ORG}/settings`, (c) => settingsPage(c));
pages.post(`${ORG}/settings`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const { result } = await parseForm(c, ZSettingsForm);
  if (!result.ok) return settingsPage(c, result.errors);
  const t = c.get('t');
  if (!countryChoices().some(([id]) => id === result.data.country))
    return settingsPage(c, { country: t('footprint.settings.countryInvalid') });
  await saveSettings(c.get('db'), user, org.id, {
    country: result.data.country,
    profile: result.data.profile,
    allocation: result.data.allocation,
  });
  return redirectWithFlash(c, footprintBase(org.id), 'footprint.flash.recomputed');
});

pages.get(`${ORG}/template.csv`, async (c) => {
  await authoriseOrganisation(c);
  const lang = c.req.query('lang') === 'en' ? 'en' : 'fr';
  return c.body(inventoryTemplateCsv(lang), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="techcare-inventory-template-${lang}.csv"`,
  });
});

pages.get(`${ORG}/template.xlsx`, async (c) => {
  await authoriseOrganisation(c);
  const lang = c.req.query('lang') === 'en' ? 'en' : 'fr';
  return c.body(new Uint8Array(await inventoryTemplateXlsx(lang)), 200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="techcare-inventory-template-${lang}.xlsx"`,
  });
});

pages.get(`${ORG}/compare`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const from = Number(c.req.query('from'));
  const to = Number(c.req.query('to'));
  if (!isReportingYear(from) || !isReportingYear(to) || from === to)
    throw new AppError(400, 'bad_request', 'footprint.compare.invalid');
  const db = c.get('db');
  const [a, b] = await Promise.all([getStoredResult(db, org.id, from), getStoredResult(db, org.id, to)]);
  if (!a || !b) throw notFound();
  const sa = { year: from, ...a };
  const sb = { year: to, ...b };
  const { criteria, tiers } = compareYears(sa, sb);
  const units = Object.fromEntries(CRITERIA.map((k) => [k, b.result.total[k]?.unit ?? '']));
  const explanations = explainChange(sa, sb);
  // A change of method (factor set, profile, settings) is separated from a real change: the earlier year's
  // inventory is recomputed with the later year's method.
  if (methodDiffers(a.result, b.result) && a.result.total.gwp && b.result.total.gwp) {
    const recomputed = await recomputeWithMethod(db, org.id, from, b.result);
    if (recomputed !== null)
      explanations.unshift(...methodSplit(a.result.total.gwp.value, recomputed, b.result.total.gwp.value));
  }
  return renderPage(c, c.get('t')('footprint.compare.title', { from, to, org: org.name }), (v) => (
    <ComparePage
      v={v}
      org={org}
      from={from}
      to={to}
      units={units}
      criteria={criteria}
      tiers={tiers}
      explanations={explanations}
    />
  ));
});

/** The status page of an import; at the mapping step, with the user's choices and errors when re-rendered. */
async function importPage(
  c: Context<AppEnv>,
  orgId: number,
  importId: number,
  mapping?: { values: Record<string, unknown>; errors: TFieldErrors },
) {
  const db = c.get('db');
  const { row, unknown } = await importAwaitingMapping(db, orgId, importId);
  // A row left running by a dead process (killed server) is shown as failed: its transaction never committed.
  const status = row.status === 'running' && !isImportAlive({ ...row, id: Number(row.id) }) ? 'failed' : row.status;
  const failure = status === 'failed' && row.status === 'running' ? 'interrupted' : row.failure;
  if (status === 'running') c.header('Refresh', '2');
  const imp = {
    id: Number(row.id),
    year: Number(row.year),
    fileName: row.file_name,
    status,
    linesRead: Number(row.lines_read),
    errorCount: Number(row.error_count),
    errors: row.errors_json ? (JSON.parse(row.errors_json) as TLineError[]) : [],
    failure,
    startedAt: row.started_at,
    skipped: row.skipped_json ? (JSON.parse(row.skipped_json) as TSkippedRows) : null,
    factorSet: (await findInventory(db, orgId, Number(row.year)))?.factor_set ?? latestFactorSetId,
    scope: row.scope === 'source' ? ('source' as const) : ('year' as const),
    sourceName: row.source_name ?? null,
    unknown,
  };
  return renderPage(
    c,
    c.get('t')('footprint.import.title', { year: imp.year }),
    (v) => <ImportPage v={v} orgId={orgId} imp={imp} mappingValues={mapping?.values} mappingErrors={mapping?.errors} />,
    { status: mapping ? 422 : 200 },
  );
}

pages.get(`${ORG}/imports/:importId{[0-9]+}`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  return importPage(c, org.id, Number(c.req.param('importId')));
});

pages.post(`${ORG}/imports/:importId{[0-9]+}/mapping`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const importId = Number(c.req.param('importId'));
  const { unknown } = await importAwaitingMapping(c.get('db'), org.id, importId);
  const form = await readForm(c);
  const { mapping, missing } = mappingFromForm(unknown, form);
  if (missing.length) {
    const required = c.get('t')('footprint.mapping.required');
    return importPage(c, org.id, importId, {
      values: form,
      errors: Object.fromEntries(missing.map((f) => [f, required])),
    });
  }
  const newId = await resumeImportWithMapping(c.get('db'), user, org.id, importId, mapping);
  return c.redirect(`${footprintBase(org.id)}/imports/${newId}`, 303);
});

pages.post(`${YEAR}/imports`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const form = await readForm(c);
  const file = form.file;
  const t = c.get('t');
  if (!(file instanceof File) || file.size === 0)
    throw new UserFacingError(400, 'bad_request', t('footprint.import.noFile'));
  if (file.size > MAX_UPLOAD_BYTES) throw new UserFacingError(413, 'payload_too_large', t('footprint.import.tooBig'));
  const bytes = Buffer.from(await file.arrayBuffer());
  const isXlsx = /\.xlsx$/i.test(file.name);
  // A workbook is checked before the import starts (unpacked size and entry count capped): a refused one is a 422.
  const problem = isXlsx ? workbookProblem(bytes) : null;
  if (problem) throw new UserFacingError(422, 'unreadable_file', inventoryErrorText(problem, c.get('locale')));
  const preset = typeof form.preset === 'string' && form.preset !== '' ? form.preset : null;
  if (preset && !getPreset(preset)) throw new AppError(400, 'bad_request', 'unknown preset');
  const scope = importScopeFromForm(form);
  const db = c.get('db');
  const target = { orgId: org.id, year, userId: user.id, source: 'upload', ...scope };
  const importId = await createImportRow(db, target, file.name || 'inventory', preset);
  // The upload is spooled to a file so the reader can stream it (CSV) and the request can answer at once.
  const path = await spoolUpload(importId, new Uint8Array(bytes), isXlsx);
  startImport(db, importId, target, { kind: 'file', path, preset, removeAfter: true });
  return c.redirect(`${footprintBase(org.id)}/imports/${importId}`, 303);
});

/** The inventory page under the query's filters; with the bulk form's values and errors when re-rendered. */
async function inventoryPage(
  c: Context<AppEnv>,
  org: { id: number; name: string },
  year: number,
  filters: TInventoryFilters,
  bulk?: { values: Record<string, unknown>; errors: TFieldErrors },
) {
  const db = c.get('db');
  const inv = await findInventory(db, org.id, year);
  const filtered = Object.keys(filters).length > 0;
  const linesQuery = () => applyFilters(db.selectFrom('footprint_lines').where('inventory_id', '=', inv!.id), filters);
  const total = !inv
    ? 0
    : filtered
      ? Number(
          (
            await linesQuery()
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : Number(inv.line_count);
  const pages = Math.max(1, Math.ceil(total / LINES_PER_PAGE));
  const page = Math.min(pages, pageParam(c));
  const [lines, others, imports, hasResult, grouped, choices] = await Promise.all([
    inv
      ? linesQuery()
          .select(['id', 'line_no', 'category', 'quantity', 'entity', 'site', 'label', 'source'])
          .orderBy('line_no')
          .orderBy('id')
          .limit(LINES_PER_PAGE)
          .offset((page - 1) * LINES_PER_PAGE)
          .execute()
      : [],
    db
      .selectFrom('footprint_inventories')
      .select('year')
      .where('organisation_id', '=', org.id)
      .where('year', '!=', year)
      .where('line_count', '>', 0)
      .orderBy('year', 'desc')
      .execute(),
    db
      .selectFrom('footprint_imports')
      .select(['id', 'status', 'file_name', 'started_at', 'runner_id', 'heartbeat_at'])
      .where('organisation_id', '=', org.id)
      .where('year', '=', year)
      .orderBy('id', 'desc')
      .limit(5)
      .execute(),
    db
      .selectFrom('footprint_results')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('year', '=', year)
      .where('is_current', '=', 1)
      .executeTakeFirst(),
    inv ? inventoryGroups(db, inv.id, filters) : null,
    inv ? filterChoices(db, inv.id) : null,
  ]);
  return renderPage(
    c,
    c.get('t')('footprint.inventory.title', { year, org: org.name }),
    (v) => (
      <InventoryPage
        v={v}
        org={org}
        year={year}
        page={page}
        pages={pages}
        hasResult={!!hasResult}
        inventory={
          inv
            ? {
                lines: Number(inv.line_count),
                source: inv.source,
                updatedAt: inv.updated_at,
                factorSet: inv.factor_set,
              }
            : null
        }
        lines={lines.map((l) => ({
          id: Number(l.id),
          lineNo: Number(l.line_no),
          category: l.category,
          quantity: Number(l.quantity),
          entity: l.entity,
          site: l.site,
          label: l.label,
          source: l.source ?? null,
        }))}
        copyYears={others.map((o) => Number(o.year))}
        groups={
          grouped && choices && Number(inv!.line_count) > 0
            ? {
                filters,
                choices,
                groups: grouped.groups,
                truncated: grouped.truncated,
                values: bulk?.values,
                errors: bulk?.errors,
              }
            : null
        }
        imports={imports.map((i) => ({
          id: Number(i.id),
          status: i.status === 'running' && !isImportAlive({ ...i, id: Number(i.id) }) ? 'failed' : i.status,
          fileName: i.file_name,
          startedAt: i.started_at,
        }))}
      />
    ),
    { status: bulk ? 422 : 200 },
  );
}

pages.get(`${YEAR}/inventory`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  return inventoryPage(c, org, yearParam(c), filtersFrom(c.req.query()));
});

pages.post(`${YEAR}/bulk-edit`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const form = await readForm(c);
  // The filters the groups were shown under come back as hidden fields, so the change stays within them.
  const filters = filtersFrom(
    Object.fromEntries(
      INVENTORY_FILTERS.map((f) => [
        f,
        typeof form[`filter_${f}`] === 'string' ? String(form[`filter_${f}`]) : undefined,
      ]),
    ),
  );
  const { groups, changes, errors } = bulkFromForm(form);
  if (Object.keys(errors).length)
    return inventoryPage(c, org, year, filters, {
      values: form,
      errors: translateErrors(c, errors as Record<string, string>),
    });
  await bulkEditLines(c.get('db'), user, org.id, year, groups, filters, changes);
  const query = new URLSearchParams(filters as Record<string, string>).toString();
  return redirectWithFlash(
    c,
    `${footprintBase(org.id)}/${year}/inventory${query ? `?${query}` : ''}`,
    'footprint.flash.bulkEdited',
  );
});

pages.post(`${YEAR}/copy`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const form = await readForm(c);
  const from = Number(form.from_year);
  const db = c.get('db');
  const target = await findInventory(db, org.id, year);
  if (!isReportingYear(from) || from === year) throw new AppError(400, 'bad_request', 'footprint.copy.invalid');
  if (target && Number(target.line_count) > 0 && form.confirm !== '1')
    throw new AppError(400, 'bad_request', 'footprint.copy.confirm');
  await copyInventory(db, user, org.id, from, year);
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}/inventory`, 'footprint.flash.copied');
});

function lineForm(
  c: Context<AppEnv>,
  orgId: number,
  year: number,
  lineId: number | null,
  values: Record<string, unknown>,
  errors: TFieldErrors | null,
) {
  const t = c.get('t');
  return renderPage(
    c,
    lineId ? t('footprint.line.editTitle', { year }) : t('footprint.line.newTitle', { year }),
    (v) => (
      <LineFormPage
        v={v}
        orgId={orgId}
        year={year}
        lineId={lineId}
        values={values}
        errors={errors}
        categories={formCategories()}
      />
    ),
    { status: errors ? 422 : 200 },
  );
}

pages.get(`${YEAR}/lines/new`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  return lineForm(c, org.id, yearParam(c), null, { quantity: '1' }, null);
});
pages.post(`${YEAR}/lines`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const values = await readForm(c);
  const { line, errors } = lineFromForm(values, null);
  if (!line) return lineForm(c, org.id, year, null, values, translateErrors(c, errors));
  const engineErrors = await addLine(c.get('db'), user, org.id, year, line);
  if (engineErrors.length)
    return lineForm(c, org.id, year, null, values, engineErrorsToFields(engineErrors, c.get('locale')));
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}/inventory`, 'flash.saved');
});
pages.get(`${YEAR}/lines/:lineId{[0-9]+}/edit`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const line = await getLine(c.get('db'), org.id, year, Number(c.req.param('lineId')));
  // A line stored under a label (older imports) opens on its category rather than on an empty choice.
  const category = resolveCategory(latestFactorSetId, line.data.category) ?? line.data.category;
  return lineForm(c, org.id, year, line.id, { ...line.data, category } as Record<string, unknown>, null);
});
pages.post(`${YEAR}/lines/:lineId{[0-9]+}`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const lineId = Number(c.req.param('lineId'));
  const existing = await getLine(c.get('db'), org.id, year, lineId);
  const values = await readForm(c);
  const { line, errors } = lineFromForm(values, existing.data);
  if (!line) return lineForm(c, org.id, year, lineId, values, translateErrors(c, errors));
  const engineErrors = await updateLine(c.get('db'), user, org.id, year, lineId, line);
  if (engineErrors.length)
    return lineForm(c, org.id, year, lineId, values, engineErrorsToFields(engineErrors, c.get('locale')));
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}/inventory`, 'flash.saved');
});
pages.post(`${YEAR}/lines/:lineId{[0-9]+}/delete`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  await deleteLine(c.get('db'), user, org.id, year, Number(c.req.param('lineId')));
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}/inventory`, 'footprint.flash.deleted');
});

pages.post(`${YEAR}/recompute`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const form = await readForm(c);
  const id = typeof form.factor_set === 'string' ? form.factor_set : '';
  if (!listFactorSets().includes(id)) throw new AppError(400, 'bad_request', 'unknown factor set');
  await recomputeWithFactorSet(c.get('db'), user, org.id, year, id);
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}`, 'footprint.flash.recomputed');
});

/** Renders the result page; the PDF export prints exactly this HTML. */
async function resultResponse(c: Context<AppEnv>): Promise<Response> {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const db = c.get('db');
  const stored = await getStoredResult(db, org.id, year);
  if (!stored) return c.redirect(`${footprintBase(org.id)}/${year}/inventory`, 303);
  const q = c.req.query('criterion');
  const criterion: TCriterion =
    (CRITERIA as readonly string[]).includes(q ?? '') && stored.result.total[q as TCriterion]
      ? (q as TCriterion)
      : 'gwp';
  const prev = await db
    .selectFrom('footprint_results')
    .select('year')
    .where('organisation_id', '=', org.id)
    .where('is_current', '=', 1)
    .where('year', '<', year)
    .where('lines', '>', 0)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sets = listFactorSets();
  const newest = sets[sets.length - 1]!;
  const newer =
    newest !== stored.result.methodology.factorSet &&
    sets.indexOf(newest) > sets.indexOf(stored.result.methodology.factorSet)
      ? newest
      : null;
  const cloudRow = await latestCloudImport(db, org.id, year);
  const cloud = cloudRow ? presentCloudImport(cloudRow) : null;
  return renderPage(
    c,
    c.get('t')('footprint.result.title', { year, org: org.name }),
    (v) => (
      <ResultPage
        v={v}
        org={org}
        year={year}
        result={stored.result}
        extra={stored.extra}
        computedAt={stored.computedAt}
        criterion={criterion}
        previousYear={prev ? Number(prev.year) : null}
        newerFactorSet={newer}
        cloud={cloud}
      />
    ),
    { wide: true },
  );
}
pages.get(YEAR, (c) => resultResponse(c));

pages.get(`${YEAR}/frameworks`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const stored = await getStoredResult(c.get('db'), org.id, year);
  if (!stored) throw notFound();
  const rows = frameworkRows(getFactorSet(stored.result.methodology.factorSet), stored.result, stored.extra);
  return renderPage(c, c.get('t')('footprint.frameworks.title', { year, org: org.name }), (v) => (
    <FrameworksPage v={v} org={org} year={year} result={stored.result} rows={rows} />
  ));
});

pages.get(`${YEAR}/export/:format{csv|json|pcr-si|pdf}`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const format = c.req.param('format') as 'csv' | 'json' | 'pcr-si' | 'pdf';
  const stored = await getStoredResult(c.get('db'), org.id, year);
  if (!stored) throw notFound();
  const name = `footprint-${org.slug}-${year}`;
  if (format === 'pdf') {
    const config = c.get('config');
    if (!chromiumAvailable(config.CHROMIUM_PATH)) {
      const t = c.get('t');
      return renderPage(
        c,
        t('footprint.pdf.title'),
        <>
          <h1>{t('footprint.pdf.title')}</h1>
          <p>{t('pdf.unavailable')}</p>
        </>,
        { status: 503 },
      );
    }
    const page = await resultResponse(c);
    const pdf = await htmlToPdf(await page.text(), config.CHROMIUM_PATH, pdfRenderGuard(c));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}.pdf"`,
    });
  }
  // PCR-SI metadata name the organisation and when the result was computed (not when it was downloaded).
  const body = formatFootprint(stored.result, format, c.get('locale'), {
    organization: org.name,
    timestamp: stored.computedAt,
  });
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  const ext = format === 'csv' ? 'csv' : format === 'json' ? 'json' : 'pcr-si.json';
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${name}.${ext}"` });
});
