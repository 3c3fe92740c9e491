/**
 * The value, or a failure naming what the test expected to find. With `noUncheckedIndexedAccess` a record or array
 * read may be `undefined`; this narrows it and keeps the failure readable instead of a TypeError further on.
 */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, found nothing`);
  return value;
}
