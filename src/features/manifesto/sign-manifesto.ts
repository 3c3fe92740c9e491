import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canManageOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { translator } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { getOrganisation, listOwners } from '../organisations/index.js';
import { audienceFor, currentVersion } from './versions.js';

/**
 * Records a signature of the current manifesto version matching the organisation's kind, pending validation.
 * Owners of the organisation (and administrators) with a confirmed email. 409 when a signature is already
 * pending or the organisation already signed this very version; re-signing a newer version is allowed.
 */
export async function signManifesto(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  orgId: number,
  input: { signerName: string; signerRole: string },
): Promise<number> {
  ensure(canManageOrganisation(actor, orgId));
  if (!actor.emailConfirmed) throw new AppError(403, 'email_unconfirmed', 'Confirm your email address first');
  const org = await getOrganisation(db, orgId);
  if (!org) throw notFound();
  const version = await currentVersion(db, audienceFor(org.kind));
  if (!version) throw new AppError(409, 'no_version', 'No manifesto version is published');
  return db.transaction().execute(async (tx) => {
    const open = await tx
      .selectFrom('signatures')
      .select(['id', 'status', 'manifesto_version_id'])
      .where('organisation_id', '=', orgId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'validated'), eb('manifesto_version_id', '=', version.id)]),
        ]),
      )
      .executeTakeFirst();
    if (open)
      throw new AppError(
        409,
        open.status === 'pending' ? 'signature_pending' : 'already_signed',
        'Already signed or pending',
      );
    const row = await tx
      .insertInto('signatures')
      .values({
        organisation_id: orgId,
        manifesto_version_id: version.id,
        signer_user_id: actor.id,
        signer_name: input.signerName,
        signer_role: input.signerRole,
        status: 'pending',
        rejection_reason: null,
        decided_by: null,
        decided_at: null,
        signed_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'signature.create',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { version: version.version, audience: version.audience },
    });
    // Administrators learn at once that a signature waits for them.
    const admins = await tx
      .selectFrom('users')
      .select(['email', 'locale'])
      .where('platform_role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .execute();
    for (const admin of admins) {
      const t = translator(admin.locale);
      await sendMail(tx, config, {
        to: admin.email,
        subject: t('manifesto.mail.pending.subject', { organisation: org.name }),
        text: t('manifesto.mail.pending.body', {
          organisation: org.name,
          link: `${publicUrl(config)}/admin/signatures`,
          signature: t('mail.signature'),
        }),
      });
    }
    return row.id;
  });
}

/** Signatures waiting for an administrator, oldest first. */
export function listPendingSignatures(db: DB) {
  return db
    .selectFrom('signatures')
    .innerJoin('organisations', 'organisations.id', 'signatures.organisation_id')
    .innerJoin('manifesto_versions', 'manifesto_versions.id', 'signatures.manifesto_version_id')
    .select([
      'signatures.id',
      'signatures.signer_name',
      'signatures.signer_role',
      'signatures.signed_at',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'organisations.kind',
      'manifesto_versions.version',
      'manifesto_versions.audience',
    ])
    .where('signatures.status', '=', 'pending')
    .orderBy('signatures.signed_at')
    .execute();
}

/**
 * Validates or rejects a pending signature and tells the organisation's owners by mail, each in their language.
 * Platform administrators only. A rejection needs a reason, which the owners receive.
 */
export async function decideSignature(
  db: DB,
  config: TConfig,
  actor: TCurrentUser,
  signatureId: number,
  decision: { validate: true } | { validate: false; reason: string },
): Promise<void> {
  ensure(actor.platformRole === 'admin');
  await db.transaction().execute(async (tx) => {
    const sig = await tx.selectFrom('signatures').selectAll().where('id', '=', signatureId).executeTakeFirst();
    if (!sig) throw notFound();
    if (sig.status !== 'pending') throw new AppError(409, 'already_decided', 'This signature was already decided');
    const reason = decision.validate ? null : decision.reason;
    await tx
      .updateTable('signatures')
      .set({
        status: decision.validate ? 'validated' : 'rejected',
        rejection_reason: reason,
        decided_by: actor.id,
        decided_at: nowIso(),
      })
      .where('id', '=', sig.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: decision.validate ? 'signature.validate' : 'signature.reject',
      subjectType: 'organisation',
      subjectId: sig.organisation_id,
      details: { signatureId, reason },
    });
    const org = await getOrganisation(tx, sig.organisation_id);
    for (const owner of await listOwners(tx, sig.organisation_id)) {
      const t = translator(owner.locale);
      await sendMail(tx, config, {
        to: owner.email,
        subject: t(decision.validate ? 'manifesto.mail.validated.subject' : 'manifesto.mail.rejected.subject', {
          organisation: org!.name,
        }),
        text: t(decision.validate ? 'manifesto.mail.validated.body' : 'manifesto.mail.rejected.body', {
          name: owner.name,
          organisation: org!.name,
          reason: reason ?? '',
          link: decision.validate
            ? `${publicUrl(config)}/directory/${org!.slug}`
            : `${publicUrl(config)}/organisations/${org!.id}`,
          signature: t('mail.signature'),
        }),
      });
    }
  });
}
