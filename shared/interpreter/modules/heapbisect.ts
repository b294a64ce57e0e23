// _heapq (Modules/_heapqmodule.c) and _bisect (Modules/_bisectmodule.c): the C halves of heapq and bisect,
// comparing items exactly as CPython does (the same `<` calls in the same order, so ties come out the same).
import { LT, call, callMethod, excType, getItem, length, richCompareBool, typeName } from '../abstract';
import { PyList, PyModule, PyObject, PyStr } from '../objects';
import { decref, incref, newInt, raise, rt } from '../runtime';
import { asSsize, clinic } from '../types/common';
import { listAppend, listAssSlice, listInsert } from '../types/list';
import { moduleFunction, typeError } from './support';
import { getItemStr, setItemStr } from '../types/dict';

type Less = (a: PyObject, b: PyObject) => boolean;

const lessThan: Less = (a, b) => {
  incref(a);
  incref(b);
  try {
    return richCompareBool(a, b, LT);
  } finally {
    decref(a);
    decref(b);
  }
};
const greaterThan: Less = (a, b) => lessThan(b, a);

function changed(): never {
  return raise(excType('RuntimeError'), 'list changed size during iteration');
}

function siftdown(heap: PyList, startpos: number, pos: number, less: Less): void {
  const size = heap.items.length;
  if (pos >= size) raise(excType('IndexError'), 'list index out of range');
  let arr = heap.items;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const cmp = less(arr[pos], arr[parentpos]);
    if (size !== heap.items.length) changed();
    if (!cmp) break;
    arr = heap.items;
    const parent = arr[parentpos];
    arr[parentpos] = arr[pos];
    arr[pos] = parent;
    if (rt.trace !== null) rt.trace.listChanged(heap, parentpos, parentpos + 1);
    if (rt.trace !== null) rt.trace.listChanged(heap, pos, pos + 1);
    pos = parentpos;
  }
}

function siftup(heap: PyList, pos: number, less: Less): void {
  const endpos = heap.items.length;
  const startpos = pos;
  if (pos >= endpos) raise(excType('IndexError'), 'list index out of range');
  let arr = heap.items;
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const cmp = less(arr[childpos], arr[childpos + 1]);
      if (!cmp) childpos++;
      arr = heap.items;
      if (endpos !== heap.items.length) changed();
    }
    const tmp = arr[childpos];
    arr[childpos] = arr[pos];
    arr[pos] = tmp;
    if (rt.trace !== null) rt.trace.listChanged(heap, pos, pos + 1);
    if (rt.trace !== null) rt.trace.listChanged(heap, childpos, childpos + 1);
    pos = childpos;
  }
  siftdown(heap, startpos, pos, less);
}

function heapArg(o: PyObject): PyList {
  if (!(o instanceof PyList)) typeError('heap argument must be a list');
  return o as PyList;
}

function args(name: string, a: PyObject[], kw: PyStr[] | null, n: number): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  if (a.length !== n) {
    if (n === 1) typeError(`${name}() takes exactly one argument (${a.length} given)`);
    typeError(`${name} expected ${n} arguments, got ${a.length}`);
  }
}

export function installHeapq(m: PyModule): void {
  const variant = (suffix: string, less: Less, publicMax: boolean): void => {
    const name = (base: string): string => (suffix ? (publicMax ? `${base}_max` : `_${base}_max`) : base);
    if (!suffix || publicMax) {
      moduleFunction(m, name('heappush'), (a, kw) => {
        args(name('heappush'), a, kw, 2);
        const heap = heapArg(a[0]);
        listAppend(heap, a[1]);
        siftdown(heap, 0, heap.items.length - 1, less);
        return incref(rt.None);
      });
    }
    moduleFunction(m, name('heappop'), (a, kw) => {
      args(name('heappop'), a, kw, 1);
      const heap = heapArg(a[0]);
      const n = heap.items.length;
      if (n === 0) raise(excType('IndexError'), 'index out of range');
      const lastelt = incref(heap.items[n - 1]);
      listAssSlice(heap, n - 1, n, null);
      if (n - 1 === 0) return lastelt;
      const returnitem = heap.items[0];
      heap.items[0] = lastelt;
      if (rt.trace !== null) rt.trace.listChanged(heap, 0, 1);
      siftup(heap, 0, less);
      return returnitem;
    });
    moduleFunction(m, name('heapreplace'), (a, kw) => {
      args(name('heapreplace'), a, kw, 2);
      const heap = heapArg(a[0]);
      if (heap.items.length === 0) raise(excType('IndexError'), 'index out of range');
      const returnitem = heap.items[0];
      heap.items[0] = incref(a[1]);
      if (rt.trace !== null) rt.trace.listChanged(heap, 0, 1);
      siftup(heap, 0, less);
      return returnitem;
    });
    moduleFunction(m, name('heapify'), (a, kw) => {
      args(name('heapify'), a, kw, 1);
      const heap = heapArg(a[0]);
      const n = heap.items.length;
      for (let i = (n >> 1) - 1; i >= 0; i--) siftup(heap, i, less);
      return incref(rt.None);
    });
    if (!suffix || publicMax) {
      moduleFunction(m, name('heappushpop'), (a, kw) => {
        args(name('heappushpop'), a, kw, 2);
        const heap = heapArg(a[0]);
        const item = a[1];
        if (heap.items.length === 0) return incref(item);
        if (!less(heap.items[0], item)) return incref(item);
        if (heap.items.length === 0) raise(excType('IndexError'), 'index out of range');
        const returnitem = heap.items[0];
        heap.items[0] = incref(item);
        if (rt.trace !== null) rt.trace.listChanged(heap, 0, 1);
        siftup(heap, 0, less);
        return returnitem;
      });
    }
  };
  variant('', lessThan, false);
  variant('max', greaterThan, false);
  if (rt.v >= 314) variant('max', greaterThan, true);
}

/** lo/hi/key arguments of the bisect functions (Argument Clinic: a, x, lo=0, hi=None, *, key=None). */
function bisectArgs(fname: string, a: PyObject[], kw: PyStr[] | null): [PyObject, PyObject, number, number, PyObject | null] {
  const [seq, x, loO, hiO, key] = clinic(fname, a, kw, ['a', 'x', 'lo', 'hi', 'key'], { posonly: 0, minpos: 2, maxpos: 4 });
  const lo = loO ? asSsize(loO) : 0;
  const hi = hiO && hiO !== rt.None ? asSsize(hiO) : -1;
  return [seq!, x!, lo, hi, key && key !== rt.None ? key : null];
}

function bisect(list: PyObject, item: PyObject, lo: number, hi: number, key: PyObject | null, right: boolean): number {
  if (lo < 0) raise(excType('ValueError'), 'lo must be non-negative');
  if (hi === -1) hi = length(list);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const idx = newInt(mid);
    let litem: PyObject;
    try {
      litem = getItem(list, idx);
    } finally {
      decref(idx);
    }
    if (key) {
      const k = call(key, [litem]);
      decref(litem);
      litem = k;
    }
    let res: boolean;
    try {
      res = right ? richCompareBool(item, litem, LT) : richCompareBool(litem, item, LT);
    } finally {
      decref(litem);
    }
    if (right) {
      if (res) hi = mid;
      else lo = mid + 1;
    } else if (res) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function installBisect(m: PyModule): void {
  for (const right of [true, false]) {
    const side = right ? 'right' : 'left';
    moduleFunction(m, `bisect_${side}`, (a, kw) => {
      // The key applies to the list's items only (x is already a key), as in _bisectmodule.c.
      const [seq, x, lo, hi, key] = bisectArgs(`bisect_${side}`, a, kw);
      return newInt(bisect(seq, x, lo, hi, key, right));
    });
    moduleFunction(m, `insort_${side}`, (a, kw) => {
      const [seq, x, lo, hi, key] = bisectArgs(`insort_${side}`, a, kw);
      let index: number;
      if (!key) index = bisect(seq, x, lo, hi, key, right);
      else {
        const kx = call(key, [x]);
        try {
          index = bisect(seq, kx, lo, hi, key, right);
        } finally {
          decref(kx);
        }
      }
      if (seq.ob_type === rt.t.list) listInsert(seq as PyList, index, x);
      else {
        const i = newInt(index);
        try {
          decref(callMethod(seq, 'insert', [i, x]));
        } finally {
          decref(i);
        }
      }
      return incref(rt.None);
    });
  }
  // bisect.py: bisect = bisect_right, insort = insort_right.
  const d = m.dict;
  setItemStr(d, 'bisect', getItemStr(d, 'bisect_right')!);
  setItemStr(d, 'insort', getItemStr(d, 'insort_right')!);
  void typeName;
}
