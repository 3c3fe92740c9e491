import type { TConfig } from '../config.js';
import type { DB, Tx } from '../db/client.js';
import { nowIso } from '../db/client.js';

export interface TMailAttachment {
  filename: string;
  contentType: string;
  /** Text content (e.g. an iCalendar invitation) or base64 for binaries (see `encoding`). */
  content: string;
  encoding?: 'utf8' | 'base64';
}

export interface TMail {
  to: string;
  subject: string;
  text: string;
  attachments?: TMailAttachment[];
}

/**
 * Queues a mail in the outbox table and returns its id. Call it inside the transaction of the change that causes
 * the mail: the mail exists exactly when the change commits, and nothing waits on an SMTP server while the
 * transaction (and SQLite's single connection) is held. The mail-delivery job sends it (deliver-outbox.ts);
 * without SMTP_URL it stays in the outbox, which administrators read in the back office.
 */
export async function sendMail(db: DB | Tx, _config: TConfig, mail: TMail): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      attachments_json: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      sent_at: null,
      error: null,
      created_at: nowIso(),
      next_attempt_at: null,
      claimed_by: null,
      claimed_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
