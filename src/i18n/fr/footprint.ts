/** French texts of the footprint area (the primary language). Keys are prefixed `footprint.`. */
export const footprint = {} as const;
