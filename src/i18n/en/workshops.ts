import type { workshops as fr } from '../fr/workshops.js';

/** English texts of the workshops area: the same keys as the French file, enforced by `satisfies`. */
export const workshops = {} as const satisfies Record<keyof typeof fr, string>;
