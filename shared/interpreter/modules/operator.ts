// The operator module (Modules/_operator.c): every operator as a builtin function, and the itemgetter,
// attrgetter and methodcaller types with their reprs.
import { BINARY_NAMES, binaryOp, call, contains, EQ, excType, getAttr, getItem, getIter, indexValue, inplaceOp, isTrue, iterNext, lookupType, reprText, richCompare, richCompareBool, setItem, typeName, unaryOp } from '../abstract';
import { PyModule, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newBool, newDict, newInt, newStr, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { lengthHint } from '../types/iterators';
import { finishType, moduleFunction, moduleValue, newStaticType, splitArgs, typeError } from './support';
import { reprEnter, reprLeave } from '../types/common';

function args2(name: string, args: PyObject[], kw: PyStr[] | null, n: number): void {
  if (kw && kw.length) typeError(`${name}() takes no keyword arguments`);
  if (args.length !== n) {
    if (n === 1) typeError(`${name}() takes exactly one argument (${args.length} given)`);
    typeError(`${name} expected ${n} arguments, got ${args.length}`);
  }
}

/** The getters' own objects: the names or items they fetch, kept as owned references. */
class PyGetter extends PyObject {
  items: PyObject[] = [];
  /** attrgetter: each name split at its dots. */
  paths: string[][] = [];
  /** methodcaller: the keyword arguments (a dict) */
  kwargs: PyObject | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

/** PySequence_Check-like test for concat (the types with sq_concat). */
const isSequence = (o: PyObject): boolean => {
  const t = rt.t;
  if (o.ob_type.mro.some((c) => c === t.list || c === t.tuple || c === t.str || c === t.bytes || c === t.bytearray || c.name === 'deque')) return true;
  return o.ob_type.heapType && lookupType(o.ob_type, '__getitem__') !== null;
};

export function installOperator(m: PyModule): void {
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject, aliases: string[] = []): void => {
    moduleFunction(m, name, (a, k) => f(a, k));
    const o = m.dict.map.get(name)!.value;
    for (const al of aliases) moduleValue(m, al, o);
  };
  // Binary arithmetic and their in-place forms.
  const binNames: Record<string, string> = {
    add: 'add', and: 'and_', floordiv: 'floordiv', lshift: 'lshift', matmul: 'matmul', mul: 'mul', mod: 'mod',
    or: 'or_', pow: 'pow', rshift: 'rshift', sub: 'sub', truediv: 'truediv', xor: 'xor',
  };
  BINARY_NAMES.forEach((op, i) => {
    const name = binNames[op];
    fn(name, (a, k) => { args2(name, a, k, 2); return binaryOp(a[0], a[1], i); }, [`__${op}__`]);
    fn(`i${op}`, (a, k) => { args2(`i${op}`, a, k, 2); return inplaceOp(a[0], a[1], i); }, [`__i${op}__`]);
  });
  const cmps = ['lt', 'le', 'eq', 'ne', 'gt', 'ge'];
  cmps.forEach((name, op) => fn(name, (a, k) => { args2(name, a, k, 2); return richCompare(a[0], a[1], op); }, [`__${name}__`]));
  const unary: [string, 'neg' | 'pos' | 'abs' | 'invert', string[]][] = [
    ['neg', 'neg', ['__neg__']], ['pos', 'pos', ['__pos__']], ['abs', 'abs', ['__abs__']],
    ['invert', 'invert', ['__invert__', 'inv', '__inv__']],
  ];
  for (const [name, op, aliases] of unary) fn(name, (a, k) => { args2(name, a, k, 1); return unaryOp(a[0], op); }, aliases);
  fn('not_', (a, k) => { args2('not_', a, k, 1); return newBool(!isTrue(a[0])); }, ['__not__']);
  fn('truth', (a, k) => { args2('truth', a, k, 1); return newBool(isTrue(a[0])); });
  fn('is_', (a, k) => { args2('is_', a, k, 2); return newBool(a[0] === a[1]); });
  fn('is_not', (a, k) => { args2('is_not', a, k, 2); return newBool(a[0] !== a[1]); });
  if (rt.v >= 314) {
    fn('is_none', (a, k) => { args2('is_none', a, k, 1); return newBool(a[0] === rt.None); });
    fn('is_not_none', (a, k) => { args2('is_not_none', a, k, 1); return newBool(a[0] !== rt.None); });
  }
  fn('index', (a, k) => { args2('index', a, k, 1); return newInt(indexValue(a[0])); }, ['__index__']);
  fn('concat', (a, k) => {
    args2('concat', a, k, 2);
    if (!isSequence(a[0])) typeError(`'${typeName(a[0])}' object can't be concatenated`);
    return binaryOp(a[0], a[1], 0);
  }, ['__concat__']);
  fn('iconcat', (a, k) => {
    args2('iconcat', a, k, 2);
    if (!isSequence(a[0])) typeError(`'${typeName(a[0])}' object can't be concatenated`);
    return inplaceOp(a[0], a[1], 0);
  }, ['__iconcat__']);
  fn('contains', (a, k) => { args2('contains', a, k, 2); return newBool(contains(a[0], a[1])); }, ['__contains__']);
  fn('countOf', (a, k) => {
    args2('countOf', a, k, 2);
    let n = 0;
    const it = getIter(a[0]);
    try {
      for (let x = iterNext(it); x; x = iterNext(it)) {
        const eq = a[1] === x || richCompareBool(x, a[1], EQ);
        decref(x);
        if (eq) n++;
      }
    } finally {
      decref(it);
    }
    return newInt(n);
  });
  fn('indexOf', (a, k) => {
    args2('indexOf', a, k, 2);
    let i = 0;
    const it = getIter(a[0]);
    try {
      for (let x = iterNext(it); x; x = iterNext(it), i++) {
        const eq = a[1] === x || richCompareBool(x, a[1], EQ);
        decref(x);
        if (eq) return newInt(i);
      }
    } finally {
      decref(it);
    }
    return raise(excType('ValueError'), 'sequence.index(x): x not in sequence');
  });
  fn('getitem', (a, k) => { args2('getitem', a, k, 2); return getItem(a[0], a[1]); }, ['__getitem__']);
  fn('setitem', (a, k) => { args2('setitem', a, k, 3); setItem(a[0], a[1], a[2]); return incref(rt.None); }, ['__setitem__']);
  fn('delitem', (a, k) => { args2('delitem', a, k, 2); setItem(a[0], a[1], null); return incref(rt.None); }, ['__delitem__']);
  fn('length_hint', (a, k) => {
    if (k && k.length) typeError('length_hint() takes no keyword arguments');
    if (a.length < 1 || a.length > 2) typeError(`length_hint expected at most 2 arguments, got ${a.length}`);
    const dflt = a.length > 1 ? Number(indexValue(a[1])) : 0;
    return newInt(lengthHint(a[0], dflt));
  });
  fn('_compare_digest', (a, k) => { args2('_compare_digest', a, k, 2); return newBool(richCompareBool(a[0], a[1], EQ)); });
  if (rt.v >= 311) {
    fn('call', (a, k) => {
      if (a.length - (k ? k.length : 0) < 1) typeError('call() missing required argument \'obj\' (pos 1)');
      return call(a[0], a.slice(1), k);
    }, ['__call__']);
  }

  // itemgetter(item, *items)
  const itemgetter = newStaticType('itemgetter', { module: 'operator', size: 40, gc: true });
  itemgetter.slots.tp_new = (type, args, kw) => {
    if (kw && kw.length) typeError('itemgetter() takes no keyword arguments');
    if (!args.length) typeError('itemgetter expected 1 argument, got 0');
    const g = alloc(new PyGetter(type), 40);
    g.items = args.map((x) => incref(x));
    return g;
  };
  itemgetter.slots.tp_call = (self, args, kw) => {
    const g = self as PyGetter;
    if (kw && kw.length) typeError('itemgetter() takes no keyword arguments');
    if (args.length !== 1) typeError(`itemgetter expected 1 argument, got ${args.length}`);
    if (g.items.length === 1) return getItem(args[0], g.items[0]);
    const out: PyObject[] = [];
    try {
      for (const item of g.items) out.push(getItem(args[0], item));
    } catch (e) {
      out.forEach(decref);
      throw e;
    }
    return newTuple(out);
  };
  const getterRepr = (name: string) => (self: PyObject): PyObject => {
    const g = self as PyGetter;
    if (reprEnter(g)) return newStr(`${name}(...)`);
    try {
      return newStr(`${name}(${g.items.map((x) => reprText(x)).join(', ')})`);
    } finally {
      reprLeave(g);
    }
  };
  itemgetter.slots.tp_repr = getterRepr('operator.itemgetter');
  const getterTraverse = (self: PyObject, visit: (o: PyObject) => void): void => {
    const g = self as PyGetter;
    for (const x of g.items) visit(x);
    if (g.kwargs) visit(g.kwargs);
  };
  const getterClear = (self: PyObject): void => {
    const g = self as PyGetter;
    const items = g.items;
    g.items = [];
    items.forEach(decref);
    if (g.kwargs) {
      const k = g.kwargs;
      g.kwargs = null;
      decref(k);
    }
  };
  itemgetter.slots.tp_traverse = getterTraverse;
  itemgetter.slots.tp_clear = getterClear;
  finishType(itemgetter);
  moduleValue(m, 'itemgetter', itemgetter);

  // attrgetter(attr, *attrs)
  const attrgetter = newStaticType('attrgetter', { module: 'operator', size: 40, gc: true });
  attrgetter.slots.tp_new = (type, args, kw) => {
    if (kw && kw.length) typeError('attrgetter() takes no keyword arguments');
    if (!args.length) typeError('attrgetter expected 1 argument, got 0');
    for (const a of args) if (!(a instanceof PyStr)) typeError('attribute name must be a string');
    const g = alloc(new PyGetter(type), 40);
    g.items = args.map((x) => incref(x));
    g.paths = args.map((x) => (x as PyStr).value.split('.'));
    return g;
  };
  const fetch = (obj: PyObject, path: string[]): PyObject => {
    let cur = incref(obj);
    for (const part of path) {
      try {
        const next = getAttr(cur, part);
        decref(cur);
        cur = next;
      } catch (e) {
        decref(cur);
        throw e;
      }
    }
    return cur;
  };
  attrgetter.slots.tp_call = (self, args, kw) => {
    const g = self as PyGetter;
    if (kw && kw.length) typeError('attrgetter() takes no keyword arguments');
    if (args.length !== 1) typeError(`attrgetter expected 1 argument, got ${args.length}`);
    if (g.paths.length === 1) return fetch(args[0], g.paths[0]);
    const out: PyObject[] = [];
    try {
      for (const p of g.paths) out.push(fetch(args[0], p));
    } catch (e) {
      out.forEach(decref);
      throw e;
    }
    return newTuple(out);
  };
  attrgetter.slots.tp_repr = getterRepr('operator.attrgetter');
  attrgetter.slots.tp_traverse = getterTraverse;
  attrgetter.slots.tp_clear = getterClear;
  finishType(attrgetter);
  moduleValue(m, 'attrgetter', attrgetter);

  // methodcaller(name, /, *args, **kwargs)
  const methodcaller = newStaticType('methodcaller', { module: 'operator', size: 48, gc: true });
  methodcaller.slots.tp_new = (type, args, kw) => {
    const [pos, kws] = splitArgs(args, kw);
    if (!pos.length) typeError('methodcaller needs at least one argument, the method name');
    if (!(pos[0] instanceof PyStr)) typeError('method name must be a string');
    const g = alloc(new PyGetter(type), 48);
    g.items = pos.map((x) => incref(x));
    const d = newDict();
    for (const [k, v] of kws) dict.setItemStr(d, k, v);
    g.kwargs = d;
    return g;
  };
  methodcaller.slots.tp_call = (self, args, kw) => {
    const g = self as PyGetter;
    if (kw && kw.length) typeError('methodcaller() takes no keyword arguments');
    if (args.length !== 1) typeError(`methodcaller expected 1 argument, got ${args.length}`);
    const meth = getAttr(args[0], g.items[0] as PyStr);
    try {
      const entries = dict.entries(g.kwargs as import('../objects').PyDict);
      const callArgs = [...g.items.slice(1), ...entries.map((e) => e.value)];
      return call(meth, callArgs, entries.length ? entries.map((e) => e.key as PyStr) : null);
    } finally {
      decref(meth);
    }
  };
  methodcaller.slots.tp_repr = (self) => {
    const g = self as PyGetter;
    const parts = g.items.map((x) => reprText(x));
    for (const e of dict.entries(g.kwargs as import('../objects').PyDict)) parts.push(`${(e.key as PyStr).value}=${reprText(e.value)}`);
    return newStr(`operator.methodcaller(${parts.join(', ')})`);
  };
  methodcaller.slots.tp_traverse = getterTraverse;
  methodcaller.slots.tp_clear = getterClear;
  finishType(methodcaller);
  moduleValue(m, 'methodcaller', methodcaller);
  void PyTuple;
  void newTuple;
}
