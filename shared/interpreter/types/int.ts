// int and bool (Objects/longobject.c, Objects/boolobject.c). A value is a JS number while it is a safe integer,
// else a bigint (newInt normalises); every operator gives CPython's result, exceptions and messages.
import {
  callDescriptor, call, excType, findSlot, hashOfInt, isTrue, lookupType, typeName,
} from '../abstract';
import { PyBuiltin, PyBytes, PyInt, PyObject, PyStr, type PyType } from '../objects';
import { alloc, decref, incref, intSize, newBool, newFloat, newInt, newStr, newStrUncached, newTuple, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, clinic, cmpResult, def, getter, indexOf, noKw, notImplemented, ternaryPow,
} from './common';
import { classMethod } from './util';
import { floatPowValues } from './float';
import { bytesFromObject, newBytes } from './bytes';
import { formatInt } from './format';
import { reprBytes, reprStr } from '../../text/repr';

export type IntValue = number | bigint;

// ---------------------------------------------------------------- value arithmetic

export function big(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** The canonical form: a number when safe, else a bigint; never -0. */
export function norm(v: IntValue): IntValue {
  if (typeof v === 'bigint') {
    if (v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
    return v;
  }
  return v === 0 ? 0 : v;
}

export function isZero(v: IntValue): boolean {
  return typeof v === 'bigint' ? v === 0n : v === 0;
}

export function isNeg(v: IntValue): boolean {
  return typeof v === 'bigint' ? v < 0n : v < 0;
}

export function intAdd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}

export function intSub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) - big(b));
}

export function intMul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return norm(big(a) * big(b));
}

const SMALL = 2 ** 52;

/** Floor division and modulo with Python's signs (the remainder takes the divisor's sign). */
export function intDivmod(a: IntValue, b: IntValue): [IntValue, IntValue] {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < SMALL && Math.abs(b) < SMALL) {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    const q = (a - r) / b;
    return [q === 0 ? 0 : q, r === 0 ? 0 : r];
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) {
    r += B;
    q -= 1n;
  }
  return [norm(q), norm(r)];
}

export function bitLength(v: IntValue): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (a === 0) return 0;
    if (a < 2 ** 31) return 32 - Math.clz32(a);
    return a.toString(2).length;
  }
  const a = v < 0n ? -v : v;
  return a === 0n ? 0 : a.toString(2).length;
}

/** Largest result (in bits) the simulator computes before refusing with MemoryError. */
const MAX_BITS = 1 << 26;

export function intPow(a: IntValue, b: IntValue): IntValue {
  const B = big(b);
  const bits = bitLength(a);
  if (bits > 1 && Number(B) * (bits - 1) > MAX_BITS) raise(excType('MemoryError'));
  return norm(big(a) ** B);
}

export function intShift(a: IntValue, n: IntValue, left: boolean): IntValue {
  if (isNeg(n)) raise(excType('ValueError'), 'negative shift count');
  if (isZero(a)) return 0;
  if (left) {
    if (Number(n) + bitLength(a) > MAX_BITS) {
      if (typeof n === 'bigint' && n > 2n ** 62n) raise(excType('OverflowError'), 'too many digits in integer');
      raise(excType('MemoryError'));
    }
    return norm(big(a) << big(n));
  }
  if (Number(n) >= bitLength(a) + 1) return isNeg(a) ? -1 : 0;
  if (typeof a === 'number' && Math.abs(a) < 2 ** 31) return a >> Number(n);
  return norm(big(a) >> big(n));
}

export function intBitop(a: IntValue, b: IntValue, op: 'and' | 'or' | 'xor'): IntValue {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) {
    return op === 'and' ? a & b : op === 'or' ? a | b : a ^ b;
  }
  const A = big(a);
  const B = big(b);
  return norm(op === 'and' ? A & B : op === 'or' ? A | B : A ^ B);
}

export function intCompare(a: IntValue, b: IntValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = big(a);
  const B = big(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/** PyLong_AsDouble: correctly rounded; OverflowError past the float range. */
export function intToFloat(v: IntValue): number {
  if (typeof v === 'number') return v;
  const x = Number(v);
  if (!Number.isFinite(x)) raise(excType('OverflowError'), 'int too large to convert to float');
  return x;
}

/** PyLong_FromDouble for a finite float (truncating). */
export function floatToInt(x: number): IntValue {
  if (Number.isNaN(x)) raise(excType('ValueError'), 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise(excType('OverflowError'), 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return norm(BigInt(t));
}

/** long_true_divide: a / b correctly rounded to a float. */
export function intTrueDiv(a: IntValue, b: IntValue): number {
  if (isZero(b)) raise(excType('ZeroDivisionError'), 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  let A = big(a);
  let B = big(b);
  const neg = (A < 0n) !== (B < 0n);
  if (A < 0n) A = -A;
  if (B < 0n) B = -B;
  if (A === 0n) return neg ? -0 : 0;
  const la = bitLength(A);
  const lb = bitLength(B);
  if (la - lb > 1025) raise(excType('OverflowError'), 'integer division result too large for a float');
  if (la - lb < -1100) return neg ? -0 : 0;
  // A quotient with 55+ significant bits and a sticky bit for the remainder rounds correctly in one step.
  const shift = la - lb - 55;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const bb = B << BigInt(shift);
    q = A / bb;
    r = A % bb;
  } else {
    const aa = A << BigInt(-shift);
    q = aa / B;
    r = aa % B;
  }
  if (r !== 0n) q |= 1n;
  let x: number;
  const exp = shift + bitLength(q);
  if (exp < -1021) {
    // Subnormal result: round once, at the subnormal precision.
    const drop = -1074 - shift;
    const keep = q >> BigInt(drop);
    const rest = q - (keep << BigInt(drop));
    const half = 1n << BigInt(drop - 1);
    let m = keep;
    if (rest > half || (rest === half && (keep & 1n) === 1n)) m += 1n;
    x = Number(m) * 2 ** -1074;
  } else {
    x = Number(q) * 2 ** Math.trunc(shift / 2) * 2 ** (shift - Math.trunc(shift / 2));
  }
  if (!Number.isFinite(x)) raise(excType('OverflowError'), 'integer division result too large for a float');
  return neg ? -x : x;
}

/** Modular inverse of a modulo m (m > 0), or null. */
function modInverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return null;
  return ((s0 % m) + m) % m;
}

/** pow(a, b, m) for ints (long_pow with a modulus). */
export function intPowMod(a: IntValue, b: IntValue, m: IntValue): IntValue {
  let M = big(m);
  if (M === 0n) raise(excType('ValueError'), 'pow() 3rd argument cannot be 0');
  const negM = M < 0n;
  if (negM) M = -M;
  let A = big(a);
  let B = big(b);
  if (B < 0n) {
    const inv = modInverse(A, M);
    if (inv === null) raise(excType('ValueError'), 'base is not invertible for the given modulus');
    A = inv;
    B = -B;
  }
  if (M === 1n) return 0;
  A %= M;
  if (A < 0n) A += M;
  let result = 1n;
  while (B > 0n) {
    if (B & 1n) result = (result * A) % M;
    A = (A * A) % M;
    B >>= 1n;
  }
  if (negM && result !== 0n) result -= M;
  return norm(result);
}

/** divmod_near-based rounding of an int to 10**-ndigits (int.__round__ with a negative ndigits). */
export function intRound(v: IntValue, ndigits: number): IntValue {
  const b = 10n ** BigInt(-ndigits);
  const a = big(v);
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n) {
    r += b;
    q -= 1n;
  }
  const twice = r * 2n;
  if (twice > b || (twice === b && (q & 1n) === 1n)) r -= b;
  return norm(a - r);
}

// ---------------------------------------------------------------- parsing (PyLong_FromString)

/** Py_UNICODE_ISSPACE. */
export function isPySpace(c: number): boolean {
  if (c < 128) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000;
}

const ND = /\p{Nd}/u;

/** The decimal value of a Unicode decimal digit, or -1 (Py_UNICODE_TODECIMAL). */
export function decimalValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 128 || !ND.test(String.fromCodePoint(cp))) return -1;
  let z = cp;
  while (z > 0 && ND.test(String.fromCodePoint(z - 1)) && cp - (z - 1) < 10) z--;
  return (cp - z) % 10;
}

/** _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits and spaces to ASCII, anything else to '?'. */
export function transformDecimalAndSpace(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) { ascii = false; break; }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else {
      const d = decimalValue(cp);
      out += d >= 0 ? String(d) : '?';
    }
  }
  return out;
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
}

/** Parses an int literal as int() does; null when the text is not one. */
export function parseIntText(text: string, base: number): IntValue | null {
  const s = text;
  let i = 0;
  let end = s.length;
  while (i < end && isPySpace(s.charCodeAt(i))) i++;
  while (end > i && isPySpace(s.charCodeAt(end - 1))) end--;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let errorIfNonzero = false;
  if (base === 0) {
    if (s[i] !== '0') base = 10;
    else if (s[i + 1] === 'x' || s[i + 1] === 'X') base = 16;
    else if (s[i + 1] === 'o' || s[i + 1] === 'O') base = 8;
    else if (s[i + 1] === 'b' || s[i + 1] === 'B') base = 2;
    else {
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (s[i] === '0' && ((base === 16 && (s[i + 1] === 'x' || s[i + 1] === 'X')) ||
    (base === 8 && (s[i + 1] === 'o' || s[i + 1] === 'O')) || (base === 2 && (s[i + 1] === 'b' || s[i + 1] === 'B')))) {
    i += 2;
    if (s[i] === '_') i++;
  }
  if (s[i] === '_' || i >= end) return null;
  let digits = '';
  let prevUnderscore = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= base) return null;
    prevUnderscore = false;
    digits += s[i];
  }
  if (prevUnderscore || !digits) return null;
  // PyLong_FromString: non-power-of-two bases are limited to sys.get_int_max_str_digits() digits (3.11+).
  if ((base & (base - 1)) !== 0 && rt.intMaxStrDigits > 0 && digits.length > rt.intMaxStrDigits) {
    raise(excType('ValueError'), `Exceeds the limit (${rt.intMaxStrDigits} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  let v: bigint;
  if (base === 10) v = BigInt(digits);
  else if (base === 16) v = BigInt('0x' + digits);
  else if (base === 8) v = BigInt('0o' + digits);
  else if (base === 2) v = BigInt('0b' + digits);
  else {
    v = 0n;
    const B = BigInt(base);
    for (const ch of digits) v = v * B + BigInt(digitValue(ch.charCodeAt(0)));
  }
  if (errorIfNonzero && v !== 0n) return null;
  return norm(neg ? -v : v);
}

/** int(text, base) with CPython's error for a bad literal. */
export function intFromText(o: PyObject, base: number): IntValue {
  let text: string;
  if (o instanceof PyStr) text = transformDecimalAndSpace(o.value);
  else text = latin1Of((o as PyBytes).value);
  const v = parseIntText(text, base);
  if (v === null) {
    const shown = o instanceof PyStr ? reprStr(o.value.length > 200 ? o.value.slice(0, 200) : o.value) : bytesReprShort(o as PyBytes);
    raise(excType('ValueError'), `invalid literal for int() with base ${base}: ${shown}`);
  }
  return v;
}

function latin1Of(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += c < 128 ? String.fromCharCode(c) : '?';
  return s;
}

function bytesReprShort(b: PyBytes): string {
  const r = reprBytes(b.value);
  return b.ob_type === rt.t.bytearray ? `bytearray(${r})` : r;
}

// ---------------------------------------------------------------- objects

export function intValueOf(o: PyObject): IntValue {
  return (o as PyInt).value;
}

/** long_long: self for an exact int, else a plain int with the same value. */
export function exactInt(o: PyInt): PyInt {
  if (o.ob_type === rt.t.int) return incref(o);
  return newInt(o.value);
}

/** An instance of an int subclass (long_subtype_new). */
export function newIntSubtype(type: PyType, v: IntValue): PyInt {
  if (type === rt.t.int) return newInt(v);
  const ndigits = Math.max(1, Math.ceil(bitLength(v) / 30));
  return alloc(new PyInt(type, v), Math.max(intSize(v), type.basicsize + ndigits * type.itemsize));
}

function hasUnarySlot(o: PyObject, op: 'int' | 'index' | 'float'): PyObject | ((a: PyObject) => PyObject) | null {
  const t = o.ob_type;
  if (t.heapType) {
    const d = lookupType(t, `__${op}__`);
    if (d && !(d instanceof PyBuiltin)) return d;
  }
  const f = findSlot(t, 'nb_unary')?.[op];
  return f ?? null;
}

function callUnary(o: PyObject, f: PyObject | ((a: PyObject) => PyObject)): PyObject {
  return typeof f === 'function' ? f(o) : callDescriptor(f, o, []);
}

/** PyNumber_Long: int(x) for one argument. */
export function numberLong(o: PyObject): PyInt {
  if (o.ob_type === rt.t.int) return incref(o as PyInt);
  const nbInt = hasUnarySlot(o, 'int');
  if (nbInt) {
    const r = callUnary(o, nbInt);
    if (r.ob_type === rt.t.int) return r as PyInt;
    if (!(r instanceof PyInt)) {
      const n = typeName(r);
      decref(r);
      raise(excType('TypeError'), `__int__ returned non-int (type ${n})`);
    }
    const v = (r as PyInt).value;
    decref(r);
    return newInt(v);
  }
  const nbIndex = hasUnarySlot(o, 'index');
  if (nbIndex) {
    const r = callUnary(o, nbIndex);
    if (r.ob_type === rt.t.int) return r as PyInt;
    if (!(r instanceof PyInt)) {
      const n = typeName(r);
      decref(r);
      raise(excType('TypeError'), `__index__ returned non-int (type ${n})`);
    }
    const v = (r as PyInt).value;
    decref(r);
    return newInt(v);
  }
  const trunc = lookupType(o.ob_type, '__trunc__');
  if (trunc) {
    const r = callDescriptor(trunc, o, []);
    if (r.ob_type === rt.t.int) return r as PyInt;
    if (r instanceof PyInt) {
      const v = r.value;
      decref(r);
      return newInt(v);
    }
    try {
      const idx = hasUnarySlot(r, 'index');
      if (!idx) raise(excType('TypeError'), `__trunc__ returned non-Integral (type ${typeName(r)})`);
      return numberLong(r);
    } finally {
      decref(r);
    }
  }
  if (o instanceof PyStr || o instanceof PyBytes) return newInt(intFromText(o, 10));
  return raise(excType('TypeError'), `int() argument must be a string, a bytes-like object or a real number, not '${typeName(o)}'`);
}

function intNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const [x, baseObj] = clinic('int', args, kwnames, ['x', 'base'], { posonly: 1, minpos: 0, maxpos: 2 });
  let v: PyInt;
  if (x === null) {
    if (baseObj !== null) raise(excType('TypeError'), 'int() missing string argument');
    v = newInt(0);
  } else if (baseObj === null) {
    v = numberLong(x);
  } else {
    const b = indexOf(baseObj);
    const base = typeof b === 'bigint' ? -1 : b;
    if ((base !== 0 && base < 2) || base > 36) raise(excType('ValueError'), 'int() base must be >= 2 and <= 36, or 0');
    if (!(x instanceof PyStr) && !(x instanceof PyBytes)) raise(excType('TypeError'), "int() can't convert non-string with explicit base");
    v = newInt(intFromText(x, base));
  }
  if (type === rt.t.int) return v;
  const r = newIntSubtype(type, v.value);
  decref(v);
  return r;
}

function boolNew(_type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  if (kwnames && kwnames.length) raise(excType('TypeError'), 'bool() takes no keyword arguments');
  if (args.length > 1) raise(excType('TypeError'), `bool expected at most 1 argument, got ${args.length}`);
  return newBool(args.length ? isTrue(args[0]) : false);
}

function ints(a: PyObject, b: PyObject): boolean {
  return a instanceof PyInt && b instanceof PyInt;
}

type Bin = (a: PyObject, b: PyObject) => PyObject;

function intBin(f: (x: IntValue, y: IntValue) => IntValue): Bin {
  return (a, b) => (ints(a, b) ? newInt(f((a as PyInt).value, (b as PyInt).value)) : notImplemented());
}

function intPowObj(a: PyObject, b: PyObject): PyObject {
  if (!ints(a, b)) return notImplemented();
  const x = (a as PyInt).value;
  const y = (b as PyInt).value;
  if (isNeg(y)) {
    return floatPowValues(intToFloat(x), intToFloat(y));
  }
  return newInt(intPow(x, y));
}

function intPowTernary(a: PyObject, b: PyObject, m: PyObject): PyObject {
  if (!ints(a, b) || !(m instanceof PyInt)) {
    if (m instanceof PyInt || m === rt.None) return notImplemented();
    return notImplemented();
  }
  return newInt(intPowMod((a as PyInt).value, (b as PyInt).value, m.value));
}

/** pow(a, b, m) when all three are ints; NotImplemented otherwise. */
export function intTernaryPow(a: PyObject, b: PyObject, m: PyObject): PyObject {
  return intPowTernary(a, b, m);
}

function intRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!ints(a, b)) return notImplemented();
  const c = intCompare((a as PyInt).value, (b as PyInt).value);
  return newBool(cmpResult(c, 0, op));
}

/** str(int), limited to sys.get_int_max_str_digits() decimal digits (long_to_decimal_string_internal). */
export function intRepr(v: IntValue): string {
  const s = String(v);
  if (typeof v === 'bigint' && rt.intMaxStrDigits > 0 && s.length - (v < 0n ? 1 : 0) > rt.intMaxStrDigits) {
    raise(excType('ValueError'), `Exceeds the limit (${rt.intMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return s;
}

/** int.to_bytes */
function toBytes(self: PyInt, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const [lenObj, orderObj, signedObj] = clinic('to_bytes', args, kwnames, ['length', 'byteorder', 'signed'], { posonly: 0, minpos: 0, maxpos: 2 });
  const length = lenObj ? Number(indexOf(lenObj)) : 1;
  const little = byteOrder(orderObj, 'to_bytes');
  const signed = signedObj ? isTrue(signedObj) : false;
  if (length < 0) raise(excType('ValueError'), 'length argument must be non-negative');
  let v = big(self.value);
  if (v < 0n && !signed) raise(excType('OverflowError'), "can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  if (signed) {
    const lim = length === 0 ? 0n : 1n << (bits - 1n);
    if (v >= lim || v < -lim) raise(excType('OverflowError'), 'int too big to convert');
    if (v < 0n) v += 1n << bits;
  } else if (v >= 1n << bits) {
    raise(excType('OverflowError'), 'int too big to convert');
  }
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (little) out.reverse();
  return newBytes(out);
}

function byteOrder(o: PyObject | null, fname: string): boolean {
  if (o === null) return false;
  if (!(o instanceof PyStr)) raise(excType('TypeError'), `${fname}() argument 'byteorder' must be str, not ${typeName(o)}`);
  if (o.value === 'little') return true;
  if (o.value === 'big') return false;
  return raise(excType('ValueError'), "byteorder must be either 'little' or 'big'");
}

function fromBytes(args: PyObject[], kwnames: PyStr[] | null, self: PyObject | null): PyObject {
  let cls = self as PyType | null;
  let rest = args;
  if (cls === null) {
    cls = args[0] as PyType;
    rest = args.slice(1);
  }
  const [bytesObj, orderObj, signedObj] = clinic('from_bytes', rest, kwnames, ['bytes', 'byteorder', 'signed'], { posonly: 0, minpos: 1, maxpos: 2 });
  const little = byteOrder(orderObj, 'from_bytes');
  const signed = signedObj ? isTrue(signedObj) : false;
  const b = bytesFromObject(bytesObj!);
  const data = little ? Uint8Array.from(b.value).reverse() : b.value;
  decref(b);
  let v = 0n;
  for (const c of data) v = (v << 8n) | BigInt(c);
  if (signed && data.length && data[0] & 0x80) v -= 1n << BigInt(data.length * 8);
  const r = newInt(norm(v));
  if (cls === rt.t.int) return r;
  try {
    return call(cls, [r]);
  } finally {
    decref(r);
  }
}

export function install(t: TypeTable): void {
  const int = t.int;
  const s = int.slots;
  s.tp_new = intNew;
  // long_to_decimal_string (Objects/longobject.c) writes the digits into a PyUnicode_New result: str(7) is
  // a new str, not the '7' singleton.
  s.tp_repr = (o) => newStrUncached(intRepr((o as PyInt).value));
  s.tp_hash = (o) => hashOfInt((o as PyInt).value);
  s.tp_richcompare = intRichCompare;
  s.nb_bool = (o) => !isZero((o as PyInt).value);
  s.nb = {
    add: intBin(intAdd),
    sub: intBin(intSub),
    mul: intBin(intMul),
    // Objects/longobject.c: 3.14 words every integer division by zero "division by zero".
    floordiv: (a, b) => {
      if (!ints(a, b)) return notImplemented();
      if (isZero((b as PyInt).value)) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'integer division or modulo by zero');
      return newInt(intDivmod((a as PyInt).value, (b as PyInt).value)[0]);
    },
    mod: (a, b) => {
      if (!ints(a, b)) return notImplemented();
      if (isZero((b as PyInt).value)) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'integer modulo by zero');
      return newInt(intDivmod((a as PyInt).value, (b as PyInt).value)[1]);
    },
    truediv: (a, b) => (ints(a, b) ? newFloat(intTrueDiv((a as PyInt).value, (b as PyInt).value)) : notImplemented()),
    pow: intPowObj,
    lshift: intBin((x, y) => intShift(x, y, true)),
    rshift: intBin((x, y) => intShift(x, y, false)),
    and: intBin((x, y) => intBitop(x, y, 'and')),
    or: intBin((x, y) => intBitop(x, y, 'or')),
    xor: intBin((x, y) => intBitop(x, y, 'xor')),
  };
  ternaryPow.set(int, intPowTernary);
  s.nb_unary = {
    neg: (a) => newInt(intSub(0, (a as PyInt).value)),
    pos: (a) => exactInt(a as PyInt),
    abs: (a) => (isNeg((a as PyInt).value) ? newInt(intSub(0, (a as PyInt).value)) : exactInt(a as PyInt)),
    invert: (a) => newInt(intSub(-1, (a as PyInt).value)),
    int: (a) => exactInt(a as PyInt),
    index: (a) => exactInt(a as PyInt),
    float: (a) => newFloat(intToFloat((a as PyInt).value)),
  };
  // divmod() reaches this through __divmod__.
  def<PyInt>(int, '__divmod__', (self, args, kw) => {
    clinicPos1('__divmod__', args, kw);
    const o = args[0];
    if (!(o instanceof PyInt)) return notImplemented();
    if (isZero(o.value)) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'integer division or modulo by zero');
    const [q, r] = intDivmod(self.value, o.value);
    return newTuple([newInt(q), newInt(r)]);
  });
  def<PyInt>(int, '__rdivmod__', (self, args, kw) => {
    clinicPos1('__rdivmod__', args, kw);
    const o = args[0];
    if (!(o instanceof PyInt)) return notImplemented();
    if (isZero(self.value)) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'integer division or modulo by zero');
    const [q, r] = intDivmod(o.value, self.value);
    return newTuple([newInt(q), newInt(r)]);
  });
  const selfMeth = (name: string): void => def<PyInt>(int, name, (self, args, kw) => {
    clinicPos0(name, args, kw);
    return exactInt(self);
  });
  for (const n of ['conjugate', '__trunc__', '__floor__', '__ceil__', '__int__', '__index__']) selfMeth(n);
  // __getnewargs__ returns a tuple.
  def<PyInt>(int, '__getnewargs__', (self, args, kw) => {
    clinicPos0('__getnewargs__', args, kw);
    return newTuple([newInt(self.value)]);
  });
  def<PyInt>(int, 'bit_length', (self, args, kw) => {
    clinicPos0('bit_length', args, kw);
    return newInt(bitLength(self.value));
  });
  def<PyInt>(int, 'bit_count', (self, args, kw) => {
    clinicPos0('bit_count', args, kw);
    let v = big(self.value);
    if (v < 0n) v = -v;
    let n = 0;
    for (const ch of v.toString(2)) if (ch === '1') n++;
    return newInt(n);
  });
  def<PyInt>(int, 'as_integer_ratio', (self, args, kw) => {
    clinicPos0('as_integer_ratio', args, kw);
    return newTuple([exactInt(self), newInt(1)]);
  });
  if (rt.v >= 312) {
    def<PyInt>(int, 'is_integer', (_self, args, kw) => {
      clinicPos0('is_integer', args, kw);
      return newBool(true);
    });
  }
  def<PyInt>(int, '__round__', (self, args, kw) => {
    noKw('__round__', kw);
    if (args.length > 1) raise(excType('TypeError'), `__round__ expected at most 1 argument, got ${args.length}`);
    if (args.length === 0 || args[0] === rt.None) return exactInt(self);
    const nd = indexOf(args[0]);
    if (!isNeg(nd)) return exactInt(self);
    if (typeof nd === 'bigint' || nd < -100000) return newInt(0);
    return newInt(intRound(self.value, nd));
  });
  def<PyInt>(int, 'to_bytes', toBytes);
  classMethod(int, 'from_bytes', fromBytes);
  def<PyInt>(int, '__format__', (self, args, kw) => {
    clinicPos1('__format__', args, kw);
    const spec = args[0];
    if (!(spec instanceof PyStr)) raise(excType('TypeError'), `__format__() argument must be str, not ${typeName(spec)}`);
    return formatInt(self, spec.value);
  });
  def<PyInt>(int, '__sizeof__', (self, args, kw) => {
    clinicPos0('__sizeof__', args, kw);
    // int___sizeof___impl (Objects/longobject.c): offsetof(ob_digit) + max(1, digits) * sizeof(digit)
    return newInt(intSize(self.value));
  });
  getter<PyInt>(int, 'real', (o) => exactInt(o));
  getter<PyInt>(int, 'imag', () => newInt(0));
  getter<PyInt>(int, 'numerator', (o) => exactInt(o));
  getter<PyInt>(int, 'denominator', () => newInt(1));
  addSlotWrappers(int);

  // bool: its own repr and the bitwise operators that keep bools bools (Objects/boolobject.c).
  const bool = t.bool;
  const b = bool.slots;
  b.tp_new = boolNew;
  b.tp_repr = (o) => newStr((o as PyInt).value ? 'True' : 'False');
  const boolOp = (op: 'and' | 'or' | 'xor'): Bin => (x, y) => {
    if (x.ob_type === rt.t.bool && y.ob_type === rt.t.bool) {
      const bx = !!(x as PyInt).value;
      const by = !!(y as PyInt).value;
      return newBool(op === 'and' ? bx && by : op === 'or' ? bx || by : bx !== by);
    }
    return s.nb![op]!(x, y);
  };
  // A type's nb record stands whole (findSlot takes the first one along the MRO): int's operators plus bool's.
  b.nb = { ...s.nb, and: boolOp('and'), or: boolOp('or'), xor: boolOp('xor') };
  for (const [name, op] of [['__and__', 'and'], ['__or__', 'or'], ['__xor__', 'xor']] as const) {
    def(bool, name, (self, args, kw) => { clinicPos1(name, args, kw); return b.nb![op]!(self, args[0]); });
    def(bool, name.replace('__', '__r'), (self, args, kw) => { clinicPos1(name, args, kw); return b.nb![op]!(args[0], self); });
  }
  def(bool, '__repr__', (self, args, kw) => { clinicPos0('__repr__', args, kw); return b.tp_repr!(self); });
  if (rt.v >= 312) {
    // ~bool is deprecated from 3.12 (a DeprecationWarning; the value is still the int's).
  }
}

function clinicPos0(name: string, args: PyObject[], kw: PyStr[] | null): void {
  noKw(name, kw);
  if (args.length) raise(excType('TypeError'), `${name}() takes no arguments (${args.length} given)`);
}

function clinicPos1(name: string, args: PyObject[], kw: PyStr[] | null): void {
  noKw(name, kw);
  if (args.length !== 1) raise(excType('TypeError'), `${name}() takes exactly one argument (${args.length} given)`);
}

