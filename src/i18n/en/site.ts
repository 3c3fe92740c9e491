import type { site as fr } from '../fr/site.js';

/** English texts of the public home page, site map and health. */
export const site = {
  'site.home.title': 'Home',
  'site.home.lead': 'Techcare brings together digital-sector companies and schools that have committed to cutting the environmental footprint of their products, services and teaching.',
  'site.home.why.title': 'Why this network',
  'site.home.why.text': 'Good will is not what is missing: data is, along with a shared and accessible way to measure, and training. The network pools all three.',
  'site.home.offer.title': 'What the network gives its members',
  'site.home.offer.manifesto': 'A manifesto, in a company version and a school version, and a public directory of signatories.',
  'site.home.offer.measure': 'A multi-criteria footprint of the information system, with an open method and open data.',
  'site.home.offer.maturity': 'A maturity self-assessment, the RGESN 2024 assessment of digital services, and simulated action plans.',
  'site.home.offer.workshops': 'At least one workshop a month run by the partners, suited to every maturity level.',
  'site.home.offer.training': 'A training catalogue mapped to the eco-responsible digital skills framework.',
  'site.home.offer.review': 'A public annual review of the network and a report for each member.',
  'site.home.cta.sign': 'Sign the manifesto',
  'site.home.cta.directory': 'See the signatories',
  'site.home.partners.title': 'The founding partners',
  'site.home.partners.more': 'Who the founding partners are',
  'site.home.demo.link': 'Browse the demonstration network',
  'site.home.demo.title': 'A demonstration network',
  'site.home.demo.text': 'This installation holds a demonstration network: fictional organisations, workshops, inventories and assessments, marked “demo”.',
  'site.sitemap.title': 'Site map',
  'site.sitemap.home': 'Home',
  'site.sitemap.signup': 'Create an account',
  'site.sitemap.login': 'Log in',
  'site.sitemap.methodology': 'Methodology',
} as const satisfies Record<keyof typeof fr, string>;
