import { z } from 'zod';
import { apiRegistry, ZPagination, type TApiDoc } from './api-kit.js';
import { PROBLEM_TYPE_BASE } from './errors.js';

/** The problem details every error answers (RFC 9457), as `apiError` builds them. */
const ZProblem = z.object({
  type: z
    .string()
    .describe(`A URI naming the kind of problem: ${PROBLEM_TYPE_BASE}<code>, described on the /developers page`),
  title: z.string().describe('Short summary of the status, the same for every occurrence'),
  status: z.number().int(),
  detail: z.string().describe('What went wrong in this request, in English'),
  instance: z.string().describe('The path of the request'),
  code: z.string().describe('Stable machine-readable code (not_found, invalid_input, invalid_inventory, …)'),
  errors: z.array(
    z
      .object({
        field: z.string().describe('The field, query parameter or file column at fault (empty when none applies)'),
        path: z.string().optional(),
        line: z.number().int().optional().describe('For file and inventory errors: the line of the file'),
        message: z.string(),
      })
      .catchall(z.unknown()),
  ),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) })
    .describe('The first v1 error body, kept for the clients that read it'),
});

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing or invalid token',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Refused content',
  429: 'Too many requests',
  500: 'Internal error',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
  }) as Record<string, unknown>;
  return rest;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operation(doc: TApiDoc): Record<string, unknown> {
  const parameters: unknown[] = [];
  for (const m of doc.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  const query: Record<string, z.ZodType> = { ...(doc.query?.shape as Record<string, z.ZodType> | undefined) };
  if (doc.list)
    Object.assign(query, {
      page: query.page ?? ZPagination.shape.page,
      per_page: query.per_page ?? ZPagination.shape.per_page,
    });
  for (const [name, field] of Object.entries(query)) {
    parameters.push({
      name,
      in: 'query',
      required: !field.safeParse(undefined).success,
      schema: jsonSchema(field, 'input'),
    });
  }
  const content: Record<string, unknown> = {};
  if (doc.body) content['application/json'] = { schema: jsonSchema(doc.body, 'input') };
  if (doc.fileUpload) {
    content['multipart/form-data'] = {
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary' }, preset: { type: 'string' } },
        required: ['file'],
      },
    };
  }
  const described = doc.responses ?? {};
  const successStatus = described[201] ? 201 : 200;
  const responses: Record<string, unknown> = {
    [successStatus]: {
      description: described[successStatus] ?? 'OK',
      ...(doc.list
        ? {
            headers: {
              Link: { $ref: '#/components/headers/Link' },
              'X-Total-Count': { $ref: '#/components/headers/X-Total-Count' },
            },
          }
        : {}),
      ...(doc.response ? { content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } } } : {}),
    },
    400: problemResponse(STATUS_TEXT[400]!),
  };
  if (doc.auth) {
    responses[401] = problemResponse(STATUS_TEXT[401]!);
    responses[403] = problemResponse(STATUS_TEXT[403]!);
  }
  for (const [code, description] of Object.entries(described)) {
    if (Number(code) >= 400) responses[code] = problemResponse(description);
  }
  responses[500] = problemResponse(STATUS_TEXT[500]!);
  return {
    operationId: `${doc.method}${doc.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    summary: doc.summary,
    tags: [doc.tag],
    ...(doc.auth ? { security: [{ bearer: [] }] } : {}),
    parameters,
    ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas every route registers with
 * `documentApi`, so the document cannot drift from the validation or the presenters. Every error is a problem
 * (`#/components/schemas/Problem`), every list documents its pagination headers.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of apiRegistry) {
    paths[doc.path] ??= {};
    paths[doc.path]![doc.method] = operation(doc);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Techcare API',
      version: '1',
      description:
        'The JSON API of the Techcare platform. Every property and query parameter is snake_case; errors are RFC 9457 problem details; lists are paginated with `page` and `per_page` and answer `Link` and `X-Total-Count`. Guide: /developers.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Personal API token (account page, or `techcare token create`)',
        },
      },
      schemas: { Problem: jsonSchema(ZProblem, 'output') },
      headers: {
        Link: {
          description:
            'RFC 8288 links to the first, last, previous and next pages (rel="first", "last", "prev", "next")',
          schema: { type: 'string' },
        },
        'X-Total-Count': {
          description: 'Number of items in the whole list, across pages',
          schema: { type: 'integer', minimum: 0 },
        },
      },
    },
    paths,
  };
}
