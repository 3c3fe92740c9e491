/**
 * Text normalisation and a light stemmer for full-text search on SQLite (PostgreSQL stems with its own
 * dictionaries). The aim is recall on the words people actually type: accents optional ("écoconception" =
 * "ecoconception"), hyphens optional ("éco-conception" = "ecoconception"), singular = plural ("serveurs" =
 * "serveur", "servers" = "server"). It is deliberately small: the same function stems documents and queries, so a
 * crude stem is harmless as long as it is consistent.
 */

/** Words that carry no meaning for search; dropped from documents and queries alike. */
const stopWords = new Set(
  (
    'le la les un une des du de d l au aux et ou en dans sur pour par avec sans ce ces cet cette son sa ses leur leurs ' +
    'qui que quoi dont est sont a ont ne pas plus se nous vous ils elles il elle on ' +
    'the an and or of to in on for with by at from is are be this that these those it its as into'
  ).split(' '),
);

/** Lower case, no diacritics, typographic apostrophes unified. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase();
}

/** The words of a text: letters and digits; a hyphenated compound gives its joined form and, for documents, its parts. */
function words(text: string, withParts: boolean): string[] {
  const out: string[] = [];
  for (const raw of foldText(text).split(/[^a-z0-9-]+/)) {
    const parts = raw.split('-').filter(Boolean);
    if (!parts.length) continue;
    if (parts.length > 1) {
      out.push(parts.join(''));
      if (withParts) out.push(...parts);
    } else out.push(parts[0]!);
  }
  return out.filter((w) => w.length > 1 && !stopWords.has(w));
}

/**
 * Text for a document index: folded, compounds both joined and split. PostgreSQL stems this text with
 * `to_tsvector('french'|'english', …)`.
 */
export function normaliseForIndex(text: string): string {
  return words(text, true).join(' ');
}

/** Query words: folded, compounds joined (so "éco-conception" finds "écoconception" and "éco-conception"). */
export function queryWords(query: string): string[] {
  return [...new Set(words(query, false))].slice(0, 12);
}

const frSuffixes = [
  'issement',
  'atrice',
  'ateur',
  'ation',
  'ition',
  'ement',
  'ment',
  'ite',
  'able',
  'ible',
  'ique',
  'isme',
  'iste',
  'euse',
  'eux',
  'ive',
  'if',
  'ee',
  'er',
  'e',
];

/** A light French stemmer: plural, then one common derivational or inflectional suffix, keeping ≥ 3 letters. */
export function stemFrench(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && (w.endsWith('s') || w.endsWith('x')) && !w.endsWith('ss')) w = w.slice(0, -1);
  for (const suffix of frSuffixes) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

const enSuffixes: [string, string][] = [
  ['ational', 'ate'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['ation', 'ate'],
  ['ness', ''],
  ['ment', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ed', ''],
  ['ly', ''],
  ['er', ''],
  ['e', ''],
];

/** A light English stemmer: plural s/es, then one common suffix, keeping ≥ 3 letters. */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const [suffix, replacement] of enSuffixes) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  return w;
}

export function stemFor(language: 'fr' | 'en'): (w: string) => string {
  return language === 'en' ? stemEnglish : stemFrench;
}

/** The stemmed text stored in the SQLite FTS5 index for a document in `language`. */
export function stemmedForIndex(text: string, language: 'fr' | 'en'): string {
  const stem = stemFor(language);
  return words(text, true).map(stem).join(' ');
}

/**
 * An FTS5 MATCH expression: every query word must match, in its French or its English stem (the query's language
 * is unknown; each document was stemmed in its own). Only [a-z0-9] reach the expression, quoted, so user input
 * can never inject FTS5 syntax. Null when the query has no searchable word.
 */
export function ftsMatchExpression(query: string): string | null {
  const terms = queryWords(query).map((w) => {
    const forms = [...new Set([stemFrench(w), stemEnglish(w)])];
    return forms.length === 1 ? `"${forms[0]}"` : `(${forms.map((f) => `"${f}"`).join(' OR ')})`;
  });
  return terms.length ? terms.join(' AND ') : null;
}
