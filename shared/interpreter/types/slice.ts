// slice (Objects/sliceobject.c): the object `a[i:j:k]` builds, and PySlice_GetIndicesEx for the sequence types.
import { EQ, GE, LE, excType, hash, reprText, richCompare } from '../abstract';
import { PyObject, PySlice, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newInt, newStr, newTuple, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, def, getter, hasIndex, indexOf, notImplemented, posArgs, ret, setUnhashable, sliceIndexArg,
} from './common';
import { tupleHashItems } from './tuple';

export interface SliceIndices {
  start: number;
  stop: number;
  step: number;
  /** How many items the slice selects. */
  length: number;
}

const SSIZE_MAX = Number.MAX_SAFE_INTEGER;

/** PySlice_Unpack: start, stop and step as Py_ssize_t, None replaced by the extremes. */
export function sliceUnpack(s: PySlice): [number, number, number] {
  let step: number;
  if (s.step === rt.None) step = 1;
  else {
    step = sliceIndexArg(s.step, 1);
    if (step === 0) raise(excType('ValueError'), 'slice step cannot be zero');
  }
  const start = s.start === rt.None ? (step < 0 ? SSIZE_MAX : 0) : sliceIndexArg(s.start, 0);
  const stop = s.stop === rt.None ? (step < 0 ? -SSIZE_MAX : SSIZE_MAX) : sliceIndexArg(s.stop, 0);
  return [start, stop, step];
}

/** PySlice_AdjustIndices: clamps start and stop to the sequence and counts the items selected. */
export function adjustSlice(length: number, start: number, stop: number, step: number): SliceIndices {
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    n = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, length: n };
}

/** PySlice_GetIndicesEx. */
export function sliceIndices(s: PySlice, length: number): SliceIndices {
  const [start, stop, step] = sliceUnpack(s);
  return adjustSlice(length, start, stop, step);
}

export function newSlice(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  return alloc(new PySlice(rt.t.slice, incref(start), incref(stop), incref(step)), 5 * rt.version.ptr);
}

/** slice.indices(length), on Python ints (_PySlice_GetLongIndices). */
function sliceIndicesMethod(self: PySlice, args: PyObject[], kwnames: import('../objects').PyStr[] | null): PyObject {
  posArgs('indices', args, kwnames, 1, 1);
  const lenObj = args[0];
  const length = BigInt(indexValueOf(lenObj));
  if (length < 0n) raise(excType('ValueError'), 'length should not be negative');
  let step: bigint;
  if (self.step === rt.None) step = 1n;
  else {
    step = BigInt(indexValueOf(self.step));
    if (step === 0n) raise(excType('ValueError'), 'slice step cannot be zero');
  }
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  const clip = (o: PyObject, dflt: bigint): bigint => {
    if (o === rt.None) return dflt;
    let v = BigInt(indexValueOf(o));
    if (v < 0n) {
      v += length;
      if (v < lower) v = lower;
    } else if (v > upper) v = upper;
    return v;
  };
  const start = clip(self.start, neg ? upper : lower);
  const stop = clip(self.stop, neg ? lower : upper);
  return newTuple([newInt(start), newInt(stop), newInt(step)]);
}

function indexValueOf(o: PyObject): number | bigint {
  // _PyEval_SliceIndex's type check, then the exact value.
  if (!hasIndex(o)) raise(excType('TypeError'), 'slice indices must be integers or None or have an __index__ method');
  return indexOf(o);
}

export function install(t: TypeTable): void {
  const type = t.slice;
  type.baseType = false;
  type.slots.tp_new = (_type: PyType, args, kwnames) => {
    if (kwnames && kwnames.length) raise(excType('TypeError'), 'slice() takes no keyword arguments');
    if (args.length < 1) raise(excType('TypeError'), `slice expected at least 1 argument, got ${args.length}`);
    if (args.length > 3) raise(excType('TypeError'), `slice expected at most 3 arguments, got ${args.length}`);
    if (args.length === 1) return newSlice(rt.None, args[0], rt.None);
    return newSlice(args[0], args[1], args[2] ?? rt.None);
  };
  type.slots.tp_repr = (o) => {
    const s = o as PySlice;
    return newStr(`slice(${reprText(s.start)}, ${reprText(s.stop)}, ${reprText(s.step)})`);
  };
  type.slots.tp_richcompare = (v, w, op) => {
    if (!(v instanceof PySlice) || !(w instanceof PySlice)) return notImplemented();
    if (v === w) return newBool(op === EQ || op === LE || op === GE);
    const t1 = newTuple([incref(v.start), incref(v.stop), incref(v.step)]);
    const t2 = newTuple([incref(w.start), incref(w.stop), incref(w.step)]);
    try {
      return richCompare(t1, t2, op);
    } finally {
      decref(t1);
      decref(t2);
    }
  };
  // Slices became hashable in 3.12 (hashed as the tuple of their fields).
  if (rt.v >= 312) {
    type.slots.tp_hash = (o) => {
      const s = o as PySlice;
      return tupleHashItems([hash(s.start), hash(s.stop), hash(s.step)]);
    };
  }
  type.slots.tp_traverse = (o, visit) => {
    const s = o as PySlice;
    visit(s.start);
    visit(s.stop);
    visit(s.step);
  };
  type.slots.tp_clear = (o) => {
    const s = o as PySlice;
    decref(s.step);
    decref(s.start);
    decref(s.stop);
  };
  getter<PySlice>(type, 'start', (s) => ret(s.start));
  getter<PySlice>(type, 'stop', (s) => ret(s.stop));
  getter<PySlice>(type, 'step', (s) => ret(s.step));
  def<PySlice>(type, 'indices', sliceIndicesMethod);
  addSlotWrappers(type);
  if (rt.v < 312) setUnhashable(type);
}
