// The number forms the Image API grammar allows. Written as regular expressions so that
// "1e3", "+5", " 5", "0x10" and the like are refused instead of being read by parseFloat.

const INT = /^(0|[1-9][0-9]{0,8})$/;
const FLOAT = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,10})?$|^\.[0-9]{1,10}$/;

/** A non-negative integer written without sign, exponent or leading zeros; null otherwise. */
export function parseIntStrict(s: string): number | null {
  return INT.test(s) ? Number(s) : null;
}

/** A non-negative decimal number ("12", "12.5", ".5"); null otherwise. */
export function parseFloatStrict(s: string): number | null {
  return FLOAT.test(s) ? Number(s) : null;
}

/** Shortest decimal form without exponent or trailing zeros ("12.5", "0.5", "3"). */
export function floatToString(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  return s;
}
