import type { Generated } from 'kysely';

/** Tables of the training feature (see migrations/0040-training.ts). */
export interface TrainingTables {
  /** The 9 blocks of the DINUM skills framework (reference data, replaced as a whole on re-import). */
  skill_blocks: { id: Generated<number>; position: number; name: string };
  skills: {
    id: Generated<number>;
    position: number;
    block_position: number;
    source_number: number | null;
    kind: string;
    name: string;
    comment: string | null;
  };
  skill_jobs: { id: Generated<number>; position: number; family: string; name: string; code: string | null };
  /** Level a job needs in a skill: 0 = NA, 1..5. Blank cells have no row. */
  skill_job_levels: { skill_position: number; job_position: number; level: number };
  trainings: {
    id: Generated<number>;
    organisation_id: number;
    title: string;
    description: string;
    search_text: string;
    kind: string;
    education_level: string;
    duration_hours: number;
    format: string;
    language: string;
    cost_cents: number;
    certificate: number;
    licence: string;
    prerequisites: string;
    learning_outcomes: string;
    url: string | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
    /** Set when the training was taken offline (migration 0041); it is kept, not deleted. */
    unpublished_at: string | null;
    /** Set while the training waits for an administrator's approval (migration 0042); off the catalogue until then. */
    review_pending_at: string | null;
  };
  training_audiences: { training_id: number; audience: string };
  training_skills: { training_id: number; block_position: number; level: number };
  curriculum_entries: {
    id: Generated<number>;
    organisation_id: number;
    programme: string;
    year: number;
    hours: number;
    compulsory: number;
    students: number;
    updated_by: number | null;
    updated_at: string;
  };
  job_offers: {
    id: Generated<number>;
    organisation_id: number;
    title: string;
    description: string;
    kind: string;
    location: string;
    start_date: string;
    contact_email: string;
    expires_on: string;
    closed_at: string | null;
    /** Set when an administrator took the offer offline (migration 0042); kept, and re-published by clearing it. */
    unpublished_at: string | null;
    /** Terms of the offer (migration 0043): an end date or a duration, the pay, the deadline to apply. */
    end_date: string | null;
    duration_weeks: number | null;
    pay: string | null;
    application_deadline: string | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
  };
}
