import { z } from 'zod';

/** Kinds of resources (i18n `knowledge.kind.<id>`). */
export const resourceKinds = ['guide', 'method', 'tool', 'template', 'study', 'replay', 'material'] as const;
export type TResourceKind = (typeof resourceKinds)[number];

/** Themes a resource or a report is tagged with (i18n `knowledge.theme.<id>`). */
export const themes = [
  'devices',
  'ecodesign',
  'infrastructure',
  'cloud',
  'data-ai',
  'purchasing',
  'governance',
  'measurement',
  'training',
  'accessibility',
] as const;

/** Licences offered when publishing (i18n `knowledge.licence.<id>`); open licences first. */
export const licences = ['cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'etalab-2.0', 'mit', 'all-rights-reserved'] as const;

export const maturityLevelIds = [1, 2, 3, 4, 5] as const;

/** Uploaded files: at most this many bytes. */
export const maxUploadBytes = 10 * 1024 * 1024;

/** Accepted upload types by extension, with the MIME type sent back on download. */
export const uploadTypes = {
  pdf: 'application/pdf',
  odp: 'application/vnd.oasis.opendocument.presentation',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
export type TUploadType = keyof typeof uploadTypes;

/** A lever slug (the actions feature's catalogue when available, else any well-formed slug). */
export const ZSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'knowledge.form.slugInvalid')
  .max(80);
/** An RGESN criterion number such as "4.2". */
export const ZRgesn = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'knowledge.form.rgesnInvalid');
/** A month as YYYY-MM. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'knowledge.digest.monthInvalid');
