import type { TFieldErrors } from '../../../http/forms.js';
import { ALLOCATIONS } from '../../../lca/index.js';
import { ErrorSummary, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { countryName } from '../country-names.js';
import type { TFootprintSettings } from '../settings.js';
import { allocationLabel, electricityLabel, footprintBase } from './labels.js';

/** The organisation's reference settings; saving recomputes every year (older results are kept). */
export function SettingsPage(p: { v: TViewContext; org: { id: number; name: string }; settings: TFootprintSettings; countries: [string, string][]; electricity: { id: string; gwp: number; source: string }[]; errors: TFieldErrors | null }) {
  const { v, settings } = p;
  const t = v.t;
  // Country names in the reader's language, sorted in that language.
  const countries = p.countries.map(([id, name]) => [id, countryName(id, v.locale, name)] as [string, string]).sort((a, b) => a[1].localeCompare(b[1], v.locale));
  return (
    <>
      <h1>{t('footprint.settings.title', { org: p.org.name })}</h1>
      <p>{t('footprint.settings.intro')}</p>
      <ErrorSummary v={v} errors={p.errors} labels={{ country: t('footprint.settings.country'), fr_electricity: t('footprint.settings.frElectricity'), allocation: t('footprint.settings.allocation') }} />
      <form method="post" action={`${footprintBase(p.org.id)}/settings`}>
        <Select name="country" label={t('footprint.settings.country')} hint={t('footprint.settings.countryHint')} errors={p.errors} value={settings.country} options={countries.map(([id, name]) => [id, `${name} (${id})`])} required />
        <Select name="fr_electricity" label={t('footprint.settings.frElectricity')} hint={t('footprint.settings.frElectricityHint')} errors={p.errors} value={settings.frElectricity}
          options={p.electricity.map((e) => [e.id, `${electricityLabel(v, e.id)} — ${v.fmt.number(e.gwp, 3)} kgCO2e/kWh`])} required />
        <Select name="allocation" label={t('footprint.settings.allocation')} hint={t('footprint.settings.allocationHint')} errors={p.errors} value={settings.allocation} options={ALLOCATIONS.map((a) => [a, allocationLabel(v, a)])} required />
        <button type="submit">{t('footprint.settings.save')}</button> <a href={footprintBase(p.org.id)}>{t('form.cancel')}</a>
      </form>
      <p class="hint"><a href="/methodology#electricity">{t('footprint.settings.sources')}</a></p>
    </>
  );
}
