import type { DB } from '../../db/client.js';

/**
 * Services of other features this feature uses, reached only through their index.ts. They are looked up when
 * called, so this feature works (with the section left out) before the other feature exports them, and picks them
 * up without a change once it does. Each lookup states the signature of the brief's cross-feature contract.
 */

type TAnyFn = (...args: never[]) => unknown;

async function exported<F extends TAnyFn>(load: () => Promise<Record<string, unknown>>, name: string): Promise<F | null> {
  try {
    const mod = await load();
    return typeof mod[name] === 'function' ? (mod[name] as F) : null;
  } catch {
    return null;
  }
}

export interface TLeverRef {
  slug: string;
  title?: string;
  name?: string;
}

/** The actions feature's lever catalogue, or null while it does not exist (then any well-formed slug is accepted). */
export async function leverCatalogue(): Promise<TLeverRef[] | null> {
  const fn = await exported<() => unknown>(() => import('../actions/index.js'), 'listLevers');
  if (!fn) return null;
  const levers = await Promise.resolve(fn());
  if (!Array.isArray(levers)) return null;
  return levers.filter((l): l is TLeverRef => !!l && typeof (l as TLeverRef).slug === 'string');
}

/**
 * A lever's display label: the catalogue's own title when it has one, else the actions feature's i18n title
 * (`actions.lever.<slug>.title`), else the slug.
 */
export function leverLabel(lever: TLeverRef | undefined, slug: string, v: { locale: 'fr' | 'en'; t: (key: never) => string }): string {
  const raw = (lever as Record<string, unknown> | undefined)?.title ?? (lever as Record<string, unknown> | undefined)?.name;
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && typeof (raw as Record<string, unknown>)[v.locale] === 'string') return (raw as Record<string, string>)[v.locale]!;
  const key = `actions.lever.${slug}.title`;
  const text = v.t(key as never);
  return text && text !== key ? text : slug;
}

/** maturity: `currentMaturityLevel(db, orgId)` → `{ level, assessedAt } | null`. */
export async function maturityLevelOf(db: DB, orgId: number): Promise<number | null> {
  const fn = await exported<(db: DB, orgId: number) => Promise<{ level: number } | null>>(() => import('../maturity/index.js'), 'currentMaturityLevel');
  if (!fn) return null;
  const r = await fn(db, orgId);
  return r?.level ?? null;
}

export interface TDigestWorkshop {
  id: number;
  title: string;
  startsAt: string;
}

/** workshops: `upcomingWorkshops(db, { from, to, levels?, limit? })`. Null when the feature does not export it yet. */
export async function workshopsBetween(db: DB, from: string, to: string, levels: number[] | undefined, limit: number): Promise<TDigestWorkshop[] | null> {
  const fn = await exported<(db: DB, f: { from: string; to: string; levels?: number[]; limit?: number }) => Promise<unknown[]>>(
    () => import('../workshops/index.js'),
    'upcomingWorkshops',
  );
  if (!fn) return null;
  const rows = await fn(db, { from, to, levels, limit });
  return rows.map((r) => {
    const w = r as Record<string, unknown>;
    return { id: Number(w.id), title: String(w.title ?? w.name ?? ''), startsAt: String(w.startsAt ?? w.starts_at ?? w.start ?? '') };
  });
}

export interface TPendingAction {
  title: string;
  dueOn: string | null;
}

/** actions: `pendingActionsForUser(db, userId)`, if exported. Null when it is not (the digest then leaves the section out). */
export async function pendingActionsOf(db: DB, userId: number): Promise<TPendingAction[] | null> {
  const fn = await exported<(db: DB, userId: number) => Promise<unknown[]>>(() => import('../actions/index.js'), 'pendingActionsForUser');
  if (!fn) return null;
  const rows = await fn(db, userId);
  return rows.map((r) => {
    const a = r as Record<string, unknown>;
    return { title: String(a.title ?? a.name ?? a.leverSlug ?? ''), dueOn: typeof (a.dueOn ?? a.due_on ?? a.dueDate) === 'string' ? String(a.dueOn ?? a.due_on ?? a.dueDate) : null };
  });
}

/** footprint: `getFootprintResult(db, orgId, year)` → the CLI-contract JSON or null; we read `total.gwp`. */
export async function footprintGwp(db: DB, orgId: number, year: number): Promise<{ value: number; unit: string } | null> {
  const fn = await exported<(db: DB, orgId: number, year: number) => Promise<unknown>>(() => import('../footprint/index.js'), 'getFootprintResult');
  if (!fn) return null;
  const result = (await fn(db, orgId, year)) as { total?: { gwp?: { value?: unknown; unit?: unknown } } } | null;
  const gwp = result?.total?.gwp;
  if (!gwp || typeof gwp.value !== 'number') return null;
  return { value: gwp.value, unit: typeof gwp.unit === 'string' ? gwp.unit : 'kgCO2e' };
}
