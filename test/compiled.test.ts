import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The compiled start: `npm install` builds src/ into JavaScript (scripts/build.mjs) and `npm start` / the CLI run
// that. This builds into a folder of its own (inside the project, so packages resolve) and runs the result, which
// also proves that the shipped files (migrations, datasets, stylesheet) are found from the compiled code.
const root = resolve(import.meta.dirname, '..');
let out: string;

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  out = mkdtempSync(join(root, '.tmp', 'compiled-'));
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('compiled start', () => {
  it('the compiled CLI computes a footprint without TypeScript tooling', () => {
    const r = spawnSync(
      process.execPath,
      [join(out, 'cli.js'), 'footprint', 'test/fixtures/inventories/quoted.csv', '--year', '2025', '--format', 'json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).methodology.factorSet).toMatch(/^techcare-/);
    const bad = spawnSync(
      process.execPath,
      [join(out, 'cli.js'), 'footprint', 'test/fixtures/inventories/errors.csv'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^line \d+, column /);
  }, 120_000);

  it('the footprint calculator does not load the server, the database or the features', () => {
    // A module hook records every module Node resolves while the command runs.
    const list = join(out, 'loaded.txt');
    const hooks = join(out, 'record-hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(list)}, r.url + '\\n'); return r; }\n`,
    );
    const register = join(out, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(register).href,
        join(out, 'cli.js'),
        'footprint',
        'test/fixtures/inventories/quoted.csv',
        '--format',
        'json',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.includes('/cli/footprint.js'))).toBe(true);
    const heavy = loaded.filter((u) =>
      /node_modules\/(better-sqlite3|pg|hono|kysely|nodemailer|playwright-core|read-excel-file)\/|\/(db|http|features|views|mail)\//.test(
        u,
      ),
    );
    expect(heavy).toEqual([]);
  }, 120_000);

  it('the compiled server migrates, seeds and serves the home page and its stylesheet', async () => {
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const dir = mkdtempSync(join(root, '.tmp', 'compiled-db-'));
    const child = spawn(process.execPath, [join(out, 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, 'techcare.db')}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        TECHCARE_DEMO: 'false',
        LOG_LEVEL: 'info',
        TECHCARE_ADMIN_EMAIL: 'admin@example.org',
        TECHCARE_ADMIN_PASSWORD: 'a-long-enough-password',
      },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += String(d);
    });
    child.stderr.on('data', (d) => {
      output += String(d);
    });
    try {
      // Wait for the server to say it listens (no clock: the line comes when it comes, or the process exits).
      await new Promise<void>((ok, fail) => {
        const check = () => {
          if (/listening/i.test(output)) ok();
        };
        child.stdout.on('data', check);
        child.stderr.on('data', check);
        child.on('exit', (code) => fail(new Error(`server exited (${code}): ${output}`)));
      });
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      const css = /href="(\/static\/app\.css[^"]*)"/.exec(html)?.[1];
      expect(css).toBeDefined();
      const sheet = await fetch(`http://127.0.0.1:${port}${css}`);
      expect(sheet.status).toBe(200);
      expect((await sheet.text()).length).toBeGreaterThan(1000);
    } finally {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.on('exit', ok)));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
