import { afterEach, beforeEach, expect, it } from 'vitest';
import { testConfig } from '../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../test/helpers/db.js';
import { deliverOutbox, LEASE_MS, MAX_ATTEMPTS, retryDelayMs, type TMailTransport } from './deliver-outbox.js';
import { sendMail } from './send-mail.js';
import { OUTBOX_SECRET_RETENTION_MS, wipeStaleOutboxSecrets } from '../housekeeping.js';

const config = testConfig({ SMTP_URL: 'smtp://mail.example.org:25' });
const mail = (to: string) => ({ to, subject: 'Bienvenue', text: 'Bonjour' });

/** A transport that records what it sends; `fail` makes it refuse, `gate` holds every send until released. */
function recorder(opts: { fail?: boolean; gate?: Promise<void> } = {}) {
  const sent: string[] = [];
  const transport: TMailTransport = {
    async sendMail(m) {
      if (opts.gate) await opts.gate;
      if (opts.fail) throw new Error('451 try again later');
      sent.push(m.to);
    },
  };
  return { sent, transport };
}

describeEachDb('mail after commit', (kind) => {
  let t: TTestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(() => t.destroy());

  it('writes mail inside the transaction: nothing on rollback, queued (not sent) on commit, sent once after', async () => {
    const { sent, transport } = recorder();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await sendMail(tx, config, mail('rolled-back@example.org'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await t.db.transaction().execute(async (tx) => {
      await sendMail(tx, config, mail('a@example.org'));
    });
    const queued = await t.db.selectFrom('outbox').selectAll().execute();
    expect(queued.map((m) => [m.to_address, m.sent_at])).toEqual([['a@example.org', null]]);
    expect(sent).toEqual([]);

    expect(await deliverOutbox(t.db, config, new Date(), { transport })).toEqual({ sent: 1, failed: 0 });
    expect(await deliverOutbox(t.db, config, new Date(), { transport })).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual(['a@example.org']);
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
  });

  it('keeps link secrets masked in the outbox, sends the real link, then wipes it; an unsent secret is wiped after two days', async () => {
    const texts: string[] = [];
    const transport: TMailTransport = {
      async sendMail(m) {
        texts.push(String(m.text));
      },
    };
    const token = 'Zx9secretTOKENvalue';
    await sendMail(t.db, config, {
      to: 'a@example.org',
      subject: 'Confirmez',
      text: `https://techcare.example/confirm/${token}`,
      secrets: [token],
    });
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.body_text).not.toContain(token);
    expect(row.body_text).toContain('Zx9s…[masked]');
    expect(await deliverOutbox(t.db, config, new Date(), { transport })).toEqual({ sent: 1, failed: 0 });
    expect(texts).toEqual([`https://techcare.example/confirm/${token}`]);
    expect((await t.db.selectFrom('outbox').select('secret_text').executeTakeFirstOrThrow()).secret_text).toBeNull();
    // Without SMTP the mail is never sent: its secret text goes after the retention.
    await sendMail(t.db, testConfig(), {
      to: 'b@example.org',
      subject: 'Confirmez',
      text: `lien ${token}`,
      secrets: [token],
    });
    expect(await wipeStaleOutboxSecrets(t.db, new Date())).toBe(0);
    expect(await wipeStaleOutboxSecrets(t.db, new Date(Date.now() + OUTBOX_SECRET_RETENTION_MS + 60_000))).toBe(1);
    const left = await t.db
      .selectFrom('outbox')
      .select(['body_text', 'secret_text'])
      .where('to_address', '=', 'b@example.org')
      .executeTakeFirstOrThrow();
    expect(left).toEqual({ body_text: 'lien Zx9s…[masked]', secret_text: null });
  });

  it('does nothing without SMTP: the mail stays in the outbox for administrators', async () => {
    await sendMail(t.db, config, mail('a@example.org'));
    expect(await deliverOutbox(t.db, testConfig(), new Date())).toEqual({ sent: 0, failed: 0 });
    expect((await t.db.selectFrom('outbox').select('sent_at').executeTakeFirstOrThrow()).sent_at).toBeNull();
  });

  it('retries a failure later with backoff, and gives up after the last attempt', async () => {
    await sendMail(t.db, config, mail('a@example.org'));
    const t0 = new Date('2026-03-01T10:00:00Z');
    expect(await deliverOutbox(t.db, config, t0, { transport: recorder({ fail: true }).transport })).toEqual({
      sent: 0,
      failed: 1,
    });
    let row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      attempts: 1,
      error: '451 try again later',
      sent_at: null,
      next_attempt_at: new Date(t0.getTime() + retryDelayMs(1)).toISOString(),
    });
    // Not due yet: not tried again.
    const ok = recorder();
    expect(
      await deliverOutbox(t.db, config, new Date(t0.getTime() + retryDelayMs(1) - 1000), { transport: ok.transport }),
    ).toEqual({ sent: 0, failed: 0 });
    // Due: sent.
    expect(
      await deliverOutbox(t.db, config, new Date(t0.getTime() + retryDelayMs(1)), { transport: ok.transport }),
    ).toEqual({ sent: 1, failed: 0 });
    row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.error).toBeNull();
    expect(ok.sent).toEqual(['a@example.org']);

    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    await sendMail(t.db, config, mail('b@example.org'));
    let when = t0;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverOutbox(t.db, config, when, { transport: recorder({ fail: true }).transport });
      when = new Date(when.getTime() + 7 * 3_600_000);
    }
    const b = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'b@example.org')
      .executeTakeFirstOrThrow();
    expect(b.attempts).toBe(MAX_ATTEMPTS);
  });

  it('never sends a mail twice when several instances deliver at once', async () => {
    for (let i = 0; i < 12; i++) await sendMail(t.db, config, mail(`m${i}@example.org`));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const a = recorder({ gate });
    const b = recorder({ gate });
    const c = recorder({ gate });
    const now = new Date();
    const runs = Promise.all([
      deliverOutbox(t.db, config, now, { transport: a.transport, instance: 'a' }),
      deliverOutbox(t.db, config, now, { transport: b.transport, instance: 'b' }),
      deliverOutbox(t.db, config, now, { transport: c.transport, instance: 'c' }),
    ]);
    release();
    const results = await runs;
    const all = [...a.sent, ...b.sent, ...c.sent].sort();
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}@example.org`).sort());
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
  });

  it('leaves a mail under another instance’s lease alone until the lease ends', async () => {
    const id = await sendMail(t.db, config, mail('a@example.org'));
    const t0 = new Date('2026-03-01T10:00:00Z');
    // Another instance claimed it and died before sending.
    await t.db
      .updateTable('outbox')
      .set({ claimed_by: 'dead', claimed_until: new Date(t0.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', id)
      .execute();
    const { sent, transport } = recorder();
    expect(await deliverOutbox(t.db, config, new Date(t0.getTime() + 1000), { transport })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await deliverOutbox(t.db, config, new Date(t0.getTime() + LEASE_MS + 1000), { transport })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(sent).toEqual(['a@example.org']);
  });
});
