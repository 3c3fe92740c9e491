import type { TFieldErrors } from '../../../http/forms.js';
import { ALLOCATIONS } from '../../../lca/index.js';
import { ErrorSummary, Select } from '../../../views/components.js';
import type { TViewContext } from '../../../views/context.js';
import { countryName } from '../country-names.js';
import type { TFootprintSettings } from '../settings.js';
import { allocationLabel, footprintBase, profileLabel } from './labels.js';

/** The organisation's reference settings; saving recomputes every year (older results are kept). */
export function SettingsPage(p: {
  v: TViewContext;
  org: { id: number; name: string };
  settings: TFootprintSettings;
  countries: [string, string][];
  profiles: { id: string; name: string }[];
  errors: TFieldErrors | null;
}) {
  const { v, settings } = p;
  const t = v.t;
  // Country names in the reader's language, sorted in that language.
  const countries = p.countries
    .map(([id, name]) => [id, countryName(id, v.locale, name)] as [string, string])
    .sort((a, b) => a[1].localeCompare(b[1], v.locale));
  return (
    <>
      <h1>{t('footprint.settings.title', { org: p.org.name })}</h1>
      <p>{t('footprint.settings.intro')}</p>
      <ErrorSummary
        v={v}
        errors={p.errors}
        labels={{
          country: t('footprint.settings.country'),
          profile: t('footprint.settings.profile'),
          allocation: t('footprint.settings.allocation'),
        }}
      />
      <form method="post" action={`${footprintBase(p.org.id)}/settings`}>
        <Select
          name="country"
          label={t('footprint.settings.country')}
          hint={t('footprint.settings.countryHint')}
          errors={p.errors}
          value={settings.country}
          options={countries.map(([id, name]) => [id, `${name} (${id})`])}
          required
        />
        <Select
          name="profile"
          label={t('footprint.settings.profile')}
          hint={t('footprint.settings.profileHint')}
          errors={p.errors}
          value={settings.profile ?? p.profiles[0]?.id ?? ''}
          options={p.profiles.map((x) => [x.id, profileLabel(v, x.id)])}
          required
        />
        <Select
          name="allocation"
          label={t('footprint.settings.allocation')}
          hint={t('footprint.settings.allocationHint')}
          errors={p.errors}
          value={settings.allocation}
          options={ALLOCATIONS.map((a) => [a, allocationLabel(v, a)])}
          required
        />
        <button type="submit">{t('footprint.settings.save')}</button>{' '}
        <a href={footprintBase(p.org.id)}>{t('form.cancel')}</a>
      </form>
      <p class="hint">
        <a href="/methodology#profiles">{t('footprint.settings.sources')}</a>
      </p>
    </>
  );
}
