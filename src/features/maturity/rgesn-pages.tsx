import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { requireUser } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { parseForm, readForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ButtonForm, ErrorSummary, Field, Pagination, TextArea } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { rgesnStatuses, type TRgesnStatus } from '../../referentials/rgesn.js';
import type { TMessageKey } from '../../i18n/index.js';
import {
  answerFingerprint,
  answerHistory,
  createRgesnAssessment,
  getRgesnAssessment,
  listRgesnAssessments,
  loadAnswers,
  saveRgesnAnswers,
  scoreOf,
  updateDeclarationPlan,
  type TAnswerInput,
  type TAnswers,
} from './rgesn-assessments.js';
import {
  getDraftDeclaration,
  liveVersions,
  publicationState,
  publishDeclaration,
  withdrawDeclaration,
  type TPublicationState,
} from './rgesn-declarations.js';
import { renderDeclaration } from './declaration-pages.js';
import { loadCriteria, type TCriterionRow } from './rgesn-referential.js';
import { criterionText, familyName, formatScore, priorityKey, ScoreBox, statusKey } from './rgesn-views.js';
import { idParam, organisationOr404 } from './shared.js';

export const rgesnPages = new Hono<AppEnv>();

const base = (orgId: number) => `/organisations/${orgId}/rgesn`;
const fieldId = (number: string) => number.replace('.', '-');

const ZCreate = z.object({
  service_name: z.string().trim().min(1).max(200),
  service_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).optional(),
  description: z.string().trim().max(2000).optional(),
});

function CreateForm(props: {
  v: TViewContext;
  orgId: number;
  values?: Record<string, unknown>;
  errors?: TFieldErrors;
}) {
  const { v } = props;
  const t = v.t;
  const val = (n: string) => (typeof props.values?.[n] === 'string' ? (props.values[n] as string) : '');
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">{t('maturity.rgesn.create.title')}</h2>
      <ErrorSummary
        v={v}
        errors={props.errors}
        labels={{
          service_name: t('maturity.rgesn.create.name'),
          service_url: t('maturity.rgesn.create.url'),
          description: t('maturity.rgesn.create.description'),
        }}
      />
      <form method="post" action={base(props.orgId)}>
        <Field
          name="service_name"
          label={t('maturity.rgesn.create.name')}
          required
          value={val('service_name')}
          errors={props.errors}
        />
        <Field
          name="service_url"
          type="url"
          label={t('maturity.rgesn.create.url')}
          value={val('service_url')}
          errors={props.errors}
          optionalLabel={t('form.optional')}
          hint={t('maturity.rgesn.create.urlHint')}
        />
        <TextArea
          name="description"
          label={t('maturity.rgesn.create.description')}
          rows={3}
          value={val('description')}
          errors={props.errors}
          optionalLabel={t('form.optional')}
        />
        <button type="submit">{t('maturity.rgesn.create.submit')}</button>
      </form>
    </section>
  );
}

async function listPage(c: Context<AppEnv>, values?: Record<string, unknown>, errors?: TFieldErrors) {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const org = await organisationOr404(db, orgId);
  const list = await Promise.all(
    (await listRgesnAssessments(db, user, orgId)).map(async (a) => ({
      ...a,
      publication: await publicationState(db, await getRgesnAssessment(db, user, orgId, a.id)),
    })),
  );
  const t = c.get('t');
  return renderPage(
    c,
    t('maturity.rgesn.list.title', { org: org.name }),
    (v) => (
      <>
        <h1>{t('maturity.rgesn.list.title', { org: org.name })}</h1>
        <p>{t('maturity.rgesn.list.intro')}</p>
        {list.length ? (
          <table>
            <caption>{t('maturity.rgesn.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('maturity.rgesn.list.service')}</th>
                <th scope="col">{t('maturity.rgesn.score')}</th>
                <th scope="col">{t('maturity.rgesn.version')}</th>
                <th scope="col">{t('maturity.rgesn.declaration')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`${base(orgId)}/${a.id}`}>{a.service_name}</a>
                  </th>
                  <td class="num">{formatScore(v, a.score)}</td>
                  <td>{a.version}</td>
                  <td>
                    {a.publication.latest ? (
                      <a href={`/declarations/${a.publication.latest.id}`}>
                        {t('maturity.rgesn.published', { date: v.fmt.date(a.publication.latest.publishedAt) })}
                      </a>
                    ) : (
                      t('maturity.rgesn.notPublished')
                    )}
                    {a.publication.changed ? ` · ${t('maturity.rgesn.unpublishedChanges.short')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('maturity.rgesn.list.none')}</p>
        )}
        <CreateForm v={v} orgId={orgId} values={values} errors={errors} />
      </>
    ),
    { status: errors ? 422 : 200 },
  );
}

rgesnPages.get('/organisations/:id/rgesn', (c) => listPage(c));

rgesnPages.post('/organisations/:id/rgesn', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  await organisationOr404(c.get('db'), orgId);
  const { values, result } = await parseForm(c, ZCreate);
  if (!result.ok) return listPage(c, values, result.errors);
  const id = await createRgesnAssessment(c.get('db'), user, orgId, {
    serviceName: result.data.service_name,
    serviceUrl: result.data.service_url || null,
    description: result.data.description ?? '',
  });
  return redirectWithFlash(c, `${base(orgId)}/${id}`, 'maturity.flash.created' as TMessageKey);
});

const ZPlan = z.object({
  previous_score: z.union([z.literal(''), z.coerce.number().min(0).max(100)]),
  target_score: z.union([z.literal(''), z.coerce.number().min(0).max(100)]),
  target_date: z.union([z.literal(''), z.iso.date('form.invalidDate')]),
});

async function summaryPage(c: Context<AppEnv>, planValues?: Record<string, unknown>, planErrors?: TFieldErrors) {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const a = await getRgesnAssessment(db, user, orgId, idParam(c, 'aid'));
  const criteria = await loadCriteria(db, a.referential_id);
  const answers = await loadAnswers(db, a.id);
  const score = scoreOf(criteria, answers);
  const publication = await publicationState(db, a);
  const families = [...new Map(criteria.map((x) => [x.family, x])).values()];
  const t = c.get('t');
  const num = (n: number | null) => (n == null ? '' : String(Number(n)));
  const pv = (name: string, fallback: string) =>
    planValues && typeof planValues[name] === 'string' ? (planValues[name] as string) : fallback;
  return renderPage(
    c,
    a.service_name,
    (v) => (
      <>
        <p>
          <a href={base(orgId)}>{t('maturity.rgesn.back')}</a>
        </p>
        <h1>{a.service_name}</h1>
        <p>{t('maturity.rgesn.meta', { org: a.organisation_name, version: a.referential_version })}</p>
        {a.service_url ? (
          <p>
            <a href={a.service_url} rel="nofollow noopener">
              {a.service_url}
            </a>
          </p>
        ) : null}
        <ScoreBox v={v} score={score} />
        <h2>{t('maturity.rgesn.families')}</h2>
        <table>
          <caption class="visually-hidden">{t('maturity.rgesn.families')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('maturity.rgesn.family')}</th>
              <th scope="col">{t('maturity.rgesn.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {families.map((f) => {
              const inFamily = criteria.filter((x) => x.family === f.family);
              const answered = inFamily.filter(
                (x) => (answers.get(x.number)?.status ?? 'to_assess') !== 'to_assess',
              ).length;
              return (
                <tr>
                  <th scope="row">
                    <a href={`${base(orgId)}/${a.id}/family/${f.family}`}>{`${f.family}. ${familyName(v, f)}`}</a>
                  </th>
                  <td class="num">{t('maturity.rgesn.answeredOf', { n: answered, total: inFamily.length })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <a href={`${base(orgId)}/${a.id}/history`}>{t('maturity.rgesn.history.link')}</a>
        </p>
        <h2>{t('maturity.rgesn.declaration')}</h2>
        <ErrorSummary
          v={v}
          errors={planErrors}
          labels={{
            previous_score: t('maturity.rgesn.plan.previous'),
            target_score: t('maturity.rgesn.plan.target'),
            target_date: t('maturity.rgesn.plan.targetDate'),
          }}
        />
        <form method="post" action={`${base(orgId)}/${a.id}/plan`}>
          <Field
            name="previous_score"
            type="number"
            min={0}
            max={100}
            step="0.1"
            label={t('maturity.rgesn.plan.previous')}
            value={pv('previous_score', num(a.previous_score))}
            errors={planErrors}
            optionalLabel={t('form.optional')}
          />
          <Field
            name="target_score"
            type="number"
            min={0}
            max={100}
            step="0.1"
            label={t('maturity.rgesn.plan.target')}
            value={pv('target_score', num(a.target_score))}
            errors={planErrors}
            optionalLabel={t('form.optional')}
          />
          <Field
            name="target_date"
            type="date"
            label={t('maturity.rgesn.plan.targetDate')}
            value={pv('target_date', a.target_date ?? '')}
            errors={planErrors}
            optionalLabel={t('form.optional')}
          />
          <button type="submit">{t('form.save')}</button>
        </form>
        <PublicationBlock v={v} base={`${base(orgId)}/${a.id}`} publication={publication} />
      </>
    ),
    { status: planErrors ? 422 : 200 },
  );
}

/**
 * Where the declaration stands: not published, published and matching the live answers, or published with
 * unpublished changes; with the preview, the public link and the buttons to publish (a new version) or withdraw.
 */
function PublicationBlock(props: { v: TViewContext; base: string; publication: TPublicationState }) {
  const { v, publication: p } = props;
  const t = v.t;
  return (
    <section aria-labelledby="publication-title">
      <h3 id="publication-title">{t('maturity.rgesn.publication')}</h3>
      {p.latest ? (
        <p class={p.changed ? 'notice' : undefined} id="publication-state">
          {p.changed
            ? t('maturity.rgesn.unpublishedChanges', { date: v.fmt.date(p.latest.publishedAt) })
            : t('maturity.rgesn.upToDate', { date: v.fmt.date(p.latest.publishedAt) })}{' '}
          <a href={`/declarations/${p.latest.id}`}>{t('maturity.rgesn.declaration.view')}</a>
        </p>
      ) : (
        <p id="publication-state">{t('maturity.rgesn.notPublishedYet')}</p>
      )}
      <p>
        <a href={`${props.base}/declaration`}>{t('maturity.rgesn.preview')}</a>
      </p>
      {/* Publishing goes through a confirmation page: a public, dated version cannot be taken back, only withdrawn. */}
      {!p.latest || p.changed ? (
        <a class="button" href={`${props.base}/publish`}>
          {p.latest ? t('maturity.rgesn.publishNew') : t('maturity.rgesn.publish')}
        </a>
      ) : null}{' '}
      {p.latest ? (
        <ButtonForm
          action={`${props.base}/publish`}
          fields={{ published: '0' }}
          label={t('maturity.rgesn.unpublish')}
        />
      ) : null}
    </section>
  );
}

rgesnPages.get('/organisations/:id/rgesn/:aid', (c) => summaryPage(c));

/** The declaration the live answers would give, before publishing (members and administrators). */
rgesnPages.get('/organisations/:id/rgesn/:aid/declaration', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const d = await getDraftDeclaration(db, user, idParam(c, 'id'), idParam(c, 'aid'));
  return renderDeclaration(c, d, await liveVersions(db, d.assessmentId), false);
});

rgesnPages.post('/organisations/:id/rgesn/:aid/plan', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  const aid = idParam(c, 'aid');
  await getRgesnAssessment(c.get('db'), user, orgId, aid);
  const { values, result } = await parseForm(c, ZPlan);
  if (!result.ok) return summaryPage(c, values, result.errors);
  const d = result.data;
  await updateDeclarationPlan(c.get('db'), user, orgId, aid, {
    previousScore: d.previous_score === '' ? null : d.previous_score,
    targetScore: d.target_score === '' ? null : d.target_score,
    targetDate: d.target_date || null,
  });
  return redirectWithFlash(c, `${base(orgId)}/${aid}`, 'flash.saved');
});

/** Asks before publishing: what becomes public, where, and that a published version stays readable. */
rgesnPages.get('/organisations/:id/rgesn/:aid/publish', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  const aid = idParam(c, 'aid');
  const a = await getRgesnAssessment(c.get('db'), user, orgId, aid);
  const t = c.get('t');
  const b = `${base(orgId)}/${aid}`;
  return renderPage(c, t('maturity.rgesn.confirmPublish.title', { service: a.service_name }), (v) => (
    <>
      <h1>{v.t('maturity.rgesn.confirmPublish.title', { service: a.service_name })}</h1>
      <p>{v.t('maturity.rgesn.confirmPublish.what')}</p>
      <p>
        <a href={`${b}/declaration`}>{v.t('maturity.rgesn.preview')}</a>
      </p>
      <form method="post" action={`${b}/publish`}>
        <input type="hidden" name="published" value="1" />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{v.t('maturity.rgesn.confirmPublish.confirm')}</button>{' '}
        <a href={b}>{v.t('form.cancel')}</a>
      </form>
    </>
  ));
});

rgesnPages.post('/organisations/:id/rgesn/:aid/publish', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  const aid = idParam(c, 'aid');
  const form = await readForm(c);
  if (form.published === '1' && form.confirm !== '1') {
    // Not confirmed (an old form, a crafted request): authorise, then ask.
    await getRgesnAssessment(c.get('db'), user, orgId, aid);
    return c.redirect(`${base(orgId)}/${aid}/publish`, 303);
  }
  if (form.published === '1') {
    const { id, created } = await publishDeclaration(c.get('db'), user, orgId, aid);
    return redirectWithFlash(
      c,
      `/declarations/${id}`,
      (created ? 'maturity.flash.published' : 'maturity.flash.upToDate') as TMessageKey,
    );
  }
  await withdrawDeclaration(c.get('db'), user, orgId, aid);
  return redirectWithFlash(c, `${base(orgId)}/${aid}`, 'maturity.flash.unpublished' as TMessageKey);
});

/** A field's error line, only when there is one (the family page repeats four fields per criterion, so it stays lean). */
function CompactError(props: { v: TViewContext; errors?: TFieldErrors; name: string }) {
  const e = props.errors?.[props.name];
  return e ? (
    <p class="error" id={`f-${props.name}-error`}>
      {e}
    </p>
  ) : null;
}

function FamilyForm(props: {
  v: TViewContext;
  orgId: number;
  assessmentId: number;
  family: number;
  criteria: TCriterionRow[];
  answers: TAnswers;
  score: ReturnType<typeof scoreOf>;
  families: TCriterionRow[];
  overrides?: Record<string, TAnswerInput>;
  errors?: TFieldErrors;
}) {
  const { v } = props;
  const t = v.t;
  const statusOptions = (c: TCriterionRow): [string, string][] =>
    rgesnStatuses.filter((s) => !(s === 'not_applicable' && c.applicableToAll)).map((s) => [s, t(statusKey(s))]);
  const prev = props.families.find((f) => f.family === props.family - 1);
  const next = props.families.find((f) => f.family === props.family + 1);
  const first = props.criteria[0]!;
  // The summary names the criterion and the field ("Critère 1.2 – Justification"); the messages say only the fix,
  // as beside the field they sit under the criterion's legend.
  const fieldKeys = {
    status: 'maturity.rgesn.field.status',
    justification: 'maturity.rgesn.field.justification',
    owner: 'maturity.rgesn.field.owner',
    due: 'maturity.rgesn.field.due',
  } as const;
  const labels = Object.fromEntries(
    props.criteria.flatMap((c) =>
      Object.entries(fieldKeys).map(([name, key]) => [
        `${name}-${fieldId(c.number)}`,
        t('maturity.rgesn.field.ofCriterion', { field: t(key), n: c.number }),
      ]),
    ),
  );
  return (
    <>
      <p>
        <a href={`${base(props.orgId)}/${props.assessmentId}`}>{t('maturity.rgesn.backToAssessment')}</a>
      </p>
      <h1>{`${props.family}. ${familyName(v, first)}`}</h1>
      <ScoreBox v={v} score={props.score} />
      <ErrorSummary v={v} errors={props.errors} labels={labels} />
      <form method="post" action={`${base(props.orgId)}/${props.assessmentId}/family/${props.family}`}>
        {props.criteria.map((c) => {
          const id = fieldId(c.number);
          const shown = props.answers.get(c.number);
          const o = props.overrides?.[c.number];
          const current =
            o ??
            (shown
              ? {
                  status: shown.status,
                  justification: shown.justification,
                  actionOwner: shown.actionOwner,
                  actionDue: shown.actionDue,
                }
              : undefined);
          return (
            <fieldset class="field criterion">
              <legend>{`${c.number} ${criterionText(v, c)}`}</legend>
              <p class="hint">
                {t(priorityKey(c.priority))}
                {c.applicableToAll ? ` · ${t('maturity.rgesn.applicableToAll')}` : ''}
                {' · '}
                <a href={c.url} hreflang="fr">
                  {t('maturity.rgesn.officialText', { n: c.number })}
                </a>
                {shown?.author
                  ? ` · ${t('maturity.rgesn.lastChange', { author: shown.author, date: v.fmt.date(shown.updatedAt) })}`
                  : ''}
              </p>
              <input type="hidden" name={`seen-${id}`} value={o?.seen ?? answerFingerprint(shown)} />
              <CompactError v={v} errors={props.errors} name={`status-${id}`} />
              <label for={`f-status-${id}`}>{t('maturity.rgesn.field.status')}</label>
              <select
                id={`f-status-${id}`}
                name={`status-${id}`}
                aria-invalid={props.errors?.[`status-${id}`] ? 'true' : undefined}
                aria-describedby={props.errors?.[`status-${id}`] ? `f-status-${id}-error` : undefined}
              >
                {statusOptions(c).map(([value, label]) => (
                  <option value={value} selected={(current?.status ?? 'to_assess') === value}>
                    {label}
                  </option>
                ))}
              </select>
              <CompactError v={v} errors={props.errors} name={`justification-${id}`} />
              <label for={`f-justification-${id}`}>{t('maturity.rgesn.field.justification')}</label>
              <textarea id={`f-justification-${id}`} name={`justification-${id}`} rows={2}>
                {current?.justification ?? ''}
              </textarea>
              <CompactError v={v} errors={props.errors} name={`owner-${id}`} />
              <label for={`f-owner-${id}`}>{t('maturity.rgesn.field.owner')}</label>
              <input id={`f-owner-${id}`} name={`owner-${id}`} value={current?.actionOwner ?? ''} />
              <CompactError v={v} errors={props.errors} name={`due-${id}`} />
              <label for={`f-due-${id}`}>{t('maturity.rgesn.field.due')}</label>
              <input id={`f-due-${id}`} name={`due-${id}`} type="date" value={current?.actionDue ?? ''} />
            </fieldset>
          );
        })}
        <button type="submit">{t('form.save')}</button>
      </form>
      <nav aria-label={t('maturity.rgesn.familyNav')}>
        {prev ? (
          <a href={`${base(props.orgId)}/${props.assessmentId}/family/${prev.family}`}>
            {t('maturity.rgesn.prevFamily', { name: familyName(v, prev) })}
          </a>
        ) : null}{' '}
        {next ? (
          <a href={`${base(props.orgId)}/${props.assessmentId}/family/${next.family}`}>
            {t('maturity.rgesn.nextFamily', { name: familyName(v, next) })}
          </a>
        ) : null}
      </nav>
      <p class="hint">{t('maturity.rgesn.attribution')}</p>
    </>
  );
}

async function familyPage(c: Context<AppEnv>, overrides?: Record<string, TAnswerInput>, errors?: TFieldErrors) {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const a = await getRgesnAssessment(db, user, orgId, idParam(c, 'aid'));
  const family = idParam(c, 'family');
  const all = await loadCriteria(db, a.referential_id);
  const criteria = all.filter((x) => x.family === family);
  if (!criteria.length) throw notFound();
  const answers = await loadAnswers(db, a.id);
  const families = [...new Map(all.map((x) => [x.family, x])).values()];
  return renderPage(
    c,
    `${a.service_name} · ${family}`,
    (v) => (
      <FamilyForm
        v={v}
        orgId={orgId}
        assessmentId={a.id}
        family={family}
        criteria={criteria}
        answers={answers}
        score={scoreOf(all, answers)}
        families={families}
        overrides={overrides}
        errors={errors}
      />
    ),
    { status: errors ? 422 : 200 },
  );
}

rgesnPages.get('/organisations/:id/rgesn/:aid/family/:family', (c) => familyPage(c));

const ZStatus = z.enum(rgesnStatuses as [TRgesnStatus, ...TRgesnStatus[]]);
const ZDate = z.union([z.literal(''), z.iso.date()]);

rgesnPages.post('/organisations/:id/rgesn/:aid/family/:family', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const aid = idParam(c, 'aid');
  const a = await getRgesnAssessment(db, user, orgId, aid);
  const family = idParam(c, 'family');
  const criteria = (await loadCriteria(db, a.referential_id)).filter((x) => x.family === family);
  if (!criteria.length) throw notFound();
  const form = await readForm(c);
  const t = c.get('t');
  const str = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const errors: TFieldErrors = {};
  const inputs: TAnswerInput[] = [];
  for (const cr of criteria) {
    const id = fieldId(cr.number);
    // Only criteria the form carried are considered: a partial form never resets the others.
    if (form[`status-${id}`] === undefined && form[`seen-${id}`] === undefined) continue;
    const status = ZStatus.safeParse(str(`status-${id}`) || 'to_assess');
    const justification = str(`justification-${id}`).trim();
    const owner = str(`owner-${id}`).trim();
    const due = ZDate.safeParse(str(`due-${id}`).trim());
    if (!status.success) errors[`status-${id}`] = t('maturity.rgesn.error.status');
    else if (status.data === 'not_applicable' && cr.applicableToAll)
      errors[`status-${id}`] = t('maturity.rgesn.error.forbiddenNa');
    if (justification.length > 2000) errors[`justification-${id}`] = t('maturity.rgesn.error.tooLong', { max: 2000 });
    if (owner.length > 200) errors[`owner-${id}`] = t('maturity.rgesn.error.tooLong', { max: 200 });
    if (!due.success) errors[`due-${id}`] = t('maturity.rgesn.error.date');
    inputs.push({
      number: cr.number,
      status: status.success ? status.data : 'to_assess',
      justification,
      actionOwner: owner || null,
      actionDue: due.success && due.data ? due.data : null,
      seen: str(`seen-${id}`),
    });
  }
  const overrides = Object.fromEntries(inputs.map((i) => [i.number, i]));
  if (Object.keys(errors).length) return familyPage(c, overrides, errors);
  const saved = await saveRgesnAnswers(db, user, orgId, aid, inputs);
  if (!saved.ok) {
    for (const n of saved.forbiddenNotApplicable)
      errors[`status-${fieldId(n)}`] = t('maturity.rgesn.error.forbiddenNa');
    return familyPage(c, overrides, errors);
  }
  return redirectWithFlash(c, `${base(orgId)}/${aid}/family/${family}`, 'flash.saved');
});

rgesnPages.get('/organisations/:id/rgesn/:aid/history', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const aid = idParam(c, 'aid');
  const a = await getRgesnAssessment(db, user, orgId, aid);
  const page = pageParam(c);
  const h = await answerHistory(db, user, orgId, aid, page);
  const t = c.get('t');
  return renderPage(c, t('maturity.rgesn.history.title', { service: a.service_name }), (v) => (
    <>
      <p>
        <a href={`${base(orgId)}/${aid}`}>{t('maturity.rgesn.backToAssessment')}</a>
      </p>
      <h1>{t('maturity.rgesn.history.title', { service: a.service_name })}</h1>
      {h.rows.length ? (
        <table>
          <caption class="visually-hidden">{t('maturity.rgesn.history.title', { service: a.service_name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('maturity.rgesn.history.when')}</th>
              <th scope="col">{t('maturity.rgesn.history.who')}</th>
              <th scope="col">{t('maturity.rgesn.history.criterion')}</th>
              <th scope="col">{t('maturity.rgesn.field.status')}</th>
              <th scope="col">{t('maturity.rgesn.field.justification')}</th>
            </tr>
          </thead>
          <tbody>
            {h.rows.map((r) => (
              <tr>
                <td>{`${v.fmt.date(r.at)} ${r.at.slice(11, 16)} UTC`}</td>
                <td>{r.author ?? '—'}</td>
                <th scope="row">{r.criterion_number}</th>
                <td>{t(statusKey(r.status as TRgesnStatus))}</td>
                <td>{r.justification}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('table.empty')}</p>
      )}
      <Pagination v={v} page={page} pages={h.pages} />
    </>
  ));
});
