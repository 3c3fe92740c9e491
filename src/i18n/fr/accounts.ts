/** French texts of the accounts area (the primary language). Keys are prefixed `accounts.`. */
export const accounts = {
  'accounts.field.name': 'Nom et prénom',
  'accounts.field.email': 'Adresse électronique',
  'accounts.field.password': 'Mot de passe',
  'accounts.field.newPassword': 'Nouveau mot de passe',
  'accounts.field.passwordHint':
    'Au moins 12 caractères. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
  'accounts.field.locale': 'Langue de l’interface et des messages',
  'accounts.field.digest': 'Recevoir la lettre de synthèse du réseau par courriel',
  'accounts.error.passwordTooShort': 'Le mot de passe doit contenir au moins {min} caractères.',
  'accounts.signup.title': 'Créer un compte',
  'accounts.signup.intro':
    'Un compte permet de créer ou de rejoindre une organisation, de signer le manifeste et d’utiliser les outils du réseau.',
  'accounts.signup.submit': 'Créer mon compte',
  'accounts.signup.haveAccount': 'Déjà inscrit ?',
  'accounts.signup.sentTitle': 'Vérifiez votre messagerie',
  'accounts.signup.sentText':
    'Si cette adresse peut être utilisée, un courriel vient de lui être envoyé avec un lien pour confirmer votre adresse. Le lien reste valable 7 jours.',
  'accounts.confirm.title': 'Confirmer votre adresse',
  'accounts.confirm.text': 'Cliquez sur le bouton pour confirmer votre adresse électronique et ouvrir votre session.',
  'accounts.confirm.submit': 'Confirmer mon adresse',
  'accounts.link.invalidTitle': 'Lien invalide ou expiré',
  'accounts.link.invalidText': 'Ce lien a déjà servi, a expiré ou n’existe pas. Demandez-en un nouveau.',
  'accounts.login.title': 'Se connecter',
  'accounts.login.submit': 'Se connecter',
  'accounts.login.failed':
    'Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie ou réinitialisez votre mot de passe.',
  'accounts.login.wait':
    'Trop d’essais récents pour ce compte ou depuis cette adresse. Réessayez dans {minutes} min ; depuis un navigateur où vous vous êtes déjà connecté, votre mot de passe reste accepté.',
  'accounts.login.unconfirmed':
    'Confirmez d’abord votre adresse électronique : nous venons de vous renvoyer le lien de confirmation.',
  'accounts.forgot.link': 'Mot de passe oublié ?',
  'accounts.forgot.title': 'Mot de passe oublié',
  'accounts.forgot.intro':
    'Saisissez l’adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.',
  'accounts.forgot.submit': 'Envoyer le lien',
  'accounts.forgot.sentTitle': 'Demande enregistrée',
  'accounts.forgot.sentText':
    'Si un compte existe à cette adresse, un courriel contenant un lien de réinitialisation vient d’être envoyé. Le lien reste valable une heure.',
  'accounts.reset.title': 'Choisir un nouveau mot de passe',
  'accounts.reset.submit': 'Enregistrer le mot de passe',
  'accounts.account.title': 'Mon compte',
  'accounts.account.settings': 'Profil et préférences',
  'accounts.unconfirmed.text':
    'Votre adresse électronique n’est pas encore confirmée. Tant qu’elle ne l’est pas, vous ne pouvez ni créer d’organisation ni signer le manifeste. Ouvrez le lien reçu par courriel, ou demandez un nouveau lien.',
  'accounts.unconfirmed.resend': 'Renvoyer le lien de confirmation',
  'accounts.tokens.title': 'Jetons d’accès à l’API',
  'accounts.tokens.intro':
    'Un jeton personnel permet à un script d’utiliser l’API JSON en votre nom (en-tête Authorization: Bearer).',
  'accounts.tokens.name': 'Nom du jeton',
  'accounts.tokens.nameHint': 'Pour le reconnaître plus tard, par exemple « script d’inventaire ».',
  'accounts.tokens.create': 'Créer un jeton',
  'accounts.tokens.created': 'Voici votre nouveau jeton. Copiez-le maintenant : il ne sera plus jamais affiché.',
  'accounts.tokens.createdAt': 'Créé le',
  'accounts.tokens.lastUsed': 'Dernière utilisation',
  'accounts.tokens.state': 'État',
  'accounts.tokens.revoke': 'Révoquer',
  'accounts.tokens.revoked': 'Révoqué',
  'accounts.tokens.none': 'Aucun jeton pour l’instant.',
  'accounts.password.title': 'Mot de passe',
  'accounts.password.hint':
    'Changer de mot de passe ferme toutes vos autres sessions, sur tous les appareils, et annule les liens de réinitialisation en cours.',
  'accounts.password.current': 'Mot de passe actuel',
  'accounts.password.new': 'Nouveau mot de passe (12 caractères au moins)',
  'accounts.password.submit': 'Changer le mot de passe',
  'accounts.password.wrong': 'Le mot de passe actuel est incorrect.',
  'accounts.flash.passwordChanged': 'Votre mot de passe est changé ; vos autres sessions sont fermées.',
  'accounts.flash.confirmed': 'Votre adresse est confirmée. Bienvenue !',
  'accounts.flash.loggedOut': 'Vous êtes déconnecté.',
  'accounts.flash.passwordReset': 'Votre mot de passe a été changé. Connectez-vous avec le nouveau.',
  'accounts.flash.tokenRevoked': 'Le jeton est révoqué.',
  'accounts.flash.confirmationSent': 'Un nouveau lien de confirmation vient d’être envoyé.',
  'accounts.flash.confirmationNotSent':
    'Aucun lien envoyé : votre adresse est déjà confirmée, ou trop de liens ont été demandés dans l’heure.',
  'accounts.mail.confirm.subject': 'Confirmez votre adresse sur Techcare',
  'accounts.mail.confirm.body':
    'Bonjour {name},\n\nPour confirmer votre adresse et activer votre compte Techcare, ouvrez ce lien (valable 7 jours) :\n{link}\n\nSi vous n’avez pas créé de compte, ignorez ce message.\n\n{signature}',
  'accounts.mail.exists.subject': 'Tentative d’inscription avec votre adresse',
  'accounts.mail.exists.body':
    'Bonjour {name},\n\nQuelqu’un a voulu créer un compte Techcare avec votre adresse, qui en possède déjà un. Si c’était vous, connectez-vous : {login}\nMot de passe oublié : {forgot}\n\nSinon, ignorez ce message.\n\n{signature}',
  'accounts.mail.reset.subject': 'Réinitialisation de votre mot de passe Techcare',
  'accounts.mail.reset.body':
    'Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\n{signature}',
  'accounts.signup.digest':
    'Recevoir la lettre mensuelle du réseau (ateliers à venir, nouvelles formations, offres et ressources) ; désinscription en un clic dans chaque lettre',
} as const;
