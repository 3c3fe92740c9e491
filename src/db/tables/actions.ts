import type { Generated } from 'kysely';

export type TActionStatus = 'todo' | 'in_progress' | 'done' | 'dropped';
export type TActionOrigin = 'lever' | 'rgesn' | 'free';

/** Tables of the actions feature (levers catalogue is code; plans are rows). */
export interface ActionTables {
  /** One action of an organisation's plan. The plan is the set of an organisation's actions. */
  plan_actions: {
    id: Generated<number>;
    organisation_id: number;
    title: string;
    description: string;
    origin: TActionOrigin;
    lever_slug: string | null;
    /** The simulated lever's parameters (JSON), so the plan's combined effect can be recomputed without double counting. */
    lever_params_json: string | null;
    rgesn_criterion: string | null;
    owner_user_id: number | null;
    /** YYYY-MM-DD. */
    due_date: string | null;
    status: TActionStatus;
    /** When the status last became `done` (for yearly statistics). */
    done_at: string | null;
    kpi_baseline: number | null;
    kpi_target: number | null;
    kpi_current: number | null;
    kpi_unit: string | null;
    evidence: string | null;
    /** Simulated change per criterion when the action was created: JSON `{ gwp: {value, low, high, unit}, … }` (negative = reduction). */
    expected_json: string | null;
    /** Expected yearly GWP reduction in kgCO2e (positive = less), kept as a column for sums and sorting. */
    expected_gwp_kg: number | null;
    simulation_year: number | null;
    factor_set: string | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
  };
}
