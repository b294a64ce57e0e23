// Functions and the things that bind them (Objects/funcobject.c, classobject.c, descrobject.c): function
// objects, bound methods, builtin functions and method descriptors, staticmethod, classmethod, property, cells.
import { addressHex, call, excType, genericGetAttr, getAttr, getAttrOpt, hash, isCallable, isTrue, reprText, typeName } from '../abstract';
import {
  PyBuiltin, PyCell, PyDict, PyFunction, PyMethod, PyMethodWrapper, PyObject, PyProperty, PyStr, PyTuple, PyType, PyWrapper,
} from '../objects';
import { alloc, decref, incref, internStr, newDict, newInt, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import type { TypeTable } from '../typetable';
import type { CodeObject } from '../code';
import * as dict from './dict';
import { pointerHash } from './object';
import { bindArgs, method } from './util';

export function newMethod(func: PyObject, self: PyObject): PyMethod {
  return alloc(new PyMethod(rt.t.method, incref(func), incref(self)), 6 * rt.version.ptr);
}

function ownerName(o: PyObject): string {
  if (o instanceof PyFunction) return o.qualname.value;
  if (o instanceof PyBuiltin) return o.name;
  return '?';
}

export function install(t: TypeTable): void {
  const fn = t.function;
  fn.slots.tp_descr_get = (self, obj) => (obj === null || obj === rt.None ? incref(self) : newMethod(self, obj));
  fn.slots.tp_repr = (self) => newStr(`<function ${(self as PyFunction).qualname.value} at ${addressHex(self)}>`);
  fn.slots.tp_call = (self, args, kw) => call(self, args, kw);
  // func_clear (Objects/funcobject.c), what the collector calls: each reference dropped and nulled in turn; the
  // code object stays, the names become the empty string (they could be str subclasses in a cycle).
  fn.gcClear = (self) => {
    const f = self as PyFunction;
    /** The fields CPython's func_clear leaves NULL (ours are typed non-null for the living function). */
    const cleared = f as { globals: unknown; module: unknown; doc: unknown };
    let v: PyObject | null;
    v = f.globals; cleared.globals = null; xdecref(v);
    v = f.module; cleared.module = null; xdecref(v);
    v = f.defaults; f.defaults = null; xdecref(v);
    v = f.kwdefaults; f.kwdefaults = null; xdecref(v);
    v = f.doc; cleared.doc = null; xdecref(v);
    v = f.dict; f.dict = null; xdecref(v);
    v = f.closure; f.closure = null; xdecref(v);
    v = f.annotations; f.annotations = null; xdecref(v);
    v = f.annotate; f.annotate = null; xdecref(v);
    v = f.name; f.name = internStr(''); decref(v);
    v = f.qualname; f.qualname = internStr(''); decref(v);
  };
  // func_dealloc: func_clear's references (unless the collector dropped them already), then the code and names.
  fn.slots.tp_clear = (self) => {
    const f = self as PyFunction;
    xdecref(f.globals);
    xdecref(f.module);
    xdecref(f.defaults);
    xdecref(f.kwdefaults);
    xdecref(f.doc);
    xdecref(f.dict);
    xdecref(f.closure);
    xdecref(f.annotations);
    xdecref(f.annotate);
    decref(f.code);
    decref(f.name);
    decref(f.qualname);
  };
  fn.slots.tp_traverse = (self, visit) => {
    const f = self as PyFunction;
    visit(f.code);
    if (f.globals) visit(f.globals);
    if (f.module) visit(f.module);
    if (f.defaults) visit(f.defaults);
    if (f.kwdefaults) visit(f.kwdefaults);
    if (f.doc) visit(f.doc);
    visit(f.name);
    if (f.dict) visit(f.dict);
    if (f.closure) visit(f.closure);
    if (f.annotations) visit(f.annotations);
    if (f.annotate) visit(f.annotate);
    visit(f.qualname);
  };
  fn.slots.tp_getattro = (self, name) => functionAttr(self as PyFunction, name.value);
  fn.slots.tp_setattro = (self, name, value) => setFunctionAttr(self as PyFunction, name.value, value);
  fn.instanceDict = true;
  fn.weakrefable = true;

  const m = t.method;
  m.slots.tp_call = (self, args, kw) => {
    const bm = self as PyMethod;
    return call(bm.func, [bm.self, ...args], kw);
  };
  m.slots.tp_repr = (self) => {
    const bm = self as PyMethod;
    return newStr(`<bound method ${ownerName(bm.func)} of ${reprText(bm.self)}>`);
  };
  m.slots.tp_clear = (self) => {
    const bm = self as PyMethod;
    decref(bm.func);
    decref(bm.self);
  };
  m.slots.tp_traverse = (self, visit) => {
    visit((self as PyMethod).func);
    visit((self as PyMethod).self);
  };
  m.slots.tp_getattro = (self, name) => {
    const bm = self as PyMethod;
    if (name.value === '__self__') return incref(bm.self);
    if (name.value === '__func__') return incref(bm.func);
    return getAttr(bm.func, name);
  };
  m.slots.tp_richcompare = (a, b, op) => {
    if ((op !== 2 && op !== 3) || !(b instanceof PyMethod)) return incref(rt.NotImplemented);
    const eq = (a as PyMethod).func === b.func && (a as PyMethod).self === b.self;
    return incref(eq === (op === 2) ? rt.True : rt.False);
  };
  m.slots.tp_hash = (self) => {
    return hash((self as PyMethod).self) ^ hash((self as PyMethod).func);
  };
  m.slots.tp_descr_get = (self) => incref(self);

  const b = t.builtin_function_or_method;
  b.slots.tp_repr = (self) => {
    const f = self as PyBuiltin;
    if (f.self && !(f.self.ob_type === rt.t.module)) {
      return newStr(`<built-in method ${f.name} of ${typeName(f.self)} object at ${addressHex(f.self)}>`);
    }
    return newStr(`<built-in function ${f.name}>`);
  };
  b.slots.tp_clear = (self) => xdecref((self as PyBuiltin).self);
  b.slots.tp_traverse = (self, visit) => {
    const s = (self as PyBuiltin).self;
    if (s) visit(s);
  };
  b.slots.tp_getattro = (self, name) => {
    const f = self as PyBuiltin;
    if (name.value === '__name__' || name.value === '__qualname__') return newStr(f.name);
    if (name.value === '__self__') return incref(f.self ?? rt.None);
    if (name.value === '__doc__') return f.doc ? newStr(f.doc) : incref(rt.None);
    if (name.value === '__module__') return f.self ? incref(rt.None) : newStr('builtins');
    return null;
  };

  // method_descriptor: list.append and the like; binding makes a builtin method.
  const md = t.method_descriptor;
  md.slots.tp_descr_get = (self, obj) => {
    const d = self as PyBuiltin;
    if (obj === null) return incref(self);
    if (d.owner && !(obj.ob_type === d.owner || obj.ob_type.mro.includes(d.owner))) {
      return raise(excType('TypeError'), `descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
    }
    return alloc(new PyBuiltin(rt.t.builtin_function_or_method, d.name, d.fn, incref(obj), null, d.doc), 7 * rt.version.ptr);
  };
  md.slots.tp_call = (self, args, kw) => {
    const d = self as PyBuiltin;
    if (!args.length) raise(excType('TypeError'), `unbound method ${d.owner?.name}.${d.name}() needs an argument`);
    const obj = args[0];
    if (d.owner && !(obj.ob_type === d.owner || obj.ob_type.mro.includes(d.owner))) {
      raise(excType('TypeError'), `descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
    }
    return d.fn(args.slice(1), kw, obj);
  };
  md.slots.tp_repr = (self) => {
    const d = self as PyBuiltin;
    return newStr(`<method '${d.name}' of '${d.owner?.name}' objects>`);
  };
  // descr_members (Objects/descrobject.c): __objclass__ is d_type.
  md.slots.tp_getattro = (self, name) => {
    const d = self as PyBuiltin;
    if (name.value === '__objclass__' && d.owner) return incref(d.owner);
    if (name.value === '__qualname__' && d.owner) return newStr(`${d.owner.name}.${d.name}`);
    return b.slots.tp_getattro!(self, name);
  };

  // wrapper_descriptor (Objects/descrobject.c wrapperdescr_*): a builtin type's slot in its dict, `int.__add__`;
  // binding makes a method-wrapper holding the descriptor and self (PyWrapper_New).
  const wd = t.wrapper_descriptor;
  wd.slots.tp_descr_get = (self, obj) => {
    const d = self as PyBuiltin;
    if (obj === null) return incref(self);
    if (d.owner && !(obj.ob_type === d.owner || obj.ob_type.mro.includes(d.owner))) {
      return raise(excType('TypeError'), `descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
    }
    return alloc(new PyMethodWrapper(rt.t.method_wrapper, incref(d), incref(obj)), rt.t.method_wrapper.basicsize);
  };
  wd.slots.tp_call = (self, args, kw) => {
    const d = self as PyBuiltin;
    if (!args.length) raise(excType('TypeError'), `descriptor '${d.name}' of '${d.owner?.name}' object needs an argument`);
    const obj = args[0];
    if (d.owner && !(obj.ob_type === d.owner || obj.ob_type.mro.includes(d.owner))) {
      raise(excType('TypeError'), `descriptor '${d.name}' requires a '${d.owner.name}' object but received a '${typeName(obj)}'`);
    }
    return d.fn(args.slice(1), kw, obj);
  };
  wd.slots.tp_repr = (self) => newStr(`<slot wrapper '${(self as PyBuiltin).name}' of '${(self as PyBuiltin).owner?.name}' objects>`);
  wd.slots.tp_getattro = md.slots.tp_getattro;

  // method-wrapper (wrapper_* in Objects/descrobject.c): calls the slot with self; equal when both the
  // descriptor and self are the same objects.
  const mw = t.method_wrapper;
  mw.slots.tp_call = (self, args, kw) => {
    const w = self as PyMethodWrapper;
    return w.descr.fn(args, kw, w.self);
  };
  mw.slots.tp_repr = (self) => {
    const w = self as PyMethodWrapper;
    return newStr(`<method-wrapper '${w.descr.name}' of ${typeName(w.self)} object at ${addressHex(w.self)}>`);
  };
  // wrapper_dealloc drops descr, then self.
  mw.slots.tp_clear = (self) => {
    decref((self as PyMethodWrapper).descr);
    decref((self as PyMethodWrapper).self);
  };
  mw.slots.tp_traverse = (self, visit) => {
    visit((self as PyMethodWrapper).descr);
    visit((self as PyMethodWrapper).self);
  };
  mw.slots.tp_richcompare = (a, b, op) => {
    if ((op !== 2 && op !== 3) || !(b instanceof PyMethodWrapper)) return incref(rt.NotImplemented);
    const eq = (a as PyMethodWrapper).descr === b.descr && (a as PyMethodWrapper).self === b.self;
    return incref(eq === (op === 2) ? rt.True : rt.False);
  };
  // wrapper_hash: the generic (pointer) hash of self xor the descriptor's pointer hash.
  mw.slots.tp_hash = (self) => {
    const x = Number(BigInt(pointerHash((self as PyMethodWrapper).self)) ^ BigInt(pointerHash((self as PyMethodWrapper).descr)));
    return x === -1 ? -2 : x;
  };
  mw.slots.tp_getattro = (self, name) => {
    const w = self as PyMethodWrapper;
    if (name.value === '__self__') return incref(w.self);
    if (name.value === '__name__') return newStr(w.descr.name);
    if (name.value === '__objclass__' && w.descr.owner) return incref(w.descr.owner);
    if (name.value === '__qualname__' && w.descr.owner) return newStr(`${w.descr.owner.name}.${w.descr.name}`);
    if (name.value === '__doc__') return w.descr.doc ? newStr(w.descr.doc) : incref(rt.None);
    return null;
  };

  const cmd = t.classmethod_descriptor;
  cmd.slots.tp_descr_get = (self, obj, type) => {
    const d = self as PyBuiltin;
    const owner = type ?? obj?.ob_type;
    return alloc(new PyBuiltin(rt.t.builtin_function_or_method, d.name, d.fn, incref(owner!), null), 7 * rt.version.ptr);
  };
  cmd.slots.tp_repr = (self) => newStr(`<method '${(self as PyBuiltin).name}' of '${(self as PyBuiltin).owner?.name}' objects>`);

  const member = t.member_descriptor;
  member.slots.tp_descr_get = (self, obj) => {
    const d = self as PyBuiltin;
    if (!obj) return incref(self);
    const slots = (obj as { slotValues?: Map<string, PyObject> | null }).slotValues;
    const v = slots?.get(d.name);
    if (!v) raise(excType('AttributeError'), `'${typeName(obj)}' object has no attribute '${d.name}'`);
    return incref(v!);
  };
  member.slots.tp_descr_set = (self, obj, value) => {
    const d = self as PyBuiltin;
    const holder = obj as { slotValues?: Map<string, PyObject> | null };
    const slots = (holder.slotValues ??= new Map());
    const old = slots.get(d.name);
    if (value) slots.set(d.name, incref(value));
    else {
      // PyMember_SetOne (Python/structmember.c): deleting an unset slot raises AttributeError(name).
      if (!old) raise(excType('AttributeError'), d.name);
      slots.delete(d.name);
    }
    if (old) decref(old);
  };
  member.slots.tp_getattro = (self, name) => {
    const d = self as PyBuiltin;
    if (name.value === '__objclass__' && d.owner) return incref(d.owner);
    if (name.value === '__name__') return newStr(d.name);
    if (name.value === '__qualname__' && d.owner) return newStr(`${d.owner.name}.${d.name}`);
    return null;
  };
  member.slots.tp_repr = (self) => newStr(`<member '${(self as PyBuiltin).name}' of '${(self as PyBuiltin).owner?.name}' objects>`);

  // staticmethod / classmethod
  const sm = t.staticmethod;
  sm.slots.tp_new = (type, args) => {
    if (args.length !== 1) raise(excType('TypeError'), `staticmethod expected 1 argument, got ${args.length}`);
    return alloc(new PyWrapper(type, incref(args[0])), 4 * rt.version.ptr);
  };
  sm.slots.tp_descr_get = (self) => incref((self as PyWrapper).callable);
  sm.slots.tp_call = (self, args, kw) => call((self as PyWrapper).callable, args, kw);
  // sm_clear (Objects/funcobject.c): the collector's clear nulls both; dealloc drops what is left.
  sm.gcClear = (self) => {
    const w = self as PyWrapper;
    let v: PyObject | null = w.callable;
    (w as { callable: unknown }).callable = null;
    xdecref(v);
    v = w.dict;
    w.dict = null;
    xdecref(v);
  };
  sm.slots.tp_clear = (self) => { xdecref((self as PyWrapper).callable); xdecref((self as PyWrapper).dict); };
  sm.slots.tp_traverse = (self, visit) => { const c = (self as PyWrapper).callable; if (c) visit(c); };
  sm.slots.tp_getattro = wrapperAttr;
  sm.slots.tp_repr = (self) => newStr(`<staticmethod(${reprText((self as PyWrapper).callable)})>`);
  const cm = t.classmethod;
  cm.slots.tp_new = (type, args) => {
    if (args.length !== 1) raise(excType('TypeError'), `classmethod expected 1 argument, got ${args.length}`);
    return alloc(new PyWrapper(type, incref(args[0])), 4 * rt.version.ptr);
  };
  cm.slots.tp_descr_get = (self, obj, type) => newMethod((self as PyWrapper).callable, type ?? obj!.ob_type);
  cm.gcClear = sm.gcClear;
  cm.slots.tp_clear = sm.slots.tp_clear;
  cm.slots.tp_traverse = sm.slots.tp_traverse;
  cm.slots.tp_getattro = wrapperAttr;
  cm.slots.tp_repr = (self) => newStr(`<classmethod(${reprText((self as PyWrapper).callable)})>`);

  installProperty(t.property);

  const cell = t.cell;
  cell.slots.tp_clear = (self) => {
    const c = self as PyCell;
    const v = c.ref;
    c.ref = null;
    xdecref(v);
  };
  cell.slots.tp_traverse = (self, visit) => {
    const v = (self as PyCell).ref;
    if (v) visit(v);
  };
  cell.slots.tp_repr = (self) => {
    const c = self as PyCell;
    return newStr(c.ref ? `<cell at ${addressHex(c)}: ${typeName(c.ref)} object at ${addressHex(c.ref)}>` : `<cell at ${addressHex(c)}: empty>`);
  };
  cell.slots.tp_setattro = (self, name, value) => {
    if (name.value !== 'cell_contents') raise(excType('AttributeError'), `'cell' object has no attribute '${name.value}'`);
    const c = self as PyCell;
    const old = c.ref;
    c.ref = value ? incref(value) : null;
    xdecref(old);
  };
  cell.slots.tp_getattro = (self, name) => {
    if (name.value !== 'cell_contents') return null;
    const v = (self as PyCell).ref;
    if (!v) raise(excType('ValueError'), 'Cell is empty');
    return incref(v!);
  };

  const code = t.code;
  code.slots.tp_repr = (self) => {
    const c = self as CodeObject;
    return newStr(`<code object ${c.name} at ${addressHex(c)}, file "${c.filename}", line ${c.firstlineno}>`);
  };
  code.slots.tp_clear = (self) => {
    const c = self as CodeObject;
    for (const k of c.consts) decref(k);
    for (const n of c.names) decref(n);
    c.consts = [];
    c.names = [];
  };
  code.slots.tp_getattro = (self, name) => {
    const c = self as CodeObject;
    switch (name.value) {
      case 'co_name': return newStr(c.name);
      case 'co_qualname': return newStr(c.qualname);
      case 'co_filename': return newStr(c.filename);
      case 'co_firstlineno': return newInt(c.firstlineno);
      case 'co_argcount': return newInt(c.argcount);
      case 'co_varnames': return newTuple(c.localsplusnames.slice(0, c.nlocals).map((n) => newStr(n)));
      case 'co_consts': return newTuple(c.consts.map(incref));
      case 'co_freevars': return newTuple(c.localsplusnames.filter((_, i) => c.localspluskinds[i] === 'free').map((n) => newStr(n)));
      case 'co_cellvars': return newTuple(c.localsplusnames.filter((_, i) => c.localspluskinds[i] === 'cell').map((n) => newStr(n)));
      case 'co_names': return newTuple(c.names.map(incref));
      case 'co_flags': return newInt(c.flags);
      case 'co_stacksize': return newInt(c.stacksize);
      case 'co_nlocals': return newInt(c.nlocals);
      case 'co_posonlyargcount': return newInt(c.posonlyargcount);
      case 'co_kwonlyargcount': return newInt(c.kwonlyargcount);
      default: return null;
    }
  };
}

function wrapperAttr(self: PyObject, name: PyStr): PyObject | null {
  const w = self as PyWrapper;
  if (name.value === '__func__' || name.value === '__wrapped__') return incref(w.callable);
  if (name.value === '__isabstractmethod__') {
    const v = getAttrOpt(w.callable, '__isabstractmethod__');
    return v ?? incref(rt.False);
  }
  if (w.dict) {
    const v = dict.getItemStr(w.dict, name.value);
    if (v) return incref(v);
  }
  return getAttr(w.callable, name);
}

function functionAttr(f: PyFunction, n: string): PyObject | null {
  switch (n) {
    case '__name__': return incref(f.name);
    case '__qualname__': return incref(f.qualname);
    case '__doc__': return incref(f.doc);
    case '__module__': return incref(f.module);
    case '__defaults__': return incref(f.defaults ?? rt.None);
    case '__kwdefaults__': return incref(f.kwdefaults ?? rt.None);
    case '__closure__': return incref(f.closure ?? rt.None);
    case '__code__': return incref(f.code);
    case '__globals__': return incref(f.globals);
    case '__dict__': return incref(f.dict ?? lazyFunctionField(f, 'dict'));
    case '__annotations__': return incref(functionAnnotations(f));
    case '__annotate__': if (rt.v >= 314) return incref(f.annotate ?? rt.None); break;
    case '__class__': return incref(f.ob_type);
  }
  {
    {
      if (f.dict) {
        const v = dict.getItemStr(f.dict, n);
        if (v) return incref(v);
      }
      return genericGetAttr(f, n, true);
    }
  }
}

/** func_get_dict / func_get_annotations: the dict made on first access; the trace recorder is told, as a call
 *  of the function does not compare it (tracerecorder.ts callLeavesIntact). */
function lazyFunctionField(f: PyFunction, key: 'dict' | 'annotations'): PyDict {
  const d = newDict();
  f[key] = d;
  if (rt.trace !== null) rt.trace.touch(f);
  return d;
}

/** func_get_annotations: 3.14 (PEP 649) calls __annotate__(VALUE) on first access and keeps the dict. */
function functionAnnotations(f: PyFunction): PyObject {
  if (f.annotations) return f.annotations;
  if (!f.annotate || !isCallable(f.annotate)) return lazyFunctionField(f, 'annotations');
  f.annotations = callAnnotate(f.annotate);
  if (rt.trace !== null) rt.trace.touch(f);
  return f.annotations;
}

/** annotate(1) (Format.VALUE), which must return a dict. */
export function callAnnotate(annotate: PyObject): PyDict {
  const d = call(annotate, [newInt(1)]);
  if (!(d instanceof PyDict)) {
    const name = typeName(d);
    decref(d);
    raise(excType('TypeError'), `__annotate__ returned non-dict of type '${name}'`);
  }
  return d as PyDict;
}

/** func_set_* and the attributes in its __dict__. Every write reports to the trace recorder (touch): a call of
 *  the function does not compare it (tracerecorder.ts callLeavesIntact). */
function setFunctionAttr(f: PyFunction, n: string, value: PyObject | null): void {
  if (rt.trace !== null) rt.trace.touch(f);
  const swap = <K extends 'name' | 'qualname' | 'doc' | 'module'>(key: K): void => {
    const old = f[key];
    (f as unknown as Record<string, PyObject>)[key] = incref(value ?? rt.None);
    decref(old);
  };
  switch (n) {
    case '__name__':
    case '__qualname__':
      if (!(value instanceof PyStr)) raise(excType('TypeError'), `${n} must be set to a string object`);
      return swap(n === '__name__' ? 'name' : 'qualname');
    case '__doc__': return swap('doc');
    case '__module__': return swap('module');
    case '__defaults__': {
      const old = f.defaults;
      f.defaults = value && value !== rt.None ? incref(value as PyTuple) : null;
      xdecref(old);
      return;
    }
    case '__kwdefaults__': {
      const old = f.kwdefaults;
      f.kwdefaults = value && value !== rt.None ? incref(value as PyDict) : null;
      xdecref(old);
      return;
    }
    case '__annotations__': {
      // func_set_annotations: a dict, or None / del for none; 3.14 also drops __annotate__
      const v = value === rt.None ? null : value;
      if (v && !(v instanceof PyDict)) raise(excType('TypeError'), '__annotations__ must be set to a dict object');
      const old = f.annotations;
      f.annotations = v ? incref(v) : null;
      xdecref(old);
      if (rt.v >= 314) {
        const oldAnnotate = f.annotate;
        f.annotate = null;
        xdecref(oldAnnotate);
      }
      return;
    }
    case '__annotate__': {
      if (rt.v < 314) break;
      // func_set_annotate
      if (!value) raise(excType('TypeError'), '__annotate__ cannot be deleted');
      if (value !== rt.None && !isCallable(value!)) raise(excType('TypeError'), '__annotate__ must be callable or None');
      const old = f.annotate;
      f.annotate = value === rt.None ? null : incref(value!);
      xdecref(old);
      if (value !== rt.None) {
        const oldAnnotations = f.annotations;
        f.annotations = null;
        xdecref(oldAnnotations);
      }
      return;
    }
  }
  {
    {
      const d = (f.dict ??= newDict());
      if (value) dict.setItemStr(d, n, value);
      else if (!dict.delItemStr(d, n)) raise(excType('AttributeError'), `'function' object has no attribute '${n}'`);
    }
  }
}

function installProperty(p: PyType): void {
  p.slots.tp_new = (type, args, kwnames) => {
    const [fget, fset, fdel, doc] = bindArgs('property', args, kwnames, ['fget', 'fset', 'fdel', 'doc'], 0);
    const norm = (o: PyObject | null): PyObject | null => (o && o !== rt.None ? incref(o) : null);
    let d = norm(doc);
    if (!d && fget) {
      const fd = getAttrOpt(fget, '__doc__');
      if (fd && fd !== rt.None) d = fd;
      else if (fd) decref(fd);
    }
    return alloc(new PyProperty(type, norm(fget), norm(fset), norm(fdel), d), 7 * rt.version.ptr);
  };
  p.slots.tp_descr_get = (self, obj) => {
    const pr = self as PyProperty;
    if (!obj) return incref(self);
    if (!pr.fget) raise(excType('AttributeError'), rt.v >= 313 ? `property of '${typeName(obj)}' object has no getter` : `can't get attribute`);
    return call(pr.fget!, [obj]);
  };
  p.slots.tp_descr_set = (self, obj, value) => {
    const pr = self as PyProperty;
    const f = value ? pr.fset : pr.fdel;
    if (!f) {
      const name = propertyName(pr);
      if (rt.v >= 311) {
        raise(excType('AttributeError'), value
          ? `property ${name ? `'${name}' ` : ''}of '${typeName(obj)}' object has no setter`
          : `property ${name ? `'${name}' ` : ''}of '${typeName(obj)}' object has no deleter`);
      }
      raise(excType('AttributeError'), value ? "can't set attribute" : "can't delete attribute");
    }
    decref(call(f!, value ? [obj, value] : [obj]));
  };
  // property_clear (Objects/descrobject.c) drops only the doc; dealloc drops the rest.
  p.gcClear = (self) => {
    const pr = self as PyProperty;
    const doc = pr.doc;
    pr.doc = null;
    xdecref(doc);
  };
  p.slots.tp_clear = (self) => {
    const pr = self as PyProperty;
    xdecref(pr.fget);
    xdecref(pr.fset);
    xdecref(pr.fdel);
    xdecref(pr.doc);
  };
  p.slots.tp_traverse = (self, visit) => {
    const pr = self as PyProperty;
    for (const o of [pr.fget, pr.fset, pr.fdel, pr.doc]) if (o) visit(o);
  };
  const copyWith = (which: 'fget' | 'fset' | 'fdel') => (args: PyObject[], _k: PyStr[] | null, self: PyObject | null): PyObject => {
    const pr = self as PyProperty;
    const parts = { fget: pr.fget, fset: pr.fset, fdel: pr.fdel };
    parts[which] = args[0];
    const np = alloc(new PyProperty(pr.ob_type, parts.fget ? incref(parts.fget) : null, parts.fset ? incref(parts.fset) : null, parts.fdel ? incref(parts.fdel) : null, pr.doc ? incref(pr.doc) : null), 7 * rt.version.ptr);
    return np;
  };
  method(p, 'getter', copyWith('fget'));
  method(p, 'setter', copyWith('fset'));
  method(p, 'deleter', copyWith('fdel'));
  p.slots.tp_getattro = (self, name) => {
    const pr = self as PyProperty;
    const map: Record<string, PyObject | null> = { fget: pr.fget, fset: pr.fset, fdel: pr.fdel, __doc__: pr.doc };
    if (name.value in map) return incref(map[name.value] ?? rt.None);
    if (name.value === '__isabstractmethod__') {
      // property_get___isabstractmethod__: true when any of its functions is abstract.
      for (const fn of [pr.fget, pr.fset, pr.fdel]) {
        if (!fn) continue;
        const a = getAttrOpt(fn, '__isabstractmethod__');
        if (a) {
          const yes = isTrue(a);
          decref(a);
          if (yes) return incref(rt.True);
        }
      }
      return incref(rt.False);
    }
    return genericGetAttr(self, name.value, true);
  };
}

function propertyName(pr: PyProperty): string | null {
  const f = pr.fget;
  if (f instanceof PyFunction) return f.name.value;
  return null;
}


