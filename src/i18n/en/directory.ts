import type { directory as fr } from '../fr/directory.js';

/** English texts of the directory area: the same keys as the French file, enforced by `satisfies`. */
export const directory = {
  'directory.title': 'Signatories',
  'directory.intro':
    'The companies, schools, partner organisations and experts whose manifesto signature has been validated.',
  'directory.filter.q': 'Organisation name',
  'directory.count': '{count, plural, one {# organisation found.} other {# organisations found.}}',
  'directory.none': 'No organisation matches this search. Try with fewer filters.',
  'directory.partnersLink': 'See the founding partners',
  'directory.foundingPartner': 'Founding partner',
  'directory.signature.title': 'Commitment',
  'directory.signature.text': 'Signed the “{title}”, version {version}, signature validated on {date}.',
  'directory.signature.read': 'Read the manifesto',
  'directory.back': 'Back to the directory',
  'directory.partners.title': 'The founding partners',
  'directory.partners.intro':
    'Ten organisations found the network with us: they run workshops, share their work and support the members.',
  'directory.declarations.title': 'Eco-design declarations (RGESN)',
  'directory.declarations.published': 'published on {date}',
} as const satisfies Record<keyof typeof fr, string>;
