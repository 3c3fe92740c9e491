import type { directory as fr } from '../fr/directory.js';

/** English texts of the directory area: the same keys as the French file, enforced by `satisfies`. */
export const directory = {} as const satisfies Record<keyof typeof fr, string>;
