import type { footprint as fr } from '../fr/footprint.js';

/** English texts of the footprint area: the same keys as the French file, enforced by `satisfies`. */
export const footprint = {} as const satisfies Record<keyof typeof fr, string>;
