import type { TViewContext } from '../../views/context.js';
import type { TMessageKey } from '../../i18n/index.js';
import type { TRgesnScore, TRgesnStatus } from '../../referentials/rgesn.js';
import { criterionWording, type TCriterionRow } from './rgesn-referential.js';

export const statusKey = (s: TRgesnStatus) => `maturity.rgesn.status.${s}` as TMessageKey;
export const priorityKey = (p: TCriterionRow['priority']) => `maturity.rgesn.priority.${p}` as TMessageKey;

/** The criterion's text in the reader's language: our own wording, else the official French question. */
export function criterionText(v: TViewContext, c: TCriterionRow): string {
  return criterionWording(c, v.locale === 'en' ? 'en' : 'fr');
}

export function familyName(v: TViewContext, c: { familyName: { fr: string; en: string } }): string {
  return v.locale === 'en' ? c.familyName.en : c.familyName.fr;
}

/** A score "n / 100" with one decimal, or "—" when nothing applies. */
export function formatScore(v: TViewContext, score: number | null): string {
  return score === null ? '—' : v.t('maturity.rgesn.scoreValue', { score: v.fmt.number(score, 1) });
}

/** The progress score, announced politely when it changes, with the reminder that it is not an impact measure. */
export function ScoreBox(props: { v: TViewContext; score: TRgesnScore }) {
  const { v, score } = props;
  return (
    <div class="score-box" role="status" aria-live="polite">
      <p>
        <strong>{v.t('maturity.rgesn.score')}</strong> <span id="rgesn-score">{formatScore(v, score.score)}</span>
      </p>
      <p>
        {v.t('maturity.rgesn.counts', {
          validated: score.counts.validated,
          in_progress: score.counts.in_progress,
          not_validated: score.counts.not_validated,
          not_applicable: score.counts.not_applicable,
          to_assess: score.counts.to_assess,
        })}
      </p>
      <p class="hint">{v.t('maturity.rgesn.notImpact')}</p>
    </div>
  );
}
