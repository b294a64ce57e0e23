// float (Objects/floatobject.c): IEEE doubles with CPython's operators, exact comparisons against ints, hash
// (Python/pyhash.c), round() correctly rounded as double_round, and float(str) as PyOS_string_to_double.
import { callDescriptor, excType, findSlot, lookupType, typeName } from '../abstract';
import { PyBuiltin, PyBytes, PyFloat, PyInt, PyObject, PyStr, type PyType } from '../objects';
import { PyRaise, alloc, decref, incref, newBool, newException, newFloat, newInt, newStr, newTuple, raise, rt } from '../runtime';
import { reprBytes, reprFloat, reprStr } from '../../text/repr';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, clinic, cmpResult, def, getter, indexOf, notImplemented, posArgs,
} from './common';
import {
  floatToInt, intToFloat, isPySpace, norm, transformDecimalAndSpace, type IntValue,
} from './int';
import { complexPowValues } from './complex';
import { formatFloat } from './format';
import { crPow } from '../modules/libm';

export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_INF = 314159;

/** _Py_HashDouble as an exact 64-bit value (nan hashes by identity from 3.10). */
export function floatHash64(x: number, obj: PyObject | null): bigint {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return pointerHash64(obj ? obj.address : 0);
    return x > 0 ? BigInt(HASH_INF) : -BigInt(HASH_INF);
  }
  if (x === 0) return 0n;
  const [m, e] = decompose(Math.abs(x));
  // x = m * 2**e; 2**61 == 1 (mod 2**61 - 1), so the exponent reduces modulo 61.
  let h = m % HASH_MODULUS;
  const s = ((e % 61) + 61) % 61;
  h = (h * (1n << BigInt(s))) % HASH_MODULUS;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return h;
}

/** _Py_HashPointer: the address rotated right by 4 bits, as a signed 64-bit value. */
export function pointerHash64(address: number): bigint {
  const p = BigInt(address) & 0xffffffffffffffffn;
  let y = ((p >> 4n) | (p << 60n)) & 0xffffffffffffffffn;
  if (y >= 1n << 63n) y -= 1n << 64n;
  if (y === -1n) y = -2n;
  return y;
}

/** An exact decomposition of a positive finite double: integer mantissa and binary exponent. */
export function decompose(x: number): [bigint, number] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  return [mant, e];
}

export function floatHash(x: number, obj: PyObject | null): number {
  return Number(floatHash64(x, obj));
}

/** A float or int operand as a double (CONVERT_TO_DOUBLE), or null when neither. */
export function toDouble(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return intToFloat(o.value);
  return null;
}

/** Compares a float with an int exactly: -1, 0, 1, or NaN when unordered. */
export function compareFloatInt(x: number, v: IntValue): number {
  if (Number.isNaN(x)) return NaN;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  if (typeof v === 'number') return x < v ? -1 : x > v ? 1 : 0;
  const fl = Math.floor(x);
  const B = BigInt(fl);
  if (B < v) return -1;
  if (B > v) return 1;
  return x > fl ? 1 : 0;
}

function floatRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(a instanceof PyFloat)) return notImplemented();
  const x = a.value;
  if (b instanceof PyFloat) return newBool(cmpResult(x, b.value, op));
  if (b instanceof PyInt) {
    const c = compareFloatInt(x, b.value);
    if (Number.isNaN(c)) return newBool(op === 3);
    return newBool(cmpResult(c, 0, op));
  }
  return notImplemented();
}

function overflowErrno(): never {
  throw new PyRaise(newException(excType('OverflowError'), [newInt(34), newStr('Numerical result out of range')]));
}

const isOddInteger = (w: number): boolean => Number.isFinite(w) && Math.floor(w) === w && Math.abs(w % 2) === 1;

/** float_pow on two doubles: a float, or a complex for a negative base and a fractional exponent. */
export function floatPowValues(iv: number, iw: number): PyObject {
  if (iw === 0) return newFloat(1);
  if (Number.isNaN(iv)) return newFloat(iv);
  if (Number.isNaN(iw)) return newFloat(iv === 1 ? 1 : iw);
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1) return newFloat(1);
    if ((iw > 0) === (av > 1)) return newFloat(Math.abs(iw));
    return newFloat(0);
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return newFloat(odd ? iv : Math.abs(iv));
    return newFloat(odd ? (iv < 0 ? -0 : 0) : 0);
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    // float_pow (Objects/floatobject.c): 3.14 says "zero to a negative power".
    if (iw < 0) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'zero to a negative power' : '0.0 cannot be raised to a negative power');
    return newFloat(odd ? iv : 0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPowValues(iv, 0, iw, 0);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return newFloat(negate ? -1 : 1);
  let ix = crPow(iv, iw); // the C library's pow, correctly rounded (V8's Math.pow may be an ulp off)
  if (!Number.isFinite(ix)) overflowErrno();
  if (negate) ix = -ix;
  return newFloat(ix);
}

/** q * 2**exp2 (plus a sticky remainder below q's last bit) correctly rounded to a double, ties to even. */
export function bigToDouble(q: bigint, sticky: boolean, exp2: number): number {
  if (q === 0n) return 0;
  const bl = q.toString(2).length;
  const shift = bl - 64;
  if (shift > 0) {
    if (q & ((1n << BigInt(shift)) - 1n)) sticky = true;
    q >>= BigInt(shift);
    exp2 += shift;
  } else if (shift < 0) {
    q <<= BigInt(-shift);
    exp2 += shift;
  }
  const e = exp2 + 63;
  if (e > 1023) return Infinity;
  const keep = e >= -1022 ? 53 : 53 - (-1022 - e);
  const drop = 64 - keep;
  if (drop > 65) return 0;
  let m = q >> BigInt(drop);
  const rest = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  const k = exp2 + drop;
  const r = Number(m) * 2 ** Math.trunc(k / 2) * 2 ** (k - Math.trunc(k / 2));
  return r;
}

/** The C library's pow: correctly rounded for finite positive x and finite y, else Math.pow's IEEE cases. */
export function libmPow(x: number, y: number): number {
  return x > 0 && Number.isFinite(x) && Number.isFinite(y) ? crPow(x, y) : Math.pow(x, y);
}

/** float_divmod's quotient and remainder. */
export function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    const q = vx / wx;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatMod(vx: number, wx: number): number {
  let mod = vx % wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  return mod;
}

type Bin = (a: PyObject, b: PyObject) => PyObject;

function floatBin(f: (x: number, y: number) => PyObject): Bin {
  return (a, b) => {
    if (!(a instanceof PyFloat || a instanceof PyInt) || !(b instanceof PyFloat || b instanceof PyInt)) return notImplemented();
    if (!(a instanceof PyFloat) && !(b instanceof PyFloat)) return notImplemented();
    return f(toDouble(a)!, toDouble(b)!);
  };
}

// ---------------------------------------------------------------- parsing

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** _Py_dg_strtod on a whole (stripped) string, or null. */
export function parseFloatText(s: string): number | null {
  if (FLOAT_RE.test(s)) return Number(s);
  const m = SPECIAL_RE.exec(s);
  if (m) {
    const v = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return m[1] === '-' ? -v : v;
  }
  return null;
}

/** Removes underscores placed as _Py_string_to_number_with_underscores allows; null when misplaced. */
export function stripUnderscores(s: string): string | null {
  if (!s.includes('_')) return s;
  let out = '';
  let prev = '';
  for (const ch of s) {
    if (ch === '_') {
      if (!(prev >= '0' && prev <= '9')) return null;
    } else {
      out += ch;
      if (prev === '_' && !(ch >= '0' && ch <= '9')) return null;
    }
    prev = ch;
  }
  if (prev === '_') return null;
  return out;
}

/** PyFloat_FromString. */
export function floatFromText(o: PyObject): number {
  let text: string;
  if (o instanceof PyStr) text = transformDecimalAndSpace(o.value);
  else {
    text = '';
    for (const c of (o as PyBytes).value) text += c < 128 ? String.fromCharCode(c) : '\u00ff';
  }
  const fail = (): never => {
    const shown = o instanceof PyStr ? reprStr(o.value) : reprBytesOf(o as PyBytes);
    return raise(excType('ValueError'), `could not convert string to float: ${shown}`);
  };
  const stripped = stripUnderscores(text);
  if (stripped === null) return fail();
  let i = 0;
  let end = stripped.length;
  while (i < end && isPySpace(stripped.charCodeAt(i))) i++;
  while (end > i && isPySpace(stripped.charCodeAt(end - 1))) end--;
  const v = parseFloatText(stripped.slice(i, end));
  if (v === null) return fail();
  return v;
}

function reprBytesOf(b: PyBytes): string {
  const r = reprBytes(b.value);
  return b.ob_type === rt.t.bytearray ? `bytearray(${r})` : r;
}

function unarySlot(o: PyObject, op: 'float' | 'index'): PyObject | ((a: PyObject) => PyObject) | null {
  const t = o.ob_type;
  if (t.heapType) {
    const d = lookupType(t, `__${op}__`);
    if (d && !(d instanceof PyBuiltin)) return d;
  }
  return findSlot(t, 'nb_unary')?.[op] ?? null;
}

/** PyNumber_Float: float(x). */
export function numberFloat(o: PyObject): PyFloat {
  if (o.ob_type === rt.t.float) return incref(o as PyFloat);
  const nbFloat = o.ob_type === rt.t.int || o.ob_type === rt.t.bool ? null : unarySlot(o, 'float');
  if (nbFloat) {
    const r = typeof nbFloat === 'function' ? nbFloat(o) : callDescriptor(nbFloat, o, []);
    if (r.ob_type === rt.t.float) return r as PyFloat;
    if (!(r instanceof PyFloat)) {
      const n = typeName(r);
      decref(r);
      raise(excType('TypeError'), `${typeName(o)}.__float__ returned non-float (type ${n})`);
    }
    const v = (r as PyFloat).value;
    decref(r);
    return newFloat(v);
  }
  if (o instanceof PyInt) return newFloat(intToFloat(o.value));
  const nbIndex = unarySlot(o, 'index');
  if (nbIndex) {
    const r = typeof nbIndex === 'function' ? nbIndex(o) : callDescriptor(nbIndex, o, []);
    if (!(r instanceof PyInt)) {
      const n = typeName(r);
      decref(r);
      raise(excType('TypeError'), `__index__ returned non-int (type ${n})`);
    }
    const v = r.value;
    decref(r);
    return newFloat(intToFloat(v));
  }
  if (o instanceof PyStr || o instanceof PyBytes) return newFloat(floatFromText(o));
  return raise(excType('TypeError'), `float() argument must be a string or a real number, not '${typeName(o)}'`);
}

export function newFloatSubtype(type: PyType, v: number): PyFloat {
  if (type === rt.t.float) return newFloat(v);
  return alloc(new PyFloat(type, v), Math.max(3 * rt.version.ptr, type.basicsize));
}

function floatNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  if (kwnames && kwnames.length) raise(excType('TypeError'), 'float() takes no keyword arguments');
  if (args.length > 1) raise(excType('TypeError'), `float expected at most 1 argument, got ${args.length}`);
  const v = args.length ? numberFloat(args[0]) : newFloat(0);
  if (type === rt.t.float) return v;
  const r = newFloatSubtype(type, v.value);
  decref(v);
  return r;
}

// ---------------------------------------------------------------- round

/** Rounds the exact rational num/den to the nearest integer, ties to even. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  if (neg) num = -num;
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  return neg ? -q : q;
}

/** double_round: x rounded to ndigits decimal places, correctly (as _Py_dg_dtoa mode 3 then strtod). */
export function floatRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0 * x;
  const [m, e] = decompose(Math.abs(x));
  // |x| * 10**ndigits = m * 2**e * 10**ndigits as num/den.
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  const n = roundHalfEven(num, den);
  const r = Number(`${n}e${-ndigits}`);
  if (!Number.isFinite(r)) raise(excType('OverflowError'), 'rounded value too large to represent');
  return x < 0 ? -r : r;
}

/** C's round(): halfway cases away from zero. */
function cRound(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** round(x) with no ndigits: the nearest int, ties to even (float___round___impl). */
export function floatRoundToInt(x: number): IntValue {
  let r = cRound(x);
  if (Math.abs(x - r) === 0.5) r = 2 * cRound(x / 2);
  return floatToInt(r);
}

// ---------------------------------------------------------------- hex

/** float.hex (float_hex in Objects/floatobject.c): subnormals keep the exponent -1022 and a leading 0. */
export function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  const sign = x < 0 ? '-' : '';
  const [m, e2] = decompose(Math.abs(x));
  const bitlen = m.toString(2).length;
  const e = e2 + bitlen; // frexp's exponent
  const shift = 1 - Math.max(-1021 - e, 0);
  const t = m << BigInt(shift - bitlen + 52);
  const lead = (t >> 52n).toString(16);
  const frac = (t & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  const exp = e - shift;
  return `${sign}0x${lead}.${frac}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

// ---------------------------------------------------------------- install

export function install(t: TypeTable): void {
  const type = t.float;
  const s = type.slots;
  s.tp_new = floatNew;
  s.tp_repr = (o) => newStr(reprFloat((o as PyFloat).value));
  s.tp_hash = (o) => floatHash((o as PyFloat).value, o);
  s.tp_richcompare = floatRichCompare;
  s.nb_bool = (o) => (o as PyFloat).value !== 0;
  s.nb = {
    add: floatBin((x, y) => newFloat(x + y)),
    sub: floatBin((x, y) => newFloat(x - y)),
    mul: floatBin((x, y) => newFloat(x * y)),
    // Objects/floatobject.c: 3.14 words every float division by zero "division by zero"; 3.13 names float_rem's
    // "float modulo by zero".
    truediv: floatBin((x, y) => {
      if (y === 0) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'float division by zero');
      return newFloat(x / y);
    }),
    floordiv: floatBin((x, y) => {
      if (y === 0) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'float floor division by zero');
      return newFloat(floatDivmod(x, y)[0]);
    }),
    mod: floatBin((x, y) => {
      if (y === 0) {
        raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : rt.v === 313 ? 'float modulo by zero' : 'float modulo');
      }
      return newFloat(floatMod(x, y));
    }),
    divmod: floatBin((x, y) => {
      if (y === 0) raise(excType('ZeroDivisionError'), rt.v >= 314 ? 'division by zero' : 'float divmod()');
      const [q, r] = floatDivmod(x, y);
      return newTuple([newFloat(q), newFloat(r)]);
    }),
    pow: floatBin((x, y) => floatPowValues(x, y)),
  };
  s.nb_unary = {
    neg: (a) => newFloat(-(a as PyFloat).value),
    pos: (a) => (a.ob_type === rt.t.float ? incref(a) : newFloat((a as PyFloat).value)),
    abs: (a) => newFloat(Math.abs((a as PyFloat).value)),
    int: (a) => newInt(floatToInt((a as PyFloat).value)),
    float: (a) => (a.ob_type === rt.t.float ? incref(a) : newFloat((a as PyFloat).value)),
  };
  def<PyFloat>(type, '__divmod__', (self, args, kw) => { posArgs('__divmod__', args, kw, 1, 1); return s.nb!.divmod!(self, args[0]); });
  def<PyFloat>(type, '__rdivmod__', (self, args, kw) => { posArgs('__rdivmod__', args, kw, 1, 1); return s.nb!.divmod!(args[0], self); });
  const noArgs = (name: string, f: (self: PyFloat) => PyObject): void => def<PyFloat>(type, name, (self, args, kw) => {
    posArgs(name, args, kw, 0, 0);
    return f(self);
  });
  noArgs('is_integer', (o) => newBool(Number.isFinite(o.value) && Math.floor(o.value) === o.value));
  noArgs('conjugate', (o) => s.nb_unary!.float!(o));
  noArgs('__trunc__', (o) => newInt(floatToInt(o.value)));
  noArgs('__floor__', (o) => newInt(floatToInt(Math.floor(o.value))));
  noArgs('__ceil__', (o) => newInt(floatToInt(Math.ceil(o.value))));
  noArgs('__getnewargs__', (o) => newTuple([newFloat(o.value)]));
  noArgs('hex', (o) => newStr(floatHex(o.value)));
  noArgs('as_integer_ratio', (o) => {
    const x = o.value;
    if (Number.isNaN(x)) raise(excType('ValueError'), 'cannot convert NaN to integer ratio');
    if (!Number.isFinite(x)) raise(excType('OverflowError'), 'cannot convert Infinity to integer ratio');
    if (x === 0) return newTuple([newInt(0), newInt(1)]);
    let [m, e] = decompose(Math.abs(x));
    while ((m & 1n) === 0n && e < 0) {
      m >>= 1n;
      e++;
    }
    let num = m;
    let den = 1n;
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
    return newTuple([newInt(norm(x < 0 ? -num : num)), newInt(norm(den))]);
  });
  def<PyFloat>(type, '__round__', (self, args, kw) => {
    const [nd] = clinic('__round__', args, kw, ['ndigits'], { posonly: 1, minpos: 0, maxpos: 1 });
    if (nd === null || nd === rt.None) {
      const x = self.value;
      if (Number.isNaN(x)) raise(excType('ValueError'), 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) raise(excType('OverflowError'), 'cannot convert float infinity to integer');
      return newInt(floatRoundToInt(x));
    }
    const n = indexOf(nd);
    const ndigits = typeof n === 'bigint' ? (n > 0n ? 1000 : -1000) : n;
    return newFloat(floatRound(self.value, ndigits));
  });
  def<PyFloat>(type, '__format__', (self, args, kw) => {
    posArgs('__format__', args, kw, 1, 1);
    const spec = args[0];
    if (!(spec instanceof PyStr)) raise(excType('TypeError'), `__format__() argument must be str, not ${typeName(spec)}`);
    return formatFloat(self, spec.value);
  });
  getter<PyFloat>(type, 'real', (o) => s.nb_unary!.float!(o));
  getter<PyFloat>(type, 'imag', () => newFloat(0));
  addSlotWrappers(type);
}
