/** French texts of the accounts area (the primary language). Keys are prefixed `accounts.`. */
export const accounts = {} as const;
