import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TSkillLevelCell, TSkillsFramework } from '../../referentials/skills-framework.js';
import type { TCurrentUser } from '../../http/env.js';
import { ensure, isAdmin } from '../../http/actor.js';
import { loadShippedFramework, type TFrameworkSource } from './skills-data.js';

const sourceKey = 'training.skills_framework';

/** What the installation knows about its framework: where it came from and when it was loaded. */
export interface TFrameworkInfo extends TFrameworkSource {
  importedAt: string;
  fileName: string | null;
}

/**
 * Replaces the stored framework with another one, in one transaction (a failed write leaves the previous one).
 * Trainings map to block positions 1..9, which every accepted framework has, so they stay valid.
 * Who: the seed (actor null) and administrators.
 */
export async function saveSkillsFramework(
  db: DB,
  actor: TCurrentUser | null,
  framework: TSkillsFramework,
  source: TFrameworkSource,
  fileName: string | null,
): Promise<void> {
  if (actor) ensure(isAdmin(actor));
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('skill_job_levels').execute();
    await tx.deleteFrom('skills').execute();
    await tx.deleteFrom('skill_jobs').execute();
    await tx.deleteFrom('skill_blocks').execute();
    await tx
      .insertInto('skill_blocks')
      .values(framework.blocks.map((b) => ({ position: b.position, name: b.name })))
      .execute();
    await tx
      .insertInto('skills')
      .values(
        framework.skills.map((s) => ({
          position: s.position,
          block_position: s.block,
          source_number: s.sourceNumber,
          kind: s.kind,
          name: s.name,
          comment: s.comment,
        })),
      )
      .execute();
    await tx
      .insertInto('skill_jobs')
      .values(framework.jobs.map((j) => ({ position: j.position, family: j.family, name: j.name, code: j.code })))
      .execute();
    const cells: { skill_position: number; job_position: number; level: number }[] = [];
    framework.levels.forEach((row, i) =>
      row.forEach((level, j) => {
        if (level !== null) cells.push({ skill_position: i + 1, job_position: j + 1, level });
      }),
    );
    // Chunks keep each statement under the bound-parameter limits of both engines.
    for (let k = 0; k < cells.length; k += 500)
      await tx
        .insertInto('skill_job_levels')
        .values(cells.slice(k, k + 500))
        .execute();
    const info: TFrameworkInfo = { ...source, importedAt: nowIso(), fileName };
    const exists = await tx.selectFrom('app_settings').select('key').where('key', '=', sourceKey).executeTakeFirst();
    if (exists)
      await tx
        .updateTable('app_settings')
        .set({ value: JSON.stringify(info) })
        .where('key', '=', sourceKey)
        .execute();
    else
      await tx
        .insertInto('app_settings')
        .values({ key: sourceKey, value: JSON.stringify(info) })
        .execute();
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null,
      action: 'skills_framework.import',
      subjectType: 'skills_framework',
      details: {
        fileName,
        blocks: framework.blocks.length,
        skills: framework.skills.length,
        jobs: framework.jobs.length,
      },
    });
  });
}

/** Seeds the shipped extract when the database has no framework yet (idempotent). */
export async function ensureSkillsFramework(db: DB): Promise<boolean> {
  const count = await db
    .selectFrom('skill_blocks')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(count.n) > 0) return false;
  const { source, framework } = loadShippedFramework();
  await saveSkillsFramework(db, null, framework, source, null);
  return true;
}

export async function frameworkInfo(db: DB): Promise<TFrameworkInfo | null> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', sourceKey).executeTakeFirst();
  return row ? (JSON.parse(row.value) as TFrameworkInfo) : null;
}

/** Reads the stored framework back into the referential's shape (for learning paths and the admin page). */
export async function loadSkillsFramework(db: DB): Promise<TSkillsFramework> {
  const [blocks, skills, jobs, cells] = await Promise.all([
    db.selectFrom('skill_blocks').selectAll().orderBy('position').execute(),
    db.selectFrom('skills').selectAll().orderBy('position').execute(),
    db.selectFrom('skill_jobs').selectAll().orderBy('position').execute(),
    db.selectFrom('skill_job_levels').selectAll().execute(),
  ]);
  const levels: TSkillLevelCell[][] = skills.map(() => jobs.map(() => null));
  for (const c of cells) {
    const row = levels[c.skill_position - 1];
    if (row && c.job_position <= jobs.length) row[c.job_position - 1] = Number(c.level) as TSkillLevelCell;
  }
  return {
    blocks: blocks.map((b) => ({ position: Number(b.position), name: b.name })),
    skills: skills.map((s) => ({
      position: Number(s.position),
      block: Number(s.block_position),
      sourceNumber: s.source_number === null ? null : Number(s.source_number),
      kind: s.kind as 'transversal' | 'business',
      name: s.name,
      comment: s.comment,
    })),
    jobs: jobs.map((j) => ({ position: Number(j.position), family: j.family, name: j.name, code: j.code })),
    levels,
  };
}
