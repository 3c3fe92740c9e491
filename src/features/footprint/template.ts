/**
 * Inventory templates generated from the column list, in French (`;` separated, French headers, decimal comma) or
 * English (`,` separated, canonical headers), with a few example lines.
 */
import { writeCsv } from '../../reports/csv.js';
import { COLUMN_ALIASES } from '../../imports/index.js';
import type { TColumn } from '../../lca/index.js';
import writeExcelFile from 'write-excel-file/node';

/** The columns a template offers (the rarer server component columns are documented, not pre-filled). */
export const TEMPLATE_COLUMNS: TColumn[] = [
  'category',
  'quantity',
  'lifespan_years',
  'purchase_year',
  'country',
  'annual_kwh',
  'embodied_gwp_kg',
  'pue',
  'provider',
  'instance_type',
  'region',
  'hours',
  'gigabytes',
  'entity',
  'site',
  'label',
];

/** French header per column: the first French alias accepted by the reader (so the template reads back). */
const FRENCH: Partial<Record<TColumn, string>> = {
  category: 'catégorie',
  quantity: 'quantité',
  lifespan_years: 'durée de vie',
  purchase_year: 'année d’achat',
  country: 'pays',
  annual_kwh: 'kWh par an',
  embodied_gwp_kg: 'empreinte fabrication (kgCO2e)',
  pue: 'PUE',
  provider: 'fournisseur',
  instance_type: 'type d’instance',
  region: 'région',
  hours: 'heures',
  gigabytes: 'go transférés',
  entity: 'entité',
  site: 'site',
  label: 'libellé',
};

type TExample = Partial<Record<TColumn, string | number>>;
const EXAMPLES: TExample[] = [
  {
    category: 'laptop',
    quantity: 120,
    lifespan_years: 5,
    purchase_year: 2023,
    country: 'FRA',
    entity: 'Siège',
    site: 'Lyon',
    label: 'Laptop 14"',
  },
  {
    category: 'monitor',
    quantity: 90,
    lifespan_years: 7,
    purchase_year: 2021,
    country: 'FRA',
    entity: 'Siège',
    site: 'Lyon',
  },
  { category: 'smartphone', quantity: 60, lifespan_years: 3, purchase_year: 2024, country: 'FRA', entity: 'Siège' },
  {
    category: 'server',
    quantity: 4,
    lifespan_years: 6,
    purchase_year: 2022,
    country: 'FRA',
    pue: 1.6,
    entity: 'IT',
    site: 'Lyon',
    label: 'Rack servers',
  },
  {
    category: 'cloud_instance',
    quantity: 6,
    provider: 'aws',
    instance_type: 'm5.large',
    region: 'eu-west-3',
    hours: 8760,
    entity: 'IT',
  },
  { category: 'data_transfer', gigabytes: 25000, entity: 'IT', label: 'Website traffic' },
];

const headerOf = (lang: 'fr' | 'en', c: TColumn) => (lang === 'fr' ? (FRENCH[c] ?? COLUMN_ALIASES[c][0]) : c);

/**
 * The template as an XLSX workbook (same columns and example lines; numbers stay numbers), written by
 * write-excel-file. The header row stays visible when scrolling.
 */
export async function inventoryTemplateXlsx(lang: 'fr' | 'en'): Promise<Buffer> {
  const cell = (value: string | number | undefined) => (value === undefined || value === '' ? null : { value });
  const rows = [
    TEMPLATE_COLUMNS.map((c) => cell(headerOf(lang, c))),
    ...EXAMPLES.map((e) => TEMPLATE_COLUMNS.map((c) => cell(e[c]))),
  ];
  return writeExcelFile(rows, { sheet: lang === 'fr' ? 'Inventaire' : 'Inventory', stickyRowsCount: 1 }).toBuffer();
}

/** The template CSV in the given language (UTF-8 with BOM so spreadsheet software opens accents right). */
export function inventoryTemplateCsv(lang: 'fr' | 'en'): string {
  const sep = lang === 'fr' ? ';' : ',';
  const header = TEMPLATE_COLUMNS.map((c) => headerOf(lang, c));
  const rows = EXAMPLES.map((e) => TEMPLATE_COLUMNS.map((c) => e[c]));
  return writeCsv([header, ...rows], { delimiter: sep, bom: true, decimalComma: lang === 'fr' });
}
