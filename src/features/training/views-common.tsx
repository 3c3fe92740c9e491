import type { TMessageKey } from '../../i18n/index.js';
import type { TViewContext } from '../../views/context.js';
import { isOpenLicence } from './vocabulary.js';

/** Translates a key built from a code (e.g. `training.kind.mooc`). */
export function tk(v: TViewContext, key: string, params?: Record<string, string | number>): string {
  return v.t(key as TMessageKey, params);
}

/** [code, label] pairs of a closed list for a Select. */
export function options(v: TViewContext, codes: readonly string[], prefix: string): [string, string][] {
  return codes.map((c) => [c, tk(v, `${prefix}.${c}`)]);
}

/** The licence, with "open licence" said in words (not colour only). */
export function LicenceBadge(props: { v: TViewContext; licence: string }) {
  const open = isOpenLicence(props.licence);
  return (
    <span class={open ? 'badge badge-open' : 'badge'}>
      {tk(props.v, `training.licence.${props.licence}`)} ·{' '}
      {props.v.t(open ? 'training.licence.open' : 'training.licence.notOpen')}
    </span>
  );
}

export function costLabel(v: TViewContext, costEur: number): string {
  return costEur === 0
    ? v.t('training.free')
    : new Intl.NumberFormat(v.locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
        costEur,
      );
}

export function hoursLabel(v: TViewContext, hours: number): string {
  return v.t('training.hours', { hours: v.fmt.number(hours, 1) });
}

/** Local sub-navigation of the training area. */
export function TrainingNav(props: { v: TViewContext }) {
  const { v } = props;
  const links: [string, TMessageKey][] = [
    ['/trainings', 'training.nav.catalogue'],
    ['/learning-paths', 'training.nav.paths'],
    ['/offers', 'training.nav.offers'],
  ];
  return (
    <nav class="subnav" aria-label={v.t('nav.trainings')}>
      <ul>
        {links.map(([href, key]) => (
          <li>
            <a href={href} aria-current={v.path === href ? 'page' : undefined}>
              {v.t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
