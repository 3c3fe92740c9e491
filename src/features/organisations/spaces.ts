import type { TOrgKind } from '../../db/tables/foundation.js';
import type { TMessageKey } from '../../i18n/index.js';

/**
 * The organisation's working spaces, per the URL plan of the platform (each owned by its feature). Curricula
 * only concern schools. The report links to the last full year, the one inventories usually describe.
 */
export function organisationSpaces(
  orgId: number,
  kind: TOrgKind,
  now = new Date(),
): { href: string; key: TMessageKey }[] {
  const base = `/organisations/${orgId}`;
  const spaces: { href: string; key: TMessageKey }[] = [
    { href: `${base}/footprint`, key: 'organisations.space.footprint' },
    { href: `${base}/maturity`, key: 'organisations.space.maturity' },
    { href: `${base}/rgesn`, key: 'organisations.space.rgesn' },
    { href: `${base}/simulate`, key: 'organisations.space.simulate' },
    { href: `${base}/plan`, key: 'organisations.space.plan' },
  ];
  if (kind === 'school') spaces.push({ href: `${base}/curricula`, key: 'organisations.space.curricula' });
  // Schools, partners and experts publish trainings; partners and experts also run workshops.
  if (kind !== 'company') spaces.push({ href: `${base}/trainings`, key: 'organisations.space.trainings' });
  if (kind === 'partner' || kind === 'expert') {
    spaces.push({ href: '/workshops/new', key: 'organisations.space.newWorkshop' });
    spaces.push({ href: '/workshops/programme', key: 'organisations.space.programme' });
  }
  if (kind === 'company') spaces.push({ href: '/offers/new', key: 'organisations.space.offers' });
  spaces.push({ href: `${base}/report/${now.getUTCFullYear() - 1}`, key: 'organisations.space.report' });
  return spaces;
}
