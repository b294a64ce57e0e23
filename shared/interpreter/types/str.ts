// str (Objects/unicodeobject.c and Objects/stringlib): indexing by code point (a JS string holds UTF-16, so text
// with astral characters goes through code-point arrays), the methods with CPython's messages, and the places
// CPython hands back the same object (str(s), s[:], s * 1, s.strip() with nothing to strip, ''.join([s])).
import {
  EQ, excType, getItem, indexValue, isRaised, str as pyStr, typeName,
} from '../abstract';
import { PyDict, PyInt, PyList, PyObject, PySlice, PyStr, PyTuple, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newInt, newStr, newStrUncached, newTuple, raise, rt, strSize, utf8Length } from '../runtime';
import { isPrintable, reprStr } from '../../text/repr';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, adjustIndices, asSsize, clinic, cmpResult, def, hasIndex, notImplemented, posArgs, sliceIndexArg, tupleArgs,
} from './common';
import * as dict from './dict';
import { bytesLike, decodeBytes, encodeStr, newBytes } from './bytes';
import { formatStr, percentFormat, strFormat, strFormatMap } from './format';
import { strHash } from './hashing';
import { isPySpace } from './int';
import { newStrIterator } from './iterators';
import { listAppend, listAppendSteal, newListAllocated, sequenceFast, strLess, checkRepeatSize, repeatCount } from './list';
import { adjustSlice, sliceUnpack } from './slice';
import { staticFunction } from './util';

// ---------------------------------------------------------------- code points

const SURROGATE = /[\ud800-\udfff]/;

/** Whether the JS string needs code-point handling (it holds a surrogate). */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** The code points of s, as one-character strings. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

export function cpLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c < 0xe000 && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800)) n++;
  }
  return n;
}

/** A view of a str as code points, with a fast path for BMP-only text. */
class Text {
  readonly wide: boolean;
  readonly cps: string[] | null;
  constructor(readonly s: string) {
    this.wide = hasSurrogates(s);
    this.cps = this.wide ? codePoints(s) : null;
  }
  get length(): number {
    return this.cps ? this.cps.length : this.s.length;
  }
  at(i: number): string {
    return this.cps ? this.cps[i] : this.s[i];
  }
  slice(a: number, b?: number): string {
    return this.cps ? this.cps.slice(a, b).join('') : this.s.slice(a, b);
  }
  /** find within [start, end) by code points. */
  find(sub: Text, start: number, end: number): number {
    if (start > this.length) return -1;
    if (sub.length === 0) return start <= end ? start : -1;
    if (!this.cps && !sub.cps) {
      const i = this.s.indexOf(sub.s, start);
      return i >= 0 && i + sub.s.length <= end ? i : -1;
    }
    const h = this.cps ?? codePoints(this.s);
    const n = sub.cps ?? codePoints(sub.s);
    outer: for (let i = start; i + n.length <= end; i++) {
      for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
      return i;
    }
    return -1;
  }
  rfind(sub: Text, start: number, end: number): number {
    if (start > this.length) return -1;
    if (sub.length === 0) return start <= end ? end : -1;
    if (!this.cps && !sub.cps) {
      if (end - sub.s.length < start) return -1;
      const i = this.s.lastIndexOf(sub.s, end - sub.s.length);
      return i >= start ? i : -1;
    }
    const h = this.cps ?? codePoints(this.s);
    const n = sub.cps ?? codePoints(sub.s);
    outer: for (let i = end - n.length; i >= start; i--) {
      for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
      return i;
    }
    return -1;
  }
  count(sub: Text, start: number, end: number): number {
    if (start > this.length) return 0;
    if (sub.length === 0) return end >= start ? end - start + 1 : 0;
    let n = 0;
    for (let i = this.find(sub, start, end); i >= 0; i = this.find(sub, i + sub.length, end)) n++;
    return n;
  }
}

// ---------------------------------------------------------------- objects

function isExact(o: PyObject): boolean {
  return o.ob_type === rt.t.str;
}

/** unicode_result_unchanged: self for an exact str, else an exact copy. */
function unchanged(self: PyStr): PyStr {
  return isExact(self) ? incref(self) : newStr(self.value);
}

export function newStrSubtype(type: PyType, v: string): PyStr {
  if (type === rt.t.str) return newStr(v);
  return alloc(new PyStr(type, v), Math.max(strSize(v), type.basicsize + cpLength(v) + 1));
}

function strArgOf(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) raise(excType('TypeError'), `${what}, not ${typeName(o)}`);
  return (o as PyStr).value;
}

/** A `sub` argument: str (as find/count/index want it). */
function subArg(o: PyObject): Text {
  if (!(o instanceof PyStr)) raise(excType('TypeError'), `must be str, not ${typeName(o)}`);
  return new Text((o as PyStr).value);
}

/** Code-point order (UTF-16 order differs above the surrogates). */
export function compareStr(a: string, b: string): number {
  if (a === b) return 0;
  return strLess(a, b) ? -1 : 1;
}

// ---------------------------------------------------------------- character classes (Objects/unicodectype.c)

const RE_UPPER = /\p{Uppercase}/u;
const RE_LOWER = /\p{Lowercase}/u;
const RE_TITLE = /\p{Lt}/u;
const RE_CASED = /\p{Cased}/u;
const RE_ALPHA = /\p{L}/u;
const RE_DECIMAL = /\p{Nd}/u;
const RE_NUMERIC = /\p{N}/u;
/** Digits that are not decimal (superscripts, circled digits): Numeric_Type=Digit. */
const DIGIT_RANGES: [number, number][] = [
  [0xb2, 0xb3], [0xb9, 0xb9], [0x1369, 0x1371], [0x19da, 0x19da], [0x2070, 0x2070], [0x2074, 0x2079],
  [0x2080, 0x2089], [0x2460, 0x2468], [0x2474, 0x247c], [0x2488, 0x2490], [0x24ea, 0x24ea], [0x24f5, 0x24fd],
  [0x24ff, 0x24ff], [0x2776, 0x277e], [0x2780, 0x2788], [0x278a, 0x2792], [0x10a40, 0x10a43], [0x1f100, 0x1f10a],
];
/** CJK ideographs with a numeric value (Numeric_Type=Numeric among Lo). */
const CJK_NUMERIC = new Set('〇一二三四五六七八九十百千万萬億兆零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅卌两兩'.split(''));

const isUpper = (c: string): boolean => RE_UPPER.test(c);
const isLower = (c: string): boolean => RE_LOWER.test(c);
const isTitle = (c: string): boolean => RE_TITLE.test(c);
const isCased = (c: string): boolean => RE_CASED.test(c);
const isAlpha = (c: string): boolean => RE_ALPHA.test(c);
const isDecimal = (c: string): boolean => RE_DECIMAL.test(c);
function isDigit(c: string): boolean {
  if (isDecimal(c)) return true;
  const cp = c.codePointAt(0)!;
  return DIGIT_RANGES.some(([a, b]) => cp >= a && cp <= b);
}
const isNumeric = (c: string): boolean => RE_NUMERIC.test(c) || CJK_NUMERIC.has(c);
const isAlnum = (c: string): boolean => isAlpha(c) || isDecimal(c) || isDigit(c) || isNumeric(c);
const isSpace = (c: string): boolean => isPySpace(c.codePointAt(0)!);

const TITLE_SPECIAL: Record<string, string> = {
  '\u01c4': '\u01c5', '\u01c5': '\u01c5', '\u01c6': '\u01c5', '\u01c7': '\u01c8', '\u01c8': '\u01c8', '\u01c9': '\u01c8',
  '\u01ca': '\u01cb', '\u01cb': '\u01cb', '\u01cc': '\u01cb', '\u01f1': '\u01f2', '\u01f2': '\u01f2', '\u01f3': '\u01f2',
};

/** _PyUnicode_ToTitleFull */
function toTitle(c: string): string {
  const special = TITLE_SPECIAL[c];
  if (special) return special;
  const u = c.toUpperCase();
  const parts = codePoints(u);
  if (parts.length > 1) return parts[0] + parts.slice(1).join('').toLowerCase();
  return u;
}

function lowerText(s: string): string {
  return s.toLowerCase();
}

/** lower_ucs4: one character lowered, with the final-sigma rule looking at the whole string. */
function lowerAt(cps: string[], i: number): string {
  const c = cps[i];
  return c === '\u03a3' ? finalSigma(cps, i) : c.toLowerCase();
}

function titleText(s: string): string {
  let out = '';
  let prevCased = false;
  const cps = codePoints(s);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    out += prevCased ? lowerAt(cps, i) : toTitle(c);
    prevCased = isCased(c);
  }
  return out;
}

function capitalizeText(s: string): string {
  const cps = codePoints(s);
  if (!cps.length) return s;
  let out = toTitle(cps[0]);
  for (let i = 1; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

function swapcaseText(s: string): string {
  let out = '';
  const cps = codePoints(s);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (isUpper(c)) {
      // lower_ucs4 applies the final-sigma rule with the surrounding text.
      out += lowerAt(cps, i);
    } else if (isLower(c)) out += c.toUpperCase();
    else out += c;
  }
  return out;
}

function finalSigma(cps: string[], i: number): string {
  const ignorable = /\p{Case_Ignorable}/u;
  let j = i - 1;
  while (j >= 0 && ignorable.test(cps[j])) j--;
  const before = j >= 0 && isCased(cps[j]);
  let k = i + 1;
  while (k < cps.length && ignorable.test(cps[k])) k++;
  const after = k < cps.length && isCased(cps[k]);
  return before && !after ? '\u03c2' : '\u03c3';
}

function casefoldText(s: string): string {
  let out = '';
  for (const c of s) out += c.toUpperCase().toLowerCase();
  return out;
}

const LINE_BREAKS = new Set(['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);

// ---------------------------------------------------------------- split and friends

/** A list sized as stringlib's split makes it (PyList_New(PREALLOC_SIZE(maxcount)), then appends). */
function splitList(pieces: PyStr[], maxcount: number): PyList {
  const prealloc = maxcount >= 12 ? 12 : maxcount + 1;
  const l = newListAllocated([], prealloc);
  // The first PREALLOC slots are filled in place; later ones go through PyList_Append from a full list.
  for (let k = 0; k < pieces.length; k++) {
    if (k < prealloc) l.items.push(pieces[k]);
    else {
      if (k === prealloc) l.allocated = prealloc;
      listAppendSteal(l, pieces[k]);
    }
  }
  return l;
}

function splitWhitespace(self: PyStr, t: Text, maxcount: number): PyStr[] {
  const out: PyStr[] = [];
  const n = t.length;
  let i = 0;
  let j = 0;
  while (maxcount-- > 0) {
    while (i < n && isSpace(t.at(i))) i++;
    if (i === n) break;
    j = i;
    i++;
    while (i < n && !isSpace(t.at(i))) i++;
    if (j === 0 && i === n && isExact(self)) {
      out.push(incref(self));
      return out;
    }
    out.push(newStr(t.slice(j, i)));
  }
  if (i < n) {
    while (i < n && isSpace(t.at(i))) i++;
    if (i !== n) out.push(newStr(t.slice(i, n)));
  }
  return out;
}

function splitSep(self: PyStr, t: Text, sep: Text, maxcount: number): PyStr[] {
  const out: PyStr[] = [];
  let i = 0;
  let count = 0;
  while (maxcount-- > 0) {
    const pos = t.find(sep, i, t.length);
    if (pos < 0) break;
    out.push(newStr(t.slice(i, pos)));
    i = pos + sep.length;
    count++;
  }
  if (count === 0 && isExact(self)) out.push(incref(self));
  else out.push(newStr(t.slice(i)));
  return out;
}

function rsplitWhitespace(self: PyStr, t: Text, maxcount: number): PyStr[] {
  const out: PyStr[] = [];
  let i = t.length - 1;
  let j: number;
  while (maxcount-- > 0) {
    while (i >= 0 && isSpace(t.at(i))) i--;
    if (i < 0) break;
    j = i;
    i--;
    while (i >= 0 && !isSpace(t.at(i))) i--;
    if (j === t.length - 1 && i < 0 && isExact(self)) {
      out.push(incref(self));
      return out;
    }
    out.push(newStr(t.slice(i + 1, j + 1)));
  }
  if (i >= 0) {
    while (i >= 0 && isSpace(t.at(i))) i--;
    if (i >= 0) out.push(newStr(t.slice(0, i + 1)));
  }
  return out;
}

function rsplitSep(self: PyStr, t: Text, sep: Text, maxcount: number): PyStr[] {
  const out: PyStr[] = [];
  let j = t.length;
  let count = 0;
  while (maxcount-- > 0) {
    const pos = t.rfind(sep, 0, j);
    if (pos < 0) break;
    out.push(newStr(t.slice(pos + sep.length, j)));
    j = pos;
    count++;
  }
  if (count === 0 && isExact(self)) out.push(incref(self));
  else out.push(newStr(t.slice(0, j)));
  return out;
}

function splitArgs(name: string, args: PyObject[], kw: PyStr[] | null): [Text | null, number] {
  const [sepObj, maxObj] = clinic(name, args, kw, ['sep', 'maxsplit'], { posonly: 0, minpos: 0, maxpos: 2 });
  let sep: Text | null = null;
  if (sepObj && sepObj !== rt.None) {
    if (!(sepObj instanceof PyStr)) raise(excType('TypeError'), `must be str or None, not ${typeName(sepObj)}`);
    sep = new Text((sepObj as PyStr).value);
    if (sep.length === 0) raise(excType('ValueError'), 'empty separator');
  }
  const maxsplit = maxObj ? asSsize(maxObj) : -1;
  return [sep, maxsplit];
}

/**
 * The split count bounding the result list's preallocation (PREALLOC_SIZE in Objects/stringlib/split.h): a
 * negative maxsplit means no limit, which from 3.12 is first bounded by what the text can hold.
 */
function splitMaxcount(maxsplit: number, len1: number, sep: Text | null): number {
  if (maxsplit >= 0) return maxsplit;
  if (rt.v < 312) return Number.MAX_SAFE_INTEGER;
  return sep ? Math.floor(len1 / sep.length) + 1 : Math.trunc((len1 - 1) / 2) + 1;
}

/** split()/rsplit() with a separator longer than the text: PyList_New(1) holding the text itself. */
function splitShort(self: PyStr): PyList {
  return newListAllocated([unchanged(self)], 1);
}

function splitlines(self: PyStr, keepends: boolean): PyList {
  const l = newListAllocated([], 0);
  const t = new Text(self.value);
  const n = t.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !LINE_BREAKS.has(t.at(i))) i++;
    let eol = i;
    if (i < n) {
      if (t.at(i) === '\r' && i + 1 < n && t.at(i + 1) === '\n') i += 2;
      else i++;
      if (keepends) eol = i;
    }
    if (j === 0 && eol === n && isExact(self)) {
      listAppend(l, self);
      break;
    }
    listAppendSteal(l, newStr(t.slice(j, eol)));
  }
  return l;
}

function stripText(t: Text, chars: Text | null, left: boolean, right: boolean): [number, number] {
  const set = chars ? new Set(chars.cps ?? codePoints(chars.s)) : null;
  const strip = (c: string): boolean => (set ? set.has(c) : isSpace(c));
  let i = 0;
  let j = t.length;
  if (left) while (i < j && strip(t.at(i))) i++;
  if (right) while (j > i && strip(t.at(j - 1))) j--;
  return [i, j];
}

// ---------------------------------------------------------------- join

/** PyUnicode_Join: PySequence_Fast, then _PyUnicode_JoinArray (one exact str item is returned as it is). */
export function strJoin(sep: PyStr, iterable: PyObject): PyStr {
  const seq = sequenceFast(iterable, 'can only join an iterable');
  try {
    const items = seq.items;
    if (items.length === 0) return newStr('');
    if (items.length === 1 && isExact(items[0])) return incref(items[0] as PyStr);
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!(it instanceof PyStr)) raise(excType('TypeError'), `sequence item ${i}: expected str instance, ${typeName(it)} found`);
      if (i) out += sep.value;
      out += (it as PyStr).value;
    }
    return newStrUncached(out); // _PyUnicode_JoinArray copies into a PyUnicode_New result
  } finally {
    decref(seq);
  }
}

// ---------------------------------------------------------------- maketrans / translate

function maketrans(args: PyObject[], kw: PyStr[] | null): PyObject {
  posArgs('maketrans', args, kw, 1, 3);
  const d = rt.t.dict.slots.tp_new!(rt.t.dict, [], null) as PyDict;
  try {
    if (args.length === 1) {
      const x = args[0];
      if (!(x instanceof PyDict)) raise(excType('TypeError'), 'if you give only one argument to maketrans it must be a dict');
      for (const e of dict.entries(x as PyDict)) {
        let key: PyObject;
        if (e.key instanceof PyStr) {
          if (cpLength(e.key.value) !== 1) raise(excType('ValueError'), 'string keys in translate table must be of length 1');
          key = newInt(e.key.value.codePointAt(0)!);
        } else if (e.key instanceof PyInt) key = incref(e.key);
        else raise(excType('TypeError'), 'keys in translate table must be strings or integers');
        dict.setItem(d, key!, e.value);
        decref(key!);
      }
      return d;
    }
    const x = strArgOf(args[0], 'maketrans() argument 1 must be str');
    const y = strArgOf(args[1], 'maketrans() argument 2 must be str');
    const xs = codePoints(x);
    const ys = codePoints(y);
    if (xs.length !== ys.length) raise(excType('ValueError'), 'the first two maketrans arguments must have equal length');
    for (let i = 0; i < xs.length; i++) {
      const k = newInt(xs[i].codePointAt(0)!);
      const v = newInt(ys[i].codePointAt(0)!);
      dict.setItem(d, k, v);
      decref(k);
      decref(v);
    }
    if (args.length === 3) {
      const z = strArgOf(args[2], 'maketrans() argument 3 must be str');
      for (const c of z) {
        const k = newInt(c.codePointAt(0)!);
        dict.setItem(d, k, rt.None);
        decref(k);
      }
    }
    return d;
  } catch (e) {
    decref(d);
    throw e;
  }
}

function translate(self: PyStr, table: PyObject): PyObject {
  let out = '';
  for (const c of self.value) {
    const key = newInt(c.codePointAt(0)!);
    let v: PyObject | null = null;
    try {
      v = getItem(table, key);
    } catch (e) {
      if (!isRaised(e, excType('LookupError'))) throw e;
      decref(e.exc);
    } finally {
      decref(key);
    }
    if (v === null) {
      out += c;
      continue;
    }
    try {
      if (v === rt.None) continue;
      if (v instanceof PyInt) {
        const n = Number(v.value);
        if (n < 0 || n > 0x10ffff) raise(excType('ValueError'), 'character mapping must be in range(0x110000)');
        out += String.fromCodePoint(n);
      } else if (v instanceof PyStr) out += v.value;
      else raise(excType('TypeError'), 'character mapping must return integer, None or str');
    } finally {
      decref(v);
    }
  }
  return newStr(out);
}

// ---------------------------------------------------------------- subscripts

function strSubscript(self: PyObject, item: PyObject): PyObject {
  const s = self as PyStr;
  if (hasIndex(item)) {
    const t = new Text(s.value);
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += t.length;
    if (i < 0 || i >= t.length) raise(excType('IndexError'), 'string index out of range');
    return newStr(t.at(i));
  }
  if (item instanceof PySlice) {
    const t = new Text(s.value);
    const [start, stop, step] = sliceUnpack(item);
    const sl = adjustSlice(t.length, start, stop, step);
    if (sl.length <= 0) return newStr('');
    if (sl.start === 0 && step === 1 && sl.length === t.length) return unchanged(s);
    if (step === 1) return newStr(t.slice(sl.start, sl.stop));
    let out = '';
    for (let cur = sl.start, i = 0; i < sl.length; cur += step, i++) out += t.at(cur);
    return newStr(out);
  }
  return raise(excType('TypeError'), `string indices must be integers, not '${typeName(item)}'`);
}

// ---------------------------------------------------------------- constructor

function strNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const [x, encoding, errors] = clinic('str', args, kwnames, ['object', 'encoding', 'errors'], { posonly: 0, minpos: 0, maxpos: 3 });
  let r: PyStr;
  if (x === null) r = newStr('');
  else if (encoding === null && errors === null) r = pyStr(x);
  else {
    const enc = encoding ? strArgOf(encoding, "str() argument 'encoding' must be str") : 'utf-8';
    const err = errors ? strArgOf(errors, "str() argument 'errors' must be str") : 'strict';
    if (x instanceof PyStr) raise(excType('TypeError'), 'decoding str is not supported');
    const b = bytesLike(x);
    if (!b) raise(excType('TypeError'), `decoding to str: need a bytes-like object, ${typeName(x)} found`);
    r = newStr(decodeBytes(b!, enc, err));
  }
  if (type === rt.t.str) return r;
  const sub = newStrSubtype(type, r.value);
  decref(r);
  return sub;
}

// ---------------------------------------------------------------- install

export function install(t: TypeTable): void {
  const type = t.str;
  const s = type.slots;
  s.tp_new = strNew;
  s.tp_repr = (o) => newStr(reprStr((o as PyStr).value));
  s.tp_str = (o) => unchanged(o as PyStr);
  s.tp_hash = (o) => strHash(o as PyStr);
  s.tp_richcompare = (a, b, op) => {
    if (!(a instanceof PyStr) || !(b instanceof PyStr)) return notImplemented();
    if (op === EQ) return newBool(a.value === b.value);
    if (op === 3) return newBool(a.value !== b.value);
    return newBool(cmpResult(compareStr(a.value, b.value), 0, op));
  };
  s.tp_iter = (o) => newStrIterator(o as PyStr);
  s.sq_length = (o) => cpLength((o as PyStr).value);
  s.sq_contains = (o, el) => {
    if (!(el instanceof PyStr)) raise(excType('TypeError'), `'in <string>' requires string as left operand, not ${typeName(el)}`);
    return (o as PyStr).value.includes((el as PyStr).value);
  };
  s.mp_subscript = strSubscript;
  s.nb_bool = (o) => (o as PyStr).value.length > 0;
  s.nb = {
    add: (a, b) => {
      if (!(a instanceof PyStr) || !(b instanceof PyStr)) return notImplemented();
      if (a.value === '') return unchanged(b);
      if (b.value === '') return unchanged(a);
      return newStr(a.value + b.value);
    },
    mul: (a, b) => {
      let seq: PyStr;
      let n: PyObject;
      if (a instanceof PyStr && hasIndex(b)) [seq, n] = [a, b];
      else if (b instanceof PyStr && hasIndex(a)) [seq, n] = [b, a];
      else return notImplemented();
      const count = repeatCount(n);
      if (count < 1) return newStr('');
      if (count === 1) return unchanged(seq);
      checkRepeatSize(seq.value.length, count);
      return newStr(seq.value.repeat(count));
    },
    mod: (a, b) => {
      if (!(a instanceof PyStr)) return notImplemented();
      return percentFormat(a, b);
    },
  };

  const noArgs = (name: string, f: (self: PyStr) => PyObject): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      posArgs(name, args, kw, 0, 0);
      return f(self);
    });
  };
  // ascii_upper_or_lower and case_operation (Objects/unicodeobject.c) fill a PyUnicode_New result: even one
  // Latin-1 character comes back as a new str, not the singleton.
  noArgs('upper', (o) => newStrUncached(o.value.toUpperCase()));
  noArgs('lower', (o) => newStrUncached(lowerText(o.value)));
  noArgs('title', (o) => newStrUncached(titleText(o.value)));
  noArgs('capitalize', (o) => (o.value === '' ? unchanged(o) : newStrUncached(capitalizeText(o.value))));
  noArgs('swapcase', (o) => newStrUncached(swapcaseText(o.value)));
  noArgs('casefold', (o) => newStrUncached(casefoldText(o.value)));
  const predicate = (name: string, f: (cps: string[]) => boolean, empty = false): void => {
    noArgs(name, (o) => {
      const cps = codePoints(o.value);
      return newBool(cps.length === 0 ? empty : f(cps));
    });
  };
  predicate('isdigit', (c) => c.every(isDigit));
  predicate('isdecimal', (c) => c.every(isDecimal));
  predicate('isnumeric', (c) => c.every(isNumeric));
  predicate('isalpha', (c) => c.every(isAlpha));
  predicate('isalnum', (c) => c.every(isAlnum));
  predicate('isspace', (c) => c.every(isSpace));
  predicate('isascii', (c) => c.every((x) => x.charCodeAt(0) < 128), true);
  predicate('isprintable', (c) => c.every((x) => isPrintable(x.codePointAt(0)!)), true);
  predicate('isupper', (c) => {
    let cased = false;
    for (const x of c) {
      if (isLower(x) || isTitle(x)) return false;
      if (!cased && isUpper(x)) cased = true;
    }
    return cased;
  });
  predicate('islower', (c) => {
    let cased = false;
    for (const x of c) {
      if (isUpper(x) || isTitle(x)) return false;
      if (!cased && isLower(x)) cased = true;
    }
    return cased;
  });
  predicate('istitle', (c) => {
    let cased = false;
    let prevCased = false;
    for (const x of c) {
      if (isUpper(x) || isTitle(x)) {
        if (prevCased) return false;
        prevCased = true;
        cased = true;
      } else if (isLower(x)) {
        if (!prevCased) return false;
        prevCased = true;
        cased = true;
      } else prevCased = false;
    }
    return cased;
  });
  predicate('isidentifier', (c) => /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(c.join('')));

  // split family
  def<PyStr>(type, 'split', (self, args, kw) => {
    const [sep, maxsplit] = splitArgs('split', args, kw);
    const tx = new Text(self.value);
    if (sep && tx.length < sep.length) return splitShort(self);
    const maxcount = splitMaxcount(maxsplit, tx.length, sep);
    return splitList(sep ? splitSep(self, tx, sep, maxcount) : splitWhitespace(self, tx, maxcount), maxcount);
  });
  def<PyStr>(type, 'rsplit', (self, args, kw) => {
    const [sep, maxsplit] = splitArgs('rsplit', args, kw);
    const tx = new Text(self.value);
    if (sep && tx.length < sep.length) return splitShort(self);
    const maxcount = splitMaxcount(maxsplit, tx.length, sep);
    const l = splitList(sep ? rsplitSep(self, tx, sep, maxcount) : rsplitWhitespace(self, tx, maxcount), maxcount);
    l.items.reverse();
    return l;
  });
  def<PyStr>(type, 'splitlines', (self, args, kw) => {
    const [keep] = clinic('splitlines', args, kw, ['keepends'], { posonly: 0, minpos: 0, maxpos: 1 });
    let keepends = false;
    if (keep) {
      if (keep.ob_type === rt.t.float) raise(excType('TypeError'), "'float' object cannot be interpreted as an integer");
      keepends = !!Number(indexValue(keep));
    }
    return splitlines(self, keepends);
  });
  def<PyStr>(type, 'join', (self, args, kw) => {
    posArgs('join', args, kw, 1, 1);
    return strJoin(self, args[0]);
  });
  const stripper = (name: string, l: boolean, r: boolean): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      posArgs(name, args, kw, 0, 1);
      let chars: Text | null = null;
      if (args.length && args[0] !== rt.None) {
        if (!(args[0] instanceof PyStr)) raise(excType('TypeError'), `${name} arg must be None or str`);
        chars = new Text((args[0] as PyStr).value);
      }
      const tx = new Text(self.value);
      const [i, j] = stripText(tx, chars, l, r);
      if (i === 0 && j === tx.length) return unchanged(self);
      return newStr(tx.slice(i, j));
    });
  };
  stripper('strip', true, true);
  stripper('lstrip', true, false);
  stripper('rstrip', false, true);
  def<PyStr>(type, 'replace', (self, args, kw) => {
    posArgs('replace', args, kw, 2, 3);
    const old = strArgOf(args[0], 'replace() argument 1 must be str');
    const rep = strArgOf(args[1], 'replace() argument 2 must be str');
    let count = args.length > 2 ? asSsize(args[2]) : -1;
    if (count < 0) count = Number.MAX_SAFE_INTEGER;
    const tx = new Text(self.value);
    const oldT = new Text(old);
    if (tx.length < oldT.length || count === 0 || args[0] === args[1]) return unchanged(self);
    let out = '';
    let i = 0;
    let n = 0;
    if (oldT.length === 0) {
      for (let k = 0; k <= tx.length; k++) {
        if (n < count) {
          out += rep;
          n++;
        }
        if (k < tx.length) out += tx.at(k);
      }
    } else {
      while (n < count) {
        const pos = tx.find(oldT, i, tx.length);
        if (pos < 0) break;
        out += tx.slice(i, pos) + rep;
        i = pos + oldT.length;
        n++;
      }
      if (n === 0) return unchanged(self);
      out += tx.slice(i);
    }
    return newStrUncached(out); // replace() fills a PyUnicode_New result
  });
  const searcher = (name: string, f: (tx: Text, sub: Text, start: number, end: number) => PyObject): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      tupleArgs(name, args, kw, 1, 3);
      const sub = subArg(args[0]);
      const tx = new Text(self.value);
      const [start, end] = adjustIndices(sliceIndexArg(args[1], 0), sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER), tx.length);
      return f(tx, sub, start, end);
    });
  };
  searcher('find', (tx, sub, a, b) => newInt(tx.find(sub, a, b)));
  searcher('rfind', (tx, sub, a, b) => newInt(tx.rfind(sub, a, b)));
  searcher('index', (tx, sub, a, b) => {
    const i = tx.find(sub, a, b);
    if (i < 0) raise(excType('ValueError'), 'substring not found');
    return newInt(i);
  });
  searcher('rindex', (tx, sub, a, b) => {
    const i = tx.rfind(sub, a, b);
    if (i < 0) raise(excType('ValueError'), 'substring not found');
    return newInt(i);
  });
  searcher('count', (tx, sub, a, b) => newInt(tx.count(sub, a, b)));
  const affix = (name: string, atEnd: boolean): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      tupleArgs(name, args, kw, 1, 3);
      const tx = new Text(self.value);
      const [start, end] = adjustIndices(sliceIndexArg(args[1], 0), sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER), tx.length);
      const test = (o: PyObject): boolean => {
        const sub = new Text((o as PyStr).value);
        if (start > tx.length) return false;
        if (end - start < sub.length) return false;
        if (sub.length === 0) return true;
        const at = atEnd ? end - sub.length : start;
        return tx.slice(at, at + sub.length) === sub.s;
      };
      if (args[0] instanceof PyTuple) {
        for (const o of args[0].items) {
          if (!(o instanceof PyStr)) raise(excType('TypeError'), `tuple for ${name} must only contain str, not ${typeName(o)}`);
          if (test(o)) return newBool(true);
        }
        return newBool(false);
      }
      if (!(args[0] instanceof PyStr)) raise(excType('TypeError'), `${name} first arg must be str or a tuple of str, not ${typeName(args[0])}`);
      return newBool(test(args[0]));
    });
  };
  affix('startswith', false);
  affix('endswith', true);
  const fillArg = (o: PyObject | undefined): string => {
    if (o === undefined) return ' ';
    if (!(o instanceof PyStr)) raise(excType('TypeError'), `The fill character must be a unicode character, not ${typeName(o)}`);
    if (cpLength((o as PyStr).value) !== 1) raise(excType('TypeError'), 'The fill character must be exactly one character long');
    return (o as PyStr).value;
  };
  const padder = (name: string, f: (tx: Text, width: number, fill: string) => string): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      posArgs(name, args, kw, 1, 2);
      const width = asSsize(args[0]);
      const fill = fillArg(args[1]);
      const tx = new Text(self.value);
      if (tx.length >= width) return unchanged(self);
      return newStr(f(tx, width, fill));
    });
  };
  padder('ljust', (tx, w, f) => tx.s + f.repeat(w - tx.length));
  padder('rjust', (tx, w, f) => f.repeat(w - tx.length) + tx.s);
  padder('center', (tx, w, f) => {
    const marg = w - tx.length;
    const left = Math.floor(marg / 2) + (marg & w & 1);
    return f.repeat(left) + tx.s + f.repeat(marg - left);
  });
  def<PyStr>(type, 'zfill', (self, args, kw) => {
    posArgs('zfill', args, kw, 1, 1);
    const width = asSsize(args[0]);
    const tx = new Text(self.value);
    if (tx.length >= width) return unchanged(self);
    const fill = width - tx.length;
    let out = '0'.repeat(fill) + tx.s;
    if (tx.s[0] === '+' || tx.s[0] === '-') out = tx.s[0] + '0'.repeat(fill) + tx.s.slice(1);
    return newStr(out);
  });
  const partitioner = (name: string, right: boolean): void => {
    def<PyStr>(type, name, (self, args, kw) => {
      posArgs(name, args, kw, 1, 1);
      const sepObj = args[0];
      if (!(sepObj instanceof PyStr)) raise(excType('TypeError'), `must be str, not ${typeName(sepObj)}`);
      const sep = new Text((sepObj as PyStr).value);
      if (sep.length === 0) raise(excType('ValueError'), 'empty separator');
      const tx = new Text(self.value);
      const pos = right ? tx.rfind(sep, 0, tx.length) : tx.find(sep, 0, tx.length);
      if (pos < 0) {
        const whole = unchanged(self);
        return right ? newTuple([newStr(''), newStr(''), whole]) : newTuple([whole, newStr(''), newStr('')]);
      }
      return newTuple([newStr(tx.slice(0, pos)), incref(sepObj), newStr(tx.slice(pos + sep.length))]);
    });
  };
  partitioner('partition', false);
  partitioner('rpartition', true);
  def<PyStr>(type, 'expandtabs', (self, args, kw) => {
    const [ts] = clinic('expandtabs', args, kw, ['tabsize'], { posonly: 0, minpos: 0, maxpos: 1 });
    if (ts && ts.ob_type === rt.t.float) raise(excType('TypeError'), "'float' object cannot be interpreted as an integer");
    const tabsize = ts ? asSsize(ts) : 8;
    if (!self.value.includes('\t')) return unchanged(self);
    let out = '';
    let col = 0;
    for (const c of self.value) {
      if (c === '\t') {
        if (tabsize > 0) {
          const incr = tabsize - (col % tabsize);
          out += ' '.repeat(incr);
          col += incr;
        }
      } else {
        out += c;
        col++;
        if (c === '\n' || c === '\r') col = 0;
      }
    }
    return newStr(out);
  });
  def<PyStr>(type, 'encode', (self, args, kw) => {
    const [enc, err] = clinic('encode', args, kw, ['encoding', 'errors'], { posonly: 0, minpos: 0, maxpos: 2 });
    const encoding = enc ? strArgOf(enc, "encode() argument 'encoding' must be str") : 'utf-8';
    const errors = err ? strArgOf(err, "encode() argument 'errors' must be str") : 'strict';
    return newBytes(encodeStr(self.value, encoding, errors));
  });
  def<PyStr>(type, 'removeprefix', (self, args, kw) => {
    posArgs('removeprefix', args, kw, 1, 1);
    const p = strArgOf(args[0], 'removeprefix() argument must be str');
    if (p && self.value.startsWith(p)) return newStr(self.value.slice(p.length));
    return unchanged(self);
  });
  def<PyStr>(type, 'removesuffix', (self, args, kw) => {
    posArgs('removesuffix', args, kw, 1, 1);
    const p = strArgOf(args[0], 'removesuffix() argument must be str');
    if (p && self.value.endsWith(p)) return newStr(self.value.slice(0, self.value.length - p.length));
    return unchanged(self);
  });
  def<PyStr>(type, 'format', (self, args, kw) => strFormat(self, args, kw));
  def<PyStr>(type, 'format_map', (self, args, kw) => {
    posArgs('format_map', args, kw, 1, 1);
    return strFormatMap(self, args[0]);
  });
  def<PyStr>(type, '__format__', (self, args, kw) => {
    posArgs('__format__', args, kw, 1, 1);
    const spec = args[0];
    if (!(spec instanceof PyStr)) raise(excType('TypeError'), `__format__() argument must be str, not ${typeName(spec)}`);
    return formatStr(self, (spec as PyStr).value);
  });
  def<PyStr>(type, 'translate', (self, args, kw) => {
    posArgs('translate', args, kw, 1, 1);
    return translate(self, args[0]);
  });
  staticFunction(type, 'maketrans', (args, kw) => maketrans(args, kw));
  def<PyStr>(type, '__getnewargs__', (self, args, kw) => {
    posArgs('__getnewargs__', args, kw, 0, 0);
    return newTuple([newStr(self.value)]);
  });
  def<PyStr>(type, '__sizeof__', (self, args, kw) => {
    posArgs('__sizeof__', args, kw, 0, 0);
    // a UTF-8 copy kept apart from the data counts too (_PyUnicode_HAS_UTF8_MEMORY)
    return newInt(strSize(self.value) + (self.utf8 && !/^[\x00-\x7f]*$/.test(self.value) ? utf8Length(self.value) + 1 : 0));
  });
  addSlotWrappers(type);
}
