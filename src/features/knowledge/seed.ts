import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TSeedContext } from '../../http/feature.js';
import { leverCatalogue } from './ports.js';
import { resourceSearchText } from './publish-resource.js';
import { indexDocument } from './search-index.js';
import { saveTags, type TTags } from './tags.js';

const marker = 'knowledge.demo.seeded';

interface TDemoResource {
  orgKinds: string[];
  title: string;
  summary: string;
  kind: string;
  language: 'fr' | 'en';
  licence: string;
  url: string;
  monthsAgo: number;
  status: 'published' | 'pending';
  tags: TTags;
}

// Fictional demo publications (their links point to the platform's own pages, never to invented documents).
const demoResources: TDemoResource[] = [
  {
    orgKinds: ['partner'],
    title: 'Guide de l’éco-conception des services numériques (démo)',
    kind: 'guide',
    language: 'fr',
    licence: 'cc-by-sa-4.0',
    url: '/levers/eco-design-services',
    monthsAgo: 0,
    status: 'published',
    summary:
      'Démonstration : un guide fictif qui parcourt les étapes de l’écoconception d’un service en ligne, du cadrage au suivi des indicateurs, avec des exemples de serveurs mutualisés.',
    tags: { themes: ['ecodesign'], levels: [2, 3], levers: ['eco-design-services'], rgesn: ['1.1', '4.2'] },
  },
  {
    orgKinds: ['expert'],
    title: 'Extending device lifespan: a checklist (demo)',
    kind: 'tool',
    language: 'en',
    licence: 'cc-by-4.0',
    url: '/levers/extend-lifespan',
    monthsAgo: 1,
    status: 'published',
    summary:
      'Demo: a fictional checklist to keep laptops and smartphones in service longer — repairs, batteries, refurbished spare parts and reuse inside the organisation.',
    tags: { themes: ['devices', 'purchasing'], levels: [1, 2], levers: ['extend-lifespan'], rgesn: [] },
  },
  {
    orgKinds: ['partner'],
    title: 'Replay : mesurer l’empreinte de son parc (démo)',
    kind: 'replay',
    language: 'fr',
    licence: 'cc-by-4.0',
    url: '/methodology',
    monthsAgo: 1,
    status: 'published',
    summary:
      'Démonstration : enregistrement fictif d’un atelier sur l’inventaire des équipements et le calcul de l’empreinte avec la méthode ouverte de la plateforme.',
    tags: { themes: ['measurement'], levels: [1], levers: ['govern-and-measure'], rgesn: [] },
  },
  {
    orgKinds: ['company'],
    title: 'Modèle de politique d’achats responsables (démo)',
    kind: 'template',
    language: 'fr',
    licence: 'cc0-1.0',
    url: '/levers/sustainable-purchasing',
    monthsAgo: 0,
    status: 'pending',
    summary:
      'Démonstration : un modèle fictif de politique d’achats de matériel reconditionné, proposé par un membre et en attente de relecture.',
    tags: { themes: ['purchasing'], levels: [2], levers: ['sustainable-purchasing'], rgesn: [] },
  },
];

async function demoOrg(db: DB, kinds: string[]): Promise<{ orgId: number; userId: number } | null> {
  const row = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select(['organisations.id', 'memberships.user_id'])
    .where('organisations.is_demo', '=', 1)
    .where('organisations.kind', 'in', kinds as never[])
    .orderBy('organisations.id')
    .executeTakeFirst();
  return row ? { orgId: row.id, userId: row.user_id } : null;
}

/**
 * Seeds a few clearly marked demo resources, one experience report and comments, on demo organisations only (the
 * organisations feature seeds them first). No reference data: a real network starts with an empty library.
 * Idempotent through a marker in app_settings.
 */
export async function seedKnowledge({ db, demo }: TSeedContext): Promise<void> {
  if (!demo) return;
  if (await db.selectFrom('app_settings').select('key').where('key', '=', marker).executeTakeFirst()) return;
  const partner = await demoOrg(db, ['partner']);
  const company = await demoOrg(db, ['company']);
  if (!partner || !company) return;
  const expert = (await demoOrg(db, ['expert'])) ?? partner;
  const known = new Set((await leverCatalogue())?.map((l) => l.slug) ?? []);
  const day = 86_400_000;
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    let firstResource = 0;
    for (const r of demoResources) {
      const who = r.orgKinds.includes('company') ? company : r.orgKinds.includes('expert') ? expert : partner;
      const tags = { ...r.tags, levers: known.size ? r.tags.levers.filter((l) => known.has(l)) : r.tags.levers };
      const row = await tx
        .insertInto('knowledge_resources')
        .values({
          title: r.title,
          summary: r.summary,
          kind: r.kind,
          organisation_id: who.orgId,
          author_user_id: who.userId,
          language: r.language,
          published_on: new Date(Date.now() - r.monthsAgo * 30 * day).toISOString().slice(0, 10),
          licence: r.licence,
          url: r.url,
          file_key: null,
          file_name: null,
          file_type: null,
          file_size: null,
          workshop_id: null,
          training_id: null,
          status: r.status,
          reviewed_by: null,
          reviewed_at: null,
          rejection_reason: null,
          is_demo: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      firstResource ||= row.id;
      await saveTags(tx, 'resource', row.id, tags);
      await indexDocument(
        tx,
        'resource',
        row.id,
        r.language,
        resourceSearchText({ title: r.title, summary: r.summary, ...tags }),
      );
    }
    const report = await tx
      .insertInto('knowledge_reports')
      .values({
        title: 'Nous avons prolongé la durée de vie de nos ordinateurs portables (démo)',
        organisation_id: company.orgId,
        author_user_id: company.userId,
        language: 'fr',
        what_we_did:
          'Démonstration : récit fictif. Passage de 4 à 6 ans de durée de vie des portables, remplacement des batteries et atelier de réparation interne.',
        cost_eur: 12000,
        cost_notes: 'Batteries, pièces et une demi-journée par mois d’un technicien (chiffres fictifs).',
        measure_source: 'declared',
        measure_label: 'Empreinte carbone annuelle du parc de portables (fictive)',
        before_value: 18400,
        after_value: 13100,
        measure_unit: 'kgCO2e',
        baseline_year: null,
        result_year: null,
        status: 'published',
        reviewed_by: null,
        reviewed_at: null,
        rejection_reason: null,
        is_demo: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reportTags = {
      themes: ['devices'],
      levels: [2],
      levers: ['extend-lifespan'].filter((l) => !known.size || known.has(l)),
      rgesn: [],
    };
    await saveTags(tx, 'report', report.id, reportTags);
    await indexDocument(
      tx,
      'report',
      report.id,
      'fr',
      'Nous avons prolongé la durée de vie de nos ordinateurs portables. Batteries, réparation, portables.',
    );
    if (firstResource) {
      await tx
        .insertInto('knowledge_comments')
        .values([
          {
            doc_type: 'resource',
            doc_id: firstResource,
            author_user_id: company.userId,
            body: 'Démonstration : ce guide couvre-t-il aussi les applications mobiles ?',
            is_answer: 0,
            answered_by: null,
            hidden_at: null,
            hidden_by: null,
            moderated_at: null,
            created_at: now,
          },
          {
            doc_type: 'resource',
            doc_id: firstResource,
            author_user_id: partner.userId,
            body: 'Démonstration : oui, le chapitre 3 traite des applications mobiles.',
            is_answer: 1,
            answered_by: partner.userId,
            hidden_at: null,
            hidden_by: null,
            moderated_at: null,
            created_at: now,
          },
        ])
        .execute();
    }
    await tx.insertInto('app_settings').values({ key: marker, value: now }).execute();
  });
}
