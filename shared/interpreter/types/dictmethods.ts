// dict's behaviour (Objects/dictobject.c) on top of the table in types/dict.ts: the constructor, the methods,
// the keys/values/items views with their set operations, repr with its recursion guard, `|` and `|=`.
import {
  EQ, GE, GT, LE, LT, NE, allTypes, call, callDescriptor, contains, excType, getAttrOpt, getIter, iterNext,
  length, lookupType, reprText, richCompareBool, setItem as setItemAbstract,
} from '../abstract';
import { PyDict, PyObject, PySet, PyStr, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newBool, newDict, newInt, newStr, newTuple, raise, rt } from '../runtime';
import { computeLinearMro, type TypeTable } from '../typetable';
import {
  addSlotWrappers, callMethodOf, clinic, def, getter, noKw, notImplemented, posArgs, reprEnter, reprLeave, setUnhashable,
} from './common';
import * as dict from './dict';
import * as keys from './dictkeys';
import { newDictIterator } from './iterators';
import { listFromIterable } from './list';
import { makeNewSet, setAddKey, setKeys, setUpdateInternal } from './set';
import { classMethod } from './util';

/** A dict view (dict_keys, dict_values, dict_items): holds a reference to its dict. */
export class PyDictView extends PyObject {
  constructor(type: PyType, public dict: PyDict | null) {
    super(type);
  }
}

type ViewKind = 'keys' | 'values' | 'items';

export function newDictView(d: PyDict, kind: ViewKind): PyDictView {
  const type = rt.t.iterators.get(`dict_${kind}`)!;
  return alloc(new PyDictView(type, incref(d)), 3 * rt.version.ptr);
}

function viewKind(o: PyObject): ViewKind | null {
  const n = o.ob_type.name;
  if (!(o instanceof PyDictView)) return null;
  return n === 'dict_keys' ? 'keys' : n === 'dict_values' ? 'values' : n === 'dict_items' ? 'items' : null;
}

// ---------------------------------------------------------------- dict operations

/** dict_update_arg: a dict, anything with keys(), or an iterable of pairs. */
export function dictUpdateArg(d: PyDict, arg: PyObject): void {
  if (arg.ob_type === rt.t.dict) {
    dict.mergeMapping(d, arg);
    return;
  }
  const keys = getAttrOpt(arg, 'keys');
  if (keys) {
    decref(keys);
    dict.mergeMapping(d, arg);
    return;
  }
  dict.mergeFromSeq2(d, arg);
}

/** dict_update_common: at most one positional argument, then the keyword arguments. */
function dictUpdateCommon(d: PyDict, args: PyObject[], kwnames: PyStr[] | null, methname: string): void {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) raise(excType('TypeError'), `${methname} expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdateArg(d, args[0]);
  for (let k = 0; k < nkw; k++) dict.setItem(d, kwnames![k], args[npos + k]);
}

/** dict_subscript: d[key], __missing__ for subclasses, else KeyError(key). */
export function dictSubscript(self: PyObject, key: PyObject): PyObject {
  const d = self as PyDict;
  const v = dict.getItem(d, key);
  if (v) return incref(v);
  if (d.ob_type !== rt.t.dict) {
    const missing = lookupType(d.ob_type, '__missing__');
    if (missing) return callMethodOf(missing, d, [key]);
  }
  return dict.keyErrorFor(key);
}

function dictAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  const d = self as PyDict;
  if (value) dict.setItem(d, key, value);
  else if (!dict.delItem(d, key)) dict.keyErrorFor(key);
}

function dictRepr(o: PyObject): PyObject {
  const d = o as PyDict;
  if (reprEnter(d)) return newStr('{...}');
  try {
    if (d.map.size === 0) return newStr('{}');
    let s = '{';
    let first = true;
    for (const e of dict.entries(d)) {
      const key = incref(e.key);
      const value = incref(e.value);
      try {
        if (!first) s += ', ';
        first = false;
        s += reprText(key) + ': ' + reprText(value);
      } finally {
        decref(key);
        decref(value);
      }
    }
    return newStr(s + '}');
  } finally {
    reprLeave(d);
  }
}

/** dict_equal */
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.map.size !== b.map.size) return false;
  for (const e of dict.entries(a)) {
    if (a.map.get((e as { mapKey?: unknown }).mapKey) !== e) continue;
    const aval = incref(e.value);
    const key = incref(e.key);
    try {
      const found = dict.lookup(b, key);
      if (!found) return false;
      const bval = incref(found.value);
      try {
        if (!richCompareBool(aval, bval, EQ)) return false;
      } finally {
        decref(bval);
      }
    } finally {
      decref(key);
      decref(aval);
    }
  }
  return true;
}

/** PyDict_Copy: a new dict with the same entries (a clean dict's keys table is cloned, size and all). */
export function dictCopy(src: PyDict): PyDict {
  const d = newDict();
  try {
    dict.mergeMapping(d, src);
  } catch (e) {
    decref(d);
    throw e;
  }
  keys.copyKeys(d, src);
  return d;
}

function newDictOfType(type: PyType): PyDict {
  if (type === rt.t.dict) return newDict();
  return alloc(new PyDict(type), Math.max(6 * rt.version.ptr, type.basicsize));
}

// ---------------------------------------------------------------- views

function viewLen(o: PyObject): number {
  const v = o as PyDictView;
  return v.dict ? v.dict.map.size : 0;
}

function dictItemsContains(v: PyDictView, obj: PyObject): boolean {
  if (!v.dict) return false;
  if (!(obj instanceof PyTuple) || obj.items.length !== 2) return false;
  const [key, value] = obj.items;
  const found = dict.lookup(v.dict, key);
  if (!found) return false;
  const found2 = incref(found.value);
  try {
    return richCompareBool(found2, value, EQ);
  } finally {
    decref(found2);
  }
}

function viewContains(o: PyObject, obj: PyObject): boolean {
  const v = o as PyDictView;
  const kind = viewKind(v);
  if (kind === 'keys') return v.dict ? dict.lookup(v.dict, obj) !== undefined : false;
  if (kind === 'items') return dictItemsContains(v, obj);
  // dict_values has no sq_contains: iteration compares each value.
  if (!v.dict) return false;
  for (const e of dict.entries(v.dict)) if (richCompareBool(e.value, obj, EQ)) return true;
  return false;
}

function viewIter(o: PyObject): PyObject {
  const v = o as PyDictView;
  if (!v.dict) return incref(rt.None);
  const kind = viewKind(v)!;
  return newDictIterator(v.dict, kind === 'keys' ? 'key' : kind === 'values' ? 'value' : 'item');
}

function viewRepr(o: PyObject): PyObject {
  if (reprEnter(o)) return newStr('...');
  try {
    const seq = listFromIterable(o);
    try {
      return newStr(`${o.ob_type.name}(${reprText(seq)})`);
    } finally {
      decref(seq);
    }
  } finally {
    reprLeave(o);
  }
}

function isViewSet(o: PyObject): boolean {
  const k = viewKind(o);
  return k === 'keys' || k === 'items';
}

function allContainedIn(self: PyObject, other: PyObject): boolean {
  const it = getIter(self);
  try {
    for (let next = iterNext(it); next; next = iterNext(it)) {
      const ok = contains(other, next);
      decref(next);
      if (!ok) return false;
    }
  } finally {
    decref(it);
  }
  return true;
}

function viewRichCompare(self: PyObject, other: PyObject, op: number): PyObject {
  if (!(other instanceof PySet) && !isViewSet(other)) return notImplemented();
  const ls = length(self);
  const lo = length(other);
  let ok = false;
  switch (op) {
    case NE:
    case EQ:
      if (ls === lo) ok = allContainedIn(self, other);
      if (op === NE) ok = !ok;
      break;
    case LT:
      if (ls < lo) ok = allContainedIn(self, other);
      break;
    case LE:
      if (ls <= lo) ok = allContainedIn(self, other);
      break;
    case GT:
      if (ls > lo) ok = allContainedIn(other, self);
      break;
    case GE:
      if (ls >= lo) ok = allContainedIn(other, self);
      break;
  }
  return newBool(ok);
}

/** dictviews_to_set: a keys view makes its set straight from the dict. */
function viewToSet(self: PyObject): PySet {
  const left = viewKind(self) === 'keys' ? (self as PyDictView).dict ?? self : self;
  return makeNewSet(rt.t.set, left);
}

function callSetMethod(s: PySet, name: string, arg: PyObject): void {
  const m = lookupType(s.ob_type, name)!;
  decref(callDescriptor(m, s, [arg]));
}

/** _PyDictView_Intersect */
function viewIntersect(self: PyObject, other: PyObject): PyObject {
  if (!isViewSet(self)) [self, other] = [other, self];
  const lenSelf = viewLen(self);
  if (other.ob_type === rt.t.set && lenSelf <= length(other)) {
    const m = lookupType(other.ob_type, 'intersection')!;
    return callDescriptor(m, other, [self]);
  }
  if (isViewSet(other)) {
    if (viewLen(other) > lenSelf) [self, other] = [other, self];
  }
  const result = makeNewSet(rt.t.set, null);
  try {
    const it = getIter(other);
    try {
      const kind = viewKind(self);
      for (let key = iterNext(it); key; key = iterNext(it)) {
        try {
          const rv = kind === 'keys'
            ? ((self as PyDictView).dict ? dict.lookup((self as PyDictView).dict!, key) !== undefined : false)
            : dictItemsContains(self as PyDictView, key);
          if (rv) setAddKey(result, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function viewBinary(op: 'sub' | 'or' | 'xor'): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    if (!isViewSet(a) && !isViewSet(b)) return notImplemented();
    const result = viewToSet(a);
    try {
      if (op === 'or') setUpdateInternal(result, b);
      else callSetMethod(result, op === 'sub' ? 'difference_update' : 'symmetric_difference_update', b);
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  };
}

function makeViewType(t: TypeTable, name: string): PyType {
  let type = t.iterators.get(name);
  if (!type) {
    type = new PyType(t.type, name, t.object);
    type.mro = computeLinearMro(type);
    t.iterators.set(name, type);
  }
  type.basicsize = 3 * rt.version.ptr; // _PyDictViewObject: the object header and dv_dict
  type.hasGC = true;
  type.baseType = false;
  if (!type.dict) type.dict = newDict();
  allTypes.add(type);
  const s = type.slots;
  s.sq_length = viewLen;
  s.sq_contains = viewContains;
  s.tp_iter = viewIter;
  s.tp_repr = viewRepr;
  s.tp_traverse = (o, visit) => {
    const v = o as PyDictView;
    if (v.dict) visit(v.dict);
  };
  s.tp_clear = (o) => {
    const v = o as PyDictView;
    const d = v.dict;
    v.dict = null;
    if (d) decref(d);
  };
  def<PyDictView>(type, '__reversed__', (self, args, kw) => {
    posArgs('__reversed__', args, kw, 0, 0);
    if (!self.dict) return incref(rt.None);
    const kind = viewKind(self)!;
    return newDictIterator(self.dict, kind === 'keys' ? 'key' : kind === 'values' ? 'value' : 'item', true);
  });
  if (name !== 'dict_values') {
    s.tp_richcompare = viewRichCompare;
    s.nb = { and: viewIntersect, sub: viewBinary('sub'), or: viewBinary('or'), xor: viewBinary('xor') };
    def<PyDictView>(type, 'isdisjoint', (self, args, kw) => {
      posArgs('isdisjoint', args, kw, 1, 1);
      const other = args[0];
      if (self === other) return newBool(viewLen(self) === 0);
      let a: PyObject = self;
      let b: PyObject = other;
      if ((other instanceof PySet || isViewSet(other)) && length(other) > viewLen(self)) [a, b] = [other, self];
      const it = getIter(b);
      try {
        for (let item = iterNext(it); item; item = iterNext(it)) {
          const found = contains(a, item);
          decref(item);
          if (found) return newBool(false);
        }
      } finally {
        decref(it);
      }
      return newBool(true);
    });
    setUnhashable(type);
  }
  getter<PyDictView>(type, 'mapping', (v) => (v.dict ? incref(v.dict) : incref(rt.None)));
  addSlotWrappers(type);
  return type;
}

// ---------------------------------------------------------------- install

export function install(t: TypeTable): void {
  const type = t.dict;
  const s = type.slots;
  s.tp_new = (ty, _args, _kw) => newDictOfType(ty);
  s.tp_init = (self, args, kwnames) => dictUpdateCommon(self as PyDict, args, kwnames, 'dict');
  s.tp_repr = dictRepr;
  s.tp_richcompare = (a, b, op) => {
    if (!(a instanceof PyDict) || !(b instanceof PyDict)) return notImplemented();
    if (op !== EQ && op !== NE) return notImplemented();
    const eq = dictEqual(a, b);
    return newBool(op === EQ ? eq : !eq);
  };
  s.tp_iter = (o) => newDictIterator(o as PyDict, 'key');
  s.sq_length = (o) => (o as PyDict).map.size;
  s.sq_contains = (o, key) => dict.lookup(o as PyDict, key) !== undefined;
  s.mp_subscript = dictSubscript;
  s.mp_ass_subscript = dictAssSubscript;
  s.nb_bool = (o) => (o as PyDict).map.size > 0;
  s.nb = {
    or: (a, b) => {
      if (!(a instanceof PyDict) || !(b instanceof PyDict)) return notImplemented();
      const d = dictCopy(a);
      try {
        dictUpdateArg(d, b);
      } catch (e) {
        decref(d);
        throw e;
      }
      return d;
    },
  };
  s.nb_inplace = {
    or: (a, b) => {
      dictUpdateArg(a as PyDict, b);
      return incref(a);
    },
  };
  // dict_traverse (Objects/dictobject.c): a table of str keys visits only the values (str cannot be in a
  // cycle); any other table each value, then its key.
  s.tp_traverse = (o, visit) => {
    const d = o as PyDict;
    if (d.embeddedIn && d.sharedKeys) return; // the values are the instance's to visit
    if (d.unicodeKeys || d.sharedKeys) {
      for (const e of d.map.values()) visit(e.value);
      return;
    }
    for (const e of d.map.values()) {
      visit(e.value);
      visit(e.key);
    }
  };
  s.tp_clear = (o) => dict.clear(o as PyDict);

  def<PyDict>(type, 'keys', (self, args, kw) => { posArgs('keys', args, kw, 0, 0); return newDictView(self, 'keys'); });
  def<PyDict>(type, 'values', (self, args, kw) => { posArgs('values', args, kw, 0, 0); return newDictView(self, 'values'); });
  def<PyDict>(type, 'items', (self, args, kw) => { posArgs('items', args, kw, 0, 0); return newDictView(self, 'items'); });
  def<PyDict>(type, 'get', (self, args, kw) => {
    noKw('get', kw);
    if (args.length < 1) raise(excType('TypeError'), `get expected at least 1 argument, got ${args.length}`);
    if (args.length > 2) raise(excType('TypeError'), `get expected at most 2 arguments, got ${args.length}`);
    const v = dict.getItem(self, args[0]);
    return incref(v ?? args[1] ?? rt.None);
  });
  def<PyDict>(type, 'setdefault', (self, args, kw) => {
    noKw('setdefault', kw);
    if (args.length < 1) raise(excType('TypeError'), `setdefault expected at least 1 argument, got ${args.length}`);
    if (args.length > 2) raise(excType('TypeError'), `setdefault expected at most 2 arguments, got ${args.length}`);
    const v = dict.getItem(self, args[0]);
    if (v) return incref(v);
    const dflt = args[1] ?? rt.None;
    dict.setItem(self, args[0], dflt);
    return incref(dflt);
  });
  def<PyDict>(type, 'pop', (self, args, kw) => {
    noKw('pop', kw);
    if (args.length < 1) raise(excType('TypeError'), `pop expected at least 1 argument, got ${args.length}`);
    if (args.length > 2) raise(excType('TypeError'), `pop expected at most 2 arguments, got ${args.length}`);
    const e = dict.popEntry(self, args[0]);
    if (!e) {
      if (args.length > 1) return incref(args[1]);
      return dict.keyErrorFor(args[0]);
    }
    decref(e.key);
    return e.value;
  });
  def<PyDict>(type, 'popitem', (self, args, kw) => {
    posArgs('popitem', args, kw, 0, 0);
    if (self.map.size === 0) raise(excType('KeyError'), 'popitem(): dictionary is empty');
    const all = dict.entries(self);
    const last = all[all.length - 1];
    const e = dict.popEntry(self, last.key)!;
    return newTuple([e.key, e.value]);
  });
  def<PyDict>(type, 'update', (self, args, kw) => {
    dictUpdateCommon(self, args, kw, 'update');
    return incref(rt.None);
  });
  def<PyDict>(type, 'copy', (self, args, kw) => { posArgs('copy', args, kw, 0, 0); return dictCopy(self); });
  def<PyDict>(type, '__sizeof__', (self, args, kw) => { posArgs('__sizeof__', args, kw, 0, 0); return newInt(keys.dictSizeof(self)); });
  def<PyDict>(type, 'clear', (self, args, kw) => { posArgs('clear', args, kw, 0, 0); dict.clear(self); return incref(rt.None); });
  def<PyDict>(type, '__contains__', (self, args, kw) => {
    posArgs('__contains__', args, kw, 1, 1);
    return newBool(dict.lookup(self, args[0]) !== undefined);
  });
  def<PyDict>(type, '__reversed__', (self, args, kw) => {
    posArgs('__reversed__', args, kw, 0, 0);
    return newDictIterator(self, 'key', true);
  });
  def<PyDict>(type, '__init__', (self, args, kw) => {
    dictUpdateCommon(self, args, kw, 'dict');
    return incref(rt.None);
  });
  classMethod(type, 'fromkeys', (args, kwnames, self) => {
    let cls = self as PyType | null;
    let rest = args;
    if (cls === null) {
      cls = args[0] as PyType;
      rest = args.slice(1);
    }
    const [iterable, value] = clinic('fromkeys', rest, kwnames, ['iterable', 'value'], { posonly: 2, minpos: 1, maxpos: 2 });
    return dictFromKeys(cls, iterable!, value ?? rt.None);
  });
  addSlotWrappers(type);
  setUnhashable(type);

  for (const name of ['dict_keys', 'dict_values', 'dict_items']) makeViewType(t, name);
}

/** _PyDict_FromKeys */
export function dictFromKeys(cls: PyType, iterable: PyObject, value: PyObject): PyObject {
  const d = call(cls, []);
  try {
    if (d.ob_type === rt.t.dict && (d as PyDict).map.size === 0) {
      // Both fast paths size the table for all the keys first (dictresize to estimate_log2_keysize): str-only
      // as the source dict's keys are, general for a set's.
      if (iterable.ob_type === rt.t.dict) {
        const src = iterable as PyDict;
        keys.resize(d as PyDict, keys.estimateLog2Keysize(src.map.size), src.sharedKeys !== null || src.unicodeKeys);
        for (const e of dict.entries(src)) dict.setItem(d as PyDict, e.key, value);
        return d;
      }
      if (iterable.ob_type === rt.t.set || iterable.ob_type === rt.t.frozenset) {
        keys.resize(d as PyDict, keys.estimateLog2Keysize((iterable as PySet).map.size), false);
        for (const k of setKeys(iterable as PySet)) dict.setItem(d as PyDict, k, value);
        return d;
      }
    }
    const it = getIter(iterable);
    try {
      for (let key = iterNext(it); key; key = iterNext(it)) {
        try {
          if (d.ob_type === rt.t.dict) dict.setItem(d as PyDict, key, value);
          else setItemAbstract(d, key, value);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
    return d;
  } catch (e) {
    decref(d);
    throw e;
  }
}
