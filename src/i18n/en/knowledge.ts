import type { knowledge as fr } from '../fr/knowledge.js';

/** English texts of the knowledge area: the same keys as the French file, enforced by `satisfies`. */
export const knowledge = {} as const satisfies Record<keyof typeof fr, string>;
