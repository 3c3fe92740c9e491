import type { TMessageKey } from '../../../i18n/index.js';
import type { TViewContext } from '../../../views/context.js';
import { NO_ENTITY, OTHER_ENTITIES } from '../compute.js';

/** Display words of the engine's identifiers (keys exist for every criterion, phase and tier). */
export const critLabel = (v: TViewContext, c: string) => v.t(`footprint.crit.${c}` as TMessageKey);
export const phaseLabel = (v: TViewContext, p: string) => v.t(`footprint.phase.${p}` as TMessageKey);
export const tierLabel = (v: TViewContext, t: string) => v.t(`footprint.tier.${t}` as TMessageKey);
export const allocationLabel = (v: TViewContext, a: string) => v.t(`footprint.allocation.${a}` as TMessageKey);
export function entityLabel(v: TViewContext, e: string): string {
  if (e === NO_ENTITY) return v.t('footprint.entity.none');
  if (e === OTHER_ENTITIES) return v.t('footprint.entity.others');
  return e;
}
/** A category as written by the engine (`cloud_instance`) in readable form, with a translation when known. */
export function categoryLabel(v: TViewContext, c: string): string {
  const key = `footprint.category.${c}` as TMessageKey;
  const text = v.t(key);
  return text === key ? c.replace(/_/g, ' ') : text;
}
/** A criterion's unit as readers write it; the engine's symbols are kept except where they are words (PM). */
export function unitLabel(v: TViewContext, unit: string): string {
  if (unit === 'disease incidence') return v.t('footprint.unit.diseaseIncidence');
  if (unit === 'm3 world-eq deprived') return v.t('footprint.unit.waterDeprived');
  return unit;
}
/** A reference profile's name (its id when the platform has no words for it). */
export function profileLabel(v: TViewContext, id: string): string {
  const key = `footprint.profile.${id}` as TMessageKey;
  const text = v.t(key);
  return text === key ? id : text;
}
/** The sources a result or the settings follow: the profile, or for older factor sets the French electricity choice. */
export const referenceLabel = (v: TViewContext, profile: string | null | undefined, frElectricity: string) =>
  profile ? profileLabel(v, profile) : electricityLabel(v, frElectricity);
export const electricityLabel = (v: TViewContext, id: string) =>
  id === 'default' ? v.t('footprint.settings.frDefault') : v.t('footprint.settings.frAlternative', { id });

/** Splits an engine message into what is wrong and how to fix it (messages put the fix after `; `). */
export function splitFix(message: string): [string, string] {
  const i = message.indexOf('; ');
  return i === -1 ? [message, ''] : [message.slice(0, i), message.slice(i + 2)];
}

export const footprintBase = (orgId: number) => `/organisations/${orgId}/footprint`;
