// The gc module (Modules/gcmodule.c): explicit collections, the automatic collector's switches and counters,
// tracking queries, referrers and referents, freezing, statistics and callbacks, per version.
import { call, excType, findSlot, indexValue } from '../abstract';
import { collectGeneration, collectorHooks, garbageList, type CollectionStats } from '../collector';
import { PERMANENT, type GCList } from '../gcstate';
import { PyModule, PyObject, PyStr, PyType } from '../objects';
import { decref, deallocHooks, incref, newBool, newDict, newInt, newList, newStr, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { builtinFunction, clinicParserInit, exactArgs, rangeArgs, withArgsTuple } from '../types/util';

const DEBUG_FLAGS: [string, number][] = [
  ['DEBUG_STATS', 1], ['DEBUG_COLLECTABLE', 2], ['DEBUG_UNCOLLECTABLE', 4], ['DEBUG_SAVEALL', 32], ['DEBUG_LEAK', 38],
];

/** The lists gc.get_objects(generation) reads (3.14: generation 1 is empty, 2 is both old spaces). */
function generationLists(generation: number | null): GCList[] {
  const l = rt.gc.lists;
  if (rt.v >= 314) {
    if (generation === null) return [l[0], l[1], l[2]];
    return generation === 0 ? [l[0]] : generation === 1 ? [] : [l[1], l[2]];
  }
  return generation === null ? [l[0], l[1], l[2]] : [l[generation]];
}

/** PyObject_IS_GC: a GC type's instance (static types are not: type_is_gc). */
function isGC(o: PyObject): boolean {
  return o.ob_type.hasGC && !(o instanceof PyType && !o.heapType);
}

/** The info dict gc.callbacks receive (3.14.2 still has only these three keys, as its oracle shows). */
function callbackInfo(generation: number, stats: CollectionStats): PyObject {
  const info = newDict();
  const put = (key: string, value: PyObject) => {
    dict.setItemStr(info, key, value);
    decref(value);
  };
  put('generation', newInt(generation));
  put('collected', newInt(stats.collected));
  put('uncollectable', newInt(stats.uncollectable));
  return info;
}

export function installGc(m: PyModule): void {
  const d = m.dict;
  const gc = rt.gc;
  const garbage = newList([]);
  dict.setItemStr(d, 'garbage', garbage);
  decref(garbage);
  garbageList.list = garbage;
  const callbacks = newList([]);
  dict.setItemStr(d, 'callbacks', callbacks);
  decref(callbacks);
  collectorHooks.callbacks = (phase, generation, stats) => {
    if (!callbacks.items.length) return;
    const info = callbackInfo(generation, stats);
    const phaseStr = newStr(phase);
    try {
      for (let i = 0; i < callbacks.items.length; i++) {
        const cb = incref(callbacks.items[i]);
        try {
          decref(call(cb, [phaseStr, info]));
        } catch (e) {
          if (deallocHooks.unraisable) deallocHooks.unraisable(e, cb);
          else throw e;
        } finally {
          decref(cb);
        }
      }
    } finally {
      decref(phaseStr);
      decref(info);
    }
  };
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  const none = () => incref(rt.None);
  const intArg = (o: PyObject) => Number(indexValue(o));

  fn('collect', (args, kw) => {
    if (kw?.length) clinicParserInit('gc.collect', ['generation']);
    let generation = 2;
    if (args.length) {
      rangeArgs('collect', args, 0, 1);
      generation = intArg(args[kw?.length ? args.length - 1 : 0]);
      if (generation < 0 || generation > 2) raise(excType('ValueError'), 'invalid generation');
    }
    return newInt(collectGeneration(generation, 'manual'));
  });
  fn('enable', () => { gc.enabled = true; return none(); });
  fn('disable', () => { gc.enabled = false; return none(); });
  fn('isenabled', () => newBool(gc.enabled));
  fn('is_tracked', (args, kw) => { exactArgs('is_tracked', args, 1, kw); return newBool(args[0].gcList !== null); });
  fn('is_finalized', (args, kw) => { exactArgs('is_finalized', args, 1, kw); return newBool(isGC(args[0]) && args[0].finalized); });
  fn('get_threshold', () => newTuple([newInt(gc.thresholds[0]), newInt(gc.thresholds[1]), newInt(rt.v >= 314 ? 0 : gc.thresholds[2])]));
  // gc_set_threshold is METH_VARARGS (PyArg_ParseTuple): its arguments arrive in a tuple.
  fn('set_threshold', (args, kw) => withArgsTuple(args, () => {
    rangeArgs('set_threshold', args, 1, 3);
    if (kw?.length) raise(excType('TypeError'), 'set_threshold() takes no keyword arguments');
    args.forEach((a, i) => { gc.thresholds[i] = intArg(a); });
    return none();
  }));
  fn('get_count', () => {
    const c = gc.counts;
    const counts = rt.v >= 314 ? [c[0], c[1 + gc.visitedSpace], c[2 - gc.visitedSpace]] : c;
    return newTuple(counts.map((n) => newInt(n)));
  });
  fn('get_debug', () => newInt(gc.debug));
  fn('set_debug', (args, kw) => { exactArgs('set_debug', args, 1, kw); gc.debug = intArg(args[0]); return none(); });
  fn('get_referents', (args) => {
    const out: PyObject[] = [];
    for (const o of args) {
      const tr = findSlot(o.ob_type, 'tp_traverse');
      if (tr && isGC(o)) tr(o, (r) => out.push(incref(r)));
    }
    return newList(out);
  });
  fn('get_referrers', (args) => {
    const targets = new Set(args);
    const out: PyObject[] = [];
    for (const list of generationLists(null)) {
      for (const o of list.toArray()) {
        if (o === garbage) continue;
        const tr = findSlot(o.ob_type, 'tp_traverse');
        let hit = false;
        if (tr) tr(o, (r) => { if (targets.has(r)) hit = true; });
        if (hit) out.push(incref(o));
      }
    }
    return newList(out);
  });
  fn('get_objects', (args, kw) => {
    if (kw?.length) clinicParserInit('gc.get_objects', ['generation']);
    rangeArgs('get_objects', args, 0, 1);
    let generation: number | null = null;
    if (args.length && args[0] !== rt.None) {
      generation = intArg(args[0]);
      if (generation >= 3) raise(excType('ValueError'), 'generation parameter must be less than the number of available generations (3)');
      if (generation < 0) raise(excType('ValueError'), 'generation parameter cannot be negative');
    }
    void kw;
    const out: PyObject[] = [];
    for (const list of generationLists(generation)) for (const o of list.toArray()) out.push(incref(o));
    return newList(out);
  });
  fn('freeze', () => {
    const permanent = gc.lists[PERMANENT];
    for (let i = 0; i < 3; i++) {
      for (const o of gc.lists[i].toArray()) {
        o.gcSpace = gc.visitedSpace;
        gc.move(o, permanent);
      }
    }
    gc.counts[0] = 0;
    if (rt.v >= 314) gc.counts = [0, 0, 0];
    return none();
  });
  fn('unfreeze', () => {
    const to = gc.lists[rt.v >= 314 ? 1 + gc.visitedSpace : 2];
    for (const o of gc.lists[PERMANENT].toArray()) gc.move(o, to);
    return none();
  });
  fn('get_freeze_count', () => newInt(gc.lists[PERMANENT].size));
  fn('get_stats', () => newList(gc.stats.map((s) => {
    const entry = newDict();
    const put = (key: string, n: number) => {
      const v = newInt(n);
      dict.setItemStr(entry, key, v);
      decref(v);
    };
    put('collections', s.collections);
    put('collected', s.collected);
    put('uncollectable', s.uncollectable);
    return entry;
  })));
  for (const [name, v] of DEBUG_FLAGS) {
    const o = newInt(v);
    dict.setItemStr(d, name, o);
    decref(o);
  }
}
