import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { parseForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ErrorSummary, Field, Pagination, Select, TextArea } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { listComments, postComment } from './comments.js';
import { getExperienceReport, listExperienceReports, type TReportSummary } from './list-experience-reports.js';
import { canPublishFor, isAuthorMember } from './policy.js';
import { leverCatalogue, type TLeverRef } from './ports.js';
import { PublicationInputError } from './publish-resource.js';
import { publishExperienceReport } from './publish-experience-report.js';
import { ZCommentInput, ZReportEditInput, ZReportInput } from './schemas.js';
import { ZSlug } from './constants.js';
import { deleteExperienceReport } from './delete-publication.js';
import { editExperienceReport } from './edit-experience-report.js';
import {
  CommentsSection,
  DeleteConfirm,
  EditHeader,
  k,
  OrgSelect,
  OwnerActions,
  options,
  StatusBadge,
  TagFields,
  TagList,
  tagLabels,
  UnpublishForm,
  RepublishForm,
  type TEditContext,
} from './views.js';

export const experiencePages = new Hono<AppEnv>();
const perPage = 20;

const idParam = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};

/**
 * "before → after (change)" in the viewer's language, and where the figures come from. With `detailed` (the
 * report's own page), platform-measured figures are listed with their two years, so readers see the evidence
 * without the organisation's private footprint pages; `footprintLink` (members of the organisation only) adds the
 * link to those pages.
 */
export function MeasuredChange(props: {
  v: TViewContext;
  r: TReportSummary;
  detailed?: boolean;
  footprintLink?: boolean;
}) {
  const { v, r } = props;
  if (r.measureSource === 'none' || r.before === null || r.after === null)
    return <p>{v.t('knowledge.report.noMeasure')}</p>;
  const change = r.change === null ? '' : ` (${r.change > 0 ? '+' : ''}${v.fmt.percent(r.change, 1)})`;
  const platform = r.measureSource === 'platform';
  return (
    <>
      <p>
        {platform
          ? v.t('knowledge.report.measuredPlatform', { from: r.baselineYear ?? '', to: r.resultYear ?? '' })
          : v.t('knowledge.report.measuredDeclared', { label: r.measureLabel })}{' '}
        <strong>
          {v.fmt.significant(r.before)} → {v.fmt.significant(r.after)} {r.unit}
          {change}
        </strong>
      </p>
      {platform && props.detailed ? (
        <dl class="facts">
          <dt>{v.t('knowledge.report.resultOfYear', { year: r.baselineYear ?? '' })}</dt>
          <dd>
            {v.fmt.significant(r.before)} {r.unit}
          </dd>
          <dt>{v.t('knowledge.report.resultOfYear', { year: r.resultYear ?? '' })}</dt>
          <dd>
            {v.fmt.significant(r.after)} {r.unit}
          </dd>
        </dl>
      ) : null}
      {platform && props.detailed ? <p class="hint">{v.t('knowledge.report.platformNote')}</p> : null}
      {platform && props.footprintLink ? (
        <p>
          <a href={`/organisations/${r.organisationId}/footprint`}>{v.t('knowledge.report.footprintLink')}</a>
        </p>
      ) : null}
    </>
  );
}

experiencePages.get('/experience', async (c) => {
  const t = c.get('t');
  const q = (c.req.query('q') ?? '').trim().slice(0, 200) || undefined;
  const leverParsed = ZSlug.safeParse(c.req.query('lever'));
  const lever = leverParsed.success ? leverParsed.data : undefined;
  const page = pageParam(c);
  const { total, items } = await listExperienceReports(
    c.get('db'),
    c.get('user'),
    { q, lever },
    { offset: (page - 1) * perPage, limit: perPage },
  );
  const user = c.get('user');
  return renderPage(c, t('knowledge.experience.title'), (v) => (
    <>
      <h1>{t('knowledge.experience.title')}</h1>
      <p class="lead">{t('knowledge.experience.lead')}</p>
      {user?.memberships.some((m) => m.publisher) ? (
        <p>
          <a class="button" href="/experience/new">
            {t('knowledge.experience.publish')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/experience" class="filters" role="search">
        <Field name="q" type="search" label={t('knowledge.filter.q')} value={q ?? ''} />
        <Field name="lever" label={t('knowledge.filter.lever')} value={lever ?? ''} />
        <button type="submit">{t('form.search')}</button>
      </form>
      <h2 id="results">{t('knowledge.experience.count', { count: total })}</h2>
      {items.length ? (
        <ul class="cards" aria-labelledby="results">
          {items.map((r) => (
            <li>
              <h3>
                <a href={`/experience/${r.id}`} lang={r.language}>
                  {r.title}
                </a>{' '}
                <StatusBadge v={v} status={r.status} />
                {r.isDemo ? <span class="badge demo">{t('demo.badge')}</span> : null}
              </h3>
              <p>
                {r.organisationName} · {v.fmt.date(r.createdAt)}
              </p>
              <MeasuredChange v={v} r={r} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('knowledge.experience.empty')}</p>
      )}
      <Pagination v={v} page={page} pages={Math.ceil(total / perPage)} />
    </>
  ));
});

function ReportForm(props: {
  v: TViewContext;
  values: Record<string, unknown>;
  errors: TFieldErrors | null;
  levers: TLeverRef[] | null;
  action?: string;
  edit?: TEditContext;
}) {
  const { v, values, errors, edit } = props;
  const s = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
  const opt = v.t('form.optional');
  return (
    <form method="post" action={props.action ?? '/experience'} novalidate>
      <ErrorSummary
        v={v}
        errors={errors}
        labels={{
          ...tagLabels(v),
          title: v.t('knowledge.field.title'),
          language: v.t('knowledge.field.language'),
          whatWeDid: v.t('knowledge.report.whatWeDid'),
          costEur: v.t('knowledge.report.costEur'),
          costNotes: v.t('knowledge.report.costNotes'),
          measureSource: v.t('knowledge.report.measureSource'),
          baselineYear: v.t('knowledge.report.baselineYear'),
          resultYear: v.t('knowledge.report.resultYear'),
          measureLabel: v.t('knowledge.report.measureLabel'),
          beforeValue: v.t('knowledge.report.before'),
          afterValue: v.t('knowledge.report.after'),
          measureUnit: v.t('knowledge.report.unit'),
        }}
      />
      {edit ? (
        <EditHeader v={v} edit={edit} />
      ) : (
        <>
          <OrgSelect v={v} values={values} errors={errors} />
          <p class="hint">{v.t('knowledge.form.reviewNote')}</p>
        </>
      )}
      <Field name="title" label={v.t('knowledge.field.title')} required value={s(values.title)} errors={errors} />
      <Select
        name="language"
        label={v.t('knowledge.field.language')}
        required
        value={s(values.language) || v.locale}
        options={options(v, 'language', ['fr', 'en'])}
        errors={errors}
      />
      <TextArea
        name="whatWeDid"
        label={v.t('knowledge.report.whatWeDid')}
        required
        rows={8}
        value={s(values.whatWeDid)}
        errors={errors}
      />
      <Field
        name="costEur"
        label={v.t('knowledge.report.costEur')}
        value={s(values.costEur)}
        errors={errors}
        optionalLabel={opt}
      />
      <TextArea
        name="costNotes"
        label={v.t('knowledge.report.costNotes')}
        rows={3}
        value={s(values.costNotes)}
        errors={errors}
        optionalLabel={opt}
      />
      <fieldset>
        <legend>{v.t('knowledge.report.measure')}</legend>
        <Select
          name="measureSource"
          label={v.t('knowledge.report.measureSource')}
          required
          value={s(values.measureSource) || 'platform'}
          options={options(v, 'report.source', ['platform', 'declared', 'none'])}
          errors={errors}
        />
        <p class="hint">{v.t('knowledge.report.platformHint')}</p>
        <Field
          name="baselineYear"
          type="number"
          label={v.t('knowledge.report.baselineYear')}
          value={s(values.baselineYear)}
          errors={errors}
          optionalLabel={opt}
          min={2000}
          max={2100}
        />
        <Field
          name="resultYear"
          type="number"
          label={v.t('knowledge.report.resultYear')}
          value={s(values.resultYear)}
          errors={errors}
          optionalLabel={opt}
          min={2000}
          max={2100}
        />
        <p class="hint">{v.t('knowledge.report.declaredHint')}</p>
        <Field
          name="measureLabel"
          label={v.t('knowledge.report.measureLabel')}
          value={s(values.measureLabel)}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="beforeValue"
          label={v.t('knowledge.report.before')}
          value={s(values.beforeValue)}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="afterValue"
          label={v.t('knowledge.report.after')}
          value={s(values.afterValue)}
          errors={errors}
          optionalLabel={opt}
        />
        <Field
          name="measureUnit"
          label={v.t('knowledge.report.unit')}
          value={s(values.measureUnit)}
          errors={errors}
          optionalLabel={opt}
        />
      </fieldset>
      <TagFields v={v} values={values} errors={errors} levers={props.levers} />
      <button type="submit">{edit ? v.t('knowledge.form.save') : v.t('knowledge.form.publish')}</button>
    </form>
  );
}

async function formPage(
  c: Context<AppEnv>,
  values: Record<string, unknown>,
  errors: TFieldErrors | null,
  status: 200 | 422 = 200,
  edit?: TEditContext & { id: number },
) {
  const t = c.get('t');
  const levers = await leverCatalogue();
  const title = edit ? t('knowledge.experience.editTitle') : t('knowledge.experience.publish');
  return renderPage(
    c,
    title,
    (v) => (
      <>
        <h1>{title}</h1>
        <ReportForm
          v={v}
          values={values}
          errors={errors}
          levers={levers}
          action={edit ? `/experience/${edit.id}/edit` : '/experience'}
          edit={edit}
        />
      </>
    ),
    { status },
  );
}

const translateErrors = (c: Context<AppEnv>, fieldErrors: Record<string, string>): TFieldErrors =>
  Object.fromEntries(Object.entries(fieldErrors).map(([f, key]) => [f, c.get('t')(k(key))]));

experiencePages.get('/experience/new', (c) => {
  const user = requireUser(c);
  if (!user.memberships.some((m) => m.publisher)) throw forbidden('no publishing organisation');
  return formPage(c, {}, null);
});

experiencePages.post('/experience', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZReportInput);
  if (!result.ok) return formPage(c, values, result.errors, 422);
  if (!canPublishFor(user, result.data.organisationId))
    return formPage(c, values, { organisationId: t('knowledge.form.notYourOrg') }, 422);
  try {
    const { id, status } = await publishExperienceReport(c.get('db'), user, result.data);
    return redirectWithFlash(
      c,
      `/experience/${id}`,
      status === 'published' ? 'knowledge.flash.published' : 'knowledge.flash.pending',
    );
  } catch (err) {
    if (err instanceof PublicationInputError) return formPage(c, values, translateErrors(c, err.fieldErrors), 422);
    throw err;
  }
});

/** The report if the user may change it: 404 when they cannot see it, 403 when they see but do not own it. */
async function ownReport(c: Context<AppEnv>) {
  const user = requireUser(c);
  const r = await getExperienceReport(c.get('db'), user, idParam(c));
  if (!r) throw notFound();
  if (!isAuthorMember(user, r.organisationId)) throw forbidden('not the author organisation');
  return { user, r, edit: { id: r.id, organisationName: r.organisationName } };
}

experiencePages.get('/experience/:id/edit', async (c) => {
  const { r, edit } = await ownReport(c);
  const num = (x: number | null) => (x === null ? '' : String(x));
  const values: Record<string, unknown> = {
    title: r.title,
    language: r.language,
    whatWeDid: r.whatWeDid,
    costEur: num(r.costEur),
    costNotes: r.costNotes,
    measureSource: r.measureSource,
    baselineYear: num(r.baselineYear),
    resultYear: num(r.resultYear),
    // Platform figures are read again from the footprint results on saving: only declared ones are typed in.
    measureLabel: r.measureLabel,
    beforeValue: r.measureSource === 'declared' ? num(r.before) : '',
    afterValue: r.measureSource === 'declared' ? num(r.after) : '',
    measureUnit: r.measureSource === 'declared' ? r.unit : '',
    themes: r.tags.themes,
    levels: r.tags.levels.map(String),
    levers: r.tags.levers,
    rgesn: r.tags.rgesn,
  };
  return formPage(c, values, null, 200, edit);
});

experiencePages.post('/experience/:id/edit', async (c) => {
  const { user, r, edit } = await ownReport(c);
  const { values, result } = await parseForm(c, ZReportEditInput);
  if (!result.ok) return formPage(c, values, result.errors, 422, edit);
  try {
    const { status, previousStatus } = await editExperienceReport(c.get('db'), user, r.id, result.data);
    return redirectWithFlash(
      c,
      `/experience/${r.id}`,
      status === 'pending' && previousStatus !== 'pending' ? 'knowledge.flash.editedPending' : 'knowledge.flash.edited',
    );
  } catch (err) {
    if (err instanceof PublicationInputError)
      return formPage(c, values, translateErrors(c, err.fieldErrors), 422, edit);
    throw err;
  }
});

experiencePages.get('/experience/:id/delete', async (c) => {
  const { r } = await ownReport(c);
  const t = c.get('t');
  return renderPage(c, t('knowledge.owner.deleteTitle', { title: r.title }), (v) => (
    <DeleteConfirm v={v} title={r.title} base={`/experience/${r.id}`} />
  ));
});

experiencePages.post('/experience/:id/delete', async (c) => {
  const { user, r } = await ownReport(c);
  await deleteExperienceReport(c.get('db'), user, r.id);
  return redirectWithFlash(c, '/experience', 'knowledge.flash.deleted');
});

experiencePages.get('/experience/:id', async (c) => {
  const db = c.get('db');
  const t = c.get('t');
  const user = c.get('user');
  const r = await getExperienceReport(db, user, idParam(c));
  if (!r) throw notFound();
  const [comments, levers] = await Promise.all([listComments(db, user, 'report', r.id), leverCatalogue()]);
  return renderPage(c, r.title, (v) => (
    <>
      <p>
        <a href="/experience">{t('knowledge.experience.back')}</a>
      </p>
      <h1 lang={r.language}>
        {r.title} <StatusBadge v={v} status={r.status} />
      </h1>
      {r.status === 'pending' ? <p class="notice">{t('knowledge.status.pendingNote')}</p> : null}
      {r.status === 'rejected' ? (
        <p class="notice">{t('knowledge.status.rejectedNote', { reason: r.rejectionReason ?? '' })}</p>
      ) : null}
      {r.isDemo ? <p class="demo-note">{t('demo.banner')}</p> : null}
      <dl class="facts">
        <dt>{t('knowledge.field.organisation')}</dt>
        <dd>
          <a href={`/directory/${r.organisationSlug}`}>{r.organisationName}</a>
        </dd>
        <dt>{t('knowledge.field.date')}</dt>
        <dd>{v.fmt.date(r.createdAt)}</dd>
      </dl>
      <h2>{t('knowledge.report.whatWeDid')}</h2>
      <p lang={r.language} class="comment-body">
        {r.whatWeDid}
      </p>
      <h2>{t('knowledge.report.cost')}</h2>
      <p>
        {r.costEur !== null ? `${v.fmt.number(r.costEur)} €` : t('knowledge.report.costUnknown')}
        {r.costNotes ? ` — ${r.costNotes}` : ''}
      </p>
      <h2>{t('knowledge.report.measure')}</h2>
      <MeasuredChange
        v={v}
        r={r}
        detailed
        footprintLink={!!user?.memberships.some((m) => m.organisationId === r.organisationId)}
      />
      <TagList v={v} tags={r.tags} levers={levers} />
      {isAuthorMember(user, r.organisationId) ? <OwnerActions v={v} base={`/experience/${r.id}`} /> : null}
      {isAdmin(user) && r.status === 'published' ? (
        <UnpublishForm v={v} action={`/admin/experience/${r.id}/unpublish`} />
      ) : null}
      {isAdmin(user) && r.status === 'rejected' ? (
        <RepublishForm v={v} action={`/admin/experience/${r.id}/republish`} />
      ) : null}
      <CommentsSection
        v={v}
        comments={comments}
        postAction={`/experience/${r.id}/comments`}
        canAnswer={isAuthorMember(user, r.organisationId)}
        isAdmin={isAdmin(user)}
        loginNext={`/experience/${r.id}`}
      />
    </>
  ));
});

experiencePages.post('/experience/:id/comments', async (c) => {
  const user = requireUser(c);
  const id = idParam(c);
  const { result } = await parseForm(c, ZCommentInput);
  if (!result.ok) return redirectWithFlash(c, `/experience/${id}#comments-title`, 'knowledge.flash.commentInvalid');
  await postComment(c.get('db'), user, 'report', id, result.data.body);
  return redirectWithFlash(c, `/experience/${id}#comments-title`, 'knowledge.flash.commented');
});
