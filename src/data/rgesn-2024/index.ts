/**
 * The RGESN 2024 criteria as Techcare ships them: numbers, families, priorities, difficulty and applicability from
 * the official referential (Arcep, Arcom — RGESN 2024), with the project's own short wording in French and English
 * and a link to each official criterion. The official wording is loaded by an administrator's import.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseShippedCriteria, type TShippedCriteria } from '../../referentials/rgesn.js';

export const shippedCriteriaPath = join(dirname(fileURLToPath(import.meta.url)), 'criteria.json');

let cached: TShippedCriteria | null = null;

/** The shipped criteria file, validated once. */
export function shippedRgesnCriteria(): TShippedCriteria {
  cached ??= parseShippedCriteria(JSON.parse(readFileSync(shippedCriteriaPath, 'utf8')));
  return cached;
}
