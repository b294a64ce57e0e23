// Helpers for the modules written in the simulator: static types the way C extension modules define them
// (PyTypeObject with slots and methods), module functions, and argument helpers shared by several modules.
import { allTypes, excType, isRaised, typeName } from '../abstract';
import { PyModule, PyObject, PyStr, PyType, type NativeFn } from '../objects';
import { decref, incref, newDict, newStr, placeStatic, raise, rt } from '../runtime';
import { addSlotWrappers as commonSlotWrappers } from '../types/common';
import * as dict from '../types/dict';
import { addSlotWrappers as objectSlotWrappers } from '../types/object';
import { builtinFunction } from '../types/util';
import { importName } from './index';

export interface TypeOptions {
  /** __module__ shown in the repr (`<class 'collections.deque'>`). */
  module: string;
  base?: PyType;
  /** tp_basicsize on 64-bit. */
  size?: number;
  gc?: boolean;
  /** Py_TPFLAGS_BASETYPE: classes may derive from it. */
  baseType?: boolean;
  /** Instances of the type itself have a __dict__ (tp_dictoffset) and accept weak references. */
  instanceDict?: boolean;
  weakrefable?: boolean;
  qualname?: string;
}

/** A static type of an extension module: like the builtin types, immortal from 3.12, else a large refcount. */
export function newStaticType(name: string, opts: TypeOptions): PyType {
  const base = opts.base ?? rt.t.object;
  const t = new PyType(rt.t.type, name, base);
  t.mro = [t, ...base.mro];
  t.dict = newDict();
  t.module = opts.module;
  t.qualname = opts.qualname ?? name;
  t.basicsize = opts.size ?? base.basicsize;
  t.itemsize = base.itemsize;
  t.hasGC = opts.gc ?? base.hasGC;
  t.baseType = opts.baseType ?? false;
  t.instanceDict = opts.instanceDict ?? false;
  t.weakrefable = opts.weakrefable ?? false;
  placeStatic(t, rt.t.type.basicsize);
  if (rt.v >= 312) t.immortal = true;
  else t.ob_refcnt = 1 << 28;
  allTypes.add(t);
  const mod = newStrFor(opts.module);
  dict.setItemStr(t.dict, '__module__', mod);
  decref(mod);
  return t;
}

function newStrFor(s: string): PyObject {
  return newStr(s);
}

/** Adds the dunder wrappers of the slots set so far (`__iter__`, `__next__`, `__repr__`, `__new__`...). */
export function finishType(t: PyType): void {
  commonSlotWrappers(t);
  objectSlotWrappers(t);
}

/** Adds a function to a module (builtin_function_or_method whose __self__ is the module). */
export function moduleFunction(m: PyModule, name: string, fn: NativeFn): void {
  const f = builtinFunction(name, fn, m);
  dict.setItemStr(m.dict, name, f);
  decref(f);
}

/** Stores a value in a module's dict (borrowed). */
export function moduleValue(m: PyModule, name: string, v: PyObject): void {
  dict.setItemStr(m.dict, name, v);
}

/** Stores a new reference in a module's dict (the reference is consumed). */
export function moduleValueNew(m: PyModule, name: string, v: PyObject): void {
  dict.setItemStr(m.dict, name, v);
  decref(v);
}

/** Splits vectorcall arguments into positional ones and keyword (name, value) pairs. */
export function splitArgs(args: PyObject[], kwnames: PyStr[] | null): [PyObject[], [string, PyObject][]] {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  const kws: [string, PyObject][] = [];
  for (let i = 0; i < nkw; i++) kws.push([kwnames![i].value, args[pos.length + i]]);
  return [pos, kws];
}

export function typeError(msg: string): never {
  return raise(excType('TypeError'), msg);
}

export function valueError(msg: string): never {
  return raise(excType('ValueError'), msg);
}

/** Runs f, turning a StopIteration raised inside into null (for iterators built on other iterators). */
export function swallow(e: unknown, type: string): boolean {
  if (isRaised(e, excType(type))) {
    decref(e.exc);
    return true;
  }
  return false;
}

/** The instance's type name as CPython's messages give it. */
export function tn(o: PyObject): string {
  return typeName(o);
}

/** import name (a new reference to the module), as PyImport_ImportModule. */
export function importModule(name: string): PyObject {
  return importName(name, rt.builtins, rt.None, 0);
}

export { incref };
