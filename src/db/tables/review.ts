/** Tables of the review feature (filled in by that feature; see migrations/ for the schema). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReviewTables {}
