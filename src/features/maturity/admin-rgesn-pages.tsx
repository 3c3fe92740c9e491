import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { ensure, isAdmin, requireUser } from '../../http/actor.js';
import { readForm, type TFieldErrors } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ErrorSummary, Field } from '../../views/components.js';
import type { TMessageKey } from '../../i18n/index.js';
import type { TRgesnImportError } from '../../referentials/rgesn.js';
import { importOfficialReferential, listReferentials } from './rgesn-referential.js';

export const adminRgesnPages = new Hono<AppEnv>();

/** Largest criteria file accepted (the 2024 file is about 150 KB). */
const maxFileBytes = 5 * 1024 * 1024;

const ZVersion = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} ._-]+$/u);

async function adminPage(c: Context<AppEnv>, errors?: TFieldErrors, lines: string[] = [], version = '') {
  const user = requireUser(c);
  ensure(isAdmin(user));
  const refs = await listReferentials(c.get('db'));
  const t = c.get('t');
  return renderPage(
    c,
    t('maturity.admin.title'),
    (v) => (
      <>
        <h1>{t('maturity.admin.title')}</h1>
        <p>{t('maturity.admin.intro')}</p>
        <table>
          <caption>{t('maturity.admin.versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('maturity.rgesn.version')}</th>
              <th scope="col">{t('maturity.admin.source')}</th>
              <th scope="col">{t('maturity.admin.criteria')}</th>
              <th scope="col">{t('maturity.admin.loadedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {refs.map((r) => (
              <tr>
                <th scope="row">{r.version}</th>
                <td>{t(`maturity.admin.source.${r.source}` as TMessageKey)}</td>
                <td class="num">{r.criteria}</td>
                <td>{v.fmt.date(r.imported_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('maturity.admin.import')}</h2>
        <ErrorSummary
          v={v}
          errors={errors}
          labels={{ version: t('maturity.admin.versionLabel'), file: t('maturity.admin.file') }}
        />
        {lines.length ? (
          <ul class="error-lines">
            {lines.slice(0, 50).map((l) => (
              <li>{l}</li>
            ))}
          </ul>
        ) : null}
        <form method="post" action="/admin/rgesn" enctype="multipart/form-data">
          <Field
            name="version"
            label={t('maturity.admin.versionLabel')}
            hint={t('maturity.admin.versionHint')}
            required
            value={version}
            errors={errors}
          />
          <div class={errors?.file ? 'field has-error' : 'field'}>
            <label for="f-file">{t('maturity.admin.file')}</label>
            <p class="hint" id="f-file-hint">
              {t('maturity.admin.fileHint')}
            </p>
            {errors?.file ? (
              <p class="error" id="f-file-error">
                {errors.file}
              </p>
            ) : null}
            <input
              id="f-file"
              type="file"
              name="file"
              accept="application/json,.json"
              required
              aria-describedby={errors?.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
            />
          </div>
          <button type="submit">{t('maturity.admin.submit')}</button>
        </form>
      </>
    ),
    { status: errors ? 422 : 200 },
  );
}

adminRgesnPages.get('/admin/rgesn', (c) => adminPage(c));

function errorLine(t: AppEnv['Variables']['t'], e: TRgesnImportError): string {
  return t(`maturity.admin.error.${e.code}` as TMessageKey, {
    index: e.index === null ? '' : e.index + 1,
    numero: e.numero ?? '?',
    field: e.field ?? '',
  });
}

/** Imports an official criteria file as a new referential version (administrators only; all-or-nothing). */
adminRgesnPages.post('/admin/rgesn', async (c) => {
  const user = requireUser(c);
  ensure(isAdmin(user));
  const t = c.get('t');
  const form = await readForm(c);
  const version = ZVersion.safeParse(form.version);
  const versionText = typeof form.version === 'string' ? form.version : '';
  const errors: TFieldErrors = {};
  if (!version.success) errors.version = t('maturity.admin.error.version');
  const file = form.file;
  let json: unknown = undefined;
  if (!(file instanceof File) || file.size === 0) errors.file = t('maturity.admin.error.noFile');
  else if (file.size > maxFileBytes) errors.file = t('maturity.admin.error.tooBig', { max: '5' });
  else {
    try {
      json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch {
      errors.file = t('maturity.admin.error.notJson');
    }
  }
  if (Object.keys(errors).length) return adminPage(c, errors, [], versionText);
  const result = await importOfficialReferential(c.get('db'), user, { version: version.data!, json });
  if (!result.ok) {
    if (result.errors === 'version_exists')
      return adminPage(c, { version: t('maturity.admin.error.versionExists') }, [], versionText);
    return adminPage(
      c,
      { file: t('maturity.admin.error.invalid', { n: result.errors.length }) },
      result.errors.map((e) => errorLine(t, e)),
      versionText,
    );
  }
  return redirectWithFlash(c, '/admin/rgesn', 'maturity.flash.imported' as TMessageKey);
});
