/**
 * The closed lists of the catalogue. Values are stable codes (stored, exported, used in CSV and the API); labels
 * come from i18n keys `training.<list>.<code>`.
 */
export const trainingKinds = [
  'module',
  'programme',
  'mooc',
  'serious_game',
  'teaching_kit',
  'workshop_format',
] as const;
export const audiences = [
  'students',
  'teachers',
  'developers',
  'designers',
  'data',
  'ops',
  'buyers',
  'managers',
  'everyone',
] as const;
export const educationLevels = ['secondary', 'bachelor', 'master', 'doctorate', 'continuing', 'any'] as const;
export const trainingFormats = ['online', 'on_site', 'hybrid'] as const;
export const trainingLanguages = ['fr', 'en', 'de', 'es', 'it'] as const;
export const licences = [
  'cc-by',
  'cc-by-sa',
  'cc0',
  'lo-2.0',
  'cc-by-nc',
  'cc-by-nc-sa',
  'cc-by-nd',
  'proprietary',
  'other',
] as const;
/**
 * Open licences in the sense of the Open Definition (reuse and modification allowed, commercial use included):
 * CC BY, CC BY-SA, CC0 and the French Licence Ouverte 2.0. NC and ND variants are not open.
 */
export const openLicences: readonly TLicence[] = ['cc-by', 'cc-by-sa', 'cc0', 'lo-2.0'];
export const offerKinds = ['internship', 'apprenticeship'] as const;

export type TTrainingKind = (typeof trainingKinds)[number];
export type TAudience = (typeof audiences)[number];
export type TEducationLevel = (typeof educationLevels)[number];
export type TTrainingFormat = (typeof trainingFormats)[number];
export type TTrainingLanguage = (typeof trainingLanguages)[number];
export type TLicence = (typeof licences)[number];
export type TOfferKind = (typeof offerKinds)[number];

/** Organisation kinds whose members publish trainings. */
export const publisherKinds = ['school', 'partner', 'expert'] as const;

export function isOpenLicence(licence: string): boolean {
  return (openLicences as readonly string[]).includes(licence);
}

/** Folds text for accent-insensitive search: lower case, accents removed, spaces collapsed. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
