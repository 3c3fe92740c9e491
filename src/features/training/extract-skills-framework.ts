/**
 * Regenerates the shipped extract `src/data/dinum-skills-2024/framework.json` from the published XLSX:
 *   npx tsx src/features/training/extract-skills-framework.ts <ReferentielCompetencesNumEco-Beta.xlsx>
 * The extract lets a fresh install seed the framework without the spreadsheet.
 */
import { writeFileSync } from 'node:fs';
import { frameworkExtractPath, frameworkSource } from './skills-data.js';
import { readSkillsFile } from './read-skills-file.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: extract-skills-framework <file.xlsx>');
  process.exit(2);
}
const result = await readSkillsFile(file);
if (!result.ok) {
  for (const e of result.errors)
    console.error(`line ${e.line}, column ${e.column}: ${e.code}${e.value ? ` (${e.value})` : ''}`);
  process.exit(1);
}
writeFileSync(frameworkExtractPath, `${JSON.stringify({ source: frameworkSource, ...result.framework })}\n`);
console.log(
  `${result.framework.blocks.length} blocks, ${result.framework.skills.length} skills, ${result.framework.jobs.length} jobs → ${frameworkExtractPath}`,
);
