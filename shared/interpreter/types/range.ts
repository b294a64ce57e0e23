// range (Objects/rangeobject.c): a lazy arithmetic sequence; indexing, slicing (a new range), `in` without
// iterating for ints, equality by the sequence it stands for, and the range_iterator.
import { EQ, excType, getIter, iterNext, reprText, richCompareBool, typeName } from '../abstract';
import { PyInt, PyObject, PyRange, PySlice, type PyStr, type PyType } from '../objects';
import { alloc, decref, newBool, newInt, newStr, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import { addSlotWrappers, asSsize, def, getter, hasIndex, indexOf, notImplemented, posArgs } from './common';
import { intHash64, tupleHashOf, noneHash64 } from './hashing';
import { newRangeIterator } from './iterators';
import { sliceUnpack, adjustSlice } from './slice';

/** compute_range_length */
export function rangeLength(start: number, stop: number, step: number): number {
  if (step > 0 ? start >= stop : start <= stop) return 0;
  if (step > 0) return Math.floor((stop - start - 1) / step) + 1;
  return Math.floor((start - stop - 1) / -step) + 1;
}

export function newRange(start: number, stop: number, step: number): PyRange {
  return alloc(new PyRange(rt.t.range, start, stop, step, rangeLength(start, stop, step)), 6 * rt.version.ptr);
}

function rangeArg(o: PyObject): number {
  if (!hasIndex(o)) raise(excType('TypeError'), `'${typeName(o)}' object cannot be interpreted as an integer`);
  const v = indexOf(o);
  if (typeof v === 'bigint') raise(excType('OverflowError'), 'Python int too large to convert to C ssize_t');
  return v as number;
}

function rangeNew(_type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  if (kwnames && kwnames.length) raise(excType('TypeError'), 'range() takes no keyword arguments');
  if (args.length === 0) raise(excType('TypeError'), 'range expected at least 1 argument, got 0');
  if (args.length > 3) raise(excType('TypeError'), `range expected at most 3 arguments, got ${args.length}`);
  let start = 0;
  let stop: number;
  let step = 1;
  if (args.length === 1) stop = rangeArg(args[0]);
  else {
    start = rangeArg(args[0]);
    stop = rangeArg(args[1]);
    if (args.length === 3) {
      step = rangeArg(args[2]);
      if (step === 0) raise(excType('ValueError'), 'range() arg 3 must not be zero');
    }
  }
  return newRange(start, stop, step);
}

function rangeItem(r: PyRange, i: number): number {
  return r.start + i * r.step;
}

function rangeSubscript(self: PyObject, item: PyObject): PyObject {
  const r = self as PyRange;
  if (hasIndex(item)) {
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += r.length;
    if (i < 0 || i >= r.length) raise(excType('IndexError'), 'range object index out of range');
    return newInt(rangeItem(r, i));
  }
  if (item instanceof PySlice) {
    const [start, stop, step] = sliceUnpack(item);
    const s = adjustSlice(r.length, start, stop, step);
    const substep = r.step * step;
    const substart = rangeItem(r, s.start);
    const substop = rangeItem(r, s.stop);
    return newRange(substart, substop, substep);
  }
  return raise(excType('TypeError'), `range indices must be integers or slices, not ${typeName(item)}`);
}

/** range_contains_long: arithmetic, for exact ints and bools. */
function rangeContainsInt(r: PyRange, v: number | bigint): boolean {
  if (typeof v === 'bigint') return false;
  if (r.step > 0 ? !(r.start <= v && v < r.stop) : !(r.stop < v && v <= r.start)) return false;
  return (v - r.start) % r.step === 0;
}

function rangeContains(self: PyObject, ob: PyObject): boolean {
  const r = self as PyRange;
  if (ob.ob_type === rt.t.int || ob.ob_type === rt.t.bool) return rangeContainsInt(r, (ob as PyInt).value);
  const it = getIter(r);
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) {
      const eq = richCompareBool(x, ob, EQ);
      decref(x);
      if (eq) return true;
    }
  } finally {
    decref(it);
  }
  return false;
}

/** range_equals: equal as sequences. */
function rangeEquals(a: PyRange, b: PyRange): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  if (a.start !== b.start) return false;
  if (a.length === 1) return true;
  return a.step === b.step;
}

/** range_hash: the hash of (len, start, step), with None for what does not matter. */
export function rangeHash64(o: PyObject): bigint {
  const r = o as PyRange;
  const lanes = [intHash64(r.length)];
  if (r.length === 0) lanes.push(noneHash64(), noneHash64());
  else if (r.length === 1) lanes.push(intHash64(r.start), noneHash64());
  else lanes.push(intHash64(r.start), intHash64(r.step));
  return tupleHashOf(lanes);
}

export function install(t: TypeTable): void {
  const type = t.range;
  type.baseType = false;
  const s = type.slots;
  s.tp_new = rangeNew;
  s.tp_repr = (o) => {
    const r = o as PyRange;
    return newStr(r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
  };
  s.tp_hash = (o) => Number(rangeHash64(o));
  s.tp_richcompare = (a, b, op) => {
    if (!(a instanceof PyRange) || !(b instanceof PyRange)) return notImplemented();
    if (op !== EQ && op !== 3) return notImplemented();
    const eq = rangeEquals(a, b);
    return newBool(op === EQ ? eq : !eq);
  };
  s.tp_iter = (o) => {
    const r = o as PyRange;
    return newRangeIterator(r.start, r.step, r.length);
  };
  s.sq_length = (o) => (o as PyRange).length;
  s.sq_contains = rangeContains;
  s.mp_subscript = rangeSubscript;
  s.nb_bool = (o) => (o as PyRange).length > 0;
  def<PyRange>(type, '__reversed__', (self, args, kw) => {
    posArgs('__reversed__', args, kw, 0, 0);
    const last = self.start + (self.length - 1) * self.step;
    return newRangeIterator(self.length ? last : self.start, -self.step, self.length);
  });
  def<PyRange>(type, 'count', (self, args, kw) => {
    posArgs('count', args, kw, 1, 1);
    const ob = args[0];
    if (ob.ob_type === rt.t.int || ob.ob_type === rt.t.bool) return newInt(rangeContainsInt(self, (ob as PyInt).value) ? 1 : 0);
    let n = 0;
    const it = getIter(self);
    try {
      for (let x = iterNext(it); x; x = iterNext(it)) {
        if (richCompareBool(x, ob, EQ)) n++;
        decref(x);
      }
    } finally {
      decref(it);
    }
    return newInt(n);
  });
  def<PyRange>(type, 'index', (self, args, kw) => {
    posArgs('index', args, kw, 1, 1);
    const ob = args[0];
    if (ob.ob_type === rt.t.int || ob.ob_type === rt.t.bool) {
      const v = (ob as PyInt).value;
      if (rangeContainsInt(self, v)) return newInt(((v as number) - self.start) / self.step);
    } else {
      let i = 0;
      const it = getIter(self);
      try {
        for (let x = iterNext(it); x; x = iterNext(it), i++) {
          const eq = richCompareBool(x, ob, EQ);
          decref(x);
          if (eq) return newInt(i);
        }
      } finally {
        decref(it);
      }
    }
    return raise(excType('ValueError'), `${reprText(ob)} is not in range`);
  });
  getter<PyRange>(type, 'start', (r) => newInt(r.start));
  getter<PyRange>(type, 'stop', (r) => newInt(r.stop));
  getter<PyRange>(type, 'step', (r) => newInt(r.step));
  addSlotWrappers(type);
}
