// The _collections module (Modules/_collectionsmodule.c, Objects/odictobject.c): deque, defaultdict,
// OrderedDict, _tuplegetter (namedtuple's field descriptors) and _count_elements (Counter's fast path). They are
// C types in CPython; collections/__init__.py (pylib) builds namedtuple, Counter, ChainMap... on them.
import { binaryOp, call, callDescriptor, EQ, excType, findSlot, getAttrOpt, getItem as getItemAbstract, getIter, hash, isTrue, iterNext, length, lookupType, NE, reprText, richCompare, richCompareBool, setItem as setItemAbstract, typeName } from '../abstract';
import { PyDict, PyModule, PyObject, PyStr, PyTuple, PyType, PyInt, PyList } from '../objects';
import { alloc, decref, incref, newBool, newDict, newInt, newList, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import { asSsize, clinic, cmpResult, def, getter, hasIndex, reprEnter, reprLeave } from '../types/common';
import * as dict from '../types/dict';
import { dictCopy, dictUpdateArg, newDictView, PyDictView } from '../types/dictmethods';
import { newDictIterator } from '../types/iterators';
import { listFromIterable } from '../types/list';
import { addInstanceDescriptors, PyGetSet } from '../types/object';
import { classMethod } from '../types/util';
import { finishType, moduleFunction, moduleValue, newStaticType, splitArgs, typeError } from './support';
import { addClassGetItem } from './typesmod';

// ---------------------------------------------------------------- deque

export class PyDeque extends PyObject {
  items: PyObject[] = [];
  maxlen = -1;
  /** Bumped by every mutation (deque->state): iterators check it. */
  state = 0;
  constructor(type: PyType) {
    super(type);
  }
}

class PyDequeIter extends PyObject {
  constructor(type: PyType, public deque: PyDeque | null, public index: number, public state: number, public counter: number) {
    super(type);
  }
}

function dequeAppend(d: PyDeque, item: PyObject): void {
  d.items.push(incref(item));
  d.state++;
  if (d.maxlen >= 0 && d.items.length > d.maxlen) {
    const old = d.items.shift()!;
    decref(old);
  }
}

function dequeAppendLeft(d: PyDeque, item: PyObject): void {
  d.items.unshift(incref(item));
  d.state++;
  if (d.maxlen >= 0 && d.items.length > d.maxlen) {
    const old = d.items.pop()!;
    decref(old);
  }
}

function consume(it: PyObject): void {
  for (let x = iterNext(it); x; x = iterNext(it)) decref(x);
}

function dequeExtend(d: PyDeque, iterable: PyObject, left: boolean): void {
  if (iterable === d) {
    const copy = listFromIterable(iterable);
    try {
      dequeExtend(d, copy, left);
    } finally {
      decref(copy);
    }
    return;
  }
  const it = getIter(iterable);
  try {
    if (d.maxlen === 0) {
      consume(it);
      return;
    }
    for (let x = iterNext(it); x; x = iterNext(it)) {
      if (left) dequeAppendLeft(d, x);
      else dequeAppend(d, x);
      decref(x);
    }
  } finally {
    decref(it);
  }
}

function dequeClear(d: PyDeque): void {
  const items = d.items;
  d.items = [];
  d.state++;
  for (const x of items) decref(x);
}

function dequeRotate(d: PyDeque, n: number): void {
  const len = d.items.length;
  if (len <= 1) return;
  const halflen = len >> 1;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen) n -= len;
    else if (n < -halflen) n += len;
  }
  if (n === 0) return;
  d.state++;
  if (n > 0) d.items.unshift(...d.items.splice(len - n, n));
  else d.items.push(...d.items.splice(0, -n));
}

function normIndex(d: PyDeque, o: PyObject): number {
  if (!hasIndex(o)) typeError(`sequence index must be integer, not '${typeName(o)}'`);
  let i = asSsize(o, 'IndexError');
  if (i < 0) i += d.items.length;
  if (i < 0 || i >= d.items.length) raise(excType('IndexError'), 'deque index out of range');
  return i;
}

// ---------------------------------------------------------------- defaultdict

class PyDefaultDict extends PyDict {
  factory: PyObject | null = null;
}

// ---------------------------------------------------------------- _tuplegetter

class PyTupleGetter extends PyObject {
  constructor(type: PyType, public index: number, public doc: PyObject) {
    super(type);
  }
}

export function installCollections(m: PyModule): void {
  const pub = rt.v >= 312 ? 'collections' : '_collections';

  // ---------------------------------------------------------------- deque
  const deque = newStaticType('deque', { module: 'collections', size: 632, gc: true, baseType: true, weakrefable: true });
  const dequeIter = newStaticType('_deque_iterator', { module: pub, size: 56, gc: true });
  const dequeRevIter = newStaticType('_deque_reverse_iterator', { module: pub, size: 56, gc: true });
  const isDeque = (o: PyObject): o is PyDeque => o instanceof PyDeque && o.ob_type.mro.includes(deque);
  const newDequeOf = (type: PyType): PyDeque => alloc(new PyDeque(type), 632);
  deque.slots.tp_new = (type) => newDequeOf(type);
  deque.slots.tp_init = (self, args, kwnames) => {
    const d = self as PyDeque;
    const [iterable, maxlenO] = clinic('deque', args, kwnames, ['iterable', 'maxlen'], { posonly: 0, minpos: 0, maxpos: 2 });
    let maxlen = -1;
    if (maxlenO && maxlenO !== rt.None) {
      if (!hasIndex(maxlenO)) typeError('an integer is required');
      maxlen = asSsize(maxlenO);
      if (maxlen < 0) raise(excType('ValueError'), 'maxlen must be non-negative');
    }
    d.maxlen = maxlen;
    if (d.items.length) dequeClear(d);
    if (iterable) dequeExtend(d, iterable, false);
  };
  deque.slots.tp_repr = (self) => {
    const d = self as PyDeque;
    const name = d.ob_type.name;
    if (reprEnter(d)) return newStr('[...]');
    try {
      const l = newList(d.items.map((x) => incref(x)));
      try {
        const inner = reprText(l);
        return newStr(d.maxlen >= 0 ? `${name}(${inner}, maxlen=${d.maxlen})` : `${name}(${inner})`);
      } finally {
        decref(l);
      }
    } finally {
      reprLeave(d);
    }
  };
  deque.slots.sq_length = (self) => (self as PyDeque).items.length;
  deque.slots.nb_bool = (self) => (self as PyDeque).items.length > 0;
  deque.slots.sq_contains = (self, v) => {
    const d = self as PyDeque;
    const state = d.state;
    for (let i = 0; i < d.items.length; i++) {
      const item = incref(d.items[i]);
      let cmp: boolean;
      try {
        cmp = richCompareBool(item, v, EQ);
      } finally {
        decref(item);
      }
      if (d.state !== state) raise(excType('RuntimeError'), 'deque mutated during iteration');
      if (cmp) return true;
    }
    return false;
  };
  deque.slots.mp_subscript = (self, key) => {
    const d = self as PyDeque;
    return incref(d.items[normIndex(d, key)]);
  };
  deque.slots.mp_ass_subscript = (self, key, value) => {
    const d = self as PyDeque;
    const i = normIndex(d, key);
    const old = d.items[i];
    if (value) d.items[i] = incref(value);
    else {
      d.items.splice(i, 1);
      d.state++;
    }
    decref(old);
  };
  deque.slots.tp_iter = (self) => {
    const d = self as PyDeque;
    return alloc(new PyDequeIter(dequeIter, incref(d), 0, d.state, d.items.length), 56);
  };
  deque.slots.tp_richcompare = (a, b, op) => {
    if (!isDeque(a) || !isDeque(b)) return incref(rt.NotImplemented);
    const x = a.items;
    const y = b.items;
    if ((op === EQ || op === NE) && x.length !== y.length) return newBool(op === NE);
    let i = 0;
    for (; i < x.length && i < y.length; i++) {
      if (!richCompareBool(x[i], y[i], EQ)) break;
    }
    if (i >= x.length || i >= y.length) return newBool(cmpResult(x.length, y.length, op));
    if (op === EQ) return newBool(false);
    if (op === NE) return newBool(true);
    return richCompare(x[i], y[i], op);
  };
  deque.slots.tp_traverse = (self, visit) => {
    for (const x of (self as PyDeque).items) visit(x);
  };
  deque.slots.tp_clear = (self) => dequeClear(self as PyDeque);
  const dequeCopy = (d: PyDeque): PyObject => {
    if (d.ob_type === deque) {
      const n = newDequeOf(deque);
      n.maxlen = d.maxlen;
      for (const x of d.items) n.items.push(incref(x));
      return n;
    }
    const maxlen = d.maxlen >= 0 ? newInt(d.maxlen) : null;
    try {
      if (maxlen) {
        const kw = newStr('maxlen');
        try {
          return call(d.ob_type, [d, maxlen], [kw]);
        } finally {
          decref(kw);
        }
      }
      return call(d.ob_type, [d]);
    } finally {
      xdecref(maxlen);
    }
  };
  deque.slots.nb = {
    add: (a, b) => {
      if (!isDeque(a)) return incref(rt.NotImplemented);
      if (!isDeque(b)) typeError(`can only concatenate deque (not "${typeName(b)}") to deque`);
      const n = dequeCopy(a) as PyDeque;
      try {
        dequeExtend(n, b, false);
      } catch (e) {
        decref(n);
        throw e;
      }
      return n;
    },
    mul: (a, b) => {
      const [d, n] = isDeque(a) ? [a, b] : isDeque(b) ? [b, a] : [null, null];
      if (!d || !hasIndex(n!)) return incref(rt.NotImplemented);
      const c = dequeCopy(d) as PyDeque;
      const times = asSsize(n!);
      const base = [...c.items];
      dequeClear(c);
      for (let k = 0; k < times; k++) for (const x of base) dequeAppend(c, x);
      return c;
    },
  };
  deque.slots.nb_inplace = {
    add: (a, b) => {
      dequeExtend(a as PyDeque, b, false);
      return incref(a);
    },
    mul: (a, b) => {
      const d = a as PyDeque;
      const times = asSsize(b);
      const base = [...d.items].map((x) => incref(x));
      dequeClear(d);
      for (let k = 0; k < times; k++) for (const x of base) dequeAppend(d, x);
      base.forEach(decref);
      return incref(a);
    },
  };
  const popEmpty = (): never => raise(excType('IndexError'), 'pop from an empty deque');
  def<PyDeque>(deque, 'append', (d, args, kw) => { oneArg('append', args, kw); dequeAppend(d, args[0]); return incref(rt.None); });
  def<PyDeque>(deque, 'appendleft', (d, args, kw) => { oneArg('appendleft', args, kw); dequeAppendLeft(d, args[0]); return incref(rt.None); });
  def<PyDeque>(deque, 'pop', (d, args, kw) => {
    noArgs('pop', args, kw);
    if (!d.items.length) popEmpty();
    d.state++;
    return d.items.pop()!;
  });
  def<PyDeque>(deque, 'popleft', (d, args, kw) => {
    noArgs('popleft', args, kw);
    if (!d.items.length) popEmpty();
    d.state++;
    return d.items.shift()!;
  });
  def<PyDeque>(deque, 'extend', (d, args, kw) => { oneArg('extend', args, kw); dequeExtend(d, args[0], false); return incref(rt.None); });
  def<PyDeque>(deque, 'extendleft', (d, args, kw) => { oneArg('extendleft', args, kw); dequeExtend(d, args[0], true); return incref(rt.None); });
  def<PyDeque>(deque, 'clear', (d, args, kw) => { noArgs('clear', args, kw); dequeClear(d); return incref(rt.None); });
  def<PyDeque>(deque, 'copy', (d, args, kw) => { noArgs('copy', args, kw); return dequeCopy(d); });
  def<PyDeque>(deque, '__copy__', (d, args, kw) => { noArgs('__copy__', args, kw); return dequeCopy(d); });
  def<PyDeque>(deque, 'count', (d, args, kw) => {
    oneArg('count', args, kw);
    const state = d.state;
    let n = 0;
    for (let i = 0; i < d.items.length; i++) {
      const item = incref(d.items[i]);
      try {
        if (richCompareBool(item, args[0], EQ)) n++;
      } finally {
        decref(item);
      }
      if (d.state !== state) raise(excType('RuntimeError'), 'deque mutated during iteration');
    }
    return newInt(n);
  });
  def<PyDeque>(deque, 'index', (d, args, kw) => {
    if (kw && kw.length) typeError('index() takes no keyword arguments');
    if (args.length < 1 || args.length > 3) typeError(`index expected at least 1 argument, got ${args.length}`);
    const len = d.items.length;
    let start = args.length > 1 ? asSsize(args[1], null) : 0;
    let stop = args.length > 2 ? asSsize(args[2], null) : len;
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (stop < 0) { stop += len; if (stop < 0) stop = 0; }
    if (stop > len) stop = len;
    const state = d.state;
    for (let i = start; i < stop; i++) {
      const item = incref(d.items[i]);
      let cmp: boolean;
      try {
        cmp = richCompareBool(item, args[0], EQ);
      } finally {
        decref(item);
      }
      if (d.state !== state) raise(excType('RuntimeError'), 'deque mutated during iteration');
      if (cmp) return newInt(i);
    }
    return raise(excType('ValueError'), `${reprText(args[0])} is not in deque`);
  });
  def<PyDeque>(deque, 'insert', (d, args, kw) => {
    if (kw && kw.length) typeError('insert() takes no keyword arguments');
    if (args.length !== 2) typeError(`insert expected 2 arguments, got ${args.length}`);
    let i = asSsize(args[0]);
    const len = d.items.length;
    if (d.maxlen === len) raise(excType('IndexError'), 'deque already at its maximum size');
    if (i < 0) { i += len; if (i < 0) i = 0; }
    if (i > len) i = len;
    d.items.splice(i, 0, incref(args[1]));
    d.state++;
    return incref(rt.None);
  });
  def<PyDeque>(deque, 'remove', (d, args, kw) => {
    oneArg('remove', args, kw);
    const state = d.state;
    for (let i = 0; i < d.items.length; i++) {
      const item = incref(d.items[i]);
      let cmp: boolean;
      try {
        cmp = richCompareBool(item, args[0], EQ);
      } finally {
        decref(item);
      }
      if (d.state !== state) raise(excType('IndexError'), 'deque mutated during remove().');
      if (cmp) {
        const [old] = d.items.splice(i, 1);
        d.state++;
        decref(old);
        return incref(rt.None);
      }
    }
    return raise(excType('ValueError'), rt.v >= 313 ? `${reprText(args[0])} is not in deque` : 'deque.remove(x): x not in deque');
  });
  def<PyDeque>(deque, 'reverse', (d, args, kw) => { noArgs('reverse', args, kw); d.items.reverse(); d.state++; return incref(rt.None); });
  def<PyDeque>(deque, 'rotate', (d, args, kw) => {
    if (kw && kw.length) typeError('rotate() takes no keyword arguments');
    if (args.length > 1) typeError(`rotate expected at most 1 argument, got ${args.length}`);
    const n = args.length ? asSsize(args[0]) : 1;
    dequeRotate(d, n);
    return incref(rt.None);
  });
  // deque_reduce: (type, (), state, iter(d)) or with ((), maxlen); state is the instance __dict__ or None.
  def<PyDeque>(deque, '__reduce__', (d) => {
    const state = instanceState(d);
    const it = deque.slots.tp_iter!(d);
    const args = d.maxlen >= 0 ? newTuple([incref(rt.emptyTuple), newInt(d.maxlen)]) : newTuple([]);
    return newTuple([incref(d.ob_type), args, state, it]);
  });
  def<PyDeque>(deque, '__reversed__', (d) => alloc(new PyDequeIter(dequeRevIter, incref(d), d.items.length - 1, d.state, d.items.length), 56));
  def<PyDeque>(deque, '__sizeof__', (d) => {
    const blocks = Math.floor((d.items.length + 64 + 1) / 64) ;
    return newInt(deque.basicsize + blocks * 528 - 528);
  });
  getter<PyDeque>(deque, 'maxlen', (d) => (d.maxlen >= 0 ? newInt(d.maxlen) : incref(rt.None)));
  dict.setItemStr(deque.dict, '__hash__', rt.None);
  addClassGetItem(deque);
  finishType(deque);
  for (const [t, reverse] of [[dequeIter, false], [dequeRevIter, true]] as const) {
    t.slots.tp_iter = (self) => incref(self);
    t.slots.tp_iternext = (self) => {
      const it = self as PyDequeIter;
      const d = it.deque;
      if (!d) return null;
      if (d.state !== it.state) {
        it.counter = 0;
        raise(excType('RuntimeError'), 'deque mutated during iteration');
      }
      if (it.counter === 0) return null;
      const item = d.items[it.index];
      it.index += reverse ? -1 : 1;
      it.counter--;
      return incref(item);
    };
    t.slots.tp_traverse = (self, visit) => {
      const it = self as PyDequeIter;
      if (it.deque) visit(it.deque);
    };
    t.slots.tp_clear = (self) => {
      const it = self as PyDequeIter;
      const d = it.deque;
      it.deque = null;
      xdecref(d);
    };
    def<PyDequeIter>(t, '__length_hint__', (it) => newInt(it.counter));
    finishType(t);
  }
  moduleValue(m, 'deque', deque);
  moduleValue(m, '_deque_iterator', dequeIter);
  moduleValue(m, '_deque_reverse_iterator', dequeRevIter);

  // ---------------------------------------------------------------- defaultdict
  const dictType = rt.t.dict;
  const dd = newStaticType('defaultdict', { module: 'collections', base: dictType, size: 56, gc: true, baseType: true });
  dd.solidBase = dictType;
  const ddRepr = (self: PyObject): PyObject => {
    const d = self as PyDefaultDict;
    const baseRepr = findSlot(dictType, 'tp_repr')!(d) as PyStr;
    let f = 'None';
    if (d.factory) {
      if (reprEnter(d.factory)) f = '...';
      else {
        try {
          f = reprText(d.factory);
        } finally {
          reprLeave(d.factory);
        }
      }
    }
    const s = `${d.ob_type.name}(${f}, ${baseRepr.value})`;
    decref(baseRepr);
    return newStr(s);
  };
  dd.slots.tp_new = (type) => alloc(new PyDefaultDict(type), 56);
  dd.slots.tp_init = (self, args, kwnames) => {
    const d = self as PyDefaultDict;
    const nkw = kwnames ? kwnames.length : 0;
    const npos = args.length - nkw;
    let rest = args;
    if (npos > 0) {
      const f = args[0];
      const callable = f === rt.None || f instanceof PyType || !!findSlot(f.ob_type, 'tp_call') || lookupType(f.ob_type, '__call__') !== null;
      if (!callable) typeError('first argument must be callable or None');
      const old = d.factory;
      d.factory = f === rt.None ? null : incref(f);
      xdecref(old);
      rest = args.slice(1);
    }
    findSlot(dictType, 'tp_init')!(d, rest, kwnames);
  };
  dd.slots.tp_repr = ddRepr;
  dd.slots.tp_traverse = (self, visit) => {
    const d = self as PyDefaultDict;
    if (d.factory) visit(d.factory);
    findSlot(dictType, 'tp_traverse')!(d, visit);
  };
  dd.slots.tp_clear = (self) => {
    const d = self as PyDefaultDict;
    const f = d.factory;
    d.factory = null;
    xdecref(f);
    findSlot(dictType, 'tp_clear')!(d);
  };
  const ddCopy = (d: PyDefaultDict): PyObject => call(d.ob_type, [d.factory ?? rt.None, d]);
  dd.slots.nb = {
    or: (a, b) => {
      const self = a instanceof PyDefaultDict ? a : b instanceof PyDefaultDict ? b : null;
      if (!self || !(a instanceof PyDict) || !(b instanceof PyDict)) return incref(rt.NotImplemented);
      const n = ddCopy(self) as PyDict;
      try {
        if (self === a) dictUpdateArg(n, b);
        else {
          dict.clear(n);
          dictUpdateArg(n, a);
          dictUpdateArg(n, b);
        }
      } catch (e) {
        decref(n);
        throw e;
      }
      return n;
    },
  };
  def<PyDefaultDict>(dd, '__missing__', (d, args, kw) => {
    oneArg('__missing__', args, kw);
    const key = args[0];
    if (!d.factory) dict.keyErrorFor(key);
    const value = call(d.factory!, []);
    try {
      setItemAbstract(d, key, value);
    } catch (e) {
      decref(value);
      throw e;
    }
    return value;
  });
  def<PyDefaultDict>(dd, 'copy', (d) => ddCopy(d));
  def<PyDefaultDict>(dd, '__copy__', (d) => ddCopy(d));
  def<PyDefaultDict>(dd, '__reduce__', (d) => {
    const args = newTuple(d.factory ? [incref(d.factory)] : []);
    const items = callDescriptor(lookupType(dictType, 'items')!, d, []);
    const it = getIter(items);
    decref(items);
    return newTuple([incref(d.ob_type), args, incref(rt.None), incref(rt.None), it]);
  });
  const factoryGetSet = (): void => {
    const gs = alloc(new PyGetSet(rt.t.getset_descriptor, 'default_factory', dd,
      (o) => incref((o as PyDefaultDict).factory ?? rt.None),
      (o, v) => {
        const d = o as PyDefaultDict;
        const old = d.factory;
        d.factory = v && v !== rt.None ? incref(v) : null;
        xdecref(old);
      }), 56);
    dict.setItemStr(dd.dict, 'default_factory', gs);
    decref(gs);
  };
  factoryGetSet();
  finishType(dd);
  moduleValue(m, 'defaultdict', dd);

  // ---------------------------------------------------------------- OrderedDict
  const od = newStaticType('OrderedDict', { module: 'collections', base: dictType, size: 104, gc: true, baseType: true, weakrefable: true });
  od.solidBase = dictType;
  const isOd = (o: PyObject): o is PyDict => o instanceof PyDict && o.ob_type.mro.includes(od);
  od.slots.tp_new = (type) => alloc(new PyDict(type), 104);
  od.slots.tp_init = (self, args, kwnames) => {
    const nkw = kwnames ? kwnames.length : 0;
    if (args.length - nkw > 1) typeError(`expected at most 1 arguments, got ${args.length - nkw}`);
    findSlot(dictType, 'tp_init')!(self, args, kwnames);
  };
  // odict_mp_ass_sub (Objects/odictobject.c): PyODict_SetItem/DelItem hash with PyObject_Hash, then go to the dict
  // with that hash (so 3.14's "cannot use ... as a dict key" wording does not apply).
  od.slots.mp_ass_subscript = (self, key, value) => {
    const h = hash(key);
    if (value) dict.setItem(self as PyDict, key, value, h);
    else if (!dict.delItem(self as PyDict, key, h)) dict.keyErrorFor(key);
  };
  od.slots.tp_repr = (self) => {
    const d = self as PyDict;
    const name = d.ob_type.name;
    if (d.map.size === 0) return newStr(`${name}()`);
    if (reprEnter(d)) return newStr('...');
    try {
      if (rt.v >= 312) {
        const plain = dictCopyPlain(d);
        try {
          return newStr(`${name}(${reprText(plain)})`);
        } finally {
          decref(plain);
        }
      }
      const items = newList(dict.entries(d).map((e) => newTuple([incref(e.key), incref(e.value)])));
      try {
        return newStr(`${name}(${reprText(items)})`);
      } finally {
        decref(items);
      }
    } finally {
      reprLeave(d);
    }
  };
  const dictCopyPlain = (d: PyDict): PyDict => {
    const n = newDict();
    for (const e of dict.entries(d)) dict.setItem(n, e.key, e.value);
    return n;
  };
  od.slots.tp_richcompare = (a, b, op) => {
    if ((op === EQ || op === NE) && isOd(a) && isOd(b)) {
      const base = findSlot(dictType, 'tp_richcompare')!(a, b, EQ);
      let eq = isTrue(base);
      decref(base);
      if (eq) {
        const x = dict.entries(a);
        const y = dict.entries(b);
        for (let i = 0; i < x.length && eq; i++) if (!richCompareBool(x[i].key, y[i].key, EQ)) eq = false;
      }
      return newBool(op === EQ ? eq : !eq);
    }
    return findSlot(dictType, 'tp_richcompare')!(a, b, op);
  };
  /** Moves key's entry to one end of the table (the dict keeps the order CPython's linked list has). */
  const moveToEnd = (d: PyDict, key: PyObject, last: boolean): void => {
    // odict_move_to_end_impl: KeyError on an empty dict before the key is hashed (with PyObject_Hash).
    if (d.map.size === 0) dict.keyErrorFor(key);
    const e = dict.lookup(d, key, hash(key)) as (import('../objects').DictEntry & { mapKey?: unknown }) | undefined;
    if (!e) dict.keyErrorFor(key);
    const mk = e!.mapKey;
    if (last) {
      d.map.delete(mk);
      d.map.set(mk, e!);
    } else {
      const rest = [...d.map.entries()].filter(([k]) => k !== mk);
      d.map.clear();
      d.map.set(mk, e!);
      for (const [k, v] of rest) d.map.set(k, v);
    }
    d.version++;
    if (rt.trace !== null) rt.trace.touch(d);
  };
  def<PyDict>(od, 'move_to_end', (d, args, kwnames) => {
    const [key, last] = clinic('move_to_end', args, kwnames, ['key', 'last'], { posonly: 0, minpos: 1, maxpos: 2 });
    moveToEnd(d, key!, last ? isTrue(last) : true);
    return incref(rt.None);
  });
  def<PyDict>(od, 'popitem', (d, args, kwnames) => {
    const [last] = clinic('popitem', args, kwnames, ['last'], { posonly: 0, minpos: 0, maxpos: 1 });
    if (d.map.size === 0) raise(excType('KeyError'), 'dictionary is empty');
    const all = dict.entries(d);
    const e = last === null || isTrue(last) ? all[all.length - 1] : all[0];
    const popped = dict.popEntry(d, e.key)!;
    return newTuple([popped.key, popped.value]);
  });
  def<PyDict>(od, '__reversed__', (d) => retype(newDictIterator(d, 'key', true), odIter));
  const odCopy = (d: PyDict): PyObject => {
    const n = call(d.ob_type, []);
    try {
      for (const e of dict.entries(d)) {
        if (n.ob_type === od) dict.setItem(n as PyDict, e.key, e.value);
        else setItemAbstract(n, e.key, e.value);
      }
    } catch (e) {
      decref(n);
      throw e;
    }
    return n;
  };
  def<PyDict>(od, 'copy', (d) => odCopy(d));
  def<PyDict>(od, '__copy__', (d) => odCopy(d));
  classMethod(od, 'fromkeys', (args, kwnames, self) => {
    let cls = self as PyType | null;
    let rest = args;
    if (!cls) { cls = args[0] as PyType; rest = args.slice(1); }
    const [iterable, value] = clinic('fromkeys', rest, kwnames, ['iterable', 'value'], { posonly: 0, minpos: 1, maxpos: 2 });
    const n = call(cls, []);
    try {
      const it = getIter(iterable!);
      try {
        for (let k = iterNext(it); k; k = iterNext(it)) {
          try {
            setItemAbstract(n, k, value ?? rt.None);
          } finally {
            decref(k);
          }
        }
      } finally {
        decref(it);
      }
    } catch (e) {
      decref(n);
      throw e;
    }
    return n;
  });
  def<PyDict>(od, 'setdefault', (d, args, kwnames) => {
    const [key, dflt] = clinic('setdefault', args, kwnames, ['key', 'default'], { posonly: 0, minpos: 1, maxpos: 2 });
    const v = dict.getItem(d, key!);
    if (v) return incref(v);
    setItemAbstract(d, key!, dflt ?? rt.None);
    return incref(dflt ?? rt.None);
  });
  def<PyDict>(od, 'pop', (d, args, kwnames) => {
    const [key, dflt] = clinic('pop', args, kwnames, ['key', 'default'], { posonly: 0, minpos: 1, maxpos: 2 });
    const e = dict.popEntry(d, key!, hash(key!)); // _odict_popkey hashes with PyObject_Hash
    if (!e) {
      if (dflt) return incref(dflt);
      dict.keyErrorFor(key!);
    }
    decref(e!.key);
    return e!.value;
  });
  def<PyDict>(od, '__reduce__', (d) => {
    const items = callDescriptor(lookupType(od, 'items')!, d, []);
    const it = getIter(items);
    decref(items);
    return newTuple([incref(d.ob_type), newTuple([]), instanceState(d), incref(rt.None), it]);
  });
  od.slots.nb = {
    or: (a, b) => {
      if (!(a instanceof PyDict) || !(b instanceof PyDict)) return incref(rt.NotImplemented);
      const self = isOd(a) ? a : b;
      const n = odCopy(self) as PyDict;
      try {
        if (self === a) dictUpdateArg(n, b);
        else {
          dict.clear(n);
          dictUpdateArg(n, a);
          dictUpdateArg(n, b);
        }
      } catch (e) {
        decref(n);
        throw e;
      }
      return n;
    },
  };
  od.slots.tp_iter = (self) => retype(newDictIterator(self as PyDict, 'key'), odIter);
  // odict_iterator and the odict_keys/values/items views (subclasses of dict's).
  const odIter = newStaticType('odict_iterator', { module: 'builtins', base: rt.t.iterators.get('dict_keyiterator')!, size: 56, gc: true });
  finishType(odIter);
  const retype = <T extends PyObject>(o: T, t: PyType): T => {
    o.ob_type = t;
    return o;
  };
  const kinds = { keys: 'key', values: 'value', items: 'item' } as const;
  for (const kind of ['keys', 'values', 'items'] as const) {
    const base = rt.t.iterators.get(`dict_${kind}`)!;
    const vt = newStaticType(`odict_${kind}`, { module: 'builtins', base, size: 24, gc: true });
    vt.slots.tp_iter = (self) => {
      const v = self as PyDictView;
      if (!v.dict) return incref(rt.None);
      return retype(newDictIterator(v.dict, kinds[kind]), odIter);
    };
    def<PyDictView>(vt, '__reversed__', (v) => {
      if (!v.dict) return incref(rt.None);
      return retype(newDictIterator(v.dict, kinds[kind], true), odIter);
    });
    vt.slots.tp_repr = (self) => {
      if (reprEnter(self)) return newStr('...');
      try {
        const l = listFromIterable(self);
        try {
          return newStr(`${vt.name}(${reprText(l)})`);
        } finally {
          decref(l);
        }
      } finally {
        reprLeave(self);
      }
    };
    finishType(vt);
    def<PyDict>(od, kind, (d) => retype(newDictView(d, kind), vt));
  }
  addInstanceDescriptors(od, true, false);
  finishType(od);
  moduleValue(m, 'OrderedDict', od);

  // ---------------------------------------------------------------- _tuplegetter
  const tg = newStaticType('_tuplegetter', { module: pub, size: 32, gc: true });
  tg.slots.tp_new = (type, args, kw) => {
    if (kw && kw.length) typeError('_tuplegetter() takes no keyword arguments');
    if (args.length !== 2) typeError(`_tuplegetter expected 2 arguments, got ${args.length}`);
    return alloc(new PyTupleGetter(type, asSsize(args[0]), incref(args[1])), 32);
  };
  tg.slots.tp_descr_get = (self, obj) => {
    const g = self as PyTupleGetter;
    if (obj === null || obj === rt.None) return incref(g);
    if (!(obj instanceof PyTuple)) {
      typeError(`descriptor for index '${g.index}' for tuple subclasses doesn't apply to '${typeName(obj)}' object`);
    }
    const t = obj as PyTuple;
    if (g.index >= t.items.length) raise(excType('IndexError'), 'tuple index out of range');
    return incref(t.items[g.index]);
  };
  tg.slots.tp_descr_set = (_self, _obj, value) => {
    raise(excType('AttributeError'), value ? "can't set attribute" : "can't delete attribute");
  };
  tg.slots.tp_repr = (self) => {
    const g = self as PyTupleGetter;
    return newStr(`${g.ob_type.name}(${g.index}, ${reprText(g.doc)})`);
  };
  tg.slots.tp_traverse = (self, visit) => visit((self as PyTupleGetter).doc);
  tg.slots.tp_clear = (self) => {
    const g = self as PyTupleGetter;
    const d = g.doc;
    g.doc = rt.None;
    decref(d);
  };
  {
    const gs = alloc(new PyGetSet(rt.t.getset_descriptor, '__doc__', tg,
      (o) => incref((o as PyTupleGetter).doc),
      (o, v) => {
        const g = o as PyTupleGetter;
        const old = g.doc;
        g.doc = incref(v ?? rt.None);
        decref(old);
      }), 56);
    dict.setItemStr(tg.dict, '__doc__', gs);
    decref(gs);
  }
  def<PyTupleGetter>(tg, '__reduce__', (g) => newTuple([incref(g.ob_type), newTuple([newInt(g.index), incref(g.doc)])]));
  finishType(tg);
  moduleValue(m, '_tuplegetter', tg);

  // ---------------------------------------------------------------- _count_elements(mapping, iterable)
  moduleFunction(m, '_count_elements', (args, kw) => {
    if (kw && kw.length) typeError('_count_elements() takes no keyword arguments');
    if (args.length !== 2) typeError(`_count_elements expected 2 arguments, got ${args.length}`);
    const [mapping, iterable] = args;
    const one = newInt(1);
    const it = getIter(iterable);
    try {
      const exactDict = mapping.ob_type === rt.t.dict || (mapping instanceof PyDict && !mapping.ob_type.heapType);
      for (let key = iterNext(it); key; key = iterNext(it)) {
        try {
          if (exactDict || (mapping instanceof PyDict && lookupType(mapping.ob_type, 'get') === lookupType(rt.t.dict, 'get') &&
            lookupType(mapping.ob_type, '__setitem__') === lookupType(rt.t.dict, '__setitem__'))) {
            // _collections__count_elements_impl: one PyObject_Hash, then the dict with that hash.
            const h = hash(key);
            const old = dict.lookup(mapping as PyDict, key, h)?.value ?? null;
            const nv = old ? binaryOp(old, one, 0) : incref(one);
            try {
              dict.setItem(mapping as PyDict, key, nv, h);
            } finally {
              decref(nv);
            }
          } else {
            const zero = newInt(0);
            const getm = getAttrOpt(mapping, 'get')!;
            let old: PyObject;
            try {
              old = call(getm, [key, zero]);
            } finally {
              decref(getm);
              decref(zero);
            }
            const nv = binaryOp(old, one, 0);
            decref(old);
            try {
              setItemAbstract(mapping, key, nv);
            } finally {
              decref(nv);
            }
          }
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
      decref(one);
    }
    return incref(rt.None);
  });
  void PyInt;
  void PyList;
  void length;
  void getItemAbstract;
  void dictCopy;
}

/** _PyObject_GetState for these C types: the instance __dict__ when it has entries, else None. */
function instanceState(o: PyObject): PyObject {
  const d = (o as { dict?: PyDict | null }).dict;
  return d && d.map.size ? incref(d) : incref(rt.None);
}

function oneArg(name: string, args: PyObject[], kw: PyStr[] | null): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  if (args.length !== 1) typeError(`deque.${name}() takes exactly one argument (${args.length} given)`);
}

function noArgs(name: string, args: PyObject[], kw: PyStr[] | null): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  if (args.length !== 0) typeError(`deque.${name}() takes no arguments (${args.length} given)`);
}

export { splitArgs };
