/** French texts of the training area (the primary language). Keys are prefixed `training.`. */
export const training = {} as const;
