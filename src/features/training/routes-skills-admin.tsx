import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { forbidden } from '../../http/errors.js';
import { readForm } from '../../http/forms.js';
import { renderPage, redirectWithFlash } from '../../http/render.js';
import type { TSkillsIssue } from '../../referentials/skills-framework.js';
import type { TViewContext } from '../../views/context.js';
import { readSkillsFile } from './read-skills-file.js';
import { frameworkSource } from './skills-data.js';
import { frameworkInfo, loadSkillsFramework, saveSkillsFramework } from './skills-store.js';
import { tk } from './views-common.js';

function issueText(v: TViewContext, e: TSkillsIssue): string {
  return `${v.t('training.skills.cell', { line: e.line, column: e.column })} : ${tk(v, `training.skills.err.${e.code}`, { value: e.value ?? '' })}`;
}

async function page(
  c: Context<AppEnv>,
  errors: TSkillsIssue[] = [],
  warnings: TSkillsIssue[] = [],
  status: 200 | 422 = 200,
) {
  const db = c.get('db');
  const [info, fw] = await Promise.all([frameworkInfo(db), loadSkillsFramework(db)]);
  const t = c.get('t');
  return renderPage(
    c,
    t('training.skills.title'),
    (v) => (
      <>
        <h1>{t('training.skills.title')}</h1>
        <p>{t('training.skills.intro')}</p>
        {info ? (
          <dl class="facts">
            <dt>{t('training.skills.source')}</dt>
            <dd>
              <a href={info.url}>{info.name}</a> — {info.publisher}
              {info.fileName ? ` (${info.fileName})` : ''}
            </dd>
            <dt>{t('training.skills.licence')}</dt>
            <dd>
              <a href={info.licenceUrl}>{info.licence}</a>
            </dd>
            <dt>{t('training.skills.importedAt')}</dt>
            <dd>{v.fmt.date(info.importedAt)}</dd>
          </dl>
        ) : null}
        <p>
          {t('training.skills.counts', { blocks: fw.blocks.length, skills: fw.skills.length, jobs: fw.jobs.length })}
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('training.skills.blocks')}</th>
              <th scope="col">{t('training.skills.skillCount')}</th>
            </tr>
          </thead>
          <tbody>
            {fw.blocks.map((b) => (
              <tr>
                <td>
                  {b.position}. {b.name}
                </td>
                <td>{fw.skills.filter((s) => s.block === b.position).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('training.skills.upload')}</h2>
        {errors.length ? (
          <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
            <p>{t('training.skills.errorsTitle', { count: errors.length })}</p>
            <ul>
              {errors.slice(0, 100).map((e) => (
                <li>{issueText(v, e)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {warnings.length ? (
          <div class="notice">
            <p>{t('training.skills.warnings', { count: warnings.length })}</p>
            <ul>
              {warnings.slice(0, 20).map((e) => (
                <li>{issueText(v, e)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <form method="post" action="/admin/skills" enctype="multipart/form-data">
          <div class="field">
            <label for="f-file">{t('training.skills.file')}</label>
            <input
              id="f-file"
              type="file"
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
            />
          </div>
          <button type="submit">{t('training.skills.submit')}</button>
        </form>
      </>
    ),
    { status },
  );
}

export const skillsAdminPages = new Hono<AppEnv>();

skillsAdminPages.get('/admin/skills', async (c) => {
  if (!isAdmin(requireUser(c))) throw forbidden();
  return page(c);
});

skillsAdminPages.post('/admin/skills', async (c) => {
  const user = requireUser(c);
  if (!isAdmin(user)) throw forbidden();
  const file = (await readForm(c)).file;
  if (!(file instanceof File) || file.size === 0)
    return page(c, [{ code: 'header_not_found', line: 1, column: 'A' }], [], 422);
  let result;
  try {
    result = await readSkillsFile(Buffer.from(await file.arrayBuffer()));
  } catch {
    // Not a readable XLSX at all (e.g. a CSV renamed): say where the reader expected the header.
    return page(c, [{ code: 'header_not_found', line: 1, column: 'A' }], [], 422);
  }
  if (!result.ok) return page(c, result.errors, result.warnings, 422);
  await saveSkillsFramework(c.get('db'), user, result.framework, frameworkSource, file.name);
  return redirectWithFlash(c, '/admin/skills', 'training.skills.imported');
});
