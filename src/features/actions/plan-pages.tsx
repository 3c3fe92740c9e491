import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { canActForOrganisation, ensure, requireUser } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { parseForm, type TFieldErrors, pageParam } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import type { TMessageKey } from '../../i18n/index.js';
import { ErrorSummary, Field, Select, TextArea, ButtonForm, Pagination } from '../../views/components.js';
import type { TViewContext } from '../../views/context.js';
import { listLevers } from './catalogue.js';
import { k } from './levers-pages.js';
import { unvalidatedCriteria } from './neighbours.js';
import { organisationName, orgIdParam } from './org.js';
import {
  createActionFromLever,
  createPlanAction,
  deletePlanAction,
  getPlanAction,
  listMembers,
  listPlanActions,
  updatePlanAction,
  type TPlanAction,
} from './plan-actions.js';
import { planSummary, suggestLevers, type TPlanSummary, type TSuggestion } from './plan-summary.js';
import { actionStatuses, ZActionInput, ZFromLever } from './schemas.js';

const PER_PAGE = 30;
const statusKey = (s: string) => `actions.status.${s}` as TMessageKey;
const originKey = (s: string) => `actions.origin.${s}` as TMessageKey;
const kg = (v: TViewContext, x: number) => `${v.fmt.significant(x)} kgCO2e`;

/** GET /organisations/:id/plan — the plan with progress, expected reduction against the target, and suggestions. */
export async function planPage(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  ensure(canActForOrganisation(user, orgId));
  const db = c.get('db');
  const org = await organisationName(db, orgId);
  const actions = await listPlanActions(db, user, orgId);
  const [summary, suggestions, criteria] = [
    await planSummary(db, user, orgId, actions),
    await suggestLevers(db, user, orgId, actions),
    await unvalidatedCriteria(db, orgId),
  ];
  const pages = Math.max(1, Math.ceil(actions.length / PER_PAGE));
  const page = Math.min(pages, pageParam(c));
  const shown = actions.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const t = c.get('t');
  return renderPage(c, t('actions.plan.title', { org }), (v) => (
    <>
      <h1>{t('actions.plan.title', { org })}</h1>
      <p>{t('actions.plan.intro')}</p>
      <p>
        <a href={`/organisations/${orgId}/plan/new`}>{t('actions.plan.new')}</a> ·{' '}
        <a href={`/organisations/${orgId}/simulate`}>{t('actions.plan.simulate')}</a>
      </p>
      <Summary v={v} s={summary} />
      <h2>{t('actions.plan.actions')}</h2>
      {actions.length === 0 ? (
        <p>{t('actions.plan.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('actions.plan.col.action')}</th>
              <th scope="col">{t('actions.plan.col.owner')}</th>
              <th scope="col">{t('actions.plan.col.due')}</th>
              <th scope="col">{t('actions.plan.col.status')}</th>
              <th scope="col">{t('actions.plan.col.kpi')}</th>
              <th scope="col">{t('actions.plan.col.expected')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <ActionRow v={v} orgId={orgId} a={a} />
            ))}
          </tbody>
        </table>
      )}
      <Pagination v={v} page={page} pages={pages} />
      <Suggestions v={v} list={suggestions} />
      {criteria.length ? (
        <>
          <h2>{t('actions.plan.rgesnTodo')}</h2>
          <ul>
            {criteria.slice(0, 10).map((cr) => (
              <li>
                {cr.number} {cr.label} —{' '}
                <a href={`/organisations/${orgId}/plan/new?origin=rgesn&criterion=${encodeURIComponent(cr.number)}`}>
                  {t('actions.plan.fromCriterion')}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  ));
}

function Summary(p: { v: TViewContext; s: TPlanSummary }) {
  const { v, s } = p;
  const t = v.t;
  const reduction = s.expected ? -s.expected.gwp.delta.value : null;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t('actions.plan.progress')}</h2>
      <p>
        <progress max={Math.max(1, s.progress.total)} value={s.progress.done} aria-labelledby="progress-text" />{' '}
        <span id="progress-text">
          {t('actions.plan.progressText', { done: s.progress.done, total: s.progress.total })}
        </span>
      </p>
      <h2>{t('actions.plan.expected')}</h2>
      {s.expected ? (
        <p id="plan-expected">
          {t('actions.plan.expectedText', {
            year: s.expected.year,
            value: kg(v, reduction!),
            pct: v.fmt.percent(-s.expected.gwp.relative, 1),
          })}
        </p>
      ) : s.storedSum !== null ? (
        <p id="plan-expected">{t('actions.plan.expectedStored', { value: kg(v, s.storedSum) })}</p>
      ) : (
        <p>{t('actions.plan.expectedNone')}</p>
      )}
      <h2>{t('actions.plan.target')}</h2>
      {s.target ? (
        <>
          <p>
            {t('actions.plan.targetText', {
              pct: v.fmt.number(s.target.pct, 1),
              baseYear: s.target.baseYear,
              targetValue: kg(v, s.target.targetValue),
              targetYear: s.target.targetYear,
              year: s.target.latestYear,
              latest: kg(v, s.target.latest),
              needed: kg(v, s.target.needed),
            })}
          </p>
          {s.target.needed <= 0 ? (
            <p>{t('actions.plan.targetReached')}</p>
          ) : reduction !== null ? (
            <p>{t('actions.plan.targetCoverage', { pct: v.fmt.percent(reduction / s.target.needed) })}</p>
          ) : null}
        </>
      ) : (
        <p>{t('actions.plan.noTarget')}</p>
      )}
    </section>
  );
}

function ActionRow(p: { v: TViewContext; orgId: number; a: TPlanAction & { owner_name: string | null } }) {
  const { v, a } = p;
  const t = v.t;
  const kpi =
    a.kpi_target !== null
      ? t('actions.plan.kpiText', {
          current: a.kpi_current ?? '—',
          target: a.kpi_target,
          unit: a.kpi_unit ?? '',
          baseline: a.kpi_baseline ?? '—',
        })
      : '—';
  return (
    <tr>
      <th scope="row">
        <a href={`/organisations/${p.orgId}/plan/${a.id}/edit`}>{a.title}</a>
        <br />
        <small>
          {t(originKey(a.origin))}
          {a.rgesn_criterion ? ` ${a.rgesn_criterion}` : ''}
        </small>
      </th>
      <td>{a.owner_name ?? t('actions.plan.noOwner')}</td>
      <td>{a.due_date ? v.fmt.date(`${a.due_date}T12:00:00Z`) : '—'}</td>
      <td>{t(statusKey(a.status))}</td>
      <td>{kpi}</td>
      <td>{a.expected_gwp_kg !== null ? kg(v, a.expected_gwp_kg) : '—'}</td>
    </tr>
  );
}

function Suggestions(p: { v: TViewContext; list: TSuggestion[] }) {
  const t = p.v.t;
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('actions.plan.suggestions')}</h2>
      {p.list.length ? (
        <>
          <p class="hint">{t('actions.plan.suggestionsIntro')}</p>
          <ol>
            {p.list.map((s) => (
              <li>
                <a href={`/levers/${s.lever.slug}`}>{t(k.lever(s.lever.slug, 'title'))}</a>
                {s.reasons.length ? ' — ' : ''}
                {s.reasons
                  .map((r) =>
                    r.kind === 'tier'
                      ? t('actions.plan.suggestionTier', { tier: t(k.tier(r.tier)), pct: p.v.fmt.percent(r.share) })
                      : t('actions.plan.suggestionDimension', {
                          dimension: t(k.dimension(r.dimension)),
                          score: p.v.fmt.number(r.score, 1),
                        }),
                  )
                  .join(' ; ')}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('actions.plan.suggestionsNone')}</p>
      )}
    </section>
  );
}

/** The action form (new and edit). */
async function formPage(
  c: Context<AppEnv>,
  orgId: number,
  action: TPlanAction | null,
  values: Record<string, unknown>,
  errors: TFieldErrors | null,
  status: 200 | 422 = 200,
): Promise<Response> {
  const db = c.get('db');
  const org = await organisationName(db, orgId);
  const members = await listMembers(db, orgId);
  const t = c.get('t');
  const title = action ? t('actions.form.editTitle', { org }) : t('actions.form.newTitle', { org });
  const val = (n: string) => (values[n] === undefined || values[n] === null ? '' : String(values[n]));
  return renderPage(
    c,
    title,
    (v) => (
      <>
        <h1>{title}</h1>
        <ErrorSummary
          v={v}
          errors={errors}
          labels={{
            title: t('actions.form.title'),
            description: t('actions.form.description'),
            origin: t('actions.form.origin'),
            lever_slug: t('actions.form.lever'),
            rgesn_criterion: t('actions.form.rgesn'),
            owner_user_id: t('actions.form.owner'),
            due_date: t('actions.form.due'),
            status: t('actions.form.status'),
            kpi_baseline: t('actions.form.kpiBaseline'),
            kpi_target: t('actions.form.kpiTarget'),
            kpi_current: t('actions.form.kpiCurrent'),
            kpi_unit: t('actions.form.kpiUnit'),
            evidence: t('actions.form.evidence'),
          }}
        />
        <form
          method="post"
          action={action ? `/organisations/${orgId}/plan/${action.id}` : `/organisations/${orgId}/plan`}
          novalidate
        >
          <Field name="title" label={t('actions.form.title')} value={val('title')} errors={errors} required />
          <TextArea
            name="description"
            label={t('actions.form.description')}
            value={val('description')}
            errors={errors}
            optionalLabel={t('form.optional')}
            rows={3}
          />
          <Select
            name="origin"
            label={t('actions.form.origin')}
            value={val('origin') || 'free'}
            errors={errors}
            options={(['lever', 'rgesn', 'free'] as const).map((o) => [o, t(originKey(o))])}
          />
          <Select
            name="lever_slug"
            label={t('actions.form.lever')}
            value={val('lever_slug')}
            errors={errors}
            emptyLabel="—"
            optionalLabel={t('form.optional')}
            options={listLevers().map((l) => [l.slug, t(k.lever(l.slug, 'title'))])}
          />
          <Field
            name="rgesn_criterion"
            label={t('actions.form.rgesn')}
            hint={t('actions.form.rgesnHint')}
            value={val('rgesn_criterion')}
            errors={errors}
            optionalLabel={t('form.optional')}
          />
          <Select
            name="owner_user_id"
            label={t('actions.form.owner')}
            value={val('owner_user_id')}
            errors={errors}
            emptyLabel={t('actions.plan.noOwner')}
            options={members.map((m) => [String(m.id), m.name])}
          />
          <Field
            name="due_date"
            type="date"
            label={t('actions.form.due')}
            hint={t('actions.form.dueHint')}
            value={val('due_date')}
            errors={errors}
            optionalLabel={t('form.optional')}
          />
          <Select
            name="status"
            label={t('actions.form.status')}
            value={val('status') || 'todo'}
            errors={errors}
            options={actionStatuses.map((s) => [s, t(statusKey(s))])}
          />
          <fieldset>
            <legend>{t('actions.form.kpi')}</legend>
            <Field
              name="kpi_baseline"
              label={t('actions.form.kpiBaseline')}
              value={val('kpi_baseline')}
              errors={errors}
              optionalLabel={t('form.optional')}
            />
            <Field
              name="kpi_target"
              label={t('actions.form.kpiTarget')}
              value={val('kpi_target')}
              errors={errors}
              optionalLabel={t('form.optional')}
            />
            <Field
              name="kpi_current"
              label={t('actions.form.kpiCurrent')}
              value={val('kpi_current')}
              errors={errors}
              optionalLabel={t('form.optional')}
            />
            <Field
              name="kpi_unit"
              label={t('actions.form.kpiUnit')}
              hint={t('actions.form.kpiUnitHint')}
              value={val('kpi_unit')}
              errors={errors}
              optionalLabel={t('form.optional')}
            />
          </fieldset>
          <TextArea
            name="evidence"
            label={t('actions.form.evidence')}
            hint={t('actions.form.evidenceHint')}
            value={val('evidence')}
            errors={errors}
            optionalLabel={t('form.optional')}
            rows={2}
          />
          {action?.expected_gwp_kg != null ? (
            <p>
              {t('actions.form.expected', { value: kg(v, action.expected_gwp_kg), year: action.simulation_year ?? '' })}
            </p>
          ) : null}
          <button type="submit">{t('form.save')}</button>{' '}
          <a href={`/organisations/${orgId}/plan`}>{t('form.cancel')}</a>
        </form>
        {action ? (
          <ButtonForm
            action={`/organisations/${orgId}/plan/${action.id}/delete`}
            label={t('actions.form.delete')}
            className="danger"
          />
        ) : null}
      </>
    ),
    { status },
  );
}

/** GET /organisations/:id/plan/new[?lever=|?origin=rgesn&criterion=] */
export async function newActionPage(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  ensure(canActForOrganisation(user, orgId));
  const lever = c.req.query('lever');
  const criterion = c.req.query('criterion');
  const values = lever
    ? { origin: 'lever', lever_slug: lever, title: c.get('t')(k.lever(lever, 'title')) }
    : criterion
      ? { origin: 'rgesn', rgesn_criterion: criterion }
      : { origin: 'free' };
  return formPage(c, orgId, null, values, null);
}

/** GET /organisations/:id/plan/:actionId/edit */
export async function editActionPage(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  const action = await getPlanAction(c.get('db'), user, orgId, orgIdParam(c, 'actionId'));
  return formPage(c, orgId, action, action as unknown as Record<string, unknown>, null);
}

async function saveAction(c: Context<AppEnv>, actionId: number | null): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  ensure(canActForOrganisation(user, orgId));
  const db = c.get('db');
  const current = actionId === null ? null : await getPlanAction(db, user, orgId, actionId);
  const { values, result } = await parseForm(c, ZActionInput);
  let errors: TFieldErrors | null = result.ok ? null : result.errors;
  if (
    result.ok &&
    result.data.owner_user_id !== undefined &&
    !(await listMembers(db, orgId)).some((m) => m.id === result.data.owner_user_id)
  ) {
    errors = { owner_user_id: c.get('t')('actions.error.owner') };
  }
  if (!result.ok || errors) return formPage(c, orgId, current, values, errors, 422);
  if (actionId === null) await createPlanAction(db, user, orgId, result.data);
  else await updatePlanAction(db, user, orgId, actionId, result.data);
  return redirectWithFlash(
    c,
    `/organisations/${orgId}/plan`,
    actionId === null ? 'actions.flash.created' : 'flash.saved',
  );
}

/** POST /organisations/:id/plan */
export const createActionRoute = (c: Context<AppEnv>) => saveAction(c, null);
/** POST /organisations/:id/plan/:actionId */
export const updateActionRoute = (c: Context<AppEnv>) => saveAction(c, orgIdParam(c, 'actionId'));

/** POST /organisations/:id/plan/:actionId/delete */
export async function deleteActionRoute(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  await deletePlanAction(c.get('db'), user, orgId, orgIdParam(c, 'actionId'));
  return redirectWithFlash(c, `/organisations/${orgId}/plan`, 'actions.flash.deleted');
}

/** POST /organisations/:id/plan/from-lever — the simulation's "add to plan" button. */
export async function fromLeverRoute(c: Context<AppEnv>): Promise<Response> {
  const user = requireUser(c);
  const orgId = orgIdParam(c);
  ensure(canActForOrganisation(user, orgId));
  const { result } = await parseForm(c, ZFromLever);
  if (!result.ok) throw new AppError(400, 'bad_request', 'invalid form');
  const t = c.get('t');
  try {
    const lever = listLevers().find((l) => l.quantified === result.data.lever);
    await createActionFromLever(c.get('db'), user, orgId, {
      ...result.data,
      title: lever ? t(k.lever(lever.slug, 'title')) : result.data.lever,
    });
  } catch (e) {
    if (e instanceof AppError && e.status === 422)
      return redirectWithFlash(
        c,
        `/organisations/${orgId}/simulate?year=${result.data.year}`,
        e.message as TMessageKey,
      );
    throw e;
  }
  return redirectWithFlash(c, `/organisations/${orgId}/plan`, 'actions.flash.created');
}
