import type { TOrgKind } from '../../db/tables/foundation.js';

/** Kinds an organisation chooses itself at creation; partner and expert are granted by an administrator. */
export const memberKinds = ['company', 'school'] as const;
/** The four kinds of organisations in the network. */
export const organisationKinds = ['company', 'school', 'partner', 'expert'] as const satisfies readonly TOrgKind[];

/** Head-count bands, aligned on INSEE's enterprise categories (micro < 10, SME < 250, mid-size < 5,000, large). */
export const sizeBands = ['1-9', '10-49', '50-249', '250-4999', '5000+'] as const;

/** Sectors, coarse on purpose so that directory filters stay useful. */
export const sectors = [
  'software',
  'it_services',
  'web_agency',
  'telecom',
  'hosting',
  'hardware',
  'industry',
  'finance',
  'retail',
  'public',
  'education',
  'research',
  'association',
  'other',
] as const;

/** The 18 French regions (13 in Europe, 5 overseas) since the 2016 reform, plus "outside France". */
export const regions = [
  'ARA',
  'BFC',
  'BRE',
  'CVL',
  'COR',
  'GES',
  'HDF',
  'IDF',
  'NOR',
  'NAQ',
  'OCC',
  'PDL',
  'PAC',
  'GUA',
  'MTQ',
  'GUF',
  'REU',
  'MAY',
  'OUT',
] as const;

export type TSizeBand = (typeof sizeBands)[number];
export type TSector = (typeof sectors)[number];
export type TRegion = (typeof regions)[number];
