import type { Generated } from 'kysely';

/** Platform roles: a visitor has no account; a partner is a member of a partner organisation. */
export type TPlatformRole = 'member' | 'admin';
export type TOrgKind = 'company' | 'school' | 'partner' | 'expert';
/** Kinds an organisation chooses itself, and kinds only an administrator grants. */
export type TMemberKind = 'company' | 'school';
export type TGrantedKind = 'partner' | 'expert';
export type TStatusRequestState = 'pending' | 'granted' | 'rejected' | 'withdrawn';
export type TOrgRole = 'owner' | 'member';
export type TSignatureStatus = 'pending' | 'validated' | 'rejected';

export interface FoundationTables {
  users: {
    id: Generated<number>;
    email: string;
    password_hash: string;
    name: string;
    platform_role: TPlatformRole;
    locale: 'fr' | 'en';
    email_confirmed_at: string | null;
    disabled_at: string | null;
    digest_opt_in: Generated<number>;
    created_at: string;
  };
  sessions: {
    id: Generated<number>;
    token_hash: string;
    user_id: number;
    created_at: string;
    expires_at: string;
  };
  /** One-time tokens sent by mail: email confirmation, password reset, invitations. Only hashes are stored. */
  email_tokens: {
    id: Generated<number>;
    token_hash: string;
    purpose: 'confirm' | 'reset';
    user_id: number;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  /** Attempts per key (e.g. `login:ip:1.2.3.4`) kept in the database so limits hold across instances. */
  rate_limits: {
    id: Generated<number>;
    key: string;
    at: string;
  };
  /** Login failures per key (`account:…`, `address:…`, `device:…`) and when the next attempt may run (0004). */
  login_throttle: {
    key: string;
    failures: number;
    wait_until: string;
    updated_at: string;
  };
  /** Browsers that logged in to an account: a cookie whose hash is kept here (0004). */
  login_devices: {
    id: Generated<number>;
    token_hash: string;
    user_id: number;
    created_at: string;
    last_used_at: string;
  };
  organisations: {
    id: Generated<number>;
    slug: string;
    name: string;
    kind: TOrgKind;
    siren: string | null;
    size_band: string;
    sector: string;
    region: string;
    website: string | null;
    description: string;
    is_founding_partner: number;
    is_demo: number;
    created_at: string;
    updated_at: string;
    /** The name lower-cased, without accents or punctuation (migration 0002), for portable directory search. */
    search_name: Generated<string>;
    /** The name without case, accents, spaces or punctuation (migration 0004), unique: no two organisations share a name. */
    name_key: string | null;
    /** 1 while the next publication of a newly granted partner or expert waits for review (migration 0006). */
    first_publication_review: Generated<number>;
    /** When an administrator first approved one of its publications (migration 0006). */
    publication_approved_at: string | null;
  };
  /** One row per administrators' notice and day (migration 0006): the claim that makes a daily mail leave once. */
  admin_daily_notices: { notice: string; day: string; mails: number; created_at: string };
  /** Applications for the partner or expert status and the administrator's decisions (migration 0004). */
  organisation_status_requests: {
    id: Generated<number>;
    organisation_id: number;
    kind: TGrantedKind;
    /** The kind the organisation returns to when the status is withdrawn. */
    previous_kind: TMemberKind;
    motivation: string;
    status: TStatusRequestState;
    /** The administrator's reason (mailed); `installation` / `before-review` for grants recorded by the migration. */
    reason: string | null;
    requested_by: number | null;
    decided_by: number | null;
    decided_at: string | null;
    created_at: string;
  };
  memberships: {
    id: Generated<number>;
    organisation_id: number;
    user_id: number;
    role: TOrgRole;
    created_at: string;
  };
  invitations: {
    id: Generated<number>;
    organisation_id: number;
    email: string;
    role: TOrgRole;
    token_hash: string;
    invited_by: number;
    accepted_at: string | null;
    expires_at: string;
    created_at: string;
  };
  manifesto_versions: {
    id: Generated<number>;
    audience: 'company' | 'school';
    version: string;
    published_at: string;
  };
  signatures: {
    id: Generated<number>;
    organisation_id: number;
    manifesto_version_id: number;
    signer_user_id: number;
    signer_name: string;
    signer_role: string;
    status: TSignatureStatus;
    rejection_reason: string | null;
    decided_by: number | null;
    decided_at: string | null;
    signed_at: string;
  };
  api_tokens: {
    id: Generated<number>;
    user_id: number;
    name: string;
    token_hash: string;
    last_used_at: string | null;
    created_at: string;
    revoked_at: string | null;
  };
  /**
   * Every mail the platform sends; without SMTP_URL it stays here and the administrator reads it. With SMTP, the
   * mail-delivery job sends it after commit (mail/deliver-outbox.ts): a claim with a lease, retries with backoff.
   */
  outbox: {
    id: Generated<number>;
    to_address: string;
    subject: string;
    body_text: string;
    /** The deliverable text of a mail that carries a secret (body_text has it masked); null once sent. */
    secret_text: string | null;
    attachments_json: string | null;
    sent_at: string | null;
    error: string | null;
    created_at: string;
    attempts: Generated<number>;
    next_attempt_at: string | null;
    claimed_by: string | null;
    claimed_until: string | null;
  };
  audit_log: {
    id: Generated<number>;
    actor_user_id: number | null;
    action: string;
    subject_type: string;
    subject_id: string | null;
    details_json: string | null;
    at: string;
  };
  /** Small key/value facts about the installation (e.g. which seed steps ran). */
  app_settings: {
    key: string;
    value: string;
  };
}
