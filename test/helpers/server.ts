import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { DB } from '../../src/db/client.js';
import { createApp } from '../../src/http/app.js';
import { seedAll } from '../../src/seed.js';
import { testConfig } from './app.js';

export interface TRunningServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves the app on a free loopback port (for browser tests and real-HTTP concurrency tests). */
export async function startServer(
  db: DB,
  overrides: Record<string, string> = {},
  options: { seed?: boolean; demo?: boolean } = {},
): Promise<TRunningServer> {
  const config = testConfig(overrides);
  if (options.seed) await seedAll(db, config, options.demo ?? false, () => undefined);
  const app = createApp({ db, config });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
