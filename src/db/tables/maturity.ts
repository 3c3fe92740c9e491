import type { Generated } from 'kysely';

/** Tables of the maturity feature (organisation maturity grid and RGESN assessments); schema in migrations/0020. */
export interface MaturityTables {
  maturity_assessments: {
    id: Generated<number>;
    organisation_id: number;
    /** `draft` while dimensions are being answered, `completed` once every question is answered. */
    status: 'draft' | 'completed';
    overall_level: number | null;
    overall_score: number | null;
    created_by: number | null;
    created_at: string;
    completed_at: string | null;
  };
  maturity_answers: {
    id: Generated<number>;
    assessment_id: number;
    question_id: string;
    level: number;
  };
  maturity_dimension_results: {
    id: Generated<number>;
    assessment_id: number;
    dimension_id: string;
    level: number;
    score: number;
  };
  /** A loaded version of the RGESN criteria: `shipped` (own wording) or `import` (official file). */
  rgesn_referentials: {
    id: Generated<number>;
    version: string;
    source: 'shipped' | 'import';
    imported_by: number | null;
    imported_at: string;
  };
  rgesn_criteria: {
    id: Generated<number>;
    referential_id: number;
    number: string;
    position: number;
    family: number;
    family_name_fr: string;
    family_name_en: string;
    priority: 'priority' | 'recommended' | 'moderate';
    difficulty: 'low' | 'medium' | 'high';
    applicable_to_all: number;
    short_fr: string | null;
    short_en: string | null;
    official_question: string | null;
    official_applicability: string | null;
    official_json: string | null;
    url: string;
  };
  rgesn_assessments: {
    id: Generated<number>;
    organisation_id: number;
    referential_id: number;
    service_name: string;
    service_url: string | null;
    description: Generated<string>;
    previous_score: number | null;
    target_score: number | null;
    target_date: string | null;
    /**
     * Date and score of the latest published, not withdrawn, declaration (null otherwise): a summary kept in step by
     * publish/withdraw. The declarations themselves are the snapshots in `rgesn_declarations` (migration 0021).
     */
    published_at: string | null;
    published_score: number | null;
    created_by: number | null;
    created_at: string;
    updated_at: string;
  };
  rgesn_answers: {
    id: Generated<number>;
    assessment_id: number;
    criterion_number: string;
    status: 'validated' | 'in_progress' | 'not_validated' | 'not_applicable' | 'to_assess';
    justification: Generated<string>;
    action_owner: string | null;
    action_due: string | null;
    updated_by: number | null;
    updated_at: string;
  };
  /**
   * One published version of an eco-design declaration: an immutable snapshot of the assessment at publication
   * (migration 0021). Only `withdrawn_at` is ever updated.
   */
  rgesn_declarations: {
    id: Generated<number>;
    assessment_id: number;
    organisation_id: number;
    /** 1, 2, … per assessment. */
    version: number;
    service_name: string;
    service_url: string | null;
    referential_version: string;
    score: number | null;
    previous_score: number | null;
    target_score: number | null;
    target_date: string | null;
    /** JSON of TDeclarationSnapshot (src/features/maturity/rgesn-declarations.ts). */
    content_json: string;
    published_by: number | null;
    published_at: string;
    withdrawn_at: string | null;
  };
  rgesn_answer_history: {
    id: Generated<number>;
    assessment_id: number;
    criterion_number: string;
    status: string;
    justification: string;
    action_owner: string | null;
    action_due: string | null;
    author_user_id: number | null;
    at: string;
  };
}
