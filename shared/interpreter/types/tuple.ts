// tuple (Objects/tupleobject.c): immutable sequences; the places CPython hands back the same object (tuple(t),
// t[:], t * 1, t + ()) do here too, and hash is CPython's xxHash-based tuplehash over the items' hashes.
import { EQ, excType, getIter, iterNext, reprText, richCompare, richCompareBool, typeName } from '../abstract';
import { PyList, PyObject, PySlice, PyTuple, type PyStr, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newInt, newStr, newTuple, newTupleFromArray, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, asSsize, cmpResult, def, hasIndex, noKw, notImplemented, posArgs, reprEnter, reprLeave, sliceIndexArg,
} from './common';
import { hash64, tupleHashOf } from './hashing';
import { lengthHint, newIterator } from './iterators';
import { checkRepeatSize, repeatCount } from './list';
import { adjustSlice, sliceUnpack } from './slice';

/** tuplehash from already computed item hashes (slices hash this way from 3.12). */
export function tupleHashItems(hashes: number[]): number {
  return Number(tupleHashOf(hashes.map((h) => BigInt(h))));
}

export function tupleHash64(t: PyTuple): bigint {
  return tupleHashOf(t.items.map(hash64));
}

/** A tuple of a subclass type, owning the given references. */
export function newTupleSubtype(type: PyType, items: PyObject[]): PyTuple {
  if (type === rt.t.tuple) return newTuple(items);
  return alloc(new PyTuple(type, items), Math.max(3 * rt.version.ptr, type.basicsize) + items.length * rt.version.ptr);
}

/** PySequence_Tuple: tuple(iterable); an exact tuple is returned as it is. */
export function sequenceTuple(v: PyObject): PyTuple {
  if (v.ob_type === rt.t.tuple) return incref(v as PyTuple);
  if (v.ob_type === rt.t.list) return newTupleFromArray((v as PyList).items.map((o) => incref(o)));
  const it = getIter(v);
  const items: PyObject[] = [];
  try {
    lengthHint(v, 10);
    for (let x = iterNext(it); x; x = iterNext(it)) items.push(x);
  } catch (e) {
    for (const o of items) decref(o);
    throw e;
  } finally {
    decref(it);
  }
  return newTuple(items);
}

function tupleNew(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  if (kwnames && kwnames.length) raise(excType('TypeError'), 'tuple() takes no keyword arguments');
  if (args.length > 1) raise(excType('TypeError'), `tuple expected at most 1 argument, got ${args.length}`);
  if (type === rt.t.tuple) return args.length ? sequenceTuple(args[0]) : incref(rt.emptyTuple);
  const tmp = args.length ? sequenceTuple(args[0]) : incref(rt.emptyTuple);
  const r = newTupleSubtype(type, tmp.items.map((o) => incref(o)));
  decref(tmp);
  return r;
}

function tupleRepr(o: PyObject): PyObject {
  const v = o as PyTuple;
  const n = v.items.length;
  if (n === 0) return newStr('()');
  if (reprEnter(v)) return newStr('(...)');
  try {
    let s = '(';
    for (let i = 0; i < n; i++) {
      if (i > 0) s += ', ';
      s += reprText(v.items[i]);
    }
    return newStr(n === 1 ? s + ',)' : s + ')');
  } finally {
    reprLeave(v);
  }
}

function tupleRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyTuple) || !(w instanceof PyTuple)) return notImplemented();
  const vlen = v.items.length;
  const wlen = w.items.length;
  let i = 0;
  for (; i < vlen && i < wlen; i++) {
    if (!richCompareBool(v.items[i], w.items[i], EQ)) break;
  }
  if (i >= vlen || i >= wlen) return newBool(cmpResult(vlen, wlen, op));
  if (op === EQ) return newBool(false);
  if (op === 3) return newBool(true);
  return richCompare(v.items[i], w.items[i], op);
}

function tupleSubscript(self: PyObject, item: PyObject): PyObject {
  const t = self as PyTuple;
  if (hasIndex(item)) {
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += t.items.length;
    if (i < 0 || i >= t.items.length) raise(excType('IndexError'), 'tuple index out of range');
    return incref(t.items[i]);
  }
  if (item instanceof PySlice) {
    const [start, stop, step] = sliceUnpack(item);
    const s = adjustSlice(t.items.length, start, stop, step);
    if (s.length <= 0) return incref(rt.emptyTuple);
    if (s.start === 0 && step === 1 && s.length === t.items.length && t.ob_type === rt.t.tuple) return incref(t);
    const out: PyObject[] = [];
    for (let cur = s.start, i = 0; i < s.length; cur += step, i++) out.push(incref(t.items[cur]));
    return newTuple(out);
  }
  return raise(excType('TypeError'), `tuple indices must be integers or slices, not ${typeName(item)}`);
}

function tupleConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyTuple)) return notImplemented();
  if (a.items.length === 0 && b.ob_type === rt.t.tuple) return incref(b);
  if (!(b instanceof PyTuple)) return notImplemented();
  if (b.items.length === 0 && a.ob_type === rt.t.tuple) return incref(a);
  const size = a.items.length + b.items.length;
  if (size === 0) return incref(rt.emptyTuple);
  return newTuple([...a.items, ...b.items].map((o) => incref(o)));
}

function tupleRepeat(a: PyTuple, n: number): PyObject {
  if ((a.items.length === 0 || n === 1) && a.ob_type === rt.t.tuple) return incref(a);
  if (a.items.length === 0 || n <= 0) return incref(rt.emptyTuple);
  checkRepeatSize(a.items.length, n);
  const items: PyObject[] = [];
  for (let k = 0; k < n; k++) for (const o of a.items) items.push(incref(o));
  return newTuple(items);
}

export function install(t: TypeTable): void {
  const type = t.tuple;
  const s = type.slots;
  s.tp_new = tupleNew;
  s.tp_repr = tupleRepr;
  s.tp_hash = (o) => Number(tupleHash64(o as PyTuple));
  s.tp_richcompare = tupleRichCompare;
  s.tp_iter = (o) => newIterator('tuple_iterator', o);
  s.sq_length = (o) => (o as PyTuple).items.length;
  s.sq_contains = (o, el) => {
    for (const item of (o as PyTuple).items) if (richCompareBool(item, el, EQ)) return true;
    return false;
  };
  s.mp_subscript = tupleSubscript;
  s.nb_bool = (o) => (o as PyTuple).items.length > 0;
  s.nb = {
    add: tupleConcat,
    mul: (a, b) => {
      if (a instanceof PyTuple && hasIndex(b)) return tupleRepeat(a, repeatCount(b));
      if (b instanceof PyTuple && hasIndex(a)) return tupleRepeat(b, repeatCount(a));
      return notImplemented();
    },
  };
  s.tp_traverse = (o, visit) => {
    const items = (o as PyTuple).items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
  };
  s.tp_clear = (o) => {
    // tupledealloc: the items are released last to first.
    const items = (o as PyTuple).items;
    (o as PyTuple).items = [];
    for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
  };
  def<PyTuple>(type, 'index', (self, args, kw) => {
    noKw('index', kw);
    if (args.length < 1) raise(excType('TypeError'), `index expected at least 1 argument, got ${args.length}`);
    if (args.length > 3) raise(excType('TypeError'), `index expected at most 3 arguments, got ${args.length}`);
    const n = self.items.length;
    let start = sliceIndexArg(args[1], 0);
    let stop = sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER);
    if (start < 0) {
      start += n;
      if (start < 0) start = 0;
    }
    if (stop < 0) stop += n;
    else if (stop > n) stop = n;
    for (let i = start; i < stop; i++) {
      if (richCompareBool(self.items[i], args[0], EQ)) return newInt(i);
    }
    return raise(excType('ValueError'), 'tuple.index(x): x not in tuple');
  });
  def<PyTuple>(type, 'count', (self, args, kw) => {
    posArgs('count', args, kw, 1, 1);
    let count = 0;
    for (const item of self.items) if (richCompareBool(item, args[0], EQ)) count++;
    return newInt(count);
  });
  def<PyTuple>(type, '__getnewargs__', (self, args, kw) => {
    posArgs('__getnewargs__', args, kw, 0, 0);
    return newTuple([newTuple(self.items.map((o) => incref(o)))]);
  });
  addSlotWrappers(type);
}
