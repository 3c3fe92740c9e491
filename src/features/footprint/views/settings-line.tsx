import type { TFootprintResult } from '../../../lca/index.js';
import type { TViewContext } from '../../../views/context.js';
import { allocationLabel, footprintBase, referenceLabel } from './labels.js';

/** The methodology and settings a result was computed with, shown on every result page. */
export function SettingsLine(props: { v: TViewContext; orgId: number; result: TFootprintResult }) {
  const { v, result } = props;
  const m = result.methodology;
  return (
    <p class="hint">
      {v.t('footprint.result.settingsLine', {
        factorSet: m.factorSet,
        allocation: allocationLabel(v, m.allocation),
        country: m.country,
        electricity: referenceLabel(v, m.profile, m.electricityVariants?.FRA ?? 'default'),
      })}{' '}
      <a href={`${footprintBase(props.orgId)}/settings`} class="no-print">
        {v.t('footprint.settings.change')}
      </a>
    </p>
  );
}
