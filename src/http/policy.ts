import type { TMessageKey } from '../i18n/index.js';
import type { TCurrentUser } from './env.js';
import { AppError } from './errors.js';

/**
 * One way to authorise. Each feature keeps a policy table (`features/<name>/policy.ts`): named actions
 * `<feature>.<verb>`, each a pure, synchronous rule `(actor, subject) => boolean` (memberships already carry the
 * organisation's standing, so no rule needs the database). Services call `authorize` first; views call `can` to
 * show only what the user may use. Signing in (401) is the route's job; every allow/deny (403) is decided here.
 */

/** Who asks: the signed-in user, or null for a visitor. */
export type TActor = TCurrentUser | null;

/** What a refused action answers: a stable code for API clients, a log message, and the key a person reads. */
export interface TRefusal {
  code: string;
  message: string;
  key: TMessageKey;
}

/** A rule, or a rule with its own refusal when the generic "forbidden" would not tell the user what to do. */
export type TRule =
  | ((actor: TActor, subject: any) => boolean)
  | { allow: (actor: TActor, subject: any) => boolean; refusal: TRefusal };

export type TPolicy = Record<string, TRule>;

type TAllow<R> = R extends { allow: infer F } ? F : R;
/** The subject an action's rule takes (`null` for actions about no particular thing). */
export type TSubject<P extends TPolicy, A extends keyof P> =
  TAllow<P[A]> extends (actor: TActor, subject: infer S) => boolean ? (unknown extends S ? null : S) : never;

/** Declares a feature's table; `satisfies`-like, it keeps each action's own subject type. */
export function definePolicy<const P extends TPolicy>(table: P): P {
  return table;
}

const forbidden: TRefusal = { code: 'forbidden', message: 'forbidden', key: 'error.forbidden.text' };

function ruleOf(rule: TRule): (actor: TActor, subject: unknown) => boolean {
  return typeof rule === 'function' ? rule : rule.allow;
}

/** May the actor do the action? For views (show a button or not) and lists; services use `authorize`. */
export function can<P extends TPolicy, A extends keyof P & string>(
  actor: TActor,
  policy: P,
  action: A,
  subject: TSubject<P, A>,
): boolean {
  const rule = policy[action];
  if (!rule) throw new Error(`No rule for ${action}`);
  return ruleOf(rule)(actor, subject);
}

/** The one check services call first: returns when allowed, else throws the 403 `AppError` of the action. */
export function authorize<P extends TPolicy, A extends keyof P & string>(
  actor: TActor,
  policy: P,
  action: A,
  subject: TSubject<P, A>,
): void {
  if (can(actor, policy, action, subject)) return;
  const rule = policy[action]!;
  const refusal = typeof rule === 'function' ? forbidden : rule.refusal;
  throw new AppError(403, refusal.code, refusal.message, [], { key: refusal.key });
}
