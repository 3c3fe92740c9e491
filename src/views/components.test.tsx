import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters, translator, type TLocale } from '../i18n/index.js';
import { ErrorSummary, Field } from './components.js';
import type { TViewContext } from './context.js';

const view = (locale: TLocale): TViewContext => ({
  locale,
  t: translator(locale),
  fmt: formatters(locale),
  user: null,
  path: '/',
  url: new URL('http://x/'),
});
// The French separator carries a no-break space before the colon; tests compare with ordinary spaces.
const plain = (html: string): string => html.replace(/[\u00a0\u202f]/g, ' ').replace(/&#39;|&#x27;/g, "'");

describe('ErrorSummary', () => {
  it('names each field by its label beside the message, and links to the field', () => {
    const t = translator('fr');
    const errors = { email: t('form.required'), name: t('form.tooLong', { max: 80 }) };
    const html = plain(
      String(<ErrorSummary v={view('fr')} errors={errors} labels={{ email: 'Adresse électronique', name: 'Nom' }} />),
    );
    expect(html).toContain('<a href="#f-email">Adresse électronique : Ce champ est obligatoire.</a>');
    expect(html).toContain('<a href="#f-name">Nom : Ce texte est trop long (maximum 80 caractères).</a>');
    // Summary order follows the errors, so it matches the order of the fields the form validated.
    expect(html.indexOf('#f-email')).toBeLessThan(html.indexOf('#f-name'));
  });

  it('uses the English separator in English', () => {
    const html = String(
      <ErrorSummary v={view('en')} errors={{ title: translator('en')('form.required') }} labels={{ title: 'Title' }} />,
    );
    expect(html).toContain('<a href="#f-title">Title: This field is required.</a>');
  });

  it('the link target is the id the Field gives its input', () => {
    const v = view('en');
    const errors = { capacity: v.t('form.invalidNumber') };
    const html = String(
      <>
        <ErrorSummary v={v} errors={errors} labels={{ capacity: 'Capacity' }} />
        <Field name="capacity" label="Capacity" errors={errors} />
      </>,
    );
    const target = /href="#([^"]+)">Capacity: Enter a number\.<\/a>/.exec(html)?.[1];
    expect(target).toBe('f-capacity');
    expect(html).toContain(`<input id="${target}"`);
  });

  it('shows the message alone when no label is known, and does not link a whole-form error', () => {
    const html = String(
      <ErrorSummary v={view('en')} errors={{ other: 'Fix this.', _form: 'Try again.' }} labels={{ email: 'Email' }} />,
    );
    expect(html).toContain('<a href="#f-other">Fix this.</a>');
    expect(html).toContain('<li>Try again.</li>');
    expect(html).not.toContain('#f-_form');
  });

  it('does not repeat a label the message already quotes', () => {
    const label = 'Qui porte le sujet ?';
    const errors = { q1: `Choisissez une réponse à la question « ${label} ».`, q2: 'Choisissez une réponse.' };
    const html = plain(
      String(<ErrorSummary v={view('fr')} errors={errors} labels={{ q1: label, q2: 'Qui décide ?' }} />),
    );
    expect(html).toContain(`<a href="#f-q1">Choisissez une réponse à la question « ${label} ».</a>`);
    expect(html).toContain('<a href="#f-q2">Qui décide ? : Choisissez une réponse.</a>');
  });

  it('renders nothing without errors', () => {
    expect(String(<ErrorSummary v={view('fr')} errors={{}} labels={{ email: 'Adresse' }} />)).toBe('');
    expect(String(<ErrorSummary v={view('fr')} errors={null} />)).toBe('');
  });
});

describe('every form gives its error summary the field labels', () => {
  // knowledge and review are being reworked by their owners, who add `labels` to their summaries themselves;
  // any other summary without labels fails here.
  const root = join(import.meta.dirname, '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? files(path)
        : /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name)
          ? [path]
          : [];
    });

  it('passes labels at every call site', () => {
    const missing: string[] = [];
    for (const path of files(join(root, 'src', 'features'))) {
      const rel = relative(root, path).split('\\').join('/');
      const source = readFileSync(path, 'utf8');
      for (const m of source.matchAll(/<ErrorSummary\b[\s\S]*?\/>/g)) {
        if (!/\blabels=/.test(m[0])) missing.push(`${rel}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
