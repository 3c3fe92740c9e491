/**
 * Texts of the engine's line errors and warnings, in French and English. Pure (no i18n module, no I/O): the engine
 * gives every error and warning a stable `code` and `params`; pages, the CLI and the table format turn them into
 * sentences in the reader's language with `formatLineError` / `formatWarning`. Every text says what is wrong and,
 * where there is one, the fix; the English text is also kept in `message` for older consumers.
 */
import type { TLineError, TMessageParams, TWarning } from './types.js';

export type TMessageLang = 'fr' | 'en';
/** What is wrong, and how to fix it ('' when there is nothing to fix). */
export type TMessageParts = [problem: string, fix: string];
/** A catalogue entry: params → [problem, fix]; `n` formats numbers in the catalogue's language. */
export type TMessageText = (p: TMessageParams, n: (x: string | number | undefined) => string) => TMessageParts;

/** Codes of the engine's line errors (the readers add their own in `src/imports/messages.ts`). */
export const LINE_ERROR_CODES = [
  'unknown-category',
  'unknown-country',
  'cloud-provider-missing',
  'cloud-instance-type-missing',
  'unknown-instance-type',
  'unknown-region',
  'transfer-gigabytes-missing',
  'storage-gigabytes-missing',
] as const;
export type TLineErrorCode = (typeof LINE_ERROR_CODES)[number];

/** Codes of the engine's warnings. */
export const WARNING_CODES = [
  'lifespan-under-a-year',
  'purchase-year-missing',
  'power-above-bound',
  'negative-factor',
  'cpu-model-unknown',
  'cloud-no-region',
  'cloud-no-hours',
  'gpu-not-counted',
  'warnings-left-out',
  'embodied-not-split',
] as const;
export type TWarningCode = (typeof WARNING_CODES)[number];

const s = (x: string | number | undefined): string => (x === undefined ? '' : String(x));

const TIERS_FR: Record<string, string> = {
  terminals: 'les terminaux',
  network: 'le réseau',
  datacenter: 'les centres de données',
  cloud: 'le cloud',
  transfer: 'le transfert de données',
};
const TIERS_EN: Record<string, string> = {
  terminals: 'terminals',
  network: 'network',
  datacenter: 'datacenter',
  cloud: 'cloud',
  transfer: 'transfer',
};

// French typography: a no-break space before « ; » and « : » and inside the guillemets.
const q = (x: string | number | undefined): string => `«\u00a0${s(x)}\u00a0»`;

const ERRORS_EN: Record<TLineErrorCode, TMessageText> = {
  'unknown-category': (p) => [`unknown category "${s(p.value)}"`, `use one of ${s(p.choices)}`],
  'unknown-country': (p) => [
    `unknown country "${s(p.value)}"`,
    'use an ISO 3166 alpha-3 (FRA) or alpha-2 (FR) code, WOR (world) or EEE (Europe)',
  ],
  'cloud-provider-missing': (p) => ['a cloud_instance line needs a provider', `give one of ${s(p.choices)}`],
  'cloud-instance-type-missing': () => [
    'a cloud_instance line needs an instance_type',
    'give the provider’s instance type, e.g. m5.large',
  ],
  'unknown-instance-type': (p) => [
    `unknown instance type "${s(p.value)}" for ${s(p.provider)} in ${s(p.factorSet)}`,
    'check its spelling against the provider’s list (e.g. m5.large), or enter the host as a server line',
  ],
  'unknown-region': (p) => [
    `unknown region "${s(p.value)}" for ${s(p.provider)} in ${s(p.factorSet)}`,
    'use the provider’s region code (e.g. eu-west-3), or leave region empty and give country',
  ],
  'transfer-gigabytes-missing': () => [
    'a data_transfer line needs gigabytes',
    'give the GB transferred in the reporting year, e.g. 1200',
  ],
  'storage-gigabytes-missing': () => [
    'a cloud_storage line needs gigabytes',
    'give the mean GB stored over its hours, e.g. 500',
  ],
};
const ERRORS_FR: Record<TLineErrorCode, TMessageText> = {
  'unknown-category': (p) => [`catégorie ${q(p.value)} inconnue`, `utilisez l’une de celles-ci : ${s(p.choices)}`],
  'unknown-country': (p) => [
    `pays ${q(p.value)} inconnu`,
    'écrivez un code ISO 3166 à trois lettres (FRA) ou à deux lettres (FR), WOR (monde) ou EEE (Europe)',
  ],
  'cloud-provider-missing': (p) => [
    'une ligne cloud_instance doit indiquer son fournisseur',
    `écrivez l’un de ceux-ci : ${s(p.choices)}`,
  ],
  'cloud-instance-type-missing': () => [
    'une ligne cloud_instance doit indiquer son type d’instance (instance_type)',
    'écrivez le type d’instance du fournisseur, par exemple m5.large',
  ],
  'unknown-instance-type': (p) => [
    `type d’instance ${q(p.value)} inconnu pour ${s(p.provider)} dans ${s(p.factorSet)}`,
    'vérifiez son orthographe dans la liste du fournisseur (par exemple m5.large), ou décrivez l’hôte sur une ligne server',
  ],
  'unknown-region': (p) => [
    `région ${q(p.value)} inconnue pour ${s(p.provider)} dans ${s(p.factorSet)}`,
    'écrivez le code de région du fournisseur (par exemple eu-west-3), ou laissez region vide et indiquez le pays',
  ],
  'transfer-gigabytes-missing': () => [
    'une ligne data_transfer doit indiquer des gigaoctets (gigabytes)',
    'écrivez les Go transférés dans l’année, par exemple 1200',
  ],
  'storage-gigabytes-missing': () => [
    'une ligne cloud_storage doit indiquer des gigaoctets (gigabytes)',
    'écrivez les Go stockés en moyenne sur ses heures, par exemple 500',
  ],
};

const WARNINGS_EN: Record<TWarningCode, TMessageText> = {
  'lifespan-under-a-year': (p, n) => [
    `lifespan of ${n(p.value)} years is under a year`,
    'check the column lifespan_years (years, not months)',
  ],
  'purchase-year-missing': () => [
    'purchase-year allocation without purchase_year: embodied impacts of such lines are amortised',
    'give purchase_year on every line',
  ],
  'power-above-bound': (p, n) => [
    `power of ${n(p.value)} W is above the plausible bound of ${n(p.bound)} W for ${TIERS_EN[s(p.tier)] ?? s(p.tier)}`,
    'check the column power_w (W per unit)',
  ],
  'negative-factor': (p, n) => [
    `${s(p.criterion)} embodied factor of ${s(p.category)} is negative (${n(p.value)} ${s(p.unit)} per unit, source: ${s(p.source)}): end-of-life credits exceed the other stages`,
    'reported as published',
  ],
  'cpu-model-unknown': (p) => [
    `CPU model "${s(p.model)}" is not in the CPU table of ${s(p.factorSet)}: die area estimated from cores`,
    'give cpu_die_mm2 to be exact',
  ],
  'cloud-no-region': () => [
    'cloud_instance without region: the country of the line (or the default country) gives the electricity factor',
    'give region for the data centre’s country',
  ],
  'cloud-no-hours': () => [
    'cloud_instance without hours: counted as running all year (8,760 h)',
    'give hours (instance-hours in the reporting year)',
  ],
  'gpu-not-counted': (p) => [
    `GPUs of ${s(p.instanceType)} are not counted (no open GPU factor in ${s(p.factorSet)})`,
    '',
  ],
  'warnings-left-out': (p, n) => [`${n(p.count)} more warnings left out`, ''],
  'embodied-not-split': (p) => [
    `embodied impacts of ${s(p.categories)} are booked in BLD (manufacture) and include distribution (DIS) and end of life (EOL)`,
    'read BLD as manufacture + distribution + end of life for these categories: the open sources give one figure for the three phases',
  ],
};
const WARNINGS_FR: Record<TWarningCode, TMessageText> = {
  'lifespan-under-a-year': (p, n) => [
    `durée de vie de ${n(p.value)} an, inférieure à un an`,
    'vérifiez la colonne lifespan_years (en années, pas en mois)',
  ],
  'purchase-year-missing': () => [
    'allocation à l’année d’achat sans purchase_year : les impacts de fabrication de ces lignes sont amortis',
    'indiquez l’année d’achat (purchase_year) sur chaque ligne',
  ],
  'power-above-bound': (p, n) => [
    `puissance de ${n(p.value)} W au-dessus du plafond plausible de ${n(p.bound)} W pour ${TIERS_FR[s(p.tier)] ?? s(p.tier)}`,
    'vérifiez la colonne power_w (en W par unité)',
  ],
  'negative-factor': (p, n) => [
    `le facteur de fabrication ${s(p.criterion)} de ${s(p.category)} est négatif (${n(p.value)} ${s(p.unit)} par unité, source : ${s(p.source)}) : les crédits de fin de vie dépassent les autres étapes`,
    'valeur reprise telle que publiée',
  ],
  'cpu-model-unknown': (p) => [
    `processeur ${q(p.model)} absent de la table des processeurs de ${s(p.factorSet)} : surface de puce estimée d’après le nombre de cœurs`,
    'indiquez cpu_die_mm2 pour un calcul exact',
  ],
  'cloud-no-region': () => [
    'cloud_instance sans région : le pays de la ligne (ou le pays par défaut) donne le facteur d’électricité',
    'indiquez la région (region) pour le pays du centre de données',
  ],
  'cloud-no-hours': () => [
    'cloud_instance sans heures : instance comptée comme allumée toute l’année (8 760 h)',
    'indiquez les heures d’instance de l’année (hours)',
  ],
  'gpu-not-counted': (p) => [
    `les GPU de ${s(p.instanceType)} ne sont pas comptés (pas de facteur ouvert pour les GPU dans ${s(p.factorSet)})`,
    '',
  ],
  'warnings-left-out': (p, n) => [`${n(p.count)} autres avertissements non affichés`, ''],
  'embodied-not-split': (p) => [
    `les impacts de fabrication de ${s(p.categories)} sont comptés en BLD (fabrication) et incluent la distribution (DIS) et la fin de vie (EOL)`,
    'lisez BLD comme fabrication + distribution + fin de vie pour ces catégories : les sources ouvertes donnent un seul chiffre pour les trois phases',
  ],
};

const numberFormats: Record<TMessageLang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
};
/** Formats a number param in the language (strings, e.g. a cell as typed, are kept as they are). */
export function messageNumber(x: string | number | undefined, lang: TMessageLang): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return s(x);
  return numberFormats[lang].format(x);
}

/** The catalogues, exported for the test that both languages cover the same codes. */
export const LINE_ERROR_TEXTS: Record<TMessageLang, Record<TLineErrorCode, TMessageText>> = {
  fr: ERRORS_FR,
  en: ERRORS_EN,
};
export const WARNING_TEXTS: Record<TMessageLang, Record<TWarningCode, TMessageText>> = {
  fr: WARNINGS_FR,
  en: WARNINGS_EN,
};

/** Joins what is wrong and the fix the way each language punctuates it. */
export function joinParts([problem, fix]: TMessageParts, lang: TMessageLang): string {
  if (!fix) return problem;
  return lang === 'fr' ? `${problem}\u00a0; ${fix}` : `${problem}; ${fix}`;
}

/** Splits a stored English message (no code: results computed before codes existed) at its `; ` convention. */
export function splitMessage(message: string): TMessageParts {
  const i = message.indexOf('; ');
  return i === -1 ? [message, ''] : [message.slice(0, i), message.slice(i + 2)];
}

/** Runs a catalogue entry; undefined when the code is not in the catalogue. */
export function textParts(
  catalogue: Record<string, TMessageText>,
  code: string | undefined,
  params: TMessageParams | undefined,
  lang: TMessageLang,
): TMessageParts | undefined {
  const text =
    code !== undefined && Object.prototype.hasOwnProperty.call(catalogue, code) ? catalogue[code] : undefined;
  return text ? text(params ?? {}, (x) => messageNumber(x, lang)) : undefined;
}

/** English message of an engine error or warning code (what the engine puts in `message`). */
export function englishMessage(
  kind: 'error' | 'warning',
  code: TLineErrorCode | TWarningCode,
  params: TMessageParams,
): string {
  const parts = textParts(kind === 'error' ? ERRORS_EN : WARNINGS_EN, code, params, 'en');
  return parts ? joinParts(parts, 'en') : code;
}

/** What is wrong and the fix of a line error, in `lang`; falls back to the stored English message for unknown codes. */
export function lineErrorParts(
  err: Pick<TLineError, 'message' | 'code' | 'params'>,
  lang: TMessageLang,
): TMessageParts {
  return textParts(LINE_ERROR_TEXTS[lang], err.code, err.params, lang) ?? splitMessage(err.message);
}
/** The message of a line error in `lang`, without the line and column (the CLI adds its own prefix). */
export function lineErrorText(err: Pick<TLineError, 'message' | 'code' | 'params'>, lang: TMessageLang): string {
  return joinParts(lineErrorParts(err, lang), lang);
}
/** Prefix naming the line and the column, e.g. `ligne 12, colonne quantity : ` (none for line 0, a summary). */
export function linePrefix(line: number, column: string | undefined, lang: TMessageLang): string {
  if (!line) return '';
  if (lang === 'fr') return column !== undefined ? `ligne ${line}, colonne ${column}\u00a0: ` : `ligne ${line}\u00a0: `;
  return column !== undefined ? `line ${line}, column ${column}: ` : `line ${line}: `;
}

/** A whole sentence for a line error: « ligne 12, colonne quantity : « dix » n’est pas un nombre ; écrivez … ». */
export function formatLineError(err: TLineError, lang: TMessageLang): string {
  return linePrefix(err.line, err.column, lang) + lineErrorText(err, lang);
}

/** What is wrong and the fix of a warning, in `lang` (stored English message for unknown codes). */
export function warningParts(w: Pick<TWarning, 'message' | 'code' | 'params'>, lang: TMessageLang): TMessageParts {
  return textParts(WARNING_TEXTS[lang], w.code, w.params, lang) ?? splitMessage(w.message);
}
/** The message of a warning in `lang`, without its line. */
export function warningText(w: Pick<TWarning, 'message' | 'code' | 'params'>, lang: TMessageLang): string {
  return joinParts(warningParts(w, lang), lang);
}
/** A whole sentence for a warning, with its line when it has one. */
export function formatWarning(w: TWarning, lang: TMessageLang): string {
  return linePrefix(w.line, undefined, lang) + warningText(w, lang);
}
