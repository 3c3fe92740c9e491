/**
 * Batched row builders for hand-built and generated networks (the review's tests and bench/generate-network.ts).
 * They write the other features' tables directly, as fixtures do: never used by the running application.
 */
import type { Insertable } from 'kysely';
import type { DB } from '../../db/client.js';
import type { Database } from '../../db/types.js';

const CHUNK = 400;

/** Inserts rows in multi-row statements of CHUNK rows (both engines bound their parameters per statement). */
export async function insertBatched<T extends keyof Database & string>(
  db: DB,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** Stored current footprint results: `gwp` in kgCO2e, `devices` the terminal units. */
export function footprintResultRows(
  rows: { orgId: number; year: number; gwp: number; devices: number }[],
): Insertable<Database['footprint_results']>[] {
  return rows.map((r) => ({
    organisation_id: r.orgId,
    year: r.year,
    factor_set: 'techcare-2026.1',
    settings_key: 'fixture',
    is_current: 1,
    inventory_revision: 1,
    lines: 1,
    units: r.devices,
    terminal_units: r.devices,
    gwp_value: r.gwp,
    gwp_low: r.gwp * 0.8,
    gwp_high: r.gwp * 1.2,
    adpe_value: null,
    wu_value: null,
    pe_value: null,
    default_share: 0,
    result_json: '{}',
    extra_json: '{}',
    computed_at: `${r.year + 1}-02-01T00:00:00.000Z`,
  }));
}

/** Completed maturity assessments at an overall level. */
export function assessmentRows(
  rows: { orgId: number; level: number; completedAt: string }[],
): Insertable<Database['maturity_assessments']>[] {
  return rows.map((r) => ({
    organisation_id: r.orgId,
    status: 'completed',
    overall_level: r.level,
    overall_score: r.level * 20,
    created_by: null,
    created_at: r.completedAt,
    completed_at: r.completedAt,
  }));
}

/** Actions of plans; `doneAt` makes them done. */
export function actionRows(
  rows: { orgId: number; createdAt: string; doneAt?: string | null; title?: string }[],
): Insertable<Database['plan_actions']>[] {
  return rows.map((r) => ({
    organisation_id: r.orgId,
    title: r.title ?? 'Action',
    description: '',
    origin: 'free',
    lever_slug: null,
    lever_params_json: null,
    rgesn_criterion: null,
    owner_user_id: null,
    due_date: null,
    status: r.doneAt ? 'done' : 'todo',
    done_at: r.doneAt ?? null,
    kpi_baseline: null,
    kpi_target: null,
    kpi_current: null,
    kpi_unit: null,
    evidence: null,
    expected_json: null,
    expected_gwp_kg: null,
    simulation_year: null,
    factor_set: null,
    created_by: null,
    created_at: r.createdAt,
    updated_at: r.createdAt,
  }));
}

/** Published workshops of an organiser. */
export function workshopRows(
  rows: { organiserId: number; createdBy: number; startsAt: string; title?: string }[],
): Insertable<Database['workshops']>[] {
  return rows.map((r) => ({
    organisation_id: r.organiserId,
    series_id: null,
    status: 'published',
    title: r.title ?? 'Atelier',
    description: '',
    theme: 'measure',
    levels: ',1,2,',
    format: 'online',
    online_url: 'https://example.org/visio',
    address: null,
    starts_at: r.startsAt,
    time_zone: 'Europe/Paris',
    duration_minutes: 90,
    capacity: 100,
    per_org_limit: null,
    registration_closes_at: r.startsAt,
    language: 'fr',
    speakers: '',
    materials: '',
    replay_url: null,
    replay_materials: null,
    sequence: 0,
    created_by: r.createdBy,
    created_at: r.startsAt,
    updated_at: r.startsAt,
    published_at: r.startsAt,
    cancelled_at: null,
  }));
}

/** Confirmed registrations; `attended` null = not recorded. */
export function registrationRows(
  rows: { workshopId: number; userId: number; orgId: number; at: string; attended: number | null }[],
): Insertable<Database['workshop_registrations']>[] {
  return rows.map((r) => ({
    workshop_id: r.workshopId,
    user_id: r.userId,
    organisation_id: r.orgId,
    status: 'confirmed',
    queued_at: r.at,
    confirmed_at: r.at,
    cancelled_at: null,
    notified_status: 'confirmed',
    attended: r.attended,
    reminder_sent_at: null,
    created_at: r.at,
  }));
}

/** The one RGESN referential a fixture's declarations point at (created on first use). */
export async function fixtureReferential(db: DB): Promise<number> {
  const found = await db.selectFrom('rgesn_referentials').select('id').orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('rgesn_referentials')
    .values({ version: 'fixture', source: 'shipped', imported_by: null, imported_at: '2024-01-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Published eco-design declarations (RGESN assessments with a publication date). */
export function declarationRows(
  referentialId: number,
  rows: { orgId: number; publishedAt: string }[],
): Insertable<Database['rgesn_assessments']>[] {
  return rows.map((r) => ({
    organisation_id: r.orgId,
    referential_id: referentialId,
    service_name: 'Service',
    service_url: null,
    previous_score: null,
    target_score: null,
    target_date: null,
    published_at: r.publishedAt,
    published_score: 50,
    created_by: null,
    created_at: r.publishedAt,
    updated_at: r.publishedAt,
  }));
}
