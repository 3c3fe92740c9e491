import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp, testConfig } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { lastMailTo } from '../../../test/helpers/mail.js';
import { loadCurrentUser } from '../../http/middleware/session.js';
import { postComment } from './comments.js';
import { publishResource } from './publish-resource.js';

describeEachDb('knowledge moderation: every decision reaches the author', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let admin: TestClient;
  let adminToken: string;
  let authorEmail: string;
  let commenterEmail: string;
  let resourceId: number;
  let commentId: number;

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = testApp(t.db);
    const author = await makeUser(t.db);
    authorEmail = author.email;
    const org = await makeOrganisation(t.db, { kind: 'partner', ownerId: author.id });
    const p = (await loadCurrentUser(t.db, author.id))!;
    resourceId = (
      await publishResource(
        t.db,
        testConfig(),
        p,
        {
          kind: 'guide',
          language: 'fr',
          publishedOn: '2026-01-15',
          licence: 'cc-by-4.0',
          url: 'https://example.org/a',
          themes: [],
          levels: [],
          levers: [],
          rgesn: [],
          organisationId: org.id,
          title: 'Guide des serveurs',
          summary: 'Mutualiser les serveurs.',
        },
        null,
      )
    ).id;
    const commenter = await makeUser(t.db);
    commenterEmail = commenter.email;
    commentId = await postComment(
      t.db,
      (await loadCurrentUser(t.db, commenter.id))!,
      'resource',
      resourceId,
      'Achetez mes serveurs !',
    );
    const a = await makeUser(t.db, { admin: true });
    admin = new TestClient(app);
    await loginAs(t.db, admin, a.id);
    adminToken = await apiTokenFor(t.db, a.id);
  });
  afterAll(() => t.destroy());

  it('hides a comment only with a reason, mailed to its author, and restores it', async () => {
    const none = await admin.post(`/admin/resources/comments/${commentId}/hide`, {
      reason: '',
      back: `/resources/${resourceId}`,
    });
    expect(none.headers.get('location')).toContain('reasonRequired');
    expect(
      (
        await t.db
          .selectFrom('knowledge_comments')
          .select('hidden_at')
          .where('id', '=', commentId)
          .executeTakeFirstOrThrow()
      ).hidden_at,
    ).toBeNull();
    const res = await admin.post(`/admin/resources/comments/${commentId}/hide`, {
      reason: 'Publicité',
      back: `/resources/${resourceId}`,
    });
    expect(res.headers.get('location')).toContain(`/resources/${resourceId}`);
    expect(await (await new TestClient(app).get(`/resources/${resourceId}`)).text()).not.toContain(
      'Achetez mes serveurs',
    );
    const mail = lastMailTo(commenterEmail).mail!;
    expect(mail.text).toContain('Publicité');
    expect(mail.text).toContain('Guide des serveurs');
    await admin.post(`/admin/resources/comments/${commentId}/keep`);
    expect(lastMailTo(commenterEmail).mail!.subject).toContain('de nouveau visible');
    expect(lastMailTo(commenterEmail).count).toBe(2);
  });

  it('unpublishes and publishes again a resource, telling its author each time (page and API)', async () => {
    await admin.post(`/admin/resources/${resourceId}/unpublish`, { reason: 'Source à citer' });
    expect(lastMailTo(authorEmail).mail!.text).toContain('Source à citer');
    expect((await new TestClient(app).get(`/resources/${resourceId}`)).status).toBe(404);
    expect(await (await admin.get(`/resources/${resourceId}`)).text()).toContain(
      `/admin/resources/${resourceId}/republish`,
    );
    const call = (body: unknown) =>
      app.request(`http://localhost/api/v1/resources/${resourceId}/moderation`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const res = await call({ decision: 'republish' });
    expect(await res.json()).toEqual({ id: resourceId, decision: 'republish', status: 'published' });
    expect(lastMailTo(authorEmail).mail!.subject).toContain('de nouveau en ligne');
    expect((await new TestClient(app).get(`/resources/${resourceId}`)).status).toBe(200);
    expect((await call({ decision: 'unpublish' })).status).toBe(422);
    expect((await call({ decision: 'republish' })).status).toBe(409);
  });
});
