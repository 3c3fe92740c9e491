import { normaliseHeader, parseCsvBuffer } from '../../imports/read-table.js';
import type { TTranslate } from '../../i18n/index.js';
import { unneutralise, writeCsv, type TCsvValue } from '../../reports/csv.js';
import { ZTrainingInput, validateTraining, type TTrainingInput } from './schemas.js';
import type { TTraining } from './training-repository.js';

/** Columns of the catalogue exchange format (CSV header and JSON keys), in export order. */
export const catalogueColumns = [
  'title',
  'description',
  'kind',
  'audiences',
  'education_level',
  'duration_hours',
  'format',
  'language',
  'cost_eur',
  'certificate',
  'licence',
  'prerequisites',
  'learning_outcomes',
  'url',
  'skills',
] as const;
type TColumn = (typeof catalogueColumns)[number];

/** French headers accepted too (matched ignoring case, accents, spaces, `-` and `_`). */
const aliases: Record<string, TColumn> = {
  titre: 'title',
  type: 'kind',
  nature: 'kind',
  publics: 'audiences',
  public: 'audiences',
  audience: 'audiences',
  niveau: 'education_level',
  niveaudetudes: 'education_level',
  duree: 'duration_hours',
  dureeheures: 'duration_hours',
  heures: 'duration_hours',
  modalite: 'format',
  langue: 'language',
  cout: 'cost_eur',
  couteur: 'cost_eur',
  prix: 'cost_eur',
  certificat: 'certificate',
  certification: 'certificate',
  prerequis: 'prerequisites',
  objectifs: 'learning_outcomes',
  acquis: 'learning_outcomes',
  lien: 'url',
  competences: 'skills',
};
const columnByKey = new Map<string, TColumn>([
  ...catalogueColumns.map((c) => [normaliseHeader(c), c] as const),
  ...Object.entries(aliases),
]);

/** The most lines one file may carry: a school's catalogue, not a data dump. */
export const maxImportLines = 2000;

/** A problem in an uploaded catalogue: where (line of the CSV, or item number of the JSON array), which field, the fix. */
export interface TImportError {
  line: number;
  field: string;
  message: string;
}

export type TCatalogueParse = { ok: true; trainings: TTrainingInput[] } | { ok: false; errors: TImportError[] };

// Exports neutralise cells a spreadsheet would run as formulas with a leading quote: an import takes it off again.
const unquoteFormula = unneutralise;

function validateItems(items: { line: number; value: Record<string, unknown> }[], t: TTranslate): TCatalogueParse {
  const errors: TImportError[] = [];
  const trainings: TTrainingInput[] = [];
  for (const item of items) {
    const r = validateTraining(ZTrainingInput, item.value, t, 'file');
    if (r.ok) trainings.push(r.data);
    else for (const [field, message] of Object.entries(r.errors)) errors.push({ line: item.line, field, message });
  }
  return errors.length ? { ok: false, errors } : { ok: true, trainings };
}

/** Parses a CSV catalogue (UTF-8 or Windows-1252, `,` or `;`): header line, then one training per line. */
export function parseCatalogueCsv(buffer: Uint8Array, t: TTranslate): TCatalogueParse {
  const rows = parseCsvBuffer(buffer).rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header) return { ok: false, errors: [{ line: 1, field: 'file', message: t('training.import.empty') }] };
  const columns = header.cells.map((h) => columnByKey.get(normaliseHeader(h)));
  const errors: TImportError[] = [];
  header.cells.forEach((h, i) => {
    if (!columns[i] && h.trim() !== '')
      errors.push({
        line: header.line,
        field: h,
        message: t('training.import.unknownColumn', { columns: catalogueColumns.join(', ') }),
      });
  });
  for (const required of ['title', 'kind'] as const) {
    if (!columns.includes(required))
      errors.push({ line: header.line, field: required, message: t('training.import.missingColumn') });
  }
  if (errors.length) return { ok: false, errors };
  if (!rows.length)
    return { ok: false, errors: [{ line: header.line, field: 'file', message: t('training.import.empty') }] };
  if (rows.length > maxImportLines)
    return {
      ok: false,
      errors: [
        {
          line: rows[maxImportLines]!.line,
          field: 'file',
          message: t('training.import.tooMany', { max: maxImportLines }),
        },
      ],
    };
  return validateItems(
    rows.map((r) => {
      const value: Record<string, unknown> = {};
      columns.forEach((col, i) => {
        if (col) value[col] = unquoteFormula(r.cells[i] ?? '');
      });
      return { line: r.line, value };
    }),
    t,
  );
}

/** Parses a JSON catalogue: an array of trainings, or `{ "trainings": [...] }`; "line" is the item's number. */
export function parseCatalogueJson(buffer: Uint8Array, t: TTranslate): TCatalogueParse {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(buffer).replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      errors: [{ line: 1, field: 'file', message: t('training.import.badJson', { detail: (e as Error).message }) }],
    };
  }
  const items = Array.isArray(data) ? data : (data as { trainings?: unknown })?.trainings;
  if (!Array.isArray(items))
    return { ok: false, errors: [{ line: 1, field: 'file', message: t('training.import.jsonShape') }] };
  if (!items.length) return { ok: false, errors: [{ line: 1, field: 'file', message: t('training.import.empty') }] };
  if (items.length > maxImportLines)
    return {
      ok: false,
      errors: [
        { line: maxImportLines + 1, field: 'file', message: t('training.import.tooMany', { max: maxImportLines }) },
      ],
    };
  const objects: { line: number; value: Record<string, unknown> }[] = [];
  const errors: TImportError[] = [];
  items.forEach((it, i) => {
    if (it && typeof it === 'object' && !Array.isArray(it))
      objects.push({ line: i + 1, value: it as Record<string, unknown> });
    else errors.push({ line: i + 1, field: 'item', message: t('training.import.jsonShape') });
  });
  if (errors.length) return { ok: false, errors };
  return validateItems(objects, t);
}

/** Picks the parser from the file name (or content: a JSON file starts with `[` or `{`). */
export function parseCatalogueFile(fileName: string, buffer: Uint8Array, t: TTranslate): TCatalogueParse {
  const head = new TextDecoder('utf-8')
    .decode(buffer.subarray(0, 16))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/\.json$/i.test(fileName) || head.startsWith('[') || head.startsWith('{')) return parseCatalogueJson(buffer, t);
  return parseCatalogueCsv(buffer, t);
}

/** A training in the exchange format (the same keys the importer reads back). */
export function toExchange(tr: TTraining) {
  return {
    id: tr.id,
    provider: tr.organisationName,
    title: tr.title,
    description: tr.description,
    kind: tr.kind,
    audiences: tr.audiences,
    education_level: tr.educationLevel,
    duration_hours: tr.durationHours,
    format: tr.format,
    language: tr.language,
    cost_eur: tr.costEur,
    certificate: tr.certificate,
    licence: tr.licence,
    prerequisites: tr.prerequisites,
    learning_outcomes: tr.learningOutcomes,
    url: tr.url,
    skills: tr.skills.map((s) => `${s.block}:${s.level}`),
  };
}

/** The CSV export: exactly the importer's columns, so an exported file can be imported again. */
export function trainingsToCsv(trainings: TTraining[]): string {
  const rows: TCsvValue[][] = [[...catalogueColumns]];
  for (const tr of trainings) {
    const x = toExchange(tr);
    rows.push(
      catalogueColumns.map((c) => {
        const v = x[c];
        if (Array.isArray(v)) return v.join('|');
        if (typeof v === 'boolean') return v ? 'yes' : 'no';
        return v;
      }),
    );
  }
  return writeCsv(rows);
}
