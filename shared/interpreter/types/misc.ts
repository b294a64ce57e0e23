// The small builtin types: None, NotImplemented, Ellipsis, modules, super, frames, tracebacks, mappingproxy,
// and the opaque objects standing for values the simulator does not model.
import { addressHex, call, descrGet, excType, genericGetAttr, genericSetAttr, getAttr, getIter, isCallable, reprText, typeName } from '../abstract';
import { callAnnotate } from './function';
import {
  PyDict, PyFrameObject, PyFunction, PyModule, PyObject, PyOpaque, PyStr, PySuper, PyTraceback, PyType,
} from '../objects';
import { alloc, decref, incref, newDict, newInt, newList, newStr, raise, rt, xdecref } from '../runtime';
import type { TypeTable } from '../typetable';
import { frameLocals, frameObject, releaseLocals } from '../vm';
import * as dict from './dict';
import { noneHash64 } from './hashing';
import { frameObjectHeaderSize, interpreterFrameHeaderSize } from '../sizes';
import { method } from './util';

export function install(t: TypeTable): void {
  t.NoneType.slots.tp_repr = () => newStr('None');
  t.NoneType.slots.nb_bool = () => false;
  t.NoneType.slots.tp_hash = () => Number(noneHash64());
  t.NoneType.slots.tp_new = (_type, args) => {
    if (args.length) raise(excType('TypeError'), 'NoneType takes no arguments');
    return incref(rt.None);
  };
  t.NotImplementedType.slots.tp_repr = () => newStr('NotImplemented');
  t.ellipsis.slots.tp_repr = () => newStr('Ellipsis');

  const mod = t.module;
  mod.slots.tp_repr = (self) => {
    const m = self as PyModule;
    const file = dict.getItemStr(m.dict, '__file__');
    if (m.name === 'sys' || m.name === 'builtins' || m.name === 'gc' || !file) return newStr(`<module '${m.name}' (built-in)>`);
    return newStr(`<module '${m.name}' from ${reprText(file)}>`);
  };
  mod.slots.tp_getattro = (self, name) => {
    const m = self as PyModule;
    if (name.value === '__dict__') return incref(m.dict);
    if (name.value === '__annotations__') return moduleAnnotations(m);
    const v = dict.getItemStr(m.dict, name.value);
    if (v) return incref(v);
    // A module the simulator does not model: every attribute is an opaque value, and the run goes on.
    if ((m as PyModule & { opaque?: boolean }).opaque) return newOpaque(`${m.name}.${name.value}`);
    const ga = dict.getItemStr(m.dict, '__getattr__');
    if (ga) {
      return call(ga, [name]);
    }
    return genericGetAttr(self, name.value, true);
  };
  mod.slots.tp_setattro = (self, name, value) => {
    const m = self as PyModule;
    if (value) dict.setItemStr(m.dict, name.value, value);
    else if (!dict.delItemStr(m.dict, name.value)) raise(excType('AttributeError'), `module '${m.name}' has no attribute '${name.value}'`);
  };
  // module_clear (Objects/moduleobject.c): Py_CLEAR(md_dict); dealloc drops it unless that happened.
  mod.gcClear = (self) => {
    const m = self as PyModule;
    const d = m.dict;
    (m as { dict: unknown }).dict = null;
    xdecref(d);
  };
  mod.slots.tp_clear = (self) => xdecref((self as PyModule).dict);
  mod.slots.tp_traverse = (self, visit) => { const d = (self as PyModule).dict; if (d) visit(d); };

  const sup = t.super;
  sup.slots.tp_new = (type, args) => superNew(type, args);
  sup.slots.tp_getattro = (self, name) => superGetattro(self as PySuper, name);
  sup.slots.tp_repr = (self) => {
    const s = self as PySuper;
    return newStr(s.objType ? `<super: <class '${s.thisType.name}'>, <${s.objType.name} object>>` : `<super: <class '${s.thisType.name}'>, NULL>`);
  };
  sup.slots.tp_clear = (self) => {
    const s = self as PySuper;
    decref(s.thisType);
    xdecref(s.obj);
    xdecref(s.objType);
  };
  sup.slots.tp_traverse = (self, visit) => {
    const s = self as PySuper;
    visit(s.thisType);
    if (s.obj) visit(s.obj);
    if (s.objType) visit(s.objType);
  };

  const frame = t.frame;
  frame.slots.tp_clear = (self) => {
    const fo = self as PyFrameObject & { ownsFrame?: boolean };
    const f = fo.frame;
    if (f.frameObject === fo) f.frameObject = null;
    if (fo.ownsFrame) {
      fo.ownsFrame = false;
      releaseLocals(f);
    }
  };
  // frame_traverse (Objects/frameobject.c): the locals only when the frame object owns the frame (it outlived
  // its call); a generator's frame is its generator's to visit, a running frame is the thread's.
  frame.slots.tp_traverse = (self, visit) => {
    const fo = self as PyFrameObject & { ownsFrame?: boolean };
    if (!fo.ownsFrame) return;
    const f = fo.frame;
    // _PyFrame_Traverse: f_locals, f_func, then the locals.
    if (f.localsSnapshot) visit(f.localsSnapshot);
    if (f.func) visit(f.func);
    for (const o of f.fast) if (o) visit(o);
  };
  // frame_clear (Objects/frameobject.c): a finished frame drops its locals (frame_tp_clear); a running one
  // refuses; a suspended generator's is closed (3.11, 3.12) or refuses (3.13+).
  method(frame, 'clear', (_a, _k, self) => {
    const fo = self as PyFrameObject & { ownsFrame?: boolean };
    const f = fo.frame;
    const g = f.generator;
    if (g && !f.done) {
      if (g.running) raise(excType('RuntimeError'), 'cannot clear an executing frame');
      if (rt.v >= 313) raise(excType('RuntimeError'), 'cannot clear a suspended frame');
      g.ob_type.slots.tp_finalize?.(g);
    } else if (!f.done) {
      raise(excType('RuntimeError'), 'cannot clear an executing frame');
    } else if (fo.ownsFrame) {
      fo.ownsFrame = false;
      releaseLocals(f);
    }
    return incref(rt.None);
  });
  // frame_sizeof (Objects/frameobject.c): the frame object, the interpreter frame's header and its slots.
  method(frame, '__sizeof__', (_a, _k, self) => {
    const code = (self as PyFrameObject).frame.code;
    return newInt(frameObjectHeaderSize() + interpreterFrameHeaderSize() + (code.nlocalsplus + code.stacksize) * rt.version.ptr);
  });
  frame.slots.tp_repr = (self) => {
    const f = (self as PyFrameObject).frame;
    return newStr(`<frame at ${addressHex(self)}, file '${f.code.filename}', line ${f.lineno}, code ${f.code.name}>`);
  };
  frame.slots.tp_getattro = (self, name) => {
    const f = (self as PyFrameObject).frame;
    switch (name.value) {
      case 'f_lineno': return newInt(f.lineno);
      case 'f_code': return incref(f.code);
      case 'f_globals': return incref(f.globals);
      case 'f_back': {
        if (!f.back) return incref(rt.None);
        return incref(frameObject(f.back));
      }
      case 'f_locals': return frameLocals(f);
      default: return null;
    }
  };

  const tb = t.traceback;
  // tb_clear (Python/traceback.c): Py_CLEAR of tb_next and tb_frame; dealloc drops what is left.
  tb.gcClear = (self) => {
    const x = self as PyTraceback;
    const next = x.next;
    x.next = null;
    xdecref(next);
    const fr = x.frame;
    (x as { frame: unknown }).frame = null;
    xdecref(fr);
  };
  tb.slots.tp_clear = (self) => {
    const x = self as PyTraceback;
    const next = x.next;
    x.next = null;
    xdecref(next);
    xdecref(x.frame);
  };
  tb.slots.tp_traverse = (self, visit) => {
    const x = self as PyTraceback;
    if (x.next) visit(x.next);
    if (x.frame) visit(x.frame);
  };
  tb.slots.tp_getattro = (self, name) => {
    const x = self as PyTraceback;
    switch (name.value) {
      case 'tb_next': return incref(x.next ?? rt.None);
      case 'tb_frame': return incref(x.frame);
      case 'tb_lineno': return newInt(x.lineno);
      case 'tb_lasti': return newInt(x.lasti * 2);
      default: return null;
    }
  };

  const mp = t.mappingproxy;
  const mapping = (o: PyObject): PyDict => (o as PyObject & { mapping: PyDict }).mapping;
  mp.slots.mp_subscript = (self, key) => {
    const v = dict.getItem(mapping(self), key);
    if (!v) dict.keyErrorFor(key);
    return incref(v!);
  };
  mp.slots.sq_length = (self) => mapping(self).map.size;
  mp.slots.sq_contains = (self, key) => !!dict.lookup(mapping(self), key);
  mp.slots.tp_iter = (self) => {
    return getIter(mapping(self));
  };
  mp.slots.tp_repr = (self) => newStr(`mappingproxy(${reprText(mapping(self))})`);
  mp.slots.tp_clear = (self) => decref(mapping(self));
  mp.slots.tp_traverse = (self, visit) => visit(mapping(self));
  mp.slots.tp_getattro = (self, name) => {
    if (['keys', 'values', 'items', 'get', 'copy'].includes(name.value)) return getAttr(mapping(self), name);
    return null;
  };

  const opaque = t.opaque;
  opaque.slots.tp_repr = (self) => newStr(`<not simulated: ${(self as PyOpaque).origin}>`);
  opaque.slots.tp_getattro = (self, name) => newOpaque(`${(self as PyOpaque).origin}.${name.value}`);
  opaque.slots.tp_setattro = () => undefined;
  opaque.slots.tp_call = (self) => newOpaque(`${(self as PyOpaque).origin}()`);
  opaque.slots.tp_iter = (self) => {
    void self;
    const l = newList([]);
    const it = getIter(l);
    decref(l);
    return it;
  };
  opaque.slots.nb_bool = () => true;
  void genericSetAttr;
  void typeName;
  void PyFunction;
}

/** A value the simulator cannot know: every attribute and call result is opaque too. */
export function newOpaque(origin: string): PyOpaque {
  return alloc(new PyOpaque(rt.t.opaque, origin), 16);
}

/** super(type, obj) / super(): the zero-argument form finds __class__ and the first argument in the frame. */
function superNew(type: PyType, args: PyObject[]): PyObject {
  let thisType: PyObject;
  let obj: PyObject | null;
  if (args.length === 0) {
    const f = rt.frame;
    if (!f || !f.func) raise(excType('RuntimeError'), 'super(): no arguments');
    const code = f!.code;
    const classIdx = code.localsplusnames.indexOf('__class__');
    if (classIdx < 0 || code.localspluskinds[classIdx] !== 'free') raise(excType('RuntimeError'), 'super(): __class__ cell not found');
    const cell = f!.fast[classIdx] as import('../objects').PyCell;
    if (!cell.ref) raise(excType('RuntimeError'), 'super(): empty __class__ cell');
    thisType = cell.ref!;
    if (code.argcount === 0 && !(code.flags & 0x4)) raise(excType('RuntimeError'), 'super(): no arguments');
    let first = f!.fast[0];
    if (first && code.localspluskinds[0] === 'cell') first = (first as import('../objects').PyCell).ref;
    if (!first) raise(excType('RuntimeError'), 'super(): arg[0] deleted');
    obj = first;
  } else {
    thisType = args[0];
    obj = args.length > 1 ? args[1] : null;
  }
  if (!(thisType instanceof PyType)) raise(excType('TypeError'), `super() argument 1 must be a type, not ${typeName(thisType)}`);
  let objType: PyType | null = null;
  if (obj) {
    if (obj instanceof PyType && obj.mro.includes(thisType as PyType)) objType = obj;
    else if (obj.ob_type.mro.includes(thisType as PyType)) objType = obj.ob_type;
    else raise(excType('TypeError'), 'super(type, obj): obj must be an instance or subtype of type');
  }
  return alloc(new PySuper(type, incref(thisType as PyType), obj ? incref(obj) : null, objType ? incref(objType) : null), 5 * rt.version.ptr);
}

function superGetattro(s: PySuper, name: PyStr): PyObject | null {
  if (s.objType && name.value !== '__class__') {
    const mro = s.objType.mro;
    const start = mro.indexOf(s.thisType) + 1;
    for (let i = start; i < mro.length; i++) {
      const e = mro[i].dict.map.get(name.value);
      if (e) {
        const v = e.value;
        return descrGet(v, s.obj === s.objType ? null : s.obj, s.objType);
      }
    }
  }
  return genericGetAttr(s, name.value, true);
}

/** module_get_annotations (Objects/moduleobject.c): the module's own `__annotations__`; else 3.14 (PEP 649)
 *  calls its `__annotate__(VALUE)`, older versions make an empty dict; either is kept in the module dict. */
function moduleAnnotations(m: PyModule): PyObject {
  const own = dict.getItemStr(m.dict, '__annotations__');
  if (own) return incref(own);
  const annotate = rt.v >= 314 ? dict.getItemStr(m.dict, '__annotate__') : null;
  const annotations = annotate && isCallable(annotate) ? callAnnotate(annotate) : newDict();
  dict.setItemStr(m.dict, '__annotations__', annotations);
  return annotations;
}
