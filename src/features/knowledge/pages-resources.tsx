import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { notFound, forbidden } from '../../http/errors.js';
import { parseForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { Field, Pagination, Select } from '../../views/components.js';
import { licences, maturityLevelIds, resourceKinds, themes, uploadTypes, type TUploadType } from './constants.js';
import { listComments, postComment } from './comments.js';
import { getResource, listResources } from './list-resources.js';
import { canPublishFor, isAuthorMember } from './policy.js';
import { deleteResource } from './delete-publication.js';
import { editResource } from './edit-resource.js';
import { leverCatalogue, leverLabel, trainingRef, workshopRef } from './ports.js';
import { PublicationInputError, publishResource } from './publish-resource.js';
import { ZCommentInput, ZResourceEditInput, ZResourceFilter, ZResourceInput } from './schemas.js';
import { contentDisposition, readUpload, storeUpload } from './uploads.js';
import {
  CommentsSection,
  DeleteConfirm,
  k,
  options,
  OwnerActions,
  ResourceForm,
  StatusBadge,
  TagList,
  UnpublishForm,
  RepublishForm,
} from './views.js';

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
  const page = pageParam(c);
  const [{ total, items }, levers] = await Promise.all([
    listResources(db, c.get('user'), filter, { offset: (page - 1) * perPage, limit: perPage }),
    leverCatalogue(),
  ]);
  const user = c.get('user');
  return renderPage(c, t('knowledge.resources.title'), (v) => (
    <>
      <h1>{t('knowledge.resources.title')}</h1>
      <p class="lead">{t('knowledge.resources.lead')}</p>
      <p>
        {user?.memberships.some((m) => m.publisher) ? (
          <>
            <a class="button" href="/resources/new">
              {t('knowledge.resources.publish')}
            </a>{' '}
          </>
        ) : null}
        <a href="/experience">{t('knowledge.experience.title')}</a>
      </p>
      <form method="get" action="/resources" class="filters" role="search">
        <Field name="q" type="search" label={t('knowledge.filter.q')} value={filter.q ?? ''} />
        <Select
          name="kind"
          label={t('knowledge.field.kind')}
          value={filter.kind ?? ''}
          emptyLabel={t('form.all')}
          options={options(v, 'kind', resourceKinds)}
        />
        <Select
          name="language"
          label={t('knowledge.field.language')}
          value={filter.language ?? ''}
          emptyLabel={t('form.all')}
          options={options(v, 'language', ['fr', 'en'])}
        />
        <Select
          name="theme"
          label={t('knowledge.filter.theme')}
          value={filter.theme ?? ''}
          emptyLabel={t('form.all')}
          options={options(v, 'theme', themes)}
        />
        <Select
          name="level"
          label={t('knowledge.filter.level')}
          value={filter.level ?? ''}
          emptyLabel={t('form.all')}
          options={options(v, 'level', maturityLevelIds)}
        />
        {levers ? (
          <Select
            name="lever"
            label={t('knowledge.filter.lever')}
            value={filter.lever ?? ''}
            emptyLabel={t('form.all')}
            options={levers.map((l) => [l.slug, leverLabel(l, l.slug, v)])}
          />
        ) : (
          <Field name="lever" label={t('knowledge.filter.lever')} value={filter.lever ?? ''} />
        )}
        <Select
          name="licence"
          label={t('knowledge.field.licence')}
          value={filter.licence ?? ''}
          emptyLabel={t('form.all')}
          options={options(v, 'licence', licences)}
        />
        <button type="submit">{t('form.search')}</button> <a href="/resources">{t('form.reset')}</a>
      </form>
      <h2 id="results">{t('knowledge.resources.count', { count: total })}</h2>
      {items.length ? (
        <ul class="cards" aria-labelledby="results">
          {items.map((r) => (
            <li>
              <h3>
                <a href={`/resources/${r.id}`} lang={r.language}>
                  {r.title}
                </a>{' '}
                <StatusBadge v={v} status={r.status} />
                {r.isDemo ? <span class="badge demo">{t('demo.badge')}</span> : null}
              </h3>
              <p>
                {t(k(`knowledge.kind.${r.kind}`))} · {r.organisationName} · {v.fmt.date(r.publishedOn)} ·{' '}
                {t(k(`knowledge.language.${r.language}`))}
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

const asText = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
const positiveId = (x: unknown): number | null => {
  const n = Number(asText(x));
  return Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * The workshop and training the form's values link to, when the user may see them (a draft workshop's title only
 * to its organiser's members): the form then names them instead of showing a number field.
 */
async function formLinks(c: Context<AppEnv>, values: Record<string, unknown>) {
  const db = c.get('db');
  const user = c.get('user');
  const wid = positiveId(values.workshopId);
  const tid = positiveId(values.trainingId);
  const w = wid ? await workshopRef(db, wid) : null;
  const tr = tid ? await trainingRef(db, tid) : null;
  return {
    workshop: w && (w.public || isAuthorMember(user, w.organisationId)) ? w : null,
    training: tr && (tr.public || isAuthorMember(user, tr.organisationId)) ? tr : null,
  };
}

interface TFormOptions {
  status?: 200 | 422;
  /** Editing resource `id` of `organisationName` (else publishing a new one). */
  edit?: { id: number; organisationName: string; fileName: string | null };
}

async function formPage(
  c: Context<AppEnv>,
  values: Record<string, unknown>,
  errors: TFieldErrors | null,
  options: TFormOptions = {},
) {
  const t = c.get('t');
  const [levers, links] = await Promise.all([leverCatalogue(), formLinks(c, values)]);
  const title = options.edit ? t('knowledge.resources.editTitle') : t('knowledge.resources.publish');
  return renderPage(
    c,
    title,
    (v) => (
      <>
        <h1>{title}</h1>
        <ResourceForm
          v={v}
          values={values}
          errors={errors}
          levers={levers}
          links={links}
          action={options.edit ? `/resources/${options.edit.id}/edit` : '/resources'}
          edit={options.edit}
        />
      </>
    ),
    { status: options.status ?? 200 },
  );
}

const translateErrors = (c: Context<AppEnv>, fieldErrors: Record<string, string>): TFieldErrors =>
  Object.fromEntries(Object.entries(fieldErrors).map(([f, key]) => [f, c.get('t')(k(key))]));

/** The uploaded file of a multipart form, if one was chosen. */
const chosenFile = (raw: unknown): File | null => (raw instanceof File && (raw.size > 0 || raw.name) ? raw : null);

/**
 * The publish form. `?workshopId=` or `?trainingId=` (the organiser's "publish the materials" link) prefill the
 * link, name the workshop or training, and pick its organisation when the user belongs to it.
 */
resourcePages.get('/resources/new', async (c) => {
  const user = requireUser(c);
  if (!user.memberships.some((m) => m.publisher)) throw forbidden('no publishing organisation');
  const values: Record<string, unknown> = {};
  const wid = positiveId(c.req.query('workshopId'));
  const tid = positiveId(c.req.query('trainingId'));
  if (wid) values.workshopId = String(wid);
  if (tid) values.trainingId = String(tid);
  const links = await formLinks(c, values);
  const owner = links.workshop ?? links.training;
  if (owner && user.memberships.some((m) => m.organisationId === owner.organisationId))
    values.organisationId = String(owner.organisationId);
  if (links.workshop) values.kind = 'material';
  return formPage(c, values, null);
});

/** Publishing: validate the fields, then the file (name, size, magic bytes), then the service decides the status. */
resourcePages.post('/resources', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZResourceInput);
  const upload = chosenFile(values.file);
  const errors: TFieldErrors = result.ok ? {} : { ...result.errors };
  if (result.ok && !canPublishFor(user, result.data.organisationId))
    errors.organisationId = t('knowledge.form.notYourOrg');
  if (Object.keys(errors).length || !result.ok) return formPage(c, values, errors, { status: 422 });
  let stored = null;
  if (upload) {
    const s = await storeUpload(c.get('config'), upload);
    if (!s.ok) return formPage(c, values, { file: t(k(s.error)) }, { status: 422 });
    stored = s.file;
  }
  try {
    const { id, status } = await publishResource(c.get('db'), c.get('config'), user, result.data, stored);
    return redirectWithFlash(
      c,
      `/resources/${id}`,
      status === 'published' ? 'knowledge.flash.published' : 'knowledge.flash.pending',
    );
  } catch (err) {
    if (err instanceof PublicationInputError)
      return formPage(c, values, translateErrors(c, err.fieldErrors), { status: 422 });
    throw err;
  }
});

/** The resource if the user may change it: 404 when they cannot even see it, 403 when they see but do not own it. */
async function ownResource(c: Context<AppEnv>) {
  const user = requireUser(c);
  const r = await getResource(c.get('db'), user, idParam(c));
  if (!r) throw notFound();
  if (!isAuthorMember(user, r.organisation_id)) throw forbidden('not the author organisation');
  return { user, r };
}

resourcePages.get('/resources/:id/edit', async (c) => {
  const { r } = await ownResource(c);
  const values: Record<string, unknown> = {
    title: r.title,
    summary: r.summary,
    kind: r.kind,
    language: r.language,
    publishedOn: r.published_on,
    licence: r.licence,
    url: r.url ?? '',
    themes: r.tags.themes,
    levels: r.tags.levels.map(String),
    levers: r.tags.levers,
    rgesn: r.tags.rgesn,
    workshopId: r.workshop_id ? String(r.workshop_id) : '',
    trainingId: r.training_id ? String(r.training_id) : '',
  };
  return formPage(c, values, null, { edit: { id: r.id, organisationName: r.org_name, fileName: r.file_name } });
});

/** Editing: the same checks as publishing (a replacing file goes through the same name, size and content checks). */
resourcePages.post('/resources/:id/edit', async (c) => {
  const { user, r } = await ownResource(c);
  const t = c.get('t');
  const edit = { id: r.id, organisationName: r.org_name, fileName: r.file_name };
  const { values, result } = await parseForm(c, ZResourceEditInput);
  if (!result.ok) return formPage(c, values, result.errors, { status: 422, edit });
  let stored = null;
  const upload = chosenFile(values.file);
  if (upload) {
    const s = await storeUpload(c.get('config'), upload);
    if (!s.ok) return formPage(c, values, { file: t(k(s.error)) }, { status: 422, edit });
    stored = s.file;
  }
  try {
    const { status, previousStatus } = await editResource(
      c.get('db'),
      c.get('config'),
      user,
      r.id,
      result.data,
      stored,
    );
    return redirectWithFlash(
      c,
      `/resources/${r.id}`,
      status === 'pending' && previousStatus !== 'pending' ? 'knowledge.flash.editedPending' : 'knowledge.flash.edited',
    );
  } catch (err) {
    if (err instanceof PublicationInputError)
      return formPage(c, values, translateErrors(c, err.fieldErrors), { status: 422, edit });
    throw err;
  }
});

resourcePages.get('/resources/:id/delete', async (c) => {
  const { r } = await ownResource(c);
  const t = c.get('t');
  return renderPage(c, t('knowledge.owner.deleteTitle', { title: r.title }), (v) => (
    <DeleteConfirm v={v} title={r.title} base={`/resources/${r.id}`} hasFile={!!r.file_key} />
  ));
});

resourcePages.post('/resources/:id/delete', async (c) => {
  const { user, r } = await ownResource(c);
  await deleteResource(c.get('db'), c.get('config'), user, r.id);
  return redirectWithFlash(c, '/resources', 'knowledge.flash.deleted');
});

resourcePages.get('/resources/:id', async (c) => {
  const db = c.get('db');
  const t = c.get('t');
  const user = c.get('user');
  const r = await getResource(db, user, idParam(c));
  if (!r) throw notFound();
  const [comments, levers, links] = await Promise.all([
    listComments(db, user, 'resource', r.id),
    leverCatalogue(),
    formLinks(c, { workshopId: r.workshop_id, trainingId: r.training_id }),
  ]);
  return renderPage(c, r.title, (v) => (
    <>
      <p>
        <a href="/resources">{t('knowledge.resources.back')}</a>
      </p>
      <h1 lang={r.language}>
        {r.title} <StatusBadge v={v} status={r.status} />
      </h1>
      {r.status === 'pending' ? <p class="notice">{t('knowledge.status.pendingNote')}</p> : null}
      {r.status === 'rejected' ? (
        <p class="notice">{t('knowledge.status.rejectedNote', { reason: r.rejection_reason ?? '' })}</p>
      ) : null}
      {r.is_demo || r.org_demo ? <p class="demo-note">{t('demo.banner')}</p> : null}
      <p lang={r.language}>{r.summary}</p>
      <dl class="facts">
        <dt>{t('knowledge.field.kind')}</dt>
        <dd>{t(k(`knowledge.kind.${r.kind}`))}</dd>
        <dt>{t('knowledge.field.organisation')}</dt>
        <dd>
          <a href={`/directory/${r.org_slug}`}>{r.org_name}</a>
        </dd>
        <dt>{t('knowledge.field.language')}</dt>
        <dd>{t(k(`knowledge.language.${r.language}`))}</dd>
        <dt>{t('knowledge.field.date')}</dt>
        <dd>{v.fmt.date(r.published_on)}</dd>
        <dt>{t('knowledge.field.licence')}</dt>
        <dd>{t(k(`knowledge.licence.${r.licence}`))}</dd>
        {r.workshop_id ? (
          <>
            <dt>{t('knowledge.field.workshop')}</dt>
            <dd>
              <a href={`/workshops/${r.workshop_id}`}>{links.workshop?.title ?? t('knowledge.field.workshopLink')}</a>
            </dd>
          </>
        ) : null}
        {r.training_id ? (
          <>
            <dt>{t('knowledge.field.training')}</dt>
            <dd>
              <a href={`/trainings/${r.training_id}`}>{links.training?.title ?? t('knowledge.field.trainingLink')}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <TagList v={v} tags={r.tags} levers={levers} />
      {isAuthorMember(user, r.organisation_id) ? <OwnerActions v={v} base={`/resources/${r.id}`} /> : null}
      {isAdmin(user) && r.status === 'published' ? (
        <UnpublishForm v={v} action={`/admin/resources/${r.id}/unpublish`} />
      ) : null}
      {isAdmin(user) && r.status === 'rejected' ? (
        <RepublishForm v={v} action={`/admin/resources/${r.id}/republish`} />
      ) : null}
      <p>
        {r.url ? (
          <a class="button" href={r.url} rel="noopener noreferrer">
            {t('knowledge.resources.open')}
          </a>
        ) : null}
        {r.file_key ? (
          <a class="button" href={`/resources/${r.id}/file`}>
            {t('knowledge.resources.download', {
              name: r.file_name ?? '',
              size: v.fmt.number((r.file_size ?? 0) / 1024),
            })}
          </a>
        ) : null}
      </p>
      <CommentsSection
        v={v}
        comments={comments}
        postAction={`/resources/${r.id}/comments`}
        canAnswer={isAuthorMember(user, r.organisation_id)}
        isAdmin={isAdmin(user)}
        loginNext={`/resources/${r.id}`}
      />
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
