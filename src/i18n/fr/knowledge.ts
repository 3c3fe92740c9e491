/** French texts of the knowledge area (the primary language). Keys are prefixed `knowledge.`. */
export const knowledge = {} as const;
