import type { accounts as fr } from '../fr/accounts.js';

/** English texts of the accounts area: the same keys as the French file, enforced by `satisfies`. */
export const accounts = {
  'accounts.field.name': 'Full name',
  'accounts.field.email': 'Email address',
  'accounts.field.password': 'Password',
  'accounts.field.newPassword': 'New password',
  'accounts.field.passwordHint': 'At least 12 characters. A phrase of several words is safer and easier to remember.',
  'accounts.field.locale': 'Language of the interface and of messages',
  'accounts.field.digest': 'Receive the network’s digest by email',
  'accounts.error.passwordTooShort': 'The password must be at least {min} characters long.',
  'accounts.signup.title': 'Create an account',
  'accounts.signup.intro':
    'An account lets you create or join an organisation, sign the manifesto and use the network’s tools.',
  'accounts.signup.submit': 'Create my account',
  'accounts.signup.haveAccount': 'Already registered?',
  'accounts.signup.sentTitle': 'Check your mailbox',
  'accounts.signup.sentText':
    'If this address can be used, an email has just been sent to it with a link to confirm your address. The link stays valid for 7 days.',
  'accounts.confirm.title': 'Confirm your address',
  'accounts.confirm.text': 'Press the button to confirm your email address and log in.',
  'accounts.confirm.submit': 'Confirm my address',
  'accounts.link.invalidTitle': 'Invalid or expired link',
  'accounts.link.invalidText': 'This link has already been used, has expired or does not exist. Ask for a new one.',
  'accounts.login.title': 'Log in',
  'accounts.login.submit': 'Log in',
  'accounts.login.failed': 'Wrong email address or password. Check what you typed or reset your password.',
  'accounts.login.wait':
    'Too many recent attempts for this account or from this address. Try again in {minutes} min; from a browser where you already logged in, your password is still accepted.',
  'accounts.login.unconfirmed': 'Confirm your email address first: we have just sent the confirmation link again.',
  'accounts.forgot.link': 'Forgotten password?',
  'accounts.forgot.title': 'Forgotten password',
  'accounts.forgot.intro': 'Enter your account’s address: we will send it a link to choose a new password.',
  'accounts.forgot.submit': 'Send the link',
  'accounts.forgot.sentTitle': 'Request received',
  'accounts.forgot.sentText':
    'If an account exists at this address, an email with a reset link has just been sent. The link stays valid for one hour.',
  'accounts.reset.title': 'Choose a new password',
  'accounts.reset.submit': 'Save the password',
  'accounts.account.title': 'My account',
  'accounts.account.settings': 'Profile and preferences',
  'accounts.unconfirmed.text':
    'Your email address is not confirmed yet. Until it is, you can neither create an organisation nor sign the manifesto. Open the link you received by email, or ask for a new one.',
  'accounts.unconfirmed.resend': 'Send the confirmation link again',
  'accounts.tokens.title': 'API access tokens',
  'accounts.tokens.intro':
    'A personal token lets a script use the JSON API on your behalf (header Authorization: Bearer).',
  'accounts.tokens.name': 'Token name',
  'accounts.tokens.nameHint': 'To recognise it later, for example “inventory script”.',
  'accounts.tokens.create': 'Create a token',
  'accounts.tokens.created': 'Here is your new token. Copy it now: it will never be shown again.',
  'accounts.tokens.createdAt': 'Created on',
  'accounts.tokens.lastUsed': 'Last used',
  'accounts.tokens.state': 'State',
  'accounts.tokens.revoke': 'Revoke',
  'accounts.tokens.revoked': 'Revoked',
  'accounts.tokens.none': 'No token yet.',
  'accounts.password.title': 'Password',
  'accounts.password.hint':
    'Changing your password ends all your other sessions, on every device, and cancels pending reset links.',
  'accounts.password.current': 'Current password',
  'accounts.password.new': 'New password (at least 12 characters)',
  'accounts.password.submit': 'Change password',
  'accounts.password.wrong': 'The current password is wrong.',
  'accounts.flash.passwordChanged': 'Your password is changed; your other sessions are closed.',
  'accounts.flash.confirmed': 'Your address is confirmed. Welcome!',
  'accounts.flash.loggedOut': 'You are logged out.',
  'accounts.flash.passwordReset': 'Your password has been changed. Log in with the new one.',
  'accounts.flash.tokenRevoked': 'The token is revoked.',
  'accounts.flash.confirmationSent': 'A new confirmation link has just been sent.',
  'accounts.flash.confirmationNotSent':
    'No link sent: your address is already confirmed, or too many links were requested within the hour.',
  'accounts.mail.confirm.subject': 'Confirm your address on Techcare',
  'accounts.mail.confirm.body':
    'Hello {name},\n\nTo confirm your address and activate your Techcare account, open this link (valid for 7 days):\n{link}\n\nIf you did not create an account, ignore this message.\n\n{signature}',
  'accounts.mail.exists.subject': 'Sign-up attempt with your address',
  'accounts.mail.exists.body':
    'Hello {name},\n\nSomeone tried to create a Techcare account with your address, which already has one. If it was you, log in: {login}\nForgotten password: {forgot}\n\nOtherwise, ignore this message.\n\n{signature}',
  'accounts.mail.reset.subject': 'Resetting your Techcare password',
  'accounts.mail.reset.body':
    'Hello {name},\n\nTo choose a new password, open this link (valid for one hour):\n{link}\n\nIf you asked for nothing, ignore this message: your password stays unchanged.\n\n{signature}',
  'accounts.signup.digest':
    'Receive the network’s monthly digest (upcoming workshops, new trainings, offers and resources); one-click unsubscribe in every issue',
} as const satisfies Record<keyof typeof fr, string>;
