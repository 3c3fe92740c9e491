/** Tables of the training feature (filled in by that feature; see migrations/ for the schema). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrainingTables {}
