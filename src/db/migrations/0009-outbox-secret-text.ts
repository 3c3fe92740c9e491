import type { Kysely } from 'kysely';

/**
 * A mail that carries a secret (confirmation, reset or invitation link) is kept in the outbox with the secret masked
 * (`body_text`, what administrators and backups read); the deliverable text waits in `secret_text` only until the
 * mail-delivery job has sent it, and is wiped then, or after two days when it could not be sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('secret_text', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('secret_text').execute();
}
