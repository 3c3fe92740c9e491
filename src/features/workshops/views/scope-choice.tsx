import type { TViewContext } from '../../../views/context.js';
import { seriesScopes, type TSeriesScope } from '../edit-series.js';

/**
 * Radio buttons choosing which occurrences of a series an action reaches (no JavaScript). `idPrefix` keeps ids
 * unique when two such choices share a page (cancel, edit).
 */
export function ScopeChoice(props: { v: TViewContext; legend: string; value?: string; idPrefix: string }) {
  const t = props.v.t;
  const value: TSeriesScope = (seriesScopes as readonly string[]).includes(props.value ?? '')
    ? (props.value as TSeriesScope)
    : 'one';
  return (
    <fieldset id={`${props.idPrefix}-scope`}>
      <legend>{props.legend}</legend>
      <p class="hint" id={`${props.idPrefix}-scope-hint`}>
        {t('workshops.series.scopeHint')}
      </p>
      {seriesScopes.map((s) => (
        <div>
          <input
            type="radio"
            id={`${props.idPrefix}-scope-${s}`}
            name="scope"
            value={s}
            checked={value === s}
            aria-describedby={`${props.idPrefix}-scope-hint`}
          />{' '}
          <label for={`${props.idPrefix}-scope-${s}`}>{t(`workshops.series.scope.${s}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}
