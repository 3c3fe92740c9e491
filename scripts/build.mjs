// `npm run build` (and `prepare`, so `npm install` / `npm ci` build too): compiles src/ to dist/ with esbuild, one
// JavaScript file per TypeScript file (no bundle, so every module keeps its path and lazy imports stay lazy), and
// copies the shipped files (datasets, stylesheet, icon, sources) beside them, so code that finds its files from
// `import.meta.url` finds them in dist/ as in src/. Type checking is `npm run typecheck` (run by `npm test`).
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// `--out <folder>` builds elsewhere (the compiled-start test builds into its own folder under the project).
const outArg = process.argv.indexOf('--out');
const out = outArg === -1 ? join(root, 'dist') : resolve(process.argv[outArg + 1]);

/** Every file under `dir`, relative paths. */
function files(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...files(path));
    else found.push(relative(src, path));
  }
  return found;
}

const all = files(src);
const isTest = (f) => /\.test\.tsx?$/.test(f) || /(^|\/)__tests__\//.test(f);
const code = all.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !isTest(f));
const shipped = all.filter((f) => !/\.tsx?$/.test(f));

const t0 = performance.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: code.map((f) => join(src, f)),
  outdir: out,
  outbase: src,
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The footprint calculator of the CLI is one bundle (engine, factor sets, readers, zod, commander): Node then reads
// one file instead of about a hundred modules, which is most of the command's start-up time. A bundled module
// that finds its data from `import.meta.url` is given its own place in dist/, so it finds the same files.
const calculator = 'cli/footprint.js';
await build({
  entryPoints: [join(src, 'cli/footprint.ts')],
  outfile: join(out, calculator),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages loaded only for some files (XLSX, windows-1252) stay outside, imported when needed.
  external: ['read-excel-file', 'iconv-lite'],
  minify: true,
  banner: {
    js: "import { createRequire as __techcareRequire } from 'node:module'; const require = __techcareRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [
    {
      name: 'own-place',
      setup(b) {
        b.onLoad({ filter: /\/src\/.*\.tsx?$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (!text.includes('import.meta.url')) return undefined;
          const own = relative(dirname(join(out, calculator)), join(out, relative(src, args.path))).replace(
            /\.tsx?$/,
            '.js',
          );
          return {
            contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`),
            loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          };
        });
      },
    },
  ],
});
for (const f of shipped) {
  mkdirSync(dirname(join(out, f)), { recursive: true });
  cpSync(join(src, f), join(out, f));
}
console.log(
  `Built ${code.length} modules and copied ${shipped.length} data files to ${relative(root, out) || out}/ in ${Math.round(performance.now() - t0)} ms`,
);
