import { co2 } from '@tgwf/co2';
import { makeParam, paramOf, type TParam } from './params.js';
import {
  CRITERIA,
  type TCitedRange,
  type TCriterion,
  type TFactorSet,
  type TTier,
  type TCloudPlatform,
  type TMessageParams,
} from './types.js';

export interface TCompiledDevice {
  id: string;
  tier: TTier;
  /** Manufacture (BLD), or the whole life for criteria the source does not split. */
  embodied: Partial<Record<TCriterion, TParam>>;
  /**
   * Assembly and distribution (DIS) and end of life (EOL), where the source splits them: a parameter of their own,
   * or a number, their ratio to the manufacture parameter when they share its relative spread (one uncertain
   * figure split in three, drawn once by the Monte Carlo rather than three times independently).
   */
  distribution: Partial<Record<TCriterion, TParam | number>>;
  endOfLife: Partial<Record<TCriterion, TParam | number>>;
  lifespan: TParam;
  power?: TParam;
  hours?: TParam;
  /** Yearly energy (kWh) when the source gives it as such (ADEME/Arcep). */
  annualKwh?: TParam;
  /** Why the device has no use phase by nature (shown with the zero). */
  noUse?: string;
  /** Criteria whose source figure was quarantined by the build, with the reason. */
  quarantined: Partial<Record<TCriterion, string>>;
  note?: string;
  /** Per criterion (CRITERIA order), 1 when the archetype has an embodied factor (a whole-life figure). */
  embodiedMask: Uint8Array;
}
export type TElecFactors = Partial<Record<TCriterion, TParam>>;

/** Per-criterion constants of a server's manufacture, as [gwp, pe, adpe] keyed by criterion. */
export type TTrio = Partial<Record<TCriterion, number>>;

/** Everything the models need, turned into shared parameters once per factor set and electricity choice. */
export interface TCompiled {
  fs: TFactorSet;
  devices: Map<string, TCompiledDevice>;
  aliases: Map<string, string>;
  zones: Map<string, TElecFactors>;
  /** `zone:criterion` → why the build refused that electricity factor. */
  quarantinedZones: Map<string, string>;
  alpha2: Map<string, string>;
  server: {
    fixed: TCompiledDevice;
    cpuUnits: TParam;
    cpuCores: TParam;
    diePerCore: TParam;
    ramUnits: TParam;
    ramGb: TParam;
    ramDensity: TParam;
    ssdUnits: TParam;
    ssdGb: TParam;
    ssdDensity: TParam;
    hddUnits: TParam;
    psuUnits: TParam;
    psuKg: TParam;
    /** CPU power (W, per CPU) × (1 + other-consumption ratio) at the default load range. */
    cpuWattsDefaultLoad: TParam;
    /** W per GB of RAM × (1 + other-consumption ratio). */
    ramWattsPerGb: TParam;
    otherFactor: TParam;
    hours: TParam;
    pue: TParam;
  };
  cloud: {
    lifespan: TParam;
    memoryKwhPerGbHour: TParam;
    ssdKwhPerGbHour: TParam;
    hddKwhPerGbHour: TParam;
    /** provider → W per vCPU at the default utilisation; `default` for providers without figures. */
    vcpuWatts: Map<string, TParam>;
    pue: Map<string, TParam>;
    /** `provider:platform` → embodied per criterion (whole platform, BLD), as archetype parameters. */
    platformEmbodied: Map<string, Partial<Record<TCriterion, TParam>>>;
  };
  /** kgCO2e per GB: SWD v4 (data centre + network) embodied and operational at the global intensity; OneByte. */
  transfer: {
    swdEmbodiedKgPerGb: number;
    swdOperationalKgPerGb: number;
    swdGridKgPerKwh: number;
    oneByteKgPerGb: number;
  };
  /** Device id → its `negative-factor` warnings (one per criterion), with their warn-once key built once. */
  negativeFactors: Map<string, { key: string; params: TMessageParams }[]>;
}

const cache = new WeakMap<TFactorSet, Map<string, TCompiled>>();

/** CPU power in W at a load in %, by the published curve a·ln(b·(load + c)) + d. */
export function cpuPowerAtLoad(curve: { a: number; b: number; c: number; d: number }, loadPct: number): number {
  return curve.a * Math.log(curve.b * (loadPct + curve.c)) + curve.d;
}

/** Bottom-up manufacture impact of one server from its specs (UBA 2021 constants), per criterion. */
export function serverManufacture(
  fs: TFactorSet,
  s: Required<
    Pick<
      TCloudPlatform,
      'cpuUnits' | 'cpuDieMm2' | 'ramUnits' | 'ramGb' | 'ssdUnits' | 'ssdGb' | 'hddUnits' | 'psuUnits' | 'psuKg'
    >
  > & { ramDensity: number; ssdDensity: number; formFactor: string },
): TTrio {
  const k = fs.server.components;
  const out: TTrio = {};
  for (const c of ['gwp', 'pe', 'adpe'] as const) {
    const cpu = s.cpuUnits * (s.cpuDieMm2 * k.cpu.perMm2[c] + k.cpu.fixed[c]);
    const ram = s.ramUnits * ((s.ramGb / s.ramDensity) * k.ram.perCm2[c] + k.ram.fixed[c]);
    const ssd = s.ssdUnits * ((s.ssdGb / s.ssdDensity) * k.ssd.perCm2[c] + k.ssd.fixed[c]);
    const hdd = s.hddUnits * k.hdd.fixed[c];
    const psu = s.psuUnits * s.psuKg * k.powerSupply.perKg[c];
    const kase =
      s.formFactor === 'blade'
        ? k.case.bladeServer[c] + k.case.bladeEnclosure16[c] / 16
        : s.formFactor === 'tower'
          ? k.case.tower[c]
          : k.case.rack[c];
    out[c] = cpu + ram + ssd + hdd + psu + kase + k.motherboard.fixed[c] + k.assembly.fixed[c];
  }
  return out;
}

/** Compiles a factor set for the engine (cached per factor set object and electricity variants); resolve a profile first (`withProfile`). */
export function compileFactorSet(fs: TFactorSet, electricityVariants: Record<string, string> = {}): TCompiled {
  const key = JSON.stringify(electricityVariants);
  let perFs = cache.get(fs);
  if (!perFs) {
    perFs = new Map();
    cache.set(fs, perFs);
  }
  const hit = perFs.get(key);
  if (hit) return hit;

  const negativeFactors = new Map<string, { key: string; params: TMessageParams }[]>();
  const devices = new Map<string, TCompiledDevice>();
  for (const [id, d] of Object.entries(fs.devices)) {
    const embodied: Partial<Record<TCriterion, TParam>> = {};
    for (const c of CRITERIA) {
      const r = d.embodied[c];
      if (!r) continue;
      embodied[c] = paramOf(`${id}.embodied.${c}`, r, 'archetype');
      if (r.value < 0) {
        const src = fs.sources[r.source]?.title ?? r.source;
        const list = negativeFactors.get(id) ?? [];
        list.push({
          key: `neg:${id}:${c}`,
          params: { criterion: c, category: id, value: r.value, unit: fs.criteria[c].unit, source: src },
        });
        negativeFactors.set(id, list);
      }
    }
    const phaseParams = (
      figures: Partial<Record<string, TCitedRange>> | undefined,
      phase: string,
    ): Partial<Record<TCriterion, TParam | number>> => {
      const out: Partial<Record<TCriterion, TParam | number>> = {};
      for (const c of CRITERIA) {
        const r = figures?.[c];
        if (!r) continue;
        const m = d.embodied[c];
        const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
        out[c] =
          m &&
          m.value > 0 &&
          r.value > 0 &&
          same(r.low / r.value, m.low / m.value) &&
          same(r.high / r.value, m.high / m.value)
            ? r.value / m.value
            : paramOf(`${id}.${phase}.${c}`, r, 'archetype');
      }
      return out;
    };
    const distribution = phaseParams(d.distribution, 'distribution');
    const endOfLife = phaseParams(d.endOfLife, 'endOfLife');
    const quarantined: Partial<Record<TCriterion, string>> = {};
    for (const q of d.quarantined ?? []) {
      const src = fs.sources[q.source]?.title ?? q.source;
      quarantined[q.criterion as TCriterion] =
        `${q.reason} (${src}: ${q.value} ${fs.criteria[q.criterion as TCriterion]?.unit ?? ''})`;
    }
    const u = d.use;
    const hours = u?.hoursPerYear ? paramOf(`${id}.hours`, u.hoursPerYear, 'default') : undefined;
    const annualKwh = u?.annualKwh ? paramOf(`${id}.annual_kwh`, u.annualKwh, 'default') : undefined;
    // A line that gives its hours but not its power takes the power implied by the yearly energy.
    const power = u?.powerW
      ? paramOf(`${id}.power`, u.powerW, 'default')
      : u?.annualKwh && u.hoursPerYear
        ? makeParam(
            `${id}.power`,
            (u.annualKwh.low * 1000) / u.hoursPerYear.value,
            (u.annualKwh.value * 1000) / u.hoursPerYear.value,
            (u.annualKwh.high * 1000) / u.hoursPerYear.value,
            'default',
            u.annualKwh.source,
          )
        : undefined;
    devices.set(id, {
      id,
      tier: d.tier,
      embodied,
      distribution,
      endOfLife,
      note: d.note,
      noUse: d.noUse,
      quarantined,
      embodiedMask: Uint8Array.from(CRITERIA.map((c) => (embodied[c] && !distribution[c] && !endOfLife[c] ? 1 : 0))),
      lifespan: paramOf(`${id}.lifespan`, d.lifespanYears, 'default'),
      power,
      hours,
      annualKwh,
    });
  }
  const aliases = new Map(Object.entries(fs.aliases));

  const zones = new Map<string, TElecFactors>();
  const alpha2 = new Map<string, string>();
  for (const [z, zone] of Object.entries(fs.electricity.zones)) {
    const f: TElecFactors = {};
    const alt = electricityVariants[z] ? fs.electricity.alternatives[z]?.[electricityVariants[z]] : undefined;
    for (const c of CRITERIA) {
      const r = alt?.[c] ?? zone.factors[c];
      // 'default': a line may give its own electricity factor; when it does not, the zone's figure is a default.
      if (r) f[c] = paramOf(`electricity.${z}.${c}`, r, 'default');
    }
    zones.set(z, f);
    if (zone.alpha2) alpha2.set(zone.alpha2, z);
  }

  const quarantinedZones = new Map<string, string>();
  for (const q of fs.electricity.quarantined ?? []) {
    quarantinedZones.set(
      `${q.zone}:${q.criterion}`,
      `${q.reason} (${fs.sources[q.source]?.title ?? q.source}: ${q.value})`,
    );
  }

  const sv = fs.server;
  const d = sv.defaults;
  const other = sv.use.otherConsumptionRatio;
  const curve = sv.use.cpuCurve;
  const pLow = cpuPowerAtLoad(curve, d.cpuLoadPct.low);
  const pMode = cpuPowerAtLoad(curve, d.cpuLoadPct.value);
  const pHigh = cpuPowerAtLoad(curve, d.cpuLoadPct.high);
  const fixedServer = devices.get('server');
  if (!fixedServer) throw new Error(`factor set ${fs.id} has no server archetype`);

  const vcpuWatts = new Map<string, TParam>();
  const pue = new Map<string, TParam>();
  const u = fs.cloud.utilisation;
  for (const [p, c] of Object.entries(fs.cloud.providers)) {
    const w = (mn: number, mx: number, ut: number): number => mn + ut * (mx - mn);
    // 'default': the utilisation is assumed; a line that gives its load replaces it.
    vcpuWatts.set(
      p,
      makeParam(
        `cloud.${p}.vcpuWatts`,
        w(c.minWattsPerVcpu.low, c.maxWattsPerVcpu.low, u.low),
        w(c.minWattsPerVcpu.value, c.maxWattsPerVcpu.value, u.value),
        w(c.minWattsPerVcpu.high, c.maxWattsPerVcpu.high, u.high),
        'default',
        'ccf',
      ),
    );
    pue.set(p, paramOf(`cloud.${p}.pue`, c.pue, 'reference'));
  }

  const platformEmbodied = new Map<string, Partial<Record<TCriterion, TParam>>>();
  for (const [id, p] of Object.entries(fs.cloud.platforms)) {
    const cpuUnits = p.cpuUnits ?? d.cpuUnits.value;
    const die = p.cpuDieMm2 ?? (p.cpuCores ?? d.cpuCores.value) * d.cpuDieMm2PerCore.value;
    const trio = serverManufacture(fs, {
      cpuUnits,
      cpuDieMm2: die,
      ramUnits: p.ramUnits ?? d.ramUnits.value,
      ramGb: p.ramGb ?? d.ramGb.value,
      ssdUnits: p.ssdUnits ?? 0,
      ssdGb: p.ssdGb ?? 0,
      hddUnits: p.hddUnits ?? 0,
      psuUnits: p.psuUnits ?? d.psuUnits.value,
      psuKg: p.psuKg ?? d.psuKg.value,
      ramDensity: d.ramDensityGbCm2.value,
      ssdDensity: d.ssdDensityGbCm2.value,
      formFactor: 'rack',
    });
    const ps: Partial<Record<TCriterion, TParam>> = {};
    for (const [c, v] of Object.entries(trio))
      ps[c as TCriterion] = makeParam(`cloud.${id}.embodied.${c}`, v, v, v, 'archetype', 'uba-2021');
    platformEmbodied.set(id, ps);
  }

  // Transfer: the SWD v4 and OneByte figures come from CO2.js itself (grams for 1 GB), not from our own copy.
  const swdSegments = new co2({ model: 'swd', version: 4, results: 'segment' }).perByte(1e9, false) as Record<
    string,
    number
  >;
  const swd = (segment: string): number => {
    const kg = swdSegments[segment];
    if (typeof kg !== 'number') throw new Error(`@tgwf/co2 gives no ${segment} figure for the SWD v4 model`);
    return kg;
  };
  const oneByte = new co2({ model: '1byte' }).perByte(1e9, false) as number;

  const compiled: TCompiled = {
    fs,
    devices,
    aliases,
    zones,
    quarantinedZones,
    alpha2,
    negativeFactors,
    server: {
      fixed: fixedServer,
      cpuUnits: paramOf('server.cpu_units', d.cpuUnits, 'default'),
      cpuCores: paramOf('server.cpu_cores', d.cpuCores, 'default'),
      diePerCore: paramOf('server.die_mm2_per_core', d.cpuDieMm2PerCore, 'default'),
      ramUnits: paramOf('server.ram_units', d.ramUnits, 'default'),
      ramGb: paramOf('server.ram_gb', d.ramGb, 'default'),
      ramDensity: paramOf('server.ram_density', d.ramDensityGbCm2, 'default'),
      ssdUnits: paramOf('server.ssd_units', d.ssdUnits, 'default'),
      ssdGb: paramOf('server.ssd_gb', d.ssdGb, 'default'),
      ssdDensity: paramOf('server.ssd_density', d.ssdDensityGbCm2, 'default'),
      hddUnits: paramOf('server.hdd_units', d.hddUnits, 'default'),
      psuUnits: paramOf('server.psu_units', d.psuUnits, 'default'),
      psuKg: paramOf('server.psu_kg', d.psuKg, 'default'),
      cpuWattsDefaultLoad: makeParam(
        'server.cpu_watts',
        pLow * (1 + other.low),
        pMode * (1 + other.value),
        pHigh * (1 + other.high),
        'default',
        curve.source,
      ),
      ramWattsPerGb: makeParam(
        'server.ram_watts_per_gb',
        sv.use.ramWattsPerGb.low * (1 + other.low),
        sv.use.ramWattsPerGb.value * (1 + other.value),
        sv.use.ramWattsPerGb.high * (1 + other.high),
        'reference',
        sv.use.ramWattsPerGb.source,
      ),
      otherFactor: makeParam(
        'server.other_consumption',
        1 + other.low,
        1 + other.value,
        1 + other.high,
        'reference',
        other.source,
      ),
      hours: paramOf('server.hours', sv.use.hoursPerYear, 'default'),
      pue: paramOf('server.pue', sv.defaultPue, 'default'),
    },
    cloud: {
      lifespan: paramOf('cloud.platform_lifespan', fs.cloud.platformLifespanYears, 'reference'),
      memoryKwhPerGbHour: paramOf('cloud.memory', fs.cloud.memoryKwhPerGbHour, 'reference'),
      ssdKwhPerGbHour: makeParam(
        'cloud.ssd',
        fs.cloud.ssdWhPerTbHour.low / 1e6,
        fs.cloud.ssdWhPerTbHour.value / 1e6,
        fs.cloud.ssdWhPerTbHour.high / 1e6,
        'reference',
        'ccf',
      ),
      hddKwhPerGbHour: makeParam(
        'cloud.hdd',
        fs.cloud.hddWhPerTbHour.low / 1e6,
        fs.cloud.hddWhPerTbHour.value / 1e6,
        fs.cloud.hddWhPerTbHour.high / 1e6,
        'reference',
        'ccf',
      ),
      vcpuWatts,
      pue,
      platformEmbodied,
    },
    transfer: {
      swdEmbodiedKgPerGb: (swd('dataCenterEmbodiedCO2e') + swd('networkEmbodiedCO2e')) / 1000,
      swdOperationalKgPerGb: (swd('dataCenterOperationalCO2e') + swd('networkOperationalCO2e')) / 1000,
      // The global grid intensity SWD v4 applies (494 gCO2e/kWh): used to rescale the operational part when a line
      // overrides the electricity factor.
      swdGridKgPerKwh: 0.494,
      oneByteKgPerGb: oneByte / 1000,
    },
  };
  perFs.set(key, compiled);
  return compiled;
}
