import type { TConfig } from '../config.js';
import type { DB } from '../db/client.js';
import type { TFormatters, TLocale, TTranslate } from '../i18n/index.js';
import type { TLogger } from '../log.js';
import type { TContributions } from './feature.js';
import type { TOrgKind, TOrgRole, TPlatformRole } from '../db/tables/foundation.js';

/** The signed-in user as every page and service sees it: identity plus the organisations they belong to. */
export interface TCurrentUser {
  id: number;
  email: string;
  name: string;
  platformRole: TPlatformRole;
  locale: TLocale;
  emailConfirmed: boolean;
  /**
   * `signatory`: the organisation has a validated signature; `publisher`: it is a signatory or holds a granted
   * partner / expert status (the one definition lives in `db/standing.ts`).
   */
  memberships: {
    organisationId: number;
    name: string;
    slug: string;
    kind: TOrgKind;
    role: TOrgRole;
    signatory: boolean;
    publisher: boolean;
  }[];
}

/** Variables every request carries (set by the middleware in http/middleware/). */
export interface AppEnv {
  Variables: {
    db: DB;
    config: TConfig;
    locale: TLocale;
    t: TTranslate;
    fmt: TFormatters;
    user: TCurrentUser | null;
    /** How the user was authenticated: a browser session cookie or an API token. */
    authVia: 'session' | 'token' | null;
    sessionTokenHash: string | null;
    /** True when the request reached us over HTTPS (directly or through a proxy that says so). */
    secure: boolean;
    /** The request's id (also the `X-Request-Id` response header) and a logger that writes it on every line. */
    requestId: string;
    log: TLogger;
    /** What higher features lend to lower features' pages (related resources, recommended workshops). */
    contributions: TContributions;
  };
}
