// list (Objects/listobject.c): the operations with CPython's over-allocation (list_resize), reference order
// (items dropped last to first), comparison order (timsort, Objects/listsort.txt) and messages.
import {
  EQ, LT, call, excType, getIter, isRaised, iterate, iterNext, reprText, richCompare, richCompareBool, typeName,
} from '../abstract';
import { PyList, PyObject, PySlice, PyTuple, type PyStr, type PyType } from '../objects';
import { alloc, decref, incref, newBool, newInt, newList, newStr, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, asSsize, clinic, cmpResult, def, hasIndex, noKw, notImplemented, posArgs, reprEnter, reprLeave, setUnhashable, sliceIndexArg,
} from './common';
import { lengthHint, newIterator } from './iterators';
import { sliceUnpack, adjustSlice } from './slice';

// ---------------------------------------------------------------- the item buffer

/**
 * Lists whose ob_item is a zero-length buffer rather than NULL (left by list_resize(0)): list_extend
 * preallocates exactly only when ob_item is NULL, so the difference shows in sys.getsizeof.
 */
const zeroBuffer = new WeakSet<PyList>();

function itemsNull(l: PyList): boolean {
  return l.allocated <= 0 && !zeroBuffer.has(l);
}

/** list_resize: adjusts `allocated` for a new size (the caller then sets the items). */
export function listResize(l: PyList, newsize: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - l.items.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  l.allocated = newAllocated;
  if (newAllocated === 0) zeroBuffer.add(l);
  else zeroBuffer.delete(l);
}

/** list_preallocate_exact: the size rounded up to even (pymalloc's 16-byte granularity). */
function preallocateExact(l: PyList, size: number): void {
  l.allocated = (size + 1) & ~1;
  zeroBuffer.delete(l);
}

/** A new list of exactly `items.length` slots (list_new_prealloc / PyList_New(n)). */
export function newListOwned(items: PyObject[]): PyList {
  return newList(items);
}

/** A list with a given capacity (PyList_New(n) then Py_SET_SIZE, as stringlib's split does). */
export function newListAllocated(items: PyObject[], allocated: number): PyList {
  const l = newList(items);
  l.allocated = Math.max(allocated, items.length);
  return l;
}

/** _PyList_AppendTakeRef: appends, taking over the reference. */
export function listAppendSteal(l: PyList, item: PyObject): void {
  const len = l.items.length;
  if (l.allocated <= len) listResize(l, len + 1);
  l.items.push(item);
  if (rt.trace !== null) rt.trace.listChanged(l, len, Infinity);
}

/** PyList_Append (the list takes a new reference). */
export function listAppend(l: PyList, item: PyObject): void {
  listAppendSteal(l, incref(item));
}

/** ins1 */
export function listInsert(l: PyList, where: number, v: PyObject): void {
  const n = l.items.length;
  listResize(l, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  l.items.splice(where, 0, incref(v));
  if (rt.trace !== null) rt.trace.listChanged(l, where, Infinity);
}

/** _list_clear: empties the list first, then drops the references last to first. */
export function listClear(l: PyList): void {
  const items = l.items;
  if (itemsNull(l) && items.length === 0) return;
  l.items = [];
  l.allocated = 0;
  zeroBuffer.delete(l);
  if (rt.trace !== null) rt.trace.listChanged(l, 0, Infinity);
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
}

/** list_extend (also `+=`, list(iterable) and LIST_EXTEND). */
export function listExtend(l: PyList, iterable: PyObject): void {
  if (iterable.ob_type === rt.t.list || iterable.ob_type === rt.t.tuple || iterable === l) {
    const src = (iterable as PyList | PyTuple).items.slice();
    const n = src.length;
    if (n === 0) return;
    const m = l.items.length;
    if (itemsNull(l)) preallocateExact(l, n);
    else listResize(l, m + n);
    for (const o of src) l.items.push(incref(o));
    if (rt.trace !== null) rt.trace.listChanged(l, m, Infinity);
    return;
  }
  // 3.13+ list_extend_dict / list_extend_dictitems: a dict or a dict view is copied after list_resize, which
  // over-allocates even an empty list (Objects/listobject.c).
  const name = iterable.ob_type.name;
  if (rt.v >= 313 && (iterable.ob_type === rt.t.dict || name === 'dict_keys' || name === 'dict_values' || name === 'dict_items')) {
    const n = lengthHint(iterable, 0);
    if (n) {
      const m = l.items.length;
      listResize(l, m + n);
      const allocated = l.allocated;
      iterate(iterable, (x) => l.items.push(x));
      l.allocated = allocated;
      if (rt.trace !== null) rt.trace.listChanged(l, m, Infinity);
      return;
    }
  }
  const it = getIter(iterable);
  try {
    const n = lengthHint(iterable, 8);
    const m = l.items.length;
    if (itemsNull(l)) {
      if (n) preallocateExact(l, n);
    } else {
      listResize(l, m + n);
    }
    for (;;) {
      const item = iterNext(it);
      if (item === null) break;
      if (l.items.length < l.allocated) {
        l.items.push(item);
        if (rt.trace !== null) rt.trace.listChanged(l, l.items.length - 1, Infinity);
      } else listAppendSteal(l, item);
    }
    if (l.items.length < l.allocated) listResize(l, l.items.length);
  } finally {
    decref(it);
  }
}

/** PySequence_List: a new list of the iterable's items. */
export function listFromIterable(iterable: PyObject): PyList {
  const l = newList([]);
  try {
    listExtend(l, iterable);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

/**
 * PySequence_Fast: the items of a list or tuple as they are, else of a new list built from the iterable.
 * Returns the object holding the items (a new reference) and the items (borrowed from it).
 */
export function sequenceFast(v: PyObject, message: string): PyList | PyTuple {
  if (v.ob_type === rt.t.list || v.ob_type === rt.t.tuple) return incref(v as PyList | PyTuple);
  let it: PyObject;
  try {
    it = getIter(v);
  } catch (e) {
    if (isRaised(e, excType('TypeError'))) {
      decref(e.exc);
      raise(excType('TypeError'), message);
    }
    throw e;
  }
  try {
    return listFromIterable(it);
  } finally {
    decref(it);
  }
}

/** list_ass_slice: a[ilow:ihigh] = v (v null: delete). */
export function listAssSlice(a: PyList, ilow: number, ihigh: number, v: PyObject | null): void {
  if (v === a) {
    const copy = listSlice(a, 0, a.items.length);
    try {
      listAssSlice(a, ilow, ihigh, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  let seq: PyList | PyTuple | null = null;
  let vitems: PyObject[] = [];
  if (v !== null) {
    seq = sequenceFast(v, 'can only assign an iterable');
    vitems = seq.items.slice();
  }
  try {
    const size = a.items.length;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    const norig = ihigh - ilow;
    const n = vitems.length;
    const d = n - norig;
    if (size + d === 0) {
      listClear(a);
      return;
    }
    const recycle = a.items.slice(ilow, ihigh);
    if (d !== 0) listResize(a, size + d);
    a.items.splice(ilow, norig, ...vitems.map((o) => incref(o)));
    if (rt.trace !== null) rt.trace.listChanged(a, ilow, d === 0 ? ihigh : Infinity);
    for (let k = norig - 1; k >= 0; k--) decref(recycle[k]);
  } finally {
    if (seq) decref(seq);
  }
}

/** list_slice: a new list of exactly the slice's length. */
export function listSlice(a: PyList, ilow: number, ihigh: number): PyList {
  const len = ihigh - ilow;
  if (len <= 0) return newList([]);
  return newList(a.items.slice(ilow, ihigh).map((o) => incref(o)));
}

function listItem(a: PyList, i: number): PyObject {
  if (i < 0 || i >= a.items.length) raise(excType('IndexError'), 'list index out of range');
  return incref(a.items[i]);
}

function listSubscript(self: PyObject, item: PyObject): PyObject {
  const a = self as PyList;
  if (hasIndex(item)) {
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += a.items.length;
    return listItem(a, i);
  }
  if (item instanceof PySlice) {
    const [start, stop, step] = sliceUnpack(item);
    const s = adjustSlice(a.items.length, start, stop, step);
    if (s.length <= 0) return newList([]);
    if (step === 1) return listSlice(a, s.start, s.stop);
    const out: PyObject[] = [];
    for (let cur = s.start, i = 0; i < s.length; cur += step, i++) out.push(incref(a.items[cur]));
    return newList(out);
  }
  return raise(excType('TypeError'), `list indices must be integers or slices, not ${typeName(item)}`);
}

function listAssSubscript(self: PyObject, item: PyObject, value: PyObject | null): void {
  const a = self as PyList;
  if (hasIndex(item)) {
    let i = asSsize(item, 'IndexError');
    if (i < 0) i += a.items.length;
    if (i < 0 || i >= a.items.length) raise(excType('IndexError'), 'list assignment index out of range');
    if (value === null) {
      listAssSlice(a, i, i + 1, null);
      return;
    }
    const old = a.items[i];
    a.items[i] = incref(value);
    if (rt.trace !== null) rt.trace.listChanged(a, i, i + 1);
    decref(old);
    return;
  }
  if (!(item instanceof PySlice)) {
    raise(excType('TypeError'), `list indices must be integers or slices, not ${typeName(item)}`);
  }
  let [start, stop, step] = sliceUnpack(item);
  const slicelength = adjustSlice(a.items.length, start, stop, step);
  ({ start, stop } = slicelength);
  const n = slicelength.length;
  if (step === 1) {
    listAssSlice(a, start, stop, value);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value === null) {
    if (n <= 0) return;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (n - 1) - 1;
      step = -step;
    }
    const garbage: PyObject[] = [];
    const keep: PyObject[] = [];
    for (let i = 0; i < a.items.length; i++) {
      if (i >= start && i < stop && (i - start) % step === 0) garbage.push(a.items[i]);
      else keep.push(a.items[i]);
    }
    a.items.length = keep.length;
    for (let i = 0; i < keep.length; i++) a.items[i] = keep[i];
    // Py_SET_SIZE then list_resize(self, Py_SIZE(self)): only a shrink below half reallocates.
    const allocated = a.allocated;
    if (!(allocated >= keep.length && keep.length >= allocated >> 1)) {
      const save = a.items;
      listResize(a, keep.length);
      a.items = save;
    }
    if (rt.trace !== null) rt.trace.listChanged(a, start, Infinity);
    for (const g of garbage) decref(g);
    return;
  }
  const seq: PyList | PyTuple = value === a ? listSlice(a, 0, a.items.length) : sequenceFast(value, 'must assign iterable to extended slice');
  try {
    if (seq.items.length !== n) {
      raise(excType('ValueError'), `attempt to assign sequence of size ${seq.items.length} to extended slice of size ${n}`);
    }
    if (!n) return;
    const garbage: PyObject[] = [];
    for (let cur = start, i = 0; i < n; cur += step, i++) {
      garbage.push(a.items[cur]);
      a.items[cur] = incref(seq.items[i]);
    }
    if (rt.trace !== null) rt.trace.listChanged(a, step > 0 ? start : start + step * (n - 1), step > 0 ? start + step * (n - 1) + 1 : start + 1);
    for (const g of garbage) decref(g);
  } finally {
    decref(seq);
  }
}

// ---------------------------------------------------------------- sort (listsort.txt)

const MIN_GALLOP = 7;

class SortState {
  minGallop = MIN_GALLOP;
  /** Pending runs: start index, length, power. */
  pending: { base: number; len: number; power: number }[] = [];
  constructor(public keys: PyObject[], public values: PyObject[] | null, public lt: (a: PyObject, b: PyObject) => boolean) {}
}

function binarysort(ms: SortState, lo: number, hi: number, start: number): void {
  const keys = ms.keys;
  const values = ms.values;
  if (lo === start) ++start;
  for (; start < hi; ++start) {
    let l = lo;
    let r = start;
    const pivot = keys[r];
    do {
      const p = l + ((r - l) >> 1);
      if (ms.lt(pivot, keys[p])) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; --p) keys[p] = keys[p - 1];
    keys[l] = pivot;
    if (values) {
      const pv = values[start];
      for (let p = start; p > l; --p) values[p] = values[p - 1];
      values[l] = pv;
    }
  }
}

function reverseSlice(ms: SortState, lo: number, hi: number): void {
  reverseRange(ms.keys, lo, hi);
  if (ms.values) reverseRange(ms.values, lo, hi);
}

/**
 * count_run from 3.13: a descending run may hold equal elements (each all-equal stretch is reversed on the fly,
 * then the whole run), the run is returned ascending, and it is extended by a naturally ascending suffix.
 */
function countRun313(ms: SortState, lo: number, nremaining: number): number {
  const keys = ms.keys;
  const lt = ms.lt;
  let n = 1;
  for (; n < nremaining; ++n) if (lt(keys[lo + n], keys[lo + n - 1])) break;
  if (n === nremaining) return n;
  if (n > 1) {
    if (lt(keys[lo], keys[lo + n - 1])) return n;
    reverseSlice(ms, lo, lo + n);
  }
  ++n;
  let neq = 0;
  const reverseLastNeq = (): void => {
    if (neq) {
      ++neq;
      reverseSlice(ms, lo + n - neq, lo + n);
      neq = 0;
    }
  };
  for (; n < nremaining; ++n) {
    if (lt(keys[lo + n], keys[lo + n - 1])) reverseLastNeq();
    else if (lt(keys[lo + n - 1], keys[lo + n])) break;
    else ++neq;
  }
  reverseLastNeq();
  reverseSlice(ms, lo, lo + n);
  for (; n < nremaining; ++n) if (lt(keys[lo + n], keys[lo + n - 1])) break;
  return n;
}

function countRun(ms: SortState, lo: number, hi: number): [number, boolean] {
  if (rt.v >= 313) return [countRun313(ms, lo, hi - lo), false];
  const keys = ms.keys;
  ++lo;
  if (lo === hi) return [1, false];
  let n = 2;
  if (ms.lt(keys[lo], keys[lo - 1])) {
    for (lo = lo + 1; lo < hi; ++lo, ++n) {
      if (!ms.lt(keys[lo], keys[lo - 1])) break;
    }
    return [n, true];
  }
  for (lo = lo + 1; lo < hi; ++lo, ++n) {
    if (ms.lt(keys[lo], keys[lo - 1])) break;
  }
  return [n, false];
}

/** gallop_left over a[base .. base+n). */
function gallopLeft(ms: SortState, key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  const lt = ms.lt;
  let lastofs = 0;
  let ofs = 1;
  if (lt(a[base + hint], key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(a[base + hint + ofs], key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(a[base + hint - ofs], key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(a[base + m], key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

function gallopRight(ms: SortState, key: PyObject, a: PyObject[], base: number, n: number, hint: number): number {
  const lt = ms.lt;
  let lastofs = 0;
  let ofs = 1;
  if (lt(key, a[base + hint])) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(key, a[base + hint - ofs])) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(key, a[base + hint + ofs])) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(key, a[base + m])) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

/** merge_lo: na <= nb; A is copied to a temp array and merged left to right. */
function mergeLo(ms: SortState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys;
  const values = ms.values;
  const tk = keys.slice(pa, pa + na);
  const tv = values ? values.slice(pa, pa + na) : null;
  let a = 0; // next of A, in the temp array
  let dest = pa;
  let b = pb; // next of B, in place
  const copyB = (): void => {
    keys[dest] = keys[b];
    if (values) values[dest] = values[b];
    dest++;
    b++;
  };
  const copyA = (): void => {
    keys[dest] = tk[a];
    if (values) values[dest] = tv![a];
    dest++;
    a++;
  };
  const body = (): 'succeed' | 'copyB' => {
    copyB();
    --nb;
    if (nb === 0) return 'succeed';
    if (na === 1) return 'copyB';
    let minGallop = ms.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (ms.lt(keys[b], tk[a])) {
          copyB();
          ++bcount;
          acount = 0;
          --nb;
          if (nb === 0) return 'succeed';
          if (bcount >= minGallop) break;
        } else {
          copyA();
          ++acount;
          bcount = 0;
          --na;
          if (na === 1) return 'copyB';
          if (acount >= minGallop) break;
        }
      }
      ++minGallop;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, keys[b], tk, a, na, 0);
        acount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyA();
          na -= k;
          if (na === 1) return 'copyB';
          if (na === 0) return 'succeed';
        }
        copyB();
        --nb;
        if (nb === 0) return 'succeed';
        k = gallopLeft(ms, tk[a], keys, b, nb, 0);
        bcount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyB();
          nb -= k;
          if (nb === 0) return 'succeed';
        }
        copyA();
        --na;
        if (na === 1) return 'copyB';
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++minGallop;
      ms.minGallop = minGallop;
    }
  };
  const restA = (): void => {
    for (let i = 0; i < na; i++) {
      keys[dest + i] = tk[a + i];
      if (values) values[dest + i] = tv![a + i];
    }
  };
  let outcome: 'succeed' | 'copyB';
  try {
    outcome = body();
  } catch (e) {
    restA();
    throw e;
  }
  if (outcome === 'succeed') {
    restA();
    return;
  }
  // CopyB: the last element of A belongs at the end of the merge.
  for (let i = 0; i < nb; i++) {
    keys[dest + i] = keys[b + i];
    if (values) values[dest + i] = values[b + i];
  }
  keys[dest + nb] = tk[a];
  if (values) values[dest + nb] = tv![a];
}

/** merge_hi: na >= nb; B is copied to a temp array and merged right to left. */
function mergeHi(ms: SortState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys;
  const values = ms.values;
  const tk = keys.slice(pb, pb + nb);
  const tv = values ? values.slice(pb, pb + nb) : null;
  let dest = pb + nb - 1;
  let a = pa + na - 1; // last of A, in place
  let b = nb - 1; // last of B, in the temp array
  const basea = pa;
  const moveA = (): void => {
    keys[dest] = keys[a];
    if (values) values[dest] = values[a];
    dest--;
    a--;
  };
  const moveB = (): void => {
    keys[dest] = tk[b];
    if (values) values[dest] = tv![b];
    dest--;
    b--;
  };
  const body = (): 'succeed' | 'copyA' => {
    moveA();
    --na;
    if (na === 0) return 'succeed';
    if (nb === 1) return 'copyA';
    let minGallop = ms.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (ms.lt(tk[b], keys[a])) {
          moveA();
          ++acount;
          bcount = 0;
          --na;
          if (na === 0) return 'succeed';
          if (acount >= minGallop) break;
        } else {
          moveB();
          ++bcount;
          acount = 0;
          --nb;
          if (nb === 1) return 'copyA';
          if (bcount >= minGallop) break;
        }
      }
      ++minGallop;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, tk[b], keys, basea, na, na - 1);
        k = na - k;
        acount = k;
        if (k) {
          for (let i = 0; i < k; i++) moveA();
          na -= k;
          if (na === 0) return 'succeed';
        }
        moveB();
        --nb;
        if (nb === 1) return 'copyA';
        k = gallopLeft(ms, keys[a], tk, 0, nb, nb - 1);
        k = nb - k;
        bcount = k;
        if (k) {
          for (let i = 0; i < k; i++) moveB();
          nb -= k;
          if (nb === 1) return 'copyA';
          if (nb === 0) return 'succeed';
        }
        moveA();
        --na;
        if (na === 0) return 'succeed';
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++minGallop;
      ms.minGallop = minGallop;
    }
  };
  const restB = (): void => {
    // What remains of B (temp[0..nb)) goes just before the merged part.
    for (let i = 0; i < nb; i++) {
      keys[dest - (nb - 1) + i] = tk[i];
      if (values) values[dest - (nb - 1) + i] = tv![i];
    }
  };
  let outcome: 'succeed' | 'copyA';
  try {
    outcome = body();
  } catch (e) {
    restB();
    throw e;
  }
  if (outcome === 'succeed') {
    restB();
    return;
  }
  // CopyA: the first element of B belongs at the front of the merge.
  for (let i = 0; i < na; i++) {
    keys[dest - i] = keys[a - i];
    if (values) values[dest - i] = values[a - i];
  }
  dest -= na;
  keys[dest] = tk[b];
  if (values) values[dest] = tv![b];
}

function mergeAt(ms: SortState, i: number): void {
  const p = ms.pending;
  let pa = p[i].base;
  let na = p[i].len;
  const pb = p[i + 1].base;
  let nb = p[i + 1].len;
  p[i].len = na + nb;
  if (i === p.length - 3) p[i + 1] = p[i + 2];
  p.pop();
  const k = gallopRight(ms, ms.keys[pb], ms.keys, pa, na, 0);
  pa += k;
  na -= k;
  if (na === 0) return;
  nb = gallopLeft(ms, ms.keys[pa + na - 1], ms.keys, pb, nb, nb - 1);
  if (nb <= 0) return;
  if (na <= nb) mergeLo(ms, pa, na, pb, nb);
  else mergeHi(ms, pa, na, pb, nb);
}

function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

function foundNewRun(ms: SortState, n2: number, listlen: number): void {
  const p = ms.pending;
  if (p.length) {
    const s1 = p[p.length - 1].base;
    const n1 = p[p.length - 1].len;
    const power = powerloop(s1, n1, n2, listlen);
    while (p.length > 1 && p[p.length - 2].power > power) mergeAt(ms, p.length - 2);
    p[p.length - 1].power = power;
  }
}

function mergeForceCollapse(ms: SortState): void {
  const p = ms.pending;
  while (p.length > 1) {
    let n = p.length - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    mergeAt(ms, n);
  }
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

function reverseRange(a: PyObject[], lo: number, hi: number): void {
  hi--;
  while (lo < hi) {
    const t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
    lo++;
    hi--;
  }
}

/** The `<` the sort uses (PyObject_RichCompareBool(v, w, Py_LT) in effect for every key type). */
function sortLt(v: PyObject, w: PyObject): boolean {
  const tv = v.ob_type;
  if (tv === w.ob_type) {
    if (tv === rt.t.int || tv === rt.t.float) {
      const x = (v as unknown as { value: number | bigint }).value;
      const y = (w as unknown as { value: number | bigint }).value;
      if (typeof x === typeof y) return x < y;
    }
    if (tv === rt.t.str) return (v as PyStr).value !== (w as PyStr).value && strLess((v as PyStr).value, (w as PyStr).value);
  }
  return richCompareBool(v, w, LT);
}

/** Code-point order of two JS strings (UTF-16 order differs above the surrogates). */
export function strLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x = x < 0xe000 ? x + 0x2000 : x - 0x800;
    if (y >= 0xd800) y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    return x < y;
  }
  return a.length < b.length;
}

/** list.sort: timsort as listsort, with the list emptied while it runs. */
export function listSort(self: PyList, keyfunc: PyObject | null, reverse: boolean): void {
  if (keyfunc === rt.None) keyfunc = null;
  const saved = self.items;
  const savedAllocated = self.allocated;
  const savedZero = zeroBuffer.has(self);
  self.items = [];
  self.allocated = -1;
  if (rt.trace !== null) rt.trace.listChanged(self, 0, Infinity);
  const n = saved.length;
  let keys: PyObject[] | null = null;
  let error: unknown = null;
  try {
    if (keyfunc) {
      keys = [];
      try {
        for (let i = 0; i < n; i++) keys.push(call(keyfunc, [saved[i]]));
      } catch (e) {
        for (let i = keys.length - 1; i >= 0; i--) decref(keys[i]);
        keys = null;
        throw e;
      }
    }
    if (n >= 2) {
      const ms = new SortState(keys ?? saved, keys ? saved : null, sortLt);
      if (reverse) {
        if (keys) reverseRange(keys, 0, n);
        reverseRange(saved, 0, n);
      }
      try {
        const minrun = computeMinrun(n);
        let lo = 0;
        let remaining = n;
        do {
          let [run, descending] = countRun(ms, lo, lo + remaining);
          if (descending) {
            reverseRange(ms.keys, lo, lo + run);
            if (ms.values) reverseRange(ms.values, lo, lo + run);
          }
          if (run < minrun) {
            const force = remaining <= minrun ? remaining : minrun;
            binarysort(ms, lo, lo + force, lo + run);
            run = force;
          }
          foundNewRun(ms, run, n);
          ms.pending.push({ base: lo, len: run, power: 0 });
          lo += run;
          remaining -= run;
        } while (remaining);
        mergeForceCollapse(ms);
      } catch (e) {
        error = e;
      }
      if (keys) for (let i = 0; i < n; i++) decref(keys[i]);
      if (self.allocated !== -1 && error === null) {
        try {
          raise(excType('ValueError'), 'list modified during sort');
        } catch (e) {
          error = e;
        }
      }
      if (reverse) reverseRange(saved, 0, n);
    } else if (keys) {
      for (const k of keys) decref(k);
    }
  } catch (e) {
    error = e;
  }
  const final = self.items;
  self.items = saved;
  if (rt.trace !== null) rt.trace.listChanged(self, 0, Infinity);
  self.allocated = savedAllocated;
  if (savedZero) zeroBuffer.add(self);
  else zeroBuffer.delete(self);
  for (let i = final.length - 1; i >= 0; i--) decref(final[i]);
  if (error !== null) throw error;
}

// ---------------------------------------------------------------- comparisons, repr, arithmetic

function listRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyList) || !(w instanceof PyList)) return notImplemented();
  if (v.items.length !== w.items.length && (op === EQ || op === 3)) return newBool(op !== EQ);
  let i = 0;
  for (; i < v.items.length && i < w.items.length; i++) {
    const vi = v.items[i];
    const wi = w.items[i];
    if (vi === wi) continue;
    incref(vi);
    incref(wi);
    let k: boolean;
    try {
      k = richCompareBool(vi, wi, EQ);
    } finally {
      decref(vi);
      decref(wi);
    }
    if (!k) break;
  }
  if (i >= v.items.length || i >= w.items.length) return newBool(cmpResult(v.items.length, w.items.length, op));
  if (op === EQ) return newBool(false);
  if (op === 3) return newBool(true);
  return richCompare(v.items[i], w.items[i], op);
}

function listRepr(o: PyObject): PyObject {
  const v = o as PyList;
  if (v.items.length === 0) return newStr('[]');
  if (reprEnter(v)) return newStr('[...]');
  try {
    let s = '[';
    for (let i = 0; i < v.items.length; i++) {
      if (i > 0) s += ', ';
      s += reprText(v.items[i]);
    }
    return newStr(s + ']');
  } finally {
    reprLeave(v);
  }
}

function listContains(o: PyObject, el: PyObject): boolean {
  const a = o as PyList;
  for (let i = 0; i < a.items.length; i++) {
    const item = incref(a.items[i]);
    try {
      if (richCompareBool(item, el, EQ)) return true;
    } finally {
      decref(item);
    }
  }
  return false;
}

/** The count argument of sequence repetition (PyNumber_AsSsize_t(n, OverflowError)). */
export function repeatCount(n: PyObject): number {
  const v = (n as unknown as { value?: number | bigint }).value;
  if (typeof v === 'bigint') {
    if (v < 0n) return 0;
    raise(excType('OverflowError'), `cannot fit '${typeName(n)}' into an index-sized integer`);
  }
  return asSsize(n, 'OverflowError');
}

/** Result size check of repetition: a memory error past what any program could hold. */
export function checkRepeatSize(len: number, n: number): void {
  if (n > 0 && len > 0 && len * n > 2 ** 31) raise(excType('MemoryError'));
}

function listConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyList)) return notImplemented();
  if (!(b instanceof PyList)) return notImplemented();
  const size = a.items.length + b.items.length;
  if (size === 0) return newList([]);
  const items = a.items.map((o) => incref(o));
  for (const o of b.items) items.push(incref(o));
  return newList(items);
}

function listRepeat(a: PyList, n: number): PyObject {
  if (n < 0) n = 0;
  checkRepeatSize(a.items.length, n);
  const size = a.items.length * n;
  if (size === 0) return newList([]);
  const items: PyObject[] = new Array(size);
  for (let k = 0, p = 0; k < n; k++) for (const o of a.items) items[p++] = incref(o);
  return newList(items);
}

function listMul(a: PyObject, b: PyObject): PyObject {
  if (a instanceof PyList && hasIndex(b)) return listRepeat(a, repeatCount(b));
  if (b instanceof PyList && hasIndex(a)) return listRepeat(b, repeatCount(a));
  return notImplemented();
}

function listInplaceRepeat(self: PyList, n: number): PyObject {
  const size = self.items.length;
  if (size === 0 || n === 1) return incref(self);
  if (n < 1) {
    listClear(self);
    return incref(self);
  }
  checkRepeatSize(size, n);
  listResize(self, size * n);
  const src = self.items.slice();
  for (let i = 1; i < n; i++) for (const o of src) self.items.push(incref(o));
  if (rt.trace !== null) rt.trace.listChanged(self, src.length, Infinity);
  return incref(self);
}

// ---------------------------------------------------------------- install

function listInit(self: PyObject, args: PyObject[], kwnames: PyStr[] | null): void {
  const l = self as PyList;
  if (kwnames && kwnames.length && l.ob_type === rt.t.list) raise(excType('TypeError'), 'list() takes no keyword arguments');
  if (args.length - (kwnames?.length ?? 0) > 1) raise(excType('TypeError'), `list expected at most 1 argument, got ${args.length}`);
  if (!itemsNull(l) || l.items.length) listClear(l);
  if (args.length) listExtend(l, args[0]);
}

function listNew(type: PyType, _args: PyObject[], _kwnames: PyStr[] | null): PyObject {
  if (type === rt.t.list) return newList([]);
  return alloc(new PyList(type, []), Math.max(5 * rt.version.ptr, type.basicsize));
}

export function install(t: TypeTable): void {
  const type = t.list;
  const s = type.slots;
  s.tp_new = listNew;
  s.tp_init = listInit;
  s.tp_repr = listRepr;
  s.tp_richcompare = listRichCompare;
  s.tp_iter = (o) => newIterator('list_iterator', o);
  s.sq_length = (o) => (o as PyList).items.length;
  s.sq_contains = listContains;
  s.mp_subscript = listSubscript;
  s.mp_ass_subscript = listAssSubscript;
  s.nb_bool = (o) => (o as PyList).items.length > 0;
  s.nb = { add: listConcat, mul: listMul };
  s.nb_inplace = {
    add: (a, b) => {
      if (!(a instanceof PyList)) return notImplemented();
      listExtend(a, b);
      return incref(a);
    },
    mul: (a, b) => {
      if (!(a instanceof PyList) || !hasIndex(b)) return notImplemented();
      return listInplaceRepeat(a, repeatCount(b));
    },
  };
  s.tp_traverse = (o, visit) => {
    const items = (o as PyList).items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
  };
  s.tp_clear = (o) => listClear(o as PyList);

  def<PyList>(type, 'append', (self, args, kw) => {
    posArgs('append', args, kw, 1, 1);
    listAppend(self, args[0]);
    return incref(rt.None);
  });
  def<PyList>(type, 'extend', (self, args, kw) => {
    posArgs('extend', args, kw, 1, 1);
    listExtend(self, args[0]);
    return incref(rt.None);
  });
  def<PyList>(type, 'insert', (self, args, kw) => {
    noKw('insert', kw);
    if (args.length !== 2) raise(excType('TypeError'), `insert expected 2 arguments, got ${args.length}`);
    listInsert(self, asSsize(args[0], 'OverflowError'), args[1]);
    return incref(rt.None);
  });
  def<PyList>(type, 'pop', (self, args, kw) => {
    noKw('pop', kw);
    if (args.length > 1) raise(excType('TypeError'), `pop expected at most 1 argument, got ${args.length}`);
    let index = args.length ? asSsize(args[0], 'OverflowError') : -1;
    const size = self.items.length;
    if (size === 0) raise(excType('IndexError'), 'pop from empty list');
    if (index < 0) index += size;
    if (index < 0 || index >= size) raise(excType('IndexError'), 'pop index out of range');
    const v = self.items[index];
    if (rt.v >= 312 && size === 1) {
      // 3.12+: popping the last item frees the buffer (list_clear), as a new empty list has none.
      self.items = [];
      self.allocated = 0;
      zeroBuffer.delete(self);
      if (rt.trace !== null) rt.trace.listChanged(self, 0, Infinity);
      return v;
    }
    if (index === size - 1) {
      listResize(self, size - 1);
      self.items.pop();
      if (rt.trace !== null) rt.trace.listChanged(self, size - 1, Infinity);
      return v;
    }
    incref(v);
    listAssSlice(self, index, index + 1, null);
    return v;
  });
  def<PyList>(type, 'remove', (self, args, kw) => {
    posArgs('remove', args, kw, 1, 1);
    for (let i = 0; i < self.items.length; i++) {
      const obj = incref(self.items[i]);
      let cmp: boolean;
      try {
        cmp = richCompareBool(obj, args[0], EQ);
      } finally {
        decref(obj);
      }
      if (cmp) {
        listAssSlice(self, i, i + 1, null);
        return incref(rt.None);
      }
    }
    return raise(excType('ValueError'), 'list.remove(x): x not in list');
  });
  def<PyList>(type, 'index', (self, args, kw) => {
    noKw('index', kw);
    if (args.length < 1) raise(excType('TypeError'), `index expected at least 1 argument, got ${args.length}`);
    if (args.length > 3) raise(excType('TypeError'), `index expected at most 3 arguments, got ${args.length}`);
    const value = args[0];
    let start = sliceIndexArg(args[1], 0);
    let stop = sliceIndexArg(args[2], Number.MAX_SAFE_INTEGER);
    if (start < 0) {
      start += self.items.length;
      if (start < 0) start = 0;
    }
    if (stop < 0) {
      stop += self.items.length;
      if (stop < 0) stop = 0;
    }
    for (let i = start; i < stop && i < self.items.length; i++) {
      const obj = incref(self.items[i]);
      let cmp: boolean;
      try {
        cmp = richCompareBool(obj, value, EQ);
      } finally {
        decref(obj);
      }
      if (cmp) return newInt(i);
    }
    // 3.14 stopped quoting the value (Objects/listobject.c list_index_impl).
    return raise(excType('ValueError'), rt.v >= 314 ? 'list.index(x): x not in list' : `${reprText(value)} is not in list`);
  });
  def<PyList>(type, 'count', (self, args, kw) => {
    posArgs('count', args, kw, 1, 1);
    let count = 0;
    for (let i = 0; i < self.items.length; i++) {
      const obj = self.items[i];
      if (obj === args[0]) {
        count++;
        continue;
      }
      incref(obj);
      try {
        if (richCompareBool(obj, args[0], EQ)) count++;
      } finally {
        decref(obj);
      }
    }
    return newInt(count);
  });
  def<PyList>(type, 'clear', (self, args, kw) => {
    posArgs('clear', args, kw, 0, 0);
    listClear(self);
    return incref(rt.None);
  });
  def<PyList>(type, 'copy', (self, args, kw) => {
    posArgs('copy', args, kw, 0, 0);
    return listSlice(self, 0, self.items.length);
  });
  def<PyList>(type, 'reverse', (self, args, kw) => {
    posArgs('reverse', args, kw, 0, 0);
    if (self.items.length > 1) {
      self.items.reverse();
      if (rt.trace !== null) rt.trace.listChanged(self, 0, Infinity);
    }
    return incref(rt.None);
  });
  def<PyList>(type, 'sort', (self, args, kw) => {
    const [key, reverse] = clinic('sort', args, kw, ['key', 'reverse'], { posonly: 0, minpos: 0, maxpos: 0 });
    let rev = false;
    if (reverse) {
      if (reverse.ob_type === rt.t.float) raise(excType('TypeError'), "'float' object cannot be interpreted as an integer");
      rev = asSsize(reverse, 'OverflowError') !== 0;
    }
    listSort(self, key, rev);
    return incref(rt.None);
  });
  def<PyList>(type, '__reversed__', (self, args, kw) => {
    posArgs('__reversed__', args, kw, 0, 0);
    return newIterator('list_reverseiterator', self, self.items.length - 1);
  });
  def<PyList>(type, '__sizeof__', (self, args, kw) => {
    posArgs('__sizeof__', args, kw, 0, 0);
    // list___sizeof___impl: _PyObject_SIZE(Py_TYPE(self)) + allocated pointers
    return newInt(self.ob_type.basicsize + Math.max(0, self.allocated) * rt.version.ptr);
  });
  def(type, '__init__', (self, args, kw) => {
    listInit(self, args, kw);
    return incref(rt.None);
  });
  addSlotWrappers(type);
  setUnhashable(type);
}
