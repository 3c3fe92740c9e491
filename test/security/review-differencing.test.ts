/**
 * Published statistics cannot be differenced: the complement rule applies to every mean and count of people the
 * review publishes (ratings, attendance; in total, by month and by organiser; in the page, the API and the CSV).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/client.js';
import { buildNetworkReview } from '../../src/features/review/build-network-review.js';
import { reviewCsv } from '../../src/features/review/export-review.js';
import { registrationRows, workshopRows } from '../../src/features/review/network-fixtures.js';
import { disclosableCells, MIN_GROUP } from '../../src/features/review/suppression.js';
import { testApp } from '../helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../helpers/db.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';

describe('rule 4b', () => {
  it('withholds the smallest shown cells until the withheld ones hold none or a full group', () => {
    // 11 answers: two months of 5 and one of 1. Showing both fives would reveal the single answer by subtraction.
    const r = disclosableCells(11, [5, 5, 1], [11], (row) => [5, 5, 1][row]!);
    expect(r.total).toBe(true);
    expect(r.rows.filter(Boolean)).toHaveLength(1);
    // 10 answers in two months of 5: both shown (nothing withheld).
    expect(disclosableCells(10, [5, 5], [10], (row) => 5 + 0 * row).rows).toEqual([true, true]);
  });

  it('withholds a cell lying inside a cell of the other breakdown when they differ by fewer than the minimum', () => {
    // Organiser A's 5 answers are all in March, which has 6: March minus A is one answer.
    const months = [6, 6];
    const orgs = [5, 7];
    const cross = (m: number, o: number) =>
      [
        [5, 1],
        [0, 6],
      ][m]![o]!;
    const r = disclosableCells(12, months, orgs, cross);
    const shownPairs = [];
    for (let m = 0; m < 2; m++)
      for (let o = 0; o < 2; o++)
        if (r.rows[m] && r.cols[o])
          shownPairs.push([months[m]! - orgs[o]!, cross(m, o) === orgs[o] || cross(m, o) === months[m]]);
    for (const [diff, nested] of shownPairs)
      if (nested) expect(diff === 0 || Math.abs(Number(diff)) >= MIN_GROUP).toBe(true);
    // Every breakdown's withheld part is none or a full group.
    const withheld = (sizes: number[], shown: boolean[]) => sizes.reduce((s, n, i) => s + (shown[i] ? 0 : n), 0);
    expect([0, 5, 6, 7, 8, 9, 10, 11, 12]).toContain(withheld(months, r.rows));
    expect([0, 5, 6, 7, 8, 9, 10, 11, 12]).toContain(withheld(orgs, r.cols));
  });
});

describeEachDb('the review’s ratings cannot be differenced', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    // One organiser, six ratings: five on a March workshop, one on a November workshop. The total mean (over 6)
    // and the March mean (over 5) would give away the November attendee's rating.
    const owner = await makeUser(t.db);
    const org = await makeOrganisation(t.db, { ownerId: owner.id, kind: 'partner' });
    const member = await makeOrganisation(t.db, { signed: true });
    // The review covers years from the first signature on.
    await t.db
      .updateTable('signatures')
      .set({ signed_at: '2025-01-02T00:00:00.000Z', decided_at: '2025-01-02T00:00:00.000Z' })
      .execute();
    const ratings: [string, number[]][] = [
      ['2025-03-10T09:00:00Z', [5, 5, 4, 4, 5]],
      ['2025-11-10T09:00:00Z', [1]],
    ];
    for (const [startsAt, rs] of ratings) {
      const w = await t.db
        .insertInto('workshops')
        .values(workshopRows([{ organiserId: org.id, createdBy: owner.id, startsAt }]))
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const rating of rs) {
        const u = await makeUser(t.db);
        await t.db
          .insertInto('workshop_registrations')
          .values(registrationRows([{ workshopId: w.id, userId: u.id, orgId: member.id, at: startsAt, attended: 1 }]))
          .execute();
        await t.db
          .insertInto('workshop_feedback')
          .values({ workshop_id: w.id, user_id: u.id, rating, comment: '', created_at: nowIso() })
          .execute();
      }
    }
  });
  afterAll(() => t.destroy());

  it('publishes no pair of means (total, month) whose difference isolates one rating, in the data, the CSV and the API', async () => {
    const r = await buildNetworkReview(t.db, 2025, { includeDemo: false });
    expect(r.workshops.total.feedbackCount).toBe(6);
    expect(r.workshops.total.satisfaction).not.toBeNull();
    const march = r.workshops.months[2]!;
    expect(march.feedbackCount).toBe(5);
    expect(march.satisfaction).toBeNull();
    expect(r.workshops.months[10]!.satisfaction).toBeNull();
    // Attendance: 6 recorded seats, 5 in March: the same rule.
    expect(r.workshops.total.attended).toBe(6);
    expect(march.attended).toBeNull();
    expect(march.attendanceRate).toBeNull();
    const csv = reviewCsv(r);
    expect(csv).toContain('workshops,month,2025-03,satisfaction,\r\n');
    expect(csv).toContain('workshops,month,2025-03,attended,\r\n');
    const api = await testApp(t.db).request('http://localhost/api/v1/reviews/2025');
    expect(api.status).toBe(200);
    const body = (await api.json()) as {
      workshops: {
        total: { satisfaction: number | null; feedback_count: number };
        months: { satisfaction: number | null; attended: number | null; attendance_rate: number | null }[];
      };
    };
    expect(body.workshops.total.feedback_count).toBe(6);
    expect(body.workshops.months[2]!.attendance_rate).toBeNull();
    expect(body.workshops.total.satisfaction).toBeCloseTo(24 / 6, 10);
    expect(body.workshops.months[2]!.satisfaction).toBeNull();
    expect(body.workshops.months[2]!.attended).toBeNull();
  });
});
