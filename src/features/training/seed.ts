import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TSeedContext } from '../../http/feature.js';
import { ensureSkillsFramework } from './skills-store.js';
import { ZTrainingInput, type TTrainingInput } from './schemas.js';
import { insertTraining } from './training-repository.js';

/** Fictional trainings of the demo network (demo organisations only; marked demo wherever their provider shows). */
const demoTrainings: Record<string, unknown>[] = [
  {
    title: 'Fresque du numérique (atelier de démonstration)',
    description:
      'Jeu collaboratif de trois heures pour comprendre les impacts environnementaux du numérique et en débattre.',
    kind: 'serious_game',
    audiences: ['everyone', 'students'],
    education_level: 'any',
    duration_hours: 3,
    format: 'on_site',
    language: 'fr',
    cost_eur: 0,
    certificate: false,
    licence: 'cc-by-sa',
    prerequisites: '',
    learning_outcomes: 'Relier les usages numériques à leurs impacts ; distinguer fabrication et usage.',
    skills: ['1:1', '2:1'],
  },
  {
    title: 'Écoconception de services numériques',
    description:
      'Module de licence : démarche d’écoconception, référentiel RGESN, mesure de pages et revue de code sobre.',
    kind: 'module',
    audiences: ['students', 'developers'],
    education_level: 'bachelor',
    duration_hours: 24,
    format: 'hybrid',
    language: 'fr',
    cost_eur: 0,
    certificate: true,
    licence: 'cc-by',
    prerequisites: 'Bases du développement web.',
    learning_outcomes: 'Appliquer le RGESN à un service ; réduire le poids des pages et le nombre de requêtes.',
    skills: ['3:2', '3:3'],
  },
  {
    title: 'Design sobre et accessible',
    description: 'Atelier pour designers : parcours utilisateur essentiel, médias adaptés, sobriété fonctionnelle.',
    kind: 'workshop_format',
    audiences: ['designers'],
    education_level: 'continuing',
    duration_hours: 7,
    format: 'on_site',
    language: 'fr',
    cost_eur: 650,
    certificate: false,
    licence: 'proprietary',
    prerequisites: '',
    learning_outcomes: 'Concevoir une interface sobre et accessible.',
    skills: ['3:3'],
  },
  {
    title: 'Mesurer l’empreinte environnementale d’un SI',
    description:
      'Cursus court : inventaire, facteurs d’impact, analyse de cycle de vie multicritère et interprétation.',
    kind: 'programme',
    audiences: ['managers', 'ops'],
    education_level: 'continuing',
    duration_hours: 35,
    format: 'online',
    language: 'fr',
    cost_eur: 1200,
    certificate: true,
    licence: 'proprietary',
    prerequisites: 'Connaître son parc informatique.',
    learning_outcomes: 'Réaliser et interpréter l’inventaire d’un SI.',
    skills: ['8:2', '8:3', '5:2'],
  },
  {
    title: 'Green IT: the essentials (MOOC)',
    description: 'Self-paced MOOC on the environmental footprint of digital technology and the main levers.',
    kind: 'mooc',
    audiences: ['everyone'],
    education_level: 'any',
    duration_hours: 6,
    format: 'online',
    language: 'en',
    cost_eur: 0,
    certificate: true,
    licence: 'cc-by',
    prerequisites: '',
    learning_outcomes: 'Explain where the footprint comes from and which levers matter.',
    skills: ['2:1', '2:2', '1:2'],
  },
  {
    title: 'Achats numériques responsables',
    description: 'Kit pédagogique pour acheteurs : clauses environnementales, réemploi, durée de vie des équipements.',
    kind: 'teaching_kit',
    audiences: ['buyers'],
    education_level: 'continuing',
    duration_hours: 4,
    format: 'online',
    language: 'fr',
    cost_eur: 0,
    certificate: false,
    licence: 'lo-2.0',
    prerequisites: '',
    learning_outcomes: 'Rédiger des clauses environnementales et évaluer leur respect.',
    skills: ['9:2', '9:3', '5:2'],
  },
  {
    title: 'IA frugale : choisir et mesurer',
    description:
      'Module de master sur les impacts de l’IA, les modèles frugaux et la mesure de l’empreinte des traitements.',
    kind: 'module',
    audiences: ['students', 'data'],
    education_level: 'master',
    duration_hours: 18,
    format: 'on_site',
    language: 'fr',
    cost_eur: 0,
    certificate: true,
    licence: 'cc-by-nc',
    prerequisites: 'Apprentissage automatique.',
    learning_outcomes: 'Choisir un modèle proportionné à l’usage et en estimer l’empreinte.',
    skills: ['4:2', '4:3'],
  },
  {
    title: 'Enseigner le numérique responsable',
    description: 'Kit pour enseignants : séquences prêtes à l’emploi, exercices et corrigés, du lycée au master.',
    kind: 'teaching_kit',
    audiences: ['teachers'],
    education_level: 'any',
    duration_hours: 10,
    format: 'online',
    language: 'fr',
    cost_eur: 0,
    certificate: false,
    licence: 'cc-by-sa',
    prerequisites: '',
    learning_outcomes: 'Construire une séquence sur les impacts du numérique.',
    skills: ['2:2', '2:3', '1:3'],
  },
];

async function seedDemo(db: DB): Promise<void> {
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('is_demo', '=', 1)
    .orderBy('id')
    .execute();
  const publishers = orgs.filter((o) => o.kind === 'school' || o.kind === 'partner' || o.kind === 'expert');
  const schools = orgs.filter((o) => o.kind === 'school');
  const companies = orgs.filter((o) => o.kind === 'company');
  const ids = orgs.map((o) => o.id);
  if (!ids.length) return;
  const already = await db
    .selectFrom('trainings')
    .select('id')
    .where('organisation_id', 'in', ids)
    .limit(1)
    .executeTakeFirst();
  const alreadyOffers = await db
    .selectFrom('job_offers')
    .select('id')
    .where('organisation_id', 'in', ids)
    .limit(1)
    .executeTakeFirst();
  const alreadyCurricula = await db
    .selectFrom('curriculum_entries')
    .select('id')
    .where('organisation_id', 'in', ids)
    .limit(1)
    .executeTakeFirst();
  await db.transaction().execute(async (tx) => {
    if (!already && publishers.length) {
      for (const [i, raw] of demoTrainings.entries()) {
        const input: TTrainingInput = ZTrainingInput.parse(raw);
        await insertTraining(tx, publishers[i % publishers.length]!.id, null, input);
      }
    }
    if (!alreadyCurricula) {
      const year = new Date().getUTCFullYear();
      for (const [k, s] of schools.entries()) {
        for (const [p, programme] of ['Licence informatique', 'Master ingénierie logicielle'].entries()) {
          for (let y = year - 2; y <= year; y++) {
            const growth = y - (year - 2);
            await tx
              .insertInto('curriculum_entries')
              .values({
                organisation_id: s.id,
                programme,
                year: y,
                hours: 6 + 6 * growth + 3 * p,
                compulsory: growth >= 1 ? 1 : 0,
                students: 40 + 35 * growth + 20 * p + 10 * k,
                updated_by: null,
                updated_at: nowIso(),
              })
              .execute();
          }
        }
      }
    }
    if (!alreadyOffers && companies.length) {
      const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      const offers = [
        {
          title: 'Stage : mesure de l’empreinte de notre parc',
          kind: 'internship',
          location: 'Lyon',
          start_date: day(60),
          expires_on: day(45),
          description:
            'Six mois pour inventorier le parc, calculer son empreinte et proposer un plan d’action (démonstration).',
        },
        {
          title: 'Alternance : développeur·se web écoconception',
          kind: 'apprenticeship',
          location: 'Paris',
          start_date: day(90),
          expires_on: day(75),
          description:
            'Deux ans pour intégrer l’écoconception à nos services web : RGESN, mesure, optimisation (démonstration).',
        },
        {
          title: 'Stage : achats responsables et réemploi',
          kind: 'internship',
          location: 'Nantes',
          start_date: day(40),
          expires_on: day(30),
          description:
            'Accompagner l’équipe achats sur les clauses environnementales et le reconditionnement (démonstration).',
        },
      ];
      for (const [i, o] of offers.entries()) {
        const at = nowIso();
        await tx
          .insertInto('job_offers')
          .values({
            organisation_id: companies[i % companies.length]!.id,
            ...o,
            contact_email: 'stages@example.org',
            closed_at: null,
            created_by: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
    }
  });
}

/** Reference framework always (from the shipped extract); demo catalogue, curricula and offers when asked. */
export async function seedTraining(ctx: TSeedContext): Promise<void> {
  if (await ensureSkillsFramework(ctx.db)) ctx.log('training: skills framework (DINUM 2024 beta) loaded');
  if (ctx.demo) await seedDemo(ctx.db);
}
