/** French texts of the public home page, site map and health. */
export const site = {
  'site.home.title': 'Accueil',
  'site.home.lead':
    'Techcare rassemble des entreprises et des écoles du numérique qui se sont engagées à réduire l’empreinte environnementale de leurs produits, de leurs services et de leurs enseignements.',
  'site.home.why.title': 'Pourquoi ce réseau',
  'site.home.why.text':
    'Ce qui freine l’action, ce n’est pas la bonne volonté : c’est le manque de données, l’absence d’une méthode de mesure partagée et accessible, et le manque de formation. Le réseau met en commun les trois.',
  'site.home.offer.title': 'Ce que le réseau apporte à ses membres',
  'site.home.offer.manifesto':
    'Un manifeste, en version entreprise et en version école, et un annuaire public des signataires.',
  'site.home.offer.measure':
    'Une mesure de l’empreinte multicritère du système d’information, avec une méthode et des données ouvertes.',
  'site.home.offer.maturity':
    'Une autoévaluation de maturité, l’évaluation RGESN 2024 des services et des plans d’action simulés.',
  'site.home.offer.workshops':
    'Au moins un atelier par mois animé par les partenaires, adapté à chaque niveau de maturité.',
  'site.home.offer.training':
    'Un catalogue de formations relié au référentiel de compétences du numérique écoresponsable.',
  'site.home.offer.review': 'Un bilan annuel public du réseau et un rapport pour chaque membre.',
  'site.home.cta.sign': 'Signer le manifeste',
  'site.home.cta.directory': 'Voir les signataires',
  'site.home.partners.title': 'Les partenaires fondateurs',
  'site.home.partners.more': 'Qui sont les partenaires fondateurs',
  'site.home.demo.link': 'Parcourir le réseau de démonstration',
  'site.home.demo.title': 'Un réseau de démonstration',
  'site.home.demo.text':
    'Cette installation contient un réseau de démonstration : organisations, ateliers, inventaires et évaluations fictifs, signalés par la mention « démo ».',
  'site.sitemap.title': 'Plan du site',
  'site.sitemap.home': 'Accueil',
  'site.sitemap.signup': 'Créer un compte',
  'site.sitemap.login': 'Se connecter',
  'site.sitemap.methodology': 'Méthodologie',
  'site.api.title': 'API pour les développeurs',
  'site.api.lead':
    'Techcare publie une API JSON sous /api/v1 : annuaire des signataires, ateliers, formations, ressources, leviers, bilan annuel, et, pour les membres, l’inventaire et l’empreinte de leur organisation et leurs évaluations. Cette page explique les règles communes à toutes les opérations.',
  'site.api.openapi': 'Description complète des opérations (OpenAPI 3.1, /api/v1/openapi.json)',
  'site.api.auth.title': 'Authentification',
  'site.api.auth.text':
    'Les lectures publiques se font sans authentification. Les autres opérations demandent un jeton personnel, créé sur la page « Mon compte » (ou avec la commande techcare token create) et envoyé dans l’en-tête Authorization. L’API ne lit jamais les cookies du site.',
  'site.api.auth.errors':
    'Sans jeton, une opération réservée répond 401 (code unauthenticated) ; un jeton inconnu, révoqué ou d’un compte désactivé répond 401 (code invalid_token) ; un jeton valide sans les droits nécessaires répond 403 (code forbidden).',
  'site.api.casing.title': 'Noms des propriétés',
  'site.api.casing.text':
    'Toutes les propriétés JSON et tous les paramètres de requête de /api/v1 sont en snake_case (factor_set, by_category, per_page), comme les colonnes des fichiers d’inventaire. Seule la sortie --format json de la ligne de commande garde ses noms en camelCase, son contrat documenté.',
  'site.api.pagination.title': 'Pagination',
  'site.api.pagination.text':
    'Chaque liste est paginée. Les liens vers les autres pages et le nombre total d’éléments sont donnés dans les en-têtes de la réponse :',
  'site.api.pagination.page': 'numéro de la page, à partir de 1 (1 par défaut) ;',
  'site.api.pagination.perPage': 'nombre d’éléments par page, de 1 à 100 (20 par défaut) ;',
  'site.api.pagination.link':
    'liens vers la première, la dernière, la précédente et la suivante (rel="first", "last", "prev", "next", RFC 8288) ;',
  'site.api.pagination.total': 'nombre d’éléments de toute la liste.',
  'site.api.errors.title': 'Erreurs',
  'site.api.errors.text':
    'Une erreur répond avec le statut HTTP qui convient et un objet « problem details » (RFC 9457), de type application/problem+json :',
  'site.api.errors.type':
    'l’adresse qui nomme le problème, {base} suivi du code ; ouverte dans un navigateur, elle mène à son explication ci-dessous ;',
  'site.api.errors.members':
    'le statut en quelques mots, le statut HTTP, ce qui s’est passé pour cette requête (en anglais) et le chemin de la requête ;',
  'site.api.errors.code': 'un code stable, à utiliser dans vos programmes ;',
  'site.api.errors.fields':
    'la liste des champs refusés : field (le champ, le paramètre ou la colonne du fichier), message, et line pour une ligne de fichier ;',
  'site.api.errors.legacy':
    'le même code, le message et les détails sous la forme des premières versions de l’API, conservée pour les clients existants.',
  'site.api.errors.example': 'Exemple : un inventaire dont la ligne 3 a une catégorie inconnue n’est pas enregistré.',
  'site.api.problems.title': 'Codes de problème courants',
  'site.api.problems.others':
    'Les opérations ont aussi des codes propres (registration_closed, workshop_cancelled, too_many_invitations…) : ils sont décrits avec chaque opération dans la description OpenAPI.',
  'site.api.problem.invalid_input':
    'un paramètre ou le corps de la requête est invalide ; errors dit lequel et pourquoi.',
  'site.api.problem.unauthenticated': 'l’opération demande un jeton et la requête n’en a pas.',
  'site.api.problem.invalid_token': 'le jeton est mal formé, inconnu, révoqué, ou son compte est désactivé.',
  'site.api.problem.forbidden':
    'le jeton est valide mais son compte n’a pas accès à cette ressource (par exemple une organisation dont il n’est pas membre).',
  'site.api.problem.not_found': 'la ressource n’existe pas, ou n’est pas visible pour ce jeton.',
  'site.api.problem.already_registered':
    'la personne est déjà inscrite à cet atelier ; les autres conflits avec l’état présent répondent aussi 409, avec leur propre code.',
  'site.api.problem.payload_too_large': 'le corps ou le fichier dépasse la taille permise ; découpez l’envoi.',
  'site.api.problem.unsupported_media_type':
    'le type de contenu n’est pas accepté ; envoyez du JSON ou un fichier en multipart/form-data.',
  'site.api.problem.invalid_inventory':
    'l’inventaire a des lignes en erreur ; rien n’a été enregistré. Chaque erreur donne la ligne, la colonne et la correction.',
  'site.api.problem.internal':
    'une erreur inattendue est survenue ; rien n’est divulgué, l’erreur est journalisée. Réessayez plus tard.',
} as const;
