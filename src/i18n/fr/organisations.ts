/** French texts of the organisations area (the primary language). Keys are prefixed `organisations.`. */
export const organisations = {} as const;
