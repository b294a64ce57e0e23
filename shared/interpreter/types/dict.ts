// dict (Objects/dictobject.c): insertion-ordered, keys by hash and equality. Keys whose equality is their value
// (str, int, float, bool, None and tuples of them) are found through a JS Map keyed by that value; keys with
// their own __eq__/__hash__ (or identity) take the general path: a hash bucket, compared with __eq__.
import {
  EQ, callMethod, excType, getItem as getItemAbstract, getIter, hash, iterNext, lookupType, richCompareBool, strText, typeName,
} from '../abstract';
import {
  PyDict, PyFloat, PyInt, PyObject, PyStr, PyTuple, type DictEntry, type PySet,
} from '../objects';
import { decref, incref, internStr, maintainTracking, newDict, newException, newList, newTuple, PyRaise, raise, rt } from '../runtime';
import * as dictKeys from './dictkeys';

/** Marks the general-path entries' Map keys. */
class Token {}

/**
 * The Map key standing for a Python key whose equality is structural, or undefined when the key needs the
 * general path. Equal Python keys (1, 1.0, True) give equal Map keys.
 */
export function valueKey(k: PyObject): unknown {
  const t = k.ob_type;
  if (t === rt.t.str) return (k as PyStr).value;
  if (t === rt.t.int || t === rt.t.bool) return (k as PyInt).value;
  if (t === rt.t.float) {
    const v = (k as PyFloat).value;
    if (Number.isNaN(v)) return undefined;
    if (Number.isInteger(v) && !Number.isSafeInteger(v) && Number.isFinite(v)) return BigInt(v);
    return v === 0 ? 0 : v;
  }
  if (k === rt.None) return rt.None;
  if (t === rt.t.tuple) {
    let s = '\u0000(';
    for (const item of (k as PyTuple).items) {
      const ik = valueKey(item);
      if (ik === undefined || ik === rt.None) {
        if (item === rt.None) { s += 'N,'; continue; }
        return undefined;
      }
      s += typeof ik === 'string' ? 's' + ik.length + ':' + ik + ',' : typeof ik === 'bigint' ? 'b' + ik + ',' : 'n' + String(ik) + ',';
    }
    return s;
  }
  return undefined;
}

/** Objects hashed and compared by identity: their type's __hash__ and __eq__ are object's own. Everything
 *  else takes the general path, whose hash() call raises for unhashable types (`__hash__ = None`). */
function identityKey(k: PyObject): boolean {
  const t = k.ob_type;
  const object = rt.t.object.dict.map;
  return lookupType(t, '__hash__') === object.get('__hash__')?.value && lookupType(t, '__eq__') === object.get('__eq__')?.value;
}

type Table = PyDict | PySet;

/**
 * A key's hash where a dict or set computes it for its own operation: 3.14 rewords an exact TypeError there
 * (dict_unhashable_type in Objects/dictobject.c, set_unhashable_type in Objects/setobject.c). Callers that hash
 * with PyObject_Hash first (OrderedDict, Counter, set.intersection) pass that hash on instead.
 */
export function tableHash<T>(key: PyObject, what: 'dict key' | 'set element', hashOf: (k: PyObject) => T): T {
  if (rt.v < 314) return hashOf(key);
  try {
    return hashOf(key);
  } catch (e) {
    if (!(e instanceof PyRaise) || e.exc.ob_type !== excType('TypeError')) throw e;
    // %T: PyType_GetFullyQualifiedName, without the module for builtins and __main__.
    const t = key.ob_type;
    const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
    const reason = strText(e.exc);
    decref(e.exc);
    return raise(excType('TypeError'), `cannot use '${name}' as a ${what} (${reason})`);
  }
}

function keyHash(d: Table, key: PyObject): number {
  return tableHash(key, d instanceof PyDict ? 'dict key' : 'set element', hash);
}

/** Finds the entry for key (borrowed), or undefined. Raises TypeError for unhashable keys. `knownHash`: the
 *  key's hash when the caller already has it (CPython computes it once per operation; __hash__ may print). */
export function lookup(d: Table, key: PyObject, knownHash?: number): DictEntry | undefined {
  const vk = valueKey(key);
  if (vk !== undefined) return d.map.get(vk);
  if (identityKey(key)) return d.map.get(key);
  const h = knownHash ?? keyHash(d, key);
  const bucket = d.buckets?.get(h);
  if (!bucket) return undefined;
  for (const e of bucket) {
    if (e.key === key || richCompareBool(e.key, key, EQ)) return e;
  }
  return undefined;
}

function mapKeyOf(d: Table, key: PyObject, h: number): unknown {
  const vk = valueKey(key);
  if (vk !== undefined) return vk;
  if (identityKey(key)) return key;
  const token = new Token();
  void d;
  void h;
  return token;
}

/** Inserts or replaces (takes new references to key and value; on replace the old value is decref'd). */
export function setItem(d: Table, key: PyObject, value: PyObject, knownHash?: number): void {
  const general = valueKey(key) === undefined && !identityKey(key);
  const h = general ? knownHash ?? keyHash(d, key) : 0;
  const keyIsStr = key.ob_type === rt.t.str;
  if (d instanceof PyDict) dictKeys.beforeInsert(d, keyIsStr);
  const existing = lookup(d, key, general ? h : undefined);
  if (d instanceof PyDict) maintainTracking(d, key, value);
  if (existing) {
    const old = existing.value;
    existing.value = incref(value);
    d.version++;
    if (rt.trace !== null) rt.trace.tableChanged(d, existing);
    decref(old);
    return;
  }
  const entry: DictEntry & { mapKey?: unknown } = { key: incref(key), value: incref(value), hash: h };
  const mk = mapKeyOf(d, key, h);
  entry.mapKey = mk;
  if (mk instanceof Token) {
    d.buckets ??= new Map();
    const b = d.buckets.get(h);
    if (b) b.push(entry);
    else d.buckets.set(h, [entry]);
  }
  if (d instanceof PyDict) dictKeys.addEntry(d, keyIsStr, keyIsStr ? (key as PyStr).value : null);
  d.map.set(mk, entry);
  d.version++;
  if (rt.trace !== null) rt.trace.tableChanged(d, entry);
}

/** Removes key; returns the removed entry (its references now owned by the caller) or undefined. */
export function popEntry(d: Table, key: PyObject, knownHash?: number): DictEntry | undefined {
  const e = lookup(d, key, knownHash) as (DictEntry & { mapKey?: unknown }) | undefined;
  if (!e) return undefined;
  d.map.delete(e.mapKey);
  if (e.mapKey instanceof Token) {
    const b = d.buckets!.get(e.hash)!;
    b.splice(b.indexOf(e), 1);
    if (!b.length) d.buckets!.delete(e.hash);
  }
  d.version++;
  if (rt.trace !== null) rt.trace.tableChanged(d, e);
  return e;
}

export function delItem(d: Table, key: PyObject, knownHash?: number): boolean {
  const e = popEntry(d, key, knownHash);
  if (!e) return false;
  decref(e.key);
  decref(e.value);
  return true;
}

export function getItem(d: PyDict, key: PyObject): PyObject | null {
  const e = lookup(d, key);
  return e ? e.value : null;
}

// String-keyed shortcuts (namespaces, instance dicts). They assume a str key is stored by value.
export function getItemStr(d: PyDict, key: string): PyObject | null {
  const e = d.map.get(key);
  return e ? e.value : null;
}

export function setItemStr(d: PyDict, key: string, value: PyObject): void {
  const e = d.map.get(key);
  if (e) {
    maintainTracking(d, e.key, value);
    const old = e.value;
    e.value = incref(value);
    d.version++;
    if (rt.trace !== null) rt.trace.tableChanged(d, e);
    decref(old);
    return;
  }
  const k = internStr(key);
  const entry: DictEntry & { mapKey?: unknown } = { key: k, value: incref(value), hash: 0, mapKey: key };
  dictKeys.addEntry(d, true, key);
  d.map.set(key, entry);
  d.version++;
  if (rt.trace !== null) rt.trace.tableChanged(d, entry);
  maintainTracking(d, k, value);
}

/** setItemStr that steals the reference to value (for building type dicts). */
export function setItemStrNew(d: PyDict, key: string, value: PyObject): void {
  setItemStr(d, key, value);
  decref(value);
}

export function delItemStr(d: PyDict, key: string): boolean {
  const e = d.map.get(key);
  if (!e) return false;
  d.map.delete(key);
  d.version++;
  if (rt.trace !== null) rt.trace.tableChanged(d, e);
  decref(e.key);
  decref(e.value);
  return true;
}

/** Empties the dict, dropping references in insertion order (key then value, as free_keys_object). */
export function clear(d: Table): void {
  const entries = [...d.map.values()];
  d.map.clear();
  if (d instanceof PyDict) dictKeys.clearKeys(d);
  d.buckets = null;
  d.version++;
  if (rt.trace !== null) rt.trace.touch(d);
  for (const e of entries) {
    decref(e.key);
    decref(e.value);
  }
}

/** KeyError(key): the key itself is the exception's argument. */
export function keyErrorFor(key: PyObject): never {
  throw new PyRaise(newException(excType('KeyError'), [incref(key)]));
}

/** dict(iterable) / dict.update(iterable): pairs from an iterable of 2-sequences. */
export function mergeFromSeq2(d: PyDict, seq: PyObject): void {
  const it = getIter(seq);
  try {
    let i = 0;
    for (let item = iterNext(it); item; item = iterNext(it), i++) {
      try {
        const pair: PyObject[] = [];
        const pit = getIter(item);
        try {
          for (let x = iterNext(pit); x; x = iterNext(pit)) pair.push(x);
        } finally {
          decref(pit);
        }
        try {
          if (pair.length !== 2) {
            raise(excType('ValueError'), `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          setItem(d, pair[0], pair[1]);
        } finally {
          pair.forEach(decref);
        }
      } catch (e) {
        if (typeof e === 'object' && e && 'exc' in e && (e as { exc: PyObject }).exc.ob_type === excType('TypeError') && !getIterable(item)) {
          decref((e as { exc: PyObject }).exc);
          raise(excType('TypeError'), `cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        throw e;
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

function getIterable(o: PyObject): boolean {
  try {
    decref(getIter(o));
    return true;
  } catch (e) {
    if (typeof e === 'object' && e && 'exc' in e) decref((e as { exc: PyObject }).exc);
    return false;
  }
}

/** dict.update(mapping): a dict's items, or keys() + __getitem__ of another mapping. */
export function mergeMapping(d: PyDict, other: PyObject): void {
  if (other instanceof PyDict) {
    const clone = dictKeys.beforeMerge(d, other);
    for (const e of [...other.map.values()]) setItem(d, e.key, e.value);
    if (clone) dictKeys.cloneKeys(d, other);
    return;
  }
  const keys = callMethod(other, 'keys', []);
  try {
    const it = getIter(keys);
    try {
      for (let k = iterNext(it); k; k = iterNext(it)) {
        try {
          const v = getItemAbstract(other, k);
          setItem(d, k, v);
          decref(v);
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
  } finally {
    decref(keys);
  }
}

export function hasKeysMethod(o: PyObject): boolean {
  return lookupType(o.ob_type, 'keys') !== null;
}

/** The items as [key, value] pairs, snapshot (borrowed references). */
export function entries(d: Table): DictEntry[] {
  return [...d.map.values()];
}

export function keysList(d: PyDict): PyObject {
  return newList(entries(d).map((e) => incref(e.key)));
}

export function itemsTuples(d: PyDict): PyObject[] {
  return entries(d).map((e) => newTuple([incref(e.key), incref(e.value)]));
}

export function describeUnhashable(o: PyObject): string {
  return `unhashable type: '${typeName(o)}'`;
}


export function newDictObject(): PyDict {
  return newDict();
}

/** PyDict_Copy */
export function copyDict(d: PyDict): PyDict {
  const c = newDictObject();
  for (const e of entries(d)) setItem(c, e.key, e.value);
  return c;
}
