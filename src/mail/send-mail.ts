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
  /**
   * Secrets the text carries (tokens of confirmation, reset and invitation links): the outbox keeps the mail with
   * each of them masked, so whoever reads the outbox (administrators, a database backup) cannot use the link.
   */
  secrets?: string[];
}

/** How a secret appears in the outbox: its first four characters, then a mark (enough to tell two links apart). */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…[masked]`;
}

/** Test hook: receives every mail as queued (with its secrets), since the outbox keeps them masked. */
export const mailTap: { deliver?: (mail: TMail) => void } = {};

/**
 * Queues a mail in the outbox table and returns its id. Call it inside the transaction of the change that causes
 * the mail: the mail exists exactly when the change commits, and nothing waits on an SMTP server while the
 * transaction (and SQLite's single connection) is held. The mail-delivery job sends it (deliver-outbox.ts);
 * without SMTP_URL it stays in the outbox, which administrators read in the back office.
 */
export async function sendMail(db: DB | Tx, _config: TConfig, mail: TMail): Promise<number> {
  const masked = (mail.secrets ?? []).reduce(
    (text, secret) => (secret ? text.split(secret).join(maskSecret(secret)) : text),
    mail.text,
  );
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: masked,
      // The deliverable text, only when it differs from what the outbox shows; wiped once sent (deliver-outbox.ts).
      secret_text: masked === mail.text ? null : mail.text,
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
  mailTap.deliver?.(mail);
  return row.id;
}
