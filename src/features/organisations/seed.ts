import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TOrgKind } from '../../db/tables/foundation.js';
import type { TSeedContext } from '../../http/feature.js';
import { createUser, generatePassword } from '../accounts/index.js';
import { isGrantedKind } from '../../db/standing.js';
import { nameKey, normaliseSearchName } from './names.js';
import type { TRegion, TSector, TSizeBand } from './reference.js';

interface TSeedOrg {
  slug: string;
  name: string;
  kind: TOrgKind;
  sizeBand: TSizeBand;
  sector: TSector;
  region: TRegion;
  website: string | null;
  description: string;
}

/**
 * The ten founding partners of the programme (reference data, not demo). Descriptions are our own short summary
 * in French; the pages show the catalogue's text (`organisations.partner.<slug>`) in the reader's language.
 */
export const foundingPartners: TSeedOrg[] = [
  {
    slug: 'agit',
    name: 'AGIT',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'IDF',
    website: 'https://alliancegreenit.org',
    description: 'Association de professionnels et d’organisations qui promeut un numérique plus responsable.',
  },
  {
    slug: 'fing',
    name: 'Fing',
    kind: 'partner',
    sizeBand: '10-49',
    sector: 'association',
    region: 'IDF',
    website: 'https://fing.org',
    description:
      'Laboratoire d’idées et d’actions sur les transformations numériques et leurs liens avec la transition écologique.',
  },
  {
    slug: 'greenit-fr',
    name: 'GreenIT.fr',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'IDF',
    website: 'https://www.greenit.fr',
    description: 'Communauté d’experts de la sobriété numérique et de l’écoconception des services numériques.',
  },
  {
    slug: 'inr',
    name: 'INR',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'NAQ',
    website: 'https://institutnr.org',
    description:
      'Institut du Numérique Responsable : il outille et forme les organisations qui réduisent leurs impacts numériques.',
  },
  {
    slug: 'the-shift-project',
    name: 'The Shift Project',
    kind: 'partner',
    sizeBand: '10-49',
    sector: 'research',
    region: 'IDF',
    website: 'https://theshiftproject.org',
    description:
      'Groupe de réflexion sur la sortie des énergies fossiles, auteur de travaux de référence sur l’empreinte du numérique.',
  },
  {
    slug: 'cigref',
    name: 'Cigref',
    kind: 'partner',
    sizeBand: '10-49',
    sector: 'association',
    region: 'IDF',
    website: 'https://www.cigref.fr',
    description: 'Association des grandes entreprises et administrations utilisatrices du numérique.',
  },
  {
    slug: 'cinov-numerique',
    name: 'Cinov Numérique',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'IDF',
    website: 'https://www.cinov-numerique.fr',
    description: 'Syndicat professionnel des petites et moyennes entreprises de conseil et de services numériques.',
  },
  {
    slug: 'sif',
    name: 'SIF',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'research',
    region: 'IDF',
    website: 'https://www.societe-informatique-de-france.fr',
    description: 'Société Informatique de France : la société savante qui fédère la communauté de l’informatique.',
  },
  {
    slug: 'systematic',
    name: 'Systematic',
    kind: 'partner',
    sizeBand: '10-49',
    sector: 'association',
    region: 'IDF',
    website: 'https://systematic-paris-region.org',
    description:
      'Pôle de compétitivité qui réunit entreprises, écoles et laboratoires autour des technologies numériques.',
  },
  {
    slug: 'talents-du-numerique',
    name: 'Talents du Numérique',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'IDF',
    website: 'https://talentsdunumerique.com',
    description: 'Association qui rapproche écoles et entreprises pour les formations et les métiers du numérique.',
  },
];

/** The fictional demo network: every kind, size, many sectors and regions. Names end with " (démo)". */
export const demoNetwork: (TSeedOrg & { owner: string })[] = [
  {
    slug: 'atelier-sobre-demo',
    name: 'Atelier Sobre (démo)',
    kind: 'company',
    sizeBand: '10-49',
    sector: 'software',
    region: 'BRE',
    website: null,
    description: 'Éditeur fictif d’un logiciel de gestion pour les artisans.',
    owner: 'Louise Kervella',
  },
  {
    slug: 'nuage-tempere-demo',
    name: 'Nuage Tempéré (démo)',
    kind: 'company',
    sizeBand: '50-249',
    sector: 'hosting',
    region: 'ARA',
    website: null,
    description: 'Hébergeur fictif refroidi par l’eau d’une rivière de montagne.',
    owner: 'Marc Vial',
  },
  {
    slug: 'banque-lumiere-demo',
    name: 'Banque Lumière (démo)',
    kind: 'company',
    sizeBand: '5000+',
    sector: 'finance',
    region: 'IDF',
    website: null,
    description: 'Banque fictive qui allonge la durée de vie de son parc informatique.',
    owner: 'Sophie Marchand',
  },
  {
    slug: 'rails-et-reseaux-demo',
    name: 'Rails & Réseaux (démo)',
    kind: 'company',
    sizeBand: '250-4999',
    sector: 'telecom',
    region: 'HDF',
    website: null,
    description: 'Opérateur fictif de réseaux pour les collectivités.',
    owner: 'Karim Benali',
  },
  {
    slug: 'pixel-patient-demo',
    name: 'Pixel Patient (démo)',
    kind: 'company',
    sizeBand: '1-9',
    sector: 'web_agency',
    region: 'OCC',
    website: null,
    description: 'Agence web fictive spécialisée dans les sites légers.',
    owner: 'Inès Roca',
  },
  {
    slug: 'conseil-circulaire-demo',
    name: 'Conseil Circulaire (démo)',
    kind: 'company',
    sizeBand: '250-4999',
    sector: 'it_services',
    region: 'PDL',
    website: null,
    description: 'Entreprise de services numériques fictive.',
    owner: 'Thomas Guérin',
  },
  {
    slug: 'agglomeration-de-valfleuri-demo',
    name: 'Agglomération de Valfleuri (démo)',
    kind: 'company',
    sizeBand: '250-4999',
    sector: 'public',
    region: 'CVL',
    website: null,
    description: 'Collectivité fictive qui mesure l’empreinte de ses services en ligne.',
    owner: 'Hélène Fabre',
  },
  {
    slug: 'ecole-du-code-durable-demo',
    name: 'École du Code Durable (démo)',
    kind: 'school',
    sizeBand: '50-249',
    sector: 'education',
    region: 'NAQ',
    website: null,
    description: 'École fictive de développeurs et développeuses.',
    owner: 'Paul Lemaire',
  },
  {
    slug: 'institut-polytechnique-des-cimes-demo',
    name: 'Institut Polytechnique des Cimes (démo)',
    kind: 'school',
    sizeBand: '250-4999',
    sector: 'education',
    region: 'ARA',
    website: null,
    description: 'École d’ingénieurs fictive.',
    owner: 'Claire Morel',
  },
  {
    slug: 'campus-numerique-caraibe-demo',
    name: 'Campus Numérique Caraïbe (démo)',
    kind: 'school',
    sizeBand: '10-49',
    sector: 'education',
    region: 'GUA',
    website: null,
    description: 'Centre de formation fictif aux métiers du numérique.',
    owner: 'Joël Alexis',
  },
  {
    slug: 'collectif-mesure-ouverte-demo',
    name: 'Collectif Mesure Ouverte (démo)',
    kind: 'partner',
    sizeBand: '1-9',
    sector: 'association',
    region: 'GES',
    website: null,
    description: 'Association fictive qui anime des ateliers de mesure.',
    owner: 'Nadia Weber',
  },
  {
    slug: 'claire-dubois-conseil-demo',
    name: 'Claire Dubois Conseil (démo)',
    kind: 'expert',
    sizeBand: '1-9',
    sector: 'it_services',
    region: 'PAC',
    website: null,
    description: 'Consultante indépendante fictive en écoconception.',
    owner: 'Claire Dubois',
  },
];

/** The address of a demo owner: never a real mailbox, and the password is random and never shown. */
export function demoEmail(slug: string): string {
  return `owner.${slug.replace(/-demo$/, '')}@demo.techcare.localhost`;
}

async function ensureOrganisation(db: DB, o: TSeedOrg, flags: { founding: boolean; demo: boolean }): Promise<number> {
  const existing = await db.selectFrom('organisations').select('id').where('slug', '=', o.slug).executeTakeFirst();
  if (existing) return existing.id;
  const now = nowIso();
  const row = await db
    .insertInto('organisations')
    .values({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      siren: null,
      size_band: o.sizeBand,
      sector: o.sector,
      region: o.region,
      website: o.website,
      description: o.description,
      is_founding_partner: flags.founding ? 1 : 0,
      is_demo: flags.demo ? 1 : 0,
      created_at: now,
      updated_at: now,
      search_name: normaliseSearchName(o.name),
      name_key: nameKey(o.name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (isGrantedKind(o.kind)) {
    // Founding partners and the demo network's partner and expert hold their status from the installation.
    await db
      .insertInto('organisation_status_requests')
      .values({
        organisation_id: row.id,
        kind: o.kind as 'partner' | 'expert',
        previous_kind: 'company',
        motivation: '',
        status: 'granted',
        reason: 'installation',
        requested_by: null,
        decided_by: null,
        decided_at: now,
        created_at: now,
      })
      .execute();
  }
  return row.id;
}

/**
 * Seeds the founding partners always and the demo network (organisations and their owners) when asked. Rows are
 * found by slug or email, so running it again changes nothing. Signatures are added by the manifesto's seed.
 */
export async function seedOrganisations({ db, demo }: TSeedContext): Promise<void> {
  for (const p of foundingPartners) await ensureOrganisation(db, p, { founding: true, demo: false });
  if (!demo) return;
  for (const o of demoNetwork) {
    const orgId = await ensureOrganisation(db, o, { founding: false, demo: true });
    const email = demoEmail(o.slug);
    let user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user)
      user = { id: await createUser(db, { email, password: generatePassword(), name: o.owner, confirmed: true }) };
    const member = await db
      .selectFrom('memberships')
      .select('id')
      .where('organisation_id', '=', orgId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!member)
      await db
        .insertInto('memberships')
        .values({ organisation_id: orgId, user_id: user.id, role: 'owner', created_at: nowIso() })
        .execute();
  }
}
