/**
 * Checks a French SIREN: 9 digits whose Luhn checksum is valid (INSEE assigns SIREN numbers with a Luhn key as
 * their last digit). Spaces are ignored.
 */
export function isValidSiren(input: string): boolean {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    // From the right, every second digit is doubled; a two-digit result counts as the sum of its digits.
    let d = Number(digits[8 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
