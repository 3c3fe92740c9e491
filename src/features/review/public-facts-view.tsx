import type { TMessageKey } from '../../i18n/index.js';
import type { TViewContext } from '../../views/context.js';
import type { TPublicFacts } from './public-facts.js';

/**
 * The facts a member chose to publish, for its directory page (the directory feature renders it with the result
 * of `publicFactsOf`). Renders nothing when the member published nothing.
 */
export function PublicFactsView(props: { v: TViewContext; facts: TPublicFacts }) {
  const { v, facts } = props;
  const t = v.t;
  if (!facts.footprintTrend?.length && !facts.maturityLevel && !facts.actionsDone && !facts.workshopsAttended)
    return null;
  const trend = facts.footprintTrend ?? [];
  const last = trend[trend.length - 1];
  const before = trend[trend.length - 2];
  return (
    <section aria-labelledby="public-facts-title">
      <h2 id="public-facts-title">{t('review.publicFacts.title')}</h2>
      <dl class="facts">
        {last ? (
          <>
            <dt>{t('review.publicFacts.footprint')}</dt>
            <dd>
              {trend.map((p, i) => (
                <>
                  {i ? ' · ' : ''}
                  {t('review.publicFacts.footprintYear', { year: p.year, value: v.fmt.significant(p.gwp / 1000) })}
                </>
              ))}
              {before && before.gwp > 0 ? (
                <>
                  {' '}
                  (
                  {t('review.publicFacts.change', {
                    change: `${last.gwp >= before.gwp ? '+' : ''}${v.fmt.percent((last.gwp - before.gwp) / before.gwp, 1)}`,
                    previous: before.year,
                  })}
                  )
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {facts.maturityLevel ? (
          <>
            <dt>{t('review.publicFacts.maturity')}</dt>
            <dd>
              {t(`maturity.level.${facts.maturityLevel.level}` as TMessageKey)} (
              {v.fmt.date(facts.maturityLevel.assessedAt)})
            </dd>
          </>
        ) : null}
        {facts.actionsDone ? (
          <>
            <dt>{t('review.publicFacts.actions')}</dt>
            <dd>
              {facts.actionsDone.map((a, i) => (
                <>
                  {i ? ' · ' : ''}
                  {t('review.publicFacts.perYear', { year: a.year, n: v.fmt.number(a.count) })}
                </>
              ))}
            </dd>
          </>
        ) : null}
        {facts.workshopsAttended ? (
          <>
            <dt>{t('review.publicFacts.workshops')}</dt>
            <dd>
              {facts.workshopsAttended.map((a, i) => (
                <>
                  {i ? ' · ' : ''}
                  {t('review.publicFacts.perYear', { year: a.year, n: v.fmt.number(a.count) })}
                </>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
