/**
 * Generates a synthetic network for benchmarks: organisations with validated signatures (always), and on request
 * several years of footprint results with inventory lines, maturity assessments, eco-design declarations, action
 * plans and workshops with registrations and feedback. Deterministic (seeded), batched inserts, flagged nowhere as
 * demo: it stands for a real network's volume. Never used by the application.
 */
import { nowIso, type DB } from '../src/db/client.js';
import { sql, type Insertable } from 'kysely';
import type { Database } from '../src/db/types.js';
import { normaliseSearchName, regions, sectors, sizeBands } from '../src/features/organisations/index.js';
import {
  actionRows,
  assessmentRows,
  declarationRows,
  fixtureReferential,
  footprintResultRows,
  insertBatched,
  registrationRows,
  workshopRows,
} from '../src/features/review/network-fixtures.js';

export interface TGenerateOptions {
  organisations: number;
  /** Years of activity ending with `lastYear` (default 5 when any activity is asked). */
  years?: number;
  /** Last year with activity (default: last calendar year). */
  lastYear?: number;
  footprints?: boolean;
  /** Inventory lines behind each footprint result (3 device lines), for lifespan benchmarks. */
  inventoryLines?: boolean;
  assessments?: boolean;
  declarations?: boolean;
  actions?: boolean;
  workshops?: boolean;
  /** Trainings published by schools and partners, and schools' yearly curricula. */
  training?: boolean;
  /** Everything above. */
  all?: boolean;
  seed?: number;
  /** Refresh the planner statistics at the end (default true). */
  analyze?: boolean;
}

export interface TGeneratedNetwork {
  organisationIds: number[];
  counts: Record<string, number>;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const employeesOf: Record<string, [number, number]> = {
  '1-9': [2, 9],
  '10-49': [10, 49],
  '50-249': [50, 249],
  '250-4999': [250, 2000],
  '5000+': [5000, 8000],
};
const iso = (y: number, m: number, d: number, h = 9) => new Date(Date.UTC(y, m - 1, d, h)).toISOString();

/**
 * Adds `organisations` signatories (and, with options, their activity) to a migrated database. Manifesto versions
 * are created when missing. Returns the new organisations' ids and row counts per table.
 */
export async function generateNetwork(db: DB, options: TGenerateOptions): Promise<TGeneratedNetwork> {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const all = !!options.all;
  const lastYear = options.lastYear ?? new Date().getUTCFullYear() - 1;
  const nYears = options.years ?? 5;
  const firstYear = lastYear - nYears + 1;
  const counts: Record<string, number> = {};
  const now = nowIso();
  const tag = `gen${Date.now().toString(36)}`;

  // 1. A signer and a pool of users (registrations need distinct users per workshop).
  const poolSize = all || options.workshops ? 400 : 1;
  await insertBatched(
    db,
    'users',
    Array.from({ length: poolSize }, (_, i) => ({
      email: `${tag}-${i}@bench.invalid`,
      password_hash: 'x',
      name: `Bench ${i}`,
      platform_role: 'member' as const,
      locale: 'fr' as const,
      email_confirmed_at: now,
      disabled_at: null,
      digest_opt_in: 0,
      created_at: now,
    })),
  );
  const users = (
    await db.selectFrom('users').select('id').where('email', 'like', `${tag}-%`).orderBy('id').execute()
  ).map((u) => u.id);
  counts.users = users.length;

  // 2. Organisations and their validated signatures, spread from a year before the activity starts.
  const kinds = [
    'company',
    'company',
    'company',
    'company',
    'company',
    'company',
    'company',
    'school',
    'school',
    'partner',
  ] as const;
  const orgs = Array.from({ length: options.organisations }, (_, i) => {
    const name = `Réseau ${tag} ${i}`;
    return {
      slug: `${tag}-${i}`,
      name,
      kind: i === 0 ? ('partner' as const) : pick(kinds),
      siren: null,
      size_band: pick(sizeBands),
      sector: pick(sectors),
      region: pick(regions),
      website: null,
      description: '',
      is_founding_partner: 0,
      is_demo: 0,
      created_at: now,
      updated_at: now,
      search_name: normaliseSearchName(name),
    };
  });
  await insertBatched(db, 'organisations', orgs);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'size_band', 'slug'])
    .where('slug', 'like', `${tag}-%`)
    .orderBy('id')
    .execute();
  counts.organisations = rows.length;
  const versions: Record<string, number> = {};
  for (const audience of ['company', 'school'] as const) {
    let v = await db
      .selectFrom('manifesto_versions')
      .select('id')
      .where('audience', '=', audience)
      .orderBy('id')
      .executeTakeFirst();
    if (!v)
      v = await db
        .insertInto('manifesto_versions')
        .values({ audience, version: '2026-1', published_at: '2026-01-15T00:00:00.000Z' })
        .returning('id')
        .executeTakeFirstOrThrow();
    versions[audience] = v.id;
  }
  const signedYear = new Map<number, number>();
  const signatures = rows.map((o) => {
    const year = between(firstYear - 1, lastYear);
    signedYear.set(o.id, year);
    const at = iso(year, between(1, 12), between(1, 28));
    return {
      organisation_id: o.id,
      manifesto_version_id: versions[o.kind === 'school' ? 'school' : 'company']!,
      signer_user_id: users[0]!,
      signer_name: 'Direction',
      signer_role: 'CEO',
      status: 'validated' as const,
      rejection_reason: null,
      decided_by: null,
      decided_at: at,
      signed_at: at,
    };
  });
  await insertBatched(db, 'signatures', signatures);
  counts.signatures = signatures.length;

  const members = rows.filter((o) => o.kind === 'company' || o.kind === 'school');
  const years = Array.from({ length: nYears }, (_, i) => firstYear + i);

  // 3. Footprint results: the share of members measuring grows over the years; footprints shrink a little.
  if (all || options.footprints) {
    const results: { orgId: number; year: number; gwp: number; devices: number }[] = [];
    for (const o of members) {
      const [lo, hi] = employeesOf[o.size_band] ?? [10, 50];
      const people = between(lo, hi);
      let gwp = people * (300 + rnd() * 700);
      for (const [k, y] of years.entries()) {
        gwp *= 0.9 + rnd() * 0.15;
        if (rnd() < 0.35 + k * 0.1)
          results.push({ orgId: o.id, year: y, gwp, devices: Math.max(1, Math.round(people * (1.5 + rnd()))) });
      }
    }
    await insertBatched(db, 'footprint_results', footprintResultRows(results));
    counts.footprint_results = results.length;
    if (all || options.inventoryLines) {
      await insertBatched(
        db,
        'footprint_inventories',
        results.map((r) => ({
          organisation_id: r.orgId,
          year: r.year,
          factor_set: 'techcare-2026.1',
          revision: 1,
          line_count: 3,
          source: 'bench',
          created_at: now,
          updated_at: now,
        })),
      );
      const inventories = await db
        .selectFrom('footprint_inventories')
        .select(['id'])
        .where('source', '=', 'bench')
        .where('organisation_id', 'in', db.selectFrom('organisations').select('id').where('slug', 'like', `${tag}-%`))
        .orderBy('id')
        .execute();
      const lines: Insertable<Database['footprint_lines']>[] = [];
      for (const inv of inventories) {
        for (const [n, [category, life]] of (
          [
            ['laptop', 3 + rnd() * 3],
            ['monitor', 5 + rnd() * 4],
            ['smartphone', 2 + rnd() * 3],
          ] as const
        ).entries()) {
          const quantity = between(1, 80);
          lines.push({
            inventory_id: inv.id,
            line_no: n + 2,
            category,
            quantity,
            entity: null,
            site: null,
            label: null,
            data_json: JSON.stringify({ category, quantity, lifespan_years: Math.round(life * 10) / 10 }),
          });
        }
      }
      await insertBatched(db, 'footprint_lines', lines);
      counts.footprint_inventories = inventories.length;
      counts.footprint_lines = lines.length;
    }
  }

  // 4. Maturity assessments: about half the members assess themselves each year, levels creep up.
  if (all || options.assessments) {
    const list: { orgId: number; level: number; completedAt: string }[] = [];
    for (const o of members) {
      let level = between(1, 3);
      for (const y of years) {
        if (rnd() < 0.5) {
          if (rnd() < 0.3) level = Math.min(5, level + 1);
          list.push({ orgId: o.id, level, completedAt: iso(y, between(1, 12), between(1, 28)) });
        }
      }
    }
    await insertBatched(db, 'maturity_assessments', assessmentRows(list));
    counts.maturity_assessments = list.length;
  }

  if (all || options.declarations) {
    const ref = await fixtureReferential(db);
    const list = members
      .filter(() => rnd() < 0.15)
      .map((o) => ({ orgId: o.id, publishedAt: iso(pick(years), between(1, 12), between(1, 28)) }));
    await insertBatched(db, 'rgesn_assessments', declarationRows(ref, list));
    counts.rgesn_assessments = list.length;
  }

  if (all || options.actions) {
    const list: { orgId: number; createdAt: string; doneAt?: string | null }[] = [];
    for (const o of members) {
      if (rnd() >= 0.5) continue;
      const y = pick(years);
      for (let i = between(3, 8); i > 0; i--) {
        const done = rnd() < 0.4 ? iso(Math.min(lastYear, y + between(0, 1)), between(1, 12), between(1, 28)) : null;
        list.push({ orgId: o.id, createdAt: iso(y, 1, between(1, 28)), doneAt: done });
      }
    }
    await insertBatched(db, 'plan_actions', actionRows(list));
    counts.plan_actions = list.length;
  }

  // 5. Workshops: partners hold about 30 a month; each gets 5 to 25 registrations, attendance and some feedback.
  if (all || options.workshops) {
    const partners = rows.filter((o) => o.kind === 'partner');
    const list: { organiserId: number; createdBy: number; startsAt: string }[] = [];
    for (const y of years)
      for (let m = 1; m <= 12; m++)
        for (let i = 0; i < 30; i++)
          list.push({
            organiserId: pick(partners).id,
            createdBy: users[0]!,
            startsAt: iso(y, m, between(1, 28), between(7, 16)),
          });
    await insertBatched(db, 'workshops', workshopRows(list));
    const ws = await db
      .selectFrom('workshops')
      .select(['id', 'starts_at'])
      .where(
        'organisation_id',
        'in',
        partners.map((p) => p.id),
      )
      .orderBy('id')
      .execute();
    const regs: Parameters<typeof registrationRows>[0] = [];
    const feedback: Insertable<Database['workshop_feedback']>[] = [];
    for (const w of ws) {
      const n = between(5, 25);
      const start = between(0, users.length - n - 1);
      const recorded = rnd() < 0.8;
      for (let k = 0; k < n; k++) {
        const attended = recorded ? (rnd() < 0.75 ? 1 : 0) : null;
        regs.push({ workshopId: w.id, userId: users[start + k]!, orgId: pick(members).id, at: w.starts_at, attended });
        if (attended === 1 && rnd() < 0.4)
          feedback.push({
            workshop_id: w.id,
            user_id: users[start + k]!,
            rating: between(3, 5),
            comment: '',
            created_at: w.starts_at,
          });
      }
    }
    await insertBatched(db, 'workshop_registrations', registrationRows(regs));
    await insertBatched(db, 'workshop_feedback', feedback);
    counts.workshops = ws.length;
    counts.workshop_registrations = regs.length;
    counts.workshop_feedback = feedback.length;
  }
  // 6. Training: a few trainings a year per school and partner; each school reports two programmes a year.
  if (all || options.training) {
    const providers = rows.filter((o) => o.kind === 'school' || o.kind === 'partner');
    const trainings: Insertable<Database['trainings']>[] = [];
    const curricula: Insertable<Database['curriculum_entries']>[] = [];
    for (const o of providers) {
      for (const y of years) {
        for (let i = between(0, 2); i > 0; i--) {
          const at = iso(y, between(1, 12), between(1, 28));
          trainings.push({
            organisation_id: o.id,
            title: `Sobriété numérique ${y}-${i}`,
            description: 'Formation générée',
            search_text: 'sobriete numerique',
            kind: 'course',
            education_level: 'none',
            duration_hours: between(3, 35),
            format: 'online',
            language: 'fr',
            cost_cents: 0,
            certificate: 0,
            licence: 'CC-BY-4.0',
            prerequisites: '',
            learning_outcomes: '',
            url: null,
            created_by: null,
            created_at: at,
            updated_at: at,
          });
        }
        if (o.kind === 'school') {
          for (const programme of ['Licence informatique', 'Master numérique responsable']) {
            curricula.push({
              organisation_id: o.id,
              programme,
              year: y,
              hours: between(6, 60),
              compulsory: rnd() < 0.5 ? 1 : 0,
              students: between(20, 300),
              updated_by: null,
              updated_at: now,
            });
          }
        }
      }
    }
    await insertBatched(db, 'trainings', trainings);
    await insertBatched(db, 'curriculum_entries', curricula);
    counts.trainings = trainings.length;
    counts.curriculum_entries = curricula.length;
  }

  // 7. Fresh statistics, as autovacuum (PostgreSQL) or a long-running instance would have: the planner needs them
  // to choose hash joins over nested loops on tables that just grew from empty.
  if (options.analyze !== false) await sql`analyze`.execute(db);
  return { organisationIds: rows.map((r) => r.id), counts };
}
