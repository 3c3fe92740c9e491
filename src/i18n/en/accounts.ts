import type { accounts as fr } from '../fr/accounts.js';

/** English texts of the accounts area: the same keys as the French file, enforced by `satisfies`. */
export const accounts = {} as const satisfies Record<keyof typeof fr, string>;
