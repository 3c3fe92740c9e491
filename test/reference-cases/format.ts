/** A figure with 4 significant digits (whole numbers from 1,000 up, an exponent below 0.01). */
export function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 0.01) return String(Number(x.toPrecision(4)));
  return x.toExponential(3);
}
