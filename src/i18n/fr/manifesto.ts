/** French texts of the manifesto area (the primary language). Keys are prefixed `manifesto.`. */
export const manifesto = {} as const;
