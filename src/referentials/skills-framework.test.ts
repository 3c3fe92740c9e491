import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  jobBlockLevel,
  parseLevelCell,
  parseSkillsFramework,
  type TSheetRow,
} from './skills-framework.js';

/** A minimal sheet in the DINUM layout with `blocks` blocks of one skill each and two jobs. */
function sheet(blocks: number, levels: unknown[][] = []): TSheetRow[] {
  const rows: TSheetRow[] = [
    { line: 1, cells: [null, null, null, null, null, 'Famille A', null] },
    {
      line: 2,
      cells: ['Type de compétence', 'Domaine de compétence', 'N°', 'Compétences', 'Commentaire', 'Dev', 'Achat'],
    },
    { line: 3, cells: [null, null, null, null, null, 'FPNUM004', 'x'] },
  ];
  for (let b = 0; b < blocks; b++) {
    rows.push({
      line: 4 + b,
      cells: [
        b === 0 ? 'Compétence transversale' : 'Compétence métier',
        `Bloc ${b + 1}`,
        b + 1,
        `Skill ${b + 1}`,
        null,
        ...(levels[b] ?? [(b % 5) + 1, 'NA']),
      ],
    });
  }
  return rows;
}

describe('skills framework parser', () => {
  it('reads blocks, skills, jobs with family and RMFP code, and levels', () => {
    const r = parseSkillsFramework(sheet(9));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.framework.blocks).toHaveLength(9);
    expect(r.framework.jobs).toEqual([
      { position: 1, family: 'Famille A', name: 'Dev', code: 'FPNUM004' },
      { position: 2, family: 'Famille A', name: 'Achat', code: null },
    ]);
    expect(r.framework.skills[0]).toMatchObject({ kind: 'transversal', block: 1, sourceNumber: 1 });
    expect(r.framework.skills[1]!.kind).toBe('business');
    expect(r.framework.levels[2]).toEqual([3, 0]);
    expect(jobBlockLevel(r.framework, 1, 3)).toBe(3);
    expect(jobBlockLevel(r.framework, 2, 3)).toBe(0);
  });

  it('locates an invalid level by line and column letter, and refuses a sheet without 9 blocks', () => {
    const bad = parseSkillsFramework(sheet(9, [[1, 'seven']]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([{ code: 'level_invalid', line: 4, column: 'G', value: 'seven' }]);
    const eight = parseSkillsFramework(sheet(8));
    expect(!eight.ok && eight.errors[0]!.code).toBe('block_count');
    const none = parseSkillsFramework([{ line: 1, cells: ['hello'] }]);
    expect(!none.ok && none.errors[0]!.code).toBe('header_not_found');
  });

  it('parses level cells and column letters', () => {
    expect([
      parseLevelCell('NA'),
      parseLevelCell(' 3 '),
      parseLevelCell(null),
      parseLevelCell(6),
      parseLevelCell('2.5'),
    ]).toEqual([0, 3, null, undefined, undefined]);
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(66)]).toEqual(['A', 'Z', 'AA', 'BO']);
  });
});
