// The object protocols (Objects/abstract.c, Objects/object.c): attribute access, calls, comparisons,
// arithmetic dispatch, iteration, hashing, truth, repr. Conventions as in CPython's C API: functions return
// NEW references, take arguments as BORROWED references, and raise by throwing PyRaise.
import {
  PyBaseException, PyBuiltin, PyFunction, PyInstance, PyInt, PyMethod, PyObject, PyStr, PyTuple, PyType,
} from './objects';
import type { ImportState } from './modules/index';
import { decref, incref, internStr, newBool, raise, rt, SimulationStopped } from './runtime';
import { STDLIB_MODULE_NAMES } from './stdlibNames';

export const LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
const SWAPPED = [GT, GE, EQ, NE, LT, LE];
const CMP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='];

/** Hooks for operations defined in later layers (calling Python functions, running __del__, ...). */
export const hooks = {
  /** Calls a Python function object (vm.ts). Args are borrowed. */
  callFunction: null as unknown as (f: PyFunction, args: PyObject[], kwnames: PyStr[] | null) => PyObject,
};

export function typeName(o: PyObject): string {
  return o.ob_type.name;
}

/** PyCallable_Check */
export function isCallable(o: PyObject): boolean {
  return o instanceof PyBuiltin || findSlot(o.ob_type, 'tp_call') !== undefined || lookupType(o.ob_type, '__call__') !== null || o.ob_type === rt.t.function || o.ob_type === rt.t.method;
}

/** _PyType_Lookup: the attribute `name` found along type's MRO (borrowed), or null. */
export function lookupType(type: PyType, name: string): PyObject | null {
  const cached = type.cache.get(name);
  if (cached !== undefined) return cached;
  let found: PyObject | null = null;
  for (const t of type.mro) {
    const v = t.dict.map.get(name);
    if (v) { found = v.value; break; }
  }
  type.cache.set(name, found);
  return found;
}

/** Invalidates every type's lookup cache (a type's dict changed; subclasses may have cached through it). */
export function typeModified(): void {
  for (const o of allTypes) {
    o.cache.clear();
    o.deallocSlots = null;
  }
}
export const allTypes = new Set<PyType>();

// ---------------------------------------------------------------- calls

/** PyObject_Vectorcall. */
export function call(callable: PyObject, args: PyObject[], kwnames: PyStr[] | null = null): PyObject {
  if (callable instanceof PyFunction) return hooks.callFunction(callable, args, kwnames);
  if (callable instanceof PyBuiltin && callable.ob_type === rt.t.builtin_function_or_method) {
    return callable.fn(args, kwnames, callable.self);
  }
  if (callable instanceof PyMethod) {
    return call(callable.func, [callable.self, ...args], kwnames);
  }
  if (callable.ob_type.heapType) {
    // slot_tp_call: a class's own __call__ (a metaclass's, for calls of its classes) comes first.
    const own = lookupType(callable.ob_type, '__call__');
    if (own && !(own instanceof PyBuiltin)) return callDescriptor(own, callable, args, kwnames);
  }
  const slot = findSlot(callable.ob_type, 'tp_call');
  if (slot) return slot(callable, args, kwnames);
  const dunder = lookupType(callable.ob_type, '__call__');
  if (dunder) return callDescriptor(dunder, callable, args, kwnames);
  return raise(rt.t.exc.get('TypeError')!, `'${typeName(callable)}' object is not callable`);
}

/** Calls an attribute found on the type (a function/descriptor) as a method of self. */
export function callDescriptor(attr: PyObject, self: PyObject, args: PyObject[], kwnames: PyStr[] | null = null): PyObject {
  if (attr instanceof PyFunction) return call(attr, [self, ...args], kwnames);
  // A method descriptor or slot wrapper calls its C function with self directly, binding nothing.
  if (attr instanceof PyBuiltin && (attr.ob_type === rt.t.method_descriptor || attr.ob_type === rt.t.wrapper_descriptor)) {
    return attr.fn(args, kwnames, self);
  }
  const bound = descrGet(attr, self, self.ob_type);
  try {
    return call(bound, args, kwnames);
  } finally {
    decref(bound);
  }
}

/** Looks up a special method on the type (not the instance: _PyObject_LookupSpecial) and calls it. */
export function callSpecial(self: PyObject, name: string, args: PyObject[]): PyObject | null {
  const attr = lookupType(self.ob_type, name);
  if (!attr) return null;
  return callDescriptor(attr, self, args);
}

export function callMethod(self: PyObject, name: string, args: PyObject[], kwnames: PyStr[] | null = null): PyObject {
  const m = getAttrString(self, name);
  try {
    return call(m, args, kwnames);
  } finally {
    decref(m);
  }
}

export function findSlot<K extends keyof PyType['slots']>(type: PyType, slot: K): PyType['slots'][K] | undefined {
  for (const t of type.mro) {
    const s = t.slots[slot];
    if (s) return s;
  }
  return undefined;
}

/** The collector's tp_clear of a type: its own gcClear or tp_clear, else the nearest base's. */
export function gcClearOf(t: PyType): ((o: PyObject) => void) | null {
  for (const b of t.mro) {
    if (b.gcClear) return b.gcClear;
    if (b.slots.tp_clear) return b.slots.tp_clear;
  }
  return null;
}

// ---------------------------------------------------------------- attributes

/** The tp_descr_get of a descriptor, if it has one (functions bind, properties compute, ...). */
export function descrGet(descr: PyObject, obj: PyObject | null, type: PyType): PyObject {
  const get = findSlot(descr.ob_type, 'tp_descr_get');
  if (get) return get(descr, obj, type);
  const dunder = descr.ob_type.heapType ? lookupType(descr.ob_type, '__get__') : null;
  if (dunder) return callDescriptor(dunder, descr, [obj ?? rt.None, type]);
  return incref(descr);
}

function isDataDescriptor(descr: PyObject): boolean {
  if (findSlot(descr.ob_type, 'tp_descr_set')) return true;
  return descr.ob_type.heapType && (lookupType(descr.ob_type, '__set__') !== null || lookupType(descr.ob_type, '__delete__') !== null);
}

/** The instance dict of o, if it has one (borrowed). */
export function instanceDict(o: PyObject): import('./objects').PyDict | null {
  if (o instanceof PyInstance) return o.dict;
  const d = (o as { dict?: import('./objects').PyDict | null }).dict;
  return d ?? null;
}

export const dictHooks = {
  getItemStr: null as unknown as (d: import('./objects').PyDict, key: string) => PyObject | null,
  setItemStr: null as unknown as (d: import('./objects').PyDict, key: string, value: PyObject) => void,
  delItemStr: null as unknown as (d: import('./objects').PyDict, key: string) => boolean,
  newInstanceDict: null as unknown as (o: PyObject) => import('./objects').PyDict,
  materializeDict: null as unknown as (o: PyObject) => import('./objects').PyDict,
};

/** PyObject_GenericGetAttr; returns null instead of raising AttributeError when `suppress`. */
export function genericGetAttr(o: PyObject, name: string, suppress = false): PyObject | null {
  const type = o.ob_type;
  const descr = lookupType(type, name);
  if (descr && isDataDescriptor(descr)) return descrGet(descr, o, type);
  const d = instanceDict(o);
  if (d) {
    const v = dictHooks.getItemStr(d, name);
    if (v) return incref(v);
  } else if (o instanceof PyInstance && o.values) {
    const v = o.values.get(name);
    if (v) return incref(v);
  }
  if (descr) return descrGet(descr, o, type);
  if (suppress) return null;
  return raiseAttributeError(o, name);
}

export function raiseAttributeError(o: PyObject, name: string, message?: string): never {
  let msg: string;
  if (message !== undefined) msg = message;
  else if (o instanceof PyType) msg = `type object '${o.name}' has no attribute '${name}'`;
  else if (o.ob_type === rt.t.module) {
    const modname = dictHooks.getItemStr((o as import('./objects').PyModule).dict, '__name__');
    msg = moduleAttributeErrorMessage(modname instanceof PyStr ? modname.value : '?', name, o as PyObject & ImportState);
  } else msg = `'${typeName(o)}' object has no attribute '${name}'`;
  // set_attribute_error_context (Objects/object.c): the exception keeps the name and the object.
  const exc = newExceptionHook(excType('AttributeError'), msg);
  exc.name = internStr(name);
  exc.obj = incref(o);
  throw new PyRaiseHook(exc);
}

/** module_getattro's message (Objects/moduleobject.c): why a module may lack the name. */
function moduleAttributeErrorMessage(module: string, name: string, { initializing, shadowing, uninitializedSubmodules }: ImportState): string {
  const plain = `module '${module}' has no attribute '${name}'`;
  if (rt.v >= 313 && shadowing !== undefined) {
    // 3.13: a file in the program's folder may hide the module the program meant.
    if (STDLIB_MODULE_NAMES.has(module)) {
      return `${plain} (consider renaming '${shadowing}' since it has the same name as the standard library module named '${module}' and prevents importing that standard library module)`;
    }
    if (initializing) return `${plain} (consider renaming '${shadowing}' if it has the same name as a library you intended to import)`;
  }
  if (initializing) return `partially initialized ${plain} (most likely due to a circular import)`;
  // spec._uninitialized_submodules: the submodule is being imported, and is bound to its parent only after.
  if (uninitializedSubmodules?.includes(name)) {
    return `cannot access submodule '${name}' of module '${module}' (most likely due to a circular import)`;
  }
  return plain;
}

let newExceptionHook: (t: PyType, msg: string) => PyBaseException = null as never;
let PyRaiseHook: new (e: PyBaseException) => unknown = null as never;
export function setRaiseHooks(make: (t: PyType, msg: string) => PyBaseException, R: new (e: PyBaseException) => unknown): void {
  newExceptionHook = make;
  PyRaiseHook = R;
}

/** PyObject_GetAttr, honouring __getattribute__ / __getattr__ of classes. */
export function getAttr(o: PyObject, name: PyStr | string): PyObject {
  const n = typeof name === 'string' ? name : name.value;
  const type = o.ob_type;
  const getattro = findSlot(type, 'tp_getattro');
  if (getattro) {
    // A type's own getattro answers for what it knows; null falls back to the generic lookup (methods etc.).
    const v = getattro(o, typeof name === 'string' ? internStrBorrowed(name) : name);
    if (v) return v;
    if (o instanceof PyType) return raiseAttributeError(o, n);
    return genericGetAttr(o, n)!;
  }
  if (type.heapType) {
    const custom = lookupType(type, '__getattribute__');
    if (custom && !(custom instanceof PyBuiltin)) return callDescriptor(custom, o, [strArg(n)]);
    const getattr = lookupType(type, '__getattr__');
    if (getattr) {
      try {
        const v = genericGetAttr(o, n, true);
        if (v) return v;
      } catch (e) {
        if (!(e instanceof Object && 'exc' in e && isInstance((e as { exc: PyObject }).exc, excType('AttributeError')))) throw e;
        decref((e as { exc: PyObject }).exc);
      }
      return callDescriptor(getattr, o, [strArg(n)]);
    }
  }
  return genericGetAttr(o, n)!;
}

/** getattr(o, name, None)-style lookup: null when AttributeError. */
export function getAttrOpt(o: PyObject, name: string): PyObject | null {
  try {
    return getAttr(o, name);
  } catch (e) {
    if (e instanceof Object && 'exc' in e && isInstance((e as { exc: PyObject }).exc, excType('AttributeError'))) {
      decref((e as { exc: PyObject }).exc);
      return null;
    }
    throw e;
  }
}

export function getAttrString(o: PyObject, name: string): PyObject {
  return getAttr(o, name);
}

function strArg(n: string): PyStr {
  return internStrBorrowed(n);
}

/** An interned str for a name, borrowed from the intern table (the caller does not own it). */
export function internStrBorrowed(n: string): PyStr {
  const s = internStr(n);
  decref(s);
  return s;
}

/** PyObject_SetAttr (value null: delete). */
export function setAttr(o: PyObject, name: string, value: PyObject | null): void {
  const type = o.ob_type;
  if (type.heapType) {
    // slot_tp_setattro: a class's own __setattr__/__delattr__ (a metaclass's, for its classes) first.
    const custom = lookupType(type, value ? '__setattr__' : '__delattr__');
    if (custom && !(custom instanceof PyBuiltin)) {
      const r = callDescriptor(custom, o, value ? [strArg(name), value] : [strArg(name)]);
      decref(r);
      return;
    }
  }
  const setattro = findSlot(type, 'tp_setattro');
  if (setattro) return setattro(o, internStrBorrowed(name), value);
  genericSetAttr(o, name, value);
}

/** SHARED_KEYS_MAX_SIZE (Objects/dictobject.c). */
export const SHARED_KEYS_MAX_SIZE = 30;

/** Whether a class defines __setattr__/__delattr__ in Python (slot_tp_setattro then fills tp_setattro). */
function hasOwnSetattr(type: PyType, name: string): boolean {
  const f = lookupType(type, name);
  return f !== null && !(f instanceof PyBuiltin);
}

export function genericSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const type = o.ob_type;
  const descr = lookupType(type, name);
  if (descr) {
    const set = findSlot(descr.ob_type, 'tp_descr_set');
    if (set) return set(descr, o, value);
    if (descr.ob_type.heapType) {
      const dunder = lookupType(descr.ob_type, value ? '__set__' : '__delete__');
      if (dunder) {
        decref(callDescriptor(dunder, descr, value ? [o, value] : [o]));
        return;
      }
    }
  }
  if (o instanceof PyInstance && o.ob_type.slotNames.includes(name)) {
    const slots = (o.slotValues ??= new Map());
    const old = slots.get(name);
    if (value) {
      slots.set(name, incref(value));
    } else {
      // PyMember_SetOne (Python/structmember.c): deleting an unset slot raises AttributeError(name).
      if (!old) raise(excType('AttributeError'), name);
      slots.delete(name);
    }
    if (old) decref(old);
    return;
  }
  const d = instanceDict(o);
  if (!d && o instanceof PyInstance && o.ob_type.instanceDict && !(value && !o.values?.has(name) && !sharedKeysTake(o.ob_type, name))) {
    // Inline values (no dict object yet).
    const values = (o.values ??= new Map());
    const old = values.get(name);
    if (value) {
      // A new name takes the next index of the class's shared keys (insert_split_key; at most 30 keys).
      const keys = o.ob_type.sharedKeys;
      if (!keys.includes(name) && keys.length < SHARED_KEYS_MAX_SIZE) keys.push(name);
      values.set(name, incref(value));
    } else {
      if (!old) missingAttribute(o, name);
      values.delete(name);
    }
    if (old) decref(old);
    return;
  }
  if (!d && o instanceof PyInstance && o.ob_type.instanceDict) {
    // The class's shared keys are full: _PyObject_StoreInstanceAttribute makes the dict, whose insert resizes
    // it into a combined table of its own.
    const nd = dictHooks.materializeDict(o);
    dictHooks.setItemStr(nd, name, value!);
    return;
  }
  if (!d && o.ob_type.heapType && o.ob_type.instanceDict) {
    const nd = dictHooks.newInstanceDict(o);
    if (value) dictHooks.setItemStr(nd, name, value);
    else missingAttribute(o, name);
    return;
  }
  if (!d) {
    if (descr) return raise(excType('AttributeError'), `'${typeName(o)}' object attribute '${name}' is read-only`);
    if (o instanceof PyType) return raise(excType('TypeError'), `cannot set '${name}' attribute of immutable type '${o.name}'`);
    // _PyObject_GenericSetAttrWithDict (Objects/object.c): from 3.13 the message says why, when the type's
    // tp_setattro is PyObject_GenericSetAttr itself (a class's own __setattr__ or __delattr__ replaces it).
    // Only 3.13 gives this error the name and object (_PyObject_SetAttributeErrorContext) that suggestions read.
    const plain = `'${typeName(o)}' object has no attribute '${name}'`;
    if (rt.v < 313) return raise(excType('AttributeError'), plain);
    const generic =
      !findSlot(type, 'tp_setattro') &&
      !(type.heapType && (hasOwnSetattr(type, '__setattr__') || hasOwnSetattr(type, '__delattr__')));
    return raiseAttributeError(o, name, generic ? `${plain} and no __dict__ for setting new attributes` : plain);
  }
  if (value) dictHooks.setItemStr(d, name, value);
  else if (!dictHooks.delItemStr(d, name)) missingAttribute(o, name);
}

/** Deleting an attribute the instance lacks: AttributeError without the name and object (no suggestions). */
function missingAttribute(o: PyObject, name: string): never {
  return raise(excType('AttributeError'), `'${typeName(o)}' object has no attribute '${name}'`);
}

/** A new attribute name goes into the class's shared keys if they have room (types without them: yes). */
function sharedKeysTake(type: PyType, name: string): boolean {
  const keys = type.cachedKeys;
  if (!keys || keys.names.includes(name)) return true;
  if (keys.usable <= 0) return false;
  keys.names.push(name);
  keys.usable--;
  return true;
}

// ---------------------------------------------------------------- exceptions

export function excType(name: string): PyType {
  const t = rt.t.exc.get(name);
  if (!t) throw new Error(`no exception type ${name}`);
  return t;
}

export function isInstance(o: PyObject, t: PyType): boolean {
  return o.ob_type === t || o.ob_type.mro.includes(t);
}

export function isSubtype(a: PyType, b: PyType): boolean {
  return a === b || a.mro.includes(b);
}

/** Whether a thrown value is a Python exception of the given type. */
export function isRaised(e: unknown, t: PyType): e is { exc: PyBaseException } {
  return typeof e === 'object' && e !== null && 'exc' in e && isInstance((e as { exc: PyObject }).exc, t);
}

// ---------------------------------------------------------------- repr, str, hash, truth

export const reprHooks = {
  /** Per-type repr text for builtins (types/*.ts register). */
};

export function repr(o: PyObject): PyStr {
  const slot = findSlot(o.ob_type, 'tp_repr');
  if (o.ob_type.heapType) {
    const dunder = lookupType(o.ob_type, '__repr__');
    // A builtin under another name (`__repr__ = int.__str__`) is called; a builtin's own __repr__ is its slot.
    if (dunder && !(dunder instanceof PyBuiltin && dunder.name === '__repr__')) return checkStr(callDescriptor(dunder, o, []), '__repr__');
  }
  if (slot) return slot(o) as PyStr;
  return defaultRepr(o);
}

export function defaultRepr(o: PyObject): PyStr {
  const t = o.ob_type;
  const mod = t.module === 'builtins' ? '' : t.module + '.';
  return newStrValue(`<${mod}${t.qualname} object at ${addressHex(o)}>`);
}

export function addressHex(o: PyObject): string {
  return '0x' + o.address.toString(16).padStart(rt.version.ptr === 8 ? 12 : 8, '0');
}

function checkStr(r: PyObject, what: string): PyStr {
  if (!(r instanceof PyStr)) {
    const name = typeName(r);
    decref(r);
    return raise(excType('TypeError'), `${what} returned non-string (type ${name})`);
  }
  return r;
}

export function str(o: PyObject): PyStr {
  if (o.ob_type === rt.t.str) return incref(o as PyStr);
  if (o.ob_type.heapType) {
    const dunder = lookupType(o.ob_type, '__str__');
    // enum's IntEnum sets `__str__ = int.__repr__`: a builtin under another name is called, not skipped.
    if (dunder && !(dunder instanceof PyBuiltin && dunder.name === '__str__')) return checkStr(callDescriptor(dunder, o, []), '__str__');
  }
  const slot = findSlot(o.ob_type, 'tp_str');
  if (slot) return slot(o) as PyStr;
  return repr(o);
}

export function reprText(o: PyObject): string {
  const r = repr(o);
  const s = r.value;
  decref(r);
  return s;
}

export function strText(o: PyObject): string {
  const r = str(o);
  const s = r.value;
  decref(r);
  return s;
}

let newStrValue: (s: string) => PyStr = null as unknown as (s: string) => PyStr;
export function setNewStr(f: (s: string) => PyStr): void {
  newStrValue = f;
}

/** PyObject_Hash */
export function hash(o: PyObject): number {
  const t = o.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, '__hash__');
    if (dunder === rt.None) return raise(excType('TypeError'), `unhashable type: '${t.name}'`);
    if (dunder && !(dunder instanceof PyBuiltin)) {
      const r = callDescriptor(dunder, o, []);
      if (!(r instanceof PyInt)) {
        decref(r);
        return raise(excType('TypeError'), '__hash__ method should return an integer');
      }
      const v = r.value;
      decref(r);
      return hashOfInt(v);
    }
  }
  const slot = findSlot(t, 'tp_hash');
  if (!slot || lookupType(t, '__hash__') === rt.None) return raise(excType('TypeError'), `unhashable type: '${t.name}'`);
  return slot(o);
}

const MODULUS = 2n ** 61n - 1n;

/** Hash of an int (Python/pyhash.c: modulo 2**61 - 1, and -1 becomes -2). */
export function hashOfInt(v: number | bigint): number {
  if (typeof v === 'number' && Math.abs(v) < 2 ** 52) return v === -1 ? -2 : v;
  const b = BigInt(v);
  let h = (b < 0n ? -b : b) % MODULUS;
  if (b < 0n) h = -h;
  const n = Number(h);
  return n === -1 ? -2 : n;
}

/** PyObject_IsTrue */
export function isTrue(o: PyObject): boolean {
  if (o === rt.True) return true;
  if (o === rt.False || o === rt.None) return false;
  const t = o.ob_type;
  if (t.heapType) {
    const b = lookupType(t, '__bool__');
    if (b && !(b instanceof PyBuiltin)) {
      const r = callDescriptor(b, o, []);
      if (r !== rt.True && r !== rt.False) {
        decref(r);
        return raise(excType('TypeError'), `__bool__ should return bool, returned ${typeName(r)}`);
      }
      decref(r);
      return r === rt.True;
    }
    const l = lookupType(t, '__len__');
    if (l && !(l instanceof PyBuiltin)) return length(o) > 0;
  }
  const nb = findSlot(t, 'nb_bool');
  if (nb) return nb(o);
  const len = findSlot(t, 'sq_length');
  if (len) return len(o) > 0;
  return true;
}

/** PyObject_Size */
export function length(o: PyObject): number {
  const t = o.ob_type;
  if (t.heapType) {
    const l = lookupType(t, '__len__');
    if (l && !(l instanceof PyBuiltin)) {
      const r = callDescriptor(l, o, []);
      if (!(r instanceof PyInt)) {
        const name = typeName(r);
        decref(r);
        return raise(excType('TypeError'), `'${name}' object cannot be interpreted as an integer`);
      }
      const v = Number(r.value);
      decref(r);
      if (v < 0) return raise(excType('ValueError'), '__len__() should return >= 0');
      return v;
    }
  }
  const slot = findSlot(t, 'sq_length');
  if (!slot) return raise(excType('TypeError'), `object of type '${t.name}' has no len()`);
  return slot(o);
}

// ---------------------------------------------------------------- comparisons

/** PyObject_RichCompare: the reflected method first when the right operand's type is a subclass. */
export function richCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.ob_type;
  const tb = b.ob_type;
  let checkedReverse = false;
  if (ta !== tb && isSubtype(tb, ta) && hasCompare(tb)) {
    checkedReverse = true;
    const r = compareSlot(b, a, SWAPPED[op]);
    if (r !== rt.NotImplemented) return r;
    decref(r);
  }
  const r1 = compareSlot(a, b, op);
  if (r1 !== rt.NotImplemented) return r1;
  decref(r1);
  if (!checkedReverse) {
    const r2 = compareSlot(b, a, SWAPPED[op]);
    if (r2 !== rt.NotImplemented) return r2;
    decref(r2);
  }
  if (op === EQ) return newBool(a === b);
  if (op === NE) return newBool(a !== b);
  return raise(excType('TypeError'),
    `'${CMP_SYMBOL[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

const CMP_DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function hasCompare(t: PyType): boolean {
  return findSlot(t, 'tp_richcompare') !== undefined || t.heapType;
}

function compareSlot(a: PyObject, b: PyObject, op: number): PyObject {
  const t = a.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, CMP_DUNDER[op]);
    if (dunder && !(dunder instanceof PyBuiltin)) return callDescriptor(dunder, a, [b]);
    if (op === NE) {
      // object.__ne__ inverts __eq__ unless that is NotImplemented.
      const eq = lookupType(t, '__eq__');
      if (eq && !(eq instanceof PyBuiltin)) {
        const r = callDescriptor(eq, a, [b]);
        if (r === rt.NotImplemented) return r;
        const v = isTrue(r);
        decref(r);
        return newBool(!v);
      }
    }
  }
  const slot = findSlot(t, 'tp_richcompare');
  if (slot) return slot(a, b, op);
  return incref(rt.NotImplemented);
}

/** PyObject_RichCompareBool: identity implies equality (for containers). */
export function richCompareBool(a: PyObject, b: PyObject, op: number): boolean {
  if (a === b) {
    if (op === EQ) return true;
    if (op === NE) return false;
  }
  const r = richCompare(a, b, op);
  const v = r === rt.True ? true : r === rt.False ? false : isTrue(r);
  decref(r);
  return v;
}

// ---------------------------------------------------------------- iteration

export function getIter(o: PyObject): PyObject {
  const t = o.ob_type;
  if (t.heapType) {
    const it = lookupType(t, '__iter__');
    if (it === rt.None) return raise(excType('TypeError'), `'${t.name}' object is not iterable`);
    if (it && !(it instanceof PyBuiltin)) {
      const r = callDescriptor(it, o, []);
      if (!findSlot(r.ob_type, 'tp_iternext') && !lookupType(r.ob_type, '__next__')) {
        const name = typeName(r);
        decref(r);
        return raise(excType('TypeError'), `iter() returned non-iterator of type '${name}'`);
      }
      return r;
    }
  }
  const slot = findSlot(t, 'tp_iter');
  if (slot) return slot(o);
  if (lookupType(t, '__getitem__')) return iterHooks.seqIter(o);
  return raise(excType('TypeError'), `'${t.name}' object is not iterable`);
}

export const iterHooks = {
  seqIter: null as unknown as (o: PyObject) => PyObject,
};

/** PyIter_Next: the next item (new reference) or null when exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  // A builtin looping over a huge iterable runs no bytecode: the wall-clock budget is checked here too.
  if ((++rt.nativeIterations & 0xffff) === 0 && Date.now() > rt.deadline) {
    throw new SimulationStopped('wall-clock budget', rt.frame?.lineno ?? 0);
  }
  const t = it.ob_type;
  if (t.heapType) {
    const n = lookupType(t, '__next__');
    if (n && !(n instanceof PyBuiltin)) {
      try {
        return callDescriptor(n, it, []);
      } catch (e) {
        if (isRaised(e, excType('StopIteration'))) {
          decref(e.exc);
          return null;
        }
        throw e;
      }
    }
  }
  const slot = findSlot(t, 'tp_iternext');
  if (!slot) return raise(excType('TypeError'), `'${t.name}' object is not an iterator`);
  if (t !== rt.t.generator) return slot(it);
  try {
    return slot(it);
  } catch (e) {
    // A generator's return value arrives as StopIteration(value): for iteration that is just the end.
    if (isRaised(e, excType('StopIteration'))) {
      decref(e.exc);
      return null;
    }
    throw e;
  }
}

/** Collects an iterable's items (new references). */
export function iterate(o: PyObject, each: (item: PyObject) => void): void {
  const it = getIter(o);
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) each(x);
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------- numbers

export const seqHooks = {
  /** sq_concat / sq_repeat's messages for the builtin sequences (types/common.ts sequenceFallback). */
  fallback: (_a: PyObject, _b: PyObject, _op: 'add' | 'mul'): null => null,
};

export const BINARY_NAMES = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];
export const BINARY_SYMBOLS = ['+', '&', '//', '<<', '@', '*', '%', '|', '** or pow()', '>>', '-', '/', '^'];

function binarySlot(o: PyObject, name: string, reflected: boolean): ((a: PyObject, b: PyObject) => PyObject) | null {
  const t = o.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, reflected ? `__r${name}__` : `__${name}__`);
    if (dunder && !(dunder instanceof PyBuiltin)) {
      return (a, b) => (reflected ? callDescriptor(dunder, b, [a]) : callDescriptor(dunder, a, [b]));
    }
  }
  const nb = findSlot(t, 'nb');
  const f = nb?.[name];
  return f ?? null;
}

/** binary_op1 (Objects/abstract.c): a.__op__(b), then b.__rop__(a); a subclass's reflected method first. */
export function binaryOp(a: PyObject, b: PyObject, op: number): PyObject {
  const name = BINARY_NAMES[op];
  const slota = binarySlot(a, name, false);
  let slotb = a.ob_type !== b.ob_type ? binarySlot(b, name, true) : null;
  if (slota) {
    if (slotb && isSubtype(b.ob_type, a.ob_type)) {
      const r = slotb(a, b);
      if (r !== rt.NotImplemented) return r;
      decref(r);
      slotb = null;
    }
    const r = slota(a, b);
    if (r !== rt.NotImplemented) return r;
    decref(r);
  }
  if (slotb) {
    const r = slotb(a, b);
    if (r !== rt.NotImplemented) return r;
    decref(r);
  }
  if (op === 0 || op === 5) seqHooks.fallback(a, b, op === 0 ? 'add' : 'mul');
  return raise(excType('TypeError'),
    `unsupported operand type(s) for ${BINARY_SYMBOLS[op]}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** PyNumber_InPlace*: __iop__ first, then the binary operation. */
export function inplaceOp(a: PyObject, b: PyObject, op: number): PyObject {
  const name = BINARY_NAMES[op];
  const t = a.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, `__i${name}__`);
    if (dunder && !(dunder instanceof PyBuiltin)) {
      const r = callDescriptor(dunder, a, [b]);
      if (r !== rt.NotImplemented) return r;
      decref(r);
    }
  }
  const inplace = findSlot(t, 'nb_inplace')?.[name];
  if (inplace) {
    const r = inplace(a, b);
    if (r !== rt.NotImplemented) return r;
    decref(r);
  }
  try {
    return binaryOp(a, b, op);
  } catch (e) {
    if (isRaised(e, excType('TypeError')) && /^unsupported operand/.test(strText(e.exc.args.items[0] ?? rt.None))) {
      decref(e.exc);
      return raise(excType('TypeError'),
        `unsupported operand type(s) for ${BINARY_SYMBOLS[op].replace(' or pow()', '')}=: '${typeName(a)}' and '${typeName(b)}'`);
    }
    throw e;
  }
}

const UNARY_DUNDER = { neg: '__neg__', pos: '__pos__', invert: '__invert__', abs: '__abs__', int: '__int__', float: '__float__', index: '__index__' } as const;
const UNARY_SYMBOL = { neg: 'unary -', pos: 'unary +', invert: 'unary ~', abs: 'abs()', int: 'int()', float: 'float()', index: 'index' } as const;

export function unaryOp(a: PyObject, op: keyof typeof UNARY_DUNDER): PyObject {
  const t = a.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, UNARY_DUNDER[op]);
    if (dunder && !(dunder instanceof PyBuiltin)) return callDescriptor(dunder, a, []);
  }
  const slot = findSlot(t, 'nb_unary')?.[op];
  if (slot) return slot(a);
  return raise(excType('TypeError'), `bad operand type for ${UNARY_SYMBOL[op]}: '${typeName(a)}'`);
}

/** PyNumber_Index as a JS number or bigint. */
export function indexValue(o: PyObject, what?: string): number | bigint {
  if (o instanceof PyInt) return o.value;
  const t = o.ob_type;
  const dunder = t.heapType ? lookupType(t, '__index__') : null;
  if (dunder && !(dunder instanceof PyBuiltin)) {
    const r = callDescriptor(dunder, o, []);
    if (!(r instanceof PyInt)) {
      decref(r);
      return raise(excType('TypeError'), `__index__ returned non-int (type ${typeName(r)})`);
    }
    const v = r.value;
    decref(r);
    return v;
  }
  return raise(excType('TypeError'), what ?? `'${typeName(o)}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------- subscripts and containers

export function getItem(o: PyObject, key: PyObject): PyObject {
  const t = o.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, '__getitem__');
    if (dunder && !(dunder instanceof PyBuiltin)) return callDescriptor(dunder, o, [key]);
  }
  const slot = findSlot(t, 'mp_subscript');
  if (slot) return slot(o, key);
  if (o instanceof PyType) {
    const cgi = lookupType(o as PyType, '__class_getitem__');
    if (cgi) return callDescriptor(cgi, o, [key]);
    if (o === rt.t.type) return raise(excType('TypeError'), `type '${o.name}' is not subscriptable`);
    return raise(excType('TypeError'), `type '${o.name}' is not subscriptable`);
  }
  return raise(excType('TypeError'), `'${t.name}' object is not subscriptable`);
}

export function setItem(o: PyObject, key: PyObject, value: PyObject | null): void {
  const t = o.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, value ? '__setitem__' : '__delitem__');
    if (dunder && !(dunder instanceof PyBuiltin)) {
      decref(callDescriptor(dunder, o, value ? [key, value] : [key]));
      return;
    }
  }
  const slot = findSlot(t, 'mp_ass_subscript');
  if (slot) return slot(o, key, value);
  if (value) return raise(excType('TypeError'), `'${t.name}' object does not support item assignment`);
  return raise(excType('TypeError'), `'${t.name}' object does not support item deletion`);
}

/** PySequence_Contains: __contains__, else iterate and compare. */
export function contains(container: PyObject, item: PyObject): boolean {
  const t = container.ob_type;
  if (t.heapType) {
    const dunder = lookupType(t, '__contains__');
    if (dunder && !(dunder instanceof PyBuiltin)) {
      const r = callDescriptor(dunder, container, [item]);
      const v = isTrue(r);
      decref(r);
      return v;
    }
  }
  const slot = findSlot(t, 'sq_contains');
  if (slot) return slot(container, item);
  let found = false;
  const it = getIter(container);
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) {
      const eq = richCompareBool(x, item, EQ);
      decref(x);
      if (eq) { found = true; break; }
    }
  } finally {
    decref(it);
  }
  return found;
}

export function tupleItems(o: PyObject): PyObject[] {
  return (o as PyTuple).items;
}
