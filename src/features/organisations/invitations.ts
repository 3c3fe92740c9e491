import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TOrgRole } from '../../db/tables/foundation.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { hitRateLimit } from '../../http/middleware/rate-limit.js';
import { hashSecret, newSecret } from '../../http/tokens.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { authorize } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

const invitationDays = 14;
/** Invitations one person may send per hour (each one mails an address outside the platform). */
export const invitationLimits = { perHour: 30 };

/**
 * Invites a colleague by email: stores the hash of a one-time token and mails the link `/invitations/<token>`.
 * Owners of the organisation and administrators, with a confirmed address. 409 when the address is already a
 * member.
 */
export async function inviteMember(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  orgId: number,
  input: { email: string; role: TOrgRole; locale: TLocale },
): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.invite', orgId);
  authorize(actor, organisationPolicy, 'account.confirmed', null);
  const org = await db.selectFrom('organisations').select(['name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound();
  const already = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id')
    .where('memberships.organisation_id', '=', orgId)
    .where('users.email', '=', input.email)
    .executeTakeFirst();
  if (already) throw new AppError(409, 'already_member', 'Already a member');
  // Each invitation mails someone outside the platform: at most `invitationLimits.perHour` per inviter.
  if (!(await hitRateLimit(db, `invite:user:${actor.id}`, invitationLimits.perHour, 60 * 60_000)))
    throw new AppError(429, 'too_many_invitations', 'Too many invitations this hour');
  // Write the mail in the invitee's language when they have an account, else in the inviter's.
  const invitee = await db.selectFrom('users').select('locale').where('email', '=', input.email).executeTakeFirst();
  const t = translator(invitee?.locale ?? input.locale);
  const secret = newSecret();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('invitations')
      .values({
        organisation_id: orgId,
        email: input.email,
        role: input.role,
        token_hash: hashSecret(secret),
        invited_by: actor.id,
        accepted_at: null,
        expires_at: nowIso(new Date(Date.now() + invitationDays * 86_400_000)),
        created_at: nowIso(),
      })
      .execute();
    await sendMail(tx, config, {
      to: input.email,
      subject: t('organisations.mail.invite.subject', { organisation: org.name }),
      text: t('organisations.mail.invite.body', {
        inviter: actor.name,
        organisation: org.name,
        link: `${publicUrl(config)}/invitations/${secret}`,
        days: invitationDays,
        signature: t('mail.signature'),
      }),
      secrets: [secret],
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'invitation.create',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { email: input.email, role: input.role },
    });
  });
}

/** A still-valid invitation from its link's token, with its organisation's name, or undefined. */
export function findInvitation(db: DB, secret: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.organisation_id',
      'organisations.name as organisationName',
    ])
    .where('invitations.token_hash', '=', hashSecret(secret))
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', nowIso())
    .executeTakeFirst();
}

/** Pending invitations addressed to a user's email (shown on their dashboard once the address is confirmed). */
export function invitationsFor(db: DB, email: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select(['invitations.id', 'invitations.role', 'organisations.name as organisationName'])
    .where('invitations.email', '=', email)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', nowIso())
    .execute();
}

/**
 * Accepts an invitation (by its token, or by its id from the dashboard). Only the signed-in user whose confirmed
 * email is the invited address may accept: holding the link is not enough, so a forwarded mail grants nothing.
 * Returns the organisation id.
 */
export async function acceptInvitation(
  db: DB,
  actor: TCurrentUser,
  ref: { secret: string } | { id: number },
): Promise<number> {
  authorize(actor, organisationPolicy, 'account.confirmed', null);
  return db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('invitations')
      .selectAll()
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', nowIso());
    q = 'secret' in ref ? q.where('token_hash', '=', hashSecret(ref.secret)) : q.where('id', '=', ref.id);
    const inv = await q.executeTakeFirst();
    if (!inv) throw notFound();
    authorize(actor, organisationPolicy, 'invitation.accept', inv);
    await tx.updateTable('invitations').set({ accepted_at: nowIso() }).where('id', '=', inv.id).execute();
    const member = await tx
      .selectFrom('memberships')
      .select('id')
      .where('organisation_id', '=', inv.organisation_id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (!member)
      await tx
        .insertInto('memberships')
        .values({ organisation_id: inv.organisation_id, user_id: actor.id, role: inv.role, created_at: nowIso() })
        .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'invitation.accept',
      subjectType: 'organisation',
      subjectId: inv.organisation_id,
      details: { role: inv.role },
    });
    return inv.organisation_id;
  });
}

/** Withdraws a pending invitation. Owners of the organisation and administrators. */
export async function cancelInvitation(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  invitationId: number,
): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.invite', orgId);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('invitations')
      .where('id', '=', invitationId)
      .where('organisation_id', '=', orgId)
      .where('accepted_at', 'is', null)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'invitation.cancel',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { invitationId },
    });
  });
}
