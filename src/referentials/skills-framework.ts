/**
 * The DINUM skills framework for eco-responsible digital (Référentiel de compétences numérique écoresponsable,
 * beta of December 2024, Licence Ouverte / Etalab 2.0): skill blocks, skills, the digital jobs of the French
 * public-service job directory (RMFP) and the level each job needs in each skill (NA, 1 … 5).
 *
 * PURE: this module turns the rows of the spreadsheet into a validated framework. It reads no file and imports
 * nothing from the app; errors carry codes and positions, the caller words them in the user's language.
 *
 * Layout of the sheet "Référentiel" (as published):
 *   row n-1  job families, written once above the first job of each family (merged cells);
 *   row n    headers: "Type de compétence", "Domaine de compétence", "N° …", "Compétences", "Commentaire", jobs…;
 *   row n+1  RMFP codes of the jobs (FPNUM001 …; "x" or blank when the job has none);
 *   then one row per skill: type, block (written on the first skill of the block only), number, name, comment,
 *   then one level per job: 1 … 5, "NA" (not needed in that job), or blank (not assessed).
 */

/** A level cell: 0 stands for "NA" (not needed in practice), null for a blank (not assessed). */
export type TSkillLevelCell = 0 | 1 | 2 | 3 | 4 | 5 | null;
export type TSkillKind = 'transversal' | 'business';

export interface TSkillBlock {
  /** 1-based order of the block in the sheet; trainings map their skills to this number. */
  position: number;
  name: string;
}
export interface TSkill {
  /** 1-based order of the skill in the sheet (the published numbering repeats 67 and 68, so it is not a key). */
  position: number;
  /** Position of the skill's block. */
  block: number;
  /** The number printed in the sheet ("N° d'identification"), kept as published. */
  sourceNumber: number | null;
  kind: TSkillKind;
  name: string;
  comment: string | null;
}
export interface TSkillJob {
  position: number;
  family: string;
  name: string;
  /** RMFP code such as FPNUM004, or null when the sheet gives none. */
  code: string | null;
}
export interface TSkillsFramework {
  blocks: TSkillBlock[];
  skills: TSkill[];
  jobs: TSkillJob[];
  /** levels[skill position - 1][job position - 1]. */
  levels: TSkillLevelCell[][];
}

/** The number of blocks the catalogue maps trainings to; a sheet with another count is refused. */
export const skillBlockCount = 9;
/** Skill levels a training can build (NA is a requirement level, not a teaching level). */
export const teachingLevels = [1, 2, 3, 4, 5] as const;
export type TTeachingLevel = (typeof teachingLevels)[number];

export type TSkillsErrorCode =
  | 'header_not_found'
  | 'no_jobs'
  | 'no_skills'
  | 'block_missing'
  | 'block_count'
  | 'skill_name_missing'
  | 'kind_invalid'
  | 'level_invalid'
  | 'job_name_missing';

/** One problem, located like a spreadsheet user would look for it: line number and column letter. */
export interface TSkillsIssue {
  code: TSkillsErrorCode | 'duplicate_number';
  line: number;
  column: string;
  value?: string;
}

export type TSkillsParseResult =
  | { ok: true; framework: TSkillsFramework; warnings: TSkillsIssue[] }
  | { ok: false; errors: TSkillsIssue[]; warnings: TSkillsIssue[] };

/** A row as readers hand it over: its 1-based line in the sheet and its raw cells. */
export interface TSheetRow {
  line: number;
  cells: readonly unknown[];
}

/** Column index (0-based) → spreadsheet letter (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/\s+/g, ' ').trim();
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Reads one level cell; undefined means the cell is not a level at all. */
export function parseLevelCell(v: unknown): TSkillLevelCell | undefined {
  const s = text(v);
  if (s === '') return null;
  if (/^n\.?\s?a\.?$/i.test(s)) return 0;
  const n = Number(s.replace(',', '.'));
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n as TSkillLevelCell;
  return undefined;
}

function kindOf(v: string): TSkillKind | undefined {
  const f = fold(v);
  if (f.includes('transversal')) return 'transversal';
  if (f.includes('metier')) return 'business';
  return undefined;
}

/** The header row: column A says "Type de compétence" and column B "Domaine de compétence". */
function findHeader(rows: readonly TSheetRow[]): number {
  return rows.findIndex(
    (r) => fold(text(r.cells[0])).startsWith('type de competence') && fold(text(r.cells[1])).startsWith('domaine'),
  );
}

/**
 * Parses and validates the framework sheet. Every error names its line and column; nothing partial is returned
 * when there is an error. Repeated published skill numbers are only a warning (the December 2024 beta repeats 67
 * and 68): skills are keyed by their position.
 */
export function parseSkillsFramework(rows: readonly TSheetRow[]): TSkillsParseResult {
  const errors: TSkillsIssue[] = [];
  const warnings: TSkillsIssue[] = [];
  const h = findHeader(rows);
  if (h === -1)
    return { ok: false, errors: [{ code: 'header_not_found', line: rows[0]?.line ?? 1, column: 'A' }], warnings };
  const header = rows[h]!;
  const familyRow = h > 0 ? rows[h - 1] : undefined;
  const next = rows[h + 1];
  // The RMFP code row has no skill type and at least one FPNUM code.
  const codeRow =
    next && text(next.cells[0]) === '' && next.cells.some((c) => /^FPNUM\d+$/i.test(text(c))) ? next : undefined;

  // 1. Jobs: every header cell from column F to the last non-blank one.
  let lastJobCol = header.cells.length - 1;
  while (lastJobCol >= 5 && text(header.cells[lastJobCol]) === '') lastJobCol--;
  const jobs: TSkillJob[] = [];
  let family = '';
  for (let col = 5; col <= lastJobCol; col++) {
    const fam = text(familyRow?.cells[col]);
    if (fam) family = fam;
    const name = text(header.cells[col]);
    if (!name) errors.push({ code: 'job_name_missing', line: header.line, column: columnLetter(col) });
    const code = text(codeRow?.cells[col]);
    jobs.push({ position: jobs.length + 1, family, name, code: /^FPNUM\d+$/i.test(code) ? code.toUpperCase() : null });
  }
  if (!jobs.length) errors.push({ code: 'no_jobs', line: header.line, column: 'F' });

  // 2. Skills, blocks (forward-filled from column B) and levels.
  const blocks: TSkillBlock[] = [];
  const skills: TSkill[] = [];
  const levels: TSkillLevelCell[][] = [];
  const seenNumbers = new Set<number>();
  let kind: TSkillKind | undefined;
  for (const row of rows.slice(h + 1 + (codeRow ? 1 : 0))) {
    if (row.cells.every((c) => text(c) === '')) continue;
    const kindText = text(row.cells[0]);
    if (kindText) {
      kind = kindOf(kindText);
      if (!kind) errors.push({ code: 'kind_invalid', line: row.line, column: 'A', value: kindText });
    }
    const blockName = text(row.cells[1]);
    if (blockName) blocks.push({ position: blocks.length + 1, name: blockName });
    if (!blocks.length) {
      errors.push({ code: 'block_missing', line: row.line, column: 'B' });
      continue;
    }
    const name = text(row.cells[3]);
    if (!name) errors.push({ code: 'skill_name_missing', line: row.line, column: 'D' });
    const numberText = text(row.cells[2]);
    const sourceNumber = numberText !== '' && Number.isFinite(Number(numberText)) ? Number(numberText) : null;
    if (sourceNumber !== null) {
      if (seenNumbers.has(sourceNumber))
        warnings.push({ code: 'duplicate_number', line: row.line, column: 'C', value: numberText });
      seenNumbers.add(sourceNumber);
    }
    const rowLevels: TSkillLevelCell[] = [];
    for (let j = 0; j < jobs.length; j++) {
      const cell = row.cells[5 + j];
      const level = parseLevelCell(cell);
      if (level === undefined) {
        errors.push({ code: 'level_invalid', line: row.line, column: columnLetter(5 + j), value: text(cell) });
        rowLevels.push(null);
      } else rowLevels.push(level);
    }
    skills.push({
      position: skills.length + 1,
      block: blocks.length,
      sourceNumber,
      kind: kind ?? 'business',
      name,
      comment: text(row.cells[4]) || null,
    });
    levels.push(rowLevels);
  }
  if (!skills.length) errors.push({ code: 'no_skills', line: header.line + 1, column: 'D' });
  else if (blocks.length !== skillBlockCount)
    errors.push({ code: 'block_count', line: header.line, column: 'B', value: String(blocks.length) });
  if (errors.length) return { ok: false, errors, warnings };
  return { ok: true, framework: { blocks, skills, jobs, levels }, warnings };
}

/**
 * The level a job needs in a block: the highest level over the block's skills (NA and blanks count as 0).
 * A block where a job needs nothing returns 0.
 */
export function jobBlockLevel(framework: TSkillsFramework, jobPosition: number, block: number): number {
  let max = 0;
  framework.skills.forEach((s, i) => {
    if (s.block !== block) return;
    const v = framework.levels[i]?.[jobPosition - 1] ?? null;
    if (v !== null && v > max) max = v;
  });
  return max;
}
