import type { TMessageKey, TTranslate } from '../../i18n/index.js';
import { memberKinds, organisationKinds, regions, sectors, sizeBands } from './reference.js';

/** Labels of the reference lists, through the catalogue (keys `organisations.kind.<code>` …). */
export const kindLabel = (t: TTranslate, code: string) => t(`organisations.kind.${code}` as TMessageKey);
export const sizeLabel = (t: TTranslate, code: string) => t(`organisations.size.${code}` as TMessageKey);
export const sectorLabel = (t: TTranslate, code: string) => t(`organisations.sector.${code}` as TMessageKey);
export const regionLabel = (t: TTranslate, code: string) => t(`organisations.region.${code}` as TMessageKey);

/** [value, label] pairs for selects. */
export function referenceOptions(t: TTranslate) {
  return {
    kinds: organisationKinds.map((k) => [k, kindLabel(t, k)] as [string, string]),
    memberKinds: memberKinds.map((k) => [k, kindLabel(t, k)] as [string, string]),
    sizes: sizeBands.map((k) => [k, sizeLabel(t, k)] as [string, string]),
    sectors: sectors.map((k) => [k, sectorLabel(t, k)] as [string, string]),
    regions: regions.map((k) => [k, regionLabel(t, k)] as [string, string]),
  };
}
