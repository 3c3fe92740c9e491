import { describe, expect, it } from 'vitest';
import { defined } from '../../../../test/helpers/defined.js';
import { getFactorSet } from '../../../data/index.js';
import { readerError } from '../../../imports/index.js';
import { computeFootprint, InventoryErrors, type TLineError } from '../../../lca/index.js';
import { formatters, translator, type TLocale } from '../../../i18n/index.js';
import type { TViewContext } from '../../../views/context.js';
import { engineErrorsToFields } from '../line-form.js';
import { ImportPage } from './import-page.js';
import { ResultPage } from './result-page.js';

const view = (locale: TLocale): TViewContext => ({
  locale,
  t: translator(locale),
  fmt: formatters(locale),
  user: null,
  path: '/',
  url: new URL('http://x/'),
});
const plain = (html: string): string =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ');

describe('footprint pages show errors and warnings in the page language', () => {
  const engineError = ((): TLineError => {
    try {
      computeFootprint(getFactorSet(), [{ category: 'spaceship' }], { year: 2025 });
    } catch (e) {
      return defined((e as InventoryErrors).errors[0], 'an engine error');
    }
    throw new Error('expected an error');
  })();
  const errors: TLineError[] = [
    readerError(12, 'quantité', 'not-a-number', { value: 'dix', column: 'quantity' }),
    engineError,
    { line: 3, column: 'x', message: 'stored before codes; fix it' },
  ];
  const imp = {
    id: 1,
    year: 2025,
    fileName: 'f.csv',
    status: 'failed' as const,
    scope: 'year' as const,
    sourceName: null,
    unknown: [],
    linesRead: 3,
    errorCount: 3,
    errors,
    failure: 'line_errors',
    startedAt: '2026-01-01T00:00:00Z',
    skipped: null,
    factorSet: getFactorSet().id,
  };

  it('import page: reader and engine errors, problem and fix in separate columns', () => {
    const fr = plain(String(<ImportPage v={view('fr')} orgId={1} imp={imp} />));
    expect(fr).toContain('« dix » n’est pas un nombre</td><td>écrivez un nombre d’unités, par exemple 12');
    expect(fr).toContain('catégorie « spaceship » inconnue');
    expect(fr).toContain('stored before codes</td><td>fix it'); // a stored error without code keeps its text
    const en = plain(String(<ImportPage v={view('en')} orgId={1} imp={imp} />));
    expect(en).toContain('"dix" is not a number</td><td>expected a number of units');
  });

  it('import page: one row per problem with its lines; unknown types hinted with codes and French names', () => {
    const unknown = (line: number): TLineError => ({
      ...engineError,
      line,
      params: { ...engineError.params, value: 'Imprimante multifonction' },
    });
    const many = [3, 7, 9, 11, 12, 15, 18, 20, 22, 25, 31, 40, 41, 50, 60].map(unknown);
    const grouped = {
      ...imp,
      errors: [...many, readerError(5, 'quantité', 'not-a-number', { value: 'dix', column: 'quantity' })],
      errorCount: 16,
    };
    const fr = plain(String(<ImportPage v={view('fr')} orgId={1} imp={grouped} />));
    expect(fr.match(/<tr>/g)).toHaveLength(3); // header + two problems
    expect(fr).toContain(
      '<td>15 lignes : 3, 7, 9, 11, 12, 15, 18, 20, 22, 25 …</td><td>category</td><td>catégorie « Imprimante multifonction » inconnue',
    );
    expect(fr).toContain(
      'écrivez l’un de ces types, par son code ou par son nom : laptop « Ordinateur portable », desktop « Ordinateur fixe »',
    );
    expect(fr).toContain('network_switch « Commutateur réseau »');
    expect(fr).toContain('<td>5</td><td>quantité</td>');
    const en = plain(String(<ImportPage v={view('en')} orgId={1} imp={grouped} />));
    expect(en).toContain('15 lines: 3, 7');
    expect(en).toContain('laptop "Laptop"');
  });

  it('import page: says how many rows a status rule left out, and why', () => {
    const done = {
      ...imp,
      status: 'succeeded' as const,
      errors: [],
      errorCount: 0,
      failure: null,
      skipped: {
        count: 3,
        reasons: [
          { column: 'Statut', value: 'Au rebut', count: 2 },
          { column: 'Statut', value: 'En stock', count: 1 },
        ],
      },
    };
    const fr = plain(String(<ImportPage v={view('fr')} orgId={1} imp={done} />));
    expect(fr).toContain(
      '3 lignes n’ont pas été comptées car les équipements ne sont pas en service : Statut « Au rebut » (2), Statut « En stock » (1).',
    );
    const one = plain(
      String(
        <ImportPage
          v={view('en')}
          orgId={1}
          imp={{ ...done, skipped: { count: 1, reasons: [{ column: 'Status', value: 'Archived', count: 1 }] } }}
        />,
      ),
    );
    expect(one).toContain('1 line was not counted because its device is not in use: Status "Archived" (1).');
  });

  it('result page: warnings, including the once-per-result embodied-not-split', () => {
    const result = computeFootprint(getFactorSet(), [{ category: 'laptop', quantity: 2, lifespan_years: 0.5 }], {
      year: 2025,
    });
    const props = {
      org: { id: 1, name: 'Acme' },
      year: 2025,
      result,
      extra: { byEntity: {} } as never,
      computedAt: '2026-01-01T00:00:00Z',
      criterion: 'gwp' as const,
      previousYear: null,
      newerFactorSet: null,
    };
    const fr = plain(String(<ResultPage v={view('fr')} {...props} />));
    expect(fr).toContain('durée de vie de 0,5 an, inférieure à un an');
    expect(fr).toContain('incluent la distribution (DIS) et la fin de vie (EOL)');
    expect(fr).not.toContain('is under a year');
    const en = plain(String(<ResultPage v={view('en')} {...props} />));
    expect(en).toContain('lifespan of 0.5 years is under a year');
  });

  it('line form: engine errors on their field, in the page language', () => {
    expect(plain(engineErrorsToFields([engineError], 'fr').category ?? '')).toMatch(
      /^catégorie « spaceship » inconnue/,
    );
    expect(engineErrorsToFields([engineError], 'en').category).toMatch(/^unknown category "spaceship"/);
  });
});
