// `type`: classes (Objects/typeobject.c). Calling a class (type_call), class creation (type_new, the C3 MRO,
// __slots__, __init_subclass__, __set_name__), attribute lookup on classes (type_getattro) and
// builtins.__build_class__ (Python/bltinmodule.c).
import { allTypes, call, callDescriptor, descrGet, excType, findSlot, gcClearOf, genericSetAttr, getAttrOpt, isCallable, isSubtype, iterate, lookupType, raiseAttributeError, repr, setItem, SHARED_KEYS_MAX_SIZE, typeModified, typeName } from '../abstract';
import {
  PyBuiltin, PyDict, PyFunction, PyInstance, PyObject, PyStr, PyTuple, PyType, PyWrapper, PyCell,
} from '../objects';
import { alloc, decref, fillUtf8, incref, internStr, newBool, newDict, newInt, newList, newStr, newTuple, newTupleFromArray, raise, rt } from '../runtime';
import { basicWeakref } from '../modules/weakref';
import { callAnnotate } from './function';
import type { TypeTable } from '../typetable';
import { Frame } from '../frame';
import { evalFrame } from '../vm';
import * as dict from './dict';
import { builtinFunction, method } from './util';
import { addInstanceDescriptors, instanceClear, instanceTraverse } from './object';
import { heapTypeObjectSize, typeObjectSize } from '../sizes';
import { newSharedKeys, sharedKeysSize } from './dictkeys';

function typeError(msg: string): never {
  return raise(excType('TypeError'), msg);
}

/** C3 linearisation (mro_internal / mro_implementation). */
export function c3(type: PyType, bases: PyType[]): PyType[] {
  const seqs = bases.map((b) => [...b.mro]);
  seqs.push([...bases]);
  const out: PyType[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let candidate: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((other) => other.indexOf(head) > 0)) { candidate = head; break; }
    }
    if (!candidate) {
      const names = nonEmpty.map((s) => s[0].name);
      const unique = [...new Set(names)];
      // set_mro_error (Objects/typeobject.c): the message lost its line break in 3.13.
      const sep = rt.v >= 313 ? ' ' : '\n';
      return typeError(`Cannot create a consistent method resolution${sep}order (MRO) for bases ${unique.join(', ')}`);
    }
    out.push(candidate);
    for (const s of nonEmpty) if (s[0] === candidate) s.shift();
  }
}

/** The builtin type whose instance layout a class extends (solid_base). */
function solidBaseOf(t: PyType): PyType {
  for (const c of t.mro) {
    if (c.heapType) continue;
    // solid_base (Objects/typeobject.c): a builtin type that adds no fields shares its base's layout
    // (ArithmeticError and TypeError are both BaseException's).
    let s = c;
    while (s.base && s.base !== rt.t.object && s.basicsize === s.base.basicsize && s.itemsize === s.base.itemsize &&
      rt.t.exc.get(s.name) === s) s = s.base;
    return s === rt.t.object ? rt.t.object : s;
  }
  return rt.t.object;
}

/** Builtin types whose instances have a dict (tp_dictoffset) or a weakref list (tp_weaklistoffset). */
const BUILTIN_DICT = ['function', 'type', 'module'];
const BUILTIN_WEAKLIST = ['function', 'type', 'set', 'frozenset', 'generator', 'coroutine', 'method', 'code', 'weakref',
  'builtin_function_or_method', 'module', 'frame'];

function hasDictOffset(b: PyType): boolean {
  if (b.heapType) return b.instanceDict;
  return b.mro.some((c) => BUILTIN_DICT.includes(c.name) || c === rt.t.exc.get('BaseException'));
}

function hasWeaklist(b: PyType): boolean {
  if (b.heapType) return b.weakrefable || b.managedWeakref;
  return b.mro.some((c) => c.weakrefable || BUILTIN_WEAKLIST.includes(c.name));
}

/**
 * type_new_descriptors (Objects/typeobject.c): tp_basicsize is the best base's, plus a word per new slot; a
 * __dict__ added on top of a variable-size base is a pointer at the end; otherwise it is managed (3.11+, before
 * the object). The weakref list is a word in the object in 3.11 and managed from 3.12. Classes with managed
 * dicts get shared keys (_PyDict_NewKeysForClass).
 */
function layOut(type: PyType, best: PyType, hasSlots: boolean): void {
  const p = rt.version.ptr;
  const addDict = type.instanceDict && !hasDictOffset(best);
  const addWeak = type.weakrefable && !hasWeaklist(best) && best.itemsize === 0;
  let size = best.basicsize + type.ownSlots.length * p;
  if (addDict && best.itemsize && rt.v < 312) size += p; // 3.12+ manages the dict of variable-size objects too
  if (addWeak && rt.v < 312) size += p;
  type.basicsize = size;
  type.itemsize = best.itemsize;
  type.managedDict = (addDict && (best.itemsize === 0 || rt.v >= 312)) || best.managedDict;
  type.managedWeakref = (addWeak && rt.v >= 312) || best.managedWeakref;
  if (type.managedDict) type.cachedKeys = newSharedKeys();
  void hasSlots;
}

/** type.__new__(metatype, name, bases, namespace, **kwds). */
export function typeNew(meta: PyType, name: string, bases: PyType[], ns: PyDict, kwargs: [string, PyObject][] = [], nameObj: PyStr | null = null, basesArg: PyTuple | null = null): PyType {
  for (const b of bases) {
    if (!b.baseType) typeError(`type '${b.name}' is not an acceptable base type`);
  }
  if (!bases.length) bases = [rt.t.object];
  // The winner among the bases' solid bases is the layout; CPython checks conflicts.
  const solids = bases.map(solidBaseOf);
  let solid = solids[0];
  for (const s of solids) {
    if (isSubtype(s, solid)) solid = s;
    else if (!isSubtype(solid, s)) typeError('multiple bases have instance lay-out conflict');
  }
  const type = new PyType(meta, name, bases[0], bases);
  alloc(type, meta.basicsize);
  type.heapType = true;
  type.hasGC = true;
  // type_new_set_name (Objects/typeobject.c): ht_name holds the name object, and tp_name is its UTF-8 form
  // (PyUnicode_AsUTF8AndSize, which gives a non-ASCII name its UTF-8 copy).
  if (nameObj) {
    type.htName = incref(nameObj);
    fillUtf8(nameObj);
  }
  type.solidBase = solid;
  type.slots = {};
  type.basicsize = solid.basicsize;
  type.itemsize = solid.itemsize;
  type.mro = c3(type, bases);
  // tp_bases (the class statement's tuple, or (object,)), tp_base and tp_mro hold their types.
  // type_new_get_bases: the bases tuple passed in, or a new (object,) when there is none.
  type.basesTuple = basesArg && basesArg.items.length ? incref(basesArg) : newTuple(bases.map((b) => incref(b)));
  incref(type.base!);
  type.mroTuple = newTuple(type.mro.map((b) => incref(b)));
  type.dict = dict.copyDict ? dict.copyDict(ns) : ns;
  allTypes.add(type);
  const module = dict.getItemStr(ns, '__module__');
  if (module instanceof PyStr) type.module = module.value;
  else {
    const g = rt.frame ? dict.getItemStr(rt.frame.globals, '__name__') : null;
    if (g instanceof PyStr) {
      type.module = g.value;
      dict.setItemStr(type.dict, '__module__', g);
    }
  }
  const qual = dict.getItemStr(ns, '__qualname__');
  type.qualname = qual instanceof PyStr ? qual.value : name;
  // type_new_set_names: ht_qualname is the namespace's __qualname__ (taken out of the dict) or ht_name.
  const qualObj = qual instanceof PyStr ? qual : type.htName;
  if (qualObj) type.htQualname = incref(qualObj);
  if (qual) dict.delItemStr(type.dict, '__qualname__');
  // __slots__: named slots instead of a __dict__ (and __weakref__) per instance.
  const slotsDecl = dict.getItemStr(ns, '__slots__');
  const baseHasDict = type.mro.slice(1).some((b) => b.instanceDict);
  const baseWeak = type.mro.slice(1).some(hasWeaklist); // a builtin base's tp_weaklistoffset too (set)
  type.slotNames = type.mro.slice(1).reverse().flatMap((b) => b.slotNames.filter((n) => !!n));
  type.slotNames = [...new Set(type.slotNames)];
  if (slotsDecl) {
    const names = slotsDecl instanceof PyStr ? [slotsDecl.value] : collectStrings(slotsDecl);
    let wantsDict = false;
    let wantsWeak = false;
    for (const n of names) {
      if (n === '__dict__') { if (baseHasDict || wantsDict) typeError('__dict__ slot disallowed: we already got one'); wantsDict = true; continue; }
      if (n === '__weakref__') { wantsWeak = true; continue; }
      if (dict.getItemStr(ns, n)) typeError(`'${n}' in __slots__ conflicts with class variable`);
      type.slotNames.push(n);
      type.ownSlots.push(n);
      const member = alloc(new PyBuiltin(rt.t.member_descriptor, n, () => incref(rt.None), null, type), 8 * rt.version.ptr);
      dict.setItemStr(type.dict, n, member);
      decref(member);
    }
    type.ownSlots.sort();
    type.instanceDict = baseHasDict || wantsDict;
    type.weakrefable = baseWeak || wantsWeak;
    addInstanceDescriptors(type, wantsDict && !baseHasDict, wantsWeak && !baseWeak);
  } else {
    type.instanceDict = true;
    type.weakrefable = true;
    addInstanceDescriptors(type, !baseHasDict, !baseWeak);
  }
  // _PyDict_NewKeysForClass (Objects/dictobject.c), 3.14: the shared keys start with __static_attributes__.
  const staticAttributes = dict.getItemStr(type.dict, '__static_attributes__');
  if (rt.v >= 314 && type.instanceDict && staticAttributes instanceof PyTuple) {
    for (const n of staticAttributes.items) {
      if (n.ob_type === rt.t.str && type.sharedKeys.length < SHARED_KEYS_MAX_SIZE) type.sharedKeys.push((n as PyStr).value);
    }
  }
  layOut(type, bases.find((b) => solidBaseOf(b) === solid) ?? bases[0], slotsDecl !== null);
  // Instances: their own references (slots, attributes) then the builtin base's part (subtype_clear).
  const baseClear = findSlot(solid, 'tp_clear');
  const baseTraverse = findSlot(solid, 'tp_traverse');
  type.slots.tp_clear = (o) => {
    instanceClear(o);
    if (baseClear) baseClear(o);
  };
  // What gc's tp_clear (subtype_clear) drops: the instance part, and the base's part only where the base
  // type has a tp_clear of its own (a tuple subclass keeps its items until it is deallocated).
  const baseGcClear = gcClearOf(solid);
  type.gcClear = (o) => {
    instanceClear(o);
    if (solid.mro.includes(rt.t.type)) typeGcClear(o);
    else if (baseGcClear && ['list', 'dict', 'set', 'frozenset', 'BaseException'].some((n) => solid.mro.some((b) => b.name === n))) baseGcClear(o);
  };
  const dictInBase = solid.instanceDict || solid.mro.includes(rt.t.type);
  type.slots.tp_traverse = (o, visit) => {
    if (baseTraverse) baseTraverse(o, visit);
    instanceTraverse(o, visit, dictInBase);
  };
  const del = dict.getItemStr(type.dict, '__del__');
  if (del || type.mro.some((b) => b.slots.tp_finalize)) type.slots.tp_finalize = callDel;
  // __new__ is a static method, __init_subclass__ and __class_getitem__ class methods, implicitly.
  const wrapImplicit = (n: string, wrapperType: PyType): void => {
    const f = dict.getItemStr(type.dict, n);
    if (f instanceof PyFunction) {
      const w = alloc(new PyWrapper(wrapperType, incref(f)), 4 * rt.version.ptr);
      dict.setItemStr(type.dict, n, w);
      decref(w);
    }
  };
  wrapImplicit('__new__', rt.t.staticmethod);
  wrapImplicit('__init_subclass__', rt.t.classmethod);
  wrapImplicit('__class_getitem__', rt.t.classmethod);
  if (dict.getItemStr(type.dict, '__eq__') && !dict.getItemStr(type.dict, '__hash__')) {
    // A class that defines __eq__ without __hash__ is unhashable.
    dict.setItemStr(type.dict, '__hash__', rt.None);
  }
  if (!dict.getItemStr(type.dict, '__doc__')) dict.setItemStr(type.dict, '__doc__', rt.None);
  const classcell = dict.getItemStr(type.dict, '__classcell__');
  if (classcell instanceof PyCell) {
    const old = classcell.ref;
    classcell.ref = incref(type);
    if (rt.trace !== null) rt.trace.touch(classcell);
    if (old) decref(old);
    dict.delItemStr(type.dict, '__classcell__');
  }
  // type_new_set_classdictcell (3.14's annotation scopes): the cell now holds the class's own dict
  const classdictcell = dict.getItemStr(type.dict, '__classdictcell__');
  if (classdictcell) {
    if (!(classdictcell instanceof PyCell)) typeError(`__classdictcell__ must be a nonlocal cell, not ${typeName(classdictcell)}`);
    const cell = classdictcell as PyCell;
    const old = cell.ref;
    cell.ref = incref(type.dict);
    if (rt.trace !== null) rt.trace.touch(cell);
    if (old) decref(old);
    dict.delItemStr(type.dict, '__classdictcell__');
  }
  typeModified();
  addSubclass(type);
  // __set_name__ on descriptors (type_new_set_names walks a copy of the class dict), then the parent's
  // __init_subclass__.
  const namesToSet = dict.copyDict(type.dict);
  try {
    for (const e of dict.entries(namesToSet)) {
      const setName = lookupType(e.value.ob_type, '__set_name__');
      if (setName && e.value.ob_type.heapType) decref(callDescriptor(setName, e.value, [type, e.key]));
    }
  } finally {
    decref(namesToSet);
  }
  const sup = superLookup(type, '__init_subclass__');
  if (sup) {
    const bound = descrGet(sup, null, type);
    try {
      decref(call(bound, kwargs.map((k) => k[1]), kwargs.length ? kwargs.map((k) => internStrBorrowed(k[0])) : null));
    } finally {
      decref(bound);
    }
  }
  return type;
}

/**
 * add_subclass (Objects/typeobject.c, from PyType_Ready): each base keeps a weak reference to the new class in its
 * tp_subclasses dict, keyed by the class's address (PyLong_FromVoidPtr). The dict is made on the base's first
 * subclass and freed when its last one goes (remove_subclass). The builtin types that already have subclasses
 * when a program starts keep theirs for the whole run: that dict is outside the simulated heap (the interpreter
 * state's, 3.12+), so its entries are kept on the type (startupSubclasses) and only the key and the weakref are
 * simulated objects.
 */
function addSubclass(type: PyType): void {
  for (const base of type.bases) {
    const key = newInt(type.address);
    const ref = basicWeakref(type);
    if (hasStartupSubclasses(base)) {
      (base.startupSubclasses ??= new Map()).set(type, [key, ref]);
      rt.trace?.touch(base);
      continue;
    }
    if (!base.subclasses) {
      base.subclasses = dict.newDictObject();
      rt.trace?.touch(base);
    }
    setItem(base.subclasses, key, ref);
    decref(ref);
    decref(key);
  }
}

/** remove_all_subclasses (type_dealloc): the bases drop their weak references to a class that goes. */
function removeSubclass(type: PyType): void {
  for (const base of type.bases) {
    const entry = base.startupSubclasses?.get(type);
    if (entry) {
      base.startupSubclasses!.delete(type);
      rt.trace?.touch(base);
      decref(entry[0]); // delitem_common: the key, then the value
      decref(entry[1]);
      continue;
    }
    const subclasses = base.subclasses;
    if (!subclasses) continue;
    const key = newInt(type.address);
    if (dict.getItem(subclasses, key)) dict.delItem(subclasses, key);
    decref(key);
    if (subclasses.map.size === 0) {
      base.subclasses = null;
      rt.trace?.touch(base);
      decref(subclasses);
    }
  }
}

/**
 * The builtin types that have subclasses before the program runs: a base of another builtin type (PyType_Ready
 * added it at startup), and those the modules loaded at startup subclass (namedtuples, OrderedDict, enum's
 * property...: type.__subclasses__ of each builtin type in the oracle's CPython, test/oracle/driver.py).
 */
function hasStartupSubclasses(base: PyType): boolean {
  if (base.heapType) return false;
  if (STARTUP_SUBCLASSED.has(base.name) || (rt.v >= 313 && base.name === 'bytes')) return true;
  for (const t of allTypes) if (!t.heapType && t.bases.includes(base)) return true;
  return false;
}

const STARTUP_SUBCLASSED = new Set(['object', 'type', 'int', 'str', 'tuple', 'list', 'dict', 'property', 'classmethod', 'staticmethod']);

/** type_clear (Objects/typeobject.c): the collector breaks a class's cycles by emptying its dict and dropping
 *  its MRO tuple. */
export function typeGcClear(o: PyObject): void {
  const ty = o as PyType;
  typeModified();
  if (ty.dict) dict.clear(ty.dict);
  if (ty.mroTuple) {
    const mro = ty.mroTuple;
    ty.mroTuple = null;
    decref(mro);
  }
}

/** tp_finalize of classes: calls __del__ (slot_tp_finalize). */
function callDel(o: PyObject): void {
  const del = lookupType(o.ob_type, '__del__');
  if (!del) return;
  decref(callDescriptor(del, o, []));
}

function internStrBorrowed(s: string): PyStr {
  const o = internStr(s);
  decref(o);
  return o;
}

function superLookup(type: PyType, name: string): PyObject | null {
  for (const t of type.mro.slice(1)) {
    const e = t.dict.map.get(name);
    if (e) return e.value;
  }
  return null;
}

function collectStrings(o: PyObject): string[] {
  const out: string[] = [];
  iterate(o, (x) => {
    if (!(x instanceof PyStr)) {
      const name = typeName(x);
      decref(x);
      typeError(`__slots__ items must be strings, not '${name}'`);
    }
    out.push(x.value);
    decref(x);
  });
  return out;
}

/**
 * _PyObject_MakeTpCall (Objects/call.c): a class made by a class statement has no tp_vectorcall, and `type`'s
 * (type_vectorcall) handles only type(x), so calling either packs the positional arguments in a tuple and the
 * keyword ones in a dict for tp_call; both are freed when the call returns.
 */
function typeCall(self: PyObject, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const type = self as PyType;
  if (type === rt.t.type && args.length === 1 && !kwnames) return incref(args[0].ob_type);
  if (!type.heapType && type !== rt.t.type) return typeCallImpl(type, args, kwnames);
  const nkw = kwnames ? kwnames.length : 0;
  const argsTuple = newTupleFromArray(args.slice(0, args.length - nkw).map(incref));
  rt.trace?.hold('tp_call arguments', argsTuple);
  let kwdict: PyDict | null = null;
  if (nkw) {
    kwdict = dict.newDictObject(); // _PyStack_AsDict
    for (let i = 0; i < nkw; i++) setItem(kwdict, kwnames![i], args[args.length - nkw + i]);
    rt.trace?.hold('tp_call keyword arguments', kwdict);
  }
  try {
    return typeCallImpl(type, args, kwnames);
  } finally {
    rt.trace?.release(argsTuple);
    decref(argsTuple);
    if (kwdict) {
      rt.trace?.release(kwdict);
      decref(kwdict);
    }
  }
}

/**
 * _PyObject_Call_Prepend (slot_tp_new, slot_tp_init): a Python __new__ or __init__ called with the keyword
 * dict gets its keywords back as a tuple of names (_PyStack_UnpackDict), made for the call.
 */
function withKwnamesTuple<T>(kwnames: PyStr[] | null, body: () => T): T {
  if (!kwnames || !kwnames.length) return body();
  const names = newTupleFromArray(kwnames.map(incref));
  rt.trace?.hold('keyword names', names);
  try {
    return body();
  } finally {
    rt.trace?.release(names);
    decref(names);
  }
}

/** type_call: __new__, then __init__ when __new__ returned an instance of the class. */
function typeCallImpl(type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const newm = lookupType(type, '__new__');
  let obj: PyObject;
  if (newm instanceof PyWrapper && newm.callable instanceof PyFunction) {
    const fn = newm.callable;
    obj = withKwnamesTuple(kwnames, () => call(fn, [type, ...args], kwnames));
  } else {
    const tpNew = findSlot(type, 'tp_new');
    if (!tpNew) typeError(`cannot create '${type.name}' instances`);
    obj = tpNew!(type, args, kwnames);
  }
  if (!(obj.ob_type === type || obj.ob_type.mro.includes(type))) return obj;
  const init = lookupType(obj.ob_type, '__init__');
  if (init && !(init instanceof PyBuiltin)) {
    let r: PyObject;
    try {
      r = withKwnamesTuple(kwnames, () => callDescriptor(init, obj, args, kwnames));
    } catch (e) {
      decref(obj);
      throw e;
    }
    if (r !== rt.None) {
      const name = typeName(r);
      decref(r);
      decref(obj);
      typeError(`__init__() should return None, not '${name}'`);
    }
    decref(r);
  } else {
    const tpInit = findSlot(obj.ob_type, 'tp_init');
    if (tpInit) {
      try {
        tpInit(obj, args, kwnames);
      } catch (e) {
        decref(obj);
        throw e;
      }
    }
  }
  return obj;
}

/** type_getattro: meta data descriptors, then the class's own MRO, then meta attributes. */
function typeGetattro(self: PyObject, name: PyStr): PyObject | null {
  const type = self as PyType;
  const meta = type.ob_type;
  const n = name.value;
  const metaAttr = lookupType(meta, n);
  if (metaAttr && findSlot(metaAttr.ob_type, 'tp_descr_set')) return descrGet(metaAttr, type, meta);
  // type's own data descriptors (__dict__, __name__, ...) come before the class's attributes: a class's
  // '__dict__' entry is the descriptor for its instances, not the class's namespace.
  if (TYPE_DATA_DESCRIPTORS.has(n)) {
    const special = typeSpecial(type, n);
    if (special) return special;
  }
  if (rt.v >= 314 && (n === '__annotations__' || n === '__annotate__')) {
    if (!type.heapType) return null;
    return n === '__annotations__' ? typeGetAnnotations(type) : typeGetAnnotate(type);
  }
  if (n === '__annotations__' && type.heapType) {
    // type_get_annotations (3.10-3.13): the class's own, else a new empty dict kept in the class's dict
    const own = dict.getItemStr(type.dict, '__annotations__');
    if (own) return descrGet(own, null, type);
    const d = newDict();
    dict.setItemStr(type.dict, '__annotations__', d);
    return d;
  }
  const attr = lookupType(type, n);
  if (attr) return descrGet(attr, null, type);
  if (metaAttr) return descrGet(metaAttr, type, meta);
  const special = typeSpecial(type, n);
  if (special) return special;
  if (meta.heapType) {
    const ga = lookupType(meta, '__getattr__');
    if (ga) return callDescriptor(ga, type, [name]);
  }
  return null;
}

/** type_get_annotations (3.14): the class's own `__annotations__` (future import) or cached dict, else
 *  `__annotate__(VALUE)` (or a new empty dict), kept as `__annotations_cache__`. Never a base's. */
function typeGetAnnotations(type: PyType): PyObject {
  const own = dict.getItemStr(type.dict, '__annotations__') ?? dict.getItemStr(type.dict, '__annotations_cache__');
  if (own) return descrGet(own, null, type);
  const annotate = typeGetAnnotate(type);
  let annotations: PyObject;
  try {
    annotations = isCallable(annotate) ? callAnnotate(annotate) : newDict();
  } finally {
    decref(annotate);
  }
  dict.setItemStr(type.dict, '__annotations_cache__', annotations);
  return annotations;
}

/** type_get_annotate (3.14): `__annotate__` or `__annotate_func__` from the class's own dict, else None
 *  (remembered as `__annotate_func__`). */
function typeGetAnnotate(type: PyType): PyObject {
  const own = dict.getItemStr(type.dict, '__annotate__') ?? dict.getItemStr(type.dict, '__annotate_func__');
  if (own) return descrGet(own, null, type);
  dict.setItemStr(type.dict, '__annotate_func__', rt.None);
  return incref(rt.None);
}

/** type_set_annotations / type_set_annotate (3.14). */
function typeSetAnnotations(type: PyType, n: string, value: PyObject | null): void {
  if (n === '__annotate__') {
    if (!value) typeError('cannot delete __annotate__ attribute');
    if (value !== rt.None && !isCallable(value!)) typeError('__annotate__ must be callable or None');
    dict.setItemStr(type.dict, '__annotate_func__', value!);
    if (value !== rt.None) dict.delItemStr(type.dict, '__annotations_cache__');
  } else {
    if (value) dict.setItemStr(type.dict, '__annotations_cache__', value);
    else if (!dict.delItemStr(type.dict, '__annotations_cache__')) raise(excType('AttributeError'), '__annotations__');
    dict.delItemStr(type.dict, '__annotate_func__');
    dict.delItemStr(type.dict, '__annotate__');
  }
  typeModified();
}

const TYPE_DATA_DESCRIPTORS = new Set(['__dict__', '__name__', '__qualname__', '__bases__', '__base__', '__mro__']);

/** The attributes every class has (type's getset descriptors). */
function typeSpecial(type: PyType, n: string): PyObject | null {
  switch (n) {
    case '__name__': return type.htName ? incref(type.htName) : newStr(type.name);
    case '__qualname__': return type.htQualname ? incref(type.htQualname) : newStr(type.qualname);
    case '__module__': return newStr(type.module);
    case '__bases__': return type.basesTuple ? incref(type.basesTuple) : newTuple(type.bases.map((b) => incref(b)));
    case '__base__': return incref(type.base ?? rt.None);
    case '__mro__': return type.mroTuple ? incref(type.mroTuple) : newTuple(type.mro.map((b) => incref(b)));
    case '__dict__': return mappingProxy(type.dict);
    case '__doc__': return incref(rt.None);
    case '__class__': return incref(type.ob_type);
    default: return null;
  }
}

export function mappingProxy(d: PyDict): PyObject {
  const p = alloc(new (class extends PyObject { constructor(t: PyType, public mapping: PyDict) { super(t); } })(rt.t.mappingproxy, incref(d)), 3 * rt.version.ptr);
  return p;
}

function typeSetattro(self: PyObject, name: PyStr, value: PyObject | null): void {
  const type = self as PyType;
  if (!type.heapType) typeError(`cannot set '${name.value}' attribute of immutable type '${type.name}'`);
  const metaAttr = lookupType(type.ob_type, name.value);
  if (metaAttr && findSlot(metaAttr.ob_type, 'tp_descr_set')) {
    findSlot(metaAttr.ob_type, 'tp_descr_set')!(metaAttr, type, value);
    return;
  }
  if (rt.v >= 314 && (name.value === '__annotations__' || name.value === '__annotate__')) {
    typeSetAnnotations(type, name.value, value);
    return;
  }
  // type_set_name: tp_name becomes the new name's UTF-8 form (its UTF-8 copy made), ht_name the object.
  if (name.value === '__name__' && value instanceof PyStr) {
    type.name = value.value;
    fillUtf8(value);
    const old = type.htName;
    type.htName = incref(value);
    if (old) decref(old);
    typeModified();
    return;
  }
  if (name.value === '__qualname__' && value instanceof PyStr) {
    type.qualname = value.value;
    const old = type.htQualname;
    type.htQualname = incref(value);
    if (old) decref(old);
    return;
  }
  if (value) dict.setItemStr(type.dict, name.value, value);
  else if (!dict.delItemStr(type.dict, name.value)) raiseAttributeError(type, name.value);
  typeModified();
  if (name.value === '__del__') updateFinalizeSlot(type);
}

/** update_slot for __del__ (Objects/typeobject.c): tp_finalize follows the MRO's __del__, in the class and
 *  every class that inherits from it. */
function updateFinalizeSlot(type: PyType): void {
  for (const t of allTypes) {
    if (!t.heapType || !t.mro.includes(type)) continue;
    if (lookupType(t, '__del__')) t.slots.tp_finalize = callDel;
    else if (t.slots.tp_finalize === callDel) t.slots.tp_finalize = undefined;
  }
}

function typeRepr(self: PyObject): PyObject {
  const type = self as PyType;
  if (type.module === 'builtins') return newStr(`<class '${type.qualname}'>`);
  return newStr(`<class '${type.module}.${type.qualname}'>`);
}

/** builtins.__build_class__(func, name, *bases, metaclass=None, **kwds). */
function buildClass(args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  if (pos.length < 2) typeError('__build_class__: not enough arguments');
  const func = pos[0];
  const nameObj = pos[1];
  if (!(func instanceof PyFunction)) typeError('__build_class__: func must be a function');
  if (!(nameObj instanceof PyStr)) typeError('__build_class__: name is not a string');
  const origBases = pos.slice(2);
  let meta: PyObject | null = null;
  const kwargs: [string, PyObject][] = [];
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i].value;
    if (k === 'metaclass') meta = args[pos.length + i];
    else kwargs.push([k, args[pos.length + i]]);
  }
  // update_bases (PEP 560): a base that is not a class may stand for others through __mro_entries__.
  const held: PyObject[] = [];
  let origTuple: PyTuple | null = null;
  try {
    let bases: PyObject[] = [];
    for (let i = 0; i < origBases.length; i++) {
      const b = origBases[i];
      if (b instanceof PyType) { bases.push(b); continue; }
      const me = getAttrOpt(b, '__mro_entries__');
      if (!me) { bases.push(b); continue; }
      origTuple ??= newTuple(origBases.map(incref));
      let entries: PyObject;
      try {
        entries = call(me, [origTuple]);
      } finally {
        decref(me);
      }
      held.push(entries);
      if (!(entries instanceof PyTuple)) typeError('__mro_entries__ must return a tuple');
      bases = [...bases, ...(entries as PyTuple).items];
    }
    return buildClassWithBases(func as PyFunction, nameObj as PyStr, bases, origTuple, meta, kwargs);
  } finally {
    for (const h of held) decref(h);
    if (origTuple) decref(origTuple);
  }
}

function buildClassWithBases(func: PyFunction, nameObj: PyStr, bases: PyObject[], origBases: PyTuple | null, meta: PyObject | null, kwargs: [string, PyObject][]): PyObject {
  const baseTypes: PyType[] = [];
  for (const b of bases) {
    if (!(b instanceof PyType)) typeError(`bases must be types`);
    baseTypes.push(b as PyType);
  }
  // The most derived metaclass of the explicit one and the bases' (calculate_metaclass).
  let winner: PyObject = meta ?? (baseTypes.length ? baseTypes[0].ob_type : rt.t.type);
  if (winner instanceof PyType) {
    for (const b of baseTypes) {
      const bm = b.ob_type;
      if (isSubtype(winner as PyType, bm)) continue;
      if (isSubtype(bm, winner as PyType)) { winner = bm; continue; }
      typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
  }
  const prepare = winner instanceof PyType ? lookupType(winner, '__prepare__') : null;
  let ns: PyDict;
  if (prepare && winner instanceof PyType && winner.heapType && !(prepare instanceof PyBuiltin)) {
    const bound = descrGet(prepare, winner, winner);
    const prepBases = newTuple(bases.map(incref));
    try {
      ns = call(bound, [nameObj, prepBases]) as PyDict;
    } finally {
      decref(prepBases);
      decref(bound);
    }
  } else {
    ns = dict.newDictObject();
  }
  try {
    if (origBases) {
      if (ns.ob_type === rt.t.dict) dict.setItemStr(ns, '__orig_bases__', origBases);
      else {
        setItem(ns, internStrBorrowed('__orig_bases__'), origBases);
      }
    }
    // Run the class body with the namespace as its locals.
    const body = func;
    const frame = new Frame(body.code, body.globals, rt.builtins, ns, incref(body));
    const cell = evalFrame(frame, null);
    const basesTuple = newTuple(bases.map(incref));
    let cls: PyObject;
    try {
      const kwn = kwargs.map((k) => internStrBorrowed(k[0]));
      cls = call(winner, [nameObj, basesTuple, ns, ...kwargs.map((k) => k[1])], kwn.length ? kwn : null);
    } finally {
      decref(basesTuple);
    }
    if (cell instanceof PyCell && cell.ref !== cls) {
      if (cell.ref === null) {
        // type_new stores the class in __classcell__; a custom metaclass that drops it gets this error.
      }
    }
    decref(cell);
    return cls;
  } finally {
    decref(ns);
  }
}

/** type(name, bases, dict) and metaclass calls reach here. */
function typeTpNew(meta: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  if (pos.length === 1 && meta === rt.t.type && !nkw) return incref(pos[0].ob_type);
  if (pos.length !== 3) typeError('type() takes 1 or 3 arguments');
  const [name, bases, ns] = pos;
  if (!(name instanceof PyStr)) typeError(`type.__new__() argument 1 must be str, not ${typeName(name)}`);
  if (!(bases instanceof PyTuple)) typeError(`type.__new__() argument 2 must be tuple, not ${typeName(bases)}`);
  if (!(ns instanceof PyDict)) typeError(`type.__new__() argument 3 must be dict, not ${typeName(ns)}`);
  const kwargs: [string, PyObject][] = [];
  for (let i = 0; i < nkw; i++) kwargs.push([kwnames![i].value, args[pos.length + i]]);
  return typeNew(meta, (name as PyStr).value, (bases as PyTuple).items as PyType[], ns as PyDict, kwargs, name as PyStr, bases as PyTuple);
}

/** dir(): the sorted attribute names of an object (object.__dir__ / type.__dir__). */
export function dirOf(o: PyObject): PyObject {
  const names = new Set<string>();
  const addDict = (d: PyDict | null | undefined): void => {
    if (!d) return;
    for (const e of dict.entries(d)) if (e.key instanceof PyStr) names.add(e.key.value);
  };
  if (o instanceof PyType) {
    for (const t of o.mro) addDict(t.dict);
  } else {
    addDict((o as { dict?: PyDict | null }).dict);
    const values = (o as { values?: Map<string, PyObject> | null }).values;
    if (values) for (const k of values.keys()) names.add(k);
    for (const t of o.ob_type.mro) addDict(t.dict);
  }
  if (o instanceof PyInstance && o.slotValues) for (const k of o.slotValues.keys()) names.add(k);
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return newList(sorted.map((n) => newStr(n)));
}

export function install(t: TypeTable): void {
  const type = t.type;
  type.slots.tp_call = typeCall;
  type.slots.tp_getattro = typeGetattro;
  type.slots.tp_setattro = typeSetattro;
  type.slots.tp_repr = typeRepr;
  type.slots.tp_new = typeTpNew;
  type.slots.tp_init = () => undefined;
  // type_dealloc: what a class holds goes with it.
  type.slots.tp_clear = (self) => {
    const ty = self as PyType;
    allTypes.delete(ty);
    if (ty.heapType) removeSubclass(ty);
    const d = ty.dict;
    if (d) decref(d);
    if (ty.mroTuple) decref(ty.mroTuple);
    if (ty.basesTuple) {
      decref(ty.basesTuple);
      decref(ty.base!);
    }
    ty.mroTuple = ty.basesTuple = null;
    // tp_subclasses goes after the others (type_dealloc); its subclasses, still alive, hold this class through tp_bases.
    if (ty.subclasses) {
      const subclasses = ty.subclasses;
      ty.subclasses = null;
      decref(subclasses);
    }
    if (ty.htName) decref(ty.htName);
    if (ty.htQualname) decref(ty.htQualname);
    ty.htName = ty.htQualname = null;
  };
  // type_clear, what the collector calls: empties the dict and drops tp_mro; the rest goes at dealloc.
  type.gcClear = typeGcClear;
  // type_traverse: tp_dict, tp_mro, tp_bases, tp_base.
  type.slots.tp_traverse = (self, visit) => {
    const ty = self as PyType;
    visit(ty.dict);
    if (ty.mroTuple) visit(ty.mroTuple);
    if (ty.basesTuple) {
      visit(ty.basesTuple);
      visit(ty.base!);
    }
  };
  // type___sizeof___impl (Objects/typeobject.c): a class is a PyHeapTypeObject plus its shared keys.
  method(type, '__sizeof__', (_a, _k, self) => {
    const ty = self as PyType;
    if (!ty.heapType) return newInt(typeObjectSize());
    return newInt(heapTypeObjectSize() + (ty.cachedKeys ? sharedKeysSize() : 0));
  });
  method(type, 'mro', (_a, _k, self) => newList((self as PyType).mro.map((b) => incref(b))));
  method(type, '__subclasses__', (_a, _k, self) => {
    const out: PyObject[] = [];
    for (const ty of allTypes) if (ty.bases.includes(self as PyType)) out.push(incref(ty));
    return newList(out);
  });
  method(type, '__instancecheck__', (args, _k, self) => {
    return newBool(args[0].ob_type.mro.includes(self as PyType));
  });
  method(type, '__subclasscheck__', (args, _k, self) => {
    return newBool(args[0] instanceof PyType && isSubtype(args[0], self as PyType));
  });
  method(type, '__prepare__', () => dict.newDictObject());
  void repr;
  void genericSetAttr;
}

/** The builtins.__build_class__ function object. */
export function makeBuildClass(): PyObject {
  return builtinFunction('__build_class__', buildClass);
}
