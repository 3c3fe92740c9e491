import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDb, type TTestDb } from '../../../test/helpers/db.js';
import { TestClient, testApp } from '../../../test/helpers/app.js';
import { loginAs, makeUser } from '../../../test/helpers/factories.js';
import { readSkillsFile } from './read-skills-file.js';
import { loadShippedFramework } from './skills-data.js';
import { ensureSkillsFramework, loadSkillsFramework } from './skills-store.js';
import { roleTargets } from './learning-path.js';

const realFile = 'test/fixtures/reference/dinum-skills-2024/ReferentielCompetencesNumEco-Beta.xlsx';

it('reads the real DINUM XLSX: 9 blocks, 73 skills, 62 jobs, and the shipped extract equals it', async () => {
  const r = await readSkillsFile(realFile);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const f = r.framework;
  expect(f.blocks.map((b) => b.name)).toEqual([
    'Usages quotidiens',
    'Green IT',
    'Ecoconception applicative',
    'Data et IA',
    'Matériel',
    'Hébergement',
    'Réseaux et Télécom',
    "Mesure de l'empreinte environnementale du SI du SI",
    'Achats',
  ]);
  expect(f.skills).toHaveLength(73);
  expect(f.jobs).toHaveLength(62);
  expect(f.jobs.find((j) => j.name === 'Développeuse Développeur')).toMatchObject({
    code: 'FPNUM004',
    family: 'Etudes et développement',
  });
  // Skill 1 "Identifier les bons outils": DNUM needs level 5, the first job column.
  expect(f.skills[0]).toMatchObject({ name: 'Identifier les bons outils', kind: 'transversal', block: 1 });
  expect(f.levels[0]![0]).toBe(5);
  // The sheet repeats numbers 67 and 68 (measure block and purchasing block): warnings, not errors.
  expect(r.warnings.map((w) => w.value)).toEqual(['67', '68']);
  expect(loadShippedFramework().framework).toEqual(f);
});

describeEachDb('skills framework storage', (kind) => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('seeds the shipped extract once and reads it back identical', async () => {
    expect(await ensureSkillsFramework(t.db)).toBe(true);
    expect(await ensureSkillsFramework(t.db)).toBe(false);
    const stored = await loadSkillsFramework(t.db);
    expect(stored).toEqual(loadShippedFramework().framework);
    // Developers need ecodesign (block 3) at the expert level in the framework; buyers need purchasing (block 9).
    expect(roleTargets(stored, 'developer').get(3)).toBe(5);
    expect(roleTargets(stored, 'buyer').get(9)).toBe(5);
  });

  it('lets an admin re-import the XLSX on /admin/skills; refuses a wrong file and non-admins', async () => {
    const app = testApp(t.db);
    const admin = new TestClient(app);
    await loginAs(t.db, admin, (await makeUser(t.db, { admin: true })).id);
    const form = new FormData();
    form.set('file', new File([readFileSync(realFile)], 'ReferentielCompetencesNumEco-Beta.xlsx'));
    const ok = await admin.postMultipart('/admin/skills', form);
    expect(ok.status).toBe(303);
    const page = await (await admin.get('/admin/skills')).text();
    expect(page).toContain('ReferentielCompetencesNumEco-Beta.xlsx');
    expect(page).toContain('73');
    const bad = new FormData();
    bad.set('file', new File(['not a spreadsheet'], 'x.xlsx'));
    expect((await admin.postMultipart('/admin/skills', bad)).status).toBe(422);
    const member = new TestClient(app);
    await loginAs(t.db, member, (await makeUser(t.db)).id);
    expect((await member.get('/admin/skills')).status).toBe(403);
  });
});
