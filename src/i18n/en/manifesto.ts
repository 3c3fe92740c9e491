import type { manifesto as fr } from '../fr/manifesto.js';

/** English texts of the manifesto area: the same keys as the French file, enforced by `satisfies`. */
export const manifesto = {
  'manifesto.title': 'The manifesto',
  'manifesto.lead':
    'The network’s organisations sign a manifesto: one version for companies, one for schools. Every signature is public, dated and tied to the exact version of the text signed.',
  'manifesto.versionLabel': 'Version {version}',
  'manifesto.how.title': 'How to sign',
  'manifesto.how.text':
    'Create an account, confirm your address, describe your organisation, then sign on its behalf. The network team checks the signature before showing it in the directory.',
  'manifesto.how.cta': 'Sign on behalf of my organisation',
  'manifesto.text.2026-1.company.title': 'Manifesto for digital-sector companies',
  'manifesto.text.2026-1.company.intro':
    'Digital technology uses resources, energy and water, above all to manufacture equipment. By signing this text, our organisation publicly commits to:',
  'manifesto.text.2026-1.company.c1':
    'measure the environmental footprint of our digital products and services, on several criteria and with an open method, then reduce it year after year through a monitored action plan;',
  'manifesto.text.2026-1.company.c2':
    'train our people, from management to purchasing, design, development and operations, in the environmental impacts of digital technology and the ways to act;',
  'manifesto.text.2026-1.company.c3':
    'share our practices, measurements and lessons learnt, successes and failures alike, with the network’s other members.',
  'manifesto.text.2026-1.school.title': 'Manifesto for schools and higher education',
  'manifesto.text.2026-1.school.intro':
    'The people we train will design, buy and run tomorrow’s digital technology. By signing this text, our institution publicly commits to:',
  'manifesto.text.2026-1.school.c1':
    'teach in our curricula the environmental impacts of digital technology, over the whole life cycle of equipment and services, and the levers to reduce them;',
  'manifesto.text.2026-1.school.c2':
    'train our teaching and administrative staff in these issues, so that they bring them into their courses and into how the institution runs.',
  'manifesto.sign.title': 'Sign the manifesto',
  'manifesto.sign.submit': 'Sign the manifesto',
  'manifesto.sign.pending':
    'A signature is already awaiting validation by the network team. You will get an email as soon as it is reviewed.',
  'manifesto.sign.alreadySigned':
    'Your organisation has already signed this version of the manifesto. You can sign the next version once it is published.',
  'manifesto.field.signerName': 'Name of the person signing',
  'manifesto.field.signerRole': 'Position of the person signing',
  'manifesto.field.signerRoleHint': 'For example: chief executive, chief information officer.',
  'manifesto.field.commitment': 'I am authorised to commit {organisation} and I sign this text on its behalf.',
  'manifesto.error.commitment': 'Tick the box to confirm you can commit the organisation.',
  'manifesto.flash.signed': 'Thank you! The signature is recorded and awaits validation by the network team.',
  'manifesto.mail.validated.subject': 'Manifesto signature validated for {organisation}',
  'manifesto.mail.validated.body':
    'Hello {name},\n\nThe manifesto signature of {organisation} is validated. The organisation now appears in the public directory of signatories:\n{link}\n\n{signature}',
  'manifesto.mail.rejected.subject': 'Manifesto signature rejected for {organisation}',
  'manifesto.mail.rejected.body':
    'Hello {name},\n\nThe manifesto signature of {organisation} was not validated, for this reason:\n{reason}\n\nYou may correct the organisation’s profile and sign again:\n{link}\n\n{signature}',
  'manifesto.mail.pending.subject': 'Manifesto signature to validate: {organisation}',
  'manifesto.mail.pending.body':
    'Hello,\n\n{organisation} has just signed the manifesto. The signature awaits your validation:\n{link}\n\n{signature}',
} as const satisfies Record<keyof typeof fr, string>;
