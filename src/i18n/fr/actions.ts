/** French texts of the actions area (the primary language). Keys are prefixed `actions.`. */
export const actions = {} as const;
