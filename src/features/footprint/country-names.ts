import type { TLocale } from '../../i18n/index.js';

// The factor set names its electricity zones in English (ISO 3166-1 alpha-3 codes). Intl names regions from
// their alpha-2 code or UN M.49 number, so this table bridges the two for the zones the factor set has. Codes
// with no current region (SCG Serbia and Montenegro, ANT Netherlands Antilles) keep the data set's name.
const alpha2: Record<string, string> = {
  WOR: '001', EEE: '150', ZWE: 'ZW', ZMB: 'ZM', ZAF: 'ZA', YEM: 'YE', VNM: 'VN', VEN: 'VE', UZB: 'UZ', URY: 'UY', USA: 'US', UKR: 'UA',
  TZA: 'TZ', TWN: 'TW', TTO: 'TT', TUR: 'TR', TUN: 'TN', TKM: 'TM', TJK: 'TJ', THA: 'TH', TGO: 'TG', SYR: 'SY', SLV: 'SV', SEN: 'SN',
  SVK: 'SK', SVN: 'SI', SGP: 'SG', SWE: 'SE', SDN: 'SD', SAU: 'SA', RUS: 'RU', ROU: 'RO', QAT: 'QA', PRY: 'PY', PRT: 'PT', POL: 'PL',
  PAK: 'PK', PHL: 'PH', PER: 'PE', PAN: 'PA', OMN: 'OM', NZL: 'NZ', NPL: 'NP', NOR: 'NO', NLD: 'NL', NIC: 'NI', NGA: 'NG', NAM: 'NA',
  MOZ: 'MZ', MYS: 'MY', MEX: 'MX', MLT: 'MT', MNG: 'MN', MMR: 'MM', MKD: 'MK', MDA: 'MD', MAR: 'MA', LBY: 'LY', LVA: 'LV', LUX: 'LU',
  LTU: 'LT', LKA: 'LK', LBN: 'LB', KAZ: 'KZ', KWT: 'KW', KOR: 'KR', PRK: 'KP', KHM: 'KH', KGZ: 'KG', KEN: 'KE', JPN: 'JP', JOR: 'JO',
  JAM: 'JM', ITA: 'IT', ISL: 'IS', IRN: 'IR', IRQ: 'IQ', IND: 'IN', ISR: 'IL', IRL: 'IE', IDN: 'ID', HUN: 'HU', HTI: 'HT', HRV: 'HR',
  HND: 'HN', HKG: 'HK', GTM: 'GT', GRC: 'GR', GIB: 'GI', GHA: 'GH', GEO: 'GE', GBR: 'GB', GAB: 'GA', FRA: 'FR', FIN: 'FI', ETH: 'ET',
  ESP: 'ES', ERI: 'ER', EGY: 'EG', EST: 'EE', ECU: 'EC', DZA: 'DZ', DOM: 'DO', DNK: 'DK', DEU: 'DE', CZE: 'CZ', CYP: 'CY', CUB: 'CU',
  CRI: 'CR', COL: 'CO', CHN: 'CN', CMR: 'CM', CHL: 'CL', CIV: 'CI', CHE: 'CH', COG: 'CG', COD: 'CD', CAN: 'CA', BLR: 'BY', BWA: 'BW',
  BRA: 'BR', BOL: 'BO', BRN: 'BN', BEN: 'BJ', BHR: 'BH', BGR: 'BG', BEL: 'BE', BGD: 'BD', BIH: 'BA', AZE: 'AZ', AUS: 'AU', AUT: 'AT',
  ARG: 'AR', AGO: 'AO', ARM: 'AM', ALB: 'AL', ARE: 'AE',
};

const displayNames = new Map<TLocale, Intl.DisplayNames>();

/** The name of an electricity zone (alpha-3 code) in the reader's language; `fallback` when Intl has none. */
export function countryName(code: string, locale: TLocale, fallback: string): string {
  const region = alpha2[code];
  if (!region) return fallback;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names.of(region) ?? fallback;
}
