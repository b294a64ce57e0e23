// Formatting: the format-spec mini-language (Python/formatter_unicode.c) for int, float, complex and str, the
// float-to-text conversions it rests on (Python/pystrtod.c over _Py_dg_dtoa, computed exactly here), format()
// and FORMAT_VALUE (PyObject_Format), str.format (Objects/stringlib/unicode_format.h) and printf-style `%`
// (PyUnicode_Format in Objects/unicodeobject.c).
import {
  callDescriptor, excType, getAttr, getItem, indexValue, isRaised, lookupType, repr, str as pyStr, typeName,
} from '../abstract';
import { PyBytes, PyComplex, PyDict, PyFloat, PyInt, PyObject, PyStr, PyTuple } from '../objects';
import { decref, incref, newDict, newInt, newStr, newStrUncached, newTuple, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import * as dict from './dict';
import { callMethodOf } from './common';
import { decompose, numberFloat } from './float';
import { decimalValue, intToFloat, numberLong, type IntValue } from './int';
import { newBytes } from './bytes';

// ---------------------------------------------------------------- _Py_dg_dtoa, exactly

interface Digits {
  digits: string;
  decpt: number;
  negative: boolean;
  special: 'inf' | 'nan' | null;
}

function roundHalfEven(num: bigint, den: bigint): bigint {
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** |x| as num/den. */
function rational(x: number): [bigint, bigint] {
  const [m, e] = decompose(Math.abs(x));
  return e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
}

function stripZeros(d: string): string {
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  return d.slice(0, end);
}

/**
 * _Py_dg_dtoa: mode 0 the shortest digits that round-trip, mode 2 `n` significant digits, mode 3 `n` digits
 * after the point; digits without trailing zeros, decpt the position of the decimal point.
 */
export function dtoa(x: number, mode: 0 | 2 | 3, n: number): Digits {
  const negative = x < 0 || Object.is(x, -0);
  if (Number.isNaN(x)) return { digits: '', decpt: 0, negative: false, special: 'nan' };
  if (!Number.isFinite(x)) return { digits: '', decpt: 0, negative, special: 'inf' };
  if (x === 0) return { digits: '0', decpt: 1, negative, special: null };
  if (mode === 0) {
    const [mant, exp] = Math.abs(x).toExponential().split('e');
    return { digits: mant.replace('.', ''), decpt: Number(exp) + 1, negative, special: null };
  }
  const [num, den] = rational(x);
  if (mode === 2) {
    if (n < 1) n = 1;
    // k = floor(log10(|x|)), adjusted exactly.
    let k = Math.floor(Math.log10(Math.abs(x)));
    const pow = (p: number): [bigint, bigint] => (p >= 0 ? [10n ** BigInt(p), 1n] : [1n, 10n ** BigInt(-p)]);
    const ge = (p: number): boolean => {
      const [a, b] = pow(p);
      return num * b >= a * den;
    };
    while (!ge(k)) k--;
    while (ge(k + 1)) k++;
    // scaled = |x| / 10**(k - n + 1)
    const s = k - n + 1;
    const [pa, pb] = pow(s);
    let r = roundHalfEven(num * pb, den * pa);
    let digits = r.toString();
    if (digits.length > n) {
      k++;
      r /= 10n;
      digits = r.toString();
    }
    return { digits: stripZeros(digits) || '0', decpt: k + 1, negative, special: null };
  }
  // mode 3
  const scale = 10n ** BigInt(Math.max(0, n));
  const r = n >= 0 ? roundHalfEven(num * scale, den) : roundHalfEven(num, den * 10n ** BigInt(-n));
  if (r === 0n) return { digits: '', decpt: -n, negative, special: null };
  const s = r.toString();
  return { digits: stripZeros(s), decpt: s.length - n, negative, special: null };
}

export interface DtsFlags {
  sign?: boolean;
  addDot0?: boolean;
  alt?: boolean;
  noNeg0?: boolean;
}

/** PyOS_double_to_string: format codes e E f F g G r. */
export function doubleToString(val: number, code: string, precision: number, flags: DtsFlags = {}): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  let fc = code.toLowerCase();
  let mode: 0 | 2 | 3;
  if (fc === 'e') {
    mode = 2;
    precision++;
  } else if (fc === 'f') mode = 3;
  else if (fc === 'g') {
    mode = 2;
    if (precision === 0) precision = 1;
  } else {
    fc = 'r';
    mode = 0;
  }
  const d = dtoa(val, mode, precision);
  let negative = d.negative;
  const digits = d.digits;
  if (flags.noNeg0 && negative && !d.special && (digits.length === 0 || /^0*$/.test(digits))) negative = false;
  if (d.special) {
    if (d.special === 'nan') negative = false;
    const word = d.special === 'inf' ? (upper ? 'INF' : 'inf') : upper ? 'NAN' : 'nan';
    return (negative ? '-' : flags.sign ? '+' : '') + word;
  }
  let decpt = d.decpt;
  const digitsLen = digits.length;
  let vdigitsEnd = digitsLen;
  let useExp = false;
  switch (fc) {
    case 'e':
      useExp = true;
      vdigitsEnd = precision;
      break;
    case 'f':
      vdigitsEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (flags.addDot0 ? precision - 1 : precision)) useExp = true;
      if (flags.alt) vdigitsEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && flags.addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;
  let p = negative ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) {
    p += '0'.repeat(decpt - vdigitsStart) + '.' + '0'.repeat(-decpt);
  } else {
    p += '0'.repeat(-vdigitsStart);
  }
  if (decpt > 0 && decpt <= digitsLen) p += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else p += digits;
  if (digitsLen < decpt) p += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vdigitsEnd - decpt);
  else p += '0'.repeat(vdigitsEnd - digitsLen);
  if (p.endsWith('.') && !flags.alt) p = p.slice(0, -1);
  if (useExp) {
    p += upper ? 'E' : 'e';
    p += (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  return p;
}

// ---------------------------------------------------------------- the spec mini-language

export interface FormatSpec {
  fill: string;
  align: string;
  alternate: boolean;
  noNeg0: boolean;
  sign: string;
  width: number;
  /** '' none, ',' or '_' every three digits, '_4' every four (b, o, x, X). */
  thousands: '' | ',' | '_' | '_4';
  precision: number;
  type: string;
}

const isAlign = (c: string | undefined): boolean => c === '<' || c === '>' || c === '=' || c === '^';

function getInteger(cps: string[], pos: number): [number, number] {
  let acc = 0;
  let n = 0;
  while (pos < cps.length) {
    const d = decimalValue(cps[pos].codePointAt(0)!);
    if (d < 0) break;
    if (acc > (Number.MAX_SAFE_INTEGER - d) / 10) raise(excType('ValueError'), 'Too many decimal digits in format string');
    acc = acc * 10 + d;
    pos++;
    n++;
  }
  return [acc, n];
}

/** parse_internal_render_format_spec */
export function parseSpec(obj: PyObject, spec: string, defaultType: string, defaultAlign: string): FormatSpec {
  const cps = Array.from(spec);
  const end = cps.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: ' ', align: defaultAlign, alternate: false, noNeg0: false, sign: '', width: -1, thousands: '', precision: -1,
    type: defaultType,
  };
  let alignSpecified = false;
  let fillSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.align = cps[pos + 1];
    f.fill = cps[pos];
    fillSpecified = true;
    alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos];
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1 && (cps[pos] === ' ' || cps[pos] === '+' || cps[pos] === '-')) {
    f.sign = cps[pos];
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 'z') {
    f.noNeg0 = true;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === '#') {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && end - pos >= 1 && cps[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  let [width, consumed] = getInteger(cps, pos);
  pos += consumed;
  f.width = consumed ? width : -1;
  if (end - pos && cps[pos] === ',') {
    f.thousands = ',';
    pos++;
  }
  if (end - pos && cps[pos] === '_') {
    if (f.thousands) raise(excType('ValueError'), "Cannot specify both ',' and '_'.");
    f.thousands = '_';
    pos++;
  }
  if (end - pos && cps[pos] === ',' && f.thousands === '_') raise(excType('ValueError'), "Cannot specify both ',' and '_'.");
  if (end - pos && cps[pos] === '.') {
    pos++;
    [width, consumed] = getInteger(cps, pos);
    pos += consumed;
    if (!consumed) raise(excType('ValueError'), 'Format specifier missing precision');
    f.precision = width;
  }
  if (end - pos > 1) raise(excType('ValueError'), `Invalid format specifier '${spec}' for object of type '${typeName(obj)}'`);
  if (end - pos === 1) f.type = cps[pos];
  if (f.thousands) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.thousands === '_') f.thousands = '_4';
        else raise(excType('ValueError'), `Cannot specify '${f.thousands}' with ${typeCharText(f.type)}.`);
        break;
      default:
        raise(excType('ValueError'), `Cannot specify '${f.thousands}' with ${typeCharText(f.type)}.`);
    }
  }
  return f;
}

function typeCharText(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? `'${c}'` : `'\\x${cp.toString(16)}'`;
}

function unknownType(type: string, obj: PyObject): never {
  const cp = type.codePointAt(0)!;
  if (cp > 32 && cp < 128) raise(excType('ValueError'), `Unknown format code '${type}' for object of type '${typeName(obj)}'`);
  return raise(excType('ValueError'), `Unknown format code '\\x${cp.toString(16)}' for object of type '${typeName(obj)}'`);
}

/** _PyUnicode_InsertThousandsGrouping: digits grouped from the right, zero-padded to minWidth. */
function groupDigits(digits: string, minWidth: number, thousands: FormatSpec['thousands']): string {
  minWidth = Math.max(0, minWidth);
  const group = thousands === ',' || thousands === '_' ? 3 : thousands === '_4' ? 4 : 0;
  const sep = thousands === ',' ? ',' : thousands ? '_' : '';
  let remaining = digits.length;
  let pos = digits.length;
  const parts: string[] = [];
  let broken = false;
  if (group) {
    for (;;) {
      const len = Math.min(group, Math.max(remaining, minWidth, 1));
      const nZeros = Math.max(0, len - remaining);
      const nChars = Math.max(0, Math.min(remaining, len));
      parts.unshift('0'.repeat(nZeros) + digits.slice(pos - nChars, pos));
      pos -= nChars;
      remaining -= nChars;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        broken = true;
        break;
      }
      minWidth -= sep.length;
    }
  }
  if (!broken) {
    const len = Math.max(remaining, minWidth, 1);
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    parts.unshift('0'.repeat(nZeros) + digits.slice(pos - nChars, pos));
  }
  return parts.join(sep);
}

/**
 * calc_number_widths + fill_number: `body` is the number without its sign, split as digits (grouped),
 * then an optional decimal point and remainder.
 */
function fillNumber(f: FormatSpec, signChar: string, prefix: string, digits: string, hasDecimal: boolean, remainder: string, toUpper = false): string {
  let sign = '';
  if (f.sign === '+') sign = signChar === '-' ? '-' : '+';
  else if (f.sign === ' ') sign = signChar === '-' ? '-' : ' ';
  else if (signChar === '-') sign = '-';
  const nonDigit = sign.length + prefix.length + (hasDecimal ? 1 : 0) + remainder.length;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, f.thousands);
  const padding = f.width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    if (f.align === '<') rpad = padding;
    else if (f.align === '^') {
      lpad = Math.floor(padding / 2);
      rpad = padding - lpad;
    } else if (f.align === '=') spad = padding;
    else lpad = padding;
  }
  const g = toUpper ? grouped.toUpperCase() : grouped;
  const pre = toUpper ? prefix.toUpperCase() : prefix;
  return f.fill.repeat(lpad) + sign + pre + f.fill.repeat(spad) + g + (hasDecimal ? '.' : '') + remainder + f.fill.repeat(rpad);
}

function calcPadding(n: number, width: number, align: string): [number, number] {
  const total = width >= 0 && width > n ? width : n;
  const l = align === '>' ? total - n : align === '^' ? Math.floor((total - n) / 2) : 0;
  return [l, total - n - l];
}

function intToBase(v: IntValue, base: number): string {
  return typeof v === 'bigint' ? v.toString(base) : v.toString(base);
}

/** format_long_internal */
function formatLongInternal(obj: PyObject, v: IntValue, f: FormatSpec): string {
  if (f.precision !== -1) raise(excType('ValueError'), 'Precision not allowed in integer format specifier');
  if (f.noNeg0) raise(excType('ValueError'), 'Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign) raise(excType('ValueError'), "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) raise(excType('ValueError'), "Alternate form (#) not allowed with integer format specifier 'c'");
    const x = typeof v === 'bigint' ? -1 : v;
    if (typeof v === 'bigint' && (v > 2n ** 63n - 1n || v < -(2n ** 63n))) raise(excType('OverflowError'), 'Python int too large to convert to C long');
    if (x < 0 || x > 0x10ffff) raise(excType('OverflowError'), '%c arg not in range(0x110000)');
    return fillNumber(f, '', '', '', false, String.fromCodePoint(x));
  }
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const prefix = f.alternate && base !== 10 ? (base === 2 ? '0b' : base === 8 ? '0o' : '0x') : '';
  let s = intToBase(v, base);
  let signChar = '';
  if (s[0] === '-') {
    signChar = '-';
    s = s.slice(1);
  }
  return fillNumber(f, signChar, prefix, s, false, '', f.type === 'X');
}

/** parse_number: digits, then whether a '.' follows, then the rest. */
function splitNumber(s: string): [string, boolean, string] {
  let i = 0;
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  const hasDecimal = s[i] === '.';
  return [s.slice(0, i), hasDecimal, s.slice(hasDecimal ? i + 1 : i)];
}

/** format_float_internal */
function formatFloatInternal(val: number, f: FormatSpec): string {
  let type = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  const flags: DtsFlags = { alt: f.alternate, noNeg0: f.noNeg0 };
  if (type === '') {
    flags.addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') {
    type = 'f';
    val *= 100;
    addPct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let buf = doubleToString(val, type, precision, flags);
  if (addPct) buf += '%';
  if (f.sign !== '+' && f.sign !== ' ' && f.width === -1 && f.type !== 'n' && !f.thousands) return buf;
  let signChar = '';
  if (buf[0] === '-') {
    signChar = '-';
    buf = buf.slice(1);
  }
  const [digits, hasDecimal, rest] = splitNumber(buf);
  return fillNumber(f, signChar, '', digits, hasDecimal, rest);
}

/** format_string_internal */
function formatStringInternal(value: string, f: FormatSpec): string {
  if (f.sign) raise(excType('ValueError'), f.sign === ' ' ? 'Space not allowed in string format specifier' : 'Sign not allowed in string format specifier');
  if (f.noNeg0) raise(excType('ValueError'), 'Negative zero coercion (z) not allowed in string format specifier');
  if (f.alternate) raise(excType('ValueError'), 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') raise(excType('ValueError'), "'=' alignment not allowed in string format specifier");
  const cps = Array.from(value);
  let len = cps.length;
  if ((f.width === -1 || f.width <= len) && (f.precision === -1 || f.precision >= len)) return value;
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  const [l, r] = calcPadding(len, f.width, f.align);
  return f.fill.repeat(l) + cps.slice(0, len).join('') + f.fill.repeat(r);
}

/** format_complex_internal */
function formatComplexInternal(re: number, im: number, f: FormatSpec): string {
  let precision = f.precision;
  if (f.fill === '0') raise(excType('ValueError'), 'Zero padding is not allowed in complex format specifier');
  if (f.align === '=') raise(excType('ValueError'), "'=' alignment flag is not allowed in complex format specifier");
  let type = f.type;
  let defaultPrecision = 6;
  const flags: DtsFlags = { alt: f.alternate, noNeg0: f.noNeg0 };
  let skipRe = false;
  let addParens = false;
  if (type === '') {
    type = 'r';
    defaultPrecision = 0;
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else addParens = true;
  }
  if (type === 'n') type = 'g';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const part = (v: number, sign: string): string => {
    let buf = doubleToString(v, type, precision, flags);
    let signChar = '';
    if (buf[0] === '-') {
      signChar = '-';
      buf = buf.slice(1);
    }
    const [digits, hasDecimal, rest] = splitNumber(buf);
    return fillNumber({ ...f, fill: '', align: '<', width: -1, sign }, signChar, '', digits, hasDecimal, rest);
  };
  const reText = skipRe ? '' : part(re, f.sign);
  const imText = part(im, skipRe ? f.sign : '+');
  const body = (addParens ? '(' : '') + reText + imText + 'j' + (addParens ? ')' : '');
  const [l, r] = calcPadding(Array.from(body).length, f.width, f.align);
  return f.fill.repeat(l) + body + f.fill.repeat(r);
}

// ---------------------------------------------------------------- __format__ of the builtin types

/** int.__format__ (_PyLong_FormatAdvancedWriter) */
export function formatInt(o: PyInt, spec: string): PyStr {
  // format_obj (Python/formatter_unicode.c): an empty spec is str(o), a new str even for one digit
  if (spec === '') return o.ob_type === rt.t.int ? newStrUncached(String(o.value)) : pyStr(o);
  const f = parseSpec(o, spec, 'd', '>');
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return newStr(formatLongInternal(o, o.value, f));
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      return newStr(formatFloatInternal(intToFloat(o.value), f));
    }
    default:
      return unknownType(f.type, o);
  }
}

/** float.__format__ */
export function formatFloat(o: PyFloat, spec: string): PyStr {
  if (spec === '') return pyStr(o);
  const f = parseSpec(o, spec, '', '>');
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return newStr(formatFloatInternal(o.value, f));
    default:
      return unknownType(f.type, o);
  }
}

/** complex.__format__ */
export function formatComplex(o: PyComplex, spec: string): PyStr {
  if (spec === '') return pyStr(o);
  const f = parseSpec(o, spec, '', '>');
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
      return newStr(formatComplexInternal(o.real, o.imag, f));
    default:
      return unknownType(f.type, o);
  }
}

/** str.__format__ */
export function formatStr(o: PyStr, spec: string): PyStr {
  if (spec === '') return o.ob_type === rt.t.str ? incref(o) : pyStr(o);
  const f = parseSpec(o, spec, 's', '<');
  if (f.type !== 's') unknownType(f.type, o);
  const out = formatStringInternal(o.value, f);
  if (out === o.value && o.ob_type === rt.t.str) return incref(o);
  return newStr(out);
}

/** PyObject_Format: format(value, spec) and FORMAT_VALUE (spec null means ''). */
export function formatValue(value: PyObject, spec: PyObject | null): PyObject {
  const specText = spec ? (spec as PyStr).value : '';
  if (specText === '') {
    if (value.ob_type === rt.t.str) return incref(value);
    if (value.ob_type === rt.t.int) return pyStr(value);
  }
  const meth = lookupType(value.ob_type, '__format__');
  if (!meth) {
    raise(excType('TypeError'), `Type ${typeName(value)} doesn't define __format__`);
  }
  const specObj = spec ? incref(spec) : newStr('');
  let r: PyObject;
  try {
    r = callMethodOf(meth!, value, [specObj]);
  } finally {
    decref(specObj);
  }
  if (!(r instanceof PyStr)) {
    const n = typeName(r);
    decref(r);
    raise(excType('TypeError'), `__format__ must return a str, not ${n}`);
  }
  return r;
}

/** render_field: the exact builtin types skip the __format__ lookup. */
function renderField(obj: PyObject, spec: string): string {
  const t = obj.ob_type;
  if (t === rt.t.str) {
    if (spec === '') return (obj as PyStr).value;
    return takeStr(formatStr(obj as PyStr, spec));
  }
  if (t === rt.t.int) return takeStr(formatInt(obj as PyInt, spec));
  if (t === rt.t.float) return takeStr(formatFloat(obj as PyFloat, spec));
  if (t === rt.t.complex) return takeStr(formatComplex(obj as PyComplex, spec));
  const specObj = newStr(spec);
  try {
    return takeStr(formatValue(obj, specObj) as PyStr);
  } finally {
    decref(specObj);
  }
}

function takeStr(s: PyStr): string {
  const v = s.value;
  decref(s);
  return v;
}

// ---------------------------------------------------------------- str.format

interface AutoNumber {
  state: 'init' | 'auto' | 'manual';
  next: number;
}

/** Formats `fmt` with positional args (a tuple, or null for format_map) and a mapping of names. */
function buildString(fmt: string[], args: PyTuple | null, kwargs: PyObject | null, depth: number, auto: AutoNumber): string {
  if (depth <= 0) raise(excType('ValueError'), 'Max string recursion exceeded');
  let out = '';
  let pos = 0;
  const end = fmt.length;
  while (pos < end) {
    // literal text up to a brace
    const start = pos;
    let c = '';
    let markup = false;
    while (pos < end) {
      c = fmt[pos++];
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (markup && c === '}' && (atEnd || fmt[pos] !== '}')) raise(excType('ValueError'), "Single '}' encountered in format string");
    if (markup && atEnd && c === '{') raise(excType('ValueError'), "Single '{' encountered in format string");
    if (markup && !atEnd) {
      if (fmt[pos] === c) {
        pos++;
        markup = false;
      } else len--;
    }
    out += fmt.slice(start, start + len).join('');
    if (!markup) continue;
    // parse_field
    const nameStart = pos;
    let ch = '';
    while (pos < end) {
      ch = fmt[pos++];
      if (ch === '{') raise(excType('ValueError'), "unexpected '{' in field name");
      if (ch === '[') {
        while (pos < end && fmt[pos] !== ']') pos++;
        continue;
      }
      if (ch === '}' || ch === ':' || ch === '!') break;
    }
    const fieldName = fmt.slice(nameStart, pos - 1);
    let conversion = '';
    let spec: string[] = [];
    let needsExpanding = false;
    if (ch === '!' || ch === ':') {
      let specDone = false;
      if (ch === '!') {
        if (pos >= end) raise(excType('ValueError'), 'end of string while looking for conversion specifier');
        conversion = fmt[pos++];
        if (pos < end) {
          const c2 = fmt[pos++];
          if (c2 === '}') specDone = true;
          else if (c2 !== ':') raise(excType('ValueError'), "expected ':' after conversion specifier");
        }
      }
      if (!specDone) {
        const specStart = pos;
        let count = 1;
        let closed = false;
        while (pos < end) {
          const c3 = fmt[pos++];
          if (c3 === '{') {
            needsExpanding = true;
            count++;
          } else if (c3 === '}') {
            count--;
            if (count === 0) {
              spec = fmt.slice(specStart, pos - 1);
              closed = true;
              break;
            }
          }
        }
        if (!closed) raise(excType('ValueError'), "unmatched '{' in format spec");
      }
    } else if (ch !== '}') {
      raise(excType('ValueError'), "expected '}' before end of string");
    }
    // output_markup
    let obj = getFieldObject(fieldName, args, kwargs, auto);
    try {
      if (conversion) {
        let converted: PyObject;
        if (conversion === 'r') converted = repr(obj);
        else if (conversion === 's') converted = pyStr(obj);
        else if (conversion === 'a') converted = asciiOf(obj);
        else {
          const cp = conversion.codePointAt(0)!;
          raise(excType('ValueError'), cp > 32 && cp < 127 ? `Unknown conversion specifier ${conversion}` : `Unknown conversion specifier \\x${cp.toString(16)}`);
        }
        decref(obj);
        obj = converted!;
      }
      const specText = needsExpanding ? buildString(spec, args, kwargs, depth - 1, auto) : spec.join('');
      out += renderField(obj, specText);
    } finally {
      decref(obj);
    }
  }
  return out;
}

function getFieldObject(name: string[], args: PyTuple | null, kwargs: PyObject | null, auto: AutoNumber): PyObject {
  let i = 0;
  while (i < name.length && name[i] !== '[' && name[i] !== '.') i++;
  const first = name.slice(0, i).join('');
  let index = /^\d+$/.test(first) ? Number(first) : -1;
  if (index > Number.MAX_SAFE_INTEGER) raise(excType('ValueError'), 'Too many decimal digits in format string');
  const empty = first === '';
  const numeric = empty || index !== -1;
  if (auto.state === 'init' && numeric) auto.state = empty ? 'auto' : 'manual';
  if (numeric) {
    if (auto.state === 'manual' && empty) raise(excType('ValueError'), 'cannot switch from manual field specification to automatic field numbering');
    if (auto.state === 'auto' && !empty) raise(excType('ValueError'), 'cannot switch from automatic field numbering to manual field specification');
  }
  if (empty) index = auto.next++;
  let obj: PyObject;
  if (index === -1) {
    const key = newStr(first);
    try {
      if (!kwargs) {
        dict.keyErrorFor(key);
      }
      obj = getItem(kwargs!, key);
    } finally {
      decref(key);
    }
  } else {
    if (!args) raise(excType('ValueError'), 'Format string contains positional fields');
    if (index >= args!.items.length) raise(excType('IndexError'), `Replacement index ${index} out of range for positional args tuple`);
    obj = incref(args!.items[index]);
  }
  // the rest: .attr and [key]
  while (i < name.length) {
    const c = name[i++];
    let part = '';
    let isAttr: boolean;
    if (c === '.') {
      isAttr = true;
      while (i < name.length && name[i] !== '[' && name[i] !== '.') part += name[i++];
    } else if (c === '[') {
      isAttr = false;
      let seen = false;
      while (i < name.length) {
        const d = name[i++];
        if (d === ']') {
          seen = true;
          break;
        }
        part += d;
      }
      if (!seen) {
        decref(obj!);
        raise(excType('ValueError'), "Missing ']' in format string");
      }
    } else {
      decref(obj!);
      return raise(excType('ValueError'), "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (part === '') {
      decref(obj!);
      raise(excType('ValueError'), 'Empty attribute in format string');
    }
    let next: PyObject;
    try {
      if (isAttr) next = getAttr(obj!, part);
      else {
        const key = /^\d+$/.test(part) ? newInt(Number(part)) : newStr(part);
        try {
          next = getItem(obj!, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(obj!);
    }
    obj = next!;
  }
  return obj!;
}

function asciiOf(o: PyObject): PyStr {
  const r = repr(o);
  let out = '';
  for (const ch of r.value) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  decref(r);
  return newStr(out);
}

/** str.format(*args, **kwargs): the call's arguments become a tuple and (with keywords) a dict, as METH_VARARGS|METH_KEYWORDS. */
export function strFormat(self: PyStr, args: PyObject[], kwnames: PyStr[] | null): PyStr {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const tuple = newTuple(args.slice(0, npos).map((o) => incref(o)));
  let kwargs: PyDict | null = null;
  try {
    if (nkw) {
      kwargs = newDict();
      for (let k = 0; k < nkw; k++) dict.setItem(kwargs, kwnames![k], args[npos + k]);
    }
    return newStr(buildString(Array.from(self.value), tuple, kwargs, 2, { state: 'init', next: 0 }));
  } finally {
    decref(tuple);
    if (kwargs) decref(kwargs);
  }
}

export function strFormatMap(self: PyStr, mapping: PyObject): PyStr {
  return newStr(buildString(Array.from(self.value), null, mapping, 2, { state: 'init', next: 0 }));
}

// ---------------------------------------------------------------- printf-style (%)

function isMapping(o: PyObject): boolean {
  if (o instanceof PyDict) return true;
  for (const t of o.ob_type.mro) {
    if (t.slots.mp_subscript) return true;
    if (t.heapType && t.dict.map.has('__getitem__')) return true;
  }
  return false;
}

interface PercentArg {
  flags: { ljust: boolean; sign: boolean; blank: boolean; alt: boolean; zero: boolean };
  width: number;
  prec: number;
  ch: string;
  sign: boolean;
}

/** PyUnicode_Format: fmt % args. */
export function percentFormat(fmt: PyStr, args: PyObject): PyStr {
  return newStr(percentCore(Array.from(fmt.value), args, false));
}

function percentCore(fmt: string[], args: PyObject, bytesMode: boolean): string {
  const tupleArgs = args instanceof PyTuple;
  let arglen = tupleArgs ? (args as PyTuple).items.length : -1;
  let argidx = tupleArgs ? 0 : -2;
  const dictArg = isMapping(args) && !tupleArgs && !(args instanceof PyStr) ? args : null;
  let curArgs: PyObject = args;
  let argsOwned = false;
  const nextArg = (): PyObject => {
    if (argidx < arglen) {
      const i = argidx++;
      if (arglen < 0) return curArgs;
      return (curArgs as PyTuple).items[i];
    }
    return raise(excType('TypeError'), `not enough arguments for format ${bytesMode ? 'string' : 'string'}`);
  };
  let out = '';
  let pos = 0;
  let cnt = fmt.length;
  try {
    while (--cnt >= 0) {
      if (fmt[pos] !== '%') {
        const start = pos++;
        while (cnt >= 0 && pos < fmt.length && fmt[pos] !== '%') {
          pos++;
          cnt--;
        }
        if (cnt < 0) pos--;
        out += fmt.slice(start, Math.min(pos, fmt.length)).join('');
        if (cnt < 0) break;
        continue;
      }
      pos++;
      // unicode_format_arg
      let ch = fmt[pos];
      if (ch === '%') {
        pos++;
        cnt--;
        out += '%';
        continue;
      }
      const arg: PercentArg = { flags: { ljust: false, sign: false, blank: false, alt: false, zero: false }, width: -1, prec: -1, ch: ch ?? '', sign: false };
      if (arg.ch === '(') {
        if (!dictArg) raise(excType('TypeError'), 'format requires a mapping');
        pos++;
        cnt--;
        const keystart = pos;
        let pcount = 1;
        while (pcount > 0 && --cnt >= 0) {
          arg.ch = fmt[pos];
          if (arg.ch === ')') pcount--;
          else if (arg.ch === '(') pcount++;
          pos++;
        }
        const keylen = pos - keystart - 1;
        if (cnt < 0 || pcount > 0) raise(excType('ValueError'), 'incomplete format key');
        const key = newStr(fmt.slice(keystart, keystart + keylen).join(''));
        try {
          const v = getItem(dictArg!, key);
          if (argsOwned) decref(curArgs);
          curArgs = v;
          argsOwned = true;
        } finally {
          decref(key);
        }
        arglen = -1;
        argidx = -2;
      }
      while (--cnt >= 0) {
        arg.ch = fmt[pos++];
        if (arg.ch === '-') arg.flags.ljust = true;
        else if (arg.ch === '+') arg.flags.sign = true;
        else if (arg.ch === ' ') arg.flags.blank = true;
        else if (arg.ch === '#') arg.flags.alt = true;
        else if (arg.ch === '0') arg.flags.zero = true;
        else break;
      }
      if (arg.ch === '*') {
        const v = nextArg();
        if (!(v instanceof PyInt)) raise(excType('TypeError'), '* wants int');
        arg.width = Number((v as PyInt).value);
        if (arg.width < 0) {
          arg.flags.ljust = true;
          arg.width = -arg.width;
        }
        if (--cnt >= 0) arg.ch = fmt[pos++];
      } else if (arg.ch >= '0' && arg.ch <= '9') {
        arg.width = Number(arg.ch);
        while (--cnt >= 0) {
          arg.ch = fmt[pos++];
          if (arg.ch < '0' || arg.ch > '9') break;
          arg.width = arg.width * 10 + Number(arg.ch);
        }
      }
      if (arg.ch === '.') {
        arg.prec = 0;
        if (--cnt >= 0) arg.ch = fmt[pos++];
        if (arg.ch === '*') {
          const v = nextArg();
          if (!(v instanceof PyInt)) raise(excType('TypeError'), '* wants int');
          arg.prec = Math.max(0, Number((v as PyInt).value));
          if (--cnt >= 0) arg.ch = fmt[pos++];
        } else if (arg.ch >= '0' && arg.ch <= '9') {
          arg.prec = Number(arg.ch);
          while (--cnt >= 0) {
            arg.ch = fmt[pos++];
            if (arg.ch < '0' || arg.ch > '9') break;
            arg.prec = arg.prec * 10 + Number(arg.ch);
          }
        }
      }
      if (cnt >= 0 && (arg.ch === 'h' || arg.ch === 'l' || arg.ch === 'L')) {
        if (--cnt >= 0) arg.ch = fmt[pos++];
      }
      if (cnt < 0) raise(excType('ValueError'), 'incomplete format');
      // unicode_format_arg_format
      const v = nextArg();
      let s: string;
      switch (arg.ch) {
        case 's':
        case 'r':
        case 'a':
          if (bytesMode && arg.ch === 's') s = bytesPercentS(v);
          else if (v.ob_type === rt.t.str && arg.ch === 's') s = (v as PyStr).value;
          else {
            const r = arg.ch === 's' ? pyStr(v) : arg.ch === 'r' ? repr(v) : asciiOf(v);
            s = r.value;
            decref(r);
          }
          break;
        case 'b':
          if (!bytesMode) return unsupportedChar(arg.ch, pos);
          s = bytesPercentS(v);
          break;
        case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
          s = formatLongPercent(v, arg);
          arg.sign = true;
          break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
          const x = percentFloatValue(v);
          s = doubleToString(x, arg.ch, arg.prec < 0 ? 6 : arg.prec, { alt: arg.flags.alt });
          arg.sign = true;
          break;
        }
        case 'c':
          s = percentChar(v, bytesMode);
          break;
        default:
          return unsupportedChar(arg.ch, pos);
      }
      out += percentOutput(arg, s);
      if (dictArg && argidx < arglen) raise(excType('TypeError'), 'not all arguments converted during string formatting');
    }
    if (argidx < arglen && !dictArg) {
      raise(excType('TypeError'), `not all arguments converted during ${bytesMode ? 'bytes' : 'string'} formatting`);
    }
    return out;
  } finally {
    if (argsOwned) decref(curArgs);
  }
}

function unsupportedChar(ch: string, pos: number): never {
  const cp = ch.codePointAt(0)!;
  return raise(excType('ValueError'), `unsupported format character '${cp >= 31 && cp <= 126 ? ch : '?'}' (0x${cp.toString(16)}) at index ${pos - 1}`);
}

function percentFloatValue(v: PyObject): number {
  if (v instanceof PyFloat) return v.value;
  const dunder = v instanceof PyInt || lookupType(v.ob_type, '__float__') || lookupType(v.ob_type, '__index__');
  if (!dunder) raise(excType('TypeError'), `must be real number, not ${typeName(v)}`);
  const f = numberFloat(v);
  const x = f.value;
  decref(f);
  return x;
}

function formatLongPercent(v: PyObject, arg: PercentArg): string {
  const type = arg.ch;
  let iv: IntValue;
  const isNumber = v instanceof PyInt || v instanceof PyFloat || v instanceof PyComplex ||
    !!lookupType(v.ob_type, '__index__') || !!lookupType(v.ob_type, '__int__') || !!lookupType(v.ob_type, '__float__');
  const wrong = (): never => raise(excType('TypeError'), type === 'o' || type === 'x' || type === 'X'
    ? `%${type} format: an integer is required, not ${typeName(v)}`
    : `%${type} format: a real number is required, not ${typeName(v)}`);
  if (!isNumber) wrong();
  if (v instanceof PyInt) iv = v.value;
  else {
    try {
      if (type === 'o' || type === 'x' || type === 'X') {
        if (!lookupType(v.ob_type, '__index__')) wrong();
        iv = indexValue(v);
      } else {
        const r = numberLong(v);
        iv = r.value;
        decref(r);
      }
    } catch (e) {
      if (isRaised(e, excType('TypeError'))) {
        decref(e.exc);
        wrong();
      }
      throw e;
    }
  }
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  let s = intToBase(iv!, base);
  let sign = '';
  if (s[0] === '-') {
    sign = '-';
    s = s.slice(1);
  }
  if (arg.prec > s.length) s = '0'.repeat(arg.prec - s.length) + s;
  let prefix = '';
  if (arg.flags.alt && base !== 10) prefix = base === 8 ? '0o' : '0x';
  let r = sign + prefix + s;
  if (type === 'X') r = r.toUpperCase();
  return r;
}

function percentChar(v: PyObject, bytesMode: boolean): string {
  if (bytesMode) {
    if (v instanceof PyBytes && v.value.length === 1) return String.fromCharCode(v.value[0]);
    if (v instanceof PyInt) {
      const x = Number(v.value);
      if (x < 0 || x > 255) raise(excType('OverflowError'), '%c arg not in range(256)');
      return String.fromCharCode(x);
    }
    return raise(excType('TypeError'), '%c requires an integer in range(256) or a single byte');
  }
  if (v instanceof PyStr) {
    const cps = Array.from(v.value);
    if (cps.length === 1) return cps[0];
    return raise(excType('TypeError'), '%c requires int or char');
  }
  if (v instanceof PyInt) {
    const x = v.value;
    if (typeof x === 'bigint' || x < 0 || x > 0x10ffff) raise(excType('OverflowError'), '%c arg not in range(0x110000)');
    return String.fromCodePoint(x as number);
  }
  if (lookupType(v.ob_type, '__index__')) {
    const x = indexValue(v);
    if (typeof x === 'bigint' || x < 0 || x > 0x10ffff) raise(excType('OverflowError'), '%c arg not in range(0x110000)');
    return String.fromCodePoint(x as number);
  }
  return raise(excType('TypeError'), '%c requires int or char');
}

/** unicode_format_arg_output: padding, sign and the 0x prefix. */
function percentOutput(arg: PercentArg, str: string): string {
  const fill = arg.sign && arg.flags.zero ? '0' : ' ';
  const cps = Array.from(str);
  let len = cps.length;
  if ((arg.width === -1 || arg.width <= len) && (arg.prec === -1 || arg.prec >= len) && !arg.flags.sign && !arg.flags.blank) return str;
  if ((arg.ch === 's' || arg.ch === 'r' || arg.ch === 'a') && arg.prec >= 0 && len > arg.prec) len = arg.prec;
  let pindex = 0;
  let signchar = '';
  if (arg.sign) {
    const ch = cps[0];
    if (ch === '-' || ch === '+') {
      signchar = ch;
      len--;
      pindex++;
    } else if (arg.flags.sign) signchar = '+';
    else if (arg.flags.blank) signchar = ' ';
    else arg.sign = false;
  }
  let width = arg.width;
  if (width < len) width = len;
  let out = '';
  if (arg.sign) {
    if (fill !== ' ') out += signchar;
    if (width > len) width--;
  }
  const altPrefix = arg.flags.alt && (arg.ch === 'x' || arg.ch === 'X' || arg.ch === 'o');
  if (altPrefix) {
    if (fill !== ' ') {
      out += cps[pindex] + cps[pindex + 1];
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !arg.flags.ljust) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === ' ') {
    if (arg.sign) out += signchar;
    if (altPrefix) {
      out += cps[pindex] + cps[pindex + 1];
      pindex += 2;
    }
  }
  if (len) out += cps.slice(pindex, pindex + len).join('');
  if (width > len) out += ' '.repeat(width - len);
  return out;
}

// ---------------------------------------------------------------- bytes %

function bytesPercentS(v: PyObject): string {
  if (v instanceof PyBytes) return String.fromCharCode(...v.value);
  const dunder = lookupType(v.ob_type, '__bytes__');
  if (dunder) {
    const r = callDescriptor(dunder, v, []);
    try {
      if (!(r instanceof PyBytes)) raise(excType('TypeError'), `__bytes__ returned non-bytes (type ${typeName(r)})`);
      return String.fromCharCode(...(r as PyBytes).value);
    } finally {
      decref(r);
    }
  }
  return raise(excType('TypeError'), `%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(v)}'`);
}

/** bytes % args (Objects/bytesobject.c, _PyBytes_FormatEx), for the conversions that make sense on bytes. */
export function percentFormatBytes(fmt: PyBytes, args: PyObject): PyObject {
  const text = percentCore(Array.from(fmt.value, (c) => String.fromCharCode(c)), args, true);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return newBytes(out);
}

/** Nothing to add to the types: int, float, complex and str define __format__ in their own files. */
export function install(t: TypeTable): void {
  void t;
}
