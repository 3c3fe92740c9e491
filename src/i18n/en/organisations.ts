import type { organisations as fr } from '../fr/organisations.js';

/** English texts of the organisations area: the same keys as the French file, enforced by `satisfies`. */
export const organisations = {} as const satisfies Record<keyof typeof fr, string>;
