// set and frozenset (Objects/setobject.c): the real open-addressing table (linear probes, then perturbation),
// so iteration order, pop() and repr follow CPython's hash-table order. PySet.map is kept in step for the
// code that looks keys up through types/dict.ts.
import {
  EQ, GE, GT, LE, LT, NE, excType, getIter, isRaised, isSubtype, isTrue, iterNext, lookupType, repr, richCompareBool,
} from '../abstract';
import { PyBuiltin, PyDict, PyObject, PySet, PyStr, bufferHook, type DictEntry, type PyType } from '../objects';
import { PyRaise, alloc, decref, incref, newBool, newException, newInt, newStr, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import {
  addSlotWrappers, def, noKw, notImplemented, posArgs, reprEnter, reprLeave, setUnhashable,
} from './common';
import { lookup as dictLookup, tableHash, valueKey } from './dict';
import { hash64, signed64 } from './hashing';
import { newIterator } from './iterators';
import { listFromIterable } from './list';

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const MASK64 = (1n << 64n) - 1n;

/** The dummy left where a key was deleted. */
const DUMMY = new PyObject(null as unknown as PyType);

/** The table of one set (setentry table[mask + 1], fill, used, finger). */
export class SetTable {
  keys: (PyObject | null)[];
  hashes: bigint[];
  mask: number;
  fill = 0;
  used = 0;
  finger = 0;
  /** frozenset_hash's cache, exact. */
  hash: bigint | null = null;
  constructor(size = MINSIZE) {
    this.keys = new Array(size).fill(null);
    this.hashes = new Array(size).fill(0n);
    this.mask = size - 1;
  }
}

const tables = new WeakMap<PySet, SetTable>();

/** The table of a set (built from its map if the set was made elsewhere). */
export function tableOf(so: PySet): SetTable {
  let t = tables.get(so);
  if (!t) {
    t = new SetTable();
    tables.set(so, t);
    const entries = [...so.map.values()];
    so.map.clear();
    so.buckets = null;
    for (const e of entries) {
      addEntry(so, e.key, hash64(e.key));
      decref(e.key);
    }
  }
  return t;
}

function syncSizes(so: PySet, t: SetTable): void {
  const resized = so.tableSize !== t.mask + 1;
  so.tableSize = t.mask + 1;
  so.fill = t.fill;
  if (resized && bufferHook.resized !== null && so.address !== 0) bufferHook.resized(so);
}

// ---------------------------------------------------------------- PySet.map (the dict.ts view of the keys)

class Token {}

function identityKey(k: PyObject): boolean {
  const t = k.ob_type;
  if (!t.heapType) {
    return t !== rt.t.frozenset && t !== rt.t.complex && t !== rt.t.bytes && t !== rt.t.tuple && t !== rt.t.range && t !== rt.t.slice;
  }
  const eq = lookupType(t, '__eq__');
  const h = lookupType(t, '__hash__');
  const valueSub = t.mro.some((b) => b === rt.t.str || b === rt.t.int || b === rt.t.float || b === rt.t.tuple || b === rt.t.frozenset || b === rt.t.bytes);
  return (eq === null || eq instanceof PyBuiltin) && (h === null || h instanceof PyBuiltin) && !valueSub;
}

function mapAdd(so: PySet, key: PyObject, h: bigint): void {
  const vk = valueKey(key);
  const mk: unknown = vk !== undefined ? vk : identityKey(key) ? key : new Token();
  const entry: DictEntry & { mapKey?: unknown } = { key, value: key, hash: Number(h), mapKey: mk };
  if (mk instanceof Token) {
    so.buckets ??= new Map();
    const b = so.buckets.get(entry.hash);
    if (b) b.push(entry);
    else so.buckets.set(entry.hash, [entry]);
  }
  so.map.set(mk, entry);
  so.version++;
  if (rt.trace !== null) rt.trace.tableChanged(so, entry);
}

function mapRemove(so: PySet, key: PyObject): void {
  const found = findMapEntry(so, key);
  for (const [mk, e] of found) {
    so.map.delete(mk);
    if (mk instanceof Token) {
      const b = so.buckets!.get(e.hash)!;
      b.splice(b.indexOf(e), 1);
      if (!b.length) so.buckets!.delete(e.hash);
    }
  }
  so.version++;
  if (rt.trace !== null) rt.trace.tableChanged(so, found.length === 1 ? found[0][1] : null);
}

function findMapEntry(so: PySet, key: PyObject): [unknown, DictEntry][] {
  const vk = valueKey(key);
  if (vk !== undefined) {
    const e = so.map.get(vk);
    if (e && e.key === key) return [[vk, e]];
  }
  const e = so.map.get(key);
  if (e && e.key === key) return [[key, e]];
  for (const [mk, en] of so.map) if (en.key === key) return [[mk, en]];
  return [];
}

// ---------------------------------------------------------------- probing (set_lookkey, set_add_entry)

function keysEqual(startkey: PyObject, key: PyObject): boolean {
  const a = valueKey(startkey);
  if (a !== undefined) {
    const b = valueKey(key);
    if (b !== undefined) return a === b;
  }
  incref(startkey);
  try {
    return richCompareBool(startkey, key, EQ);
  } finally {
    decref(startkey);
  }
}

/** set_lookkey: the slot index holding key, or (-index - 1) of the empty slot that ends the search. */
function lookkey(so: PySet, key: PyObject, h: bigint): number {
  restart: for (;;) {
    const t = tableOf(so);
    let mask = t.mask;
    let perturb = h & MASK64;
    let i = Number(h & BigInt(mask));
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = t.keys[j];
        if (k === null) return -j - 1;
        if (k !== DUMMY && t.hashes[j] === h) {
          if (k === key) return j;
          if (k.ob_type === rt.t.str && key.ob_type === rt.t.str && (k as PyStr).value === (key as PyStr).value) return j;
          const keys = t.keys;
          const cmp = keysEqual(k, key);
          if (tableOf(so) !== t || keys !== t.keys || t.keys[j] !== k) continue restart;
          if (cmp) return j;
          mask = t.mask;
        }
        j++;
      } while (probes--);
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }
}

/** set_add_entry (takes a new reference to key when it is added). */
export function addEntry(so: PySet, key: PyObject, h: bigint): void {
  incref(key);
  let t: SetTable;
  let slot = -1;
  restart: for (;;) {
    t = tableOf(so);
    let mask = t.mask;
    let perturb = h & MASK64;
    let i = Number(h & BigInt(mask));
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = t.keys[j];
        if (k === null) {
          if (freeslot < 0) {
            slot = j;
            break restart;
          }
          // found a dummy earlier: reuse it
          t.used++;
          t.keys[freeslot] = key;
          t.hashes[freeslot] = h;
          mapAdd(so, key, h);
          syncSizes(so, t);
          return;
        }
        if (k !== DUMMY && t.hashes[j] === h) {
          if (k === key || (k.ob_type === rt.t.str && key.ob_type === rt.t.str && (k as PyStr).value === (key as PyStr).value)) {
            decref(key);
            return;
          }
          const keys = t.keys;
          let cmp: boolean;
          try {
            cmp = keysEqual(k, key);
          } catch (e) {
            decref(key);
            throw e;
          }
          if (cmp) {
            decref(key);
            return;
          }
          if (tableOf(so) !== t || keys !== t.keys || t.keys[j] !== k) continue restart;
          mask = t.mask;
        } else if (k === DUMMY) {
          freeslot = j;
        }
        j++;
      } while (probes--);
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }
  // found_unused
  t.fill++;
  t.used++;
  t.keys[slot] = key;
  t.hashes[slot] = h;
  mapAdd(so, key, h);
  if (t.fill * 5 < t.mask * 3) {
    syncSizes(so, t);
    return;
  }
  tableResize(so, t.used > 50000 ? t.used * 2 : t.used * 4);
}

function insertClean(t: SetTable, key: PyObject, h: bigint): void {
  const mask = t.mask;
  let perturb = h & MASK64;
  let i = Number(h & BigInt(mask));
  for (;;) {
    if (t.keys[i] === null) {
      t.keys[i] = key;
      t.hashes[i] = h;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (t.keys[i + j] === null) {
          t.keys[i + j] = key;
          t.hashes[i + j] = h;
          return;
        }
      }
    }
    perturb >>= 5n;
    i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
  }
}

/** set_table_resize: the smallest power of two above minused; dummies are dropped. */
function tableResize(so: PySet, minused: number): void {
  const t = tableOf(so);
  let newsize = MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  const oldKeys = t.keys;
  const oldHashes = t.hashes;
  if (newsize === MINSIZE && t.mask + 1 === MINSIZE && t.fill === t.used) return;
  t.keys = new Array(newsize).fill(null);
  t.hashes = new Array(newsize).fill(0n);
  t.mask = newsize - 1;
  t.fill = t.used;
  for (let i = 0; i < oldKeys.length; i++) {
    const k = oldKeys[i];
    if (k !== null && k !== DUMMY) insertClean(t, k, oldHashes[i]);
  }
  syncSizes(so, t);
}

function containsEntry(so: PySet, key: PyObject, h: bigint): boolean {
  return lookkey(so, key, h) >= 0;
}

function discardEntry(so: PySet, key: PyObject, h: bigint): boolean {
  const j = lookkey(so, key, h);
  if (j < 0) return false;
  const t = tableOf(so);
  const old = t.keys[j]!;
  t.keys[j] = DUMMY;
  t.hashes[j] = -1n;
  t.used--;
  mapRemove(so, old);
  syncSizes(so, t);
  decref(old);
  return true;
}

/** The hash set operations use: str hashes are cached; others through PyObject_Hash. */
/** set_add_key, set_contains_key and set_discard_key's hash (3.14 rewords an unhashable key's TypeError). */
function keyHash(key: PyObject): bigint {
  return tableHash(key, 'set element', hash64);
}

export function setAddKey(so: PySet, key: PyObject): void {
  addEntry(so, key, keyHash(key));
}

export function setContainsKey(so: PySet, key: PyObject): boolean {
  return containsEntry(so, key, keyHash(key));
}

export function setDiscardKey(so: PySet, key: PyObject): boolean {
  return discardEntry(so, key, keyHash(key));
}

/** set_clear_internal: the set is emptied first, then its keys released in table order. */
export function setClear(so: PySet): void {
  const t = tableOf(so);
  const keys = t.keys;
  const fresh = new SetTable();
  tables.set(so, fresh);
  so.map.clear();
  so.buckets = null;
  so.version++;
  if (rt.trace !== null) rt.trace.touch(so);
  syncSizes(so, fresh);
  so.hash = -1;
  for (const k of keys) if (k !== null && k !== DUMMY) decref(k);
}

/** set_next: the next active slot at or after pos, or -1. */
export function setNextSlot(so: PySet, pos: number): number {
  const t = tableOf(so);
  let i = pos;
  while (i <= t.mask && (t.keys[i] === null || t.keys[i] === DUMMY)) i++;
  return i > t.mask ? -1 : i;
}

export function setKeyAt(so: PySet, slot: number): PyObject {
  return tableOf(so).keys[slot]!;
}

export function setUsed(so: PySet): number {
  return tableOf(so).used;
}

/** The keys in table order (borrowed). */
export function setKeys(so: PySet): PyObject[] {
  const t = tableOf(so);
  const out: PyObject[] = [];
  for (const k of t.keys) if (k !== null && k !== DUMMY) out.push(k);
  return out;
}

function setEntries(so: PySet): [PyObject, bigint][] {
  const t = tableOf(so);
  const out: [PyObject, bigint][] = [];
  for (let i = 0; i <= t.mask; i++) {
    const k = t.keys[i];
    if (k !== null && k !== DUMMY) out.push([k, t.hashes[i]]);
  }
  return out;
}

function isAnySet(o: PyObject): o is PySet {
  return o instanceof PySet;
}

/** set_merge */
function merge(so: PySet, other: PySet): void {
  const t = tableOf(so);
  const ot = tableOf(other);
  if (other === so || ot.used === 0) return;
  if ((t.fill + ot.used) * 5 >= t.mask * 3) tableResize(so, (t.used + ot.used) * 2);
  const st = tableOf(so);
  if (st.fill === 0 && st.mask === ot.mask && ot.fill === ot.used) {
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i];
      if (k !== null) {
        st.keys[i] = incref(k);
        st.hashes[i] = ot.hashes[i];
        mapAdd(so, k, ot.hashes[i]);
      }
    }
    st.fill = ot.fill;
    st.used = ot.used;
    syncSizes(so, st);
    return;
  }
  if (st.fill === 0) {
    st.fill = ot.used;
    st.used = ot.used;
    for (let i = 0; i <= ot.mask; i++) {
      const k = ot.keys[i];
      if (k !== null && k !== DUMMY) {
        incref(k);
        insertClean(st, k, ot.hashes[i]);
        mapAdd(so, k, ot.hashes[i]);
      }
    }
    syncSizes(so, st);
    return;
  }
  for (const [k, h] of setEntries(other)) addEntry(so, k, h);
}

/** set_update_internal */
export function setUpdateInternal(so: PySet, other: PyObject): void {
  if (isAnySet(other)) {
    merge(so, other);
    return;
  }
  if (other.ob_type === rt.t.dict) {
    const d = other as PyDict;
    const size = d.map.size;
    const t = tableOf(so);
    if ((t.fill + size) * 5 >= t.mask * 3) tableResize(so, (t.used + size) * 2);
    for (const e of [...d.map.values()]) addEntry(so, e.key, hash64(e.key));
    return;
  }
  const it = getIter(other);
  try {
    for (let key = iterNext(it); key; key = iterNext(it)) {
      try {
        setAddKey(so, key);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(it);
  }
}

/** make_new_set */
export function makeNewSet(type: PyType, iterable: PyObject | null): PySet {
  const so = alloc(new PySet(type), Math.max(type.basicsize, 25 * rt.version.ptr));
  tables.set(so, new SetTable());
  syncSizes(so, tableOf(so));
  if (iterable !== null) {
    try {
      setUpdateInternal(so, iterable);
    } catch (e) {
      decref(so);
      throw e;
    }
  }
  return so;
}

function baseType(type: PyType): PyType {
  if (type !== rt.t.set && type !== rt.t.frozenset) return isSubtype(type, rt.t.set) ? rt.t.set : rt.t.frozenset;
  return type;
}

function makeNewSetBasetype(type: PyType, iterable: PyObject | null): PySet {
  return makeNewSet(baseType(type), iterable);
}

/** BUILD_SET: a new set with the items added in order. */
export function newSetFromItems(items: PyObject[]): PySet {
  const so = makeNewSet(rt.t.set, null);
  try {
    for (const item of items) setAddKey(so, item);
  } catch (e) {
    decref(so);
    throw e;
  }
  return so;
}

export function newFrozenset(iterable: PyObject | null): PySet {
  return makeNewSet(rt.t.frozenset, iterable);
}

function setCopy(so: PySet): PySet {
  return makeNewSetBasetype(so.ob_type, so);
}

/** set_swap_bodies */
function swapBodies(a: PySet, b: PySet): void {
  const ta = tableOf(a);
  const tb = tableOf(b);
  tables.set(a, tb);
  tables.set(b, ta);
  const [ma, mb] = [a.map, b.map];
  a.map = mb;
  b.map = ma;
  const [ba, bb] = [a.buckets, b.buckets];
  a.buckets = bb;
  b.buckets = ba;
  a.version++;
  if (rt.trace !== null) rt.trace.touch(a);
  b.version++;
  if (rt.trace !== null) rt.trace.touch(b);
  if (isSubtype(a.ob_type, rt.t.frozenset) && isSubtype(b.ob_type, rt.t.frozenset)) {
    [a.hash, b.hash] = [b.hash, a.hash];
  } else {
    a.hash = -1;
    b.hash = -1;
    ta.hash = null;
    tb.hash = null;
  }
  syncSizes(a, tb);
  syncSizes(b, ta);
}

// ---------------------------------------------------------------- the set algebra

function setIntersection(so: PySet, other: PyObject): PySet {
  if (so === other) return setCopy(so);
  const result = makeNewSetBasetype(so.ob_type, null);
  try {
    if (isAnySet(other)) {
      let a = so;
      let b = other;
      if (setUsed(b) > setUsed(a)) [a, b] = [b, a];
      for (const [key, h] of setEntries(b)) {
        incref(key);
        try {
          if (containsEntry(a, key, h)) addEntry(result, key, h);
        } finally {
          decref(key);
        }
      }
      return result;
    }
    const it = getIter(other);
    try {
      for (let key = iterNext(it); key; key = iterNext(it)) {
        try {
          const h = hash64(key);
          if (containsEntry(so, key, h)) {
            addEntry(result, key, h);
            if (setUsed(result) >= setUsed(so)) break;
          }
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
    return result;
  } catch (e) {
    decref(result);
    throw e;
  }
}

function setIntersectionMulti(so: PySet, args: PyObject[]): PySet {
  if (args.length === 0) return setCopy(so);
  let result: PySet = incref(so);
  for (const other of args) {
    try {
      const next = setIntersection(result, other);
      decref(result);
      result = next;
    } catch (e) {
      decref(result);
      throw e;
    }
  }
  return result;
}

function differenceUpdateInternal(so: PySet, other: PyObject): void {
  if (so === other) {
    setClear(so);
    return;
  }
  if (isAnySet(other)) {
    let o: PySet;
    if (setUsed(other) >> 3 > setUsed(so)) o = setIntersection(so, other);
    else o = incref(other);
    try {
      for (const [key, h] of setEntries(o)) {
        incref(key);
        try {
          discardEntry(so, key, h);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(o);
    }
  } else {
    const it = getIter(other);
    try {
      for (let key = iterNext(it); key; key = iterNext(it)) {
        try {
          setDiscardKey(so, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
  }
  const t = tableOf(so);
  if (t.fill - t.used <= t.mask >>> 2) return;
  tableResize(so, t.used > 50000 ? t.used * 2 : t.used * 4);
}

function copyAndDifference(so: PySet, other: PyObject): PySet {
  const result = setCopy(so);
  try {
    differenceUpdateInternal(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function setDifference(so: PySet, other: PyObject): PySet {
  let otherSize: number;
  if (isAnySet(other)) otherSize = setUsed(other);
  else if (other.ob_type === rt.t.dict) otherSize = (other as PyDict).map.size;
  else return copyAndDifference(so, other);
  if (setUsed(so) >> 2 > otherSize) return copyAndDifference(so, other);
  const result = makeNewSetBasetype(so.ob_type, null);
  try {
    for (const [key, h] of setEntries(so)) {
      incref(key);
      try {
        let found: boolean;
        if (isAnySet(other)) found = containsEntry(other, key, h);
        else found = dictLookup(other as PyDict, key) !== undefined;
        if (!found) addEntry(result, key, h);
      } finally {
        decref(key);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function setDifferenceMulti(so: PySet, args: PyObject[]): PySet {
  if (args.length === 0) return setCopy(so);
  const result = setDifference(so, args[0]);
  try {
    for (let i = 1; i < args.length; i++) differenceUpdateInternal(result, args[i]);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function symmetricDifferenceUpdate(so: PySet, other: PyObject): void {
  if (so === other) {
    setClear(so);
    return;
  }
  if (other.ob_type === rt.t.dict) {
    for (const e of [...(other as PyDict).map.values()]) {
      const key = incref(e.key);
      try {
        const h = hash64(key);
        if (!discardEntry(so, key, h)) addEntry(so, key, h);
      } finally {
        decref(key);
      }
    }
    return;
  }
  const otherset: PySet = isAnySet(other) ? incref(other) : makeNewSetBasetype(so.ob_type, other);
  try {
    for (const [key, h] of setEntries(otherset)) {
      incref(key);
      try {
        if (!discardEntry(so, key, h)) addEntry(so, key, h);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(otherset);
  }
}

function setSymmetricDifference(so: PySet, other: PyObject): PySet {
  const otherset = makeNewSetBasetype(so.ob_type, other);
  try {
    symmetricDifferenceUpdate(otherset, so);
  } catch (e) {
    decref(otherset);
    throw e;
  }
  return otherset;
}

function setIssubset(so: PySet, other: PyObject): boolean {
  if (!isAnySet(other) && rt.v >= 312) {
    // set_issubset_impl (Objects/setobject.c), 3.12+: the intersection with the iterable, compared by size.
    const tmp = setIntersection(so, other);
    const result = setUsed(tmp) === setUsed(so);
    decref(tmp);
    return result;
  }
  if (!isAnySet(other)) {
    const tmp = makeNewSet(rt.t.set, other);
    try {
      return setIssubset(so, tmp);
    } finally {
      decref(tmp);
    }
  }
  if (setUsed(so) > setUsed(other)) return false;
  for (const [key, h] of setEntries(so)) {
    incref(key);
    try {
      if (!containsEntry(other, key, h)) return false;
    } finally {
      decref(key);
    }
  }
  return true;
}

function setIssuperset(so: PySet, other: PyObject): boolean {
  if (isAnySet(other)) return setIssubset(other, so);
  const it = getIter(other);
  try {
    for (let key = iterNext(it); key; key = iterNext(it)) {
      try {
        if (!setContainsKey(so, key)) return false;
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(it);
  }
  return true;
}

function setIsdisjoint(so: PySet, other: PyObject): boolean {
  if (so === other) return setUsed(so) === 0;
  if (other.ob_type === rt.t.set || other.ob_type === rt.t.frozenset) {
    let a = so;
    let b = other as PySet;
    if (setUsed(b) > setUsed(a)) [a, b] = [b, a];
    for (const [key, h] of setEntries(b)) {
      incref(key);
      try {
        if (containsEntry(a, key, h)) return false;
      } finally {
        decref(key);
      }
    }
    return true;
  }
  const it = getIter(other);
  try {
    for (let key = iterNext(it); key; key = iterNext(it)) {
      try {
        if (setContainsKey(so, key)) return false;
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(it);
  }
  return true;
}

/** Runs f(key); an unhashable set key is retried as a frozenset (set_contains, set_remove, set_discard). */
function withFrozenRetry<T>(key: PyObject, f: (k: PyObject) => T): T {
  try {
    return f(key);
  } catch (e) {
    if (!(key instanceof PySet && isSubtype(key.ob_type, rt.t.set)) || !isRaised(e, excType('TypeError'))) throw e;
    decref(e.exc);
    const tmp = makeNewSet(rt.t.frozenset, key);
    try {
      return f(tmp);
    } finally {
      decref(tmp);
    }
  }
}

function setPop(so: PySet): PyObject {
  const t = tableOf(so);
  if (t.used === 0) raise(excType('KeyError'), 'pop from an empty set');
  let i = t.finger & t.mask;
  while (t.keys[i] === null || t.keys[i] === DUMMY) {
    i++;
    if (i > t.mask) i = 0;
  }
  const key = t.keys[i]!;
  t.keys[i] = DUMMY;
  t.hashes[i] = -1n;
  t.used--;
  t.finger = i + 1;
  mapRemove(so, key);
  syncSizes(so, t);
  return key;
}

/** _shuffle_bits */
function shuffle(h: bigint): bigint {
  h &= MASK64;
  return (((h ^ 89869747n) ^ ((h << 16n) & MASK64)) * 3644798167n) & MASK64;
}

/** frozenset_hash, exact. */
export function frozensetHash64(o: PyObject): bigint {
  const so = o as PySet;
  const t = tableOf(so);
  if (t.hash !== null) return t.hash;
  let h = 0n;
  for (let i = 0; i <= t.mask; i++) {
    const k = t.keys[i];
    h ^= shuffle(k === null ? 0n : k === DUMMY ? MASK64 : t.hashes[i]);
  }
  if ((t.mask + 1 - t.fill) & 1) h ^= shuffle(0n);
  if ((t.fill - t.used) & 1) h ^= shuffle(MASK64);
  h ^= ((BigInt(t.used) + 1n) * 1927868237n) & MASK64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & MASK64;
  if (h === MASK64) h = 590923713n;
  const r = signed64(h);
  t.hash = r;
  so.hash = Number(r);
  return r;
}

function setRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isAnySet(v) || !isAnySet(w)) return notImplemented();
  switch (op) {
    case EQ: {
      if (setUsed(v) !== setUsed(w)) return newBool(false);
      const hv = tableOf(v).hash;
      const hw = tableOf(w).hash;
      if (hv !== null && hw !== null && hv !== hw) return newBool(false);
      return newBool(setIssubset(v, w));
    }
    case NE: {
      const r = setRichCompare(v, w, EQ);
      const b = isTrue(r);
      decref(r);
      return newBool(!b);
    }
    case LE:
      return newBool(setIssubset(v, w));
    case GE:
      return newBool(setIssuperset(v, w));
    case LT:
      if (setUsed(v) >= setUsed(w)) return newBool(false);
      return newBool(setIssubset(v, w));
    case GT:
      if (setUsed(v) <= setUsed(w)) return newBool(false);
      return newBool(setIssuperset(v, w));
  }
  return notImplemented();
}

function setRepr(o: PyObject): PyObject {
  const so = o as PySet;
  const name = so.ob_type.name;
  if (reprEnter(so)) return newStr(`${name}(...)`);
  try {
    if (setUsed(so) === 0) return newStr(`${name}()`);
    const keys = listFromIterable(so);
    let listrepr: PyStr;
    try {
      listrepr = repr(keys);
    } finally {
      decref(keys);
    }
    const inner = newStr(listrepr.value.slice(1, -1));
    decref(listrepr);
    try {
      if (so.ob_type !== rt.t.set) return newStr(`${name}({${inner.value}})`);
      return newStr(`{${inner.value}}`);
    } finally {
      decref(inner);
    }
  } finally {
    reprLeave(so);
  }
}

// ---------------------------------------------------------------- install

function tuplesArgs(name: string, args: PyObject[], kw: PyStr[] | null): void {
  noKw(name, kw);
}

export function install(t: TypeTable): void {
  for (const type of [t.set, t.frozenset]) {
    const frozen = type === t.frozenset;
    const s = type.slots;
    s.tp_repr = setRepr;
    s.tp_richcompare = setRichCompare;
    s.tp_iter = (o) => newIterator('set_iterator', o, 0, { used: setUsed(o as PySet), len: setUsed(o as PySet) });
    s.sq_length = (o) => setUsed(o as PySet);
    s.sq_contains = (o, key) => withFrozenRetry(key, (k) => setContainsKey(o as PySet, k));
    s.nb_bool = (o) => setUsed(o as PySet) > 0;
    const both = (f: (a: PySet, b: PySet) => PyObject) => (a: PyObject, b: PyObject): PyObject =>
      isAnySet(a) && isAnySet(b) ? f(a, b) : notImplemented();
    s.nb = {
      sub: both((a, b) => setDifference(a, b)),
      and: both((a, b) => setIntersection(a, b)),
      xor: both((a, b) => setSymmetricDifference(a, b)),
      or: both((a, b) => {
        const r = setCopy(a);
        if (a === b) return r;
        try {
          setUpdateInternal(r, b);
        } catch (e) {
          decref(r);
          throw e;
        }
        return r;
      }),
    };
    s.tp_traverse = (o, visit) => {
      for (const k of setKeys(o as PySet)) visit(k);
    };
    s.tp_clear = (o) => setClear(o as PySet);
    def<PySet>(type, '__contains__', (self, args, kw) => {
      posArgs('__contains__', args, kw, 1, 1);
      return newBool(withFrozenRetry(args[0], (k) => setContainsKey(self, k)));
    });
    def<PySet>(type, 'copy', (self, args, kw) => {
      posArgs('copy', args, kw, 0, 0);
      if (frozen && self.ob_type === rt.t.frozenset) return incref(self);
      return setCopy(self);
    });
    def<PySet>(type, 'difference', (self, args, kw) => { tuplesArgs('difference', args, kw); return setDifferenceMulti(self, args); });
    def<PySet>(type, 'intersection', (self, args, kw) => { tuplesArgs('intersection', args, kw); return setIntersectionMulti(self, args); });
    def<PySet>(type, 'union', (self, args, kw) => {
      tuplesArgs('union', args, kw);
      const result = setCopy(self);
      try {
        for (const other of args) if (other !== self) setUpdateInternal(result, other);
      } catch (e) {
        decref(result);
        throw e;
      }
      return result;
    });
    def<PySet>(type, 'symmetric_difference', (self, args, kw) => {
      posArgs('symmetric_difference', args, kw, 1, 1);
      return setSymmetricDifference(self, args[0]);
    });
    def<PySet>(type, 'isdisjoint', (self, args, kw) => { posArgs('isdisjoint', args, kw, 1, 1); return newBool(setIsdisjoint(self, args[0])); });
    def<PySet>(type, 'issubset', (self, args, kw) => { posArgs('issubset', args, kw, 1, 1); return newBool(setIssubset(self, args[0])); });
    def<PySet>(type, 'issuperset', (self, args, kw) => { posArgs('issuperset', args, kw, 1, 1); return newBool(setIssuperset(self, args[0])); });
    def<PySet>(type, '__sizeof__', (self, args, kw) => {
      posArgs('__sizeof__', args, kw, 0, 0);
      const tb = tableOf(self);
      // set_sizeof: _PyObject_SIZE(Py_TYPE(so)), plus the table when it is not the small one
      return newInt(self.ob_type.basicsize + (tb.mask + 1 > MINSIZE ? (tb.mask + 1) * 2 * rt.version.ptr : 0));
    });
  }

  // set only: the mutating methods and in-place operators.
  const set = t.set;
  set.slots.tp_new = (type, _args, _kw) => makeNewSet(type, null);
  set.slots.tp_init = (self, args, kw) => {
    if (kw && kw.length) raise(excType('TypeError'), 'set() takes no keyword arguments');
    if (args.length > 1) raise(excType('TypeError'), `${self.ob_type.name} expected at most 1 argument, got ${args.length}`);
    const so = self as PySet;
    if (tableOf(so).fill) setClear(so);
    so.hash = -1;
    tableOf(so).hash = null;
    if (args.length) setUpdateInternal(so, args[0]);
  };
  set.slots.nb_inplace = {
    or: (a, b) => {
      if (!isAnySet(b)) return notImplemented();
      setUpdateInternal(a as PySet, b);
      return incref(a);
    },
    and: (a, b) => {
      if (!isAnySet(b)) return notImplemented();
      const tmp = setIntersection(a as PySet, b);
      swapBodies(a as PySet, tmp);
      decref(tmp);
      return incref(a);
    },
    sub: (a, b) => {
      if (!isAnySet(b)) return notImplemented();
      differenceUpdateInternal(a as PySet, b);
      return incref(a);
    },
    xor: (a, b) => {
      if (!isAnySet(b)) return notImplemented();
      symmetricDifferenceUpdate(a as PySet, b);
      return incref(a);
    },
  };
  def<PySet>(set, 'add', (self, args, kw) => { posArgs('add', args, kw, 1, 1); setAddKey(self, args[0]); return incref(rt.None); });
  def<PySet>(set, 'clear', (self, args, kw) => { posArgs('clear', args, kw, 0, 0); setClear(self); return incref(rt.None); });
  def<PySet>(set, 'discard', (self, args, kw) => {
    posArgs('discard', args, kw, 1, 1);
    withFrozenRetry(args[0], (k) => setDiscardKey(self, k));
    return incref(rt.None);
  });
  def<PySet>(set, 'remove', (self, args, kw) => {
    posArgs('remove', args, kw, 1, 1);
    const found = withFrozenRetry(args[0], (k) => setDiscardKey(self, k));
    if (!found) throw new PyRaise(newException(excType('KeyError'), [incref(args[0])]));
    return incref(rt.None);
  });
  def<PySet>(set, 'pop', (self, args, kw) => { posArgs('pop', args, kw, 0, 0); return setPop(self); });
  def<PySet>(set, 'update', (self, args, kw) => {
    tuplesArgs('update', args, kw);
    for (const other of args) setUpdateInternal(self, other);
    return incref(rt.None);
  });
  def<PySet>(set, 'difference_update', (self, args, kw) => {
    tuplesArgs('difference_update', args, kw);
    for (const other of args) differenceUpdateInternal(self, other);
    return incref(rt.None);
  });
  def<PySet>(set, 'intersection_update', (self, args, kw) => {
    tuplesArgs('intersection_update', args, kw);
    const tmp = setIntersectionMulti(self, args);
    swapBodies(self, tmp);
    decref(tmp);
    return incref(rt.None);
  });
  def<PySet>(set, 'symmetric_difference_update', (self, args, kw) => {
    posArgs('symmetric_difference_update', args, kw, 1, 1);
    symmetricDifferenceUpdate(self, args[0]);
    return incref(rt.None);
  });
  def(set, '__init__', (self, args, kw) => { set.slots.tp_init!(self, args, kw); return incref(rt.None); });
  setUnhashable(set);
  addSlotWrappers(set);

  const frozenset = t.frozenset;
  frozenset.slots.tp_new = (type, args, kw) => {
    if ((type === rt.t.frozenset) && kw && kw.length) raise(excType('TypeError'), 'frozenset() takes no keyword arguments');
    if (args.length - (kw?.length ?? 0) > 1) raise(excType('TypeError'), `${type.name} expected at most 1 argument, got ${args.length}`);
    const iterable = args.length ? args[0] : null;
    if (type !== rt.t.frozenset) return makeNewSet(type, iterable);
    if (iterable && iterable.ob_type === rt.t.frozenset) return incref(iterable);
    return makeNewSet(type, iterable);
  };
  frozenset.slots.tp_hash = (o) => Number(frozensetHash64(o));
  addSlotWrappers(frozenset);
}

// The VM's hooks (BUILD_SET, SET_ADD, SET_UPDATE): arguments borrowed.
export const newSetFrom = newSetFromItems;

export function setAdd(s: PyObject, item: PyObject): void {
  setAddKey(s as PySet, item);
}

export function setUpdate(s: PyObject, iterable: PyObject): void {
  setUpdateInternal(s as PySet, iterable);
}
