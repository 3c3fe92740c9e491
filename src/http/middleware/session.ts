import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { publisherCondition, signatoryCondition } from '../../db/standing.js';
import type { AppEnv, TCurrentUser } from '../env.js';
import { hashSecret, newSecret } from '../tokens.js';

const sessionDays = 30;

/** The cookie name: the `__Host-` prefix requires Secure, so plain http://localhost uses a plain name. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-techcare_session' : 'techcare_session';
}

/** Loads a user with their memberships; null when missing or disabled. */
export async function loadCurrentUser(db: DB, userId: number): Promise<TCurrentUser | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled_at) return null;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'organisations.id as organisationId',
      'organisations.name',
      'organisations.slug',
      'organisations.kind',
      'memberships.role',
    ])
    .select([
      signatoryCondition('organisations.id').as('signatory'),
      publisherCondition('organisations.id', 'organisations.kind').as('publisher'),
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
  const memberships = rows.map((m) => ({ ...m, signatory: !!Number(m.signatory), publisher: !!Number(m.publisher) }));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    platformRole: user.platform_role,
    locale: user.locale,
    emailConfirmed: user.email_confirmed_at !== null,
    memberships,
  };
}

/** Reads the session cookie and sets `user` (null for a visitor). */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const secure = c.get('secure');
  const token = getCookie(c, sessionCookieName(secure));
  c.set('user', null);
  c.set('authVia', null);
  c.set('sessionTokenHash', null);
  if (token) {
    const db = c.get('db');
    const tokenHash = hashSecret(token);
    const session = await db
      .selectFrom('sessions')
      .select(['user_id', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (session && session.expires_at > nowIso()) {
      const user = await loadCurrentUser(db, session.user_id);
      if (user) {
        c.set('user', user);
        c.set('authVia', 'session');
        c.set('sessionTokenHash', tokenHash);
      }
    }
  }
  await next();
});

/**
 * Starts a new session for a user (called at login and after confirmation). Any session the browser carried
 * before is deleted, so a session id fixed by an attacker never becomes authenticated.
 */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<void> {
  const db = c.get('db');
  const previous = c.get('sessionTokenHash');
  if (previous) await db.deleteFrom('sessions').where('token_hash', '=', previous).execute();
  const token = newSecret();
  const expires = new Date(Date.now() + sessionDays * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashSecret(token), user_id: userId, created_at: nowIso(), expires_at: nowIso(expires) })
    .execute();
  setCookie(c, sessionCookieName(c.get('secure')), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('secure'),
    expires,
  });
}

/** Ends the current session on the server and in the browser. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const previous = c.get('sessionTokenHash');
  if (previous) await c.get('db').deleteFrom('sessions').where('token_hash', '=', previous).execute();
  deleteCookie(c, sessionCookieName(c.get('secure')), { path: '/', secure: c.get('secure') });
}
