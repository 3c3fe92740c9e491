import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { ensure, isAdmin, requireUser } from '../../http/actor.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ButtonForm, Field, TextArea } from '../../views/components.js';
import { HideCommentForm } from './views.js';
import { markAnswer, moderateComment, reportComment, reportedComments } from './comments.js';
import { ZMonth } from './constants.js';
import { moderatePublication, pendingPublications } from './moderate-publication.js';
import {
  currentMonth,
  digestContent,
  digestSettings,
  digestText,
  digestTokenUser,
  saveDigestSettings,
  sendMonthlyDigest,
  unsubscribeFromDigest,
} from './send-monthly-digest.js';
import { canModerate } from './policy.js';
import { publicUrl } from '../../config.js';

/** Comment actions, the administrators' moderation queue and digest button, and the digest unsubscribe pages. */
export const moderationPages = new Hono<AppEnv>();

const idParam = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};
const docPath = (docType: string, docId: number) =>
  docType === 'resource' ? `/resources/${docId}` : `/experience/${docId}`;

moderationPages.post('/knowledge/comments/:id/report', async (c) => {
  const user = requireUser(c);
  const where = await reportComment(c.get('db'), user, idParam(c));
  return redirectWithFlash(c, `${docPath(where.docType, where.docId)}#comments-title`, 'knowledge.flash.reported');
});

moderationPages.post('/knowledge/comments/:id/answer', async (c) => {
  const user = requireUser(c);
  const { values } = await parseForm(c, z.object({}));
  const where = await markAnswer(c.get('db'), user, idParam(c), values.answer !== '0');
  return redirectWithFlash(c, `${docPath(where.docType, where.docId)}#comments-title`, 'flash.saved');
});

moderationPages.get('/admin/resources', async (c) => {
  const user = requireUser(c);
  ensure(isAdmin(user));
  const db = c.get('db');
  const t = c.get('t');
  const [queue, reported] = await Promise.all([pendingPublications(db, user), reportedComments(db, user)]);
  const Decision = (p: { base: string }) => (
    <>
      <ButtonForm action={`${p.base}/approve`} label={t('knowledge.moderation.approve')} />{' '}
      <form method="post" action={`${p.base}/reject`} class="inline">
        <label for={`reason-${p.base.replace(/\W/g, '')}`}>{t('knowledge.moderation.reason')}</label>{' '}
        <input id={`reason-${p.base.replace(/\W/g, '')}`} name="reason" required maxlength={500} />{' '}
        <button type="submit" class="danger">
          {t('knowledge.moderation.reject')}
        </button>
      </form>
    </>
  );
  return renderPage(c, t('knowledge.moderation.title'), (v) => (
    <>
      <h1>{t('knowledge.moderation.title')}</h1>
      <p>
        <a href="/admin/digest">{t('knowledge.digest.admin.title')}</a>
      </p>
      <h2>{t('knowledge.moderation.resources')}</h2>
      {queue.resources.length ? (
        <ul>
          {queue.resources.map((r) => (
            <li>
              <a href={`/resources/${r.id}`}>{r.title}</a> · {r.org_name} · {v.fmt.date(r.created_at)}{' '}
              <Decision base={`/admin/resources/${r.id}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('table.empty')}</p>
      )}
      <h2>{t('knowledge.moderation.reports')}</h2>
      {queue.reports.length ? (
        <ul>
          {queue.reports.map((r) => (
            <li>
              <a href={`/experience/${r.id}`}>{r.title}</a> · {r.org_name} · {v.fmt.date(r.created_at)}{' '}
              <Decision base={`/admin/experience/${r.id}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('table.empty')}</p>
      )}
      <h2>{t('knowledge.moderation.comments')}</h2>
      {reported.length ? (
        <ul>
          {reported.map((cm) => (
            <li>
              <a href={`${docPath(cm.doc_type, cm.doc_id)}#comment-${cm.id}`}>{cm.name}</a> ·{' '}
              {t('knowledge.moderation.reportCount', { count: cm.reports })}
              <p class="comment-body">{cm.body}</p>
              <HideCommentForm v={v} id={cm.id} />{' '}
              <ButtonForm
                action={`/admin/resources/comments/${cm.id}/keep`}
                className="secondary"
                label={t('knowledge.moderation.keep')}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('table.empty')}</p>
      )}
    </>
  ));
});

const ZReason = z.object({ reason: z.string().trim().min(3).max(500) });
for (const [prefix, docType] of [
  ['resources', 'resource'],
  ['experience', 'report'],
] as const) {
  moderationPages.post(`/admin/${prefix}/:id/approve`, async (c) => {
    await moderatePublication(c.get('db'), c.get('config'), requireUser(c), docType, idParam(c), { approve: true });
    return redirectWithFlash(c, '/admin/resources', 'knowledge.flash.approved');
  });
  moderationPages.post(`/admin/${prefix}/:id/reject`, async (c) => {
    const user = requireUser(c);
    ensure(isAdmin(user));
    const { result } = await parseForm(c, ZReason);
    if (!result.ok) return redirectWithFlash(c, '/admin/resources', 'knowledge.flash.reasonRequired');
    await moderatePublication(c.get('db'), c.get('config'), user, docType, idParam(c), {
      approve: false,
      reason: result.data.reason,
    });
    return redirectWithFlash(c, '/admin/resources', 'knowledge.flash.rejected');
  });
  // The administrator publishes again an unpublished (or rejected) resource or report; its author is told by mail.
  moderationPages.post(`/admin/${prefix}/:id/republish`, async (c) => {
    await moderatePublication(c.get('db'), c.get('config'), requireUser(c), docType, idParam(c), { republish: true });
    return redirectWithFlash(c, `/${prefix}/${idParam(c)}`, 'knowledge.flash.republished');
  });
  // The administrator unpublishes a published resource or report, with a reason mailed to its author.
  moderationPages.post(`/admin/${prefix}/:id/unpublish`, async (c) => {
    const user = requireUser(c);
    ensure(isAdmin(user));
    const { result } = await parseForm(c, ZReason);
    if (!result.ok) return redirectWithFlash(c, `/${prefix}/${idParam(c)}`, 'knowledge.flash.reasonRequired');
    await moderatePublication(c.get('db'), c.get('config'), user, docType, idParam(c), {
      unpublish: true,
      reason: result.data.reason,
    });
    return redirectWithFlash(c, '/admin/resources', 'knowledge.flash.unpublished');
  });
}

moderationPages.post('/admin/resources/comments/:id/:decision{hide|keep}', async (c) => {
  const user = requireUser(c);
  ensure(isAdmin(user));
  const { values } = await parseForm(c, z.object({}));
  const back =
    typeof values.back === 'string' && /^\/(resources|experience)\/\d+$/.test(values.back)
      ? `${values.back}#comments-title`
      : '/admin/resources';
  try {
    await moderateComment(
      c.get('db'),
      c.get('config'),
      user,
      idParam(c),
      c.req.param('decision') === 'hide',
      typeof values.reason === 'string' ? values.reason : '',
    );
  } catch (err) {
    if (err instanceof AppError && err.status === 422)
      return redirectWithFlash(c, back, 'knowledge.flash.reasonRequired');
    throw err;
  }
  return redirectWithFlash(c, back, 'flash.saved');
});

/**
 * The administrator's digest page: the introduction and the send day (the scheduled send), a preview of their own
 * digest for this month, and the button that sends a month's digest at once to whoever has not received it yet.
 */
moderationPages.get('/admin/digest', async (c) => {
  const user = requireUser(c);
  ensure(canModerate(user));
  const t = c.get('t');
  const db = c.get('db');
  const sent = c.req.query('sent');
  const already = c.req.query('already');
  const settings = await digestSettings(db);
  const month = currentMonth();
  const preview = digestText(
    c.get('locale'),
    publicUrl(c.get('config')),
    user.name,
    month,
    await digestContent(db, user.id, month),
    `${publicUrl(c.get('config'))}/digest/unsubscribe/…`,
    c.get('locale') === 'en' ? settings.intro_en : settings.intro_fr,
  );
  const invalid = c.req.query('invalid') === '1';
  return renderPage(c, t('knowledge.digest.admin.title'), () => (
    <>
      <h1>{t('knowledge.digest.admin.title')}</h1>
      <p>{t('knowledge.digest.admin.lead')}</p>
      {sent !== undefined ? (
        <p class="flash" role="status">
          {t('knowledge.digest.admin.result', { sent: Number(sent) || 0, already: Number(already) || 0 })}
        </p>
      ) : null}
      <h2>{t('knowledge.digest.admin.settings')}</h2>
      <form method="post" action="/admin/digest/settings">
        <TextArea
          name="intro_fr"
          label={t('knowledge.digest.admin.introFr')}
          hint={t('knowledge.digest.admin.introHint')}
          value={settings.intro_fr}
          rows={3}
        />
        <TextArea
          name="intro_en"
          label={t('knowledge.digest.admin.introEn')}
          hint={t('knowledge.digest.admin.introHint')}
          value={settings.intro_en}
          rows={3}
        />
        <Field
          name="send_day"
          type="number"
          label={t('knowledge.digest.admin.sendDay')}
          hint={t('knowledge.digest.admin.sendDayHint')}
          value={String(settings.send_day)}
          required
          errors={invalid ? { send_day: t('knowledge.digest.admin.sendDayInvalid') } : undefined}
        />
        <button type="submit">{t('knowledge.digest.admin.save')}</button>
      </form>
      <h2>{t('knowledge.digest.admin.preview')}</h2>
      <pre class="prewrap">
        {preview.subject}
        {'\n\n'}
        {preview.text}
      </pre>
      <form method="post" action="/admin/digest">
        <Field
          name="month"
          label={t('knowledge.digest.admin.month')}
          hint={t('knowledge.digest.admin.monthHint')}
          required
          value={month}
        />
        <button type="submit">{t('knowledge.digest.admin.send')}</button>
      </form>
    </>
  ));
});

const ZDigestSettings = z.object({
  intro_fr: z.string().trim().max(2000).default(''),
  intro_en: z.string().trim().max(2000).default(''),
  send_day: z.coerce.number().int().min(1).max(28),
});
moderationPages.post('/admin/digest/settings', async (c) => {
  const user = requireUser(c);
  ensure(canModerate(user));
  const { result } = await parseForm(c, ZDigestSettings);
  if (!result.ok) return c.redirect('/admin/digest?invalid=1', 303);
  await saveDigestSettings(c.get('db'), user.id, result.data);
  return redirectWithFlash(c, '/admin/digest', 'flash.saved');
});

moderationPages.post('/admin/digest', async (c) => {
  const user = requireUser(c);
  ensure(isAdmin(user));
  const { result } = await parseForm(c, z.object({ month: ZMonth }));
  if (!result.ok) return redirectWithFlash(c, '/admin/digest', 'knowledge.digest.monthInvalid');
  const r = await sendMonthlyDigest(c.get('db'), c.get('config'), result.data.month, { actorUserId: user.id });
  return c.redirect(`/admin/digest?sent=${r.sent}&already=${r.alreadySent}`, 303);
});

/** GET only shows a confirmation form (mail scanners follow links); POST unsubscribes. No login needed. */
moderationPages.get('/digest/unsubscribe/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  const who = await digestTokenUser(c.get('db'), token);
  if (!who) throw notFound();
  if (who.expired) return expiredTokenPage(c);
  return renderPage(
    c,
    t('knowledge.digest.unsubscribe.title'),
    <>
      <h1>{t('knowledge.digest.unsubscribe.title')}</h1>
      {who.optedIn ? (
        <>
          <p>{t('knowledge.digest.unsubscribe.confirm', { email: who.email })}</p>
          <form method="post" action={`/digest/unsubscribe/${token}`}>
            <button type="submit">{t('knowledge.digest.unsubscribe.button')}</button>
          </form>
        </>
      ) : (
        <p>{t('knowledge.digest.unsubscribe.done')}</p>
      )}
    </>,
  );
});

/** An unsubscribe link older than 12 months: 410, and the way that always works (the account page). */
function expiredTokenPage(c: Context<AppEnv>) {
  const t = c.get('t');
  return renderPage(
    c,
    t('knowledge.digest.unsubscribe.title'),
    <>
      <h1>{t('knowledge.digest.unsubscribe.title')}</h1>
      <p>{t('knowledge.digest.unsubscribe.expired')}</p>
      <p>
        <a href={`/login?next=${encodeURIComponent('/account')}`}>{t('knowledge.digest.unsubscribe.account')}</a>
      </p>
    </>,
    { status: 410 },
  );
}

moderationPages.post('/digest/unsubscribe/:token', async (c) => {
  const t = c.get('t');
  const token = c.req.param('token');
  const who = await digestTokenUser(c.get('db'), token);
  if (!who) throw notFound();
  if (who.expired) return expiredTokenPage(c);
  if (!(await unsubscribeFromDigest(c.get('db'), token))) throw notFound();
  return renderPage(
    c,
    t('knowledge.digest.unsubscribe.title'),
    <>
      <h1>{t('knowledge.digest.unsubscribe.title')}</h1>
      <p role="status">{t('knowledge.digest.unsubscribe.done')}</p>
      <p>
        <a href="/account">{t('knowledge.digest.unsubscribe.account')}</a>
      </p>
    </>,
  );
});
