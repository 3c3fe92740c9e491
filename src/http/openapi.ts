import { z } from 'zod';
import { apiRegistry } from './api-kit.js';

const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) }),
});

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
}

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the zod schemas every route registers with
 * `documentApi`, so the document cannot drift from the validation.
 */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of apiRegistry) {
    const parameters: unknown[] = [];
    for (const m of doc.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    if (doc.query) {
      for (const [name, field] of Object.entries(doc.query.shape)) {
        parameters.push({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType) });
      }
    }
    const content: Record<string, unknown> = {};
    if (doc.body) content['application/json'] = { schema: jsonSchema(doc.body) };
    if (doc.fileUpload) {
      content['multipart/form-data'] = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } };
    }
    const responses: Record<string, unknown> = {
      200: { description: 'OK', ...(doc.response ? { content: { 'application/json': { schema: jsonSchema(doc.response) } } } : {}) },
      400: { description: 'Invalid input', content: { 'application/json': { schema: jsonSchema(ZErrorBody) } } },
    };
    if (doc.auth) {
      responses[401] = { description: 'Missing or invalid token' };
      responses[403] = { description: 'Not allowed' };
    }
    for (const [code, description] of Object.entries(doc.responses ?? {})) responses[code] = { description };
    paths[doc.path] ??= {};
    paths[doc.path]![doc.method] = {
      summary: doc.summary,
      tags: [doc.tag],
      ...(doc.auth ? { security: [{ bearer: [] }] } : {}),
      parameters,
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Techcare API', version: '1', description: 'The JSON API of the Techcare platform.' },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (techcare token create)' } } },
    paths,
  };
}
