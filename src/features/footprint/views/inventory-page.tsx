import { PRESETS } from '../../../imports/index.js';
import { Pagination, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { categoryLabel, footprintBase } from './labels.js';
import { InventoryGroups, type TGroupsProps } from './inventory-groups.js';
import type { TMessageKey } from '../../../i18n/index.js';

/** A preset's name in the user's language (the engine's own descriptions are English). */
function presetLabel(v: TViewContext, id: string): string {
  const key = `footprint.preset.${id}` as TMessageKey;
  const text = v.t(key);
  return text === key ? id : text;
}

export interface TInventoryPageProps {
  v: TViewContext;
  org: { id: number; name: string };
  year: number;
  inventory: { lines: number; source: string; updatedAt: string; factorSet: string } | null;
  lines: {
    id: number;
    lineNo: number;
    category: string;
    quantity: number;
    entity: string | null;
    site: string | null;
    label: string | null;
    source: string | null;
  }[];
  page: number;
  pages: number;
  copyYears: number[];
  imports: { id: number; status: string; fileName: string; startedAt: string }[];
  hasResult: boolean;
  /** Groups, filters and bulk edit; absent when the year has no line. */
  groups: Omit<TGroupsProps, 'v' | 'base'> | null;
}

/** A year's inventory: upload, templates, copy from another year, the lines (paginated) and recent imports. */
export function InventoryPage(p: TInventoryPageProps) {
  const { v } = p;
  const t = v.t;
  const base = `${footprintBase(p.org.id)}/${p.year}`;
  return (
    <>
      <h1>{t('footprint.inventory.title', { year: p.year, org: p.org.name })}</h1>
      <p>
        {p.inventory
          ? t('footprint.inventory.summary', {
              lines: v.fmt.number(p.inventory.lines),
              date: v.fmt.date(p.inventory.updatedAt),
              factorSet: p.inventory.factorSet,
            })
          : t('footprint.inventory.empty')}
        {p.hasResult ? (
          <>
            {' '}
            <a href={base}>{t('footprint.inventory.resultLink')}</a>
          </>
        ) : null}
      </p>

      <h2>{t('footprint.inventory.upload')}</h2>
      <p class="hint">
        {t('footprint.inventory.uploadHelp')} {t('footprint.inventory.templates')}{' '}
        <a href={`${footprintBase(p.org.id)}/template.csv?lang=fr`} download>
          {t('footprint.inventory.templateFr')}
        </a>
        ,{' '}
        <a href={`${footprintBase(p.org.id)}/template.csv?lang=en`} download>
          {t('footprint.inventory.templateEn')}
        </a>
        ,{' '}
        <a href={`${footprintBase(p.org.id)}/template.xlsx?lang=fr`} download>
          {t('footprint.inventory.templateFrXlsx')}
        </a>
        ,{' '}
        <a href={`${footprintBase(p.org.id)}/template.xlsx?lang=en`} download>
          {t('footprint.inventory.templateEnXlsx')}
        </a>
        .
      </p>
      <form method="post" action={`${base}/imports`} enctype="multipart/form-data">
        <div class="field">
          <label for="f-file">{t('footprint.inventory.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('footprint.inventory.fileHint')}
          </p>
          <input
            id="f-file"
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv"
            required
            aria-describedby="f-file-hint"
          />
        </div>
        <Select
          name="preset"
          label={t('footprint.inventory.preset')}
          hint={t('footprint.inventory.presetHint')}
          options={Object.keys(PRESETS).map((k) => [k, presetLabel(v, k)])}
          emptyLabel={t('footprint.inventory.presetNone')}
        />
        <fieldset class="field">
          <legend>{t('footprint.inventory.scope')}</legend>
          <label>
            <input type="radio" name="scope" value="year" checked /> {t('footprint.inventory.scopeYear')}
          </label>
          <label>
            <input type="radio" name="scope" value="source" /> {t('footprint.inventory.scopeSource')}
          </label>
        </fieldset>
        <div class="field">
          <label for="f-source_name">{t('footprint.inventory.sourceName')}</label>
          <p class="hint" id="f-source_name-hint">
            {t('footprint.inventory.sourceNameHint')}
          </p>
          <input
            id="f-source_name"
            type="text"
            name="source_name"
            maxlength={100}
            aria-describedby="f-source_name-hint"
          />
        </div>
        <button type="submit">{t('footprint.inventory.uploadSubmit')}</button>
      </form>

      <p>
        <a href={`${base}/lines/new`} class="button secondary">
          {t('footprint.inventory.addLine')}
        </a>
      </p>

      {p.copyYears.length ? (
        <form method="post" action={`${base}/copy`} class="filters">
          <Select
            name="from_year"
            label={t('footprint.inventory.copyFrom')}
            options={p.copyYears.map((y) => [String(y), String(y)])}
            value={String(p.copyYears[0])}
          />
          {p.inventory && p.inventory.lines > 0 ? (
            <div class="field">
              <label>
                <input type="checkbox" name="confirm" value="1" required /> {t('footprint.inventory.copyConfirm')}
              </label>
            </div>
          ) : null}
          <div class="field">
            <button type="submit">{t('footprint.inventory.copySubmit')}</button>
          </div>
        </form>
      ) : null}

      {/* The upload form lives on the cloud page: the inventory page keeps its weight (EcoIndex A) with one link. */}
      <p>
        <a href={`${footprintBase(p.org.id)}/${p.year}/cloud-billing`}>{t('footprint.cloud.upload')}</a>
      </p>
      {p.groups ? <InventoryGroups v={v} base={base} {...p.groups} /> : null}

      <h2>{t('footprint.inventory.lines')}</h2>
      {p.lines.length ? (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('footprint.inventory.lineNo')}
                </th>
                <th scope="col">{t('footprint.inventory.category')}</th>
                <th scope="col" class="num">
                  {t('footprint.inventory.quantity')}
                </th>
                <th scope="col">{t('footprint.inventory.entity')}</th>
                <th scope="col">{t('footprint.inventory.label')}</th>
                <th scope="col">{t('footprint.inventory.source')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('footprint.inventory.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <tr>
                  <td class="num">{l.lineNo}</td>
                  <td>{categoryLabel(v, l.category)}</td>
                  <td class="num">{v.fmt.number(l.quantity, 2)}</td>
                  <td>{[l.entity, l.site].filter(Boolean).join(' / ')}</td>
                  <td>{l.label ?? ''}</td>
                  <td>{l.source ?? ''}</td>
                  <td>
                    <a
                      href={`${base}/lines/${l.id}/edit`}
                      aria-label={t('footprint.inventory.editLine', { n: l.lineNo })}
                    >
                      {t('footprint.inventory.edit')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('table.empty')}</p>
      )}
      <Pagination v={v} page={p.page} pages={p.pages} />

      {p.imports.length ? (
        <>
          <h2>{t('footprint.inventory.imports')}</h2>
          <ul>
            {p.imports.map((i) => (
              <li>
                <a href={`${footprintBase(p.org.id)}/imports/${i.id}`}>{i.fileName}</a> —{' '}
                {t(`footprint.import.status.${i.status}` as never)} ({v.fmt.date(i.startedAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
