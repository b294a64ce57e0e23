// repr() of Python's atomic values, character for character as CPython writes them.

import { NONPRINTABLE_RANGES } from './unicodeTables';

/**
 * str.isprintable() for one code point (Objects/unicodectype.c), from the Unicode database of the Python that
 * generated the table: JavaScript's own Unicode version is newer and would print characters CPython escapes.
 */
export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  let lo = 0;
  let hi = NONPRINTABLE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = NONPRINTABLE_RANGES[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return false;
  }
  return true;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** unicode_repr (Objects/unicodeobject.c); code points may be given when the text holds surrogates. */
export function reprStr(s: string, codePoints?: number[]): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const cp of codePoints ?? Array.from(s, (ch) => ch.codePointAt(0)!)) {
    const ch = String.fromCodePoint(cp);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f || isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** bytes_repr (Objects/bytesobject.c). */
export function reprBytes(b: Uint8Array): string {
  let single = false;
  let double = false;
  for (const c of b) {
    if (c === 0x27) single = true;
    else if (c === 0x22) double = true;
  }
  const quote = single && !double ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/**
 * float_repr: the shortest digits that round-trip, in fixed notation when -4 < exponent <= 16, else
 * exponent notation with at least two exponent digits (Python/pystrtod.c, format_float_short, mode 'r').
 * `addDot0` is false for the parts of a complex repr, which write `1j`, not `1.0j`.
 */
export function reprFloat(x: number, addDot0 = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDot0 ? '.0' : '');
  const sign = x < 0 ? '-' : '';
  const [mant, expStr] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const decpt = Number(expStr) + 1;
  let body: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) body = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) body = digits + '0'.repeat(decpt - digits.length) + (addDot0 ? '.0' : '');
    else body = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    const e = decpt - 1;
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    body = digits[0] + frac + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  }
  return sign + body;
}

/** complex_repr (Objects/complexobject.c) for a complex with a zero real part, as literals make them. */
export function reprImaginary(imag: number): string {
  return reprFloat(imag, false) + 'j';
}
