import type { TViewContext } from '../../../views/context.js';
import { ScopeChoice } from './scope-choice.js';
import { formatWhen } from '../time-zones.js';
import { ButtonForm, Field, Select, TextArea } from '../../../views/components.js';
import type { TFieldErrors } from '../../../http/forms.js';
import type { TOverlap } from '../overlaps.js';
import type { TFeedbackComment } from '../organiser-tools.js';
import type { TWorkshopWithOrg } from '../repository.js';
import { parseLevels } from '../schemas.js';
import { formatLabel, levelLabel, themeLabel } from './labels.js';

export interface TWorkshopPageData {
  w: TWorkshopWithOrg;
  zone: string;
  counts: { confirmed: number; waitlisted: number };
  canEdit: boolean;
  /** The organiser's members and administrators (with a note and a confirmation). */
  canCancel: boolean;
  canSeeRegistrants: boolean;
  registration: { status: 'confirmed' | 'waitlisted'; position: number | null } | null;
  attended: boolean;
  signatoryOrgs: { organisationId: number; name: string }[];
  open: boolean;
  started: boolean;
  replayVisible: boolean;
  feedbackGiven: number | null;
  feedbackSummary: { avg: number; n: number } | null;
  /** For the organiser: occurrences that run at the same time as another published workshop. */
  overlaps?: { id: number; starts_at: string; time_zone: string; overlaps: TOverlap[] }[];
  /** Every feedback, for the organiser's members and administrators (null for others). */
  comments?: TFeedbackComment[] | null;
  canMessage?: boolean;
  errors?: TFieldErrors | null;
  errorMessage?: string | null;
}

/** One workshop: facts, registration, replay, feedback and, for its organiser, the management actions. */
export function WorkshopPage(props: { v: TViewContext; d: TWorkshopPageData }) {
  const { v, d } = props;
  const { w } = d;
  const t = v.t;
  const full = d.counts.confirmed >= w.capacity;
  return (
    <>
      <h1>{w.title}</h1>
      {w.status === 'cancelled' ? <p class="notice">{t('workshops.page.cancelledNotice')}</p> : null}
      {w.status === 'draft' ? <p class="notice">{t('workshops.page.draftNotice')}</p> : null}
      {d.errorMessage ? (
        <div class="error-summary" role="alert">
          <p>{d.errorMessage}</p>
        </div>
      ) : null}
      {d.overlaps?.length ? (
        <div class="notice" id="overlaps" role="status">
          <p>
            <strong>⚠ {t('workshops.overlap.title')}</strong>
          </p>
          <ul>
            {d.overlaps.map((o) => (
              <li>
                {formatWhen(v.locale, o.starts_at, o.time_zone)}
                {' : '}
                {o.overlaps.map((x, i) => (
                  <>
                    {i ? ', ' : ''}
                    <a href={`/workshops/${x.id}`}>{x.title}</a> ({x.organisation_name})
                  </>
                ))}
              </li>
            ))}
          </ul>
          <p>{t('workshops.overlap.advice')}</p>
        </div>
      ) : null}
      <p>{w.description}</p>
      <dl class="facts">
        <dt>{t('workshops.page.organiser')}</dt>
        <dd>{w.organisation_name}</dd>
        <dt>{t('workshops.page.when')}</dt>
        <dd>
          {formatWhen(v.locale, w.starts_at, d.zone)}
          {w.time_zone !== d.zone ? (
            <>
              <br />
              {t('workshops.page.localTime', {
                zone: w.time_zone,
                when: formatWhen(v.locale, w.starts_at, w.time_zone),
              })}
            </>
          ) : null}
        </dd>
        <dt>{t('workshops.page.duration')}</dt>
        <dd>{t('workshops.page.minutes', { n: w.duration_minutes })}</dd>
        <dt>{t('workshops.page.theme')}</dt>
        <dd>{themeLabel(v, w.theme)}</dd>
        <dt>{t('workshops.page.levels')}</dt>
        <dd>
          {parseLevels(w.levels)
            .map((l) => levelLabel(v, l))
            .join(', ')}
        </dd>
        <dt>{t('workshops.page.format')}</dt>
        <dd>{formatLabel(v, w.format)}</dd>
        {w.online_url ? (
          <>
            <dt>{t('workshops.page.link')}</dt>
            <dd>
              {d.registration?.status === 'confirmed' || d.canEdit ? (
                <a href={w.online_url}>{w.online_url}</a>
              ) : (
                t('workshops.page.linkHidden')
              )}
            </dd>
          </>
        ) : null}
        {w.address ? (
          <>
            <dt>{t('workshops.page.address')}</dt>
            <dd>{w.address}</dd>
          </>
        ) : null}
        <dt>{t('workshops.page.language')}</dt>
        <dd>{t(w.language === 'en' ? 'workshops.language.en' : 'workshops.language.fr')}</dd>
        {w.speakers ? (
          <>
            <dt>{t('workshops.page.speakers')}</dt>
            <dd>{w.speakers}</dd>
          </>
        ) : null}
        {w.materials ? (
          <>
            <dt>{t('workshops.page.materials')}</dt>
            <dd>{w.materials}</dd>
          </>
        ) : null}
        <dt>{t('workshops.page.seats')}</dt>
        <dd>
          <span id="seats">
            {t('workshops.page.seatsValue', {
              confirmed: d.counts.confirmed,
              capacity: w.capacity,
              waiting: d.counts.waitlisted,
            })}
          </span>
          {w.per_org_limit ? (
            <>
              <br />
              {t('workshops.page.perOrg', { n: w.per_org_limit })}
            </>
          ) : null}
        </dd>
        <dt>{t('workshops.page.closes')}</dt>
        <dd>{formatWhen(v.locale, w.registration_closes_at, d.zone)}</dd>
      </dl>
      {w.series_id ? <p>{t('workshops.page.series')}</p> : null}
      {w.status === 'published' ? (
        <p>
          <a href={`/workshops/${w.id}/invite.ics`}>{t('workshops.page.addToCalendar')}</a>
        </p>
      ) : null}

      {w.status === 'published' && !d.started ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title">{t('workshops.register.title')}</h2>
          {d.registration ? (
            <>
              <p id="registration-status">
                {d.registration.status === 'confirmed'
                  ? t('workshops.register.confirmed')
                  : t('workshops.register.waitlisted', { n: d.registration.position ?? 1 })}
              </p>
              <ButtonForm
                action={`/workshops/${w.id}/unregister`}
                label={t('workshops.register.cancel')}
                className="secondary"
              />
            </>
          ) : !d.open ? (
            <p>{t('workshops.register.closed')}</p>
          ) : !v.user ? (
            <p>
              <a href={`/login?next=/workshops/${w.id}`}>{t('workshops.register.login')}</a>
            </p>
          ) : !d.signatoryOrgs.length ? (
            <p>{t('workshops.register.notSignatory')}</p>
          ) : (
            <form method="post" action={`/workshops/${w.id}/register`}>
              {d.signatoryOrgs.length > 1 ? (
                <Select
                  name="organisation_id"
                  label={t('workshops.register.org')}
                  options={d.signatoryOrgs.map((o) => [String(o.organisationId), o.name])}
                  required
                />
              ) : (
                <input type="hidden" name="organisation_id" value={String(d.signatoryOrgs[0]!.organisationId)} />
              )}
              <button type="submit">
                {t(full ? 'workshops.register.submitWaitlist' : 'workshops.register.submit')}
              </button>
            </form>
          )}
        </section>
      ) : null}

      {d.started && w.status === 'published' ? (
        <section aria-labelledby="replay-title">
          <h2 id="replay-title">{t('workshops.replay.title')}</h2>
          {d.replayVisible ? (
            <>
              {w.replay_url ? (
                <p>
                  <a href={w.replay_url} id="replay-link">
                    {t('workshops.replay.watch')}
                  </a>
                </p>
              ) : null}
              {w.replay_materials ? <p class="materials">{w.replay_materials}</p> : null}
            </>
          ) : (
            <p>{t('workshops.replay.membersOnly')}</p>
          )}
          {d.attended ? (
            <p>
              <a href={`/workshops/${w.id}/certificate`}>{t('workshops.certificate.link')}</a>
            </p>
          ) : null}
        </section>
      ) : null}

      {d.attended && d.started ? (
        <section aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t('workshops.feedback.title')}</h2>
          {d.feedbackGiven ? (
            <p>{t('workshops.feedback.thanks', { rating: d.feedbackGiven })}</p>
          ) : (
            <form method="post" action={`/workshops/${w.id}/feedback`}>
              <Select
                name="rating"
                label={t('workshops.feedback.rating')}
                options={['1', '2', '3', '4', '5'].map((n) => [n, n])}
                required
                errors={d.errors}
                emptyLabel=""
              />
              <TextArea
                name="comment"
                label={t('workshops.feedback.comment')}
                errors={d.errors}
                optionalLabel={t('form.optional')}
                rows={3}
              />
              <button type="submit">{t('workshops.feedback.submit')}</button>
            </form>
          )}
        </section>
      ) : null}

      {d.canSeeRegistrants ? (
        <section aria-labelledby="manage-title">
          <h2 id="manage-title">{t('workshops.manage.title')}</h2>
          {d.feedbackSummary ? (
            <p>
              {t('workshops.feedback.summary', { avg: v.fmt.number(d.feedbackSummary.avg, 1), n: d.feedbackSummary.n })}
            </p>
          ) : null}
          {d.comments?.length ? (
            <>
              <h3>{t('workshops.feedback.commentsTitle')}</h3>
              <ul id="feedback-comments">
                {d.comments.map((f) => (
                  <li>
                    <strong>{t('workshops.feedback.ratingValue', { rating: f.rating })}</strong> ·{' '}
                    {v.fmt.date(f.created_at)}
                    {f.comment ? <p class="comment-body">{f.comment}</p> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={`/workshops/${w.id}/registrants`}>{t('workshops.manage.registrants')}</a>
            {' · '}
            <a href={`/workshops/${w.id}/registrants.csv`}>{t('workshops.manage.exportCsv')}</a>
            {d.canMessage ? (
              <>
                {' · '}
                <a href={`/workshops/${w.id}/message`}>{t('workshops.manage.message')}</a>
              </>
            ) : null}
            {d.canEdit && w.status !== 'cancelled' ? (
              <>
                {' · '}
                <a href={`/workshops/${w.id}/edit`}>{t('workshops.manage.edit')}</a>
              </>
            ) : null}
            {d.canEdit ? (
              <>
                {' · '}
                <a href={`/resources/new?workshopId=${w.id}`}>{t('workshops.manage.publishResource')}</a>
              </>
            ) : null}
          </p>
          {d.canEdit && w.status === 'draft' ? (
            <ButtonForm action={`/workshops/${w.id}/publish`} label={t('workshops.manage.publish')} />
          ) : null}{' '}
          {d.canCancel && w.status !== 'cancelled' && !d.started ? (
            <form method="post" action={`/workshops/${w.id}/cancel`}>
              {w.series_id ? <ScopeChoice v={v} legend={t('workshops.series.cancelLegend')} idPrefix="cancel" /> : null}
              <TextArea name="note" label={t('workshops.cancel.note')} errors={d.errors} rows={3} required />
              <div class="field checkbox">
                <input type="checkbox" id="cancel-confirm" name="confirm" value="yes" required />
                <label for="cancel-confirm">{t('workshops.cancel.confirm')}</label>
              </div>
              <button type="submit" class="danger">
                {t('workshops.manage.cancel')}
              </button>
            </form>
          ) : null}
          {d.canEdit && w.series_id ? (
            <form method="post" action={`/workshops/${w.id}/extend`}>
              <Field
                name="count"
                type="number"
                min={1}
                max={12}
                label={t('workshops.series.extendCount')}
                hint={t('workshops.series.extendHint')}
                value="1"
                errors={d.errors}
                required
              />
              <button type="submit" class="secondary">
                {t('workshops.series.extend')}
              </button>
            </form>
          ) : null}
          {d.canEdit && d.started && w.status === 'published' ? (
            <form method="post" action={`/workshops/${w.id}/replay`}>
              <Field
                name="replay_url"
                label={t('workshops.replay.url')}
                type="url"
                value={w.replay_url}
                errors={d.errors}
                optionalLabel={t('form.optional')}
              />
              <TextArea
                name="replay_materials"
                label={t('workshops.replay.materials')}
                value={w.replay_materials}
                errors={d.errors}
                optionalLabel={t('form.optional')}
                rows={3}
              />
              <button type="submit">{t('workshops.replay.submit')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
