import type { TViewContext } from '../../../views/context.js';
import type { TMessageKey } from '../../../i18n/index.js';
import type { TCloudBillingError } from '../../../imports/cloud/index.js';
import type { TCloudImportJson } from '../cloud-summary.js';
import { footprintBase } from './labels.js';

/** The upload form of a billing export: on this page and on the year's inventory page. */
export function CloudBillingForm(p: { v: TViewContext; orgId: number; year: number; headingLevel?: 2 | 3 }) {
  const t = p.v.t;
  const H = p.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby="cloud-billing-upload">
      <H id="cloud-billing-upload">{t('footprint.cloud.upload')}</H>
      <p class="hint">{t('footprint.cloud.uploadHelp')}</p>
      <p class="hint">{t('footprint.cloud.replaces')}</p>
      <form method="post" action={`${footprintBase(p.orgId)}/${p.year}/cloud-billing`} enctype="multipart/form-data">
        <div class="field">
          <label for="cb-file">{t('footprint.cloud.file')}</label>
          <p class="hint" id="cb-file-hint">
            {t('footprint.cloud.fileHint')}
          </p>
          <input
            id="cb-file"
            type="file"
            name="file"
            accept=".csv,.gz,text/csv,application/gzip"
            required
            aria-describedby="cb-file-hint"
          />
        </div>
        <div class="field">
          <label for="cb-provider">{t('footprint.cloud.provider')}</label>
          <select id="cb-provider" name="provider">
            <option value="">{t('footprint.cloud.providerAuto')}</option>
            <option value="aws">AWS</option>
            <option value="azure">Microsoft Azure</option>
            <option value="gcp">Google Cloud</option>
          </select>
        </div>
        <button type="submit">{t('footprint.cloud.submit')}</button>
      </form>
    </section>
  );
}

const REASONS: Record<string, TMessageKey> = {
  'no-rule': 'footprint.cloud.reason.noRule',
  'unknown-unit': 'footprint.cloud.reason.unknownUnit',
  'unknown-instance-type': 'footprint.cloud.reason.unknownInstanceType',
  'no-instance-type': 'footprint.cloud.reason.noInstanceType',
};

/** The cloud part of a year: mapped share, the breakdowns, what could not be mapped. Shown on the result page too. */
export function CloudPartSection(p: { v: TViewContext; imp: TCloudImportJson; headingLevel?: 2 | 3 }) {
  const { v, imp } = p;
  const t = v.t;
  const H = p.headingLevel === 3 ? 'h3' : 'h2';
  const money = (n: number) => `${v.fmt.number(n, 2)} ${imp.currency}`;
  const kg = (x: { value: number; low: number; high: number } | null) =>
    x
      ? t('footprint.cloud.kg', {
          value: v.fmt.significant(x.value),
          low: v.fmt.significant(x.low),
          high: v.fmt.significant(x.high),
        })
      : '—';
  const dims = [
    ['provider', 'footprint.cloud.byProvider'],
    ['service', 'footprint.cloud.byService'],
    ['region', 'footprint.cloud.byRegion'],
    ['account', 'footprint.cloud.byAccount'],
  ] as const;
  return (
    <section aria-labelledby="cloud-part">
      <H id="cloud-part">{t('footprint.cloud.part')}</H>
      <p>
        {t('footprint.cloud.importedFrom', {
          file: imp.file_name,
          date: v.fmt.date(imp.imported_at),
          rows: v.fmt.number(imp.rows_read),
          lines: v.fmt.number(imp.lines),
          mapping: imp.mapping,
        })}
      </p>
      <p>
        <strong>
          {t('footprint.cloud.mappedShare', {
            share: imp.mapped_share === null ? '—' : v.fmt.percent(imp.mapped_share, 1),
            mapped: money(imp.mapped_cost),
            total: money(imp.usage_cost),
          })}
        </strong>{' '}
        {t('footprint.cloud.gwp', { gwp: kg(imp.gwp) })}
      </p>
      {dims.map(([dim, key]) => (
        <table>
          <caption>{t(key)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`footprint.cloud.dim.${dim}` as TMessageKey)}</th>
              <th scope="col" class="num">
                {t('footprint.cloud.lines')}
              </th>
              <th scope="col" class="num">
                {t('footprint.cloud.gwpColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {imp.breakdown[dim].map((r) => (
              <tr>
                <th scope="row">{r.key || t('footprint.cloud.none')}</th>
                <td class="num">{v.fmt.number(r.lines)}</td>
                <td class="num">{kg(r.gwp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <H id="cloud-unmapped">{t('footprint.cloud.unmapped')}</H>
      {imp.unmapped.length ? (
        <table>
          <caption>{t('footprint.cloud.unmappedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('footprint.cloud.dim.service')}</th>
              <th scope="col">{t('footprint.cloud.reason')}</th>
              <th scope="col" class="num">
                {t('footprint.cloud.rows')}
              </th>
              <th scope="col" class="num">
                {t('footprint.cloud.cost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {imp.unmapped.map((u) => (
              <tr>
                <th scope="row">{u.service}</th>
                <td>
                  {t(REASONS[u.reason] ?? 'footprint.cloud.reason.noRule')} <span class="hint">({u.example})</span>
                </td>
                <td class="num">{v.fmt.number(u.rows)}</td>
                <td class="num">{money(u.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('footprint.cloud.allMapped')}</p>
      )}
      {imp.other_charges.length ? (
        <p>
          {t('footprint.cloud.otherCharges', {
            list: imp.other_charges.map((o) => `${o.type} ${money(o.cost)}`).join(', '),
          })}
        </p>
      ) : null}
      {imp.unknown_regions.length ? (
        <p>
          {t('footprint.cloud.unknownRegions', {
            list: imp.unknown_regions.map((r) => `${r.provider} ${r.region}`).join(', '),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** The page of a year's cloud billing: the form, the errors of a refused file, the last import. */
export function CloudBillingPage(p: {
  v: TViewContext;
  org: { id: number; name: string };
  year: number;
  imp: TCloudImportJson | null;
  errors?: TCloudBillingError[];
  errorCount?: number;
}) {
  const { v } = p;
  const t = v.t;
  const base = `${footprintBase(p.org.id)}/${p.year}`;
  return (
    <>
      <h1>{t('footprint.cloud.title', { year: p.year, org: p.org.name })}</h1>
      <p>
        <a href={`${base}/inventory`}>{t('footprint.cloud.backToInventory')}</a> ·{' '}
        <a href={base}>{t('footprint.inventory.resultLink')}</a>
      </p>
      {p.errors ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>
            {(p.errorCount ?? p.errors.length) === 1
              ? t('footprint.cloud.refusedOne')
              : t('footprint.cloud.refusedMany', { count: v.fmt.number(p.errorCount ?? p.errors.length) })}
          </h2>
          <ul>
            {p.errors.slice(0, 50).map((e) => (
              <li>
                {e.line > 0
                  ? t('footprint.cloud.errorAt', { row: e.line, column: e.column })
                  : t('footprint.cloud.errorColumn', { column: e.column })}{' '}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <CloudBillingForm v={v} orgId={p.org.id} year={p.year} />
      {p.imp ? <CloudPartSection v={v} imp={p.imp} /> : <p>{t('footprint.cloud.noImport')}</p>}
    </>
  );
}
