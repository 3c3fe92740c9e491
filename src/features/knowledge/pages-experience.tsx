import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { isAdmin, requireUser } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import { parseForm, type TFieldErrors } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ErrorSummary, Field, Pagination, Select, TextArea } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { listComments, postComment } from './comments.js';
import { getExperienceReport, listExperienceReports, type TReportSummary } from './list-experience-reports.js';
import { canPublishFor } from './policy.js';
import { leverCatalogue, type TLeverRef } from './ports.js';
import { PublicationInputError } from './publish-resource.js';
import { publishExperienceReport } from './publish-experience-report.js';
import { ZCommentInput, ZReportInput } from './schemas.js';
import { ZSlug } from './constants.js';
import { CommentsSection, k, OrgSelect, options, StatusBadge, TagFields, TagList } from './views.js';

export const experiencePages = new Hono<AppEnv>();
const perPage = 20;

const idParam = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};

/** "before → after (change)" in the viewer's language, and where the figures come from. */
export function MeasuredChange(props: { v: TViewContext; r: TReportSummary }) {
  const { v, r } = props;
  if (r.measureSource === 'none' || r.before === null || r.after === null) return <p>{v.t('knowledge.report.noMeasure')}</p>;
  const change = r.change === null ? '' : ` (${r.change > 0 ? '+' : ''}${v.fmt.percent(r.change, 1)})`;
  return (
    <p>
      {r.measureSource === 'platform'
        ? v.t('knowledge.report.measuredPlatform', { from: r.baselineYear ?? '', to: r.resultYear ?? '' })
        : v.t('knowledge.report.measuredDeclared', { label: r.measureLabel })}{' '}
      <strong>
        {v.fmt.significant(r.before)} → {v.fmt.significant(r.after)} {r.unit}
        {change}
      </strong>
      {r.measureSource === 'platform' ? (
        <>
          {' '}
          <a href={`/organisations/${r.organisationId}/footprint`}>{v.t('knowledge.report.footprintLink')}</a>
        </>
      ) : null}
    </p>
  );
}

experiencePages.get('/experience', async (c) => {
  const t = c.get('t');
  const q = (c.req.query('q') ?? '').trim().slice(0, 200) || undefined;
  const leverParsed = ZSlug.safeParse(c.req.query('lever'));
  const lever = leverParsed.success ? leverParsed.data : undefined;
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const { total, items } = await listExperienceReports(c.get('db'), c.get('user'), { q, lever }, { offset: (page - 1) * perPage, limit: perPage });
  const user = c.get('user');
  return renderPage(c, t('knowledge.experience.title'), (v) => (
    <>
      <h1>{t('knowledge.experience.title')}</h1>
      <p class="lead">{t('knowledge.experience.lead')}</p>
      {user?.memberships.length ? <p><a class="button" href="/experience/new">{t('knowledge.experience.publish')}</a></p> : null}
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
                <a href={`/experience/${r.id}`} lang={r.language}>{r.title}</a> <StatusBadge v={v} status={r.status} />
                {r.isDemo ? <span class="badge demo">{t('demo.badge')}</span> : null}
              </h3>
              <p>{r.organisationName} · {v.fmt.date(r.createdAt)}</p>
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

function ReportForm(props: { v: TViewContext; values: Record<string, unknown>; errors: TFieldErrors | null; levers: TLeverRef[] | null }) {
  const { v, values, errors } = props;
  const s = (x: unknown) => (typeof x === 'string' ? x : '');
  const opt = v.t('form.optional');
  return (
    <form method="post" action="/experience" novalidate>
      <ErrorSummary v={v} errors={errors} />
      <OrgSelect v={v} values={values} errors={errors} />
      <p class="hint">{v.t('knowledge.form.reviewNote')}</p>
      <Field name="title" label={v.t('knowledge.field.title')} required value={s(values.title)} errors={errors} />
      <Select name="language" label={v.t('knowledge.field.language')} required value={s(values.language) || v.locale} options={options(v, 'language', ['fr', 'en'])} errors={errors} />
      <TextArea name="whatWeDid" label={v.t('knowledge.report.whatWeDid')} required rows={8} value={s(values.whatWeDid)} errors={errors} />
      <Field name="costEur" label={v.t('knowledge.report.costEur')} value={s(values.costEur)} errors={errors} optionalLabel={opt} />
      <TextArea name="costNotes" label={v.t('knowledge.report.costNotes')} rows={3} value={s(values.costNotes)} errors={errors} optionalLabel={opt} />
      <fieldset>
        <legend>{v.t('knowledge.report.measure')}</legend>
        <Select name="measureSource" label={v.t('knowledge.report.measureSource')} required value={s(values.measureSource) || 'platform'}
          options={options(v, 'report.source', ['platform', 'declared', 'none'])} errors={errors} />
        <p class="hint">{v.t('knowledge.report.platformHint')}</p>
        <Field name="baselineYear" type="number" label={v.t('knowledge.report.baselineYear')} value={s(values.baselineYear)} errors={errors} optionalLabel={opt} min={2000} max={2100} />
        <Field name="resultYear" type="number" label={v.t('knowledge.report.resultYear')} value={s(values.resultYear)} errors={errors} optionalLabel={opt} min={2000} max={2100} />
        <p class="hint">{v.t('knowledge.report.declaredHint')}</p>
        <Field name="measureLabel" label={v.t('knowledge.report.measureLabel')} value={s(values.measureLabel)} errors={errors} optionalLabel={opt} />
        <Field name="beforeValue" label={v.t('knowledge.report.before')} value={s(values.beforeValue)} errors={errors} optionalLabel={opt} />
        <Field name="afterValue" label={v.t('knowledge.report.after')} value={s(values.afterValue)} errors={errors} optionalLabel={opt} />
        <Field name="measureUnit" label={v.t('knowledge.report.unit')} value={s(values.measureUnit)} errors={errors} optionalLabel={opt} />
      </fieldset>
      <TagFields v={v} values={values} errors={errors} levers={props.levers} />
      <button type="submit">{v.t('knowledge.form.publish')}</button>
    </form>
  );
}

async function formPage(c: Context<AppEnv>, values: Record<string, unknown>, errors: TFieldErrors | null, status: 200 | 422 = 200) {
  const t = c.get('t');
  const levers = await leverCatalogue();
  return renderPage(c, t('knowledge.experience.publish'), (v) => (
    <>
      <h1>{t('knowledge.experience.publish')}</h1>
      <ReportForm v={v} values={values} errors={errors} levers={levers} />
    </>
  ), { status });
}

experiencePages.get('/experience/new', (c) => {
  const user = requireUser(c);
  if (!user.memberships.length) throw forbidden('no organisation');
  return formPage(c, {}, null);
});

experiencePages.post('/experience', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const { values, result } = await parseForm(c, ZReportInput);
  if (!result.ok) return formPage(c, values, result.errors, 422);
  if (!canPublishFor(user, result.data.organisationId)) return formPage(c, values, { organisationId: t('knowledge.form.notYourOrg') }, 422);
  try {
    const { id, status } = await publishExperienceReport(c.get('db'), user, result.data);
    return redirectWithFlash(c, `/experience/${id}`, status === 'published' ? 'knowledge.flash.published' : 'knowledge.flash.pending');
  } catch (err) {
    if (err instanceof PublicationInputError) return formPage(c, values, Object.fromEntries(Object.entries(err.fieldErrors).map(([f, key]) => [f, t(k(key))])), 422);
    throw err;
  }
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
      <p><a href="/experience">{t('knowledge.experience.back')}</a></p>
      <h1 lang={r.language}>{r.title} <StatusBadge v={v} status={r.status} /></h1>
      {r.status === 'pending' ? <p class="notice">{t('knowledge.status.pendingNote')}</p> : null}
      {r.status === 'rejected' ? <p class="notice">{t('knowledge.status.rejectedNote', { reason: r.rejectionReason ?? '' })}</p> : null}
      {r.isDemo ? <p class="demo-note">{t('demo.banner')}</p> : null}
      <dl class="facts">
        <dt>{t('knowledge.field.organisation')}</dt><dd><a href={`/directory/${r.organisationSlug}`}>{r.organisationName}</a></dd>
        <dt>{t('knowledge.field.date')}</dt><dd>{v.fmt.date(r.createdAt)}</dd>
      </dl>
      <h2>{t('knowledge.report.whatWeDid')}</h2>
      <p lang={r.language} class="comment-body">{r.whatWeDid}</p>
      <h2>{t('knowledge.report.cost')}</h2>
      <p>{r.costEur !== null ? `${v.fmt.number(r.costEur)} €` : t('knowledge.report.costUnknown')}{r.costNotes ? ` — ${r.costNotes}` : ''}</p>
      <h2>{t('knowledge.report.measure')}</h2>
      <MeasuredChange v={v} r={r} />
      <TagList v={v} tags={r.tags} levers={levers} />
      <CommentsSection v={v} comments={comments} postAction={`/experience/${r.id}/comments`} canAnswer={canPublishFor(user, r.organisationId)} isAdmin={isAdmin(user)} loginNext={`/experience/${r.id}`} />
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
