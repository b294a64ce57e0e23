// The iterators of the builtin containers (Objects/listobject.c, tupleobject.c, unicodeobject.c, rangeobject.c,
// setobject.c, dictobject.c, iterobject.c). An exhausted iterator drops its reference to the container at once,
// as CPython's do, so reference counts match while a loop runs and after it ends.
import {
  EQ, allTypes, call, excType, findSlot, getItem, isRaised, length, lookupType, richCompareBool,
  iterHooks,
} from '../abstract';
import { computeLinearMro, type TypeTable } from '../typetable';
import {
  PyBytes, PyDict, PyInt, PyIterator, PyList, PyObject, PyStr, PyTuple, PyType, type DictEntry,
} from '../objects';
import { alloc, decref, incref, newDict, newInt, newStr, newTuple, raise, rt, track } from '../runtime';
import { addSlotWrappers, callMethodOf, def, posArgs } from './common';
import { setKeyAt, setNextSlot, setUsed } from './set';
import type { PySet } from '../objects';

interface IterSpec {
  /** tp_basicsize on 64-bit. */
  size: number;
  gc: boolean;
  next: (it: PyIterator) => PyObject | null;
  hint?: (it: PyIterator) => number | null;
}

/** The state of a dict iterator (dictiterobject). */
export interface DictIterState {
  used: number;
  len: number;
  /** The dict's entries in order, read live (a Map iterator sees entries added later, as di_pos does). */
  cursor: Iterator<DictEntry> | null;
  /** Reverse iterators: a snapshot, walked from the end. */
  snapshot: DictEntry[] | null;
  /** di_result: the reused (key, value) tuple of item iterators. */
  result: PyTuple | null;
  kind: 'key' | 'value' | 'item';
}

function exhaust(it: PyIterator): null {
  const seq = it.source;
  it.source = null;
  if (seq) decref(seq);
  return null;
}

function seqNext(it: PyIterator): PyObject | null {
  const seq = it.source as PyList | PyTuple | null;
  if (!seq) return null;
  if (it.index < seq.items.length) return incref(seq.items[it.index++]);
  return exhaust(it);
}

function seqHint(it: PyIterator): number {
  const seq = it.source as PyList | PyTuple | null;
  if (!seq) return 0;
  return Math.max(0, seq.items.length - it.index);
}

function strNext(it: PyIterator): PyObject | null {
  const seq = it.source as PyStr | null;
  if (!seq) return null;
  const s = seq.value;
  if (it.index < s.length) {
    const c = s.charCodeAt(it.index);
    const n = c >= 0xd800 && c < 0xdc00 && it.index + 1 < s.length && (s.charCodeAt(it.index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const ch = s.slice(it.index, it.index + n);
    it.index += n;
    return newStr(ch);
  }
  return exhaust(it);
}

function strHint(it: PyIterator): number {
  const seq = it.source as PyStr | null;
  if (!seq) return 0;
  let n = 0;
  const s = seq.value;
  for (let i = it.index; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c < 0xe000 && i > it.index)) n++;
  }
  return n;
}

function bytesNext(it: PyIterator): PyObject | null {
  const seq = it.source as PyBytes | null;
  if (!seq) return null;
  if (it.index < seq.value.length) return newInt(seq.value[it.index++]);
  return exhaust(it);
}

interface RangeState {
  start: number | bigint;
  step: number | bigint;
  len: number | bigint;
}

function rangeNext(it: PyIterator): PyObject | null {
  const r = it.extra as RangeState;
  if (typeof r.len === 'number') {
    if (it.index < r.len) return newInt((r.start as number) + (r.step as number) * it.index++);
    return null;
  }
  if (BigInt(it.index) < r.len) {
    const v = BigInt(r.start) + BigInt(r.step) * BigInt(it.index++);
    return newInt(v);
  }
  return null;
}

function rangeHint(it: PyIterator): number {
  const r = it.extra as RangeState;
  const rest = BigInt(r.len) - BigInt(it.index);
  return rest > 0n ? Number(rest) : 0;
}

function setNext(it: PyIterator): PyObject | null {
  const so = it.source as PySet | null;
  if (!so) return null;
  const st = it.extra as { used: number; len: number };
  if (st.used !== setUsed(so)) {
    st.used = -1;
    raise(excType('RuntimeError'), 'Set changed size during iteration');
  }
  const slot = setNextSlot(so, it.index);
  if (slot < 0) {
    it.index = Number.MAX_SAFE_INTEGER;
    return exhaust(it);
  }
  it.index = slot + 1;
  st.len--;
  return incref(setKeyAt(so, slot));
}

function setHint(it: PyIterator): number {
  const so = it.source as PySet | null;
  const st = it.extra as { used: number; len: number };
  if (so && st.used === setUsed(so)) return st.len;
  return 0;
}

function dictNext(it: PyIterator): PyObject | null {
  const d = it.source as PyDict | null;
  if (!d) return null;
  const st = it.extra as DictIterState;
  if (st.used !== d.map.size) {
    st.used = -1;
    raise(excType('RuntimeError'), 'dictionary changed size during iteration');
  }
  let entry: DictEntry | undefined;
  if (st.snapshot) {
    while (it.index >= 0) {
      const e = st.snapshot[it.index--] as DictEntry & { mapKey?: unknown };
      if (d.map.get(e.mapKey) === e) {
        entry = e;
        break;
      }
    }
  } else {
    const r = st.cursor!.next();
    if (!r.done) entry = r.value;
  }
  if (!entry) return exhaust(it);
  if (st.len === 0) {
    exhaust(it);
    raise(excType('RuntimeError'), 'dictionary keys changed during iteration');
  }
  st.len--;
  if (st.kind === 'key') return incref(entry.key);
  if (st.kind === 'value') return incref(entry.value);
  const key = incref(entry.key);
  const value = incref(entry.value);
  const result = st.result!;
  if (result.ob_refcnt === 1) {
    // dictiter_iternextitem reuses its result tuple when nobody else holds it.
    const [oldk, oldv] = result.items;
    result.items[0] = key;
    result.items[1] = value;
    if (rt.trace !== null) rt.trace.listChanged(result, 0, 2);
    incref(result);
    decref(oldk);
    decref(oldv);
    if (result.gcList === null) track(result);
    return result;
  }
  return newTuple([key, value]);
}

function dictHint(it: PyIterator): number {
  const d = it.source as PyDict | null;
  const st = it.extra as DictIterState;
  if (d && st.used === d.map.size) return st.len;
  return 0;
}

function seqIterNext(it: PyIterator): PyObject | null {
  const seq = it.source;
  if (!seq) return null;
  const idx = newInt(it.index);
  try {
    const r = getItem(seq, idx);
    it.index++;
    return r;
  } catch (e) {
    if (isRaised(e, excType('IndexError')) || isRaised(e, excType('StopIteration'))) {
      decref(e.exc);
      return exhaust(it);
    }
    throw e;
  } finally {
    decref(idx);
  }
}

function seqIterHint(it: PyIterator): number | null {
  const seq = it.source;
  if (!seq) return 0;
  if (!hasLen(seq)) return null;
  return Math.max(0, length(seq) - it.index);
}

function callableNext(it: PyIterator): PyObject | null {
  const callable = it.source;
  if (!callable) return null;
  const sentinel = it.extra as PyObject;
  let result: PyObject;
  try {
    result = call(callable, []);
  } catch (e) {
    if (isRaised(e, excType('StopIteration'))) {
      decref(e.exc);
      clearCallable(it);
      return null;
    }
    throw e;
  }
  let ok: boolean;
  try {
    ok = richCompareBool(sentinel, result, EQ);
  } catch (e) {
    decref(result);
    throw e;
  }
  if (!ok) return result;
  decref(result);
  clearCallable(it);
  return null;
}

function clearCallable(it: PyIterator): void {
  const c = it.source;
  const s = it.extra as PyObject | null;
  it.source = null;
  it.extra = null;
  if (c) decref(c);
  if (s) decref(s);
}

function listRevNext(it: PyIterator): PyObject | null {
  const seq = it.source as PyList | null;
  if (!seq) return null;
  const i = it.index;
  if (i >= 0 && i < seq.items.length) {
    it.index--;
    return incref(seq.items[i]);
  }
  it.index = -1;
  return exhaust(it);
}

function listRevHint(it: PyIterator): number {
  const seq = it.source as PyList | null;
  const len = it.index + 1;
  if (!seq || seq.items.length < len) return 0;
  return len;
}

const SPECS: Record<string, IterSpec> = {
  list_iterator: { size: 32, gc: true, next: seqNext, hint: seqHint },
  list_reverseiterator: { size: 32, gc: true, next: listRevNext, hint: listRevHint },
  tuple_iterator: { size: 32, gc: true, next: seqNext, hint: seqHint },
  str_ascii_iterator: { size: 32, gc: true, next: strNext, hint: strHint },
  str_iterator: { size: 32, gc: true, next: strNext, hint: strHint },
  bytes_iterator: { size: 32, gc: true, next: bytesNext, hint: (it) => (it.source ? Math.max(0, (it.source as PyBytes).value.length - it.index) : 0) },
  bytearray_iterator: { size: 32, gc: true, next: bytesNext, hint: (it) => (it.source ? Math.max(0, (it.source as PyBytes).value.length - it.index) : 0) },
  range_iterator: { size: 48, gc: false, next: rangeNext, hint: rangeHint },
  longrange_iterator: { size: 48, gc: false, next: rangeNext, hint: rangeHint },
  set_iterator: { size: 48, gc: true, next: setNext, hint: setHint },
  dict_keyiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  dict_valueiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  dict_itemiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  dict_reversekeyiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  dict_reversevalueiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  dict_reverseitemiterator: { size: 56, gc: true, next: dictNext, hint: dictHint },
  iterator: { size: 32, gc: true, next: seqIterNext, hint: seqIterHint },
  callable_iterator: { size: 32, gc: true, next: callableNext },
};

/** A new iterator of the named type over `source` (which it holds a reference to). */
export function newIterator(name: string, source: PyObject | null, index = 0, extra: unknown = null): PyIterator {
  const type = rt.t.iterators.get(name);
  if (!type) throw new Error(`no iterator type ${name}`);
  const it = new PyIterator(type, source ? incref(source) : null, index, extra);
  return alloc(it, (SPECS[name]?.size ?? 32) * rt.version.ptr / 8);
}

/** iter(str): str_ascii_iterator for ASCII text (3.11's fast path), else str_iterator. */
export function newStrIterator(s: PyStr): PyIterator {
  // eslint-disable-next-line no-control-regex
  return newIterator(/^[\x00-\x7f]*$/.test(s.value) ? 'str_ascii_iterator' : 'str_iterator', s);
}

export function newRangeIterator(start: number | bigint, step: number | bigint, len: number | bigint): PyIterator {
  const small = typeof start === 'number' && typeof step === 'number' && typeof len === 'number' &&
    Math.abs(start) < 2 ** 31 && Math.abs(step) < 2 ** 31 && len < 2 ** 31 &&
    Math.abs(start + step * len) < 2 ** 31;
  return newIterator(small ? 'range_iterator' : 'longrange_iterator', null, 0, { start, step, len });
}

/** A dict iterator (dictiter_new): item iterators pre-allocate their reusable (None, None) result tuple. */
export function newDictIterator(d: PyDict, kind: 'key' | 'value' | 'item', reverse = false): PyIterator {
  const name = `dict_${reverse ? 'reverse' : ''}${kind}iterator`;
  const st: DictIterState = { used: d.map.size, len: d.map.size, cursor: null, snapshot: null, result: null, kind };
  const it = newIterator(name, d, 0, st);
  if (reverse) {
    st.snapshot = [...d.map.values()];
    it.index = st.snapshot.length - 1;
  } else {
    st.cursor = d.map.values();
  }
  if (kind === 'item') st.result = newTuple([incref(rt.None), incref(rt.None)]);
  return it;
}

export function newCallableIterator(callable: PyObject, sentinel: PyObject): PyIterator {
  return newIterator('callable_iterator', callable, 0, incref(sentinel));
}

/** _PyObject_HasLen */
export function hasLen(o: PyObject): boolean {
  if (findSlot(o.ob_type, 'sq_length')) return true;
  return o.ob_type.heapType && lookupType(o.ob_type, '__len__') !== null;
}

/** PyObject_LengthHint */
export function lengthHint(o: PyObject, dflt: number): number {
  if (hasLen(o)) {
    try {
      return length(o);
    } catch (e) {
      if (!isRaised(e, excType('TypeError'))) throw e;
      decref(e.exc);
    }
  }
  if (o instanceof PyIterator && !o.ob_type.heapType) {
    const spec = SPECS[o.ob_type.name];
    if (spec?.hint) {
      const h = spec.hint(o);
      return h === null ? dflt : h;
    }
  }
  const hint = lookupType(o.ob_type, '__length_hint__');
  if (!hint) return dflt;
  let result: PyObject;
  try {
    result = callMethodOf(hint, o, []);
  } catch (e) {
    if (isRaised(e, excType('TypeError'))) {
      decref(e.exc);
      return dflt;
    }
    throw e;
  }
  if (result === rt.NotImplemented) {
    decref(result);
    return dflt;
  }
  if (!(result instanceof PyInt)) {
    const n = result.ob_type.name;
    decref(result);
    raise(excType('TypeError'), `__length_hint__ must be an integer, not ${n}`);
  }
  const v = Number((result as PyInt).value);
  decref(result);
  if (v < 0) raise(excType('ValueError'), '__length_hint__() should return >= 0');
  return v;
}

function makeType(t: TypeTable, name: string, spec: IterSpec): PyType {
  let type = t.iterators.get(name);
  if (!type) {
    type = new PyType(t.type, name, t.object);
    type.mro = computeLinearMro(type);
    t.iterators.set(name, type);
  }
  type.basicsize = (spec.size * rt.version.ptr) / 8; // SPECS give 64-bit sizes: every field here is a word
  // 3.12 drops rangeiterobject's index (Objects/rangeobject.c): start, step, len
  if (rt.v >= 312 && name.endsWith('range_iterator')) type.basicsize = 5 * rt.version.ptr;
  type.hasGC = spec.gc;
  type.baseType = false;
  if (!type.dict) type.dict = newDict();
  allTypes.add(type);
  return type;
}

export function install(t: TypeTable): void {
  for (const [name, spec] of Object.entries(SPECS)) {
    const type = makeType(t, name, spec);
    const s = type.slots;
    s.tp_iter = (o) => incref(o);
    s.tp_iternext = (o) => spec.next(o as PyIterator);
    s.tp_traverse = (o, visit) => {
      const it = o as PyIterator;
      if (it.source) visit(it.source);
      const ex = it.extra as { result?: PyObject | null } | PyObject | null;
      if (ex instanceof PyObject) visit(ex);
      else if (ex && ex.result) visit(ex.result);
    };
    s.tp_clear = (o) => {
      const it = o as PyIterator;
      const src = it.source;
      const ex = it.extra as { result?: PyObject | null } | PyObject | null;
      it.source = null;
      it.extra = null;
      if (src) decref(src);
      if (ex instanceof PyObject) decref(ex);
      else if (ex && ex.result) decref(ex.result);
    };
    if (spec.hint) {
      def<PyIterator>(type, '__length_hint__', (self, args, kw) => {
        posArgs('__length_hint__', args, kw, 0, 0);
        const h = spec.hint!(self);
        if (h === null) return incref(rt.NotImplemented);
        return newInt(h);
      });
    }
    addSlotWrappers(type);
  }
  iterHooks.seqIter = (o) => newIterator('iterator', o);
}

/** iter(o) for a class with only __getitem__ (PySeqIter_New): iterHooks.seqIter. */
export function seqIter(o: PyObject): PyObject {
  return newIterator('iterator', o);
}
