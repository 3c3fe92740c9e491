/** French texts of the review area (the primary language). Keys are prefixed `review.`. */
export const review = {} as const;
