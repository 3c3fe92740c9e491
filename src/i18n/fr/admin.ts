/** French texts of the admin area (the primary language). Keys are prefixed `admin.`. */
export const admin = {} as const;
