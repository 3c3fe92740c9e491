import { afterAll, beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { nowIso } from '../../db/client.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
// The workshops feature registers its status-loss handler when loaded, as the application does at start.
import '../workshops/index.js';
import { quickWorkshop } from '../workshops/test-kit.js';
import { applyForStatus, decideStatusRequest, withdrawStatus } from './index.js';

describeEachDb('status withdrawal tells the registrants of withdrawn workshops', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());

  it('mails confirmed and waitlisted registrants of upcoming workshops, not cancelled ones nor past workshops', async () => {
    const config = testConfig();
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id, name: 'Partenaire Retiré', kind: 'company' });
    const admin = (await loadCurrentUser(t.db, (await makeUser(t.db, { admin: true })).id))!;
    const reqId = await applyForStatus(t.db, config, (await loadCurrentUser(t.db, owner.id))!, org.id, {
      kind: 'partner',
      motivation: 'Des ateliers chaque mois depuis longtemps.',
    });
    await decideStatusRequest(t.db, config, admin, reqId, { grant: true });
    const upcoming = await quickWorkshop(t.db, { organisationId: org.id, createdBy: owner.id, capacity: 10 });
    const past = await quickWorkshop(t.db, {
      organisationId: org.id,
      createdBy: owner.id,
      capacity: 10,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const member = await makeOrganisation(t.db, { signed: true });
    const register = async (workshopId: number, status: 'confirmed' | 'waitlisted' | 'cancelled') => {
      const u = await makeUser(t.db);
      const now = nowIso();
      await t.db
        .insertInto('workshop_registrations')
        .values({
          workshop_id: workshopId,
          user_id: u.id,
          organisation_id: member.id,
          status,
          queued_at: now,
          confirmed_at: status === 'confirmed' ? now : null,
          cancelled_at: status === 'cancelled' ? now : null,
          notified_status: null,
          attended: null,
          reminder_sent_at: null,
          created_at: now,
        })
        .execute();
      return u.email;
    };
    const confirmed = await register(upcoming, 'confirmed');
    const waitlisted = await register(upcoming, 'waitlisted');
    const cancelled = await register(upcoming, 'cancelled');
    const pastAttendee = await register(past, 'confirmed');

    await withdrawStatus(t.db, config, admin, org.id, 'Aucun atelier tenu cette année.');
    const mails = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'subject', 'body_text'])
      .where('subject', 'like', 'Atelier retiré du programme%')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([confirmed, waitlisted].sort());
    expect(mails[0]!.body_text).toContain('Aucun atelier tenu cette année.');
    expect(mails[0]!.body_text).toContain('Partenaire Retiré');
    expect(mails.map((m) => m.to_address)).not.toContain(cancelled);
    expect(mails.map((m) => m.to_address)).not.toContain(pastAttendee);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'organisation.status.withdraw')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details_json!).registrantsMailed).toBe(2);
  });
});
