import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSkillsFramework } from '../../referentials/skills-framework.js';

/** Where the shipped extract of the DINUM framework lives. */
export const frameworkExtractPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/dinum-skills-2024/framework.json',
);

/** Provenance of the shipped framework, shown on the admin and training pages. */
export const frameworkSource = {
  name: 'Référentiel de compétences numérique écoresponsable (bêta, décembre 2024)',
  publisher: 'DINUM / MiNumEco',
  version: '2024-12-beta',
  url: 'https://github.com/DISIC/MiNumEco/blob/6a64404c/public/docs/2024/ReferentielCompetencesNumEco-Beta.xlsx',
  licence: 'Licence Ouverte / Etalab 2.0',
  licenceUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;
export type TFrameworkSource = {
  name: string;
  publisher: string;
  version: string;
  url: string;
  licence: string;
  licenceUrl: string;
};

/** The shipped extract: the framework plus its source. */
export function loadShippedFramework(): { source: TFrameworkSource; framework: TSkillsFramework } {
  const raw = JSON.parse(readFileSync(frameworkExtractPath, 'utf8')) as TSkillsFramework & { source: TFrameworkSource };
  const { source, ...framework } = raw;
  return { source, framework };
}
