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
}

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
      body_text: mail.text,
      attachments_json: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      sent_at: null,
      error: null,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
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
