/** French texts of the manifesto area (the primary language). Keys are prefixed `manifesto.`. */
export const manifesto = {
  'manifesto.title': 'Le manifeste',
  'manifesto.lead':
    'Les organisations du réseau signent un manifeste : une version pour les entreprises, une pour les écoles. Chaque signature est publique, datée et rattachée à la version exacte du texte signé.',
  'manifesto.versionLabel': 'Version {version}',
  'manifesto.how.title': 'Comment signer',
  'manifesto.how.text':
    'Créez un compte, confirmez votre adresse, décrivez votre organisation puis signez en son nom. L’équipe du réseau vérifie la signature avant de l’afficher dans l’annuaire.',
  'manifesto.how.cta': 'Signer au nom de mon organisation',
  'manifesto.text.2026-1.company.title': 'Manifeste pour les entreprises du numérique',
  'manifesto.text.2026-1.company.intro':
    'Le numérique consomme des ressources, de l’énergie et de l’eau, d’abord pour fabriquer les équipements. En signant ce texte, notre organisation s’engage publiquement à :',
  'manifesto.text.2026-1.company.c1':
    'mesurer l’empreinte environnementale de nos produits et services numériques, sur plusieurs critères et avec une méthode ouverte, puis la réduire année après année grâce à un plan d’action suivi ;',
  'manifesto.text.2026-1.company.c2':
    'former nos équipes, de la direction aux achats, à la conception, au développement et à l’exploitation, aux impacts environnementaux du numérique et aux moyens d’agir ;',
  'manifesto.text.2026-1.company.c3':
    'partager nos pratiques, nos mesures et nos retours d’expérience, réussites comme échecs, avec les autres membres du réseau.',
  'manifesto.text.2026-1.school.title': 'Manifeste pour les écoles et l’enseignement supérieur',
  'manifesto.text.2026-1.school.intro':
    'Les personnes que nous formons concevront, achèteront et feront fonctionner le numérique de demain. En signant ce texte, notre établissement s’engage publiquement à :',
  'manifesto.text.2026-1.school.c1':
    'enseigner dans nos cursus les impacts environnementaux du numérique, sur tout le cycle de vie des équipements et des services, ainsi que les leviers pour les réduire ;',
  'manifesto.text.2026-1.school.c2':
    'former nos équipes pédagogiques et administratives à ces enjeux, afin qu’elles les intègrent à leurs enseignements et au fonctionnement de l’établissement.',
  'manifesto.sign.title': 'Signer le manifeste',
  'manifesto.sign.submit': 'Signer le manifeste',
  'manifesto.sign.pending':
    'Une signature est déjà en attente de validation par l’équipe du réseau. Vous recevrez un courriel dès qu’elle sera examinée.',
  'manifesto.sign.alreadySigned':
    'Votre organisation a déjà signé cette version du manifeste. Vous pourrez signer la prochaine version dès sa publication.',
  'manifesto.field.signerName': 'Nom de la personne qui signe',
  'manifesto.field.signerRole': 'Fonction de la personne qui signe',
  'manifesto.field.signerRoleHint': 'Par exemple : directrice générale, directeur des systèmes d’information.',
  'manifesto.field.commitment': 'Je suis habilité à engager {organisation} et je signe ce texte en son nom.',
  'manifesto.error.commitment': 'Cochez la case pour confirmer que vous pouvez engager l’organisation.',
  'manifesto.flash.signed': 'Merci ! La signature est enregistrée et attend la validation de l’équipe du réseau.',
  'manifesto.mail.validated.subject': 'Signature du manifeste validée pour {organisation}',
  'manifesto.mail.validated.body':
    'Bonjour {name},\n\nLa signature du manifeste par {organisation} est validée. L’organisation figure désormais dans l’annuaire public des signataires :\n{link}\n\n{signature}',
  'manifesto.mail.rejected.subject': 'Signature du manifeste refusée pour {organisation}',
  'manifesto.mail.rejected.body':
    'Bonjour {name},\n\nLa signature du manifeste par {organisation} n’a pas été validée, pour la raison suivante :\n{reason}\n\nVous pouvez corriger le profil de l’organisation puis signer à nouveau :\n{link}\n\n{signature}',
  'manifesto.mail.pending.subject': 'Signature du manifeste à valider : {organisation}',
  'manifesto.mail.pending.body':
    'Bonjour,\n\n{organisation} vient de signer le manifeste. La signature attend votre validation :\n{link}\n\n{signature}',
} as const;
