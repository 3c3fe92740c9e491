import type { manifesto as fr } from '../fr/manifesto.js';

/** English texts of the manifesto area: the same keys as the French file, enforced by `satisfies`. */
export const manifesto = {} as const satisfies Record<keyof typeof fr, string>;
