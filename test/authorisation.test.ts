import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// One way to authorise (docs/architecture.md, "Authorisation"): every allow/deny decision is a named action of a
// feature's policy table, enforced by `authorize` from http/policy.ts. An inline 403, `ensure(…)` or
// `forbidden()` in a feature is a decision outside the tables.
const root = join(import.meta.dirname, '..');
const inline = /new AppError\(403\b|\bensure\((can|is|actor)|\bthrow forbidden\(/;

/** Files written before the policy tables; each one leaves this list when its feature moves to its table. */
const notYetConverted = new Set([
  'src/features/footprint/resume-import.ts',
  'src/features/training/moderate-items.ts',
  'src/features/training/routes-moderation.tsx',
  'src/features/workshops/organiser-tools.ts',
  'src/features/workshops/programme-coverage.ts',
  'src/features/actions/plan-actions.ts',
  'src/features/actions/plan-pages.tsx',
  'src/features/actions/plan-summary.ts',
  'src/features/actions/simulate-for-organisation.ts',
  'src/features/admin/manage-users.ts',
  'src/features/admin/routes.tsx',
  'src/features/footprint/access.ts',
  'src/features/footprint/edit-inventory.ts',
  'src/features/knowledge/comments.ts',
  'src/features/knowledge/delete-publication.ts',
  'src/features/knowledge/edit-experience-report.ts',
  'src/features/knowledge/edit-resource.ts',
  'src/features/knowledge/moderate-publication.ts',
  'src/features/knowledge/pages-experience.tsx',
  'src/features/knowledge/pages-moderation.tsx',
  'src/features/knowledge/pages-resources.tsx',
  'src/features/knowledge/publish-experience-report.ts',
  'src/features/knowledge/publish-resource.ts',
  'src/features/manifesto/routes.tsx',
  'src/features/manifesto/sign-manifesto.ts',
  'src/features/maturity/admin-rgesn-pages.tsx',
  'src/features/maturity/maturity-assessments.ts',
  'src/features/maturity/rgesn-assessments.ts',
  'src/features/maturity/rgesn-referential.ts',
  'src/features/review/build-member-report.ts',
  'src/features/review/routes.tsx',
  'src/features/review/save-report-settings.ts',
  'src/features/training/curricula.ts',
  'src/features/training/import-trainings.ts',
  'src/features/training/manage-trainings.ts',
  'src/features/training/offers.ts',
  'src/features/training/routes-curricula.tsx',
  'src/features/training/routes-offers.tsx',
  'src/features/training/routes-skills-admin.tsx',
  'src/features/training/routes-trainings.tsx',
  'src/features/training/skills-store.ts',
  'src/features/workshops/after-workshop.ts',
  'src/features/workshops/edit-series.ts',
  'src/features/workshops/pages.tsx',
  'src/features/workshops/register-for-workshop.ts',
  'src/features/workshops/save-workshop.ts',
]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

describe('one way to authorise', () => {
  const files = sources(join(root, 'src/features'));
  const offenders = files.filter((f) => inline.test(readFileSync(join(root, f), 'utf8')));

  it('finds no inline 403 decision in a feature outside its policy table', () => {
    expect(offenders.filter((f) => !notYetConverted.has(f))).toEqual([]);
  });
  it('keeps the list of files not yet converted exact, so it only shrinks', () => {
    expect([...notYetConverted].filter((f) => !offenders.includes(f))).toEqual([]);
  });
  it('detects an inline refusal (the scan can fail)', () => {
    expect(inline.test("if (!ok) throw new AppError(403, 'forbidden', 'no');")).toBe(true);
    expect(inline.test('ensure(canActForOrganisation(user, id));')).toBe(true);
    expect(inline.test("authorize(user, organisationPolicy, 'organisation.manage', id);")).toBe(false);
  });
});
