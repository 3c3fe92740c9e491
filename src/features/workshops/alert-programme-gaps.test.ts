import { afterAll, beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { alertProgrammeGaps } from './alert-programme-gaps.js';
import { quickWorkshop } from './test-kit.js';

describeEachDb('programme gaps: administrators and partners are told once per empty month', (kind) => {
  let t: TTestDb;
  let admin: { id: number; email: string };
  let partner: { id: number; email: string };
  let companyMember: { id: number; email: string };
  let partnerOrg: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    admin = await makeUser(t.db, { admin: true });
    partner = await makeUser(t.db);
    partnerOrg = (await makeOrganisation(t.db, { kind: 'partner', ownerId: partner.id })).id;
    const disabled = await makeUser(t.db);
    await addMember(t.db, partnerOrg, disabled.id);
    await t.db
      .updateTable('users')
      .set({ disabled_at: '2031-01-01T00:00:00.000Z' })
      .where('id', '=', disabled.id)
      .execute();
    companyMember = await makeUser(t.db);
    await makeOrganisation(t.db, { kind: 'company', ownerId: companyMember.id, signed: true });
  });
  afterAll(() => t.destroy());

  const alertsTo = async (email: string) =>
    (await t.db.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', email).execute()).filter(
      (m) => /workshop|atelier/i.test(m.subject) && /publi/i.test(m.subject),
    );

  it('mails each recipient once per month without a published workshop, even with two runs at once', async () => {
    const now = new Date('2031-05-10T08:00:00Z');
    // July is covered; May and June are not. Only the current and next month are watched.
    await quickWorkshop(t.db, {
      organisationId: partnerOrg,
      createdBy: partner.id,
      capacity: 5,
      startsAt: '2031-07-15T08:00:00.000Z',
    });
    const [a, b] = await Promise.all([
      alertProgrammeGaps(t.db, testConfig(), now),
      alertProgrammeGaps(t.db, testConfig(), now),
    ]);
    expect(a.months).toEqual(['2031-05', '2031-06']);
    expect(a.sent + b.sent).toBe(4);
    expect(await alertsTo(admin.email)).toHaveLength(2);
    const partnerMails = await alertsTo(partner.email);
    expect(partnerMails).toHaveLength(2);
    expect(partnerMails.map((m) => m.subject).sort()).toEqual([
      'Aucun atelier publié pour juin 2031',
      'Aucun atelier publié pour mai 2031',
    ]);
    expect(partnerMails[0]!.body_text).toContain('/workshops/new');
    expect(await alertsTo(companyMember.email)).toHaveLength(0);
    // The next day, nothing new: each month was already told.
    expect((await alertProgrammeGaps(t.db, testConfig(), new Date('2031-05-11T08:00:00Z'))).sent).toBe(0);
  });

  it('says nothing about a covered month, and tells a newcomer of a month still empty', async () => {
    const later = await makeUser(t.db);
    await addMember(t.db, partnerOrg, later.id);
    const r = await alertProgrammeGaps(t.db, testConfig(), new Date('2031-06-20T08:00:00Z'));
    expect(r.months).toEqual(['2031-06']);
    expect(r.sent).toBe(1);
    expect(await alertsTo(later.email)).toHaveLength(1);
  });
});
