import nodemailer from 'nodemailer';
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

/** Test hook: receives every mail as sent (with its secrets), since the outbox keeps them masked. */
export const mailTap: { deliver?: (mail: TMail) => void } = {};

let transport: nodemailer.Transporter | null = null;
let transportUrl: string | null = null;

/**
 * Queues a mail in the outbox table, then sends it through SMTP when `SMTP_URL` is set. Without SMTP the
 * administrator reads the outbox in the back office. A sending failure is recorded on the row, never thrown at
 * the user: the action that caused the mail has already succeeded.
 */
export async function sendMail(db: DB | Tx, config: TConfig, mail: TMail): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: (mail.secrets ?? []).reduce((text, secret) => (secret ? text.split(secret).join(maskSecret(secret)) : text), mail.text),
      attachments_json: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      sent_at: null,
      error: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  mailTap.deliver?.(mail);
  if (config.SMTP_URL) {
    try {
      if (!transport || transportUrl !== config.SMTP_URL) {
        transport = nodemailer.createTransport(config.SMTP_URL);
        transportUrl = config.SMTP_URL;
      }
      await transport.sendMail({
        from: `Techcare <no-reply@${new URL(config.PUBLIC_URL ?? 'http://techcare.localhost').hostname}>`,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: a.encoding ?? 'utf8' })),
      });
      await db.updateTable('outbox').set({ sent_at: nowIso() }).where('id', '=', row.id).execute();
    } catch (err) {
      await db.updateTable('outbox').set({ error: (err as Error).message.slice(0, 500) }).where('id', '=', row.id).execute();
    }
  }
  return row.id;
}
