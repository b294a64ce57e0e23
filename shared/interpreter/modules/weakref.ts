// Weak references (Objects/weakrefobject.c): weakref.ref and proxies, kept in each object's weakref list in
// CPython's order (the callback-less ref and proxy first, newer callback refs in front of older ones), cleared
// when the object dies, with their callbacks called in that order (PyObject_ClearWeakRefs).
import { addressHex, call, EQ, excType, findSlot, getAttr, getItem, getIter, hash, isInstance, isTrue, length, lookupType, NE, richCompare, setAttr, str, typeName } from '../abstract';
import { PyModule, PyObject, PyStr, PyType, PyWeakref } from '../objects';
import { alloc, deallocHooks, decref, incref, newBool, newInt, newList, newStr, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { reportUnraisable } from '../errors';
import { builtinFunction, exactArgs } from '../types/util';
import { computeLinearMro } from '../typetable';
import { addSlotWrappers } from '../types/object';

/** Whether objects of this type accept weak references (tp_weaklistoffset). */
function weakrefable(t: PyType): boolean {
  if (t.heapType) return t.weakrefable;
  const names = ['function', 'type', 'set', 'frozenset', 'generator', 'method', 'code', 'weakref', 'builtin_function_or_method', 'property', 'module', 'frame'];
  return t.mro.some((b) => names.includes(b.name) || b.weakrefable);
}

function list(o: PyObject): PyObject[] {
  return (o.weakrefs ??= []);
}

/** The callback-less reference (or proxy) of the object's list, which ref(obj) hands out again. */
function basicRef(o: PyObject, type: PyType): PyWeakref | null {
  for (const r of o.weakrefs ?? []) {
    if (r.ob_type === type && (r as PyWeakref).callback === null) return r as PyWeakref;
  }
  return null;
}

/** Inserts a new weakref where CPython does: basics at the head, callback refs after the basics. */
function insert(o: PyObject, r: PyWeakref): void {
  const l = list(o);
  if (r.callback === null) {
    l.unshift(r);
    return;
  }
  let at = 0;
  while (at < l.length && (l[at] as PyWeakref).callback === null) at++;
  l.splice(at, 0, r);
}

function remove(r: PyWeakref): void {
  const o = r.referent;
  if (!o || !o.weakrefs) return;
  const i = o.weakrefs.indexOf(r);
  if (i >= 0) o.weakrefs.splice(i, 1);
}

/**
 * PyObject_ClearWeakRefs: every weakref to o is cleared first, then the callbacks run, in list order, each
 * with its (now dead) weakref. `garbage`: weakrefs that are themselves garbage get no callback (gc).
 */
export function clearWeakrefs(o: PyObject, garbage: Set<PyObject> | null = null): void {
  const refs = o.weakrefs ?? [];
  o.weakrefs = null;
  const pending: [PyWeakref, PyObject][] = [];
  for (const r of refs as PyWeakref[]) {
    const cb = r.callback;
    r.callback = null;
    r.referent = null;
    if (cb && r.ob_refcnt > 0 && !(garbage && garbage.has(r))) pending.push([incref(r), cb]);
    else if (cb) decref(cb);
  }
  for (const [r, cb] of pending) {
    try {
      decref(call(cb, [r]));
    } catch (e) {
      reportUnraisable(e, cb);
    } finally {
      decref(cb);
      decref(r);
    }
  }
}

function makeType(name: string, base: PyType, module: string): PyType {
  const t = new PyType(rt.t.type, name, base);
  t.module = module;
  t.hasGC = true;
  t.basicsize = 8 * rt.version.ptr;
  t.mro = computeLinearMro(t);
  t.dict = dict.newDictObject();
  return t;
}

function newRef(type: PyType, obj: PyObject, callback: PyObject | null): PyObject {
  if (!weakrefable(obj.ob_type)) raise(excType('TypeError'), `cannot create weak reference to '${typeName(obj)}' object`);
  if (callback === rt.None) callback = null;
  if (callback === null && (type === rt.t.weakref)) {
    const existing = basicRef(obj, type);
    if (existing) return incref(existing);
  }
  const r = alloc(new PyWeakref(type, obj, callback ? incref(callback) : null), 8 * rt.version.ptr);
  insert(obj, r);
  return r;
}

/** PyWeakref_NewRef(obj, NULL): the object's basic weak reference (a new one if it has none). */
export function basicWeakref(obj: PyObject): PyObject {
  return newRef(rt.t.weakref, obj, null);
}

function referentOrRaise(p: PyObject): PyObject {
  const o = (p as PyWeakref).referent;
  if (!o) raise(excType('ReferenceError'), 'weakly-referenced object no longer exists');
  return o!;
}

export function installWeakrefTypes(m: PyModule): void {
  const ref = rt.t.weakref;
  ref.name = 'ReferenceType';
  ref.qualname = 'ReferenceType';
  ref.module = 'weakref';
  ref.slots.tp_new = (type, args) => {
    if (args.length < 1 || args.length > 2) raise(excType('TypeError'), `__new__ expected at most 2 arguments, got ${args.length}`);
    return newRef(type, args[0], args[1] ?? null);
  };
  ref.slots.tp_init = () => undefined;
  ref.slots.tp_call = (self, args, kw) => {
    exactArgs('weakref', args, 0, kw);
    return incref((self as PyWeakref).referent ?? rt.None);
  };
  ref.slots.tp_repr = (self) => {
    const r = self as PyWeakref;
    if (!r.referent) return newStr(`<weakref at ${addressHex(r)}; dead>`);
    const o = r.referent;
    const nameAttr = lookupType(o.ob_type, '__name__') ? null : null;
    void nameAttr;
    return newStr(`<weakref at ${addressHex(r)}; to '${o.ob_type.heapType && o.ob_type.module !== 'builtins' ? `${o.ob_type.module}.${o.ob_type.qualname}` : o.ob_type.name}' at ${addressHex(o)}>`);
  };
  ref.slots.tp_hash = (self) => {
    const r = self as PyWeakref & { hashCache?: number };
    if (r.hashCache !== undefined) return r.hashCache;
    if (!r.referent) raise(excType('TypeError'), 'weak object has gone away');
    r.hashCache = hash(r.referent!);
    return r.hashCache;
  };
  ref.slots.tp_richcompare = (a, b, op) => {
    if ((op !== EQ && op !== NE) || !isInstance(b, rt.t.weakref)) return incref(rt.NotImplemented);
    const x = (a as PyWeakref).referent;
    const y = (b as PyWeakref).referent;
    if (!x || !y) return newBool((a === b) === (op === EQ));
    return richCompare(x, y, op);
  };
  ref.slots.tp_clear = (self) => {
    const r = self as PyWeakref;
    remove(r);
    r.referent = null;
    const cb = r.callback;
    r.callback = null;
    if (cb) decref(cb);
  };
  ref.slots.tp_traverse = (self, visit) => {
    const cb = (self as PyWeakref).callback;
    if (cb) visit(cb);
  };
  ref.slots.tp_getattro = (self, name) => {
    if (name.value === '__callback__') return incref((self as PyWeakref).callback ?? rt.None);
    return null;
  };
  ref.weakrefable = true;
  addSlotWrappers(ref);

  // proxies: attribute access, calls and the common operations go to the referent while it lives.
  const proxyTypes: PyType[] = [];
  for (const [name, callable] of [['ProxyType', false], ['CallableProxyType', true]] as const) {
    const p = makeType(name, rt.t.object, 'weakref');
    p.baseType = false;
    p.slots.tp_getattro = (self, n) => getAttr(referentOrRaise(self), n);
    p.slots.tp_setattro = (self, n, v) => setAttr(referentOrRaise(self), n.value, v);
    p.slots.tp_repr = (self) => {
      const o = (self as PyWeakref).referent;
      return newStr(o ? `<weakproxy at ${addressHex(self)}; to '${o.ob_type.name}' at ${addressHex(o)}>` : `<weakproxy at ${addressHex(self)}; dead>`);
    };
    p.slots.tp_str = (self) => str(referentOrRaise(self));
    p.slots.tp_richcompare = (a, b, op) => richCompare(referentOrRaise(a), b instanceof PyWeakref && (b.ob_type === p) ? referentOrRaise(b) : b, op);
    p.slots.tp_hash = () => raise(excType('TypeError'), `unhashable type: 'weakref.${name}'`);
    p.slots.nb_bool = (self) => {
      return isTrue(referentOrRaise(self));
    };
    p.slots.sq_length = (self) => {
      return length(referentOrRaise(self));
    };
    p.slots.tp_iter = (self) => {
      return getIter(referentOrRaise(self));
    };
    p.slots.mp_subscript = (self, k) => {
      return getItem(referentOrRaise(self), k);
    };
    if (callable) p.slots.tp_call = (self, args, kw) => call(referentOrRaise(self), args, kw);
    p.slots.tp_clear = ref.slots.tp_clear;
    p.slots.tp_traverse = ref.slots.tp_traverse;
    addSlotWrappers(p);
    proxyTypes.push(p);
  }
  const d = m.dict;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  dict.setItemStr(d, 'ref', ref);
  dict.setItemStr(d, 'ReferenceType', ref);
  dict.setItemStr(d, 'ProxyType', proxyTypes[0]);
  dict.setItemStr(d, 'CallableProxyType', proxyTypes[1]);
  fn('proxy', (args) => {
    if (args.length < 1 || args.length > 2) raise(excType('TypeError'), `proxy expected at most 2 arguments, got ${args.length}`);
    const obj = args[0];
    if (!weakrefable(obj.ob_type)) raise(excType('TypeError'), `cannot create weak reference to '${typeName(obj)}' object`);
    const cb = args[1] && args[1] !== rt.None ? args[1] : null;
    const isCallable = findSlot(obj.ob_type, 'tp_call') !== undefined || lookupType(obj.ob_type, '__call__') !== null || obj.ob_type === rt.t.function;
    const type = proxyTypes[isCallable ? 1 : 0];
    if (!cb) {
      const existing = basicRef(obj, type);
      if (existing) return incref(existing);
    }
    const r = alloc(new PyWeakref(type, obj, cb ? incref(cb) : null), 8 * rt.version.ptr);
    insert(obj, r);
    return r;
  });
  fn('getweakrefcount', (args, kw) => {
    exactArgs('getweakrefcount', args, 1, kw);
    return newInt(args[0].weakrefs?.length ?? 0);
  });
  fn('getweakrefs', (args, kw) => {
    exactArgs('getweakrefs', args, 1, kw);
    return newList((args[0].weakrefs ?? []).map((r) => incref(r)));
  });
  deallocHooks.clearWeakrefs = (o, garbage) => clearWeakrefs(o, garbage ?? null);
}

