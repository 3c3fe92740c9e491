/**
 * The disclosure rules of the review and the benchmark, in one place so pages, exports and the API apply the same:
 *
 * 1. Minimum group: no figure about members' private data (footprints, maturity, benchmark percentiles, mean
 *    ratings) is shown for fewer than `MIN_GROUP` organisations (or, for ratings, `MIN_GROUP` answers).
 * 2. Percentiles only: the benchmark shows the 25th, 50th and 75th percentiles, interpolated, rounded to two
 *    significant digits; never a minimum, maximum or mean of a peer group.
 * 3. One group per figure: for each benchmark figure a member sees one peer group only (the narrowest with enough
 *    values: sector and size, then sector, then size, then the whole network) and is told which. The group never
 *    includes the member itself, and needs MIN_GROUP values from *other* members: the viewer's own value cannot be
 *    used to pin down the others' (with five values including its own, the three percentiles would be three of
 *    the four others' values).
 * 4. No differencing: a sum over a sub-sample is published only when its complement is empty or has at least
 *    `MIN_GROUP` members; so the year's total minus the same-sample total never isolates one or a few members.
 *    The same-sample comparison is withheld otherwise, in the pages, the JSON, the CSV and the API alike.
 *    Percentiles resist differencing between overlapping groups (unlike sums or means), which is why the benchmark
 *    shows nothing else; the only sums published (footprint totals) are covered by the complement rule above.
 *    Known limit: two consecutive years' public distributions (maturity levels, footprint totals) are different
 *    samples and are not checked against each other; a year in which a single member joins and nobody else
 *    changes could, in theory, be compared with the year before.
 * 5. Private values of a member (its own footprint, level, head-count) appear only on its own report, which only
 *    its members and administrators can open, and on its directory page when it chose to publish them.
 */
export const MIN_GROUP = 5;

/** True when a group of `n` may be shown. */
export function enoughFor(n: number): boolean {
  return n >= MIN_GROUP;
}

/** True when a complement of `n` members cannot be isolated by subtraction (none, or a full group). */
export function safeComplement(n: number): boolean {
  return n === 0 || n >= MIN_GROUP;
}

/** Rounds a benchmark figure to two significant digits so a percentile never reproduces a member's exact value. */
export function roundBenchmark(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const f = 10 ** (mag - 1);
  return Math.round(x / f) * f;
}
