// Helpers for defining builtin types' methods and parsing their arguments, so each types/*.ts file stays a
// plain list of methods written against the C API conventions (new references out, borrowed in).
import { excType, typeName } from '../abstract';
import { PyBuiltin, PyWrapper, type NativeFn, type PyObject, type PyStr, type PyType } from '../objects';
import { alloc, decref, incref, internStr, newTuple, newTupleFromArray, raise, rt } from '../runtime';
import { setItemStrNew } from './dict';
import { calculateSuggestion } from '../suggestions';

/** The dunder names of slotdefs (Objects/typeobject.c): a builtin type's slot shows in its dict as a slot
 *  wrapper (wrapper_descriptor) under these names; __new__ is apart (tp_new_wrapper, a builtin method). */
const SLOT_NAMES = new Set([
  '__getattribute__', '__getattr__', '__setattr__', '__delattr__', '__repr__', '__hash__', '__call__', '__str__',
  '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__', '__iter__', '__next__', '__get__', '__set__',
  '__delete__', '__init__', '__del__', '__await__', '__aiter__', '__anext__', '__buffer__', '__release_buffer__',
  '__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__', '__mod__', '__rmod__', '__divmod__',
  '__rdivmod__', '__pow__', '__rpow__', '__neg__', '__pos__', '__abs__', '__bool__', '__invert__', '__lshift__',
  '__rlshift__', '__rshift__', '__rrshift__', '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__',
  '__int__', '__float__', '__iadd__', '__isub__', '__imul__', '__imod__', '__ipow__', '__ilshift__', '__irshift__',
  '__iand__', '__ixor__', '__ior__', '__floordiv__', '__rfloordiv__', '__truediv__', '__rtruediv__',
  '__ifloordiv__', '__itruediv__', '__index__', '__matmul__', '__rmatmul__', '__imatmul__', '__len__',
  '__getitem__', '__setitem__', '__delitem__', '__contains__',
]);

/** Slot names a type defines as a plain method instead (METH_COEXIST in its tp_methods): list_methods,
 *  mapp_methods (Objects/dictobject.c), set_methods and frozenset_methods. */
const COEXIST: Record<string, string[]> = {
  list: ['__getitem__'],
  dict: ['__getitem__', '__contains__'],
  set: ['__contains__'],
  frozenset: ['__contains__'],
};

/** Adds a method to a builtin type's dict: a slot wrapper for a slot's dunder name, else a method descriptor.
 *  fn receives self as its third argument. */
export function method(type: PyType, name: string, fn: NativeFn, doc: string | null = null): void {
  const slot = SLOT_NAMES.has(name) && !COEXIST[type.name]?.includes(name);
  const d = alloc(new PyBuiltin(slot ? rt.t.wrapper_descriptor : rt.t.method_descriptor, name, fn, null, type, doc), 7 * rt.version.ptr);
  setItemStrNew(type.dict, name, d);
}

/** Adds a classmethod-like builtin (dict.fromkeys, int.from_bytes): self is the type it is called on. */
export function classMethod(type: PyType, name: string, fn: NativeFn): void {
  const d = alloc(new PyBuiltin(rt.t.classmethod_descriptor, name, fn, null, type), 7 * rt.version.ptr);
  setItemStrNew(type.dict, name, d);
}

/** Adds a static function (str.maketrans). */
export function staticFunction(type: PyType, name: string, fn: NativeFn): void {
  const f = alloc(new PyBuiltin(rt.t.builtin_function_or_method, name, fn, null, null), 7 * rt.version.ptr);
  const sm = alloc(new PyWrapper(rt.t.staticmethod, f), 4 * rt.version.ptr);
  setItemStrNew(type.dict, name, sm);
}

/** A builtin function object (builtin_function_or_method) not bound to anything. */
export function builtinFunction(name: string, fn: NativeFn, self: PyObject | null = null): PyBuiltin {
  // A module function holds its module (m_self), as CPython's builtin methods do.
  return alloc(new PyBuiltin(rt.t.builtin_function_or_method, name, fn, self ? incref(self) : null, null), 7 * rt.version.ptr);
}

/**
 * A METH_VARARGS builtin's call: CPython packs the arguments in a new tuple (_PyStack_AsTuple) for the call and
 * frees it after, so the tuple is allocated (and counted by the collector) as it is there.
 */
export function withArgsTuple<T>(args: PyObject[], body: () => T): T {
  const tuple = newTupleFromArray(args.map((a) => incref(a)));
  rt.trace?.hold('METH_VARARGS arguments', tuple);
  try {
    return body();
  } finally {
    rt.trace?.release(tuple);
    decref(tuple);
  }
}

/**
 * 3.11 Argument Clinic: the first call of a builtin that parses keywords initialises its static _PyArg_Parser,
 * whose parser_init allocates the tuple of keyword names it keeps for the rest of the run (3.12+ compile it in).
 * A parser whose call has no keywords skips it while they are optional (the _PyArg_UnpackKeywords macro).
 */
export function clinicParserInit(name: string, keywords: string[]): void {
  if (rt.v !== 311) return;
  const parsers = ((rt as { clinicParsers?: Map<string, PyObject> }).clinicParsers ??= new Map());
  if (parsers.has(name)) return;
  const kwtuple = newTuple(keywords.map((k) => internStr(k)));
  parsers.set(name, kwtuple);
  rt.trace?.hold(`${name}() argument parser`, kwtuple);
}

/** Arity checks with CPython's messages (Python/getargs.c and Argument Clinic). */
export function noKeywords(name: string, kwnames: PyStr[] | null): void {
  if (kwnames && kwnames.length) raise(excType('TypeError'), `${name}() takes no keyword arguments`);
}

export function exactArgs(name: string, args: PyObject[], n: number, kwnames: PyStr[] | null = null): void {
  noKeywords(name, kwnames);
  if (args.length !== n) {
    if (n === 0) raise(excType('TypeError'), `${name}() takes no arguments (${args.length} given)`);
    if (n === 1) raise(excType('TypeError'), `${name}() takes exactly one argument (${args.length} given)`);
    raise(excType('TypeError'), `${name} expected ${n} arguments, got ${args.length}`);
  }
}

export function rangeArgs(name: string, args: PyObject[], min: number, max: number, kwnames: PyStr[] | null = null): void {
  noKeywords(name, kwnames);
  if (args.length < min) {
    raise(excType('TypeError'), `${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  }
  if (args.length > max) {
    raise(excType('TypeError'), `${name} expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

/**
 * An unknown keyword argument to a builtin parsed by Argument Clinic (Python/getargs.c): 3.13's
 * error_unexpected_keyword_arg words it as Python functions do and suggests the nearest keyword.
 */
export function invalidKeyword(fname: string, key: string, keywords: string[]): never {
  if (rt.v < 313) raise(excType('TypeError'), `'${key}' is an invalid keyword argument for ${fname}()`);
  const near = calculateSuggestion(keywords, key);
  return raise(excType('TypeError'), `${fname}() got an unexpected keyword argument '${key}'${near ? `. Did you mean '${near}'?` : ''}`);
}

/**
 * Binds positional and keyword arguments to parameter names (Argument Clinic style): returns one slot per
 * name, null where not given. `posOnly` leading names cannot be passed by keyword.
 */
export function bindArgs(fname: string, args: PyObject[], kwnames: PyStr[] | null, names: string[], required: number, posOnly = 0): (PyObject | null)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > names.length) {
    raise(excType('TypeError'), `${fname}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${npos} given)`);
  }
  const out: (PyObject | null)[] = names.map((_, i) => (i < npos ? args[i] : null));
  for (let k = 0; k < nkw; k++) {
    const key = kwnames![k].value;
    const i = names.indexOf(key);
    if (i < 0 || i < posOnly) invalidKeyword(fname, key, names.slice(posOnly));
    if (out[i] !== null) raise(excType('TypeError'), `argument for ${fname}() given by name ('${key}') and position (${i + 1})`);
    out[i] = args[npos + k];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === null) {
      raise(excType('TypeError'), `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  return out;
}

export function expectType(o: PyObject, t: PyType, what: string): void {
  if (o.ob_type !== t && !o.ob_type.mro.includes(t)) {
    raise(excType('TypeError'), `${what} must be ${t.name}, not ${typeName(o)}`);
  }
}
