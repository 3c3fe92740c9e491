/** French texts of the maturity area (the primary language). Keys are prefixed `maturity.`. */
export const maturity = {} as const;
