/** Tables of the review feature (schema in migrations/0060-review.ts). */
export interface ReviewTables {
  /** The head-count an organisation gives for a year, for per-employee benchmarks (filled on its report page). */
  review_org_year_facts: {
    organisation_id: number;
    year: number;
    employees: number;
    updated_by: number | null;
    updated_at: string;
  };
  /** What a member chose to show on its public directory page (0/1 each; no row = nothing public). */
  review_public_choices: {
    organisation_id: number;
    footprint_trend: number;
    maturity_level: number;
    actions_done: number;
    workshops_attended: number;
    updated_by: number | null;
    updated_at: string;
  };
}
