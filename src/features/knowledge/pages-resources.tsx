import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { notFound, forbidden } from '../../http/errors.js';
import { parseForm, type TFieldErrors } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { Field, Pagination, Select } from '../../views/components.js';
import { licences, maturityLevelIds, resourceKinds, themes, uploadTypes, type TUploadType } from './constants.js';
import { listComments, postComment } from './comments.js';
import { getResource, listResources } from './list-resources.js';
import { canPublishFor } from './policy.js';
import { leverCatalogue, leverLabel } from './ports.js';
import { PublicationInputError, publishResource } from './publish-resource.js';
import { ZCommentInput, ZResourceFilter, ZResourceInput } from './schemas.js';
import { contentDisposition, readUpload, storeUpload } from './uploads.js';
import { CommentsSection, k, options, ResourceForm, StatusBadge, TagList } from './views.js';

export const resourcePages = new Hono<AppEnv>();
const perPage = 20;

const idParam = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};

/** The library: search and filters (a GET form, so results have shareable URLs), newest first. */
resourcePages.get('/resources', async (c) => {
  const db = c.get('db');
  const t = c.get('t');
  const filter = ZResourceFilter.parse(c.req.query());
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const [{ total, items }, levers] = await Promise.all([listResources(db, c.get('user'), filter, { offset: (page - 1) * perPage, limit: perPage }), leverCatalogue()]);
  const user = c.get('user');
  return renderPage(c, t('knowledge.resources.title'), (v) => (
    <>
      <h1>{t('knowledge.resources.title')}</h1>
      <p class="lead">{t('knowledge.resources.lead')}</p>
      <p>
        {user?.memberships.length ? <><a class="button" href="/resources/new">{t('knowledge.resources.publish')}</a>{' '}</> : null}
        <a href="/experience">{t('knowledge.experience.title')}</a>
      </p>
      <form method="get" action="/resources" class="filters" role="search">
        <Field name="q" type="search" label={t('knowledge.filter.q')} value={filter.q ?? ''} />
        <Select name="kind" label={t('knowledge.field.kind')} value={filter.kind ?? ''} emptyLabel={t('form.all')} options={options(v, 'kind', resourceKinds)} />
        <Select name="language" label={t('knowledge.field.language')} value={filter.language ?? ''} emptyLabel={t('form.all')} options={options(v, 'language', ['fr', 'en'])} />
        <Select name="theme" label={t('knowledge.filter.theme')} value={filter.theme ?? ''} emptyLabel={t('form.all')} options={options(v, 'theme', themes)} />
        <Select name="level" label={t('knowledge.filter.level')} value={filter.level ?? ''} emptyLabel={t('form.all')} options={options(v, 'level', maturityLevelIds)} />
        {levers ? (
          <Select name="lever" label={t('knowledge.filter.lever')} value={filter.lever ?? ''} emptyLabel={t('form.all')} options={levers.map((l) => [l.slug, leverLabel(l, l.slug, v)])} />
        ) : (
          <Field name="lever" label={t('knowledge.filter.lever')} value={filter.lever ?? ''} />
        )}
        <Select name="licence" label={t('knowledge.field.licence')} value={filter.licence ?? ''} emptyLabel={t('form.all')} options={options(v, 'licence', licences)} />
        <button type="submit">{t('form.search')}</button> <a href="/resources">{t('form.reset')}</a>
      </form>
      <h2 id="results">{t('knowledge.resources.count', { count: total })}</h2>
      {items.length ? (
        <ul class="cards" aria-labelledby="results">
          {items.map((r) => (
            <li>
              <h3>
                <a href={`/resources/${r.id}`} lang={r.language}>{r.title}</a> <StatusBadge v={v} status={r.status} />
                {r.isDemo ? <span class="badge demo">{t('demo.badge')}</span> : null}
              </h3>
              <p>
                {t(k(`knowledge.kind.${r.kind}`))} · {r.organisationName} · {v.fmt.date(r.publishedOn)} · {t(k(`knowledge.language.${r.language}`))}
              </p>
              <p lang={r.language}>{r.summary.length > 220 ? `${r.summary.slice(0, 217)}…` : r.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('knowledge.resources.empty')}</p>
      )}
      <Pagination v={v} page={page} pages={Math.ceil(total / perPage)} />
    </>
  ));
});

function formPage(c: Context<AppEnv>, values: Record<string, unknown>, errors: TFieldErrors | null, status: 200 | 422 = 200) {
  const t = c.get('t');
  return leverCatalogue().then((levers) =>
    renderPage(c, t('knowledge.resources.publish'), (v) => (
      <>
        <h1>{t('knowledge.resources.publish')}</h1>
        <ResourceForm v={v} values={values} errors={errors} levers={levers} />
      </>
    ), { status }),
  );
}

resourcePages.get('/resources/new', (c) => {
  const user = requireUser(c);
  if (!user.memberships.length) throw forbidden('no organisation');
  return formPage(c, {}, null);
});

/** Publishing: validate the fields, then the file (name, size, magic bytes), then the service decides the status. */
resourcePages.post('/resources', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZResourceInput);
  const raw = values.file;
  const upload = raw instanceof File && (raw.size > 0 || raw.name) ? raw : null;
  const errors: TFieldErrors = result.ok ? {} : { ...result.errors };
  if (result.ok && !canPublishFor(user, result.data.organisationId)) errors.organisationId = t('knowledge.form.notYourOrg');
  if (Object.keys(errors).length) return formPage(c, values, errors, 422);
  if (!result.ok) return formPage(c, values, errors, 422);
  let stored = null;
  if (upload) {
    const s = await storeUpload(c.get('config'), upload);
    if (!s.ok) return formPage(c, values, { file: t(k(s.error)) }, 422);
    stored = s.file;
  }
  try {
    const { id, status } = await publishResource(c.get('db'), c.get('config'), user, result.data, stored);
    return redirectWithFlash(c, `/resources/${id}`, status === 'published' ? 'knowledge.flash.published' : 'knowledge.flash.pending');
  } catch (err) {
    if (err instanceof PublicationInputError) {
      return formPage(c, values, Object.fromEntries(Object.entries(err.fieldErrors).map(([f, key]) => [f, t(k(key))])), 422);
    }
    throw err;
  }
});

resourcePages.get('/resources/:id', async (c) => {
  const db = c.get('db');
  const t = c.get('t');
  const user = c.get('user');
  const r = await getResource(db, user, idParam(c));
  if (!r) throw notFound();
  const [comments, levers] = await Promise.all([listComments(db, user, 'resource', r.id), leverCatalogue()]);
  return renderPage(c, r.title, (v) => (
    <>
      <p><a href="/resources">{t('knowledge.resources.back')}</a></p>
      <h1 lang={r.language}>{r.title} <StatusBadge v={v} status={r.status} /></h1>
      {r.status === 'pending' ? <p class="notice">{t('knowledge.status.pendingNote')}</p> : null}
      {r.status === 'rejected' ? <p class="notice">{t('knowledge.status.rejectedNote', { reason: r.rejection_reason ?? '' })}</p> : null}
      {r.is_demo || r.org_demo ? <p class="demo-note">{t('demo.banner')}</p> : null}
      <p lang={r.language}>{r.summary}</p>
      <dl class="facts">
        <dt>{t('knowledge.field.kind')}</dt><dd>{t(k(`knowledge.kind.${r.kind}`))}</dd>
        <dt>{t('knowledge.field.organisation')}</dt><dd><a href={`/directory/${r.org_slug}`}>{r.org_name}</a></dd>
        <dt>{t('knowledge.field.language')}</dt><dd>{t(k(`knowledge.language.${r.language}`))}</dd>
        <dt>{t('knowledge.field.date')}</dt><dd>{v.fmt.date(r.published_on)}</dd>
        <dt>{t('knowledge.field.licence')}</dt><dd>{t(k(`knowledge.licence.${r.licence}`))}</dd>
        {r.workshop_id ? <><dt>{t('knowledge.field.workshop')}</dt><dd><a href={`/workshops/${r.workshop_id}`}>{t('knowledge.field.workshopLink')}</a></dd></> : null}
        {r.training_id ? <><dt>{t('knowledge.field.training')}</dt><dd><a href={`/trainings/${r.training_id}`}>{t('knowledge.field.trainingLink')}</a></dd></> : null}
      </dl>
      <TagList v={v} tags={r.tags} levers={levers} />
      <p>
        {r.url ? <a class="button" href={r.url} rel="noopener noreferrer">{t('knowledge.resources.open')}</a> : null}
        {r.file_key ? (
          <a class="button" href={`/resources/${r.id}/file`}>
            {t('knowledge.resources.download', { name: r.file_name ?? '', size: v.fmt.number((r.file_size ?? 0) / 1024) })}
          </a>
        ) : null}
      </p>
      <CommentsSection v={v} comments={comments} postAction={`/resources/${r.id}/comments`} canAnswer={canPublishFor(user, r.organisation_id)} isAdmin={isAdmin(user)} loginNext={`/resources/${r.id}`} />
    </>
  ));
});

/** Downloads: same visibility as the page; the stored type decides Content-Type, the sanitised name the file name. */
resourcePages.get('/resources/:id/file', async (c) => {
  const r = await getResource(c.get('db'), c.get('user'), idParam(c));
  if (!r || !r.file_key || !r.file_type) throw notFound();
  const bytes = await readUpload(c.get('config'), r.file_key);
  if (!bytes) throw notFound();
  return c.body(bytes, 200, {
    'Content-Type': uploadTypes[r.file_type as TUploadType] ?? 'application/octet-stream',
    'Content-Disposition': contentDisposition(r.file_name ?? 'document'),
    'Content-Length': String(bytes.length),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': r.status === 'published' ? 'public, max-age=3600' : 'private, no-store',
  });
});

resourcePages.post('/resources/:id/comments', async (c) => {
  const user = requireUser(c);
  const id = idParam(c);
  const { result } = await parseForm(c, ZCommentInput);
  if (!result.ok) return redirectWithFlash(c, `/resources/${id}#comments-title`, 'knowledge.flash.commentInvalid');
  await postComment(c.get('db'), user, 'resource', id, result.data.body);
  return redirectWithFlash(c, `/resources/${id}#comments-title`, 'knowledge.flash.commented');
});

