import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { addMember, apiTokenFor, loginAs, makeOrganisation, makeUser } from '../../../test/helpers/factories.js';
import { getInventoryLines } from './index.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../test/fixtures/cloud', name));
const norm = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
void addMember;

describeEachDb('cloud billing import', (kind) => {
  let t: TTestDb;
  let app: ReturnType<typeof testApp>;
  let member: TestClient;
  let orgId: number;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    app = testApp(t.db);
    const m = await makeUser(t.db);
    const o = await makeUser(t.db);
    orgId = (await makeOrganisation(t.db, { ownerId: m.id, name: 'Nuage SA' })).id;
    await makeOrganisation(t.db, { ownerId: o.id });
    member = new TestClient(app);
    await loginAs(t.db, member, m.id);
    token = await apiTokenFor(t.db, m.id);
    otherToken = await apiTokenFor(t.db, o.id);
  });
  afterAll(() => t.destroy());

  const post = (year: number, body: BodyInit, type: string, tok = token, query = '') =>
    app.request(`/api/v1/organisations/${orgId}/cloud-billing/${year}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, 'content-type': type },
      body,
    });

  it('replaces the previous cloud lines of the year and leaves the other lines alone (API, snake_case)', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const lines = await app.request(`/api/v1/organisations/${orgId}/inventories/2025`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ category: 'laptop', quantity: 10 }] }),
    });
    expect(lines.status).toBe(201);
    const res = await post(2025, fixture('aws-cur-legacy.csv'), 'text/csv');
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({
      year: 2025,
      provider: 'aws',
      format: 'aws-cur-legacy',
      rows_read: 12,
      lines: 7,
      currency: 'USD',
    });
    expect(body.mapped_share).toBeCloseTo(207.0776 / 216.84428, 6);
    expect(body.unmapped.map((u: { service: string }) => u.service)).toEqual([
      'AWSLambda',
      'AmazonCloudWatch',
      'AmazonEC2',
    ]);
    expect(body.breakdown.provider).toHaveLength(1);
    expect(body.breakdown.region.map((r: { key: string }) => r.key).sort()).toEqual(['eu-west-3', 'us-east-1']);
    expect(body.gwp.value).toBeGreaterThan(0);
    let inv = (await getInventoryLines(t.db, orgId, 2025))!;
    expect(inv.filter((l) => l.category === 'laptop')).toHaveLength(1);
    expect(inv).toHaveLength(8);

    // A second export (Azure) replaces the 7 AWS lines; the laptop line stays.
    const fd = new FormData();
    fd.append('file', new File([fixture('azure-cost-details.csv')], 'azure.csv', { type: 'text/csv' }));
    const second = await app.request(`/api/v1/organisations/${orgId}/cloud-billing/2025`, {
      method: 'POST',
      headers: auth,
      body: fd,
    });
    expect(second.status).toBe(201);
    inv = (await getInventoryLines(t.db, orgId, 2025))!;
    expect(inv.map((l) => l.category).sort()).toEqual([
      'cloud_instance',
      'cloud_instance',
      'cloud_storage',
      'cloud_storage',
      'data_transfer',
      'laptop',
    ]);
    expect(inv.filter((l) => l.provider === 'aws')).toHaveLength(0);

    const got = await app.request(`/api/v1/organisations/${orgId}/cloud-billing/2025`, { headers: auth });
    expect(((await got.json()) as Record<string, unknown>).provider).toBe('azure');
  });

  it('refuses a file with errors as problem details naming row and column, and changes nothing', async () => {
    const before = await getInventoryLines(t.db, orgId, 2025);
    const bad =
      'lineItem/ProductCode,lineItem/UsageType,lineItem/UsageAmount,lineItem/UnblendedCost,pricing/unit\nAmazonEC2,BoxUsage:m5.large,12,1,Hrs\nAmazonEC2,BoxUsage:m5.large,1,n/a,Hrs\n';
    const res = await post(2025, bad, 'text/csv');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const p = (await res.json()) as { status: number; errors: { row: number; column: string }[] };
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([expect.objectContaining({ row: 3, column: 'lineItem/UnblendedCost' })]);
    expect(await getInventoryLines(t.db, orgId, 2025)).toEqual(before);
    expect((await post(2025, fixture('aws-cur2.csv'), 'text/csv', token, '?provider=gcp')).status).toBe(422);
    expect((await post(2025, fixture('aws-cur2.csv'), 'text/csv', otherToken)).status).toBe(403);
  });

  it('imports through the page and shows the cloud part on the cloud page and the result page', async () => {
    const fd = new FormData();
    fd.append('file', new File([fixture('gcp-billing-export.csv')], 'gcp.csv', { type: 'text/csv' }));
    fd.append('provider', 'gcp');
    const res = await member.postMultipart(`/organisations/${orgId}/footprint/2024/cloud-billing`, fd);
    expect(res.status).toBe(303);
    const page = norm(await (await member.get(res.headers.get('location')!)).text());
    expect(page).toContain('Part du cloud');
    expect(page).toContain('BigQuery');
    expect(page).toContain('europe-west9');
    const result = norm(await (await member.get(`/organisations/${orgId}/footprint/2024`)).text());
    expect(result).toContain('Services non rattachés');
    const inventory = norm(await (await member.get(`/organisations/${orgId}/footprint/2024/inventory`)).text());
    expect(inventory).toContain('Export de facturation cloud');
    const bad = new FormData();
    bad.append('file', new File(['category,quantity\nlaptop,2\n'], 'x.csv', { type: 'text/csv' }));
    const refused = await member.postMultipart(`/organisations/${orgId}/footprint/2024/cloud-billing`, bad);
    expect(refused.status).toBe(422);
    expect(norm(await refused.text())).toContain('Ligne 1, colonne -');
  });
});
