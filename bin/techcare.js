#!/usr/bin/env node
// `npx techcare …` runs the compiled CLI (dist/, built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('techcare is not built yet: run `npm run build` (or `npm install`) in the project folder.');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
