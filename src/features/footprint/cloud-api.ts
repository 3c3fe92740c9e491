/**
 * Cloud billing API: send a provider's billing export for a year (multipart `file`, or the raw CSV / gzipped CSV as
 * the body), read the last import's summary. JSON is snake_case; errors are problem details (RFC 9457) whose
 * `errors` name the row and the column.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { apiError } from '../../http/errors.js';
import type { AppEnv } from '../../http/env.js';
import { documentApi } from '../../http/api-kit.js';
import { CLOUD_PROVIDERS, type TCloudBillingError, type TCloudProvider } from '../../imports/cloud/index.js';
import { authoriseOrganisation, yearParam } from './access.js';
import { latestCloudImport, presentCloudImport, ZCloudImportJson } from './cloud-summary.js';
import { MAX_CLOUD_UPLOAD_BYTES, importCloudBilling } from './import-cloud-billing.js';
import { newSpoolPath } from './upload-spool.js';

export const cloudApi = new Hono<AppEnv>();
const TAG = 'Footprint';
const PATH = '/organisations/:id{[0-9]+}/cloud-billing/:year{[0-9]{4}}';

documentApi({
  method: 'post',
  path: '/organisations/{id}/cloud-billing/{year}',
  tag: TAG,
  auth: true,
  summary:
    'Imports a cloud billing export into the year’s inventory: AWS Cost and Usage Report (legacy or CUR 2.0 CSV, gzipped or not), Azure cost details CSV or Google Cloud billing export CSV, as a multipart `file` or as the raw body (Content-Type text/csv or application/gzip). `provider` (aws|azure|gcp, form field or query) is optional: the header tells the format. The cloud lines replace those of the previous billing import of the year; other lines stay. A file with errors changes nothing.',
  query: z.object({ provider: z.enum(CLOUD_PROVIDERS).optional() }),
  fileUpload: true,
  response: ZCloudImportJson,
  responses: {
    201: 'Imported: what was mapped, what was not (by service, with its cost), the cloud breakdown',
    401: 'Missing or wrong token',
    403: 'Not a member of the organisation',
    413: 'File too large',
    422: 'Problem details; `errors` name row and column',
  },
});
documentApi({
  method: 'get',
  path: '/organisations/{id}/cloud-billing/{year}',
  tag: TAG,
  auth: true,
  summary:
    'The last cloud billing import of the year: mapped share of the billed cost, unmapped services with their cost, the cloud part by provider, service, region and account.',
  response: ZCloudImportJson,
  responses: { 401: 'Missing or wrong token', 403: 'Not a member', 404: 'No cloud billing import for this year' },
});

/** The project's one API error (RFC 9457 problem details); a file error keeps its row and column. */
function problem(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  errors?: TCloudBillingError[],
): Response {
  return apiError(
    c,
    status,
    code,
    detail,
    (errors ?? []).map((e) => ({ row: e.line, line: e.line, column: e.column, message: e.message })),
  );
}

function providerOf(v: unknown): TCloudProvider | undefined | null {
  if (v === undefined || v === null || v === '') return undefined;
  return (CLOUD_PROVIDERS as readonly string[]).includes(String(v)) ? (String(v) as TCloudProvider) : null;
}

cloudApi.post(PATH, async (c) => {
  const { org, user } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > MAX_CLOUD_UPLOAD_BYTES)
    return problem(
      c,
      413,
      'payload_too_large',
      `The body exceeds ${MAX_CLOUD_UPLOAD_BYTES} bytes; send the export gzipped, or import it with the CLI`,
    );
  const path = await newSpoolPath('cloud');
  const type = c.req.header('content-type') ?? '';
  let provider = providerOf(c.req.query('provider'));
  let fileName = 'billing-export.csv';
  if (type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return problem(c, 400, 'invalid_input', 'Expected the export in the `file` field');
    if (provider === undefined) provider = providerOf(body.provider);
    fileName = file.name || fileName;
    await writeFile(path, new Uint8Array(await file.arrayBuffer()));
  } else if (/^(text\/csv|application\/(gzip|x-gzip|octet-stream))/.test(type) && c.req.raw.body) {
    // The raw body is streamed to disk: a large export never sits whole in memory.
    await pipeline(Readable.fromWeb(c.req.raw.body as never), createWriteStream(path));
  } else {
    return problem(
      c,
      415,
      'unsupported_media_type',
      'Send the export as multipart/form-data (field `file`) or as the body with Content-Type text/csv or application/gzip',
    );
  }
  if (provider === null)
    return problem(
      c,
      400,
      'invalid_input',
      'provider must be aws, azure or gcp (or left out: the header tells the format)',
      [{ line: 0, column: 'provider', message: 'use aws, azure or gcp' }],
    );
  const outcome = await importCloudBilling(c.get('db'), {
    orgId: org.id,
    year,
    userId: user.id,
    path,
    fileName,
    provider,
    removeAfter: true,
  });
  if (!outcome.ok)
    return problem(
      c,
      422,
      'invalid_billing_export',
      `${outcome.errorCount} error(s); nothing was saved`,
      outcome.errors,
    );
  const row = await latestCloudImport(c.get('db'), org.id, year);
  return c.json(presentCloudImport(row!), 201);
});

cloudApi.get(PATH, async (c) => {
  const { org } = await authoriseOrganisation(c);
  const year = yearParam(c);
  const row = await latestCloudImport(c.get('db'), org.id, year);
  if (!row) return problem(c, 404, 'not_found', 'No cloud billing import for this year');
  return c.json(presentCloudImport(row));
});
