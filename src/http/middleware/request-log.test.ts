import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/helpers/app.js';
import { createTestDb, type TTestDb } from '../../../test/helpers/db.js';
import { createApp } from '../app.js';
import type { AppEnv } from '../env.js';
import { handleError } from '../errors.js';
import { requestLog } from './request-log.js';

/** A logger writing its JSON lines into an array. */
function memoryLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level },
    {
      write: (s: string) => {
        lines.push(JSON.parse(s) as Record<string, unknown>);
      },
    },
  );
  return { logger, lines };
}

describe('request log', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
  });
  afterAll(() => t.destroy());

  it('writes one line per request with the id it sends back in X-Request-Id', async () => {
    const { logger, lines } = memoryLogger('info');
    const app = createApp({ db: t.db, config: testConfig(), logger });
    const res = await app.request('/');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const requestLines = lines.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ req_id: id, method: 'GET', path: '/', status: res.status, level: 30 });
    expect(typeof requestLines[0]!.ms).toBe('number');
  });

  it('keeps a caller-supplied request id, and refuses one that is not a plain token', async () => {
    const { logger, lines } = memoryLogger('info');
    const app = createApp({ db: t.db, config: testConfig(), logger });
    const kept = await app.request('/', { headers: { 'X-Request-Id': 'proxy-abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-abc-123');
    const replaced = await app.request('/', { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id\twith spaces');
    expect(lines.map((l) => l.req_id)).toContain('proxy-abc-123');
  });

  it('honours the level: at "warn" a successful request writes nothing', async () => {
    const { logger, lines } = memoryLogger('warn');
    const app = createApp({ db: t.db, config: testConfig(), logger });
    await app.request('/');
    expect(lines).toEqual([]);
  });

  it('logs an unexpected error with its stack under the request id, and the page shows no stack', async () => {
    const { logger, lines } = memoryLogger('info');
    const app = new Hono<AppEnv>();
    app.use('*', ...requestLog(logger));
    app.get('/boom', () => {
      throw new Error('disk on fire');
    });
    app.onError((err, c) => handleError(err, c));
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('disk on fire');
    const error = lines.find((l) => l.msg === 'unhandled error') as
      | { req_id: string; err: { message: string; stack: string } }
      | undefined;
    expect(error?.err.message).toBe('disk on fire');
    expect(error?.err.stack).toMatch(/request-log\.test\.ts/);
    expect(error?.req_id).toBe(res.headers.get('x-request-id'));
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ status: 500, level: 50 });
  });
});
