// bytes and bytearray (Objects/bytesobject.c, Objects/bytearrayobject.c), and the codecs str.encode and
// bytes.decode use (utf-8, ascii, latin-1, utf-16, utf-32) with the strict/ignore/replace/... error handlers.
import { callSpecial, excType, getIter, isRaised, iterNext, typeName } from '../abstract';
import { PyBytes, PyInt, PyList, PyObject, PySlice, PyStr, PyTuple, bufferHook, type PyType } from '../objects';
import { PyRaise, alloc, decref, incref, newBool, newException, newInt, newStr, newTuple, raise, rt, type Runtime, placeStatic } from '../runtime';
import { reprBytes } from '../../text/repr';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, adjustIndices, asSsize, clinic, cmpResult, def, hasIndex, indexOf, notImplemented, posArgs,
  setUnhashable, sliceIndexArg, tupleArgs,
} from './common';
import { isPySpace } from './int';
import { newIterator } from './iterators';
import { listAppendSteal, newListAllocated, checkRepeatSize, repeatCount } from './list';
import { adjustSlice, sliceUnpack } from './slice';
import { classMethod } from './util';
import { percentFormatBytes } from './format';

// ---------------------------------------------------------------- objects

interface BytesStatics {
  empty: PyBytes;
  chars: PyBytes[];
}
const statics = new WeakMap<Runtime, BytesStatics>();

/** b'' and the one-byte bytes are static singletons (bytes_get_empty, _Py_SINGLETON(bytes_characters)). */
function bytesStatic(v: Uint8Array): PyBytes {
  let st = statics.get(rt);
  if (!st) {
    const make = (arr: Uint8Array): PyBytes => {
      const b = placeStatic(new PyBytes(rt.t.bytes, arr), 33 + arr.length);
      if (rt.v >= 312) b.immortal = true;
      else b.ob_refcnt = 1 << 28;
      return b;
    };
    st = { empty: make(new Uint8Array(0)), chars: [] };
    for (let c = 0; c < 256; c++) st.chars.push(make(Uint8Array.of(c)));
    statics.set(rt, st);
  }
  return incref(v.length === 0 ? st.empty : st.chars[v[0]]);
}

/** A new bytes object (the array is taken over). */
export function newBytes(v: Uint8Array): PyBytes {
  if (v.length <= 1) return bytesStatic(v);
  return alloc(new PyBytes(rt.t.bytes, v), 4 * rt.version.ptr + 1 + v.length);
}

/** Sets a bytearray's ob_alloc: its buffer is reallocated (footprint.ts). */
function setCapacity(b: PyBytes, n: number): void {
  b.obAlloc = n;
  if (bufferHook.resized !== null && b.address !== 0) bufferHook.resized(b);
}

/** PyByteArray_Resize's new ob_alloc (Objects/bytearrayobject.c): a minor shrink keeps the buffer, a major one
 *  fits it; a moderate growth over-allocates by an eighth, a big one fits exactly. */
function resizedAlloc(alloc: number, size: number): number {
  if (size + 1 <= alloc) return size < Math.floor(alloc / 2) ? size + 1 : alloc;
  return size <= alloc * 1.125 ? size + (size >> 3) + (size < 9 ? 3 : 6) : size + 1;
}

/** bytearray_init from an iterable of ints: each byte appended, resizing when the buffer is full. */
function appendedAlloc(n: number): number {
  let alloc = 0;
  for (let size = 0; size < n; size++) if (size + 1 >= alloc) alloc = resizedAlloc(alloc, size + 1);
  return alloc;
}

export function newBytearray(v: Uint8Array, type?: PyType): PyBytes {
  const b = alloc(new PyBytes(type ?? rt.t.bytearray, v), Math.max(7 * rt.version.ptr, type?.basicsize ?? 0));
  setCapacity(b, v.length ? v.length + 1 : 0);
  return b;
}

function isBytearray(o: PyObject): boolean {
  return o instanceof PyBytes && (o.ob_type === rt.t.bytearray || o.ob_type.mro.includes(rt.t.bytearray));
}

/** A result of the receiver's kind: bytes for bytes, bytearray for bytearray. */
function like(self: PyBytes, v: Uint8Array): PyBytes {
  return isBytearray(self) ? newBytearray(v) : newBytes(v);
}

/** The bytes of a bytes-like object (bytes, bytearray), or null. */
export function bytesLike(o: PyObject): Uint8Array | null {
  return o instanceof PyBytes ? o.value : null;
}

function needBytesLike(o: PyObject): Uint8Array {
  const b = bytesLike(o);
  if (!b) raise(excType('TypeError'), `a bytes-like object is required, not '${typeName(o)}'`);
  return b!;
}

/** PyObject_Bytes: bytes(x) for x bytes-like, with __bytes__, or an iterable of ints. */
export function bytesFromObject(o: PyObject): PyBytes {
  if (o.ob_type === rt.t.bytes) return incref(o as PyBytes);
  const dunder = callSpecial(o, '__bytes__', []);
  if (dunder) {
    if (!(dunder instanceof PyBytes) || isBytearray(dunder)) {
      const n = typeName(dunder);
      decref(dunder);
      raise(excType('TypeError'), `__bytes__ returned non-bytes (type ${n})`);
    }
    return dunder as PyBytes;
  }
  if (o instanceof PyBytes) return newBytes(o.value.slice());
  if (o instanceof PyStr) raise(excType('TypeError'), 'cannot convert \'str\' object to bytes');
  return newBytes(bytesFromIterable(o));
}

function byteValue(o: PyObject): number {
  if (!hasIndex(o)) raise(excType('TypeError'), `'${typeName(o)}' object cannot be interpreted as an integer`);
  const v = indexOf(o);
  if (typeof v === 'bigint' || v < 0 || v > 255) raise(excType('ValueError'), 'byte must be in range(0, 256)');
  return v as number;
}

function bytesFromIterable(o: PyObject): Uint8Array {
  if (o instanceof PyList || o instanceof PyTuple) {
    return Uint8Array.from(o.items.map((x) => {
      if (!hasIndex(x)) raise(excType('TypeError'), `'${typeName(x)}' object cannot be interpreted as an integer`);
      const v = indexOf(x);
      if (typeof v === 'bigint' || v < 0 || v > 255) raise(excType('ValueError'), 'bytes must be in range(0, 256)');
      return v as number;
    }));
  }
  const out: number[] = [];
  const it = getIter(o);
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) {
      try {
        if (!hasIndex(x)) raise(excType('TypeError'), `'${typeName(x)}' object cannot be interpreted as an integer`);
        const v = indexOf(x);
        if (typeof v === 'bigint' || v < 0 || v > 255) raise(excType('ValueError'), 'bytes must be in range(0, 256)');
        out.push(v as number);
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- codecs

/** The codec a name stands for (encodings.normalize_encoding and the aliases users write). */
export function normalizeEncoding(name: string): string {
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  const aliases: Record<string, string> = {
    utf8: 'utf_8', utf_8: 'utf_8', u8: 'utf_8', utf: 'utf_8', cp65001: 'utf_8',
    ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii',
    latin_1: 'latin_1', latin1: 'latin_1', iso_8859_1: 'latin_1', iso8859_1: 'latin_1', l1: 'latin_1', '8859': 'latin_1', cp819: 'latin_1', latin: 'latin_1',
    utf_16: 'utf_16', utf16: 'utf_16', utf_16_le: 'utf_16_le', utf_16le: 'utf_16_le', utf_16_be: 'utf_16_be', utf_16be: 'utf_16_be',
    utf_32: 'utf_32', utf32: 'utf_32', utf_32_le: 'utf_32_le', utf_32le: 'utf_32_le', utf_32_be: 'utf_32_be', utf_32be: 'utf_32_be',
  };
  return aliases[n] ?? '';
}

function codecName(canonical: string): string {
  return canonical.replace(/_/g, '-').replace('latin-1', 'latin-1');
}

function lookupError(encoding: string): never {
  return raise(excType('LookupError'), `unknown encoding: ${encoding}`);
}

function unicodeEncodeError(codec: string, s: string, start: number, end: number, reason: string): never {
  throw new PyRaise(newException(excType('UnicodeEncodeError'), [newStr(codec), newStr(s), newInt(start), newInt(end), newStr(reason)]));
}

function unicodeDecodeError(codec: string, b: Uint8Array, start: number, end: number, reason: string): never {
  throw new PyRaise(newException(excType('UnicodeDecodeError'), [newStr(codec), newBytes(b.slice()), newInt(start), newInt(end), newStr(reason)]));
}

/** str.encode */
export function encodeStr(s: string, encoding = 'utf-8', errors = 'strict'): Uint8Array {
  const codec = normalizeEncoding(encoding);
  if (!codec) lookupError(encoding);
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const out: number[] = [];
  const limit = codec === 'ascii' ? 128 : codec === 'latin_1' ? 256 : 0x110000;
  const name = codec === 'utf_8' ? 'utf-8' : codec === 'latin_1' ? 'latin-1' : codecName(codec);
  const pushCp = (cp: number): void => {
    if (codec === 'utf_8') {
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    } else if (codec.startsWith('utf_16')) {
      const le = codec !== 'utf_16_be';
      const units = cp >= 0x10000 ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
      for (const u of units) out.push(...(le ? [u & 255, u >> 8] : [u >> 8, u & 255]));
    } else if (codec.startsWith('utf_32')) {
      const le = codec !== 'utf_32_be';
      const bytes = [cp & 255, (cp >> 8) & 255, (cp >> 16) & 255, cp >>> 24];
      out.push(...(le ? bytes : bytes.reverse()));
    } else out.push(cp);
  };
  if (codec === 'utf_16') out.push(0xff, 0xfe);
  if (codec === 'utf_32') out.push(0xff, 0xfe, 0, 0);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const surrogate = cp >= 0xd800 && cp < 0xe000;
    if (cp < limit && !(surrogate && codec !== 'latin_1' && codec !== 'ascii')) {
      pushCp(cp);
      continue;
    }
    let end = i + 1;
    if (errors === 'strict' || !['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'surrogatepass'].includes(errors)) {
      while (end < cps.length && (cps[end] >= limit || (cps[end] >= 0xd800 && cps[end] < 0xe000))) end++;
      if (!['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'].includes(errors)) {
        raise(excType('LookupError'), `unknown error handler name '${errors}'`);
      }
      unicodeEncodeError(name, s, i, end, surrogate && limit > 0xffff ? 'surrogates not allowed' : `ordinal not in range(${limit})`);
    }
    if (errors === 'ignore') continue;
    if (errors === 'replace') out.push(0x3f);
    else if (errors === 'backslashreplace') {
      const esc = cp < 0x100 ? '\\x' + cp.toString(16).padStart(2, '0') : cp < 0x10000 ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
      for (const c of esc) out.push(c.charCodeAt(0));
    } else if (errors === 'xmlcharrefreplace') {
      for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
    } else if (errors === 'surrogatepass' && surrogate) {
      pushCp(cp);
    } else if (errors === 'surrogateescape' && cp >= 0xdc80 && cp <= 0xdcff) {
      out.push(cp - 0xdc00);
    } else {
      unicodeEncodeError(name, s, i, i + 1, surrogate ? 'surrogates not allowed' : `ordinal not in range(${limit})`);
    }
  }
  return Uint8Array.from(out);
}

/** bytes.decode */
export function decodeBytes(b: Uint8Array, encoding = 'utf-8', errors = 'strict'): string {
  const codec = normalizeEncoding(encoding);
  if (!codec) lookupError(encoding);
  const handle = (start: number, end: number, reason: string, name: string): string => {
    if (errors === 'strict') unicodeDecodeError(name, b, start, end, reason);
    if (errors === 'ignore') return '';
    if (errors === 'replace') return '\ufffd';
    if (errors === 'backslashreplace') {
      let s = '';
      for (let i = start; i < end; i++) s += '\\x' + b[i].toString(16).padStart(2, '0');
      return s;
    }
    if (errors === 'surrogateescape') {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(0xdc00 + b[i]);
      return s;
    }
    return raise(excType('LookupError'), `unknown error handler name '${errors}'`);
  };
  if (codec === 'latin_1') {
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return s;
  }
  if (codec === 'ascii') {
    let s = '';
    for (let i = 0; i < b.length; i++) s += b[i] < 128 ? String.fromCharCode(b[i]) : handle(i, i + 1, 'ordinal not in range(128)', 'ascii');
    return s;
  }
  if (codec === 'utf_8') {
    let s = '';
    let i = 0;
    while (i < b.length) {
      const c = b[i];
      if (c < 0x80) {
        s += String.fromCharCode(c);
        i++;
        continue;
      }
      let need = 0;
      let cp = 0;
      if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; }
      else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; }
      else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; }
      else {
        s += handle(i, i + 1, 'invalid start byte', 'utf-8');
        i++;
        continue;
      }
      let j = 1;
      let bad = false;
      for (; j <= need; j++) {
        if (i + j >= b.length) break;
        const cc = b[i + j];
        // The second byte's valid range is narrower for E0, ED, F0 and F4 (no overlongs, surrogates, > U+10FFFF).
        let lo = 0x80;
        let hi = 0xbf;
        if (j === 1) {
          if (c === 0xe0) lo = 0xa0;
          else if (c === 0xed) hi = 0x9f;
          else if (c === 0xf0) lo = 0x90;
          else if (c === 0xf4) hi = 0x8f;
        }
        if (cc < lo || cc > hi) {
          bad = true;
          break;
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (bad) {
        s += handle(i, i + j, 'invalid continuation byte', 'utf-8');
        i += j;
        continue;
      }
      if (j <= need) {
        s += handle(i, b.length, 'unexpected end of data', 'utf-8');
        break;
      }
      s += String.fromCodePoint(cp);
      i += need + 1;
    }
    return s;
  }
  if (codec.startsWith('utf_16')) {
    let le = codec !== 'utf_16_be';
    let i = 0;
    if (codec === 'utf_16' && b.length >= 2) {
      if (b[0] === 0xff && b[1] === 0xfe) i = 2;
      else if (b[0] === 0xfe && b[1] === 0xff) {
        le = false;
        i = 2;
      }
    }
    let s = '';
    for (; i + 1 < b.length; i += 2) s += String.fromCharCode(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
    if (i < b.length) s += handle(i, b.length, 'truncated data', codecName(codec));
    return s;
  }
  let le = codec !== 'utf_32_be';
  let i = 0;
  if (codec === 'utf_32' && b.length >= 4) {
    if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) i = 4;
    else if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) {
      le = false;
      i = 4;
    }
  }
  let s = '';
  for (; i + 3 < b.length; i += 4) {
    const cp = le ? b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24) : (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
    s += cp >= 0 && cp < 0x110000 ? String.fromCodePoint(cp) : handle(i, i + 4, 'code point not in range(0x110000)', codecName(codec));
  }
  if (i < b.length) s += handle(i, b.length, 'truncated data', codecName(codec));
  return s;
}

// ---------------------------------------------------------------- searching helpers

function find(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  if (needle.length === 0) return start <= end && start <= hay.length ? start : -1;
  outer: for (let i = start; i + needle.length <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function rfind(hay: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  if (needle.length === 0) return start <= end && start <= hay.length ? end : -1;
  outer: for (let i = end - needle.length; i >= start; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The `sub` argument of find/count/index: bytes-like or an int in range(256). */
function subArg(o: PyObject): Uint8Array {
  if (o instanceof PyBytes) return o.value;
  if (hasIndex(o)) return Uint8Array.of(byteValue(o));
  return raise(excType('TypeError'), `argument should be integer or bytes-like object, not '${typeName(o)}'`);
}

function searchArgs(name: string, self: PyBytes, args: PyObject[], kw: PyStr[] | null): [Uint8Array, number, number] {
  tupleArgs(name, args, kw, 1, 3);
  const sub = subArg(args[0]);
  const [start, end] = adjustIndices(sliceIndexArg(args[1], 0), sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER), self.value.length);
  return [sub, start, end];
}

const isSpaceByte = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

function stripBytes(v: Uint8Array, chars: Uint8Array | null, left: boolean, right: boolean): Uint8Array {
  const strip = (c: number): boolean => (chars ? chars.includes(c) : isSpaceByte(c));
  let i = 0;
  let j = v.length;
  if (left) while (i < j && strip(v[i])) i++;
  if (right) while (j > i && strip(v[j - 1])) j--;
  return v.slice(i, j);
}

function splitBytes(v: Uint8Array, sep: Uint8Array | null, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (maxsplit < 0) maxsplit = Number.MAX_SAFE_INTEGER;
  if (sep === null) {
    let i = 0;
    const n = v.length;
    while (maxsplit-- > 0) {
      while (i < n && isSpaceByte(v[i])) i++;
      if (i === n) break;
      let j = i;
      while (j < n && !isSpaceByte(v[j])) j++;
      out.push(v.slice(i, j));
      i = j;
    }
    while (i < n && isSpaceByte(v[i])) i++;
    if (i < n) out.push(v.slice(i));
    return out;
  }
  if (sep.length === 0) raise(excType('ValueError'), 'empty separator');
  let i = 0;
  while (maxsplit-- > 0) {
    const pos = find(v, sep, i, v.length);
    if (pos < 0) break;
    out.push(v.slice(i, pos));
    i = pos + sep.length;
  }
  out.push(v.slice(i));
  return out;
}

function replaceBytes(v: Uint8Array, old: Uint8Array, rep: Uint8Array, count: number): Uint8Array {
  if (count < 0) count = Number.MAX_SAFE_INTEGER;
  const out: number[] = [];
  let i = 0;
  if (old.length === 0) {
    for (let k = 0; k <= v.length; k++) {
      if (count > 0) {
        out.push(...rep);
        count--;
      }
      if (k < v.length) out.push(v[k]);
    }
    return Uint8Array.from(out);
  }
  while (count > 0) {
    const pos = find(v, old, i, v.length);
    if (pos < 0) break;
    for (let k = i; k < pos; k++) out.push(v[k]);
    out.push(...rep);
    i = pos + old.length;
    count--;
  }
  for (let k = i; k < v.length; k++) out.push(v[k]);
  return Uint8Array.from(out);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function bytesHash(v: Uint8Array): number {
  let h = 0xcbf29ce484222325n;
  for (const c of v) {
    h ^= BigInt(c);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let n = Number(h & ((1n << 52n) - 1n));
  if (h & (1n << 63n)) n = -n;
  if (n === -1) n = -2;
  return v.length === 0 ? 0 : n;
}

function hexOf(v: Uint8Array, sep: string | null, bytesPerSep: number): string {
  const parts = Array.from(v, (c) => c.toString(16).padStart(2, '0'));
  if (!sep || bytesPerSep === 0 || v.length === 0) return parts.join('');
  const n = Math.abs(bytesPerSep);
  const groups: string[] = [];
  if (bytesPerSep > 0) {
    // Groups counted from the right.
    let end = parts.length;
    while (end > 0) {
      groups.unshift(parts.slice(Math.max(0, end - n), end).join(''));
      end -= n;
    }
  } else {
    for (let i = 0; i < parts.length; i += n) groups.push(parts.slice(i, i + n).join(''));
  }
  return groups.join(sep);
}

function fromHex(s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (isPySpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const hi = parseInt(s[i], 16);
    const lo = i + 1 < s.length ? parseInt(s[i + 1], 16) : NaN;
    if (Number.isNaN(hi) || !/[0-9a-fA-F]/.test(s[i])) raise(excType('ValueError'), `non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (Number.isNaN(lo) || !/[0-9a-fA-F]/.test(s[i + 1] ?? '')) raise(excType('ValueError'), `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

/** bytearray_repr's b'...' part: its own quote choice, and ' and \\ always escaped. */
function bytearrayReprBody(v: Uint8Array): string {
  let quote = "'";
  for (const c of v) {
    if (c === 0x22) {
      quote = "'";
      break;
    } else if (c === 0x27) quote = '"';
  }
  let out = 'b' + quote;
  for (const c of v) {
    if (c === 0x27 || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

// ---------------------------------------------------------------- install

function bytesNewCommon(type: PyType, args: PyObject[], kwnames: PyStr[] | null, isArray: boolean): PyObject {
  const fname = isArray ? 'bytearray' : 'bytes';
  const [x, encoding, errors] = clinic(fname, args, kwnames, ['source', 'encoding', 'errors'], { posonly: 0, minpos: 0, maxpos: 3 });
  const make = (v: Uint8Array): PyObject => (isArray ? newBytearray(v, type) : type === rt.t.bytes ? newBytes(v) : alloc(new PyBytes(type, v), type.basicsize + v.length + 1));
  if (x === null) {
    if (encoding || errors) raise(excType('TypeError'), `encoding or errors without sequence argument`);
    return make(new Uint8Array(0));
  }
  if (encoding || errors) {
    if (!(x instanceof PyStr)) raise(excType('TypeError'), encoding ? 'encoding without a string argument' : 'errors without a string argument');
    const enc = encoding ? strArg(encoding, fname, 'encoding') : 'utf-8';
    const err = errors ? strArg(errors, fname, 'errors') : 'strict';
    return make(encodeStr((x as PyStr).value, enc, err));
  }
  if (x instanceof PyStr) raise(excType('TypeError'), 'string argument without an encoding');
  if (!isArray) {
    if (x.ob_type === rt.t.bytes && type === rt.t.bytes) return incref(x);
    const dunder = callSpecial(x, '__bytes__', []);
    if (dunder) {
      if (!(dunder instanceof PyBytes) || isBytearray(dunder)) {
        const n = typeName(dunder);
        decref(dunder);
        raise(excType('TypeError'), `__bytes__ returned non-bytes (type ${n})`);
      }
      if (type === rt.t.bytes) return dunder;
      const r = make((dunder as PyBytes).value.slice());
      decref(dunder);
      return r;
    }
  }
  if (hasIndex(x)) {
    const n = asSsize(x, 'OverflowError');
    if (n < 0) raise(excType('ValueError'), 'negative count');
    return make(new Uint8Array(n));
  }
  if (x instanceof PyBytes) return make(x.value.slice());
  try {
    return make(bytesFromIterable(x));
  } catch (e) {
    if (isRaised(e, excType('TypeError')) && /is not iterable/.test(String((e.exc.args.items[0] as PyStr | undefined)?.value))) {
      decref(e.exc);
      raise(excType('TypeError'), `cannot convert '${typeName(x)}' object to ${fname}`);
    }
    throw e;
  }
}

function strArg(o: PyObject, fname: string, what: string): string {
  if (!(o instanceof PyStr)) raise(excType('TypeError'), `${fname}() argument '${what}' must be str, not ${typeName(o)}`);
  return (o as PyStr).value;
}

function bytesSubscript(self: PyObject, item: PyObject): PyObject {
  const b = self as PyBytes;
  if (hasIndex(item)) {
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += b.value.length;
    if (i < 0 || i >= b.value.length) raise(excType('IndexError'), isBytearray(b) ? 'bytearray index out of range' : 'index out of range');
    return newInt(b.value[i]);
  }
  if (item instanceof PySlice) {
    const [start, stop, step] = sliceUnpack(item);
    const s = adjustSlice(b.value.length, start, stop, step);
    if (!isBytearray(b) && s.start === 0 && step === 1 && s.length === b.value.length && b.ob_type === rt.t.bytes) return incref(b);
    const out = new Uint8Array(Math.max(0, s.length));
    for (let cur = s.start, i = 0; i < s.length; cur += step, i++) out[i] = b.value[cur];
    return like(b, out);
  }
  return raise(excType('TypeError'), `${isBytearray(b) ? 'bytearray' : 'byte'} indices must be integers or slices, not ${typeName(item)}`);
}

export function install(t: TypeTable): void {
  for (const type of [t.bytes, t.bytearray]) {
    const isArray = type === t.bytearray;
    const s = type.slots;
    s.tp_new = (ty, args, kw) => (isArray ? newBytearray(new Uint8Array(0), ty) : bytesNewCommon(ty, args, kw, false));
    if (isArray) {
      s.tp_init = (self, args, kw) => {
        const tmp = bytesNewCommon(rt.t.bytearray, args, kw, true) as PyBytes;
        (self as PyBytes).value = tmp.value;
        const src = args[0];
        const n = tmp.value.length;
        const appended = src && !(src instanceof PyBytes) && !(src instanceof PyStr) && !(src instanceof PyInt) && !(src.ob_type.name === 'memoryview');
        setCapacity(self as PyBytes, n === 0 ? 0 : appended ? appendedAlloc(n) : n + 1);
        decref(tmp);
      };
    }
    s.tp_repr = (o) => newStr(isBytearray(o) ? `${o.ob_type.name}(${bytearrayReprBody((o as PyBytes).value)})` : reprBytes((o as PyBytes).value));
    s.tp_str = s.tp_repr;
    if (!isArray) s.tp_hash = (o) => bytesHash((o as PyBytes).value);
    s.tp_richcompare = (a, b, op) => {
      const va = bytesLike(a);
      const vb = bytesLike(b);
      if (!va || !vb) return notImplemented();
      return newBool(cmpResult(compareBytes(va, vb), 0, op));
    };
    s.tp_iter = (o) => newIterator(isArray ? 'bytearray_iterator' : 'bytes_iterator', o);
    s.sq_length = (o) => (o as PyBytes).value.length;
    s.sq_contains = (o, el) => {
      const v = (o as PyBytes).value;
      if (hasIndex(el)) return v.includes(byteValue(el));
      return find(v, needBytesLike(el), 0, v.length) >= 0;
    };
    s.mp_subscript = bytesSubscript;
    s.nb_bool = (o) => (o as PyBytes).value.length > 0;
    s.nb = {
      add: (a, b) => {
        if (!(a instanceof PyBytes)) return notImplemented();
        const vb = bytesLike(b);
        if (!vb) return notImplemented();
        if (!isBytearray(a) && a.ob_type === rt.t.bytes && vb.length === 0) return incref(a);
        if (!isBytearray(a) && b.ob_type === rt.t.bytes && a.value.length === 0) return incref(b);
        const out = new Uint8Array(a.value.length + vb.length);
        out.set(a.value);
        out.set(vb, a.value.length);
        return like(a, out);
      },
      mul: (a, b) => {
        let seq: PyBytes;
        let n: PyObject;
        if (a instanceof PyBytes && hasIndex(b)) [seq, n] = [a, b];
        else if (b instanceof PyBytes && hasIndex(a)) [seq, n] = [b, a];
        else return notImplemented();
        const count = Math.max(0, repeatCount(n));
        if (count === 1 && seq.ob_type === rt.t.bytes) return incref(seq);
        checkRepeatSize(seq.value.length, count);
        const out = new Uint8Array(seq.value.length * count);
        for (let k = 0; k < count; k++) out.set(seq.value, k * seq.value.length);
        return like(seq, out);
      },
      mod: (a, b) => {
        if (!(a instanceof PyBytes)) return notImplemented();
        return percentFormatBytes(a, b);
      },
    };
    def<PyBytes>(type, 'decode', (self, args, kw) => {
      const [enc, err] = clinic('decode', args, kw, ['encoding', 'errors'], { posonly: 0, minpos: 0, maxpos: 2 });
      return newStr(decodeBytes(self.value, enc ? strArg(enc, 'decode', 'encoding') : 'utf-8', err ? strArg(err, 'decode', 'errors') : 'strict'));
    });
    def<PyBytes>(type, 'hex', (self, args, kw) => {
      const [sep, bps] = clinic('hex', args, kw, ['sep', 'bytes_per_sep'], { posonly: 0, minpos: 0, maxpos: 2 });
      let sepText: string | null = null;
      if (sep) {
        sepText = sep instanceof PyStr ? sep.value : sep instanceof PyBytes ? String.fromCharCode(...sep.value) : raise(excType('TypeError'), 'sep must be str or bytes.');
        if (sepText.length !== 1) raise(excType('ValueError'), 'sep must be length 1.');
      }
      return newStr(hexOf(self.value, sepText, bps ? Number(indexOf(bps)) : 1));
    });
    classMethod(type, 'fromhex', (args, kw, self) => {
      const cls = (self ?? args[0]) as PyType;
      const rest = self ? args : args.slice(1);
      posArgs('fromhex', rest, kw, 1, 1);
      const v = fromHex(strArg(rest[0], 'fromhex', 'string'));
      return cls === rt.t.bytearray || cls.mro.includes(rt.t.bytearray) ? newBytearray(v) : newBytes(v);
    });
    const search = (name: string, f: (v: Uint8Array, sub: Uint8Array, start: number, end: number) => PyObject): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        const [sub, start, end] = searchArgs(name, self, args, kw);
        return f(self.value, sub, start, end);
      });
    };
    search('find', (v, sub, st, en) => newInt(st > v.length ? -1 : find(v, sub, st, en)));
    search('rfind', (v, sub, st, en) => newInt(st > v.length ? -1 : rfind(v, sub, st, en)));
    search('index', (v, sub, st, en) => {
      const i = st > v.length ? -1 : find(v, sub, st, en);
      if (i < 0) raise(excType('ValueError'), 'subsection not found');
      return newInt(i);
    });
    search('rindex', (v, sub, st, en) => {
      const i = st > v.length ? -1 : rfind(v, sub, st, en);
      if (i < 0) raise(excType('ValueError'), 'subsection not found');
      return newInt(i);
    });
    search('count', (v, sub, st, en) => {
      if (st > v.length) return newInt(0);
      if (sub.length === 0) return newInt(Math.max(0, en - st) + 1);
      let n = 0;
      for (let i = find(v, sub, st, en); i >= 0; i = find(v, sub, i + sub.length, en)) n++;
      return newInt(n);
    });
    const affix = (name: string, atEnd: boolean): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        tupleArgs(name, args, kw, 1, 3);
        const [start, end] = adjustIndices(sliceIndexArg(args[1], 0), sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER), self.value.length);
        const cands = args[0] instanceof PyTuple ? args[0].items : [args[0]];
        for (const c of cands) {
          const v = bytesLike(c);
          if (!v) {
            raise(excType('TypeError'), args[0] instanceof PyTuple
              ? `a bytes-like object is required, not '${typeName(c)}'`
              : `${name} first arg must be bytes or a tuple of bytes, not ${typeName(c)}`);
          }
          if (start > self.value.length) continue;
          if (end - start < v!.length) continue;
          const at = atEnd ? end - v!.length : start;
          let ok = true;
          for (let i = 0; i < v!.length; i++) if (self.value[at + i] !== v![i]) { ok = false; break; }
          if (ok) return newBool(true);
        }
        return newBool(false);
      });
    };
    affix('startswith', false);
    affix('endswith', true);
    const stripper = (name: string, l: boolean, r: boolean): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        posArgs(name, args, kw, 0, 1);
        const chars = args.length && args[0] !== rt.None ? needBytesLike(args[0]) : null;
        const out = stripBytes(self.value, chars, l, r);
        if (out.length === self.value.length && self.ob_type === rt.t.bytes) return incref(self);
        return like(self, out);
      });
    };
    stripper('strip', true, true);
    stripper('lstrip', true, false);
    stripper('rstrip', false, true);
    const splitter = (name: string, right: boolean): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        const [sepObj, maxObj] = clinic(name, args, kw, ['sep', 'maxsplit'], { posonly: 0, minpos: 0, maxpos: 2 });
        const sep = sepObj && sepObj !== rt.None ? needBytesLike(sepObj) : null;
        const maxsplit = maxObj ? asSsize(maxObj) : -1;
        let parts: Uint8Array[];
        if (right) {
          const rev = Uint8Array.from(self.value).reverse();
          parts = splitBytes(rev, sep ? Uint8Array.from(sep).reverse() : null, maxsplit).map((p) => Uint8Array.from(p).reverse()).reverse();
        } else {
          parts = splitBytes(self.value, sep, maxsplit);
        }
        const l = newListAllocated([], maxsplit >= 0 && maxsplit < 12 ? maxsplit + 1 : 12);
        for (const p of parts) listAppendSteal(l, like(self, p));
        return l;
      });
    };
    splitter('split', false);
    splitter('rsplit', true);
    def<PyBytes>(type, 'replace', (self, args, kw) => {
      posArgs('replace', args, kw, 2, 3);
      const count = args.length > 2 ? asSsize(args[2]) : -1;
      return like(self, replaceBytes(self.value, needBytesLike(args[0]), needBytesLike(args[1]), count));
    });
    def<PyBytes>(type, 'join', (self, args, kw) => {
      posArgs('join', args, kw, 1, 1);
      const parts: Uint8Array[] = [];
      const it = getIter(args[0]);
      let i = 0;
      try {
        for (let x = iterNext(it); x; x = iterNext(it), i++) {
          try {
            const v = bytesLike(x);
            if (!v) raise(excType('TypeError'), `sequence item ${i}: expected a bytes-like object, ${typeName(x)} found`);
            parts.push(v!.slice());
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
      }
      const total = parts.reduce((n, p) => n + p.length, 0) + Math.max(0, parts.length - 1) * self.value.length;
      const out = new Uint8Array(total);
      let at = 0;
      parts.forEach((p, k) => {
        if (k) {
          out.set(self.value, at);
          at += self.value.length;
        }
        out.set(p, at);
        at += p.length;
      });
      return like(self, out);
    });
    const mapper = (name: string, f: (c: number) => number): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        posArgs(name, args, kw, 0, 0);
        return like(self, self.value.map(f));
      });
    };
    mapper('upper', (c) => (c >= 0x61 && c <= 0x7a ? c - 32 : c));
    mapper('lower', (c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
    const pred = (name: string, f: (c: number) => boolean): void => {
      def<PyBytes>(type, name, (self, args, kw) => {
        posArgs(name, args, kw, 0, 0);
        return newBool(self.value.length > 0 && self.value.every(f));
      });
    };
    pred('isdigit', (c) => c >= 0x30 && c <= 0x39);
    pred('isalpha', (c) => (c | 32) >= 0x61 && (c | 32) <= 0x7a);
    pred('isalnum', (c) => (c >= 0x30 && c <= 0x39) || ((c | 32) >= 0x61 && (c | 32) <= 0x7a));
    pred('isspace', isSpaceByte);
    def<PyBytes>(type, 'isascii', (self, args, kw) => { posArgs('isascii', args, kw, 0, 0); return newBool(self.value.every((c) => c < 128)); });
    def<PyBytes>(type, '__getnewargs__', (self, args, kw) => { posArgs('__getnewargs__', args, kw, 0, 0); return newTuple([newBytes(self.value.slice())]); });
    def<PyBytes>(type, '__sizeof__', (self, args, kw) => {
      posArgs('__sizeof__', args, kw, 0, 0);
      return newInt(isArray ? self.ob_type.basicsize + self.obAlloc : 4 * rt.version.ptr + 1 + self.value.length);
    });
    addSlotWrappers(type);
  }

  // bytearray: mutation.
  const ba = t.bytearray;
  const set = (self: PyBytes, v: Uint8Array): void => {
    self.value = v;
    setCapacity(self, resizedAlloc(self.obAlloc, v.length));
  };
  ba.slots.mp_ass_subscript = (self, item, value) => {
    const b = self as PyBytes;
    if (hasIndex(item)) {
      let i = asSsize(item, 'IndexError');
      if (i < 0) i += b.value.length;
      if (i < 0 || i >= b.value.length) raise(excType('IndexError'), 'bytearray index out of range');
      if (value === null) {
        const v = new Uint8Array(b.value.length - 1);
        v.set(b.value.subarray(0, i));
        v.set(b.value.subarray(i + 1), i);
        set(b, v);
      } else b.value[i] = byteValue(value);
      return;
    }
    if (!(item instanceof PySlice)) raise(excType('TypeError'), `bytearray indices must be integers or slices, not ${typeName(item)}`);
    const [start, stop, step] = sliceUnpack(item as PySlice);
    const sl = adjustSlice(b.value.length, start, stop, step);
    const idx: number[] = [];
    for (let cur = sl.start, i = 0; i < sl.length; cur += step, i++) idx.push(cur);
    const repl = value === null ? new Uint8Array(0) : value instanceof PyBytes ? value.value.slice() : bytesFromIterable(value);
    if (step === 1) {
      const lo = sl.start;
      const hi = Math.max(lo, sl.stop);
      const v = new Uint8Array(b.value.length - (hi - lo) + repl.length);
      v.set(b.value.subarray(0, lo));
      v.set(repl, lo);
      v.set(b.value.subarray(hi), lo + repl.length);
      set(b, v);
      return;
    }
    if (value === null) {
      const drop = new Set(idx);
      set(b, b.value.filter((_, i) => !drop.has(i)));
      return;
    }
    if (repl.length !== idx.length) raise(excType('ValueError'), `attempt to assign bytes of size ${repl.length} to extended slice of size ${idx.length}`);
    idx.forEach((p, k) => { b.value[p] = repl[k]; });
  };
  ba.slots.nb_inplace = {
    add: (a, b) => {
      const vb = bytesLike(b);
      if (!vb) raise(excType('TypeError'), `can't concat ${typeName(b)} to ${typeName(a)}`);
      const v = new Uint8Array((a as PyBytes).value.length + vb!.length);
      v.set((a as PyBytes).value);
      v.set(vb!, (a as PyBytes).value.length);
      set(a as PyBytes, v);
      return incref(a);
    },
    mul: (a, b) => {
      if (!hasIndex(b)) return notImplemented();
      const n = Math.max(0, repeatCount(b));
      const src = (a as PyBytes).value;
      const v = new Uint8Array(src.length * n);
      for (let k = 0; k < n; k++) v.set(src, k * src.length);
      set(a as PyBytes, v);
      return incref(a);
    },
  };
  def<PyBytes>(ba, 'append', (self, args, kw) => {
    posArgs('append', args, kw, 1, 1);
    const v = new Uint8Array(self.value.length + 1);
    v.set(self.value);
    v[self.value.length] = byteValue(args[0]);
    set(self, v);
    return incref(rt.None);
  });
  def<PyBytes>(ba, 'extend', (self, args, kw) => {
    posArgs('extend', args, kw, 1, 1);
    const add = args[0] instanceof PyBytes ? args[0].value.slice() : bytesFromIterable(args[0]);
    const v = new Uint8Array(self.value.length + add.length);
    v.set(self.value);
    v.set(add, self.value.length);
    set(self, v);
    return incref(rt.None);
  });
  def<PyBytes>(ba, 'pop', (self, args, kw) => {
    posArgs('pop', args, kw, 0, 1);
    const n = self.value.length;
    if (n === 0) raise(excType('IndexError'), 'pop from empty bytearray');
    let i = args.length ? asSsize(args[0]) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(excType('IndexError'), 'pop index out of range');
    const c = self.value[i];
    set(self, Uint8Array.from([...self.value.subarray(0, i), ...self.value.subarray(i + 1)]));
    return newInt(c);
  });
  def<PyBytes>(ba, 'insert', (self, args, kw) => {
    posArgs('insert', args, kw, 2, 2);
    const n = self.value.length;
    let i = asSsize(args[0]);
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    const c = byteValue(args[1]);
    set(self, Uint8Array.from([...self.value.subarray(0, i), c, ...self.value.subarray(i)]));
    return incref(rt.None);
  });
  def<PyBytes>(ba, 'remove', (self, args, kw) => {
    posArgs('remove', args, kw, 1, 1);
    const c = byteValue(args[0]);
    const i = self.value.indexOf(c);
    if (i < 0) raise(excType('ValueError'), 'value not found in bytearray');
    set(self, Uint8Array.from([...self.value.subarray(0, i), ...self.value.subarray(i + 1)]));
    return incref(rt.None);
  });
  def<PyBytes>(ba, 'clear', (self, args, kw) => { posArgs('clear', args, kw, 0, 0); set(self, new Uint8Array(0)); return incref(rt.None); });
  def<PyBytes>(ba, 'copy', (self, args, kw) => { posArgs('copy', args, kw, 0, 0); return newBytearray(self.value.slice()); });
  def<PyBytes>(ba, 'reverse', (self, args, kw) => { posArgs('reverse', args, kw, 0, 0); self.value.reverse(); return incref(rt.None); });
  setUnhashable(ba);
  addSlotWrappers(ba);
}
