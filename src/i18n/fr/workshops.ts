/** French texts of the workshops area (the primary language). Keys are prefixed `workshops.`. */
export const workshops = {} as const;
