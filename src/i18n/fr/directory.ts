/** French texts of the directory area (the primary language). Keys are prefixed `directory.`. */
export const directory = {
  'directory.title': 'Les signataires',
  'directory.intro':
    'Les entreprises, écoles, organisations partenaires et experts dont la signature du manifeste a été validée.',
  'directory.filter.q': 'Nom de l’organisation',
  'directory.count': '{count, plural, one {# organisation trouvée.} other {# organisations trouvées.}}',
  'directory.none': 'Aucune organisation ne correspond à cette recherche. Essayez avec moins de filtres.',
  'directory.partnersLink': 'Voir les partenaires fondateurs',
  'directory.foundingPartner': 'Partenaire fondateur',
  'directory.signature.title': 'Engagement',
  'directory.signature.text': 'A signé le « {title} », version {version}, signature validée le {date}.',
  'directory.signature.read': 'Lire le manifeste',
  'directory.back': 'Retour à l’annuaire',
  'directory.partners.title': 'Les partenaires fondateurs',
  'directory.partners.intro':
    'Dix organisations fondent le réseau avec nous : elles animent les ateliers, partagent leurs travaux et accompagnent les membres.',
  'directory.declarations.title': 'Déclarations d’écoconception (RGESN)',
  'directory.declarations.published': 'publiée le {date}',
} as const;
