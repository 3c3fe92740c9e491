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
 * 4b. The same complement rule holds for every mean and count about people that the review publishes by month and
 *    by organiser (mean ratings over answers, attendance over recorded seats): see `disclosableCells`. A cell is
 *    shown only with MIN_GROUP units; the withheld cells of each breakdown together hold none or at least
 *    MIN_GROUP units (else the smallest shown cells are withheld too), so "total minus the shown cells" isolates
 *    nobody; and a shown cell that lies wholly inside another shown cell of the other breakdown must differ from
 *    it by none or at least MIN_GROUP units (else the smaller one is withheld).
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

/**
 * Rule 4b: which cells of two breakdowns of one total (e.g. by month and by organiser) may be published. `rows` and
 * `cols` are the cells' sizes (answers, recorded seats), `cross(r, c)` the units in both row `r` and column `c`.
 * Returns the flags for the total, the rows and the columns.
 */
export function disclosableCells(
  total: number,
  rows: number[],
  cols: number[],
  cross: (r: number, c: number) => number,
): { total: boolean; rows: boolean[]; cols: boolean[] } {
  const showTotal = enoughFor(total);
  const shownRows = rows.map((n) => showTotal && enoughFor(n));
  const shownCols = cols.map((n) => showTotal && enoughFor(n));
  /** Withholds more cells of one breakdown until its withheld cells hold none or a full group. */
  const complement = (sizes: number[], shown: boolean[]): boolean => {
    if (!showTotal) return false;
    let withheld = total - sizes.reduce((s, n, i) => s + (shown[i] ? n : 0), 0);
    let changed = false;
    while (!safeComplement(withheld)) {
      let smallest = -1;
      for (let i = 0; i < sizes.length; i++)
        if (shown[i] && (smallest < 0 || sizes[i]! < sizes[smallest]!)) smallest = i;
      if (smallest < 0) break;
      shown[smallest] = false;
      withheld += sizes[smallest]!;
      changed = true;
    }
    return changed;
  };
  for (let changed = true; changed; ) {
    changed = complement(rows, shownRows);
    changed = complement(cols, shownCols) || changed;
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < cols.length; c++) {
        if (!shownRows[r] || !shownCols[c]) continue;
        const both = cross(r, c);
        // One cell inside the other: their difference is a group of its own.
        if (both === cols[c] && !safeComplement(rows[r]! - cols[c]!)) {
          shownCols[c] = false;
          changed = true;
        } else if (both === rows[r] && !safeComplement(cols[c]! - rows[r]!)) {
          shownRows[r] = false;
          changed = true;
        }
      }
    }
  }
  return { total: showTotal, rows: shownRows, cols: shownCols };
}
