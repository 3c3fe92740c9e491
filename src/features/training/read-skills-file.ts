import { parseXlsxBuffer, readTableRows } from '../../imports/read-table.js';
import { parseSkillsFramework, type TSheetRow, type TSkillsParseResult } from '../../referentials/skills-framework.js';

/**
 * Reads a skills framework spreadsheet (the DINUM XLSX layout) from a file path or an uploaded buffer and parses
 * it. The framework is on the first sheet ("Référentiel"); the second sheet is a notice.
 */
export async function readSkillsFile(input: string | Buffer): Promise<TSkillsParseResult> {
  const rows: TSheetRow[] = [];
  if (typeof input === 'string') {
    for await (const row of readTableRows(input, { sheet: 1 })) rows.push(row);
  } else {
    rows.push(...(await parseXlsxBuffer(input, { sheet: 1 })).rows);
  }
  return parseSkillsFramework(rows);
}
