/** French texts of the actions area (the primary language). Keys are prefixed `actions.`. */
export const actions = {
  'actions.lever.extend-lifespan.title': 'Allonger la durée de vie des équipements',
  'actions.lever.extend-lifespan.summary':
    'Garder ordinateurs, téléphones et écrans plus longtemps : la fabrication pèse le plus lourd, chaque année de plus la répartit.',
  'actions.lever.extend-lifespan.how':
    'Fixez une durée de renouvellement plus longue dans la politique d’équipement, réparez avant de remplacer, prévoyez batteries et pièces détachées, et choisissez des logiciels qui tournent sur les anciens modèles.',
  'actions.lever.extend-lifespan.gain':
    'Passer de 4 à 6 ans réduit d’un tiers la part annuelle de fabrication de ces équipements (1 − 4/6). La fabrication représente l’essentiel de l’empreinte des terminaux selon l’étude ADEME–Arcep.',
  'actions.lever.extend-lifespan.prerequisites':
    'Un inventaire des équipements avec leur date d’achat ; un contrat de maintenance ou un atelier de réparation.',
  'actions.lever.buy-refurbished.title': 'Acheter des équipements reconditionnés',
  'actions.lever.buy-refurbished.summary': 'Un appareil reconditionné évite presque toute la fabrication d’un neuf.',
  'actions.lever.buy-refurbished.how':
    'Ouvrez les marchés au reconditionné (grade, garantie, batterie), commencez par les smartphones et les portables des usages courants, et suivez la part reconditionnée des achats.',
  'actions.lever.buy-refurbished.gain':
    'Selon l’ADEME (2022), un smartphone reconditionné a un impact annuel inférieur de 77 % à 91 % à celui d’un neuf (87 % sur le climat) ; pour un ordinateur portable, environ 27 kgCO2e évités par an.',
  'actions.lever.buy-refurbished.prerequisites':
    'Des fournisseurs de reconditionné qualifiés et une garantie comparable au neuf.',
  'actions.lever.fewer-devices.title': 'Réduire le nombre d’équipements par personne',
  'actions.lever.fewer-devices.summary':
    'Moins d’écrans, de téléphones et d’appareils en double : chaque équipement évité, c’est toute sa fabrication et sa consommation en moins.',
  'actions.lever.fewer-devices.how':
    'Recensez les équipements par poste, supprimez les doublons (deux téléphones, écrans inutilisés), mutualisez imprimantes et salles, et proposez le « un appareil par usage réel ».',
  'actions.lever.fewer-devices.gain':
    'Le gain est proportionnel au nombre d’équipements évités. Les terminaux représentent la plus grande part de l’empreinte du numérique en France (ADEME–Arcep).',
  'actions.lever.fewer-devices.prerequisites': 'Un inventaire par personne ou par service.',
  'actions.lever.consolidate-servers.title': 'Consolider et dimensionner au plus juste les serveurs',
  'actions.lever.consolidate-servers.summary':
    'Moins de serveurs, mieux chargés : la virtualisation et le décommissionnement des machines oubliées réduisent fabrication et énergie.',
  'actions.lever.consolidate-servers.how':
    'Mesurez la charge réelle, virtualisez ou conteneurisez, éteignez les serveurs « zombies », et dimensionnez les nouvelles machines sur le besoin mesuré.',
  'actions.lever.consolidate-servers.gain':
    'Calculé sur votre inventaire : les serveurs retirés emportent leur fabrication ; les restants portent la même charge, donc consomment plus chacun (modèle de serveur UBA 2021).',
  'actions.lever.consolidate-servers.prerequisites':
    'Une mesure de la charge des serveurs ; une plateforme de virtualisation.',
  'actions.lever.improve-pue.title': 'Améliorer l’efficacité du centre de données (PUE)',
  'actions.lever.improve-pue.summary': 'Refroidir moins et mieux : le PUE multiplie toute l’électricité des serveurs.',
  'actions.lever.improve-pue.how':
    'Confinez les allées chaudes et froides, relevez la température de consigne, utilisez le free cooling, ou migrez vers un hébergeur au PUE mesuré et publié.',
  'actions.lever.improve-pue.gain':
    'L’énergie d’usage des serveurs varie comme le PUE : passer de la moyenne mondiale (1,58, Uptime Institute 2023) à 1,2 la réduit d’environ un quart.',
  'actions.lever.improve-pue.prerequisites': 'Une salle serveurs en propre ou un hébergeur qui publie son PUE.',
  'actions.lever.cleaner-cloud-region.title': 'Choisir des régions cloud à l’électricité moins carbonée',
  'actions.lever.cleaner-cloud-region.summary':
    'La même instance émet beaucoup moins dans un pays à l’électricité bas carbone.',
  'actions.lever.cleaner-cloud-region.how':
    'Pour les charges sans contrainte de latence ou de souveraineté, préférez les régions des pays à électricité bas carbone ; documentez le choix.',
  'actions.lever.cleaner-cloud-region.gain':
    'L’énergie d’usage est multipliée par le facteur d’émission du pays, qui varie de plus d’un facteur dix entre pays européens (Ember).',
  'actions.lever.cleaner-cloud-region.prerequisites': 'Des charges déplaçables et un inventaire cloud par région.',
  'actions.lever.switch-off-idle.title': 'Éteindre les équipements inutilisés',
  'actions.lever.switch-off-idle.summary':
    'Postes, écrans, environnements de test et instances cloud allumés la nuit et le week-end consomment pour rien.',
  'actions.lever.switch-off-idle.how':
    'Programmez l’extinction des postes et écrans, arrêtez les environnements hors production en dehors des heures ouvrées, et coupez les instances inutilisées.',
  'actions.lever.switch-off-idle.gain':
    'Proportionnel aux heures évitées sur la consommation d’usage ; pour le cloud, la part de fabrication suit aussi les heures.',
  'actions.lever.switch-off-idle.prerequisites': 'Un outil de gestion du parc ou d’orchestration des environnements.',
  'actions.lever.eco-design-services.title': 'Écoconcevoir les services numériques (RGESN)',
  'actions.lever.eco-design-services.summary':
    'Des services plus légers restent utilisables sur des équipements anciens et consomment moins de réseau et de serveurs.',
  'actions.lever.eco-design-services.how':
    'Évaluez vos services avec le RGESN, interrogez l’utilité de chaque fonctionnalité, fixez un budget de poids par page et traitez d’abord les critères prioritaires.',
  'actions.lever.eco-design-services.gain':
    'Non chiffré ici : l’effet passe par la durée de vie des terminaux des utilisateurs, le transfert de données et l’hébergement. Le score RGESN mesure l’avancement, pas un impact.',
  'actions.lever.eco-design-services.prerequisites': 'Un référent écoconception et une équipe produit disponible.',
  'actions.lever.reduce-data-transfer.title': 'Réduire les données transférées',
  'actions.lever.reduce-data-transfer.summary':
    'Images compressées, vidéos adaptées, cache : moins d’octets transférés, moins de réseau et de centres de données.',
  'actions.lever.reduce-data-transfer.how':
    'Compressez images et vidéos, activez cache et compression HTTP, désactivez la lecture automatique et mesurez le poids des pages.',
  'actions.lever.reduce-data-transfer.gain':
    'Le modèle Sustainable Web Design v4 est proportionnel aux gigaoctets : −30 % de données, −30 % sur ce poste.',
  'actions.lever.reduce-data-transfer.prerequisites': 'Une mesure du trafic de vos services.',
  'actions.lever.reuse-end-of-life.title': 'Réemployer puis recycler en fin de vie',
  'actions.lever.reuse-end-of-life.summary':
    'Donner une seconde vie aux équipements (don, revente) avant de les confier à une filière de recyclage agréée.',
  'actions.lever.reuse-end-of-life.how':
    'Effacez les données de façon certifiée, donnez ou revendez les équipements encore utilisables, et remettez le reste à une filière DEEE avec traçabilité.',
  'actions.lever.reuse-end-of-life.gain':
    'Hypothèse Techcare : la fabrication d’un équipement réemployé est partagée entre ses utilisateurs au prorata des années d’usage (4 ans chez vous, 2 ans ensuite : vous en gardez les deux tiers).',
  'actions.lever.reuse-end-of-life.prerequisites':
    'Un partenaire de réemploi ou une structure de l’économie sociale et solidaire ; une procédure d’effacement.',
  'actions.lever.sustainable-purchasing.title': 'Introduire des clauses d’achat durable',
  'actions.lever.sustainable-purchasing.summary':
    'Indice de réparabilité, garantie longue, pièces détachées, reprise : les achats fixent la durée de vie des équipements.',
  'actions.lever.sustainable-purchasing.how':
    'Ajoutez aux marchés des critères de réparabilité et de durabilité, la disponibilité des pièces et des mises à jour, la reprise en fin de vie et la transparence environnementale des fournisseurs.',
  'actions.lever.sustainable-purchasing.gain':
    'Levier indirect : il rend possibles l’allongement de la durée de vie et le reconditionné, dont le gain se simule.',
  'actions.lever.sustainable-purchasing.prerequisites':
    'L’appui des acheteurs et un calendrier de renouvellement des marchés.',
  'actions.lever.train-teams.title': 'Former et sensibiliser les équipes',
  'actions.lever.train-teams.summary':
    'Les gestes et les choix techniques viennent des personnes : former donne les moyens d’agir sur tous les autres leviers.',
  'actions.lever.train-teams.how':
    'Proposez une sensibilisation à tous, des formations métiers (achats, développement, exploitation) et des ambassadeurs dans les équipes.',
  'actions.lever.train-teams.gain': 'Levier indirect, non chiffré : il conditionne la mise en œuvre des autres.',
  'actions.lever.train-teams.prerequisites':
    'Du temps de formation prévu dans le plan de développement des compétences.',
  'actions.lever.data-sobriety.title': 'Stocker moins de données',
  'actions.lever.data-sobriety.summary':
    'Durées de conservation, archivage à froid et dédoublonnage réduisent stockage, sauvegardes et serveurs.',
  'actions.lever.data-sobriety.how':
    'Définissez des durées de conservation, supprimez ce qui n’a plus d’usage, séparez données chaudes et froides et limitez les copies.',
  'actions.lever.data-sobriety.gain':
    'Non chiffré ici : l’effet se mesure sur le nombre de serveurs et de disques des années suivantes.',
  'actions.lever.data-sobriety.prerequisites': 'Une cartographie des données et des responsables désignés.',
  'actions.lever.govern-and-measure.title': 'Piloter : référent, objectifs et mesure annuelle',
  'actions.lever.govern-and-measure.summary':
    'Un référent, des objectifs chiffrés et une mesure chaque année : ce qui est mesuré progresse.',
  'actions.lever.govern-and-measure.how':
    'Nommez un référent numérique responsable, mesurez l’empreinte chaque année avec la même méthode, fixez une trajectoire et rendez compte à la direction.',
  'actions.lever.govern-and-measure.gain':
    'Levier indirect : il donne le cadre dans lequel les autres leviers sont décidés et suivis.',
  'actions.lever.govern-and-measure.prerequisites': 'Le soutien de la direction.',
  'actions.tier.terminals': 'Terminaux',
  'actions.tier.network': 'Réseau',
  'actions.tier.datacenter': 'Centres de données',
  'actions.tier.cloud': 'Cloud',
  'actions.tier.transfer': 'Transfert de données',
  'actions.criterion.gwp': 'Changement climatique',
  'actions.criterion.adpe': 'Ressources minérales et métaux',
  'actions.criterion.wu': 'Eau',
  'actions.criterion.pe': 'Énergie primaire',
  'actions.criterion.ap': 'Acidification',
  'actions.criterion.pm': 'Particules fines',
  'actions.criterion.ir': 'Radiations ionisantes',
  'actions.effort.low': 'Effort faible',
  'actions.effort.medium': 'Effort moyen',
  'actions.effort.high': 'Effort important',
  'actions.status.todo': 'À faire',
  'actions.status.in_progress': 'En cours',
  'actions.status.done': 'Fait',
  'actions.status.dropped': 'Abandonné',
  'actions.origin.lever': 'Levier',
  'actions.origin.rgesn': 'Critère RGESN',
  'actions.origin.free': 'Action libre',
  'actions.list.title': 'Leviers d’action',
  'actions.list.intro':
    'Les leviers pour réduire l’empreinte environnementale du numérique de votre organisation, avec l’effort, le gain typique et les sources. Les leviers chiffrables se simulent sur votre propre inventaire.',
  'actions.list.filters': 'Filtrer les leviers',
  'actions.list.tier': 'Tiers',
  'actions.list.effort': 'Effort',
  'actions.list.dimension': 'Dimension de maturité',
  'actions.list.count': '{count, plural, one {# levier} other {# leviers}}',
  'actions.list.quantified': 'Simulable sur votre inventaire',
  'actions.list.none': 'Aucun levier ne correspond à ces filtres.',
  'actions.detail.how': 'Comment faire',
  'actions.detail.gain': 'Gain typique',
  'actions.detail.prerequisites': 'Prérequis',
  'actions.detail.tiers': 'Tiers',
  'actions.detail.criteria': 'Critères',
  'actions.detail.effort': 'Effort',
  'actions.detail.rgesn': 'Critères RGESN liés',
  'actions.detail.dimensions': 'Dimensions de maturité',
  'actions.detail.workshops': 'Ateliers sur ce thème',
  'actions.detail.workshopTheme': 'Ateliers : {theme}',
  'actions.detail.trainings': 'Formations',
  'actions.detail.trainingLink': 'Formations pour : {audience}',
  'actions.detail.sources': 'Sources',
  'actions.detail.simulate': 'Simuler ce levier sur l’inventaire de {org}',
  'actions.detail.notQuantified':
    'Ce levier n’est pas chiffré par le moteur : son effet passe par d’autres leviers ou se mesure d’une année sur l’autre.',
  'actions.detail.none': 'Aucun',
  'actions.detail.back': 'Tous les leviers',
  'actions.audience.buyers': 'acheteurs',
  'actions.audience.managers': 'managers',
  'actions.audience.ops': 'exploitation',
  'actions.audience.developers': 'développeurs',
  'actions.audience.designers': 'designers',
  'actions.audience.data': 'métiers de la donnée',
  'actions.audience.everyone': 'tous publics',
  'actions.theme.measurement': 'mesure',
  'actions.theme.ecodesign': 'écoconception',
  'actions.theme.purchasing': 'achats',
  'actions.theme.datacentres': 'centres de données et cloud',
  'actions.theme.strategy': 'stratégie',
  'actions.theme.training': 'formation',
  'actions.category.laptop': 'Ordinateurs portables',
  'actions.category.desktop': 'Ordinateurs fixes',
  'actions.category.monitor': 'Écrans',
  'actions.category.smartphone': 'Smartphones',
  'actions.category.tablet': 'Tablettes',
  'actions.category.tv': 'Téléviseurs',
  'actions.category.printer': 'Imprimantes',
  'actions.category.ip_phone': 'Téléphones IP',
  'actions.category.box': 'Box et routeurs',
  'actions.category.network_switch': 'Commutateurs',
  'actions.category.wifi_access_point': 'Bornes wifi',
  'actions.category.server': 'Serveurs',
  'actions.category.cloud_instance': 'Instances cloud',
  'actions.category.data_transfer': 'Transfert de données',
  'actions.category.external_hdd': 'Disques externes',
  'actions.category.external_ssd': 'SSD externes',
  'actions.category.usb_stick': 'Clés USB',
  'actions.sim.title': 'Simuler des leviers — {org}',
  'actions.sim.intro':
    'Choisissez des leviers et leurs paramètres : le moteur recalcule l’empreinte de votre inventaire {year}, levier par levier puis tous ensemble, sans double compte (les leviers s’appliquent l’un après l’autre aux mêmes lignes).',
  'actions.sim.steadyState':
    'La simulation compte la fabrication répartie sur la durée de vie (allocation amortie, sans date d’achat) : c’est l’effet durable d’un changement de pratique. La référence peut donc différer légèrement du résultat publié de l’année.',
  'actions.sim.year': 'Année de l’inventaire',
  'actions.sim.noInventory':
    'Aucun inventaire n’est disponible pour cette année : saisissez ou importez l’inventaire de l’organisation pour simuler des leviers.',
  'actions.sim.toFootprint': 'Aller à l’empreinte de l’organisation',
  'actions.sim.apply': 'Appliquer ce levier',
  'actions.sim.categories': 'Catégories concernées',
  'actions.sim.years': 'Nouvelle durée de vie (années)',
  'actions.sim.currentCycle':
    'Votre cycle de renouvellement actuel (années, facultatif : sinon la durée de vie de l’inventaire, ou celle de l’ADEME)',
  'actions.sim.sharePct': 'Part des unités (%)',
  'actions.sim.reductionPct': 'Réduction (%)',
  'actions.sim.refurbReductionPct': 'Impact de fabrication évité par unité reconditionnée (%)',
  'actions.sim.refurbReductionHint':
    'Laissez vide pour la valeur par défaut : 87 % pour les smartphones, 75 % pour les ordinateurs et tablettes (ADEME 2022).',
  'actions.sim.serverReductionPct': 'Serveurs retirés (%)',
  'actions.sim.pue': 'PUE visé',
  'actions.sim.provider': 'Fournisseur cloud',
  'actions.sim.region': 'Région visée',
  'actions.sim.regionHint': 'Identifiant de la région chez le fournisseur, par exemple eu-north-1 ou francecentral.',
  'actions.sim.hoursPct': 'Heures d’utilisation évitées (%)',
  'actions.sim.secondLife': 'Durée de la seconde vie (années)',
  'actions.sim.submit': 'Simuler',
  'actions.sim.results': 'Résultats',
  'actions.sim.combined': 'Tous les leviers ensemble',
  'actions.sim.baseline': 'Référence',
  'actions.sim.after': 'Après',
  'actions.sim.change': 'Variation',
  'actions.sim.range': 'Fourchette',
  'actions.sim.rangeValue': 'de {low} à {high}',
  'actions.sim.relative': 'Variation relative',
  'actions.sim.perLever': 'Effet de chaque levier seul',
  'actions.sim.perLeverNote':
    'Les effets séparés ne s’additionnent pas quand deux leviers touchent les mêmes lignes : seul le total combiné est sans double compte.',
  'actions.sim.lever': 'Levier',
  'actions.sim.criterion': 'Critère',
  'actions.sim.toPlan': 'Ajouter au plan d’action',
  'actions.sim.noLever': 'Activez au moins un levier pour voir son effet.',
  'actions.sim.noCategory': 'Aucune catégorie de l’inventaire ne se prête à ce levier.',
  'actions.sim.error.categories': 'Cochez au moins une catégorie d’équipements à laquelle appliquer ce levier.',
  'actions.sim.error.param':
    'Un paramètre de ce levier n’est pas valide : saisissez une valeur dans les limites indiquées.',
  'actions.sim.error.region':
    'La région « {region} » est inconnue pour {provider} : saisissez l’identifiant exact de la région chez ce fournisseur.',
  'actions.sim.factorSet': 'Jeu de facteurs : {id}.',
  'actions.plan.title': 'Plan d’action — {org}',
  'actions.plan.intro': 'Les actions de l’organisation, leur responsable, leur échéance et leur avancement.',
  'actions.plan.progress': 'Avancement',
  'actions.plan.progressText':
    '{done, plural, one {# action faite} other {# actions faites}} sur {total} (hors abandonnées)',
  'actions.plan.expected': 'Réduction attendue du plan',
  'actions.plan.expectedText':
    'Les actions issues de leviers (hors abandonnées), appliquées ensemble à l’inventaire {year} : {value} par an ({pct} de l’empreinte).',
  'actions.plan.expectedNone':
    'Aucune action issue d’un levier chiffré : ajoutez-en depuis la simulation pour estimer la réduction attendue.',
  'actions.plan.expectedStored':
    'Somme des réductions simulées à la création des actions : {value} par an. Sans inventaire récent, elles ne peuvent pas être recombinées ; la somme peut surestimer le total si des actions touchent les mêmes équipements.',
  'actions.plan.target': 'Trajectoire cible',
  'actions.plan.targetText':
    'Objectif : −{pct} % par an depuis {baseYear}, soit {targetValue} en {targetYear}. Dernière mesure ({year}) : {latest}. Réduction encore nécessaire : {needed}.',
  'actions.plan.targetCoverage': 'Le plan couvre {pct} de la réduction nécessaire.',
  'actions.plan.targetReached': 'La dernière mesure est déjà sous la cible.',
  'actions.plan.noTarget':
    'Aucune trajectoire cible n’est définie pour l’organisation : la réduction attendue est présentée seule.',
  'actions.plan.actions': 'Actions',
  'actions.plan.empty': 'Le plan ne contient encore aucune action.',
  'actions.plan.new': 'Nouvelle action',
  'actions.plan.simulate': 'Simuler des leviers',
  'actions.plan.col.action': 'Action',
  'actions.plan.col.owner': 'Responsable',
  'actions.plan.col.due': 'Échéance',
  'actions.plan.col.status': 'Statut',
  'actions.plan.col.kpi': 'Indicateur',
  'actions.plan.col.expected': 'Réduction simulée (GES)',
  'actions.plan.kpiText': '{current} / cible {target} {unit} (départ {baseline})',
  'actions.plan.noOwner': 'Non attribuée',
  'actions.plan.suggestions': 'Leviers suggérés',
  'actions.plan.suggestionsIntro':
    'Classés selon vos écarts : les tiers qui pèsent le plus dans votre dernière empreinte et vos dimensions de maturité les plus faibles.',
  'actions.plan.suggestionTier': '{tier} : {pct} de votre empreinte carbone',
  'actions.plan.suggestionDimension': 'Maturité « {dimension} » : niveau {score} sur 5',
  'actions.plan.suggestionsNone': 'Mesurez votre empreinte et évaluez votre maturité pour recevoir des suggestions.',
  'actions.plan.rgesnTodo': 'Critères RGESN non validés',
  'actions.plan.fromCriterion': 'Créer une action',
  'actions.form.newTitle': 'Nouvelle action — {org}',
  'actions.form.editTitle': 'Modifier l’action — {org}',
  'actions.form.title': 'Intitulé',
  'actions.form.description': 'Description',
  'actions.form.origin': 'Origine',
  'actions.form.lever': 'Levier du catalogue',
  'actions.form.rgesn': 'Numéro du critère RGESN',
  'actions.form.rgesnHint': 'Par exemple 4.3.',
  'actions.form.owner': 'Responsable',
  'actions.form.due': 'Échéance',
  'actions.form.dueHint': 'Au format AAAA-MM-JJ.',
  'actions.form.status': 'Statut',
  'actions.form.kpi': 'Indicateur de suivi',
  'actions.form.kpiBaseline': 'Valeur de départ',
  'actions.form.kpiTarget': 'Valeur cible',
  'actions.form.kpiCurrent': 'Valeur actuelle',
  'actions.form.kpiUnit': 'Unité',
  'actions.form.kpiUnitHint': 'Par exemple : années, %, kgCO2e.',
  'actions.form.evidence': 'Preuve',
  'actions.form.evidenceHint': 'Un texte ou un lien vers un document qui montre l’avancement.',
  'actions.form.expected': 'Réduction simulée enregistrée : {value} par an (inventaire {year}).',
  'actions.form.delete': 'Supprimer l’action',
  'actions.error.lever': 'Choisissez un levier du catalogue.',
  'actions.error.rgesn': 'Saisissez un numéro de critère RGESN sous la forme 4.3.',
  'actions.error.owner': 'Choisissez un membre de l’organisation comme responsable.',
  'actions.error.kpiTarget': 'Saisissez une valeur cible avec son unité, ou laissez l’indicateur vide.',
  'actions.flash.created': 'Action ajoutée au plan.',
  'actions.flash.deleted': 'Action supprimée.',
} as const;
