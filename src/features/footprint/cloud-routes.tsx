/** Pages of a year's cloud billing: upload an export, see what was mapped and what was not. */
import { writeFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.js';
import { UserFacingError } from '../../http/errors.js';
import { readForm } from '../../http/forms.js';
import { redirectWithFlash, renderPage } from '../../http/render.js';
import { CLOUD_PROVIDERS, type TCloudProvider } from '../../imports/cloud/index.js';
import { authoriseOrganisation, yearParam } from './access.js';
import { latestCloudImport, presentCloudImport } from './cloud-summary.js';
import { MAX_CLOUD_UPLOAD_BYTES, importCloudBilling } from './import-cloud-billing.js';
import { CloudBillingPage } from './views/cloud-billing-page.js';
import { footprintBase } from './views/labels.js';
import { newSpoolPath } from './upload-spool.js';

export const cloudPages = new Hono<AppEnv>();
const YEAR = '/organisations/:id{[0-9]+}/footprint/:year{[0-9]{4}}';

cloudPages.get(`${YEAR}/cloud-billing`, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const row = await latestCloudImport(c.get('db'), org.id, year);
  return renderPage(c, c.get('t')('footprint.cloud.title', { year, org: org.name }), (v) => (
    <CloudBillingPage v={v} org={org} year={year} imp={row ? presentCloudImport(row) : null} />
  ));
});

cloudPages.post(`${YEAR}/cloud-billing`, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const t = c.get('t');
  const form = await readForm(c);
  const file = form.file;
  if (!(file instanceof File) || file.size === 0)
    throw new UserFacingError(400, 'bad_request', t('footprint.cloud.noFile'));
  if (file.size > MAX_CLOUD_UPLOAD_BYTES)
    throw new UserFacingError(413, 'payload_too_large', t('footprint.cloud.tooBig'));
  const provider =
    typeof form.provider === 'string' && (CLOUD_PROVIDERS as readonly string[]).includes(form.provider)
      ? (form.provider as TCloudProvider)
      : undefined;
  const path = await newSpoolPath('cloud');
  await writeFile(path, new Uint8Array(await file.arrayBuffer()));
  const db = c.get('db');
  const outcome = await importCloudBilling(db, {
    orgId: org.id,
    year,
    userId: user.id,
    path,
    fileName: file.name || 'billing-export.csv',
    provider,
    removeAfter: true,
  });
  if (!outcome.ok) {
    const row = await latestCloudImport(db, org.id, year);
    return renderPage(
      c,
      t('footprint.cloud.title', { year, org: org.name }),
      (v) => (
        <CloudBillingPage
          v={v}
          org={org}
          year={year}
          imp={row ? presentCloudImport(row) : null}
          errors={outcome.errors}
          errorCount={outcome.errorCount}
        />
      ),
      { status: 422 },
    );
  }
  return redirectWithFlash(c, `${footprintBase(org.id)}/${year}/cloud-billing`, 'footprint.cloud.flash.imported');
});
