/** French texts of the directory area (the primary language). Keys are prefixed `directory.`. */
export const directory = {} as const;
