import type { site as fr } from '../fr/site.js';

/** English texts of the public home page, site map and health. */
export const site = {
  'site.home.title': 'Home',
  'site.home.lead':
    'Techcare brings together digital-sector companies and schools that have committed to cutting the environmental footprint of their products, services and teaching.',
  'site.home.why.title': 'Why this network',
  'site.home.why.text':
    'Good will is not what is missing: data is, along with a shared and accessible way to measure, and training. The network pools all three.',
  'site.home.offer.title': 'What the network gives its members',
  'site.home.offer.manifesto':
    'A manifesto, in a company version and a school version, and a public directory of signatories.',
  'site.home.offer.measure': 'A multi-criteria footprint of the information system, with an open method and open data.',
  'site.home.offer.maturity':
    'A maturity self-assessment, the RGESN 2024 assessment of digital services, and simulated action plans.',
  'site.home.offer.workshops': 'At least one workshop a month run by the partners, suited to every maturity level.',
  'site.home.offer.training': 'A training catalogue mapped to the eco-responsible digital skills framework.',
  'site.home.offer.review': 'A public annual review of the network and a report for each member.',
  'site.home.cta.sign': 'Sign the manifesto',
  'site.home.cta.directory': 'See the signatories',
  'site.home.partners.title': 'The founding partners',
  'site.home.partners.more': 'Who the founding partners are',
  'site.home.demo.link': 'Browse the demonstration network',
  'site.home.demo.title': 'A demonstration network',
  'site.home.demo.text':
    'This installation holds a demonstration network: fictional organisations, workshops, inventories and assessments, marked “demo”.',
  'site.sitemap.title': 'Site map',
  'site.sitemap.home': 'Home',
  'site.sitemap.signup': 'Create an account',
  'site.sitemap.login': 'Log in',
  'site.sitemap.methodology': 'Methodology',
  'site.api.title': 'API for developers',
  'site.api.lead':
    'Techcare publishes a JSON API under /api/v1: the directory of signatories, workshops, trainings, resources, levers, the annual review and, for members, their organisation’s inventory, footprint and assessments. This page explains the rules every operation follows.',
  'site.api.openapi': 'Full description of the operations (OpenAPI 3.1, /api/v1/openapi.json)',
  'site.api.auth.title': 'Authentication',
  'site.api.auth.text':
    'Public reads need no authentication. The other operations need a personal token, created on the “My account” page (or with the command techcare token create) and sent in the Authorization header. The API never reads the site’s cookies.',
  'site.api.auth.errors':
    'Without a token, a restricted operation answers 401 (code unauthenticated); an unknown or revoked token, or one of a disabled account, answers 401 (code invalid_token); a valid token without the needed rights answers 403 (code forbidden).',
  'site.api.casing.title': 'Property names',
  'site.api.casing.text':
    'Every JSON property and every query parameter of /api/v1 is snake_case (factor_set, by_category, per_page), like the columns of inventory files. Only the command line’s --format json output keeps its camelCase names, its documented contract.',
  'site.api.pagination.title': 'Pagination',
  'site.api.pagination.text':
    'Every list is paginated. The links to the other pages and the total number of items are in the response headers:',
  'site.api.pagination.page': 'the page number, from 1 (default 1);',
  'site.api.pagination.perPage': 'items per page, from 1 to 100 (default 20);',
  'site.api.pagination.link':
    'links to the first, last, previous and next pages (rel="first", "last", "prev", "next", RFC 8288);',
  'site.api.pagination.total': 'the number of items in the whole list.',
  'site.api.errors.title': 'Errors',
  'site.api.errors.text':
    'An error answers with the fitting HTTP status and a problem details object (RFC 9457), of type application/problem+json:',
  'site.api.errors.type':
    'the address naming the problem, {base} followed by the code; opened in a browser, it leads to its explanation below;',
  'site.api.errors.members':
    'the status in a few words, the HTTP status, what went wrong in this request (in English) and the request path;',
  'site.api.errors.code': 'a stable code for your programs to test;',
  'site.api.errors.fields':
    'the list of refused fields: field (the field, parameter or file column), message, and line for a line of a file;',
  'site.api.errors.legacy':
    'the same code, message and details in the form of the API’s first versions, kept for existing clients.',
  'site.api.errors.example': 'Example: an inventory whose line 3 has an unknown category is not saved.',
  'site.api.problems.title': 'Common problem codes',
  'site.api.problems.others':
    'Operations also have codes of their own (registration_closed, workshop_cancelled, too_many_invitations…): they are described with each operation in the OpenAPI description.',
  'site.api.problem.invalid_input': 'a parameter or the request body is invalid; errors says which and why.',
  'site.api.problem.unauthenticated': 'the operation needs a token and the request has none.',
  'site.api.problem.invalid_token': 'the token is malformed, unknown or revoked, or its account is disabled.',
  'site.api.problem.forbidden':
    'the token is valid but its account may not access this resource (for example an organisation it is not a member of).',
  'site.api.problem.not_found': 'the resource does not exist, or is not visible to this token.',
  'site.api.problem.already_registered':
    'the person is already registered for this workshop; other conflicts with the current state also answer 409, with their own code.',
  'site.api.problem.payload_too_large': 'the body or the file is larger than allowed; split what you send.',
  'site.api.problem.unsupported_media_type':
    'the content type is not accepted; send JSON, or a file as multipart/form-data.',
  'site.api.problem.invalid_inventory':
    'the inventory has lines in error; nothing was saved. Each error gives the line, the column and the fix.',
  'site.api.problem.internal':
    'something unexpected went wrong; nothing is disclosed and the error is logged. Try again later.',
} as const satisfies Record<keyof typeof fr, string>;
