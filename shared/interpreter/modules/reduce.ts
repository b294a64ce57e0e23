// object.__reduce_ex__, object.__reduce__ and object.__getstate__ (Objects/typeobject.c: object___reduce_ex__,
// reduce_newobj, object_getstate): what copy.copy and copy.deepcopy rebuild an instance from. copyreg (pylib)
// provides __newobj__ and _slotnames, as in CPython.
import { callDescriptor, callMethod, excType, findSlot, getAttrOpt, getIter, indexValue, isRaised, lookupType, typeModified, typeName } from '../abstract';
import { importModule } from './support';
import { PyBuiltin, PyDict, PyInstance, PyList, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { decref, incref, newDict, newInt, newStr, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { method } from '../types/util';
import { materializeDict } from '../types/object';

function copyreg(): PyObject {
  return importModule('copyreg');
}

/** _PyObject_IsInstanceDictEmpty + PyObject_GenericGetDict: the instance dict, or null when empty. */
function instanceDictOf(o: PyObject): PyDict | null {
  if (o instanceof PyInstance) {
    if (o.dict) return o.dict.map.size ? o.dict : null;
    if (o.values && o.values.size) {
      return materializeDict(o);
    }
    return null;
  }
  const d = (o as { dict?: PyDict | null }).dict;
  return d && d.map.size ? d : null;
}

/** _PyType_GetSlotNames: cls.__dict__['__slotnames__'], else copyreg._slotnames(cls). */
function slotNames(cls: PyType): PyObject {
  const cached = dict.getItemStr(cls.dict, '__slotnames__');
  if (cached) return incref(cached);
  const cr = copyreg();
  try {
    return callMethod(cr, '_slotnames', [cls]);
  } finally {
    decref(cr);
  }
}

/** object_getstate_default */
function getstateDefault(obj: PyObject, required: boolean): PyObject {
  const d = instanceDictOf(obj);
  let state: PyObject = d ? incref(d) : incref(rt.None);
  const names = slotNames(obj.ob_type);
  try {
    if (required) {
      const solid = obj.ob_type.solidBase ?? (obj.ob_type.heapType ? rt.t.object : obj.ob_type);
      if (solid !== rt.t.object && solid !== rt.t.list && solid !== rt.t.dict) {
        decref(state);
        raise(excType('TypeError'), `cannot pickle '${typeName(obj)}' object`);
      }
    }
    if (names instanceof PyList && names.items.length) {
      const slots = newDict();
      try {
        for (const n of names.items) {
          const v = getAttrOpt(obj, (n as PyStr).value);
          if (v) {
            dict.setItem(slots, n, v);
            decref(v);
          }
        }
        if (slots.map.size) {
          const pair = newTuple([state, incref(slots)]);
          state = pair;
        }
      } finally {
        decref(slots);
      }
    }
  } finally {
    decref(names);
  }
  return state;
}

/** object_getstate: __getstate__ unless it is object's own. */
function getstate(obj: PyObject, required: boolean): PyObject {
  const gs = lookupType(obj.ob_type, '__getstate__');
  if (gs && !(gs instanceof PyBuiltin && gs.owner === rt.t.object)) return callDescriptor(gs, obj, []);
  return getstateDefault(obj, required);
}

/** _PyObject_GetNewArguments: __getnewargs_ex__ or __getnewargs__. */
function newArguments(obj: PyObject): [PyTuple | null, PyDict | null] {
  const ex = lookupType(obj.ob_type, '__getnewargs_ex__');
  if (ex) {
    const r = callDescriptor(ex, obj, []);
    if (!(r instanceof PyTuple) || r.items.length !== 2) {
      decref(r);
      raise(excType('TypeError'), '__getnewargs_ex__ should return a tuple of length 2');
    }
    const [a, k] = (r as PyTuple).items;
    if (!(a instanceof PyTuple)) raise(excType('TypeError'), `first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${typeName(a)}'`);
    if (!(k instanceof PyDict)) raise(excType('TypeError'), `second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${typeName(k)}'`);
    incref(a);
    incref(k);
    decref(r);
    return [a as PyTuple, k as PyDict];
  }
  const na = lookupType(obj.ob_type, '__getnewargs__');
  if (na) {
    const r = callDescriptor(na, obj, []);
    if (!(r instanceof PyTuple)) {
      const n = typeName(r);
      decref(r);
      raise(excType('TypeError'), `__getnewargs__ should return a tuple, not '${n}'`);
    }
    return [r as PyTuple, null];
  }
  return [null, null];
}

/** reduce_newobj (protocol 2 and up). */
function reduceNewobj(obj: PyObject): PyObject {
  if (!findSlot(obj.ob_type, 'tp_new') && !lookupType(obj.ob_type, '__new__')) {
    raise(excType('TypeError'), `cannot pickle '${typeName(obj)}' object`);
  }
  const [args, kwargs] = newArguments(obj);
  const cr = copyreg();
  try {
    const hasargs = args !== null;
    let newobj: PyObject;
    let newargs: PyObject;
    if (!kwargs || kwargs.map.size === 0) {
      newobj = getAttrOpt(cr, '__newobj__')!;
      newargs = newTuple([incref(obj.ob_type), ...(args ? args.items.map((x) => incref(x)) : [])]);
    } else {
      newobj = getAttrOpt(cr, '__newobj_ex__')!;
      newargs = newTuple([incref(obj.ob_type), incref(args ?? rt.emptyTuple), incref(kwargs)]);
    }
    xdec(args);
    xdec(kwargs);
    const required = !(hasargs || obj instanceof PyList || obj instanceof PyDict);
    let state: PyObject;
    try {
      state = getstate(obj, required);
    } catch (e) {
      decref(newobj);
      decref(newargs);
      throw e;
    }
    let listitems: PyObject = incref(rt.None);
    let dictitems: PyObject = incref(rt.None);
    if (obj instanceof PyList) {
      decref(listitems);
      listitems = getIter(obj);
    }
    if (obj instanceof PyDict) {
      decref(dictitems);
      const items = callMethod(obj, 'items', []);
      dictitems = getIter(items);
      decref(items);
    }
    return newTuple([newobj, newargs, state, listitems, dictitems]);
  } finally {
    decref(cr);
  }
}

function xdec(o: PyObject | null): void {
  if (o) decref(o);
}

/** _common_reduce: copyreg._reduce_ex for protocols 0 and 1, reduce_newobj from 2. */
function commonReduce(obj: PyObject, proto: number): PyObject {
  if (proto >= 2) return reduceNewobj(obj);
  const cr = copyreg();
  const p = newInt(proto);
  try {
    return callMethod(cr, '_reduce_ex', [obj, p]);
  } finally {
    decref(p);
    decref(cr);
  }
}

/** Replaces object's __reduce_ex__ / __reduce__ / __getstate__ with CPython's behaviour. */
export function installReduce(): void {
  const object = rt.t.object;
  method(object, '__reduce__', (_args, _kw, self) => commonReduce(self!, 0));
  method(object, '__reduce_ex__', (args, _kw, self) => {
    const obj = self!;
    if (args.length !== 1) raise(excType('TypeError'), `object.__reduce_ex__() takes exactly one argument (${args.length} given)`);
    const proto = Number(indexValue(args[0]));
    const reduce = lookupType(obj.ob_type, '__reduce__');
    const own = object.dict.map.get('__reduce__')?.value;
    if (reduce && reduce !== own) return callDescriptor(reduce, obj, []);
    return commonReduce(obj, proto);
  });
  if (rt.v >= 311) method(object, '__getstate__', (_args, _kw, self) => getstateDefault(self!, false));
  typeModified();
  void isRaised;
  void newStr;
}
