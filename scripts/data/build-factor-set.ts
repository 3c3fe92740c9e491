/**
 * Builds the project's own factor set `techcare-2026.1` from the reference figures gathered under
 * ../shared/data/boavizta-2.4.1 (used as a source of FIGURES only; each figure below cites its original source).
 *
 * Run once: `npx tsx scripts/data/build-factor-set.ts [path-to-boavizta-folder]`. A published factor set is
 * immutable: the script refuses to overwrite it unless `--force` is given (only before publication).
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ALPHA3_TO_ALPHA2 } from './iso-alpha2.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const force = args.includes('--force');
const src = args.find((a) => !a.startsWith('--')) ?? join(here, '../../../shared/data/boavizta-2.4.1');
const ID = 'techcare-2026.1';
const out = join(here, '../../src/data/factor-sets', ID);
if (existsSync(join(out, 'factor-set.json')) && !force) {
  console.error(`${ID} is published and immutable; create a new factor set id instead (or --force before publication).`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

type Range = { value: number; low: number; high: number; source: string; note?: string };
const rows = (file: string): Record<string, string>[] => parse(readFileSync(join(src, file)), { columns: true, skip_empty_lines: true, bom: true });
const frNum = (s: string): number => Number(s.replace(',', '.'));
const r = (value: number, source: string, low = value, high = value, note?: string): Range => {
  const lo = Math.min(low, high, value);
  const hi = Math.max(low, high, value);
  return note ? { value, low: lo, high: hi, source, note } : { value, low: lo, high: hi, source };
};

// 1. Sources: every figure refers to one of these ids.
const sources = {
  'ademe-base-impacts': { title: 'ADEME Base IMPACTS (NegaOctet subset of end-user devices), gathered by Boavizta', url: 'https://base-empreinte.ademe.fr/', year: 2021, licence: 'ADEME Base IMPACTS; indicator values publishable (CADA opinion 20203670)' },
  'ademe-arcep-2022': { title: 'ADEME / Arcep, Évaluation de l’impact environnemental du numérique en France (2022, 2020 data), figures as published on impactco2.fr', url: 'https://impactco2.fr/outils/numerique', year: 2022, licence: 'Licence Ouverte / Etalab 2.0' },
  'boavizta-pcf': { title: 'Boavizta environmental-footprint-data: manufacturers’ product carbon footprints (median, p10–p90)', url: 'https://github.com/Boavizta/environmental-footprint-data', year: 2023, licence: 'figures cited as facts (repository MIT)' },
  'ecodiag': { title: 'CNRS EcoInfo, Ecodiag emission factors for labs and schools', url: 'https://ecoinfo.cnrs.fr/ecodiag-calcul/', year: 2021, licence: 'figures cited as facts' },
  'boavizta-use': { title: 'Boavizta working group, default use profiles of end-user devices (BoaviztAPI 2.4.1 data)', url: 'https://github.com/Boavizta/boaviztapi', year: 2024, licence: 'figures cited as facts' },
  'ademe-lifespan': { title: 'ADEME, default lifespans of digital equipment (ADEME / Arcep 2022 study)', url: 'https://librairie.ademe.fr/', year: 2022, licence: 'Licence Ouverte / Etalab 2.0' },
  'uba-2021': { title: 'UBA (German Environment Agency), Green Cloud Computing, Texte 94/2021, component manufacture constants', url: 'https://www.umweltbundesamt.de/publikationen/green-cloud-computing', year: 2021, licence: 'public report, figures cited as facts' },
  'boavizta-defaults': { title: 'Boavizta, BoaviztAPI component defaults (RAM 0.625 GB/cm², SSD 48.5 GB/cm², die 24.5 mm² per core, archetype Dell R740, CPU power curve, RAM W/GB, other-consumption ratio)', url: 'https://doc.api.boavizta.org/', year: 2024, licence: 'figures cited as facts' },
  'cpu-specs': { title: 'Public CPU specifications (TechPowerUp, WikiChip) compiled by Boavizta', url: 'https://www.techpowerup.com/cpu-specs/', year: 2024, licence: 'figures cited as facts' },
  'scarlat-2021': { title: 'Scarlat et al., Quantification of the carbon intensity of electricity produced and used in Europe, Applied Energy 2022 (2019 data)', url: 'https://doi.org/10.1016/j.apenergy.2021.117901', year: 2021, licence: 'CC BY 4.0' },
  'ember-2020': { title: 'Ember, data explorer, electricity carbon intensity (2020 data)', url: 'https://ember-climate.org/data/data-explorer', year: 2020, licence: 'CC BY 4.0' },
  'ademe-base-impacts-elec': { title: 'ADEME Base IMPACTS, electricity mixes per country (2011 data), gathered by Boavizta', url: 'https://base-empreinte.ademe.fr/', year: 2011, licence: 'ADEME Base IMPACTS' },
  'boavizta-pe': { title: 'Boavizta, primary energy of electricity = ADPf / (1 − renewable share), renewable shares from IRENA (2016)', url: 'https://github.com/Boavizta/boaviztapi', year: 2016, licence: 'figures cited as facts' },
  'boavizta-world-avg': { title: 'Boavizta, world GWP of electricity = average of the countries of its table (2019–2020 data)', url: 'https://github.com/Boavizta/boaviztapi', year: 2020, licence: 'figures cited as facts' },
  'ademe-base-empreinte-fr': { title: 'ADEME Base Empreinte, Électricité – 2022 – mix moyen – consommation (France continentale)', url: 'https://base-empreinte.ademe.fr/', year: 2023, licence: 'Licence Ouverte / Etalab 2.0' },
  'ccf': { title: 'Cloud Carbon Footprint methodology coefficients (min/max W per vCPU, memory, storage, networking, PUE)', url: 'https://www.cloudcarbonfootprint.org/docs/methodology', year: 2023, licence: 'Apache-2.0' },
  'sci': { title: 'Green Software Foundation, Software Carbon Intensity (SCI) specification: embodied share M = TE × TR/EL × RR/TR', url: 'https://sci-guide.greensoftware.foundation/', year: 2024, licence: 'CC BY 4.0' },
  'cloud-instances': { title: 'Cloud providers’ documentation of instance types and host platforms, compiled by Boavizta', url: 'https://github.com/Boavizta/boaviztapi', year: 2024, licence: 'figures cited as facts' },
  'uptime-2023': { title: 'Uptime Institute, Global Data Center Survey 2023: average annual PUE 1.58', url: 'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-results-2023', year: 2023, licence: 'figures cited as facts' },
  'swd-v4': { title: 'Sustainable Web Design model v4, as implemented by CO2.js 0.19 (@tgwf/co2)', url: 'https://sustainablewebdesign.org/estimating-digital-emissions/', year: 2024, licence: 'Apache-2.0 (CO2.js)' },
  'onebyte': { title: 'The Shift Project, 1byte model, as implemented by CO2.js 0.19 (@tgwf/co2)', url: 'https://developers.thegreenwebfoundation.org/co2js/models/', year: 2018, licence: 'Apache-2.0 (CO2.js)' },
  'techcare-assumption': { title: 'Techcare assumption where no open figure exists; stated in docs/methodology.md, to be replaced by a cited figure', url: 'docs/methodology.md', year: 2026, licence: 'CC BY 4.0' },
};

// 2. End-user devices and peripherals. Embodied = manufacture + distribution + end of life as one figure (the
//    sources do not split it): the engine books it in BLD and says so.
const bi = rows('ademe_base_impacts_negaoctet.csv');
const biRow = (cat: string, type = ''): Record<string, string> => {
  const row = bi.find((x) => x.Category === cat && x.type === type);
  if (!row) throw new Error(`Base IMPACTS row ${cat}/${type} missing`);
  return row;
};
/** GWP estimates from several studies give the low/high; the other criteria get the same relative spread. */
function embodied(row: Record<string, string>, gwpOthers: number[], spreadNote: string): Record<string, Range> {
  const gwp = frNum(row.GWP);
  const lo = Math.min(gwp, ...gwpOthers);
  const hi = Math.max(gwp, ...gwpOthers);
  const out: Record<string, Range> = { gwp: r(gwp, 'ademe-base-impacts', lo, hi, spreadNote) };
  const crit: Record<string, string> = { adpe: 'ADPe', wu: 'WU', ap: 'AP', pm: 'PM', ir: 'IR' };
  for (const [c, col] of Object.entries(crit)) {
    const v = frNum(row[col]);
    out[c] = r(v, 'ademe-base-impacts', (v * lo) / gwp, (v * hi) / gwp, 'low/high: relative spread of the GWP estimates (assumption)');
  }
  return out;
}
const use = rows('user_terminal.csv');
function useProfile(id: string): { powerW: Range; hoursPerYear: Range } {
  const row = use.find((x) => x.id === id);
  if (!row) throw new Error(`use profile ${id} missing`);
  const [d, mn, mx] = row['USAGE.avg_power'].split(';').map(Number);
  const ratio = Number(row['USAGE.use_time_ratio']);
  return { powerW: r(d, 'boavizta-use', mn, mx), hoursPerYear: r(8760 * ratio, 'boavizta-use', 8760 * ratio, 8760 * ratio, `8760 h × use ratio ${ratio}`) };
}
const life = (value: number, source: string, low = value, high = value, note?: string): Range => r(value, source, low, high, note);

const devices: Record<string, unknown> = {
  laptop: { tier: 'terminals', embodied: embodied(biRow('Laptop', 'pro'), [175, 185.4, 156, 339, 260], 'low/high: min/max of Base IMPACTS 175–181, ADEME/Arcep 185.4, Ecodiag 260, manufacturer PCF p10 156 – p90 339'), lifespanYears: life(5, 'ademe-lifespan', 4, 5, 'low: Boavizta professional laptop 35,040 h = 4 years'), use: useProfile('laptop-pro') },
  desktop: { tier: 'terminals', embodied: embodied(biRow('Desktop', 'pro'), [211.0, 268.1, 196, 490, 300], 'low/high: min/max of Base IMPACTS 277, ADEME/Arcep 211.0 pro / 268.1 personal, Ecodiag 300, manufacturer PCF p10 196 – p90 490'), lifespanYears: life(6, 'ademe-lifespan'), use: useProfile('desktop-pro') },
  monitor: { tier: 'terminals', embodied: embodied(biRow('Monitor'), [69.8, 174, 520, 430], 'low/high: min/max of Base IMPACTS 64.7, ADEME/Arcep 69.8, Ecodiag 430, manufacturer PCF p10 174 – p90 520'), lifespanYears: life(6, 'ademe-lifespan', 6, 6.6, 'high: Boavizta 57,816 h = 6.6 years'), use: useProfile('monitor-default') },
  smartphone: { tier: 'terminals', embodied: embodied(biRow('Smartphone'), [85.3, 31, 77, 63], 'low/high: min/max of Base IMPACTS 84, ADEME/Arcep 85.3, Ecodiag 63, manufacturer PCF p10 31 – p90 77'), lifespanYears: life(2.5, 'ademe-lifespan'), use: useProfile('smartphone-default') },
  tablet: { tier: 'terminals', embodied: embodied(biRow('Tablet'), [60.1, 48, 122], 'low/high: min/max of Base IMPACTS 75.9, ADEME/Arcep 60.1, manufacturer PCF p10 48 – p90 122'), lifespanYears: life(3, 'ademe-lifespan'), use: useProfile('tablet-default') },
  tv: { tier: 'terminals', embodied: embodied(biRow('Television', 'pro'), [360, 387.6], 'low/high: min/max of Base IMPACTS 152 pro / 360 personal, ADEME/Arcep 387.6'), lifespanYears: life(8, 'ademe-lifespan'), use: useProfile('tv-pro') },
  box: { tier: 'network', embodied: embodied(biRow('Box'), [63.0], 'low/high: min/max of Base IMPACTS 36.1, ADEME/Arcep 63.0'), lifespanYears: life(5, 'ademe-lifespan'), use: useProfile('box-default') },
  external_hdd: { tier: 'terminals', embodied: embodied(biRow('ExternalHHD'), [], 'single source'), lifespanYears: life(5, 'boavizta-use', 5, 5, '43,800 h'), use: useProfile('hdd-default') },
  external_ssd: { tier: 'terminals', embodied: embodied(biRow('ExternalSSD'), [], 'single source'), lifespanYears: life(5, 'boavizta-use', 5, 5, '43,800 h'), use: useProfile('external-ssd-default') },
  usb_stick: { tier: 'terminals', embodied: embodied(biRow('USBStick'), [], 'single source'), lifespanYears: life(5, 'boavizta-use', 5, 5, '43,800 h'), use: useProfile('usb-stick-default') },
  printer: { tier: 'terminals', embodied: { gwp: r(130, 'boavizta-pcf', 90, 150, 'median and p10–p90 of manufacturers’ PCFs; Ecodiag gives 100 (+ consumables)') }, lifespanYears: life(5, 'techcare-assumption', 3, 7) },
  ip_phone: { tier: 'network', embodied: { gwp: r(17, 'ecodiag') }, lifespanYears: life(5, 'techcare-assumption', 3, 7) },
  wifi_access_point: { tier: 'network', embodied: { gwp: r(10, 'ecodiag') }, lifespanYears: life(5, 'techcare-assumption', 3, 7) },
  network_switch: { tier: 'network', embodied: {}, lifespanYears: life(5, 'techcare-assumption', 3, 7), note: 'no open embodied figure: give embodied_gwp_kg' },
  server: { tier: 'datacenter', embodied: embodied(biRow('Server'), [1278, 726, 1946, 1300], 'low/high: min/max of Base IMPACTS 3,660, Ecodiag 1,300, manufacturer PCF p10 726 – p90 1,946'), lifespanYears: life(4, 'ademe-lifespan', 4, 6, 'high: Boavizta cloud platforms 52,560 h = 6 years') },
};
const aliases: Record<string, string> = {
  ordinateur_portable: 'laptop', portable: 'laptop', notebook: 'laptop', pc_portable: 'laptop',
  ordinateur_fixe: 'desktop', pc_fixe: 'desktop', unite_centrale: 'desktop', workstation: 'desktop',
  ecran: 'monitor', screen: 'monitor', display: 'monitor', telephone: 'smartphone', mobile: 'smartphone', phone: 'smartphone',
  tablette: 'tablet', television: 'tv', televiseur: 'tv', imprimante: 'printer', telephone_ip: 'ip_phone', voip_phone: 'ip_phone',
  box_internet: 'box', routeur: 'box', router: 'box', switch: 'network_switch', commutateur: 'network_switch',
  borne_wifi: 'wifi_access_point', access_point: 'wifi_access_point', wifi: 'wifi_access_point', serveur: 'server',
  instance_cloud: 'cloud_instance', cloud: 'cloud_instance', vm: 'cloud_instance', transfert: 'data_transfer', transfer: 'data_transfer',
  disque_externe: 'external_hdd', cle_usb: 'usb_stick', ssd_externe: 'external_ssd',
};

// 3. Servers: UBA component constants (gwp, pe, adpe), Boavizta defaults and use model.
const server = {
  components: {
    cpu: { perMm2: { gwp: 0.0197, pe: 0.265, adpe: 5.87e-9 }, fixed: { gwp: 9.14, pe: 156, adpe: 2.04e-2 }, source: 'uba-2021' },
    ram: { perCm2: { gwp: 2.2, pe: 27.3, adpe: 6.3e-5 }, fixed: { gwp: 5.22, pe: 74, adpe: 1.69e-3 }, source: 'uba-2021' },
    ssd: { perCm2: { gwp: 2.2, pe: 27.3, adpe: 6.3e-5 }, fixed: { gwp: 6.34, pe: 73.98, adpe: 5.63e-4 }, source: 'uba-2021' },
    hdd: { fixed: { gwp: 31.11, pe: 276, adpe: 2.5e-4 }, source: 'uba-2021' },
    motherboard: { fixed: { gwp: 66.1, pe: 836, adpe: 3.69e-3 }, source: 'uba-2021' },
    assembly: { fixed: { gwp: 6.68, pe: 68.6, adpe: 1.41e-6 }, source: 'uba-2021' },
    powerSupply: { perKg: { gwp: 24.3, pe: 352, adpe: 8.3e-3 }, source: 'uba-2021' },
    case: { rack: { gwp: 150, pe: 2200, adpe: 0.0202 }, bladeServer: { gwp: 30.9, pe: 435, adpe: 0.000672 }, bladeEnclosure16: { gwp: 880, pe: 12700, adpe: 0.432 }, tower: { gwp: 150, pe: 2200, adpe: 0.0202 }, source: 'uba-2021', note: 'tower: no UBA constant, the rack case is used (assumption)' },
  },
  defaults: {
    cpuUnits: r(2, 'boavizta-defaults', 1, 2, 'archetype Dell R740'),
    cpuCores: r(24, 'boavizta-defaults', 8, 64),
    cpuDieMm2PerCore: r(24.5, 'boavizta-defaults', 16.6, 40.4, 'low/high: range of the per-core die area of server CPUs in the CPU table (assumption)'),
    ramUnits: r(12, 'boavizta-defaults', 2, 24, 'archetype Dell R740'),
    ramGb: r(32, 'boavizta-defaults', 16, 64),
    ramDensityGbCm2: r(0.625, 'boavizta-defaults'),
    ssdUnits: r(1, 'boavizta-defaults', 0, 2, 'archetype Dell R740'),
    ssdGb: r(400, 'boavizta-defaults', 100, 2000),
    ssdDensityGbCm2: r(48.5, 'boavizta-defaults'),
    hddUnits: r(0, 'boavizta-defaults'),
    psuUnits: r(2, 'boavizta-defaults', 1, 2),
    psuKg: r(2.99, 'boavizta-defaults', 1, 5),
    cpuLoadPct: r(50, 'boavizta-defaults', 0, 100),
    formFactor: 'rack',
  },
  use: {
    cpuCurve: { a: 171.2, b: 0.0354, c: 36.89, d: -10.13, source: 'boavizta-defaults', note: 'P(load) = a·ln(b·(load% + c)) + d, per CPU' },
    ramWattsPerGb: r(0.284, 'boavizta-defaults'),
    otherConsumptionRatio: r(0.33, 'boavizta-defaults', 0.2, 0.6),
    hoursPerYear: r(8760, 'boavizta-defaults', 8760, 8760, 'always on'),
  },
  defaultPue: r(1.58, 'uptime-2023', 1.58, 1.58),
};

// 4. CPU die lookup: model → cores, total die area (mm²). Compact on purpose.
const cpuLines = ['model,cores,threads,die_mm2'];
for (const row of rows('cpu_specs.csv')) {
  const die = Number(row.total_die_size);
  const cores = Number(row.cores);
  if (!row.name || !Number.isFinite(die) || die <= 0) continue;
  cpuLines.push(`${JSON.stringify(row.name)},${Number.isFinite(cores) ? cores : ''},${Number(row.threads) || ''},${die}`);
}
writeFileSync(join(out, 'cpu-dies.csv'), cpuLines.join('\n') + '\n');
const cpuByName = new Map<string, { cores: number; threads: number; die: number }>();
for (const row of rows('cpu_specs.csv')) cpuByName.set(row.name.toLowerCase(), { cores: Number(row.cores), threads: Number(row.threads), die: Number(row.total_die_size) });

// 5. Electricity per zone, every criterion the sources have (no water use: none of them gives it).
const mix = parse(readFileSync(join(src, 'electrical_mix.csv')), { bom: true }) as string[][];
const header = mix[0];
const zoneCols = header.slice(7);
const names = mix[1].slice(7);
const zones: Record<string, { name: string; alpha2?: string; factors: Record<string, Range> }> = {};
zoneCols.forEach((z, i) => { zones[z] = { name: names[i].trim(), ...(ALPHA3_TO_ALPHA2[z] ? { alpha2: ALPHA3_TO_ALPHA2[z] } : {}), factors: {} }; });
const critOf: Record<string, string> = { ap: 'ap', pm: 'pm', ir: 'ir', adpe: 'adpe', pe: 'pe' };
const gwpRows: { source: string; priority: number; values: string[] }[] = [];
for (const row of mix.slice(2)) {
  const code = row[6];
  const source = row[3];
  const srcId = source.includes('sciencedirect') ? 'scarlat-2021' : source.includes('ember') ? 'ember-2020' : source.startsWith('Average') ? 'boavizta-world-avg' : code === 'pe' ? 'boavizta-pe' : 'ademe-base-impacts-elec';
  if (code === 'gwp') { gwpRows.push({ source: srcId, priority: Number(row[4]), values: row.slice(7) }); continue; }
  const crit = critOf[code];
  if (!crit) continue;
  row.slice(7).forEach((v, i) => { if (v !== '' && Number.isFinite(Number(v))) zones[zoneCols[i]].factors[crit] = r(Number(v), srcId); });
}
gwpRows.sort((a, b) => a.priority - b.priority);
zoneCols.forEach((z, i) => {
  const found = gwpRows.filter((g) => g.values[i] !== '' && Number.isFinite(Number(g.values[i])));
  if (!found.length) return;
  const best = found.find((g) => g.source !== 'ademe-base-impacts-elec') ?? found[0];
  // Low/high: spread between the two recent independent estimates where both exist (Scarlat 2019 data, Ember 2020).
  const recent = found.filter((g) => g.source === 'scarlat-2021' || g.source === 'ember-2020').map((g) => Number(g.values[i]));
  const v = Number(best.values[i]);
  zones[z].factors.gwp = z === 'FRA'
    ? r(v, best.source, 0.052, v, 'low: ADEME Base Empreinte French mix 0.052 (the alternative reference)')
    : r(v, best.source, Math.min(v, ...recent), Math.max(v, ...recent), recent.length > 1 ? 'low/high: Scarlat 2019 data vs Ember 2020' : undefined);
});
const electricity = {
  zones,
  alternatives: {
    FRA: { ademe: { gwp: r(0.052, 'ademe-base-empreinte-fr', 0.052, 0.052, 'ADEME’s French mix, lower than Scarlat’s 0.098 (consumption-based, 2022)') } },
  },
};
writeFileSync(join(out, 'electricity.json'), JSON.stringify(electricity, null, 1) + '\n');

// 6. Cloud: instances → platforms, platforms' components, regions → country.
const providers = ['aws', 'azure', 'gcp', 'ovhcloud', 'scaleway'];
const instLines = ['provider,instance,vcpu,memory_gb,ssd_gb,hdd_gb,gpu_units,platform'];
const instVcpu = new Map<string, number>();
for (const p of providers) {
  for (const row of rows(`cloud/${p}.csv`)) {
    instLines.push([p, row.id, Number(row.vcpu), Number(row.memory), Number(row.ssd_storage) || 0, Number(row.hdd_storage) || 0, Number(row.gpu_units) || 0, row.platform].join(','));
    instVcpu.set(`${p}:${row.id}`, Number(row.vcpu));
  }
}
writeFileSync(join(out, 'cloud-instances.csv'), instLines.join('\n') + '\n');
const providerOf: Record<string, string> = { AWS: 'aws', Azure: 'azure', GCP: 'gcp', OVHcloud: 'ovhcloud', Scaleway: 'scaleway' };
const first = (s: string | undefined): number | undefined => {
  if (s === undefined || s === '') return undefined;
  const n = Number(String(s).split(';')[0]);
  return Number.isFinite(n) ? n : undefined;
};
const platforms: Record<string, unknown> = {};
for (const row of rows('server.csv')) {
  const provider = providerOf[row.manufacturer];
  if (!provider) continue;
  const cpuName = row['CPU.name'] || undefined;
  const spec = cpuName ? cpuByName.get(cpuName.toLowerCase()) : undefined;
  const cpuUnits = first(row['CPU.units']) ?? 1;
  const threads = first(row['CPU.threads']) ?? (spec && spec.threads > 0 ? spec.threads : undefined);
  // Platform vCPU: the bare-metal instance of the same name when listed, else threads × CPUs.
  const vcpu = instVcpu.get(`${provider}:${row.id}`) ?? (threads ? threads * cpuUnits : undefined);
  platforms[`${provider}:${row.id}`] = {
    vcpu,
    cpuUnits, cpuModel: cpuName, cpuCores: first(row['CPU.core_units']) ?? (spec && spec.cores > 0 ? spec.cores : undefined),
    cpuDieMm2: spec && spec.die > 0 ? spec.die : undefined,
    ramUnits: first(row['RAM.units']), ramGb: first(row['RAM.capacity']),
    ssdUnits: first(row['SSD.units']) ?? 0, ssdGb: first(row['SSD.capacity']) ?? 0,
    hddUnits: first(row['HDD.units']) ?? 0,
    psuUnits: first(row['POWER_SUPPLY.units']), psuKg: first(row['POWER_SUPPLY.unit_weight']),
    gpuUnits: first(row['GPU.units']) ?? 0,
  };
}
// Platforms without a known vCPU count take the largest instance placed on them.
for (const line of instLines.slice(1)) {
  const [p, , vcpu, , , , , platform] = line.split(',');
  const key = `${p}:${platform}`;
  const pl = platforms[key] as { vcpu?: number } | undefined;
  if (pl && (pl.vcpu === undefined || pl.vcpu < Number(vcpu))) pl.vcpu = Number(vcpu);
}
writeFileSync(join(out, 'cloud-platforms.json'), JSON.stringify({ source: 'cloud-instances', platforms }) + '\n');
const regLines = ['provider,region,country'];
for (const row of rows('cloud/regions.csv')) regLines.push([row.provider, row.region, row.usage_location].join(','));
writeFileSync(join(out, 'cloud-regions.csv'), regLines.join('\n') + '\n');

const cloud = {
  providers: {
    aws: { pue: r(1.135, 'ccf'), minWattsPerVcpu: r(0.74, 'ccf'), maxWattsPerVcpu: r(3.5, 'ccf') },
    gcp: { pue: r(1.1, 'ccf'), minWattsPerVcpu: r(0.71, 'ccf'), maxWattsPerVcpu: r(4.26, 'ccf') },
    azure: { pue: r(1.185, 'ccf'), minWattsPerVcpu: r(0.78, 'ccf'), maxWattsPerVcpu: r(3.76, 'ccf') },
    default: { pue: r(1.185, 'techcare-assumption', 1.1, 1.58, 'providers without a CCF figure (OVHcloud, Scaleway): highest CCF PUE, range up to the industry average'), minWattsPerVcpu: r(0.74, 'techcare-assumption', 0.71, 0.78, 'range of the CCF providers'), maxWattsPerVcpu: r(3.84, 'techcare-assumption', 3.5, 4.26, 'mean and range of the CCF providers') },
  },
  memoryKwhPerGbHour: r(0.000392, 'ccf'),
  ssdWhPerTbHour: r(1.2, 'ccf'),
  hddWhPerTbHour: r(0.65, 'ccf'),
  utilisation: r(0.5, 'ccf', 0.1, 0.9, 'CCF default 50%; low/high assumption'),
  platformLifespanYears: r(4, 'sci', 4, 6, 'CCF/SCI 4 years; high: Boavizta 6 years'),
  defaultHoursPerYear: r(8760, 'techcare-assumption', 8760, 8760, 'an instance line without hours runs all year'),
};

const transfer = {
  swd: { model: 'swd', version: 4, source: 'swd-v4', note: 'computed by @tgwf/co2; data centre and network segments counted, the end-user device segment is left out because devices are counted in the terminals tier' },
  onebyte: { model: '1byte', source: 'onebyte' },
};

const factorSet = {
  id: ID,
  publishedAt: '2026-01-15',
  licence: 'CC BY 4.0 for the compilation; each figure keeps the licence of its source',
  description: 'Techcare reference factor set: end-user devices, servers, electricity, cloud and data transfer.',
  criteria: {
    gwp: { unit: 'kgCO2e', pcrsi: 'GWP', name: 'Climate change' },
    adpe: { unit: 'kgSbe', pcrsi: 'ADPe', name: 'Abiotic resources, minerals and metals' },
    wu: { unit: 'm3', pcrsi: 'WU', name: 'Water use' },
    pe: { unit: 'MJ', pcrsi: 'PE', name: 'Primary energy' },
    ap: { unit: 'molH+e', pcrsi: 'AP', name: 'Acidification' },
    pm: { unit: 'disease incidence', pcrsi: 'PM', name: 'Particulate matter' },
    ir: { unit: 'kBqU235e', pcrsi: 'IR', name: 'Ionising radiation' },
  },
  sources,
  devices,
  aliases,
  server,
  cloud,
  transfer,
  defaults: { country: 'FRA', note: 'default place of use when a line gives none' },
};
writeFileSync(join(out, 'factor-set.json'), JSON.stringify(factorSet, null, 1) + '\n');
console.log(`wrote ${out}`);
