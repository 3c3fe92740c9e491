import type { actions as fr } from '../fr/actions.js';

/** English texts of the actions area: the same keys as the French file, enforced by `satisfies`. */
export const actions = {} as const satisfies Record<keyof typeof fr, string>;
