import type { training as fr } from '../fr/training.js';

/** English texts of the training area: the same keys as the French file, enforced by `satisfies`. */
export const training = {} as const satisfies Record<keyof typeof fr, string>;
