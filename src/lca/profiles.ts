import type { TFactorSet } from './types.js';

/**
 * Reference profiles: a profile is a coherent choice of sources inside one factor set (for example `ademe-fr`, the
 * French reference practice, and `boavizta-eu`). The base devices and electricity zones of a factor set are those of
 * its default profile; another profile replaces some of them. Resolving a profile gives an ordinary factor set, so
 * the models never need to know profiles exist.
 */

/** The default profile of a factor set (undefined for factor sets published before profiles existed). */
export function defaultProfileOf(fs: TFactorSet): string | undefined {
  return fs.defaults.profile ?? (fs.profiles ? Object.keys(fs.profiles)[0] : undefined);
}

/** The profile ids of a factor set, default first. */
export function profileIdsOf(fs: TFactorSet): string[] {
  const d = defaultProfileOf(fs);
  const ids = Object.keys(fs.profiles ?? {});
  return d ? [d, ...ids.filter((x) => x !== d)] : ids;
}

const cache = new WeakMap<TFactorSet, Map<string, TFactorSet>>();

/**
 * The factor set as a profile sees it (memoised per factor set object, so compiled forms are cached too).
 * @throws Error naming the available profiles when `id` is not one of them.
 */
export function withProfile(fs: TFactorSet, id?: string): TFactorSet {
  if (!fs.profiles) {
    if (id !== undefined)
      throw new Error(`factor set ${fs.id} has no reference profiles (it predates them); leave the profile out`);
    return fs;
  }
  const pid = id ?? defaultProfileOf(fs) ?? '';
  const p = fs.profiles[pid];
  if (!p) throw new Error(`unknown profile "${pid}" of factor set ${fs.id}; available: ${profileIdsOf(fs).join(', ')}`);
  let perFs = cache.get(fs);
  if (!perFs) {
    perFs = new Map();
    cache.set(fs, perFs);
  }
  const hit = perFs.get(pid);
  if (hit) return hit;
  const zones = { ...fs.electricity.zones };
  for (const [z, factors] of Object.entries(p.electricity)) {
    const base = zones[z];
    if (base) zones[z] = { ...base, factors: { ...base.factors, ...factors } };
  }
  const resolved: TFactorSet = {
    ...fs,
    devices: { ...fs.devices, ...p.devices },
    electricity: { ...fs.electricity, zones },
  };
  perFs.set(pid, resolved);
  return resolved;
}
