import type { maturity as fr } from '../fr/maturity.js';

/** English texts of the maturity area: the same keys as the French file, enforced by `satisfies`. */
export const maturity = {} as const satisfies Record<keyof typeof fr, string>;
