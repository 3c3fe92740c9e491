import type { review as fr } from '../fr/review.js';

/** English texts of the review area: the same keys as the French file, enforced by `satisfies`. */
export const review = {} as const satisfies Record<keyof typeof fr, string>;
