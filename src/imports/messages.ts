/**
 * Texts of the inventory readers' errors, in French and English (pure, like `src/lca/messages.ts`, which holds the
 * engine's). `formatInventoryError` covers both: a reader's summary mixes its own errors and the engine's.
 */
import {
  joinParts,
  linePrefix,
  lineErrorParts,
  textParts,
  type TColumn,
  type TLineError,
  type TMessageLang,
  type TMessageParams,
  type TMessageParts,
  type TMessageText,
} from '../lca/index.js';

/** Codes of the readers' errors. */
export const READER_ERROR_CODES = [
  'not-a-number',
  'out-of-range',
  'negative-number',
  'empty-category',
  'bad-form-factor',
  'bad-transfer-model',
  'mapping-target-unknown',
  'duplicate-column',
  'missing-category-column',
  'empty-file',
  'more-errors',
  'file-unreadable',
  'ambiguous-load',
  'archive-too-large',
  'archive-too-many-entries',
  'not-a-workbook',
] as const;
export type TReaderErrorCode = (typeof READER_ERROR_CODES)[number];

/** What a numeric column expects, named in `not-a-number` and `out-of-range` (English texts as before codes). */
export const COLUMN_HINTS: Record<TMessageLang, Partial<Record<TColumn, string>>> = {
  en: {
    quantity: 'a number of units, e.g. 12',
    lifespan_years: 'years, e.g. 5',
    purchase_year: 'a year such as 2023, or a date',
    power_w: 'average power in watts, e.g. 45',
    hours_per_year: 'hours of use per year, at most 8,784',
    annual_kwh: 'kWh per unit and year, e.g. 35',
    embodied_gwp_kg: 'kgCO2e per unit, e.g. 250',
    electricity_gwp_kg_per_kwh: 'kgCO2e per kWh, e.g. 0.052',
    pue: 'a ratio between 1 and 5, e.g. 1.5',
    cpu_load_pct: 'a percentage between 0 and 100 (50 %, 50) or a fraction below 1 (0.5)',
    ram_density_gb_cm2: 'GB per cm², e.g. 0.625',
    ssd_density_gb_cm2: 'GB per cm², e.g. 48.5',
  },
  fr: {
    quantity: 'un nombre d’unités, par exemple 12',
    lifespan_years: 'un nombre d’années, par exemple 5 ou 4,5',
    purchase_year: 'une année comme 2023, ou une date',
    power_w: 'une puissance moyenne en watts, par exemple 45',
    hours_per_year: 'des heures d’utilisation par an, au plus 8 784',
    annual_kwh: 'des kWh par unité et par an, par exemple 35',
    embodied_gwp_kg: 'des kgCO2e par unité, par exemple 250',
    electricity_gwp_kg_per_kwh: 'des kgCO2e par kWh, par exemple 0,052',
    pue: 'un ratio entre 1 et 5, par exemple 1,5',
    cpu_load_pct: 'un pourcentage entre 0 et 100 (50 %, 50) ou une fraction inférieure à 1 (0,5)',
    ram_density_gb_cm2: 'des Go par cm², par exemple 0,625',
    ssd_density_gb_cm2: 'des Go par cm², par exemple 48,5',
  },
};

const s = (x: string | number | undefined): string => (x === undefined ? '' : String(x));
const q = (x: string | number | undefined): string => `«\u00a0${s(x)}\u00a0»`;
const hint = (lang: TMessageLang, column: string | number | undefined): string | undefined =>
  COLUMN_HINTS[lang][s(column) as TColumn];

const EN: Record<TReaderErrorCode, TMessageText> = {
  'not-a-number': (p) => [
    `"${s(p.value)}" is not a number`,
    `expected ${hint('en', p.column) ?? 'a number'} (decimal point or comma)`,
  ],
  'out-of-range': (p) => [`${s(p.value)} is out of range`, `expected ${hint('en', p.column) ?? 'a number'}`],
  'ambiguous-load': (p) => [
    `${s(p.value)} could mean 100 % (a fraction) or 1 %`,
    'write 100 % or 1 % (a fraction below 1, like 0.5, reads as 50 %)',
  ],
  'negative-number': (p) => [`${s(p.value)} is negative`, 'expected a positive number'],
  'empty-category': () => [
    'empty category',
    'give one such as laptop, desktop, monitor, smartphone, server, cloud_instance or data_transfer',
  ],
  'bad-form-factor': (p) => [`"${s(p.value)}" is not a form factor`, 'use rack, blade or tower'],
  'bad-transfer-model': (p) => [`"${s(p.value)}" is not a transfer model`, 'use swd or 1byte'],
  'mapping-target-unknown': (p) => [
    `the mapping sends this column to "${s(p.target)}", which is not an inventory column`,
    'map it to a column listed in docs/inventory-formats.md, or remove it from the mapping',
  ],
  'duplicate-column': (p) => [
    `duplicate column: "${s(p.previous)}" already gives ${s(p.target)}`,
    'remove or rename one of them',
  ],
  'missing-category-column': () => [
    'missing column "category" (or "catégorie")',
    'add it: every line needs a category such as laptop, monitor or server',
  ],
  'empty-file': () => ['the file is empty', 'it needs a header line and at least one line'],
  'more-errors': (p, n) => [`${n(p.count)} more errors not shown`, 'fix the errors above and import again to see them'],
  'file-unreadable': (p) => [`the file could not be read: ${s(p.reason)}`, 'save it again as CSV (UTF-8) or XLSX'],
  'archive-too-large': (p, n) => [
    `the workbook unpacks to more than ${n(p.limitMb)} MB`,
    "save the inventory as CSV (no size limit but the upload's) or split it",
  ],
  'archive-too-many-entries': (p, n) => [
    `the workbook holds more than ${n(p.limit)} parts`,
    'save it again as a plain XLSX or CSV',
  ],
  'not-a-workbook': () => ['the file is not a readable XLSX workbook', 'save it again as XLSX or CSV (UTF-8)'],
};
const FR: Record<TReaderErrorCode, TMessageText> = {
  'not-a-number': (p) => [
    `${q(p.value)} n’est pas un nombre`,
    `écrivez ${hint('fr', p.column) ?? 'un nombre comme 10 ou 2,5'} (virgule ou point décimal)`,
  ],
  'out-of-range': (p) => [`${s(p.value)} est hors des limites`, `écrivez ${hint('fr', p.column) ?? 'un nombre'}`],
  'ambiguous-load': (p) => [
    `${s(p.value)} peut vouloir dire 100 % (une fraction) ou 1 %`,
    'écrivez 100 % ou 1 % (une fraction inférieure à 1, comme 0,5, se lit 50 %)',
  ],
  'negative-number': (p) => [`${s(p.value)} est négatif`, 'écrivez un nombre positif'],
  'empty-category': () => [
    'catégorie vide',
    'écrivez-en une comme « Ordinateur portable » (laptop), « Ordinateur fixe » (desktop), « Écran » (monitor), « Smartphone », « Serveur » (server), « Instance cloud » (cloud_instance) ou « Transfert de données » (data_transfer)',
  ],
  'bad-form-factor': (p) => [`${q(p.value)} n’est pas un format de serveur`, 'écrivez rack, blade ou tower'],
  'bad-transfer-model': (p) => [`${q(p.value)} n’est pas un modèle de transfert`, 'écrivez swd ou 1byte'],
  'mapping-target-unknown': (p) => [
    `la correspondance envoie cette colonne vers ${q(p.target)}, qui n’est pas une colonne d’inventaire`,
    'choisissez une colonne de docs/inventory-formats.md, ou retirez-la de la correspondance',
  ],
  'duplicate-column': (p) => [
    `colonne en double : ${q(p.previous)} donne déjà ${s(p.target)}`,
    'supprimez ou renommez l’une des deux',
  ],
  'missing-category-column': () => [
    'colonne « catégorie » (ou « category ») absente',
    'ajoutez-la : chaque ligne a besoin d’une catégorie comme « Ordinateur portable », « Écran » ou « Serveur »',
  ],
  'empty-file': () => ['le fichier est vide', 'il lui faut une ligne d’en-têtes et au moins une ligne'],
  'more-errors': (p, n) => [
    `${n(p.count)} autres erreurs non affichées`,
    'corrigez les erreurs ci-dessus et importez de nouveau pour les voir',
  ],
  'file-unreadable': (p) => [
    `le fichier n’a pas pu être lu : ${s(p.reason)}`,
    'enregistrez-le de nouveau en CSV (UTF-8) ou en XLSX',
  ],
  'archive-too-large': (p, n) => [
    `le classeur se décompresse en plus de ${n(p.limitMb)} Mo`,
    'enregistrez l’inventaire en CSV (seule la taille d’envoi est limitée) ou découpez-le',
  ],
  'archive-too-many-entries': (p, n) => [
    `le classeur contient plus de ${n(p.limit)} parties`,
    'enregistrez-le de nouveau en XLSX simple ou en CSV',
  ],
  'not-a-workbook': () => [
    'le fichier n’est pas un classeur XLSX lisible',
    'enregistrez-le de nouveau en XLSX ou en CSV (UTF-8)',
  ],
};

/** The catalogues, exported for the test that both languages cover the same codes. */
export const READER_ERROR_TEXTS: Record<TMessageLang, Record<TReaderErrorCode, TMessageText>> = { fr: FR, en: EN };

/** A reader error with its code, params and English message (the `message` older consumers read). */
export function readerError(
  line: number,
  column: string,
  code: TReaderErrorCode,
  params: TMessageParams = {},
): TLineError {
  const parts = textParts(EN, code, params, 'en') as TMessageParts;
  return { line, column, message: joinParts(parts, 'en'), code, params };
}

/** What is wrong and the fix, in `lang`, of any error of an inventory summary (reader's or engine's). */
export function inventoryErrorParts(
  err: Pick<TLineError, 'message' | 'code' | 'params'>,
  lang: TMessageLang,
): TMessageParts {
  return textParts(READER_ERROR_TEXTS[lang], err.code, err.params, lang) ?? lineErrorParts(err, lang);
}
/** The message of any inventory error in `lang`, without line and column (the CLI keeps its English prefix). */
export function inventoryErrorText(err: Pick<TLineError, 'message' | 'code' | 'params'>, lang: TMessageLang): string {
  return joinParts(inventoryErrorParts(err, lang), lang);
}
/** A whole sentence: « ligne 12, colonne quantité : « dix » n’est pas un nombre ; écrivez … ». */
export function formatInventoryError(err: TLineError, lang: TMessageLang): string {
  return linePrefix(err.line, err.column, lang) + inventoryErrorText(err, lang);
}

/** Same as `formatInventoryError`, under the name the engine's module uses (covers reader and engine codes). */
export const formatLineError = formatInventoryError;

/** Errors that say the same thing on several lines, gathered: one unknown type on 300 rows is one problem. */
export interface TErrorGroup {
  error: TLineError;
  lines: number[];
}

/**
 * Groups errors by code, column and parameters (by message when an error has no code), in the order each first
 * appears; the lines of a group are sorted. The first error of a group stands for the others.
 */
export function groupInventoryErrors(errors: TLineError[]): TErrorGroup[] {
  const groups = new Map<string, TErrorGroup>();
  for (const e of errors) {
    const key = e.code
      ? `${e.code}\u0000${e.column}\u0000${JSON.stringify(e.params ?? {})}`
      : `\u0000${e.column}\u0000${e.message}`;
    const g = groups.get(key);
    if (g) g.lines.push(e.line);
    else groups.set(key, { error: e, lines: [e.line] });
  }
  for (const g of groups.values()) g.lines.sort((a, b) => a - b);
  return [...groups.values()];
}
