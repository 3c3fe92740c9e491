import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { Select } from '../../views/components.js';
import { learningRoleIds, type TLearningRole } from './learning-path.js';
import { suggestLearningPath } from './learning-path-service.js';
import { TrainingNav, hoursLabel, tk } from './views-common.js';

const ZPathQuery = z.object({
  role: z
    .enum(learningRoleIds as [TLearningRole, ...TLearningRole[]])
    .optional()
    .catch(undefined),
  level: z.coerce.number().int().min(1).max(5).catch(1).default(1),
});

export const pathPages = new Hono<AppEnv>();

pathPages.get('/learning-paths', async (c) => {
  const q = ZPathQuery.parse({ role: c.req.query('role') || undefined, level: c.req.query('level') || undefined });
  const result = q.role ? await suggestLearningPath(c.get('db'), q.role, q.level) : null;
  const t = c.get('t');
  return renderPage(c, t('training.paths.title'), (v) => (
    <>
      <TrainingNav v={v} />
      <h1>{t('training.paths.title')}</h1>
      <p>{t('training.paths.intro')}</p>
      <form method="get" action="/learning-paths">
        <Select
          name="role"
          label={t('training.paths.role')}
          value={q.role}
          required
          options={learningRoleIds.map((r) => [r, tk(v, `training.role.${r}`)])}
        />
        <Select
          name="level"
          label={t('training.paths.level')}
          value={String(q.level)}
          options={[1, 2, 3, 4, 5].map((l) => [String(l), `${l}. ${t(`maturity.level.${l}` as TMessageKey)}`])}
        />
        <button type="submit">{t('training.paths.submit')}</button>
      </form>
      <h2>{t('training.paths.rule')}</h2>
      <ol>
        <li>{t('training.paths.rule1')}</li>
        <li>{t('training.paths.rule2')}</li>
        <li>{t('training.paths.rule3')}</li>
      </ol>
      {result && q.role ? (
        <>
          <h2>{t('training.paths.targets')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('training.field.block')}</th>
                <th scope="col">{t('training.field.level')}</th>
              </tr>
            </thead>
            <tbody>
              {[...result.targets].map(([block, target]) => (
                <tr>
                  <td>
                    {block}. {tk(v, `training.block.${block}`)}
                  </td>
                  <td>{target ? tk(v, `training.level.${target}`) : t('training.paths.notRelevant')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 id="path">{t('training.paths.steps')}</h2>
          {result.steps.length ? (
            <ol aria-labelledby="path">
              {result.steps.map((s) => (
                <li>
                  <a href={`/trainings/${s.training.id}`}>{s.training.title}</a> — {s.training.organisationName},{' '}
                  {hoursLabel(v, s.training.durationHours)}
                  <br />
                  <span class="hint">
                    {t('training.paths.because', {
                      block: tk(v, `training.block.${s.block}`),
                      level: t('training.levelShort', { level: s.level }),
                    })}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('training.paths.empty')}</p>
          )}
        </>
      ) : null}
    </>
  ));
});
