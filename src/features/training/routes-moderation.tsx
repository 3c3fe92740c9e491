import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { ensure, requireUser } from '../../http/actor.js';
import { canModerateTrainingItems } from './policy.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { moderateTrainingItem, type TTrainingDecision, type TTrainingItemKind } from './moderate-items.js';

/** The administrator's decisions on trainings and offers, posted from their pages' moderation controls. */
export const moderationPages = new Hono<AppEnv>();

const ZReason = z.object({ reason: z.string().trim().max(500).optional() });

async function decide(c: Context<AppEnv>, kind: TTrainingItemKind, path: string) {
  const user = requireUser(c);
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  const decision = c.req.param('decision') as TTrainingDecision;
  const { result } = await parseForm(c, ZReason);
  const reason = result.ok ? (result.data.reason ?? '') : '';
  try {
    await moderateTrainingItem(c.get('db'), c.get('config'), user, kind, id, decision, reason);
  } catch (err) {
    // A missing reason or a decision already taken by another administrator comes back as a message on the page.
    if (err instanceof AppError && (err.status === 409 || err.status === 422))
      return redirectWithFlash(
        c,
        `${path}/${id}`,
        err.status === 409 ? 'training.moderation.conflict' : 'training.moderation.reasonRequired',
      );
    throw err;
  }
  return redirectWithFlash(c, `${path}/${id}`, `training.moderation.flash.${decision}` as TMessageKey);
}

moderationPages.post('/trainings/:id{[0-9]+}/moderation/:decision{unpublish|republish|approve|reject}', (c) =>
  decide(c, 'training', '/trainings'),
);
moderationPages.post('/offers/:id{[0-9]+}/moderation/:decision{unpublish|republish}', (c) =>
  decide(c, 'offer', '/offers'),
);

/** The administrators' list of trainings waiting for review (first publications of newly granted partners). */
moderationPages.get('/admin/trainings', async (c) => {
  const user = requireUser(c);
  ensure(canModerateTrainingItems(user), 'training.moderate');
  const t = c.get('t');
  const rows = await c
    .get('db')
    .selectFrom('trainings')
    .innerJoin('organisations', 'organisations.id', 'trainings.organisation_id')
    .select(['trainings.id', 'trainings.title', 'trainings.review_pending_at', 'organisations.name as org_name'])
    .where('trainings.review_pending_at', 'is not', null)
    .orderBy('trainings.review_pending_at')
    .limit(200)
    .execute();
  return renderPage(c, t('training.moderation.queue'), (v) => (
    <>
      <h1>{t('training.moderation.queue')}</h1>
      {rows.length ? (
        <ul>
          {rows.map((r) => (
            <li>
              <a href={`/trainings/${r.id}`}>{r.title}</a> · {r.org_name} · {v.fmt.date(r.review_pending_at!)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('table.empty')}</p>
      )}
    </>
  ));
});
