import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import type { TConfig } from '../config.js';
import { nowIso, type DB } from '../db/client.js';
import type { TMailAttachment } from './send-mail.js';

/** What delivery needs of an SMTP client (nodemailer's transporter; tests pass a recorder). */
export interface TMailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments?: { filename: string; contentType: string; content: string; encoding: string }[];
  }): Promise<unknown>;
}

/** How long a claimed mail is reserved for the instance that claimed it: longer than any SMTP exchange may take. */
export const LEASE_MS = 5 * 60_000;
/** After this many failed attempts a mail stays in the outbox with its error, for an administrator to read. */
export const MAX_ATTEMPTS = 8;
/** Wait before attempt n+1 after n failures: 1 min, 2, 4 … capped at 6 h. */
export const retryDelayMs = (failures: number): number => Math.min(60_000 * 2 ** (failures - 1), 6 * 3_600_000);

/** This process, as named in `outbox.claimed_by`. */
const thisInstance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

let cached: { url: string; transport: TMailTransport } | null = null;
function smtpTransport(url: string): TMailTransport {
  // Bounded SMTP waits, well inside the lease, so a slow server cannot make a lease expire mid-send.
  if (cached?.url !== url)
    cached = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    };
  return cached.transport;
}

/**
 * Sends the mails of the outbox that are due, after the transactions that wrote them committed. Each mail is
 * first claimed by one conditional UPDATE (unsent, due, and not under another instance's lease): on several
 * instances only one wins the row, so a mail is never sent twice (unless an instance dies between the SMTP
 * server's acceptance and the `sent_at` write: then it is sent again after the lease, at least once). A failure
 * is recorded and retried later with backoff, up to MAX_ATTEMPTS. Without SMTP_URL it does nothing.
 */
export async function deliverOutbox(
  db: DB,
  config: Pick<TConfig, 'SMTP_URL' | 'PUBLIC_URL'>,
  now: Date = new Date(),
  options: { transport?: TMailTransport; instance?: string; batch?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const transport = options.transport ?? (config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null);
  if (!transport) return { sent: 0, failed: 0 };
  const me = options.instance ?? thisInstance;
  const at = nowIso(now);
  const due = await db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .orderBy('id')
    .limit(options.batch ?? 50)
    .execute();
  const from = `Techcare <no-reply@${new URL(config.PUBLIC_URL ?? 'http://techcare.localhost').hostname}>`;
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    // The claim: the same conditions, re-checked on the row itself (PostgreSQL re-reads a row another
    // transaction just changed; SQLite runs one writer at a time), so one instance wins.
    const claim = await db
      .updateTable('outbox')
      .set({ claimed_by: me, claimed_until: nowIso(new Date(now.getTime() + LEASE_MS)) })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const mail = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attachments = mail.attachments_json ? (JSON.parse(mail.attachments_json) as TMailAttachment[]) : undefined;
    try {
      await transport.sendMail({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.secret_text ?? mail.body_text,
        attachments: attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          encoding: a.encoding ?? 'utf8',
        })),
      });
      await db
        .updateTable('outbox')
        .set({ sent_at: nowIso(), error: null, claimed_until: null, secret_text: null })
        .where('id', '=', id)
        .where('claimed_by', '=', me)
        .execute();
      sent++;
    } catch (err) {
      const failures = mail.attempts + 1;
      await db
        .updateTable('outbox')
        .set({
          attempts: failures,
          error: (err as Error).message.slice(0, 500),
          next_attempt_at: nowIso(new Date(now.getTime() + retryDelayMs(failures))),
          claimed_until: null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', me)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
