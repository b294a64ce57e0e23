// Helpers shared by the value types (int, float, str, list, ...): method definitions that accept both calling
// conventions, index conversion with CPython's messages, the repr recursion guard (Py_ReprEnter), and the
// slot wrappers (`__add__`, `__len__`, ...) that CPython's add_operators puts in a builtin type's dict.
import { EQ, GE, GT, LE, LT, NE, callDescriptor, excType, indexValue, isSubtype, typeName } from '../abstract';
import { PyBuiltin, PyInt, PyObject, type NativeFn, type PyStr, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newDict, newInt, newList, raise, rt } from '../runtime';
import { setItemStr, setItemStrNew } from './dict';
import { builtinHash64 } from './hashing';
import { PyGetSet } from './object';
import { invalidKeyword, method } from './util';

export type MethodImpl<S extends PyObject = PyObject> = (self: S, args: PyObject[], kwnames: PyStr[] | null) => PyObject;

/**
 * Defines a method of a builtin type. A method descriptor may be called unbound (`list.append(l, x)`, or the
 * VM's LOAD_METHOD/CALL pair, which passes self as the first argument) or bound (self given): both reach `fn`
 * with self apart, after the descriptor's type check (descr_check in Objects/descrobject.c).
 */
export function def<S extends PyObject = PyObject>(type: PyType, name: string, fn: MethodImpl<S>, doc: string | null = null): void {
  method(type, name, boundOrUnbound(type, name, fn as MethodImpl), doc);
}

/** The method being entered ("list.append"): METH_O and METH_NOARGS messages name it so. */
let currentMethod = '';

function enter(qualname: string, fn: MethodImpl, self: PyObject, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const prev = currentMethod;
  currentMethod = qualname;
  try {
    return fn(self, args, kwnames);
  } finally {
    currentMethod = prev;
  }
}

export function boundOrUnbound(type: PyType, name: string, fn: MethodImpl): NativeFn {
  const qualname = `${type.name}.${name}`;
  return (args, kwnames, self) => {
    if (self !== null) return enter(qualname, fn, self, args, kwnames);
    const nkw = kwnames ? kwnames.length : 0;
    if (args.length - nkw < 1) raise(excType('TypeError'), `unbound method ${type.name}.${name}() needs an argument`);
    const s = args[0];
    if (!isSubtype(s.ob_type, type)) {
      raise(excType('TypeError'), `descriptor '${name}' for '${type.name}' objects doesn't apply to a '${typeName(s)}' object`);
    }
    return enter(qualname, fn, s, args.slice(1), kwnames);
  };
}

/** A read-only attribute (a getset_descriptor whose getter is fn(self)). */
export function getter<S extends PyObject = PyObject>(type: PyType, name: string, fn: (self: S) => PyObject): void {
  const d = alloc(new PyGetSet(rt.t.getset_descriptor, name, type, (obj) => fn(obj as S), null), 7 * rt.version.ptr);
  setItemStrNew(type.dict, name, d);
}

export function notImplemented(): PyObject {
  return incref(rt.NotImplemented);
}

export function none(): PyObject {
  return incref(rt.None);
}

/** Steals nothing: a new reference to o. */
export function ret<T extends PyObject>(o: T): T {
  return incref(o);
}

/**
 * Arguments without keywords: the positional count must be in [min, max]. METH_NOARGS and METH_O methods say
 * `list.copy() takes no arguments (1 given)`; the others `pop expected at most 1 argument, got 2`.
 */
export function posArgs(name: string, args: PyObject[], kwnames: PyStr[] | null, min: number, max: number): void {
  const q = currentMethod.endsWith('.' + name) ? currentMethod : name;
  if (kwnames && kwnames.length) raise(excType('TypeError'), `${q}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) raise(excType('TypeError'), `${q}() takes no arguments (${n} given)`);
    if (min === 1) raise(excType('TypeError'), `${q}() takes exactly one argument (${n} given)`);
    raise(excType('TypeError'), `${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) raise(excType('TypeError'), `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  raise(excType('TypeError'), `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

/** _PyArg_NoKwnames for a method: `list.pop() takes no keyword arguments`. */
export function noKw(name: string, kwnames: PyStr[] | null): void {
  if (!kwnames || !kwnames.length) return;
  const q = currentMethod.endsWith('.' + name) ? currentMethod : name;
  raise(excType('TypeError'), `${q}() takes no keyword arguments`);
}

/** PyArg_ParseTuple's count check ("O|OO:find"): `find() takes at least 1 argument (0 given)`. */
export function tupleArgs(name: string, args: PyObject[], kwnames: PyStr[] | null, min: number, max: number): void {
  if (kwnames && kwnames.length) raise(excType('TypeError'), `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  const bound = n < min ? min : max;
  const how = min === max ? 'exactly' : n < min ? 'at least' : 'at most';
  raise(excType('TypeError'), `${name}() takes ${how} ${bound} argument${bound === 1 ? '' : 's'} (${n} given)`);
}

/** Argument Clinic's positional-only check: `name() takes at most N arguments (M given)` style. */
export function clinicPos(name: string, args: PyObject[], kwnames: PyStr[] | null, min: number, max: number): void {
  if (kwnames && kwnames.length) raise(excType('TypeError'), `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n < min) {
    raise(excType('TypeError'), `${name}() takes ${min === max ? 'exactly' : 'at least'} ${min} argument${min === 1 ? '' : 's'} (${n} given)`);
  }
  if (n > max) {
    if (max === 0) raise(excType('TypeError'), `${name}() takes no arguments (${n} given)`);
    raise(excType('TypeError'), `${name}() takes ${min === max ? 'exactly' : 'at most'} ${max} argument${max === 1 ? '' : 's'} (${n} given)`);
  }
}

/** Whether o has the int layout (int, bool and their subclasses). */
export function isInt(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

export function hasIndex(o: PyObject): boolean {
  if (o instanceof PyInt) return true;
  return lookupIndex(o);
}

function lookupIndex(o: PyObject): boolean {
  for (const t of o.ob_type.mro) {
    if (t.slots.nb_unary?.index) return true;
    if (t.heapType && t.dict.map.has('__index__')) return true;
  }
  return false;
}

/** PyNumber_Index's value (no message customisation). */
export function indexOf(o: PyObject): number | bigint {
  if (o instanceof PyInt) return o.value;
  return indexValue(o);
}

/**
 * PyNumber_AsSsize_t(o, exc): an index as a JS number; too big a value raises `exc` ("cannot fit 'int' into
 * an index-sized integer") or, with exc null, clips to the Py_ssize_t range.
 */
export function asSsize(o: PyObject, exc: 'IndexError' | 'OverflowError' | null = 'OverflowError'): number {
  const v = indexOf(o);
  return clipSsize(v, exc, o);
}

export const SSIZE_MAX = 2n ** 63n - 1n;
export const SSIZE_MIN = -(2n ** 63n);

export function clipSsize(v: number | bigint, exc: 'IndexError' | 'OverflowError' | null, o?: PyObject): number {
  if (typeof v === 'number') return v;
  if (v > SSIZE_MAX || v < SSIZE_MIN) {
    if (exc) raise(excType(exc), `cannot fit '${o ? typeName(o) : 'int'}' into an index-sized integer`);
    return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  }
  // Beyond 2**53 but a valid Py_ssize_t: no sequence is that long, so clipping keeps the meaning.
  return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

/** An optional index argument as _PyEval_SliceIndex reads it (None means the default). */
export function sliceIndexArg(o: PyObject | null | undefined, dflt: number): number {
  if (!o || o === rt.None) return dflt;
  if (!hasIndex(o)) raise(excType('TypeError'), 'slice indices must be integers or None or have an __index__ method');
  return asSsize(o, null);
}

/** Index adjustment of sequence methods (start/end arguments of find, index, count). */
export function adjustIndices(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

// ---------------------------------------------------------------- Py_ReprEnter / Py_ReprLeave

const reprActive = new Set<PyObject>();

/**
 * The first Py_ReprEnter of a run creates the thread state's dict (PyThreadState_GetDict) and the `Py_Repr`
 * list in it, which then live as long as the thread: real allocations the collector counts.
 */
function threadStateReprList(): void {
  const state = rt as { threadStateDict?: PyObject };
  if (state.threadStateDict) return;
  const d = newDict();
  state.threadStateDict = d;
  rt.trace?.hold('thread state dict', d);
  const list = newList([]);
  setItemStr(d, 'Py_Repr', list);
  decref(list);
}

/** True when o is already being repr'd (the caller writes `[...]`); else marks it. */
export function reprEnter(o: PyObject): boolean {
  threadStateReprList();
  if (reprActive.has(o)) return true;
  reprActive.add(o);
  return false;
}

export function reprLeave(o: PyObject): void {
  reprActive.delete(o);
}

// ---------------------------------------------------------------- comparisons

/** The result of comparing two JS-comparable values under a rich-comparison op. */
export function cmpResult<T extends number | bigint | string>(a: T, b: T, op: number): boolean {
  switch (op) {
    case LT: return a < b;
    case LE: return a <= b;
    case EQ: return a === b;
    case NE: return a !== b;
    case GT: return a > b;
    case GE: return a >= b;
  }
  return false;
}

/** Rich comparison from a three-way result (-1, 0, 1). */
export function cmpFromSign(c: number, op: number): PyObject {
  switch (op) {
    case LT: return newBool(c < 0);
    case LE: return newBool(c <= 0);
    case EQ: return newBool(c === 0);
    case NE: return newBool(c !== 0);
    case GT: return newBool(c > 0);
    case GE: return newBool(c >= 0);
  }
  return notImplemented();
}

// ---------------------------------------------------------------- slot wrappers

const BINARY_DUNDERS: Record<string, string> = {
  add: 'add', sub: 'sub', mul: 'mul', truediv: 'truediv', floordiv: 'floordiv', mod: 'mod', pow: 'pow',
  lshift: 'lshift', rshift: 'rshift', and: 'and', or: 'or', xor: 'xor', matmul: 'matmul',
};
const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function wrapper(type: PyType, name: string, fn: MethodImpl): void {
  if (type.dict.map.has(name)) return;
  def(type, name, fn);
}

/** check_num_args (Objects/typeobject.c) and wrapper_call's keyword refusal, for the slot wrappers. */
function wrapperArgs(name: string, args: PyObject[], kwnames: PyStr[] | null, min: number, max: number = min): void {
  if (kwnames && kwnames.length) raise(excType('TypeError'), `wrapper ${name}() takes no keyword arguments`);
  if (args.length < min || args.length > max) {
    const n = args.length < min ? min : max;
    raise(excType('TypeError'), `expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  }
}

/**
 * The dunder methods a builtin type's slots stand for (add_operators in Objects/typeobject.c), so that
 * `int.__add__`, `super().__getitem__(i)` and `[].__len__()` work. Existing entries are kept.
 */
export function addSlotWrappers(type: PyType): void {
  const s = type.slots;
  if (s.tp_repr) wrapper(type, '__repr__', (self, a, k) => { wrapperArgs('__repr__', a, k, 0, 0); return s.tp_repr!(self); });
  if (s.tp_str) wrapper(type, '__str__', (self, a, k) => { wrapperArgs('__str__', a, k, 0, 0); return s.tp_str!(self); });
  if (s.tp_hash) wrapper(type, '__hash__', (self, a, k) => { wrapperArgs('__hash__', a, k, 0, 0); return newInt(builtinHash64(self)); });
  if (s.tp_richcompare) {
    CMP_NAMES.forEach((name, op) => wrapper(type, name, (self, a, k) => {
      wrapperArgs(name, a, k, 1, 1);
      return s.tp_richcompare!(self, a[0], op);
    }));
  }
  if (s.tp_iter) wrapper(type, '__iter__', (self, a, k) => { wrapperArgs('__iter__', a, k, 0, 0); return s.tp_iter!(self); });
  if (s.tp_iternext) {
    wrapper(type, '__next__', (self, a, k) => {
      wrapperArgs('__next__', a, k, 0, 0);
      const r = s.tp_iternext!(self);
      if (r === null) raise(excType('StopIteration'));
      return r;
    });
  }
  if (s.sq_length) wrapper(type, '__len__', (self, a, k) => { wrapperArgs('__len__', a, k, 0, 0); return newInt(s.sq_length!(self)); });
  if (s.sq_contains) wrapper(type, '__contains__', (self, a, k) => { wrapperArgs('__contains__', a, k, 1, 1); return newBool(s.sq_contains!(self, a[0])); });
  if (s.mp_subscript) wrapper(type, '__getitem__', (self, a, k) => { wrapperArgs('__getitem__', a, k, 1, 1); return s.mp_subscript!(self, a[0]); });
  if (s.mp_ass_subscript) {
    wrapper(type, '__setitem__', (self, a, k) => { wrapperArgs('__setitem__', a, k, 2, 2); s.mp_ass_subscript!(self, a[0], a[1]); return none(); });
    wrapper(type, '__delitem__', (self, a, k) => { wrapperArgs('__delitem__', a, k, 1, 1); s.mp_ass_subscript!(self, a[0], null); return none(); });
  }
  if (s.nb_bool) wrapper(type, '__bool__', (self, a, k) => { wrapperArgs('__bool__', a, k, 0, 0); return newBool(s.nb_bool!(self)); });
  if (s.nb) {
    for (const [op, fn] of Object.entries(s.nb)) {
      if (!fn || !BINARY_DUNDERS[op]) continue;
      const n = BINARY_DUNDERS[op];
      if (op === 'pow') {
        wrapper(type, '__pow__', (self, a, k) => {
          wrapperArgs('__pow__', a, k, 1, 2);
          if (a.length === 2 && a[1] !== rt.None && ternaryPow.has(type)) return ternaryPow.get(type)!(self, a[0], a[1]);
          return fn(self, a[0]);
        });
        wrapper(type, '__rpow__', (self, a, k) => {
          wrapperArgs('__rpow__', a, k, 1, 2);
          if (a.length === 2 && a[1] !== rt.None && ternaryPow.has(type)) return ternaryPow.get(type)!(a[0], self, a[1]);
          return fn(a[0], self);
        });
        continue;
      }
      wrapper(type, `__${n}__`, (self, a, k) => { wrapperArgs(`__${n}__`, a, k, 1, 1); return fn(self, a[0]); });
      wrapper(type, `__r${n}__`, (self, a, k) => { wrapperArgs(`__r${n}__`, a, k, 1, 1); return fn(a[0], self); });
    }
  }
  if (s.nb_inplace) {
    for (const [op, fn] of Object.entries(s.nb_inplace)) {
      if (!fn || !BINARY_DUNDERS[op]) continue;
      const n = BINARY_DUNDERS[op];
      wrapper(type, `__i${n}__`, (self, a, k) => { wrapperArgs(`__i${n}__`, a, k, 1, 1); return fn(self, a[0]); });
    }
  }
  if (s.nb_unary) {
    for (const [op, fn] of Object.entries(s.nb_unary)) {
      if (!fn) continue;
      wrapper(type, `__${op}__`, (self, a, k) => { wrapperArgs(`__${op}__`, a, k, 0, 0); return fn(self); });
    }
  }
}

/** pow(a, b, mod) of the types that have a ternary pow (int, and complex's refusal). Weak: every run makes its
 *  own int and complex types, and a strong map kept each earlier run's heap alive through them. */
export const ternaryPow = new WeakMap<PyType, (a: PyObject, b: PyObject, m: PyObject) => PyObject>();

/** Marks a builtin type unhashable as CPython does (`__hash__ = None` in its dict). */
export function setUnhashable(type: PyType): void {
  setItemStrNew(type.dict, '__hash__', incref(rt.None));
}

/** Releases a list of owned references. */
export function decrefAll(items: PyObject[]): void {
  for (const o of items) decref(o);
}

export interface ClinicSpec {
  /** Leading parameters that cannot be passed by keyword. */
  posonly: number;
  /** Fewest positional arguments required. */
  minpos: number;
  /** Most positional arguments accepted (the rest are keyword-only). */
  maxpos: number;
  /** Required keyword-only parameters. */
  minkw?: number;
}

/**
 * _PyArg_UnpackKeywords (Python/getargs.c): binds positional and keyword arguments to `names` with Argument
 * Clinic's messages. Returns one borrowed argument (or null) per name.
 */
export function clinic(fname: string, args: PyObject[], kwnames: PyStr[] | null, names: string[], spec: ClinicSpec): (PyObject | null)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const nargs = args.length - nkw;
  const { posonly, minpos, maxpos } = spec;
  const minkw = spec.minkw ?? 0;
  const reqlimit = minkw ? maxpos + minkw : minpos;
  const maxargs = names.length;
  const minposonly = Math.min(posonly, minpos);
  const out: (PyObject | null)[] = names.map(() => null);
  if (nkw === 0 && minkw === 0 && minpos <= nargs && nargs <= maxpos) {
    for (let i = 0; i < nargs; i++) out[i] = args[i];
    return out;
  }
  if (nargs + nkw > maxargs) {
    raise(excType('TypeError'), `${fname}() takes at most ${maxargs} ${nargs === 0 ? 'keyword ' : ''}argument${maxargs === 1 ? '' : 's'} (${nargs + nkw} given)`);
  }
  if (nargs > maxpos) {
    if (maxpos === 0) raise(excType('TypeError'), `${fname}() takes no positional arguments`);
    raise(excType('TypeError'), `${fname}() takes ${minpos < maxpos ? 'at most' : 'exactly'} ${maxpos} positional argument${maxpos === 1 ? '' : 's'} (${nargs} given)`);
  }
  if (nargs < minposonly) {
    raise(excType('TypeError'), `${fname}() takes ${minposonly < maxpos ? 'at least' : 'exactly'} ${minposonly} positional argument${minposonly === 1 ? '' : 's'} (${nargs} given)`);
  }
  for (let i = 0; i < nargs; i++) out[i] = args[i];
  const findKw = (name: string): PyObject | null => {
    for (let k = 0; k < nkw; k++) if (kwnames![k].value === name) return args[nargs + k];
    return null;
  };
  let remaining = nkw;
  for (let i = Math.max(nargs, posonly); i < maxargs; i++) {
    let cur: PyObject | null;
    if (remaining) cur = findKw(names[i]);
    else if (i >= reqlimit) break;
    else cur = null;
    out[i] = cur;
    if (cur) remaining--;
    else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      raise(excType('TypeError'), `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  if (remaining > 0) {
    for (let i = posonly; i < nargs; i++) {
      if (findKw(names[i])) raise(excType('TypeError'), `argument for ${fname}() given by name ('${names[i]}') and position (${i + 1})`);
    }
    for (let k = 0; k < nkw; k++) {
      const key = kwnames![k].value;
      const i = names.indexOf(key);
      if (i < posonly) invalidKeyword(fname, key, names.slice(posonly));
    }
    raise(excType('TypeError'), `invalid keyword argument for ${fname}()`);
  }
  return out;
}

/**
 * Calls a method found on a type with self apart: method descriptors made with util.method take self as their
 * third argument, Python functions and other descriptors go through callDescriptor.
 */
export function callMethodOf(meth: PyObject, self: PyObject, args: PyObject[]): PyObject {
  if (meth instanceof PyBuiltin && meth.self === null && (meth.ob_type === rt.t.method_descriptor || meth.ob_type === rt.t.wrapper_descriptor)) {
    return meth.fn(args, null, self);
  }
  return callDescriptor(meth, self, args);
}

/**
 * What PyNumber_Add / PyNumber_Multiply (and their in-place forms) do after both operands' number slots gave
 * NotImplemented (Objects/abstract.c): the left operand's sq_concat, or either operand's sq_repeat, which for
 * the builtin sequences raise CPython's messages. Returns null when no builtin sequence is involved; the
 * caller then raises its generic "unsupported operand type(s)".
 */
export function sequenceFallback(a: PyObject, b: PyObject, op: 'add' | 'mul'): null {
  const seqName = (o: PyObject): string | null => {
    for (const t of o.ob_type.mro) {
      if (t === rt.t.list || t === rt.t.tuple || t === rt.t.str || t === rt.t.bytes || t === rt.t.bytearray) return t.name;
    }
    return null;
  };
  if (op === 'add') {
    const name = seqName(a);
    if (!name) return null;
    if (name === 'bytes' || name === 'bytearray') raise(excType('TypeError'), `can't concat ${typeName(b)} to ${typeName(a)}`);
    raise(excType('TypeError'), `can only concatenate ${name} (not "${typeName(b)}") to ${name}`);
  }
  const n = seqName(a) ? b : seqName(b) ? a : null;
  if (!n) return null;
  if (!hasIndex(n)) raise(excType('TypeError'), `can't multiply sequence by non-int of type '${typeName(n)}'`);
  return null;
}
