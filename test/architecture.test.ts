import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

// The house rules a machine can check, in one place (docs/architecture.md, "Layers"). dependency-cruiser reads
// every import of src/ (type-only imports included) and reports the rules each one breaks.
const root = join(import.meta.dirname, '..');

/**
 * The layer order of the features, lowest first. A feature imports only features of lower layers, through their
 * index.ts; a lower feature gets content from a higher one through `TFeature.contributes` (http/feature.ts).
 */
export const FEATURE_LAYERS: readonly (readonly string[])[] = [
  ['accounts'],
  ['organisations'],
  ['manifesto', 'site'],
  ['footprint', 'maturity', 'training', 'admin'],
  ['workshops', 'actions'],
  ['knowledge'],
  ['review'],
  ['directory'],
];

const featureRe = (names: readonly string[]) => `^src/features/(${names.join('|')})/`;

function layerRules(): IForbiddenRuleType[] {
  return FEATURE_LAYERS.map((layer, i) => {
    const sameOrHigher = FEATURE_LAYERS.slice(i).flat();
    return {
      name: `layer-${i}-imports-upward`,
      comment: `${layer.join(', ')} may import only features of lower layers`,
      severity: 'error',
      from: { path: featureRe(layer) },
      to: { path: featureRe(sameOrHigher), pathNot: '^src/features/$1/' },
    };
  });
}

const rules: IForbiddenRuleType[] = [
  {
    name: 'no-cycle',
    comment: 'no modules import each other in a cycle (type-only imports, erased by the compiler, may close one)',
    severity: 'error',
    from: {},
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  {
    name: 'pure-core',
    comment: 'lca and referentials import nothing from the app (only each other and the shipped data)',
    severity: 'error',
    from: { path: '^src/(lca|referentials)/' },
    to: { path: '^src/', pathNot: '^src/(lca|referentials|data)/' },
  },
  {
    name: 'pure-core-io',
    comment: 'lca and referentials do no I/O and use no web or database library',
    severity: 'error',
    from: { path: '^src/(lca|referentials)/' },
    to: {
      path: '^(node:)?(fs|fs/promises|http|https|net|child_process)$|node_modules/(hono|kysely|better-sqlite3|pg|nodemailer)/',
    },
  },
  {
    name: 'rooms-below-features',
    comment:
      'db, views, i18n, imports, reports, mail, data and the http kit import no feature (only http/app.ts composes them)',
    severity: 'error',
    from: {
      path: '^src/(db|views|i18n|imports|reports|mail|data|lca|referentials|http)/',
      pathNot: '^src/http/app\\.ts$',
    },
    to: { path: '^src/features/' },
  },
  {
    name: 'feature-through-index',
    comment: "a feature reaches another feature only through that feature's index.ts",
    severity: 'error',
    from: { path: '^src/features/([^/]+)/' },
    to: { path: '^src/features/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.tsx?$'] },
  },
  ...layerRules(),
];

interface TViolation {
  from: string;
  to: string;
  rule: { name: string };
}
let violations: TViolation[] = [];
let moduleCount = 0;

beforeAll(async () => {
  const result = await cruise(
    ['src'],
    {
      tsPreCompilationDeps: true,
      exclude: { path: '\\.test\\.tsx?$' },
      doNotFollow: { path: 'node_modules' },
      validate: true,
      ruleSet: { forbidden: rules },
    },
    undefined,
    { tsConfig: { fileName: join(root, 'tsconfig.json') } },
  );
  const output = result.output as { modules: unknown[]; summary: { violations: TViolation[] } };
  moduleCount = output.modules.length;
  violations = output.summary.violations;
}, 300_000);

const broken = (name: string) => violations.filter((v) => v.rule.name === name).map((v) => `${v.from} → ${v.to}`);

describe('layers one way (dependency-cruiser over src/)', () => {
  it('reads the whole source tree', () => {
    expect(moduleCount).toBeGreaterThan(300);
  });
  it('lists every feature in exactly one layer', () => {
    const listed = FEATURE_LAYERS.flat().sort();
    expect(new Set(listed).size).toBe(listed.length);
    const onDisk = readFileSync(join(root, 'src/http/app.ts'), 'utf8')
      .match(/from '\.\.\/features\/([a-z-]+)\/index\.js'/g)
      ?.map((s) => s.split('/')[2]!)
      .sort();
    expect(listed).toEqual(onDisk);
  });
  for (const rule of rules) {
    it(`${rule.name}: ${rule.comment}`, () => {
      expect(broken(rule.name!)).toEqual([]);
    });
  }
});

describe('house rules of the repository', () => {
  it('the README shows the two commands that set everything up, and CI runs the tests', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(existsSync(join(root, '.ci/run'))).toBe(true);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });
  it('dependencies stay on versions that run on Node 20 (better-sqlite3 13+ does not)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^[~^]?12\./);
  });
});
