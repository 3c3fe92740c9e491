import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface TInstance {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts a server instance in its own process (as in production: one process per instance) on `databaseUrl`. */
export function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<TInstance> {
  const script = join(import.meta.dirname, '..', 'fixtures', 'serve-instance.ts');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', script, databaseUrl, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      out += String(d);
    });
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening (\d+)/.exec(out);
      if (m) {
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${code}): ${out}`)));
  });
}
