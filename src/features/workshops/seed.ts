import type { DB } from '../../db/client.js';
import { signatoryCondition } from '../../db/standing.js';
import { nowIso } from '../../db/client.js';
import type { TSeedContext } from '../../http/feature.js';
import { storeLevels, type TTheme } from './schemas.js';
import { defaultTimeZone, utcToZonedInput, zonedToUtc } from './time-zones.js';

/** Demo programme content (fictional, for the demo network only). */
const demoTopics: {
  title: string;
  theme: TTheme;
  levels: number[];
  format: 'online' | 'onsite' | 'hybrid';
  description: string;
}[] = [
  {
    title: 'Mesurer l’empreinte de son parc : premiers pas',
    theme: 'measurement',
    levels: [1, 2],
    format: 'online',
    description: 'Inventorier ses équipements, choisir ses facteurs et lire un premier résultat multicritère.',
  },
  {
    title: 'Écoconcevoir un service numérique avec le RGESN',
    theme: 'ecodesign',
    levels: [2, 3],
    format: 'hybrid',
    description: 'Parcours des critères du référentiel et retours d’expérience d’équipes produit.',
  },
  {
    title: 'Allonger la durée de vie des équipements',
    theme: 'purchasing',
    levels: [1, 2, 3],
    format: 'online',
    description: 'Achats reconditionnés, clauses de réparabilité et fin de vie des terminaux.',
  },
  {
    title: 'Cloud et centres de données : mesurer pour décider',
    theme: 'datacentres',
    levels: [3, 4],
    format: 'onsite',
    description: 'Allocation des émissions du cloud, PUE et choix de région.',
  },
  {
    title: 'Piloter une stratégie numérique responsable',
    theme: 'strategy',
    levels: [3, 4, 5],
    format: 'online',
    description: 'Gouvernance, indicateurs et obligations réglementaires.',
  },
  {
    title: 'Former ses équipes au numérique responsable',
    theme: 'training',
    levels: [1, 2, 3, 4, 5],
    format: 'hybrid',
    description: 'Construire un plan de formation à partir du référentiel de compétences.',
  },
];

/** The 10:00 Paris time of the given day `monthsAhead` months from now (the 12th, a weekday more often than not). */
function slot(now: Date, monthsAhead: number, day = 12): string {
  const p = utcToZonedInput(now.toISOString(), defaultTimeZone);
  const [y, m] = p.date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + monthsAhead, day));
  return zonedToUtc(d.toISOString().slice(0, 10), '10:00', defaultTimeZone)!.toISOString();
}

async function demoPartners(db: DB) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'partner')
    .where((eb) => eb.or([eb('is_demo', '=', 1), eb('is_founding_partner', '=', 1)]))
    .orderBy('id')
    .execute();
}

/**
 * Demo only: workshops by the demo (or founding) partners over the coming six months, at least one a month, and
 * three past ones with attendance and feedback from demo signatories' members. Runs once: it stops when those
 * partners already have workshops.
 */
export async function seedWorkshops({ db, demo }: TSeedContext): Promise<void> {
  if (!demo) return;
  const partners = await demoPartners(db);
  if (!partners.length) return;
  const existing = await db
    .selectFrom('workshops')
    .select('id')
    .where(
      'organisation_id',
      'in',
      partners.map((p) => p.id),
    )
    .executeTakeFirst();
  if (existing) return;
  const author =
    (
      await db
        .selectFrom('memberships')
        .select('user_id')
        .where(
          'organisation_id',
          'in',
          partners.map((p) => p.id),
        )
        .executeTakeFirst()
    )?.user_id ??
    (await db.selectFrom('users').select('id').where('platform_role', '=', 'admin').executeTakeFirst())?.id;
  if (!author) return;
  const attendees = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.user_id', 'm.organisation_id'])
    .where('o.is_demo', '=', 1)
    .where(signatoryCondition('o.id'))
    .limit(12)
    .execute();
  const now = new Date();
  const stamp = nowIso();
  await db.transaction().execute(async (tx) => {
    const plan: { months: number; day: number; topic: number }[] = [
      { months: -3, day: 10, topic: 0 },
      { months: -2, day: 14, topic: 1 },
      { months: -1, day: 9, topic: 2 },
      ...[0, 1, 2, 3, 4, 5].map((k) => ({ months: k + 1, day: 12, topic: (k + 3) % demoTopics.length })),
      { months: 2, day: 24, topic: 0 },
    ];
    for (const [i, p] of plan.entries()) {
      const topic = demoTopics[p.topic]!;
      const partner = partners[i % partners.length]!;
      const startsAt = slot(now, p.months, p.day);
      const w = await tx
        .insertInto('workshops')
        .values({
          organisation_id: partner.id,
          series_id: null,
          status: 'published',
          title: topic.title,
          description: topic.description,
          theme: topic.theme,
          levels: storeLevels(topic.levels),
          format: topic.format,
          online_url: topic.format === 'onsite' ? null : 'https://visio.example.org/techcare-demo',
          address: topic.format === 'online' ? null : '1 rue de la Démo, 75000 Paris',
          starts_at: startsAt,
          time_zone: defaultTimeZone,
          duration_minutes: 90,
          capacity: 30,
          per_org_limit: 5,
          registration_closes_at: new Date(new Date(startsAt).getTime() - 3_600_000).toISOString(),
          language: 'fr',
          speakers: partner.name,
          materials: '',
          replay_url: p.months < 0 ? 'https://video.example.org/techcare-demo-replay' : null,
          replay_materials: null,
          sequence: 0,
          created_by: author,
          created_at: stamp,
          updated_at: stamp,
          published_at: stamp,
          cancelled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.months >= 0) continue;
      // Past demo workshops: most registrants attended, attendees rated them.
      for (const [j, a] of attendees.entries()) {
        const attended = j % 4 === 3 ? 0 : 1;
        await tx
          .insertInto('workshop_registrations')
          .values({
            workshop_id: w.id,
            user_id: a.user_id,
            organisation_id: a.organisation_id,
            status: 'confirmed',
            queued_at: stamp,
            confirmed_at: stamp,
            cancelled_at: null,
            notified_status: 'confirmed',
            attended,
            reminder_sent_at: stamp,
            created_at: stamp,
          })
          .execute();
        if (attended)
          await tx
            .insertInto('workshop_feedback')
            .values({
              workshop_id: w.id,
              user_id: a.user_id,
              rating: 3 + ((i + j) % 3),
              comment: '',
              created_at: stamp,
            })
            .execute();
      }
    }
  });
}
