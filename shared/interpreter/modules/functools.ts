// The _functools module (Modules/_functoolsmodule.c): partial, reduce, cmp_to_key's KeyWrapper and the
// _lru_cache_wrapper behind lru_cache and cache. The cache keeps CPython's references: its dict holds each key
// (the argument itself for one int or str argument, else a tuple of the arguments) and, through its links, the
// results, so a cached method keeps `self` alive exactly as in CPython. functools.py (pylib) builds on these.
import { addressHex, call, callDescriptor, EQ, excType, findSlot, genericGetAttr, genericSetAttr, getIter, hash, isTrue, iterNext, lookupType, reprText, richCompare, richCompareBool, strText, typeName } from '../abstract';
import { PyDict, PyInt, PyModule, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newDict, newInt, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import { addInstanceDescriptors, newInstance } from '../types/object';
import * as dict from '../types/dict';
import { clinic, def, getter, reprEnter, reprLeave } from '../types/common';
import { newMethod } from '../types/function';
import { finishType, moduleFunction, moduleValue, newStaticType, splitArgs, typeError } from './support';
import { classMethod } from '../types/util';
import { newGenericAlias } from './typesmod';

/** An object of one of these types that may have an instance __dict__ (made on first attribute store). */
class PyWithDict extends PyObject {
  dict: PyDict | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

function lazyDictSetattro(self: PyObject, name: PyStr, value: PyObject | null): void {
  const o = self as PyWithDict;
  if (!o.dict && value) {
    const descr = lookupType(o.ob_type, name.value);
    if (!descr || !findSlot(descr.ob_type, 'tp_descr_set')) o.dict = newDict();
  }
  genericSetAttr(self, name.value, value);
}

class PyPartial extends PyWithDict {
  constructor(type: PyType, public fn: PyObject, public args: PyTuple, public kw: PyDict) {
    super(type);
  }
}

class PyLruCache extends PyWithDict {
  hits = 0;
  misses = 0;
  /** The links, oldest first (the bounded cache's doubly linked list, in order). */
  links: PyLruLink[] = [];
  constructor(
    type: PyType,
    public func: PyObject,
    public cache: PyDict,
    public maxsize: number | null,
    public typed: boolean,
    public cacheInfoType: PyObject,
    public kwdMark: PyObject,
  ) {
    super(type);
  }
}

/** _lru_list_elem: not a GC object; the wrapper's traverse visits what it holds. */
class PyLruLink extends PyObject {
  constructor(type: PyType, public key: PyObject, public result: PyObject, public khash: number) {
    super(type);
  }
}

class PyKeyWrapper extends PyObject {
  constructor(type: PyType, public cmp: PyObject, public object: PyObject | null) {
    super(type);
  }
}

export function installFunctools(m: PyModule): void {
  // ---------------------------------------------------------------- partial
  const partial = newStaticType('partial', { module: 'functools', size: 64, gc: true, baseType: true, weakrefable: true });
  partial.slots.tp_new = (type, args, kwnames) => {
    const [pos, kws] = splitArgs(args, kwnames);
    if (!pos.length) typeError(`type 'partial' takes at least one argument`);
    let func = pos[0];
    let pargs: PyTuple | null = null;
    let pkw: PyDict | null = null;
    if (func instanceof PyPartial && func.ob_type.mro.includes(partial) && func.dict === null) {
      pargs = func.args;
      pkw = func.kw;
      func = func.fn;
    }
    const callable = !!findSlot(func.ob_type, 'tp_call') || func instanceof PyType || lookupType(func.ob_type, '__call__') !== null ||
      func.ob_type === rt.t.function || func.ob_type === rt.t.builtin_function_or_method;
    if (!callable) typeError('the first argument must be callable');
    const rest = pos.slice(1).map((x) => incref(x));
    const fargs = newTuple(pargs ? [...pargs.items.map((x) => incref(x)), ...rest] : rest);
    const kw = newDict();
    if (pkw) for (const e of dict.entries(pkw)) dict.setItem(kw, e.key, e.value);
    for (const [k, v] of kws) dict.setItemStr(kw, k, v);
    return alloc(new PyPartial(type, incref(func), fargs, kw), 64);
  };
  partial.slots.tp_call = (self, args, kwnames) => {
    const p = self as PyPartial;
    const [pos, kws] = splitArgs(args, kwnames);
    const callArgs = [...p.args.items, ...pos];
    const entries = dict.entries(p.kw);
    if (!entries.length) return call(p.fn, [...callArgs, ...kws.map((k) => k[1])], kwnames && kwnames.length ? kwnames : null);
    // partial_call: a copy of the stored keywords updated with the call's.
    const merged = newDict();
    try {
      for (const e of entries) dict.setItem(merged, e.key, e.value);
      for (const [k, v] of kws) dict.setItemStr(merged, k, v);
      const me = dict.entries(merged);
      return call(p.fn, [...callArgs, ...me.map((e) => e.value)], me.map((e) => e.key as PyStr));
    } finally {
      decref(merged);
    }
  };
  partial.slots.tp_repr = (self) => {
    const p = self as PyPartial;
    const t = p.ob_type;
    const name = t === partial ? 'functools.partial' : rt.v >= 313 ? `${t.module}.${t.qualname}` : t.name;
    if (reprEnter(p)) return newStr('...');
    try {
      let s = reprText(p.fn);
      for (const a of p.args.items) s += ', ' + reprText(a);
      for (const e of dict.entries(p.kw)) {
        s += `, ${strText(e.key)}=${reprText(e.value)}`;
      }
      return newStr(`${name}(${s})`);
    } finally {
      reprLeave(p);
    }
  };
  partial.slots.tp_traverse = (self, visit) => {
    const p = self as PyPartial;
    visit(p.fn);
    visit(p.args);
    visit(p.kw);
    if (p.dict) visit(p.dict);
  };
  partial.slots.tp_clear = (self) => {
    const p = self as PyPartial;
    const { fn, args, kw, dict: d } = p;
    p.dict = null;
    decref(fn);
    decref(args);
    decref(kw);
    xdecref(d);
  };
  partial.slots.tp_setattro = lazyDictSetattro;
  if (rt.v >= 314) {
    partial.slots.tp_descr_get = (self, obj) => (obj === null || obj === rt.None ? incref(self) : newMethod(self, obj));
  }
  // partial_reduce / partial_setstate (copy and pickle).
  def<PyPartial>(partial, '__reduce__', (p) => newTuple([incref(p.ob_type), newTuple([incref(p.fn)]),
    newTuple([incref(p.fn), incref(p.args), incref(p.kw), incref(p.dict && p.dict.map.size ? p.dict : rt.None)])]));
  def<PyPartial>(partial, '__setstate__', (p, args) => {
    const state = args[0];
    if (!(state instanceof PyTuple)) typeError('argument to __setstate__ must be a tuple');
    const items = (state as PyTuple).items;
    if (items.length !== 4) typeError(`expected 4 items in state, got ${items.length}`);
    const [fn, fnargs, kw, d] = items;
    if (!(fnargs instanceof PyTuple) || (kw !== rt.None && !(kw instanceof PyDict))) typeError('invalid partial state');
    const oldFn = p.fn;
    const oldArgs = p.args;
    const oldKw = p.kw;
    const oldDict = p.dict;
    p.fn = incref(fn);
    p.args = fnargs.ob_type === rt.t.tuple ? incref(fnargs as PyTuple) : newTuple((fnargs as PyTuple).items.map((x) => incref(x)));
    p.kw = kw === rt.None ? newDict() : incref(kw as PyDict);
    p.dict = d === rt.None ? null : incref(d as PyDict);
    decref(oldFn);
    decref(oldArgs);
    decref(oldKw);
    xdecref(oldDict);
    return incref(rt.None);
  });
  getter<PyPartial>(partial, 'func', (p) => incref(p.fn));
  getter<PyPartial>(partial, 'args', (p) => incref(p.args));
  getter<PyPartial>(partial, 'keywords', (p) => incref(p.kw));
  addInstanceDescriptors(partial, true, false);
  classGetItem(partial);
  finishType(partial);
  moduleValue(m, 'partial', partial);

  // ---------------------------------------------------------------- reduce
  moduleFunction(m, 'reduce', (args, kwnames) => {
    const nkw = kwnames ? kwnames.length : 0;
    let initial: PyObject | null = null;
    if (nkw) {
      if (rt.v < 314 || nkw > 1 || kwnames![0].value !== 'initial') typeError('reduce() takes no keyword arguments');
      initial = args[args.length - 1];
    }
    const pos = args.slice(0, args.length - nkw);
    if (pos.length < 2) typeError(`reduce expected at least 2 arguments, got ${pos.length}`);
    if (pos.length > 3) typeError(`reduce expected at most 3 arguments, got ${pos.length}`);
    if (pos.length === 3) initial = pos[2];
    const func = pos[0];
    let it: PyObject;
    try {
      it = getIter(pos[1]);
    } catch (e) {
      if (e instanceof Object && 'exc' in e) {
        decref((e as { exc: PyObject }).exc);
        typeError('reduce() arg 2 must support iteration');
      }
      throw e;
    }
    let result: PyObject | null = initial ? incref(initial) : null;
    try {
      for (let op2 = iterNext(it); op2; op2 = iterNext(it)) {
        if (!result) {
          result = op2;
          continue;
        }
        try {
          const r = call(func, [result, op2]);
          decref(result);
          result = r;
        } finally {
          decref(op2);
        }
      }
    } catch (e) {
      xdecref(result);
      throw e;
    } finally {
      decref(it);
    }
    if (!result) typeError('reduce() of empty iterable with no initial value');
    return result!;
  });

  // ---------------------------------------------------------------- cmp_to_key
  const keyWrapper = newStaticType('KeyWrapper', { module: 'functools', size: 32, gc: true });
  keyWrapper.slots.tp_call = (self, args, kwnames) => {
    const k = self as PyKeyWrapper;
    const [obj] = clinic('K', args, kwnames, ['obj'], { posonly: 0, minpos: 1, maxpos: 1 });
    return alloc(new PyKeyWrapper(keyWrapper, incref(k.cmp), incref(obj!)), 32);
  };
  keyWrapper.slots.tp_richcompare = (a, b, op) => {
    const x = a as PyKeyWrapper;
    if (!(b instanceof PyKeyWrapper)) typeError('other argument must be K instance');
    if (!x.object || !b.object) raise(excType('AttributeError'), 'object');
    const res = call(x.cmp, [x.object!, b.object!]);
    try {
      const zero = newInt(0);
      try {
        return richCompare(res, zero, op);
      } finally {
        decref(zero);
      }
    } finally {
      decref(res);
    }
  };
  keyWrapper.slots.tp_traverse = (self, visit) => {
    const k = self as PyKeyWrapper;
    visit(k.cmp);
    if (k.object) visit(k.object);
  };
  keyWrapper.slots.tp_clear = (self) => {
    const k = self as PyKeyWrapper;
    const o = k.object;
    k.object = null;
    decref(k.cmp);
    xdecref(o);
  };
  getter<PyKeyWrapper>(keyWrapper, 'obj', (k) => {
    if (!k.object) raise(excType('AttributeError'), 'obj');
    return incref(k.object!);
  });
  keyWrapper.dict.map.delete('__hash__');
  dict.setItemStr(keyWrapper.dict, '__hash__', rt.None);
  finishType(keyWrapper);
  moduleFunction(m, 'cmp_to_key', (args, kwnames) => {
    const [mycmp] = clinic('cmp_to_key', args, kwnames, ['mycmp'], { posonly: 0, minpos: 1, maxpos: 1 });
    return alloc(new PyKeyWrapper(keyWrapper, incref(mycmp!), null), 32);
  });

  // ---------------------------------------------------------------- _lru_cache_wrapper
  const linkType = newStaticType('_lru_list_elem', { module: 'functools', size: 56, gc: false });
  linkType.slots.tp_clear = (self) => {
    const l = self as PyLruLink;
    decref(l.key);
    decref(l.result);
  };
  finishType(linkType);
  const lru = newStaticType('_lru_cache_wrapper', { module: 'functools', size: 120, gc: true, baseType: false, weakrefable: true });
  lru.slots.tp_new = (type, args, kwnames) => {
    const [func, maxsizeO, typedO, infoType] = clinic('_lru_cache_wrapper', args, kwnames, ['user_function', 'maxsize', 'typed', 'cache_info_type'], { posonly: 0, minpos: 4, maxpos: 4 });
    const callable = !!findSlot(func!.ob_type, 'tp_call') || lookupType(func!.ob_type, '__call__') !== null ||
      func!.ob_type === rt.t.function || func!.ob_type === rt.t.builtin_function_or_method;
    if (!callable) typeError('the first argument must be callable');
    let maxsize: number | null;
    if (maxsizeO === rt.None) maxsize = null;
    else if (maxsizeO instanceof PyInt) {
      maxsize = Number(maxsizeO.value);
      if (maxsize < 0) maxsize = 0;
    } else return typeError('maxsize should be integer or None');
    const typed = isTrue(typedO!);
    void newInstance;
    const kwdMark = alloc(new PyObject(rt.t.object), 16);
    const w = alloc(new PyLruCache(type, incref(func!), newDict(), maxsize, typed, incref(infoType!), kwdMark), 120);
    // The instance dict functools.update_wrapper fills (tp_dictoffset).
    w.dict = newDict();
    return w;
  };
  const makeKey = (w: PyLruCache, args: PyObject[], kws: [string, PyObject][]): PyObject => {
    if (!w.typed && !kws.length) {
      if (args.length === 1 && (args[0].ob_type === rt.t.str || args[0].ob_type === rt.t.int)) return incref(args[0]);
      return newTuple(args.map((a) => incref(a)));
    }
    const items = args.map((a) => incref(a));
    if (kws.length) {
      items.push(incref(w.kwdMark));
      for (const [k, v] of kws) {
        items.push(newStr(k));
        items.push(incref(v));
      }
    }
    if (w.typed) {
      for (const a of args) items.push(incref(a.ob_type));
      for (const [, v] of kws) items.push(incref(v.ob_type));
    }
    return newTuple(items);
  };
  lru.slots.tp_call = (self, args, kwnames) => {
    const w = self as PyLruCache;
    const [pos, kws] = splitArgs(args, kwnames);
    // tp_call receives the arguments as a tuple (and a dict of keywords), as _PyObject_MakeTpCall makes them.
    const argsTuple = newTuple(pos.map((a) => incref(a)));
    try {
      const callFunc = (): PyObject => call(w.func, [...argsTuple.items, ...kws.map((k) => k[1])], kws.length ? kwnames!.slice(kwnames!.length - kws.length) : null);
      if (w.maxsize === 0) {
        w.misses++;
        return callFunc();
      }
      const key = makeKey(w, argsTuple.items, kws);
      let h: number;
      try {
        h = hash(key);
      } catch (e) {
        decref(key);
        throw e;
      }
      if (w.maxsize === null) {
        const found = dict.lookup(w.cache, key, h);
        if (found) {
          w.hits++;
          decref(key);
          return incref(found.value);
        }
        w.misses++;
        let result: PyObject;
        try {
          result = callFunc();
        } catch (e) {
          decref(key);
          throw e;
        }
        try {
          dict.setItem(w.cache, key, result);
        } finally {
          decref(key);
        }
        return result;
      }
      // The bounded cache (bounded_lru_cache_wrapper).
      const found = dict.lookup(w.cache, key, h);
      if (found) {
        const link = found.value as PyLruLink;
        const i = w.links.indexOf(link);
        if (i >= 0) w.links.splice(i, 1);
        w.links.push(link);
        w.hits++;
        decref(key);
        return incref(link.result);
      }
      w.misses++;
      let result: PyObject;
      try {
        result = callFunc();
      } catch (e) {
        decref(key);
        throw e;
      }
      if (dict.lookup(w.cache, key, h)) {
        // The same key was added during the call: the link update is done already.
        decref(key);
        return result;
      }
      if (w.cache.map.size < w.maxsize || w.links.length === 0) {
        // The new link's own reference is the list's; the dict holds a second one.
        const link = alloc(new PyLruLink(linkType, key, result, h), 56);
        try {
          dict.setItem(w.cache, key, link);
        } catch (e) {
          decref(link);
          throw e;
        }
        w.links.push(link);
        return incref(result);
      }
      // Full: reuse the oldest link for the new key and result.
      const oldlink = w.links.shift()!;
      const popped = dict.popEntry(w.cache, oldlink.key);
      if (!popped) {
        decref(oldlink);
        decref(key);
        return result;
      }
      decref(popped.key);
      const oldkey = oldlink.key;
      const oldresult = oldlink.result;
      oldlink.key = key;
      oldlink.result = result;
      oldlink.khash = h;
      dict.setItem(w.cache, key, oldlink);
      w.links.push(oldlink);
      incref(result);
      decref(popped.value);
      decref(oldkey);
      decref(oldresult);
      return result;
    } finally {
      decref(argsTuple);
    }
  };
  lru.slots.tp_descr_get = (self, obj) => (obj === null || obj === rt.None ? incref(self) : newMethod(self, obj));
  const cacheClear = (w: PyLruCache): void => {
    const links = w.links;
    w.links = [];
    w.hits = 0;
    w.misses = 0;
    dict.clear(w.cache);
    for (const l of links) decref(l);
  };
  lru.slots.tp_traverse = (self, visit) => {
    const w = self as PyLruCache;
    for (const l of w.links) {
      visit(l.key);
      visit(l.result);
    }
    visit(w.func);
    visit(w.cache);
    visit(w.cacheInfoType);
    if (w.dict) visit(w.dict);
  };
  lru.slots.tp_clear = (self) => {
    const w = self as PyLruCache;
    cacheClear(w);
    const { func, cache, cacheInfoType, kwdMark, dict: d } = w;
    w.dict = null;
    decref(func);
    decref(cache);
    decref(cacheInfoType);
    decref(kwdMark);
    xdecref(d);
  };
  lru.slots.tp_setattro = lazyDictSetattro;
  def<PyLruCache>(lru, 'cache_info', (w) => {
    const maxsize = w.maxsize === null ? incref(rt.None) : newInt(w.maxsize);
    const hits = newInt(w.hits);
    const misses = newInt(w.misses);
    const currsize = newInt(w.maxsize === 0 ? 0 : w.cache.map.size);
    try {
      return call(w.cacheInfoType, [hits, misses, maxsize, currsize]);
    } finally {
      decref(hits);
      decref(misses);
      decref(maxsize);
      decref(currsize);
    }
  });
  def<PyLruCache>(lru, 'cache_clear', (w) => {
    cacheClear(w);
    return incref(rt.None);
  });
  def<PyLruCache>(lru, '__copy__', (w) => incref(w));
  def<PyLruCache>(lru, '__deepcopy__', (w) => incref(w));
  addInstanceDescriptors(lru, true, false);
  finishType(lru);
  moduleValue(m, '_lru_cache_wrapper', lru);
  void EQ;
  void richCompareBool;
  void callDescriptor;
  void addressHex;
  void typeName;
}

/** __class_getitem__ = classmethod(GenericAlias), when types.GenericAlias exists. */
function classGetItem(t: PyType): void {
  classMethod(t, '__class_getitem__', (args, _kw, self) => {
    return newGenericAlias(self as PyObject, args[args.length - 1]);
  });
}

export { classGetItem };
