import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { isGrantedKind } from '../../db/standing.js';
import type { TGrantedKind, TMemberKind } from '../../db/tables/foundation.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { translator, type TMessageKey } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { organisationPolicy } from './policy.js';
import { getOrganisation, organisationOr404, listOwners } from './queries.js';
import { unpublishAfterStatusLoss } from './status-loss.js';
import { authorize } from '../../http/policy.js';

/** The latest application of the organisation (any state), or undefined. */
export function latestStatusRequest(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('organisation_status_requests')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The grant the organisation currently holds, or undefined. */
export function currentGrant(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('organisation_status_requests')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('status', '=', 'granted')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Applications waiting for an administrator, oldest first, with the organisation's name. */
export function listPendingStatusRequests(db: DB) {
  return db
    .selectFrom('organisation_status_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .select([
      'r.id',
      'r.kind',
      'r.motivation',
      'r.created_at',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.kind as currentKind',
      'u.name as requesterName',
    ])
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

/** Statuses currently held, by organisation name; `reason` tells grants recorded at installation or before review. */
export function listGrantedStatuses(db: DB) {
  return db
    .selectFrom('organisation_status_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.kind',
      'r.reason',
      'r.decided_at',
      'o.id as organisationId',
      'o.name as organisationName',
      'o.is_founding_partner',
    ])
    .where('r.status', '=', 'granted')
    .orderBy('o.search_name')
    .execute();
}

async function mailOwners(
  tx: Tx,
  config: TConfig,
  orgId: number,
  subjectKey: TMessageKey,
  bodyKey: TMessageKey,
  params: Record<string, string | number>,
): Promise<void> {
  const org = await getOrganisation(tx, orgId);
  if (!org) return;
  for (const owner of await listOwners(tx, orgId)) {
    const t = translator(owner.locale);
    const kind = params.kind ? t(`organisations.kind.${params.kind}` as TMessageKey) : '';
    await sendMail(tx, config, {
      to: owner.email,
      subject: t(subjectKey, { organisation: org.name, kind }),
      text: t(bodyKey, {
        ...params,
        kind,
        name: owner.name,
        organisation: org.name,
        link: `${publicUrl(config)}/organisations/${org.id}`,
        signature: t('mail.signature'),
      }),
    });
  }
}

/**
 * An owner applies for the partner or expert status. Policy first (owner, confirmed address, no status held);
 * one application waits at a time (409). Administrators are told by mail.
 */
export async function applyForStatus(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  orgId: number,
  input: { kind: TGrantedKind; motivation: string },
): Promise<number> {
  const org = await organisationOr404(db, orgId);
  authorize(actor, organisationPolicy, 'organisation.status.apply', org);
  return db.transaction().execute(async (tx) => {
    const pending = await tx
      .selectFrom('organisation_status_requests')
      .select('id')
      .where('organisation_id', '=', orgId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new AppError(409, 'status_pending', 'An application already waits for a decision');
    const row = await tx
      .insertInto('organisation_status_requests')
      .values({
        organisation_id: orgId,
        kind: input.kind,
        previous_kind: org.kind as TMemberKind,
        motivation: input.motivation,
        status: 'pending',
        reason: null,
        requested_by: actor.id,
        decided_by: null,
        decided_at: null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'organisation.status.apply',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { kind: input.kind },
    });
    const admins = await tx
      .selectFrom('users')
      .select(['email', 'locale'])
      .where('platform_role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute();
    for (const admin of admins) {
      const t = translator(admin.locale);
      const kind = t(`organisations.kind.${input.kind}` as TMessageKey);
      await sendMail(tx, config, {
        to: admin.email,
        subject: t('organisations.mail.statusApplied.subject', { organisation: org.name, kind }),
        text: t('organisations.mail.statusApplied.body', {
          organisation: org.name,
          kind,
          motivation: input.motivation,
          link: `${publicUrl(config)}/admin/statuses`,
          signature: t('mail.signature'),
        }),
      });
    }
    return row.id;
  });
}

/**
 * An administrator grants or rejects a pending application; the owners receive the decision and its reason
 * (required for a rejection). Granting sets the organisation's kind, which is what lets it publish as a partner.
 */
export async function decideStatusRequest(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  requestId: number,
  decision: { grant: true; reason?: string } | { grant: false; reason: string },
): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.status.decide', null);
  await db.transaction().execute(async (tx) => {
    const req = await tx
      .selectFrom('organisation_status_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirst();
    if (!req) throw notFound('status request');
    if (req.status !== 'pending') throw new AppError(409, 'already_decided', 'This application was already decided');
    const now = nowIso();
    const reason = decision.reason?.trim() || null;
    const org = await organisationOr404(tx, req.organisation_id);
    await tx
      .updateTable('organisation_status_requests')
      .set({
        status: decision.grant ? 'granted' : 'rejected',
        reason,
        decided_by: actor.id,
        decided_at: now,
        previous_kind: isGrantedKind(org.kind) ? req.previous_kind : (org.kind as TMemberKind),
      })
      .where('id', '=', req.id)
      .execute();
    // A newly granted organisation that never had a publication approved: its first publication goes through an
    // administrator before it is public (organisations.first_publication_review, read by the publishing features).
    if (decision.grant) {
      const approved = await tx
        .selectFrom('organisations')
        .select('publication_approved_at')
        .where('id', '=', req.organisation_id)
        .executeTakeFirst();
      await tx
        .updateTable('organisations')
        .set({ kind: req.kind, first_publication_review: approved?.publication_approved_at ? 0 : 1, updated_at: now })
        .where('id', '=', req.organisation_id)
        .execute();
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: decision.grant ? 'organisation.status.grant' : 'organisation.status.reject',
      subjectType: 'organisation',
      subjectId: req.organisation_id,
      details: { kind: req.kind, reason },
    });
    await mailOwners(
      tx,
      config,
      req.organisation_id,
      decision.grant ? 'organisations.mail.statusGranted.subject' : 'organisations.mail.statusRejected.subject',
      decision.grant ? 'organisations.mail.statusGranted.body' : 'organisations.mail.statusRejected.body',
      { kind: req.kind, reason: reason ?? '' },
    );
  });
}

/**
 * An administrator withdraws a partner or expert status, with a reason mailed to the owners. The organisation
 * returns to the kind it had before, and what it published under its status goes offline (never deleted): each
 * publishing feature's handler runs in the same transaction. Returns the count per feature.
 */
export async function withdrawStatus(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  orgId: number,
  reason: string,
): Promise<Record<string, number>> {
  authorize(actor, organisationPolicy, 'organisation.status.withdraw', null);
  return db.transaction().execute(async (tx) => {
    const org = await organisationOr404(tx, orgId);
    if (!isGrantedKind(org.kind))
      throw new AppError(409, 'no_status', 'This organisation holds no partner or expert status');
    const grant = await currentGrant(tx, orgId);
    const previous: TMemberKind = grant?.previous_kind ?? 'company';
    const now = nowIso();
    if (grant)
      await tx
        .updateTable('organisation_status_requests')
        .set({ status: 'withdrawn', reason, decided_by: actor.id, decided_at: now })
        .where('id', '=', grant.id)
        .execute();
    await tx.updateTable('organisations').set({ kind: previous, updated_at: now }).where('id', '=', orgId).execute();
    const loss = { organisationId: orgId, actorId: actor.id, reason, config } as Parameters<
      typeof unpublishAfterStatusLoss
    >[1];
    const unpublished = await unpublishAfterStatusLoss(tx, loss);
    const total = Object.values(unpublished).reduce((a, b) => a + b, 0);
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'organisation.status.withdraw',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { kind: org.kind, reason, unpublished, registrantsMailed: loss.registrantsMailed ?? 0 },
    });
    await mailOwners(
      tx,
      config,
      orgId,
      'organisations.mail.statusWithdrawn.subject',
      'organisations.mail.statusWithdrawn.body',
      { kind: org.kind, reason, count: total },
    );
    return unpublished;
  });
}
