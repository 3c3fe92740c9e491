import type { TViewContext } from '../../views/context.js';

/** Where an item stands for the administrator: public, taken offline, or waiting for review. */
export type TModerationState = 'published' | 'unpublished' | 'pending';

/**
 * The administrator's controls on a training's or an offer's page: take it offline with a reason (mailed to the
 * author), put it back, or approve / refuse one that waits for review. Plain forms: they work without JavaScript.
 */
export function ModerationControls(props: { v: TViewContext; base: string; state: TModerationState }) {
  const { v, base, state } = props;
  const t = v.t;
  const ReasonForm = (p: { decision: 'unpublish' | 'reject'; label: string }) => (
    <form method="post" action={`${base}/moderation/${p.decision}`}>
      <label for={`moderation-reason-${p.decision}`}>{t('training.moderation.reason')}</label>
      <input id={`moderation-reason-${p.decision}`} name="reason" required minlength={3} maxlength={500} />{' '}
      <button type="submit" class="danger">
        {p.label}
      </button>
    </form>
  );
  return (
    <section aria-labelledby="moderation-title" class="card">
      <h2 id="moderation-title">{t('training.moderation.title')}</h2>
      <p>{t(`training.moderation.state.${state}`)}</p>
      {state === 'published' ? <ReasonForm decision="unpublish" label={t('training.moderation.unpublish')} /> : null}
      {state === 'unpublished' ? (
        <form method="post" action={`${base}/moderation/republish`}>
          <button type="submit">{t('training.moderation.republish')}</button>
        </form>
      ) : null}
      {state === 'pending' ? (
        <>
          <form method="post" action={`${base}/moderation/approve`}>
            <button type="submit">{t('training.moderation.approve')}</button>
          </form>
          <ReasonForm decision="reject" label={t('training.moderation.reject')} />
        </>
      ) : null}
    </section>
  );
}
