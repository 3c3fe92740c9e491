import { nowIso, type DB } from '../../db/client.js';
import type { TActionStatus } from '../../db/tables/actions.js';
import { getFactorSet, latestFactorSetId } from '../../data/index.js';
import { simulateLevers, type TLeverApplication } from '../../lca/levers/index.js';
import { getLever } from './catalogue.js';
import { inventoryLines, measuredYears, settingsOptions } from './neighbours.js';

interface TDemoAction {
  slug?: string;
  app?: TLeverApplication;
  title: string;
  status: TActionStatus;
  months: number;
  kpi?: [number, number, number, string];
}

/** Demo actions; titles are demo data in French (the demo network is French), clearly tied to demo organisations. */
const demoActions: TDemoAction[] = [
  {
    slug: 'extend-lifespan',
    app: { lever: 'extend-lifespan', params: { categories: ['laptop'], years: 6 } },
    title: 'Passer le renouvellement des portables de 4 à 6 ans',
    status: 'in_progress',
    months: 6,
    kpi: [4, 6, 5, 'ans'],
  },
  {
    slug: 'buy-refurbished',
    app: { lever: 'refurbished', params: { categories: ['smartphone'], share: 0.3 } },
    title: '30 % de smartphones reconditionnés dans les achats',
    status: 'todo',
    months: 9,
    kpi: [0, 30, 10, '%'],
  },
  {
    slug: 'train-teams',
    title: 'Sensibiliser toutes les équipes au numérique responsable',
    status: 'done',
    months: -2,
  },
  { title: 'Publier la déclaration d’écoconception du site vitrine', status: 'todo', months: 12 },
];

/**
 * Seeds a small plan for the first three demo organisations (is_demo = 1) that have none yet, so the demo shows
 * plans with progress and simulated reductions. Idempotent: an organisation with any action is left alone.
 */
export async function seedDemoPlans(db: DB): Promise<void> {
  const orgs = await db
    .selectFrom('organisations')
    .select('id')
    .where('is_demo', '=', 1)
    .where('kind', '=', 'company')
    .orderBy('id')
    .limit(3)
    .execute();
  for (const { id } of orgs) {
    const has = await db.selectFrom('plan_actions').select('id').where('organisation_id', '=', id).executeTakeFirst();
    if (has) continue;
    const owner = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', id)
      .orderBy('id')
      .executeTakeFirst();
    const year = (await measuredYears(db, id))[0];
    const lines = year ? await inventoryLines(db, id, year) : null;
    const fs = getFactorSet(latestFactorSetId);
    const options = year ? { year, ...(await settingsOptions(db, id, fs)) } : null;
    const now = new Date();
    await db.transaction().execute(async (tx) => {
      for (const a of demoActions) {
        let expected: Record<string, unknown> | null = null;
        let gwp: number | null = null;
        if (a.app && lines && options) {
          try {
            const sim = simulateLevers(fs, lines, [a.app], options);
            expected = Object.fromEntries(Object.entries(sim.combined.total).map(([c, ch]) => [c, ch!.delta]));
            gwp = sim.combined.total.gwp ? -sim.combined.total.gwp.delta.value : null;
          } catch {
            // A demo inventory without the lever's categories simply gets no simulated figure.
          }
        }
        const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + a.months, 15))
          .toISOString()
          .slice(0, 10);
        await tx
          .insertInto('plan_actions')
          .values({
            organisation_id: id,
            title: a.title,
            description: '',
            origin: a.slug && getLever(a.slug) ? 'lever' : 'free',
            lever_slug: a.slug ?? null,
            lever_params_json: a.app && expected ? JSON.stringify(a.app.params) : null,
            rgesn_criterion: null,
            owner_user_id: owner?.user_id ?? null,
            due_date: due,
            status: a.status,
            done_at: a.status === 'done' ? nowIso() : null,
            kpi_baseline: a.kpi?.[0] ?? null,
            kpi_target: a.kpi?.[1] ?? null,
            kpi_current: a.kpi?.[2] ?? null,
            kpi_unit: a.kpi?.[3] ?? null,
            evidence: null,
            expected_json: expected ? JSON.stringify(expected) : null,
            expected_gwp_kg: gwp,
            simulation_year: expected ? (year ?? null) : null,
            factor_set: expected ? fs.id : null,
            created_by: null,
            created_at: nowIso(),
            updated_at: nowIso(),
          })
          .execute();
      }
    });
  }
}
