/**
 * The element at an index the caller computed within bounds. With `noUncheckedIndexedAccess` every read may be
 * `undefined`; a miss here is a programming error, so it throws one that names the index instead of letting an
 * `undefined` turn into a NaN further on.
 */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} is outside 0..${items.length - 1}`);
  return item;
}
