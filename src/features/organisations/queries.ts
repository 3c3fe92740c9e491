import type { DB, Tx } from '../../db/client.js';
import type { TSignatureStatus } from '../../db/tables/foundation.js';
import { notFound } from '../../http/errors.js';
import { publisherCondition, signatoryCondition } from '../../db/standing.js';

export type TOrganisation = Awaited<ReturnType<typeof getOrganisation>> & {};

/** An organisation's full row, or undefined. */
export function getOrganisation(db: DB | Tx, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The organisation's full row, or a 404: the one lookup every feature uses for an organisation named in a path or
 * an input (a malformed or unknown id names no page).
 */
export async function organisationOr404(db: DB | Tx, id: number): Promise<TOrganisation> {
  const org = Number.isSafeInteger(id) && id > 0 ? await getOrganisation(db, id) : undefined;
  if (!org) throw notFound();
  return org;
}

/** An organisation by its public slug, or undefined. */
export function getOrganisationBySlug(db: DB | Tx, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** True when the organisation is a validated signatory (the definition lives in `db/standing.ts`). */
export async function isSignatory(db: DB | Tx, orgId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', orgId)
    .where(signatoryCondition('organisations.id'))
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the organisation may publish: a validated signatory or a granted partner or expert. */
export async function isPublisher(db: DB | Tx, orgId: number): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', orgId)
    .where(publisherCondition('organisations.id', 'organisations.kind'))
    .executeTakeFirst();
  return row !== undefined;
}

/** The ten founding partners (reference data), by name. */
export function listFoundingPartners(db: DB | Tx) {
  return db.selectFrom('organisations').selectAll().where('is_founding_partner', '=', 1).orderBy('name').execute();
}

/** The demo network's organisations (is_demo = 1), by id, so other features' demo seeds can attach data to them. */
export function demoOrganisations(db: DB | Tx) {
  return db.selectFrom('organisations').selectAll().where('is_demo', '=', 1).orderBy('id').execute();
}

/** The organisation's members with their role, owners first. */
export function listMembers(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id',
      'users.id as userId',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.organisation_id', '=', orgId)
    .orderBy('memberships.role', 'desc')
    .orderBy('users.name')
    .execute();
}

/** The organisation owners' addresses and languages (to notify them). */
export function listOwners(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('memberships.organisation_id', '=', orgId)
    .where('memberships.role', '=', 'owner')
    .where('users.disabled_at', 'is', null)
    .execute();
}

export interface TSignatureSummary {
  id: number;
  status: TSignatureStatus;
  version: string;
  audience: 'company' | 'school';
  signerName: string;
  signerRole: string;
  signedAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
}

/** Every signature of an organisation, newest first. */
export async function listSignatures(db: DB | Tx, orgId: number): Promise<TSignatureSummary[]> {
  const rows = await db
    .selectFrom('signatures')
    .innerJoin('manifesto_versions', 'manifesto_versions.id', 'signatures.manifesto_version_id')
    .select([
      'signatures.id',
      'signatures.status',
      'manifesto_versions.version',
      'manifesto_versions.audience',
      'signatures.signer_name as signerName',
      'signatures.signer_role as signerRole',
      'signatures.signed_at as signedAt',
      'signatures.decided_at as decidedAt',
      'signatures.rejection_reason as rejectionReason',
    ])
    .where('signatures.organisation_id', '=', orgId)
    .orderBy('signatures.signed_at', 'desc')
    .orderBy('signatures.id', 'desc')
    .execute();
  return rows;
}

/** The latest signature (any status), or null. */
export async function latestSignature(db: DB | Tx, orgId: number): Promise<TSignatureSummary | null> {
  return (await listSignatures(db, orgId))[0] ?? null;
}

/** The latest validated signature, or null: what the directory shows. */
export async function validatedSignature(db: DB | Tx, orgId: number): Promise<TSignatureSummary | null> {
  return (await listSignatures(db, orgId)).find((s) => s.status === 'validated') ?? null;
}

/** Invitations still waiting to be accepted, for the manage page. */
export function listPendingInvitations(db: DB | Tx, orgId: number) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at', 'created_at'])
    .where('organisation_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('id', 'desc')
    .execute();
}

/** Whether this installation holds the demo network (the home page then links to it). */
export async function hasDemoNetwork(db: DB | Tx): Promise<boolean> {
  return (
    (await db.selectFrom('organisations').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst()) !==
    undefined
  );
}
