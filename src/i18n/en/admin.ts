import type { admin as fr } from '../fr/admin.js';

/** English texts of the admin area: the same keys as the French file, enforced by `satisfies`. */
export const admin = {} as const satisfies Record<keyof typeof fr, string>;
