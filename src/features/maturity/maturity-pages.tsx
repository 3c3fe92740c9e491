import { Hono, type Context } from 'hono';
import type { TRecommendedWorkshop } from '../../http/feature.js';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.js';
import { requireUser } from '../../http/actor.js';
import { readForm, type TFieldErrors } from '../../http/forms.js';
import { notFound } from '../../http/errors.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { ErrorSummary } from '../../views/components.js';
import { LineChart } from '../../views/charts/line-chart.js';
import { RadarChart } from '../../views/charts/radar-chart.js';
import type { TViewContext } from '../../views/context.js';
import {
  dimensionOf,
  gridKeys,
  isDimensionId,
  maturityGrid,
  maturityLevelIds,
  scoreMaturity,
  type TDimensionId,
  type TMaturityLevel,
  type TMaturityResult,
} from '../../referentials/maturity-grid.js';
import type { TMessageKey } from '../../i18n/index.js';
import {
  getMaturityAssessment,
  listMaturityAssessments,
  nextDimension,
  saveDimensionAnswers,
  startMaturityAssessment,
} from './maturity-assessments.js';
import { idParam, organisationOr404 } from './shared.js';

export const maturityPages = new Hono<AppEnv>();

const k = (s: string) => s as TMessageKey;

function base(orgId: number) {
  return `/organisations/${orgId}/maturity`;
}

/** The result of one assessment: radar + table, strengths, gaps with next steps, and what fits the level. */
/** Workshops of a level, contributed by the workshops feature (none when no feature contributes them). */
async function recommendedWorkshops(c: Context<AppEnv>, level: number): Promise<TRecommendedWorkshop[]> {
  return (await c.get('contributions').workshopsForLevel?.(c.get('db'), level, new Date())) ?? [];
}

function ResultSection(props: {
  v: TViewContext;
  result: TMaturityResult;
  date: string;
  workshops: TRecommendedWorkshop[];
}) {
  const { v, result, workshops } = props;
  const t = v.t;
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">{t('maturity.result.title', { date: v.fmt.date(props.date) })}</h2>
      <p class="lead">
        {t('maturity.result.overall', {
          level: t(gridKeys.level(result.level)),
          n: result.level,
          score: v.fmt.number(result.score, 1),
        })}
      </p>
      <RadarChart
        v={v}
        id="maturity-radar"
        title={t('maturity.result.chart')}
        max={5}
        valueLabel={t('maturity.result.level')}
        axes={result.dimensions.map((d) => ({ label: t(gridKeys.dimension(d.id)), value: d.score }))}
        format={(n) => v.fmt.number(n, 1)}
      />
      <table>
        <caption>{t('maturity.result.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maturity.result.dimension')}</th>
            <th scope="col">{t('maturity.result.score')}</th>
            <th scope="col">{t('maturity.result.level')}</th>
          </tr>
        </thead>
        <tbody>
          {result.dimensions.map((d) => (
            <tr>
              <th scope="row">{t(gridKeys.dimension(d.id))}</th>
              <td class="num">{v.fmt.number(d.score, 2)}</td>
              <td>{`${d.level} · ${t(gridKeys.level(d.level))}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('maturity.result.strengths')}</h3>
      {result.strengths.length ? (
        <ul>
          {result.strengths.map((d) => (
            <li>{t(gridKeys.dimension(d))}</li>
          ))}
        </ul>
      ) : (
        <p>{t('maturity.result.noStrengths')}</p>
      )}
      <h3>{t('maturity.result.gaps')}</h3>
      {result.gaps.length ? (
        <ul>
          {result.gaps.map((d) => (
            <li>
              {t(gridKeys.dimension(d))}
              <ul>
                {result.nextSteps
                  .filter((s) => s.dimension === d)
                  .map((s) => (
                    <li>
                      {t('maturity.result.nextStep', {
                        question: t(k(gridKeys.question(s.question))),
                        practice: t(k(gridKeys.answer(s.question, s.targetLevel))),
                      })}
                    </li>
                  ))}
              </ul>
              <a href={`/levers?dimension=${d}`}>{t('maturity.result.levers')}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('maturity.result.noGaps')}</p>
      )}
      <h3>{t('maturity.result.recommendations')}</h3>
      <ul>
        {workshops.map((w) => (
          <li>
            <a href={w.path}>{w.title}</a> — {v.fmt.date(w.startsAt)}
          </li>
        ))}
        <li>
          <a href={`/workshops?level=${result.level}`}>
            {t('maturity.result.workshops', { level: t(gridKeys.level(result.level)) })}
          </a>
        </li>
        <li>
          <a href={`/trainings?level=${result.level}`}>
            {t('maturity.result.trainings', { level: t(gridKeys.level(result.level)) })}
          </a>
        </li>
      </ul>
    </section>
  );
}

function RuleNote(props: { v: TViewContext }) {
  return (
    <details>
      <summary>{props.v.t('maturity.rule.title')}</summary>
      <p>{props.v.t('maturity.rule.text')}</p>
    </details>
  );
}

/** The maturity space: latest result, history with progress over time, start a new assessment. */
maturityPages.get('/organisations/:id/maturity', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const org = await organisationOr404(db, orgId);
  const all = await listMaturityAssessments(db, user, orgId);
  const completed = all.filter((a) => a.status === 'completed');
  const draft = [...all].reverse().find((a) => a.status === 'draft');
  const latest = completed[completed.length - 1];
  let result: TMaturityResult | null = null;
  if (latest) result = scoreMaturity((await getMaturityAssessment(db, user, orgId, latest.id)).answers);
  const t = c.get('t');
  const workshops = result ? await recommendedWorkshops(c, result.level) : [];
  const draftNext = draft
    ? (nextDimension((await getMaturityAssessment(db, user, orgId, draft.id)).answers) ?? maturityGrid[0]!.id)
    : null;
  const byYear = new Map<number, number>();
  for (const a of completed) byYear.set(new Date(a.completedAt!).getUTCFullYear(), a.overallScore ?? 0);
  return renderPage(c, t('maturity.space.title', { org: org.name }), (v) => (
    <>
      <h1>{t('maturity.space.title', { org: org.name })}</h1>
      <p>{t('maturity.space.intro')}</p>
      <form method="post" action={`${base(orgId)}/assessments`} class="inline">
        <button type="submit">{t('maturity.space.start')}</button>
      </form>
      {draft ? (
        <p>
          <a href={`${base(orgId)}/assessments/${draft.id}/${draftNext}`}>
            {t('maturity.space.resume', { date: v.fmt.date(draft.createdAt) })}
          </a>
        </p>
      ) : null}
      {result && latest ? (
        <ResultSection v={v} result={result} date={latest.completedAt!} workshops={workshops} />
      ) : (
        <p>{t('maturity.space.none')}</p>
      )}
      <RuleNote v={v} />
      {completed.length ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('maturity.history.title')}</h2>
          {byYear.size > 1 ? (
            <LineChart
              v={v}
              id="maturity-history"
              title={t('maturity.history.chart')}
              unit={t('maturity.history.unit')}
              series={[{ name: t('maturity.history.series'), points: [...byYear].map(([x, y]) => ({ x, y })) }]}
              format={(n) => v.fmt.number(n, 1)}
            />
          ) : null}
          <table>
            <caption>{t('maturity.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('maturity.history.date')}</th>
                <th scope="col">{t('maturity.result.score')}</th>
                <th scope="col">{t('maturity.result.level')}</th>
              </tr>
            </thead>
            <tbody>
              {[...completed]
                .reverse()
                .slice(0, 20)
                .map((a) => (
                  <tr>
                    <th scope="row">
                      <a href={`${base(orgId)}/assessments/${a.id}`}>{v.fmt.date(a.completedAt!)}</a>
                    </th>
                    <td class="num">{v.fmt.number(a.overallScore ?? 0, 2)}</td>
                    <td>{a.overallLevel ? `${a.overallLevel} · ${t(gridKeys.level(a.overallLevel))}` : '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  ));
});

maturityPages.post('/organisations/:id/maturity/assessments', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  await organisationOr404(c.get('db'), orgId);
  const id = await startMaturityAssessment(c.get('db'), user, orgId);
  return c.redirect(`${base(orgId)}/assessments/${id}/${maturityGrid[0]!.id}`, 303);
});

/** The result of one past assessment. */
maturityPages.get('/organisations/:id/maturity/assessments/:aid', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const org = await organisationOr404(db, orgId);
  const a = await getMaturityAssessment(db, user, orgId, idParam(c, 'aid'));
  if (a.status !== 'completed')
    return c.redirect(`${base(orgId)}/assessments/${a.id}/${nextDimension(a.answers) ?? maturityGrid[0]!.id}`, 303);
  const result = scoreMaturity(a.answers);
  const t = c.get('t');
  const workshops = await recommendedWorkshops(c, result.level);
  return renderPage(c, t('maturity.space.title', { org: org.name }), (v) => (
    <>
      <p>
        <a href={base(orgId)}>{t('maturity.space.back')}</a>
      </p>
      <h1>{t('maturity.space.title', { org: org.name })}</h1>
      <ResultSection v={v} result={result} date={a.completedAt!} workshops={workshops} />
      <RuleNote v={v} />
    </>
  ));
});

function DimensionForm(props: {
  v: TViewContext;
  orgId: number;
  assessmentId: number;
  dimension: TDimensionId;
  answers: Record<string, number>;
  errors?: TFieldErrors;
}) {
  const { v, dimension } = props;
  const t = v.t;
  const index = maturityGrid.findIndex((d) => d.id === dimension);
  return (
    <>
      <p>
        <a href={base(props.orgId)}>{t('maturity.space.back')}</a>
      </p>
      <h1>{t(gridKeys.dimension(dimension))}</h1>
      <p>{t('maturity.form.step', { n: index + 1, total: maturityGrid.length })}</p>
      <ErrorSummary
        v={v}
        errors={props.errors}
        labels={Object.fromEntries(
          dimensionOf(dimension).questions.map((q) => [q.replace('.', '-'), t(k(gridKeys.question(q)))]),
        )}
      />
      <form method="post" action={`${base(props.orgId)}/assessments/${props.assessmentId}/${dimension}`}>
        {dimensionOf(dimension).questions.map((q) => {
          const field = q.replace('.', '-');
          const error = props.errors?.[field];
          return (
            <fieldset
              id={`f-${field}`}
              class={error ? 'field has-error' : 'field'}
              aria-describedby={error ? `f-${field}-error` : undefined}
            >
              <legend>{t(k(gridKeys.question(q)))}</legend>
              {error ? (
                <p class="error" id={`f-${field}-error`}>
                  {error}
                </p>
              ) : null}
              {maturityLevelIds.map((l) => (
                <label class="choice">
                  <input type="radio" name={field} value={String(l)} checked={props.answers[q] === l} required />
                  {t(k(gridKeys.answer(q, l as TMaturityLevel)))}
                </label>
              ))}
            </fieldset>
          );
        })}
        <button type="submit">
          {index === maturityGrid.length - 1 ? t('maturity.form.finish') : t('maturity.form.next')}
        </button>
      </form>
    </>
  );
}

const ZLevel = z.coerce.number().int().min(1).max(5);

/** One dimension's questions (a form per dimension keeps pages light and each step short). */
maturityPages.get('/organisations/:id/maturity/assessments/:aid/:dimension', async (c) => {
  const user = requireUser(c);
  const orgId = idParam(c, 'id');
  const dimension = c.req.param('dimension');
  if (!isDimensionId(dimension)) throw notFound();
  const a = await getMaturityAssessment(c.get('db'), user, orgId, idParam(c, 'aid'));
  return renderPage(c, c.get('t')(gridKeys.dimension(dimension)), (v) => (
    <DimensionForm v={v} orgId={orgId} assessmentId={a.id} dimension={dimension} answers={a.answers} />
  ));
});

maturityPages.post('/organisations/:id/maturity/assessments/:aid/:dimension', async (c) => {
  const user = requireUser(c);
  const db = c.get('db');
  const orgId = idParam(c, 'id');
  const dimension = c.req.param('dimension');
  if (!isDimensionId(dimension)) throw notFound();
  const a = await getMaturityAssessment(db, user, orgId, idParam(c, 'aid'));
  const form = await readForm(c);
  const t = c.get('t');
  const answers: Record<string, TMaturityLevel> = {};
  const errors: TFieldErrors = {};
  for (const q of dimensionOf(dimension).questions) {
    const field = q.replace('.', '-');
    const parsed = ZLevel.safeParse(form[field]);
    if (parsed.success) answers[q] = parsed.data as TMaturityLevel;
    else errors[field] = t('maturity.form.chooseAnswer', { question: t(k(gridKeys.question(q))) });
  }
  if (Object.keys(errors).length) {
    return renderPage(
      c,
      t(gridKeys.dimension(dimension)),
      (v) => (
        <DimensionForm
          v={v}
          orgId={orgId}
          assessmentId={a.id}
          dimension={dimension}
          answers={{ ...a.answers, ...answers }}
          errors={errors}
        />
      ),
      { status: 422 },
    );
  }
  const saved = await saveDimensionAnswers(db, user, orgId, a.id, dimension, answers);
  const index = maturityGrid.findIndex((d) => d.id === dimension);
  // Go on to the next dimension in order (or the first one left unanswered), then to the result.
  const merged = { ...a.answers, ...answers };
  const next =
    maturityGrid.slice(index + 1).find((d) => d.questions.some((q) => merged[q] === undefined))?.id ??
    nextDimension(merged);
  if (saved.completed && !next)
    return redirectWithFlash(c, `${base(orgId)}/assessments/${a.id}`, 'maturity.flash.completed' as TMessageKey);
  return c.redirect(
    `${base(orgId)}/assessments/${a.id}/${next ?? maturityGrid[Math.min(index + 1, maturityGrid.length - 1)]!.id}`,
    303,
  );
});
