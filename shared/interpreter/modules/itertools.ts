// The itertools module (Modules/itertoolsmodule.c): every iterator is a C type in CPython, so here too, with
// the references each one holds (its source iterator, saved items, the result tuple it reuses while nobody else
// holds it) and the reprs of count and repeat.
import { binaryOp, call, EQ, excType, getAttrOpt, getIter, isTrue, iterNext, reprText, richCompareBool, typeName } from '../abstract';
import { PyFloat, PyInt, PyList, PyModule, PyObject, PyStr, PyTuple, PyType, PyComplex } from '../objects';
import { alloc, decref, incref, newInt, newList, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import { asSsize, clinic, def, hasIndex } from '../types/common';
import { listAppend } from '../types/list';
import { sequenceTuple } from '../types/tuple';
import { finishType, moduleValue, newStaticType, splitArgs, typeError, valueError } from './support';
import { builtinFunction, classMethod } from '../types/util';

/** One itertools object: `o` holds its owned references (visited and cleared in that order), `s` the rest. */
class PyItertool extends PyObject {
  o: Record<string, PyObject | null> = {};
  /** Owned references kept in an array (zip_longest's iterators, a tee chunk's values). */
  a: (PyObject | null)[] = [];
  s: Record<string, number | boolean | number[]> = {};
  /** Borrowed references (groupby's current grouper). */
  b: Record<string, PyObject | null> = {};
  constructor(type: PyType) {
    super(type);
  }
}

function held(it: PyItertool, name: string): PyObject | null {
  return it.o[name] ?? null;
}

/** Py_XSETREF on one of the held references: v is a new reference (or null). */
function setHeld(it: PyItertool, name: string, v: PyObject | null): void {
  const old = it.o[name] ?? null;
  it.o[name] = v;
  xdecref(old);
}

function clearAll(it: PyItertool): void {
  for (const k of Object.keys(it.o)) setHeld(it, k, null);
  const a = it.a;
  it.a = [];
  for (const x of a) xdecref(x);
}

interface Spec {
  size: number;
  next: (it: PyItertool) => PyObject | null;
  tpNew?: (type: PyType, args: PyObject[], kwnames: PyStr[] | null) => PyObject;
  repr?: (it: PyItertool) => PyObject;
  baseType?: boolean;
}

function defineType(m: PyModule, name: string, spec: Spec, publish = true): PyType {
  const t = newStaticType(name, { module: 'itertools', size: spec.size, gc: true, baseType: spec.baseType ?? true });
  t.slots.tp_iter = (self) => incref(self);
  t.slots.tp_iternext = (self) => spec.next(self as PyItertool);
  t.slots.tp_traverse = (self, visit) => {
    const it = self as PyItertool;
    for (const v of Object.values(it.o)) if (v) visit(v);
    for (const v of it.a) if (v) visit(v);
  };
  t.slots.tp_clear = (self) => clearAll(self as PyItertool);
  if (spec.tpNew) t.slots.tp_new = spec.tpNew;
  if (spec.repr) t.slots.tp_repr = (self) => spec.repr!(self as PyItertool);
  finishType(t);
  if (publish) moduleValue(m, name, t);
  return t;
}

function make(type: PyType, size: number): PyItertool {
  return alloc(new PyItertool(type), (size * rt.version.ptr) / 8);
}

function noKwargs(name: string, kwnames: PyStr[] | null): void {
  if (kwnames && kwnames.length) typeError(`${name}() takes no keyword arguments`);
}

function argCount(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length < min) typeError(`${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  if (args.length > max) typeError(`${name} expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
}

/** A result tuple reused while the iterator holds the only reference (the product/combinations trick). */
function ownResult(it: PyItertool): PyTuple {
  let r = it.o.result as PyTuple;
  if (r.ob_refcnt > 1) {
    const copy = newTuple(r.items.map((x) => incref(x)));
    it.o.result = copy;
    decref(r);
    r = copy;
  }
  r.hash = -1;
  return r;
}

function replaceItem(r: PyTuple, i: number, v: PyObject): void {
  const old = r.items[i];
  r.items[i] = incref(v);
  if (rt.trace !== null) rt.trace.listChanged(r, i, i + 1);
  decref(old);
}

function isNumber(o: PyObject): boolean {
  if (o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex) return true;
  for (const t of o.ob_type.mro) {
    if (t.slots.nb_unary?.index || t.slots.nb_unary?.int || t.slots.nb_unary?.float) return true;
    if (t.heapType && (t.dict.map.has('__index__') || t.dict.map.has('__int__') || t.dict.map.has('__float__'))) return true;
  }
  return false;
}

export function installItertools(m: PyModule): void {
  // ---- count(start=0, step=1)
  defineType(m, 'count', {
    size: 48,
    tpNew: (type, args, kw) => {
      const [start, step] = clinic('count', args, kw, ['start', 'step'], { posonly: 0, minpos: 0, maxpos: 2 });
      if ((start && !isNumber(start)) || (step && !isNumber(step))) typeError('a number is required');
      const it = make(type, 48);
      it.o.cnt = start ? incref(start) : newInt(0);
      it.o.step = step ? incref(step) : newInt(1);
      return it;
    },
    next: (it) => {
      const cnt = it.o.cnt!;
      const nxt = binaryOp(cnt, it.o.step!, 0);
      it.o.cnt = nxt;
      return cnt;
    },
    repr: (it) => {
      const step = it.o.step!;
      const name = it.ob_type.name;
      if (step instanceof PyInt && step.ob_type === rt.t.int && step.value === 1) return newStr(`${name}(${reprText(it.o.cnt!)})`);
      return newStr(`${name}(${reprText(it.o.cnt!)}, ${reprText(step)})`);
    },
  });

  // ---- cycle(iterable, /)
  defineType(m, 'cycle', {
    size: 48,
    tpNew: (type, args, kw) => {
      noKwargs('cycle', kw);
      argCount('cycle', args, 1, 1);
      const source = getIter(args[0]);
      const it = make(type, 48);
      it.o.it = source;
      it.o.saved = newList([]);
      it.s.index = 0;
      return it;
    },
    next: (it) => {
      const source = held(it, 'it');
      if (source) {
        const item = iterNext(source);
        if (item) {
          listAppend(it.o.saved as PyList, item);
          return item;
        }
        setHeld(it, 'it', null);
      }
      const saved = it.o.saved as PyList;
      if (saved.items.length === 0) return null;
      let i = it.s.index as number;
      if (i >= saved.items.length) i = 0;
      const item = saved.items[i];
      it.s.index = i + 1 >= saved.items.length ? 0 : i + 1;
      return incref(item);
    },
  });

  // ---- repeat(object, times=<forever>)
  defineType(m, 'repeat', {
    size: 32,
    tpNew: (type, args, kw) => {
      const [element, times] = clinic('repeat', args, kw, ['object', 'times'], { posonly: 0, minpos: 1, maxpos: 2 });
      let cnt = -1;
      if (times) {
        cnt = asSsize(times);
        if (cnt < 0) cnt = 0;
      }
      const it = make(type, 32);
      it.o.element = incref(element!);
      it.s.cnt = cnt;
      return it;
    },
    next: (it) => {
      const cnt = it.s.cnt as number;
      if (cnt === 0) return null;
      if (cnt > 0) it.s.cnt = cnt - 1;
      return incref(it.o.element!);
    },
    repr: (it) => {
      const cnt = it.s.cnt as number;
      const name = it.ob_type.name;
      if (cnt === -1) return newStr(`${name}(${reprText(it.o.element!)})`);
      return newStr(`${name}(${reprText(it.o.element!)}, ${cnt})`);
    },
  });
  const repeatType = (m.dict.map.get('repeat')!.value) as PyType;
  def<PyItertool>(repeatType, '__length_hint__', (self) => {
    if ((self.s.cnt as number) === -1) typeError('len() of unsized object');
    return newInt(self.s.cnt as number);
  });

  // ---- accumulate(iterable, func=None, *, initial=None)
  defineType(m, 'accumulate', {
    size: 56,
    tpNew: (type, args, kw) => {
      const [iterable, func, initial] = clinic('accumulate', args, kw, ['iterable', 'func', 'initial'], { posonly: 0, minpos: 1, maxpos: 2 });
      const source = getIter(iterable!);
      const it = make(type, 56);
      it.o.it = source;
      it.o.func = func && func !== rt.None ? incref(func) : null;
      it.o.total = null;
      it.o.initial = initial && initial !== rt.None ? incref(initial) : null;
      return it;
    },
    next: (it) => {
      const initial = held(it, 'initial');
      if (initial) {
        it.o.initial = null;
        setHeld(it, 'total', initial);
        return incref(initial);
      }
      const val = iterNext(it.o.it!);
      if (!val) return null;
      const total = held(it, 'total');
      if (!total) {
        it.o.total = incref(val);
        return val;
      }
      let newtotal: PyObject;
      try {
        const func = held(it, 'func');
        newtotal = func ? call(func, [total, val]) : binaryOp(total, val, 0);
      } finally {
        decref(val);
      }
      setHeld(it, 'total', incref(newtotal));
      return newtotal;
    },
  });

  // ---- chain(*iterables), chain.from_iterable(iterable)
  const chainNew = (type: PyType, source: PyObject): PyItertool => {
    const it = make(type, 32);
    it.o.source = source;
    it.o.active = null;
    return it;
  };
  const chainType = defineType(m, 'chain', {
    size: 32,
    tpNew: (type, args, kw) => {
      noKwargs('chain', kw);
      const t = newTuple(args.map((a) => incref(a)));
      const source = getIter(t);
      decref(t);
      return chainNew(type, source);
    },
    next: (it) => {
      while (held(it, 'source')) {
        if (!held(it, 'active')) {
          const iterable = iterNext(it.o.source!);
          if (!iterable) {
            setHeld(it, 'source', null);
            return null;
          }
          let active: PyObject;
          try {
            active = getIter(iterable);
          } catch (e) {
            setHeld(it, 'source', null);
            throw e;
          } finally {
            decref(iterable);
          }
          it.o.active = active;
        }
        const item = iterNext(it.o.active!);
        if (item) return item;
        setHeld(it, 'active', null);
      }
      return null;
    },
  });
  {
    classMethod(chainType, 'from_iterable', (args, kw, self) => {
      noKwargs('from_iterable', kw);
      let cls = self as PyType | null;
      let rest = args;
      if (!cls) { cls = args[0] as PyType; rest = args.slice(1); }
      if (rest.length !== 1) typeError(`chain.from_iterable() takes exactly one argument (${rest.length} given)`);
      return chainNew(cls, getIter(rest[0]));
    });
  }

  // ---- compress(data, selectors)
  defineType(m, 'compress', {
    size: 32,
    tpNew: (type, args, kw) => {
      const [data, selectors] = clinic('compress', args, kw, ['data', 'selectors'], { posonly: 0, minpos: 2, maxpos: 2 });
      const d = getIter(data!);
      let s: PyObject;
      try {
        s = getIter(selectors!);
      } catch (e) {
        decref(d);
        throw e;
      }
      const it = make(type, 32);
      it.o.data = d;
      it.o.selectors = s;
      return it;
    },
    next: (it) => {
      for (;;) {
        const datum = iterNext(it.o.data!);
        if (!datum) return null;
        let selector: PyObject | null;
        try {
          selector = iterNext(it.o.selectors!);
        } catch (e) {
          decref(datum);
          throw e;
        }
        if (!selector) {
          decref(datum);
          return null;
        }
        let ok: boolean;
        try {
          ok = isTrue(selector);
        } catch (e) {
          decref(datum);
          throw e;
        } finally {
          decref(selector);
        }
        if (ok) return datum;
        decref(datum);
      }
    },
  });

  // ---- dropwhile / takewhile / filterfalse (predicate, iterable)
  const predNew = (name: string) => (type: PyType, args: PyObject[], kw: PyStr[] | null): PyObject => {
    noKwargs(name, kw);
    argCount(name, args, 2, 2);
    const source = getIter(args[1]);
    const it = make(type, 40);
    it.o.func = incref(args[0]);
    it.o.it = source;
    it.s.flag = false;
    return it;
  };
  const test = (func: PyObject, item: PyObject): boolean => {
    const r = call(func, [item]);
    try {
      return isTrue(r);
    } finally {
      decref(r);
    }
  };
  defineType(m, 'dropwhile', {
    size: 40,
    tpNew: predNew('dropwhile'),
    next: (it) => {
      for (;;) {
        const item = iterNext(it.o.it!);
        if (!item) return null;
        if (it.s.flag) return item;
        let ok: boolean;
        try {
          ok = test(it.o.func!, item);
        } catch (e) {
          decref(item);
          throw e;
        }
        if (!ok) {
          it.s.flag = true;
          return item;
        }
        decref(item);
      }
    },
  });
  defineType(m, 'takewhile', {
    size: 40,
    tpNew: predNew('takewhile'),
    next: (it) => {
      if (it.s.flag) return null;
      const item = iterNext(it.o.it!);
      if (!item) return null;
      let ok: boolean;
      try {
        ok = test(it.o.func!, item);
      } catch (e) {
        decref(item);
        throw e;
      }
      if (ok) return item;
      decref(item);
      it.s.flag = true;
      return null;
    },
  });
  defineType(m, 'filterfalse', {
    size: 32,
    tpNew: predNew('filterfalse'),
    next: (it) => {
      for (;;) {
        const item = iterNext(it.o.it!);
        if (!item) return null;
        const func = it.o.func!;
        let ok: boolean;
        try {
          ok = func === rt.None || func === rt.t.bool ? isTrue(item) : test(func, item);
        } catch (e) {
          decref(item);
          throw e;
        }
        if (!ok) return item;
        decref(item);
      }
    },
  });

  // ---- groupby(iterable, key=None) and its _grouper
  const grouperType = defineType(m, '_grouper', {
    size: 32,
    baseType: false,
    next: (igo) => {
      const gbo = igo.o.parent as PyItertool;
      if (gbo.b.currgrouper !== igo) return null;
      if (!held(gbo, 'currvalue')) {
        if (!groupbyStep(gbo)) return null;
      }
      if (!richCompareBool(igo.o.tgtkey!, gbo.o.currkey!, EQ)) return null;
      const r = gbo.o.currvalue!;
      gbo.o.currvalue = null;
      setHeld(gbo, 'currkey', null);
      return r;
    },
  }, false);
  const groupbyStep = (gbo: PyItertool): boolean => {
    const newvalue = iterNext(gbo.o.it!);
    if (!newvalue) return false;
    let newkey: PyObject;
    const keyfunc = held(gbo, 'keyfunc');
    if (!keyfunc) newkey = incref(newvalue);
    else {
      try {
        newkey = call(keyfunc, [newvalue]);
      } catch (e) {
        decref(newvalue);
        throw e;
      }
    }
    setHeld(gbo, 'currvalue', newvalue);
    setHeld(gbo, 'currkey', newkey);
    return true;
  };
  const groupbyType = defineType(m, 'groupby', {
    size: 64,
    tpNew: (type, args, kw) => {
      const [iterable, key] = clinic('groupby', args, kw, ['iterable', 'key'], { posonly: 0, minpos: 1, maxpos: 2 });
      const source = getIter(iterable!);
      const it = make(type, 64);
      it.o.it = source;
      it.o.keyfunc = key && key !== rt.None ? incref(key) : null;
      it.o.tgtkey = null;
      it.o.currkey = null;
      it.o.currvalue = null;
      return it;
    },
    next: (gbo) => {
      gbo.b.currgrouper = null;
      for (;;) {
        const currkey = held(gbo, 'currkey');
        if (!currkey) { /* step */ } else {
          const tgtkey = held(gbo, 'tgtkey');
          if (!tgtkey) break;
          if (!richCompareBool(tgtkey, currkey, EQ)) break;
        }
        if (!groupbyStep(gbo)) return null;
      }
      setHeld(gbo, 'tgtkey', incref(gbo.o.currkey!));
      const igo = make(grouperType, 32);
      igo.o.parent = incref(gbo);
      igo.o.tgtkey = incref(gbo.o.tgtkey!);
      gbo.b.currgrouper = igo;
      return newTuple([incref(gbo.o.currkey!), igo]);
    },
  });
  void groupbyType;

  // ---- islice(iterable, stop) / islice(iterable, start, stop[, step])
  const STOP_MSG = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
  const IDX_MSG = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
  const ssizeOrMsg = (o: PyObject, msg: string): number => {
    if (!hasIndex(o)) valueError(msg);
    try {
      return asSsize(o);
    } catch (e) {
      if (e instanceof Object && 'exc' in e) {
        decref((e as { exc: PyObject }).exc);
        return valueError(msg);
      }
      throw e;
    }
  };
  defineType(m, 'islice', {
    size: 56,
    tpNew: (type, args, kw) => {
      noKwargs('islice', kw);
      argCount('islice', args, 2, 4);
      let start = 0;
      let stop = -1;
      let step = 1;
      if (args.length === 2) {
        if (args[1] !== rt.None) {
          stop = ssizeOrMsg(args[1], STOP_MSG);
          if (stop < 0) valueError(STOP_MSG);
        }
      } else {
        if (args[1] !== rt.None) start = ssizeOrMsg(args[1], IDX_MSG);
        if (args[2] !== rt.None) {
          stop = ssizeOrMsg(args[2], STOP_MSG);
          if (stop < 0) valueError(STOP_MSG);
        }
        if (start < 0) valueError(IDX_MSG);
        if (args.length === 4 && args[3] !== rt.None) {
          step = hasIndex(args[3]) ? asSsize(args[3]) : -1;
        }
        if (step < 1) valueError('Step for islice() must be a positive integer or None.');
      }
      const source = getIter(args[0]);
      const it = make(type, 56);
      it.o.it = source;
      it.s.next = start;
      it.s.stop = stop;
      it.s.step = step;
      it.s.cnt = 0;
      return it;
    },
    next: (it) => {
      const source = held(it, 'it');
      if (!source) return null;
      const stop = it.s.stop as number;
      while ((it.s.cnt as number) < (it.s.next as number)) {
        const item = iterNext(source);
        if (!item) {
          setHeld(it, 'it', null);
          return null;
        }
        decref(item);
        it.s.cnt = (it.s.cnt as number) + 1;
      }
      if (stop !== -1 && (it.s.cnt as number) >= stop) {
        setHeld(it, 'it', null);
        return null;
      }
      const item = iterNext(source);
      if (!item) {
        setHeld(it, 'it', null);
        return null;
      }
      it.s.cnt = (it.s.cnt as number) + 1;
      const oldnext = it.s.next as number;
      let nxt = oldnext + (it.s.step as number);
      if (nxt < oldnext || (stop !== -1 && nxt > stop)) nxt = stop;
      it.s.next = nxt;
      return item;
    },
  });

  // ---- pairwise(iterable)
  defineType(m, 'pairwise', {
    size: 40,
    tpNew: (type, args, kw) => {
      noKwargs('pairwise', kw);
      argCount('pairwise', args, 1, 1);
      const source = getIter(args[0]);
      const it = make(type, 40);
      it.o.it = source;
      it.o.old = null;
      return it;
    },
    next: (it) => {
      const source = held(it, 'it');
      if (!source) return null;
      let old = held(it, 'old');
      if (!old) {
        old = iterNext(source);
        setHeld(it, 'old', old);
        if (!old) {
          setHeld(it, 'it', null);
          return null;
        }
      }
      incref(old);
      const nw = iterNext(source);
      if (!nw) {
        setHeld(it, 'it', null);
        setHeld(it, 'old', null);
        decref(old);
        return null;
      }
      const result = newTuple([incref(old), incref(nw)]);
      setHeld(it, 'old', nw);
      decref(old);
      return result;
    },
  });

  // ---- product(*iterables, repeat=1)
  defineType(m, 'product', {
    size: 48,
    tpNew: (type, args, kw) => {
      const [pos, kws] = splitArgs(args, kw);
      let repeat = 1;
      for (const [k, v] of kws) {
        if (k !== 'repeat') typeError(`product() got an unexpected keyword argument '${k}'`);
        repeat = asSsize(v);
        if (repeat < 0) valueError('repeat argument cannot be negative');
      }
      const base: PyTuple[] = [];
      try {
        for (const a of pos) base.push(sequenceTuple(a));
      } catch (e) {
        base.forEach(decref);
        throw e;
      }
      const pools: PyObject[] = [];
      for (let r = 0; r < repeat; r++) for (const p of base) pools.push(incref(p));
      base.forEach(decref);
      const it = make(type, 48);
      it.o.pools = newTuple(pools);
      it.o.result = null;
      it.s.indices = pools.map(() => 0);
      it.s.stopped = false;
      return it;
    },
    next: (it) => {
      if (it.s.stopped) return null;
      const pools = (it.o.pools as PyTuple).items as PyTuple[];
      const npools = pools.length;
      const indices = it.s.indices as number[];
      if (!held(it, 'result')) {
        for (const p of pools) {
          if (p.items.length === 0) {
            it.s.stopped = true;
            return null;
          }
        }
        it.o.result = newTuple(pools.map((p) => incref(p.items[0])));
      } else {
        const result = ownResult(it);
        if (npools === 0) {
          it.s.stopped = true;
          return null;
        }
        let i: number;
        for (i = npools - 1; i >= 0; i--) {
          const pool = pools[i];
          indices[i]++;
          if (indices[i] === pool.items.length) {
            indices[i] = 0;
            replaceItem(result, i, pool.items[0]);
          } else {
            replaceItem(result, i, pool.items[indices[i]]);
            break;
          }
        }
        if (i < 0) {
          it.s.stopped = true;
          return null;
        }
      }
      return incref(it.o.result!);
    },
  });

  // ---- combinations(iterable, r)
  defineType(m, 'combinations', {
    size: 56,
    tpNew: (type, args, kw) => {
      const [iterable, rObj] = clinic('combinations', args, kw, ['iterable', 'r'], { posonly: 0, minpos: 2, maxpos: 2 });
      const pool = sequenceTuple(iterable!);
      const r = asSsize(rObj!);
      if (r < 0) {
        decref(pool);
        valueError('r must be non-negative');
      }
      const it = make(type, 56);
      it.o.pool = pool;
      it.o.result = null;
      it.s.indices = Array.from({ length: r }, (_, i) => i);
      it.s.r = r;
      it.s.stopped = r > pool.items.length;
      return it;
    },
    next: (it) => {
      if (it.s.stopped) return null;
      const pool = (it.o.pool as PyTuple).items;
      const n = pool.length;
      const r = it.s.r as number;
      const indices = it.s.indices as number[];
      if (!held(it, 'result')) {
        it.o.result = newTuple(indices.map((i) => incref(pool[i])));
      } else {
        const result = ownResult(it);
        let i: number;
        for (i = r - 1; i >= 0 && indices[i] === i + n - r; i--);
        if (i < 0) {
          it.s.stopped = true;
          return null;
        }
        indices[i]++;
        for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
        for (; i < r; i++) replaceItem(result, i, pool[indices[i]]);
      }
      return incref(it.o.result!);
    },
  });

  // ---- combinations_with_replacement(iterable, r)
  defineType(m, 'combinations_with_replacement', {
    size: 56,
    tpNew: (type, args, kw) => {
      const [iterable, rObj] = clinic('combinations_with_replacement', args, kw, ['iterable', 'r'], { posonly: 0, minpos: 2, maxpos: 2 });
      const pool = sequenceTuple(iterable!);
      const r = asSsize(rObj!);
      if (r < 0) {
        decref(pool);
        valueError('r must be non-negative');
      }
      const it = make(type, 56);
      it.o.pool = pool;
      it.o.result = null;
      it.s.indices = Array.from({ length: r }, () => 0);
      it.s.r = r;
      it.s.stopped = pool.items.length === 0 && r > 0;
      return it;
    },
    next: (it) => {
      if (it.s.stopped) return null;
      const pool = (it.o.pool as PyTuple).items;
      const n = pool.length;
      const r = it.s.r as number;
      const indices = it.s.indices as number[];
      if (!held(it, 'result')) {
        it.o.result = newTuple(indices.map(() => incref(pool[0])));
      } else {
        const result = ownResult(it);
        let i: number;
        for (i = r - 1; i >= 0 && indices[i] === n - 1; i--);
        if (i < 0) {
          it.s.stopped = true;
          return null;
        }
        const index = indices[i] + 1;
        for (; i < r; i++) {
          indices[i] = index;
          replaceItem(result, i, pool[index]);
        }
      }
      return incref(it.o.result!);
    },
  });

  // ---- permutations(iterable, r=None)
  defineType(m, 'permutations', {
    size: 64,
    tpNew: (type, args, kw) => {
      const [iterable, rObj] = clinic('permutations', args, kw, ['iterable', 'r'], { posonly: 0, minpos: 1, maxpos: 2 });
      const pool = sequenceTuple(iterable!);
      const n = pool.items.length;
      let r = n;
      if (rObj && rObj !== rt.None) {
        if (!(rObj instanceof PyInt)) {
          decref(pool);
          typeError('Expected int as r');
        }
        r = asSsize(rObj);
        if (r < 0) {
          decref(pool);
          valueError('r must be non-negative');
        }
      }
      const it = make(type, 64);
      it.o.pool = pool;
      it.o.result = null;
      it.s.indices = Array.from({ length: n }, (_, i) => i);
      it.s.cycles = Array.from({ length: r }, (_, i) => n - i);
      it.s.r = r;
      it.s.stopped = r > n;
      return it;
    },
    next: (it) => {
      if (it.s.stopped) return null;
      const pool = (it.o.pool as PyTuple).items;
      const n = pool.length;
      const r = it.s.r as number;
      const indices = it.s.indices as number[];
      const cycles = it.s.cycles as number[];
      if (!held(it, 'result')) {
        it.o.result = newTuple(indices.slice(0, r).map((i) => incref(pool[i])));
      } else {
        if (n === 0) {
          it.s.stopped = true;
          return null;
        }
        const result = ownResult(it);
        let i: number;
        for (i = r - 1; i >= 0; i--) {
          cycles[i] -= 1;
          if (cycles[i] === 0) {
            const index = indices[i];
            for (let j = i; j < n - 1; j++) indices[j] = indices[j + 1];
            indices[n - 1] = index;
            cycles[i] = n - i;
          } else {
            const j = cycles[i];
            const index = indices[i];
            indices[i] = indices[n - j];
            indices[n - j] = index;
            for (let k = i; k < r; k++) replaceItem(result, k, pool[indices[k]]);
            break;
          }
        }
        if (i < 0) {
          it.s.stopped = true;
          return null;
        }
      }
      return incref(it.o.result!);
    },
  });

  // ---- starmap(function, iterable)
  defineType(m, 'starmap', {
    size: 32,
    tpNew: (type, args, kw) => {
      noKwargs('starmap', kw);
      argCount('starmap', args, 2, 2);
      const source = getIter(args[1]);
      const it = make(type, 32);
      it.o.func = incref(args[0]);
      it.o.it = source;
      return it;
    },
    next: (it) => {
      const item = iterNext(it.o.it!);
      if (!item) return null;
      let argsTuple: PyTuple;
      try {
        if (item instanceof PyTuple) argsTuple = incref(item);
        else {
          try {
            argsTuple = sequenceTuple(item);
          } catch (e) {
            if (e instanceof Object && 'exc' in e) {
              decref((e as { exc: PyObject }).exc);
              typeError(`'${typeName(item)}' object is not iterable`);
            }
            throw e;
          }
        }
      } finally {
        decref(item);
      }
      try {
        return call(it.o.func!, argsTuple!.items);
      } finally {
        decref(argsTuple!);
      }
    },
  });

  // ---- zip_longest(*iterables, fillvalue=None)
  defineType(m, 'zip_longest', {
    size: 56,
    tpNew: (type, args, kw) => {
      const [pos, kws] = splitArgs(args, kw);
      let fill: PyObject = rt.None;
      for (const [k, v] of kws) {
        if (k !== 'fillvalue') typeError(`zip_longest() got an unexpected keyword argument '${k}'`);
        fill = v;
      }
      const its: PyObject[] = [];
      try {
        for (let i = 0; i < pos.length; i++) {
          try {
            its.push(getIter(pos[i]));
          } catch (e) {
            if (e instanceof Object && 'exc' in e && richCompareBool((e as { exc: PyObject }).exc.ob_type, excType('TypeError'), EQ)) {
              decref((e as { exc: PyObject }).exc);
              typeError(`zip_longest argument #${i + 1} must support iteration`);
            }
            throw e;
          }
        }
      } catch (e) {
        its.forEach(decref);
        throw e;
      }
      const it = make(type, 56);
      it.a = its;
      it.o.fillvalue = incref(fill);
      it.o.result = newTuple(its.map(() => incref(rt.None)));
      it.s.numactive = its.length;
      return it;
    },
    next: (it) => {
      const n = it.a.length;
      if (n === 0) return null;
      if ((it.s.numactive as number) === 0) return null;
      const items: PyObject[] = [];
      for (let i = 0; i < n; i++) {
        const source = it.a[i];
        let item: PyObject | null;
        if (!source) item = incref(it.o.fillvalue!);
        else {
          try {
            item = iterNext(source);
          } catch (e) {
            items.forEach(decref);
            it.s.numactive = 0;
            throw e;
          }
          if (!item) {
            it.s.numactive = (it.s.numactive as number) - 1;
            if ((it.s.numactive as number) === 0) {
              items.forEach(decref);
              return null;
            }
            item = incref(it.o.fillvalue!);
            it.a[i] = null;
            decref(source);
          }
        }
        items.push(item);
      }
      const result = it.o.result as PyTuple;
      if (result.ob_refcnt === 1) {
        result.hash = -1;
        const old = result.items;
        result.items = items;
        old.forEach(decref);
        return incref(result);
      }
      return newTuple(items);
    },
  });

  // ---- tee(iterable, n=2): _tee objects sharing _tee_dataobject links of 57 values (LINKCELLS)
  const LINKCELLS = 57;
  const dataType = newStaticType('_tee_dataobject', { module: 'itertools', size: 40 + 8 * LINKCELLS, gc: true });
  dataType.slots.tp_traverse = (self, visit) => {
    const d = self as PyItertool;
    if (d.o.it) visit(d.o.it);
    for (const v of d.a) if (v) visit(v);
    if (d.o.nextlink) visit(d.o.nextlink);
  };
  dataType.slots.tp_clear = (self) => {
    const d = self as PyItertool;
    const vals = d.a;
    d.a = [];
    for (const v of vals) xdecref(v);
    setHeld(d, 'it', null);
    // teedataobject_safe_decref: unlink the chain iteratively.
    let next = d.o.nextlink;
    d.o.nextlink = null;
    while (next && next.ob_refcnt === 1) {
      const nn = (next as PyItertool).o.nextlink;
      (next as PyItertool).o.nextlink = null;
      decref(next);
      next = nn;
    }
    xdecref(next);
  };
  finishType(dataType);
  const newData = (source: PyObject): PyItertool => {
    const d = make(dataType, 40 + 8 * LINKCELLS);
    d.o.it = incref(source);
    d.o.nextlink = null;
    d.s.running = false;
    return d;
  };
  const dataGet = (d: PyItertool, i: number): PyObject | null => {
    if (i < d.a.length) return incref(d.a[i]!);
    if (d.s.running) raise(excType('RuntimeError'), 'cannot re-enter the tee iterator');
    d.s.running = true;
    let v: PyObject | null;
    try {
      v = iterNext(d.o.it!);
    } finally {
      d.s.running = false;
    }
    if (!v) return null;
    d.a.push(v);
    return incref(v);
  };
  const teeType = newStaticType('_tee', { module: 'itertools', size: 48, gc: true, weakrefable: true });
  teeType.slots.tp_iter = (self) => incref(self);
  teeType.slots.tp_iternext = (self) => {
    const to = self as PyItertool;
    let index = to.s.index as number;
    if (index >= LINKCELLS) {
      const d = to.o.dataobj as PyItertool;
      if (!d.o.nextlink) d.o.nextlink = newData(d.o.it!);
      setHeld(to, 'dataobj', incref(d.o.nextlink));
      index = 0;
      to.s.index = 0;
    }
    const v = dataGet(to.o.dataobj as PyItertool, index);
    if (!v) return null;
    to.s.index = index + 1;
    return v;
  };
  teeType.slots.tp_traverse = (self, visit) => {
    const to = self as PyItertool;
    if (to.o.dataobj) visit(to.o.dataobj);
  };
  teeType.slots.tp_clear = (self) => clearAll(self as PyItertool);
  const teeCopy = (to: PyItertool): PyItertool => {
    const c = make(teeType, 48);
    c.o.dataobj = incref(to.o.dataobj!);
    c.s.index = to.s.index;
    return c;
  };
  const teeFromIterable = (iterable: PyObject): PyItertool => {
    const source = getIter(iterable);
    try {
      if (source.ob_type === teeType) return teeCopy(source as PyItertool);
      const to = make(teeType, 48);
      to.o.dataobj = newData(source);
      to.s.index = 0;
      return to;
    } finally {
      decref(source);
    }
  };
  teeType.slots.tp_new = (_type, args, kw) => {
    noKwargs('_tee', kw);
    argCount('_tee', args, 1, 1);
    return teeFromIterable(args[0]);
  };
  def<PyItertool>(teeType, '__copy__', (self) => teeCopy(self));
  finishType(teeType);
  moduleValue(m, '_tee', teeType);
  moduleValue(m, '_tee_dataobject', dataType);
  const teeFn = builtinFunction('tee', (args, kw) => {
    noKwargs('tee', kw);
    argCount('tee', args, 1, 2);
    const n = args.length > 1 ? asSsize(args[1]) : 2;
    if (n < 0) valueError('n must be >= 0');
    if (n === 0) return incref(rt.emptyTuple);
    const source = getIter(args[0]);
    const items: PyObject[] = [];
    try {
      let copyfunc = getAttrOpt(source, '__copy__');
      let first: PyObject;
      if (copyfunc) first = incref(source);
      else {
        first = teeFromIterable(source);
        copyfunc = getAttrOpt(first, '__copy__')!;
      }
      items.push(first);
      try {
        for (let i = 1; i < n; i++) items.push(call(copyfunc, []));
      } finally {
        decref(copyfunc);
      }
    } catch (e) {
      items.forEach(decref);
      throw e;
    } finally {
      decref(source);
    }
    return newTuple(items);
  }, m);
  moduleValue(m, 'tee', teeFn);
  decref(teeFn);

  // ---- batched(iterable, n) (3.12+; strict= from 3.13)
  if (rt.v >= 312) {
    defineType(m, 'batched', {
      size: 48,
      tpNew: (type, args, kw) => {
        const names = rt.v >= 313 ? ['iterable', 'n', 'strict'] : ['iterable', 'n'];
        const [iterable, nObj, strict] = clinic('batched', args, kw, names, { posonly: 0, minpos: 2, maxpos: 2 });
        const n = asSsize(nObj!);
        if (n < 1) valueError('n must be at least one');
        const source = getIter(iterable!);
        const it = make(type, 48);
        it.o.it = source;
        it.s.n = n;
        it.s.strict = strict ? isTrue(strict) : false;
        return it;
      },
      next: (it) => {
        const source = held(it, 'it');
        if (!source) return null;
        const n = it.s.n as number;
        const items: PyObject[] = [];
        for (let i = 0; i < n; i++) {
          let item: PyObject | null;
          try {
            item = iterNext(source);
          } catch (e) {
            items.forEach(decref);
            setHeld(it, 'it', null);
            throw e;
          }
          if (!item) break;
          items.push(item);
        }
        if (items.length === n) return newTuple(items);
        setHeld(it, 'it', null);
        if (items.length === 0) return null;
        if (it.s.strict) {
          items.forEach(decref);
          valueError('batched(): incomplete batch');
        }
        return newTuple(items);
      },
    });
  }
  void PyFloat;
}
