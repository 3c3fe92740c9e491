import type { Generated } from 'kysely';

/** A publication's review state: member organisations' publications wait for an administrator. */
export type TPublicationStatus = 'pending' | 'published' | 'rejected';
/** The kinds of documents the knowledge feature indexes, tags and comments on. */
export type TKnowledgeDocType = 'resource' | 'report';
export type TKnowledgeTagType = 'theme' | 'level' | 'lever' | 'rgesn';

/** Tables of the knowledge feature (migration 0070-knowledge). */
export interface KnowledgeTables {
  knowledge_resources: {
    id: Generated<number>;
    title: string;
    summary: string;
    kind: string;
    organisation_id: number;
    author_user_id: number;
    language: 'fr' | 'en';
    published_on: string;
    licence: string;
    url: string | null;
    /** Random name of the stored file under the uploads folder (never the client's name). */
    file_key: string | null;
    /** Sanitised display name, used for Content-Disposition. */
    file_name: string | null;
    file_type: string | null;
    file_size: number | null;
    workshop_id: number | null;
    training_id: number | null;
    status: TPublicationStatus;
    reviewed_by: number | null;
    reviewed_at: string | null;
    rejection_reason: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  knowledge_reports: {
    id: Generated<number>;
    title: string;
    organisation_id: number;
    author_user_id: number;
    language: 'fr' | 'en';
    what_we_did: string;
    cost_eur: number | null;
    cost_notes: string;
    /** 'platform' when the change cites two footprint results measured in the platform, else 'declared'. */
    measure_source: 'platform' | 'declared' | 'none';
    measure_label: string;
    before_value: number | null;
    after_value: number | null;
    measure_unit: string;
    baseline_year: number | null;
    result_year: number | null;
    status: TPublicationStatus;
    reviewed_by: number | null;
    reviewed_at: string | null;
    rejection_reason: string | null;
    is_demo: number;
    created_at: string;
    updated_at: string;
  };
  knowledge_tags: {
    id: Generated<number>;
    doc_type: TKnowledgeDocType;
    doc_id: number;
    tag_type: TKnowledgeTagType;
    value: string;
  };
  /** The text a document is found by: `search_text` (normalised, for PostgreSQL) and `stemmed_text` (SQLite FTS5). */
  knowledge_search: {
    id: Generated<number>;
    doc_type: TKnowledgeDocType;
    doc_id: number;
    language: 'fr' | 'en';
    search_text: string;
    stemmed_text: string;
  };
  knowledge_comments: {
    id: Generated<number>;
    doc_type: TKnowledgeDocType;
    doc_id: number;
    author_user_id: number;
    body: string;
    is_answer: number;
    answered_by: number | null;
    hidden_at: string | null;
    hidden_by: number | null;
    /** Reports made before this moment have been reviewed by an administrator. */
    moderated_at: string | null;
    created_at: string;
  };
  knowledge_comment_reports: {
    id: Generated<number>;
    comment_id: number;
    user_id: number;
    created_at: string;
  };
  /** One row per member and month, inserted BEFORE the digest is sent: the unique key makes sending exactly-once. */
  knowledge_digest_sends: {
    id: Generated<number>;
    user_id: number;
    month: string;
    status: 'sending' | 'sent' | 'skipped';
    outbox_id: number | null;
    unsubscribe_token_hash: string;
    created_at: string;
  };
  /** One row (id 1, migration 0071): the administrator's introduction and the day of the month the digest goes out. */
  knowledge_digest_settings: {
    id: number;
    intro_fr: string;
    intro_en: string;
    send_day: number;
    updated_by: number | null;
    updated_at: string | null;
  };
}
