// The cyclic garbage collector: finds groups of objects that only reference each other and frees them. The
// algorithm is one function per phase as in CPython; which objects a collection examines and where survivors go
// follows the version: generations for 3.11 (Modules/gcmodule.c) and 3.12–3.13 (Python/gc.c), the incremental
// collector of 3.14 (Python/gc.c: young collections, increments of the old space, full collections).
import { findSlot } from './abstract';
import type { GenerationStats } from './gcstate';
import { PyDict, PyModule, PyObject, PyTuple, PyType } from './objects';
import { getItemStr as dictGetStr } from './types/dict';
import { clearFreeLists, decref, deallocHooks, incref, mayBeTracked, rt } from './runtime';

/** What a collection found (struct gc_collection_stats). */
export interface CollectionStats {
  /** Objects found unreachable and freed or handed to gc.garbage (what gc.collect() counts). */
  collected: number;
  /** Objects kept by legacy finalizers (none in Python code since PEP 442). */
  uncollectable: number;
  /** Objects examined. */
  candidates: number;
  /** Objects whose finalizer made them reachable again. */
  resurrected: number;
  /** Objects found unreachable (before finalizers ran), and finalizers called (the trace reports them). */
  unreachable: number;
  finalized: number;
}

/** Why a collection runs (_PyGC_Reason): an allocation count, gc.collect(), or interpreter shutdown. */
export type Reason = 'heap' | 'manual' | 'shutdown';

/** Set by the gc module: calls gc.callbacks for the "start" and "stop" phases. */
export const collectorHooks = {
  callbacks: null as ((phase: 'start' | 'stop', generation: number, stats: CollectionStats) => void) | null,
};

function traverse(o: PyObject, visit: (r: PyObject) => void): void {
  const t = findSlot(o.ob_type, 'tp_traverse');
  if (t) t(o, visit);
}

/** update_refs + subtract_refs: gc_refs = references from outside the examined set. */
function computeExternalRefs(objects: PyObject[]): Map<PyObject, number> {
  const gcRefs = new Map<PyObject, number>();
  for (const o of objects) gcRefs.set(o, o.ob_refcnt);
  for (const o of objects) {
    traverse(o, (r) => {
      const n = gcRefs.get(r);
      if (n !== undefined) gcRefs.set(r, n - 1);
    });
  }
  return gcRefs;
}

/**
 * move_unreachable, step for step, because it decides the order objects end up in: the scan goes down the list;
 * an object with outside references stays and marks what it references reachable; one without is moved to
 * `unreachable` for now, and moved back to the END of the list if something reachable turns out to reference
 * it. Returns the survivors in their new list order and the garbage in order.
 */
function moveUnreachable(young: PyObject[], gcRefs: Map<PyObject, number>): { survivors: PyObject[]; unreachable: PyObject[] } {
  const list = [...young];
  /** Where each object currently sits in `list` (a stale entry elsewhere is skipped). */
  const position = new Map<PyObject, number>();
  list.forEach((o, i) => position.set(o, i));
  const unreachable = new Set<PyObject>();
  /** Scanned and reachable: no longer "collecting" (visit_reachable ignores it). */
  const done = new Set<PyObject>();
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (position.get(o) !== i || unreachable.has(o)) continue;
    if (gcRefs.get(o)! > 0) {
      traverse(o, (r) => {
        if (!gcRefs.has(r) || done.has(r)) return;
        if (unreachable.has(r)) {
          unreachable.delete(r);
          position.set(r, list.length);
          list.push(r);
          gcRefs.set(r, 1);
        } else if (gcRefs.get(r) === 0) {
          gcRefs.set(r, 1);
        }
      });
      done.add(o);
    } else {
      unreachable.add(o);
    }
  }
  const survivors = list.filter((o, i) => position.get(o) === i && !unreachable.has(o));
  return { survivors, unreachable: [...unreachable] };
}

function deduceUnreachable(base: PyObject[]): { survivors: PyObject[]; unreachable: PyObject[] } {
  return moveUnreachable(base, computeExternalRefs(base));
}

/** untrack_tuples: a tuple holding nothing that could be in a cycle stops being tracked (_PyTuple_MaybeUntrack). */
function untrackTuples(objects: Iterable<PyObject>): void {
  for (const o of [...objects]) {
    if (o.ob_type === rt.t.tuple && o.gcList && (o as PyTuple).items.every((x) => !mayBeTracked(x))) rt.gc.untrack(o);
  }
}

/** untrack_dicts (full collections before 3.14): likewise for dicts (_PyDict_MaybeUntrack). */
function untrackDicts(objects: Iterable<PyObject>): void {
  for (const o of [...objects]) {
    if (o.ob_type !== rt.t.dict || !o.gcList) continue;
    const d = o as PyDict;
    let keep = false;
    for (const e of d.map.values()) if (mayBeTracked(e.key) || mayBeTracked(e.value)) keep = true;
    if (!keep) rt.gc.untrack(o);
  }
}

/** finalize_garbage: call each unreachable object's finalizer once (PEP 442). */
function finalizeGarbage(unreachable: PyObject[], stats: CollectionStats): void {
  for (const o of unreachable) {
    if (o.finalized || o.address === 0) continue;
    let finalize: ((self: PyObject) => void) | undefined;
    for (const t of o.ob_type.mro) if ((finalize = t.slots.tp_finalize)) break;
    if (!finalize) continue;
    o.finalized = true;
    stats.finalized++;
    incref(o);
    try {
      finalize(o);
    } catch (e) {
      if (deallocHooks.unraisable) deallocHooks.unraisable(e, o);
      else throw e;
    } finally {
      decref(o);
    }
  }
}

/** delete_garbage: break the cycles with tp_clear; reference counting frees the rest. */
function deleteGarbage(garbage: PyObject[], saveAll: PyObject[] | null): void {
  for (const o of garbage) {
    if (o.address === 0) continue; // already freed by an earlier clear
    if (saveAll) {
      saveAll.push(incref(o));
      continue;
    }
    if (!gcClearable(o.ob_type)) continue;
    incref(o);
    const own = (o.ob_type as PyType & { gcClear?: (x: PyObject) => void }).gcClear;
    (own ?? findSlot(o.ob_type, 'tp_clear')!)(o);
    if (rt.trace !== null) rt.trace.touch(o); // it may outlive its tp_clear
    decref(o);
  }
}

/**
 * The builtin types that have a tp_clear in CPython (the collector breaks cycles only through those; a tuple,
 * a bound method or a generator is freed when what it refers to lets go). Classes: subtype_clear.
 */
const GC_CLEARABLE = new Set([
  'list', 'dict', 'set', 'frozenset', 'function', 'cell', 'frame', 'module', 'type', 'staticmethod',
  'classmethod', 'property', 'traceback', 'weakref', 'BaseException',
]);

function gcClearable(t: PyType): boolean {
  if (t.heapType) return true;
  return t.mro.some((b) => GC_CLEARABLE.has(b.name) && !b.heapType);
}

/** Moves objects to the end of a list (gc_list_merge, gc_list_move). */
function appendTo(objects: Iterable<PyObject>, to: Set<PyObject>): void {
  for (const o of objects) if (o.gcList) rt.gc.move(o, to);
}

/** Takes objects out of their lists into a collection's working list (still tracked). */
function gather(lists: Set<PyObject>[]): { objects: PyObject[]; working: Set<PyObject> } {
  const working = new Set<PyObject>();
  const objects: PyObject[] = [];
  for (const list of lists) {
    for (const o of [...list]) {
      rt.gc.move(o, working);
      objects.push(o);
    }
  }
  return { objects, working };
}

/**
 * The core of every collection (gc_collect_main's body, 3.14's gc_collect_region): find the unreachable part of
 * `from`, move the survivors to the end of `to`, then weakrefs, finalizers, resurrection and tp_clear.
 */
function collectRegion(from: PyObject[], to: Set<PyObject>, full: boolean, stats: CollectionStats): void {
  const gc = rt.gc;
  stats.candidates = from.length;
  const { survivors, unreachable } = deduceUnreachable(from);
  untrackTuples(survivors);
  appendTo(survivors, to);
  if (full && rt.v < 314) {
    untrackDicts(survivors);
  }
  if (!unreachable.length) return;
  stats.unreachable += unreachable.length;
  const garbageSet = new Set(unreachable);
  // handle_weakrefs: weakrefs to garbage are cleared first; only those not garbage themselves call back.
  if (deallocHooks.clearWeakrefs) for (const o of unreachable) if (o.weakrefs) deallocHooks.clearWeakrefs(o, garbageSet);
  // Finalizers may free part of the garbage outright (a generator's close() drops its frame's locals): what is
  // freed then is not counted as collected.
  finalizeGarbage(unreachable, stats);
  // handle_resurrected_objects: finalizers may have made some garbage reachable again; it joins `to`.
  const alive = unreachable.filter((o) => o.address !== 0);
  const { survivors: resurrected, unreachable: garbage } = deduceUnreachable(alive);
  appendTo(resurrected, to);
  stats.resurrected = resurrected.length;
  stats.collected += garbage.length;
  if (rt.trace !== null) rt.trace.garbage(garbage);
  deleteGarbage(garbage, gc.debug & DEBUG_SAVEALL ? savedGarbage() : null);
  // Whatever outlived tp_clear "may die later" in `to`.
  appendTo(garbage.filter((o) => o.address !== 0 && o.gcList && o.gcList !== to), to);
}

const DEBUG_SAVEALL = 32;

/** gc.garbage's items (the gc module installs the list). */
export const garbageList = { items: null as PyObject[] | null };

function savedGarbage(): PyObject[] {
  return garbageList.items ?? [];
}

/** gc_collect_main (3.11–3.13): collects generation `generation` and the younger ones. */
function collectGenerations(generation: number, stats: CollectionStats): void {
  const gc = rt.gc;
  if (generation + 1 < 3) gc.counts[generation + 1]++;
  for (let i = 0; i <= generation; i++) gc.counts[i] = 0;
  // The younger generations are merged onto the end of the one collected.
  const order = [gc.lists[generation]];
  for (let i = 0; i < generation; i++) order.push(gc.lists[i]);
  const { objects } = gather(order);
  const old = gc.lists[generation < 2 ? generation + 1 : 2];
  const before = old.size;
  collectRegion(objects, old, generation === 2, stats);
  if (generation === 1) gc.longLivedPending += old.size - before;
  if (generation === 2) {
    gc.longLivedPending = 0;
    gc.longLivedTotal = old.size;
    clearFreeLists();
  }
}

/** gc_collect_young (3.14): the young objects; survivors join the visited old space. */
function collectYoung(stats: CollectionStats): void {
  const gc = rt.gc;
  untrackTuples(gc.lists[0]);
  const { objects } = gather([gc.lists[0]]);
  for (const o of objects) o.gcSpace = gc.visitedSpace;
  collectRegion(objects, gc.lists[1 + gc.visitedSpace], false, stats);
  gc.counts[0] = 0;
  gc.counts[1 + gc.visitedSpace]++;
}

/** gc_collect_full (3.14): everything, then a new scavenge starts. */
function collectFull(stats: CollectionStats): void {
  const gc = rt.gc;
  untrackTuples(gc.lists[0]);
  const visited = gc.lists[1 + gc.visitedSpace];
  const pending = gc.lists[2 - gc.visitedSpace];
  const { objects } = gather([visited, pending, gc.lists[0]]);
  for (const o of objects) o.gcSpace = gc.visitedSpace;
  collectRegion(objects, visited, true, stats);
  gc.counts = [0, 0, 0];
  completedScavenge();
  clearFreeLists();
}

/** completed_scavenge (3.14): the visited space becomes the one to visit next. */
function completedScavenge(): void {
  const gc = rt.gc;
  if (gc.lists[3].size === 0) {
    const notVisited = gc.visitedSpace;
    gc.visitedSpace = notVisited ^ 1;
    for (const o of gc.lists[0]) o.gcSpace = notVisited;
  } else {
    const visited = gc.visitedSpace;
    const to = gc.lists[2 - visited];
    for (const o of [...gc.lists[1 + visited]]) {
      gc.move(o, to);
      o.gcSpace = visited ^ 1;
    }
  }
  gc.workToDo = 0;
  gc.phase = 'mark';
}

/** move_to_reachable / visit_add_to_container: a tracked object not yet in the visited space joins `into`. */
function markVisited(o: PyObject | null, into: Set<PyObject>): number {
  if (!o || o.immortal || !mayBeTracked(o) || !o.gcList || o.gcSpace === rt.gc.visitedSpace) return 0;
  o.gcSpace = rt.gc.visitedSpace;
  rt.gc.move(o, into);
  return 1;
}

/** mark_all_reachable: everything reachable from `reachable` moves to the visited space. */
function markAllReachable(reachable: Set<PyObject>): number {
  const visited = rt.gc.lists[1 + rt.gc.visitedSpace];
  let marked = 0;
  while (reachable.size) {
    const o = reachable.values().next().value as PyObject;
    rt.gc.move(o, visited);
    traverse(o, (r) => { marked += markVisited(r, reachable); });
  }
  return marked;
}

/** mark_stacks (3.14): what the running frames hold is alive. */
function markStacks(start: boolean): number {
  const reachable = new Set<PyObject>();
  let marked = 0;
  for (let f = rt.frame; f; f = f.back) {
    marked += markVisited(f.locals, reachable);
    marked += markVisited(f.func, reachable);
    for (const o of f.fast) marked += markVisited(o, reachable);
    for (let i = 0; i < f.sp; i++) marked += markVisited(f.stack[i], reachable);
    if (!start && f.gcVisited) break;
    f.gcVisited = true;
  }
  return marked + markAllReachable(reachable);
}

/** mark_at_start (3.14): the first increment of a scavenge marks what the roots and the stacks reach. */
function markAtStart(): number {
  const reachable = new Set<PyObject>();
  let marked = 0;
  const sys = rt.modules && (dictGetStr(rt.modules, 'sys') as PyModule | null);
  marked += markVisited(sys ? sys.dict : rt.modules, reachable);
  marked += markVisited(rt.builtins, reachable);
  marked += markAllReachable(reachable);
  marked += markStacks(true);
  rt.gc.workToDo -= marked;
  rt.gc.phase = 'collect';
  return marked;
}

/** assess_work_to_do (3.14) */
function assessWorkToDo(): number {
  const gc = rt.gc;
  const scale = Math.max(2, gc.thresholds[1]);
  const newObjects = gc.counts[0];
  const heapFraction = Math.min(Math.trunc(Math.trunc(gc.heapSize / 10) / scale), newObjects * 2);
  gc.counts[0] = 0;
  return newObjects + heapFraction;
}

/** gc_collect_increment (3.14): the young objects plus a slice of the old space not visited yet. */
function collectIncrement(stats: CollectionStats): void {
  const gc = rt.gc;
  gc.workToDo += assessWorkToDo();
  if (gc.workToDo < 0) return;
  untrackTuples(gc.lists[0]);
  if (gc.phase === 'mark') {
    const marked = markAtStart();
    gc.workToDo -= marked;
    stats.candidates += marked;
    return;
  }
  const notVisited = gc.lists[2 - gc.visitedSpace];
  const visited = gc.lists[1 + gc.visitedSpace];
  gc.workToDo -= markStacks(false);
  const { objects: young, working } = gather([gc.lists[0]]);
  for (const o of young) o.gcSpace = gc.visitedSpace;
  let size = young.length;
  while (size < gc.workToDo && notVisited.size) {
    // expand_region_transitively_reachable: the next old object and what it reaches, all in one increment.
    const first = notVisited.values().next().value as PyObject;
    first.gcSpace = gc.visitedSpace;
    gc.move(first, working);
    size++;
    const added: PyObject[] = [first];
    for (let i = 0; i < added.length; i++) {
      traverse(added[i], (r) => {
        if (markVisited(r, working)) {
          added.push(r);
          size++;
        }
      });
    }
  }
  collectRegion([...working], visited, false, stats);
  gc.workToDo -= size;
  if (notVisited.size === 0) completedScavenge();
}

/** _PyGC_Collect / gc_collect_with_callback: one collection with its callbacks and statistics. */
export function collectGeneration(generation: number, reason: Reason): number {
  const gc = rt.gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  const stats: CollectionStats = { collected: 0, uncollectable: 0, candidates: 0, resurrected: 0, unreachable: 0, finalized: 0 };
  if (rt.trace !== null) rt.trace.collectStart(generation, reason === 'heap' ? 0 : reason === 'manual' ? 1 : 2);
  try {
    if (reason !== 'shutdown') collectorHooks.callbacks?.('start', generation, stats);
    if (rt.v < 314) collectGenerations(generation, stats);
    else if (generation === 0) collectYoung(stats);
    else if (generation === 1) collectIncrement(stats);
    else collectFull(stats);
    const s: GenerationStats = gc.stats[generation];
    s.collections++;
    s.collected += stats.collected;
    s.uncollectable += stats.uncollectable;
    s.candidates += stats.candidates;
    if (rt.trace !== null) rt.trace.collectEnd(stats);
    if (reason !== 'shutdown') collectorHooks.callbacks?.('stop', generation, stats);
  } finally {
    gc.collecting = false;
  }
  return stats.collected + stats.uncollectable;
}

/** gc_collect_generations / gc_select_generation: the oldest generation over its threshold, unless a full
 *  collection would come too soon after the last (fewer than a quarter of the long-lived objects are new). */
function selectGeneration(): number {
  const gc = rt.gc;
  for (let i = 2; i >= 0; i--) {
    if (gc.counts[i] > gc.thresholds[i]) {
      if (i === 2 && gc.longLivedPending < gc.longLivedTotal / 4) continue;
      return i;
    }
  }
  return -1;
}

/** An automatic collection (3.11: from the allocation; 3.12+: _Py_RunGC at an eval-breaker check). */
export function collectAutomatic(): void {
  const gc = rt.gc;
  gc.scheduled = false;
  if (!gc.enabled) return;
  if (rt.v >= 314) {
    collectGeneration(1, 'heap');
    return;
  }
  const generation = selectGeneration();
  if (generation >= 0) collectGeneration(generation, 'heap');
}

/** A full collection (gc.collect(), and the ones interpreter shutdown makes). */
export function collect(): number {
  return collectGeneration(2, 'manual');
}
