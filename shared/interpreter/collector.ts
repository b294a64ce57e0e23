// The cyclic garbage collector: finds groups of objects that only reference each other and frees them. The
// algorithm is one function per phase as in CPython; which objects a collection examines and where survivors go
// follows the version: generations for 3.11 (Modules/gcmodule.c) and 3.12–3.13 (Python/gc.c), the incremental
// collector of 3.14 (Python/gc.c: young collections, increments of the old space, full collections).
import { call, findSlot, gcClearOf } from './abstract';
import { GCList, type GenerationStats } from './gcstate';
import { PyDict, PyList, PyModule, PyObject, PyTuple, PyType, PyWeakref } from './objects';
import { listAppend } from './types/list';
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

type Visit = (r: PyObject) => void;

/** Each type's tp_traverse, tp_finalize and whether it has a tp_clear, looked up once per collection (a type's
 *  slots do not change while the collector runs; CPython copies inherited slots into the type). */
interface TypeSlots {
  traverse: ((o: PyObject, visit: Visit) => void) | null;
  finalize: ((o: PyObject) => void) | null;
  /** tp_clear as delete_garbage calls it, or null where CPython's type has none. */
  clear: ((o: PyObject) => void) | null;
}
let slotCache = new Map<PyType, TypeSlots>();

function slotsOf(t: PyType): TypeSlots {
  let s = slotCache.get(t);
  if (!s) {
    let finalize: ((o: PyObject) => void) | undefined;
    for (const b of t.mro) if ((finalize = b.slots.tp_finalize)) break;
    s = { traverse: findSlot(t, 'tp_traverse') ?? null, finalize: finalize ?? null, clear: gcClearable(t) ? gcClearOf(t) : null };
    slotCache.set(t, s);
  }
  return s;
}

function traverse(o: PyObject, visit: Visit): void {
  const t = slotsOf(o.ob_type).traverse;
  if (t) t(o, visit);
}

/** gcState while a collection examines an object (PREV_MASK_COLLECTING and NEXT_MASK_UNREACHABLE in gc.c). */
const NOT_EXAMINED = 0;
const COLLECTING = 1;
const UNREACHABLE = 2;
/** Scanned and found reachable: visit_reachable no longer looks at it. */
const REACHABLE = 3;

/** Visitors skip a missing reference as Py_VISIT does (a type being torn down has no dict). */
function subtractRef(r: PyObject): void {
  if (r && r.gcState === COLLECTING) r.gcRefs--;
}

/** update_refs + subtract_refs: gc_refs = references from outside the examined set. */
function computeExternalRefs(objects: PyObject[]): void {
  for (const o of objects) {
    o.gcRefs = o.ob_refcnt;
    o.gcState = COLLECTING;
  }
  for (const o of objects) traverse(o, subtractRef);
}

/**
 * move_unreachable, step for step, because it decides the order objects end up in: the scan goes down the list;
 * an object with outside references stays and marks what it references reachable; one without is moved to
 * `unreachable` for now, and moved back to the END of the list if something reachable turns out to reference
 * it. Returns the survivors in their new list order and the garbage in order.
 */
function moveUnreachable(young: PyObject[]): { survivors: PyObject[]; unreachable: PyObject[] } {
  const list = young.slice();
  for (let i = 0; i < list.length; i++) list[i].gcPos = i;
  /** Moved to `unreachable`, in order (one put back is REACHABLE by the end and skipped). */
  const tentative: PyObject[] = [];
  const visitReachable = (r: PyObject): void => {
    if (!r) return;
    if (r.gcState === UNREACHABLE) {
      r.gcState = COLLECTING;
      r.gcPos = list.length;
      list.push(r);
      r.gcRefs = 1;
    } else if (r.gcState === COLLECTING && r.gcRefs === 0) {
      r.gcRefs = 1;
    }
  };
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (o.gcPos !== i || o.gcState !== COLLECTING) continue;
    if (o.gcRefs > 0) {
      o.gcState = REACHABLE;
      traverse(o, visitReachable);
    } else {
      o.gcState = UNREACHABLE;
      tentative.push(o);
    }
  }
  const survivors: PyObject[] = [];
  for (let i = 0; i < list.length; i++) {
    const o = list[i];
    if (o.gcPos === i && o.gcState === REACHABLE) survivors.push(o);
  }
  const unreachable: PyObject[] = [];
  for (const o of tentative) if (o.gcState === UNREACHABLE) unreachable.push(o);
  for (const o of survivors) o.gcState = NOT_EXAMINED;
  for (const o of unreachable) o.gcState = NOT_EXAMINED;
  return { survivors, unreachable };
}

function deduceUnreachable(base: PyObject[]): { survivors: PyObject[]; unreachable: PyObject[] } {
  computeExternalRefs(base);
  return moveUnreachable(base);
}

/** untrack_tuples: a tuple holding nothing that could be in a cycle stops being tracked (_PyTuple_MaybeUntrack). */
function untrackTuples(objects: PyObject[]): void {
  for (const o of objects) {
    if (o.ob_type === rt.t.tuple && o.gcList && (o as PyTuple).items.every((x) => !mayBeTracked(x))) rt.gc.untrack(o);
  }
}

/** untrack_dicts (full collections before 3.14): likewise for dicts (_PyDict_MaybeUntrack). */
function untrackDicts(objects: PyObject[]): void {
  for (const o of objects) {
    if (o.ob_type !== rt.t.dict || !o.gcList) continue;
    const d = o as PyDict;
    let keep = false;
    for (const e of d.map.values()) if (mayBeTracked(e.key) || mayBeTracked(e.value)) keep = true;
    if (!keep) rt.gc.untrack(o);
  }
}

/**
 * handle_weakrefs: every weakref to the garbage, and every weakref that is garbage, is cleared (detached, its
 * callback kept) before any callback runs; then the callbacks of the cleared weakrefs that are not garbage
 * themselves run in order, each weakref parked in a list of its own meanwhile and moved to `old` if it
 * survives. Returns how many of those weakrefs their callback freed.
 */
function handleWeakrefs(unreachable: PyObject[], old: GCList): number {
  const toCall: PyWeakref[] = [];
  const parked = new GCList();
  let garbage: Set<PyObject> | null = null;
  for (const op of unreachable) {
    if (op instanceof PyWeakref && op.referent) clearRef(op);
    const refs = op.weakrefs;
    if (!refs) continue;
    op.weakrefs = null;
    for (const wr of refs as PyWeakref[]) {
      wr.referent = null; // _PyWeakref_ClearRef
      if (!wr.callback || (garbage ??= new Set(unreachable)).has(wr)) continue;
      incref(wr);
      if (wr.gcList) rt.gc.move(wr, parked);
      toCall.push(wr);
    }
  }
  let freed = 0;
  for (const wr of toCall) {
    const callback = wr.callback;
    if (callback) {
      try {
        decref(call(callback, [wr]));
      } catch (e) {
        if (deallocHooks.unraisable) deallocHooks.unraisable(e, callback);
        else throw e;
      }
    }
    const inParked = wr.gcList === parked;
    decref(wr);
    if (wr.address === 0) freed++;
    else if (inParked && wr.gcList === parked) rt.gc.move(wr, old);
  }
  return freed;
}

/** _PyWeakref_ClearRef: detaches a weakref from its referent's list, keeping its callback. */
function clearRef(wr: PyWeakref): void {
  const list = wr.referent!.weakrefs;
  if (list) {
    const i = list.indexOf(wr);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) wr.referent!.weakrefs = null;
  }
  wr.referent = null;
}

/** finalize_garbage: call each unreachable object's finalizer once (PEP 442). */
function finalizeGarbage(unreachable: PyObject[], stats: CollectionStats): number {
  let ran = 0;
  for (const o of unreachable) {
    if (o.finalized || o.address === 0) continue;
    const finalize = slotsOf(o.ob_type).finalize;
    if (!finalize) continue;
    o.finalized = true;
    ran++;
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
  return ran;
}

/** delete_garbage: break the cycles with tp_clear; reference counting frees the rest. */
function deleteGarbage(garbage: PyObject[], saveAll: PyList | null): void {
  for (const o of garbage) {
    if (o.address === 0) continue; // already freed by an earlier clear
    if (saveAll) {
      listAppend(saveAll, o); // PyList_Append(gcstate->garbage, op)
      continue;
    }
    const clear = slotsOf(o.ob_type).clear;
    if (!clear) continue;
    incref(o);
    clear(o);
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
function appendTo(objects: Iterable<PyObject>, to: GCList): void {
  for (const o of objects) if (o.gcList) rt.gc.move(o, to);
}

/** Takes objects out of their lists into a collection's working list (still tracked). */
function gather(lists: GCList[]): { objects: PyObject[]; working: GCList } {
  const working = new GCList();
  const objects: PyObject[] = [];
  for (const list of lists) {
    for (const o of list.toArray()) {
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
function collectRegion(from: PyObject[], to: GCList, full: boolean, stats: CollectionStats): void {
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
  const steps = rt.steps;
  // Weakrefs the callbacks freed count as collected (gc_collect_main: m += handle_weakrefs(...)).
  stats.collected += handleWeakrefs(unreachable, to);
  // Finalizers may free part of the garbage outright (a generator's close() drops its frame's locals): what is
  // freed then is not counted as collected.
  const finalized = finalizeGarbage(unreachable, stats);
  // handle_resurrected_objects: finalizers may have made some garbage reachable again; it joins `to`. When no
  // finalizer or callback ran, nothing can have changed and the second pass would find what the first did.
  const alive = unreachable.filter((o) => o.address !== 0);
  const { survivors: resurrected, unreachable: garbage } = finalized || rt.steps !== steps
    ? deduceUnreachable(alive)
    : { survivors: [], unreachable: alive };
  appendTo(resurrected, to);
  stats.resurrected = resurrected.length;
  stats.collected += garbage.length;
  if (rt.trace !== null) rt.trace.garbage(garbage);
  deleteGarbage(garbage, gc.debug & DEBUG_SAVEALL ? garbageList.list : null);
  // Whatever outlived tp_clear "may die later" in `to`.
  appendTo(garbage.filter((o) => o.address !== 0 && o.gcList && o.gcList !== to), to);
}

const DEBUG_SAVEALL = 32;

/** gc.garbage (the gc module installs the list). */
export const garbageList = { list: null as PyList | null };

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
  untrackTuples(gc.lists[0].toArray());
  const { objects } = gather([gc.lists[0]]);
  for (const o of objects) o.gcSpace = gc.visitedSpace;
  collectRegion(objects, gc.lists[1 + gc.visitedSpace], false, stats);
  gc.counts[0] = 0;
  gc.counts[1 + gc.visitedSpace]++;
}

/** gc_collect_full (3.14): everything, then a new scavenge starts. */
function collectFull(stats: CollectionStats): void {
  const gc = rt.gc;
  untrackTuples(gc.lists[0].toArray());
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
    for (let o = gc.lists[0].head; o; o = o.gcNext) o.gcSpace = notVisited;
  } else {
    const visited = gc.visitedSpace;
    const to = gc.lists[2 - visited];
    for (const o of gc.lists[1 + visited].toArray()) {
      gc.move(o, to);
      o.gcSpace = visited ^ 1;
    }
  }
  gc.workToDo = 0;
  gc.phase = 'mark';
}

/** move_to_reachable / visit_add_to_container: a tracked object not yet in the visited space joins `into`. */
function markVisited(o: PyObject | null, into: GCList): number {
  if (!o || o.immortal || !mayBeTracked(o) || !o.gcList || o.gcSpace === rt.gc.visitedSpace) return 0;
  o.gcSpace = rt.gc.visitedSpace;
  rt.gc.move(o, into);
  return 1;
}

/** mark_all_reachable: everything reachable from `reachable` moves to the visited space. */
function markAllReachable(reachable: GCList): number {
  const visited = rt.gc.lists[1 + rt.gc.visitedSpace];
  let marked = 0;
  while (reachable.size) {
    const o = reachable.head!;
    rt.gc.move(o, visited);
    traverse(o, (r) => { marked += markVisited(r, reachable); });
  }
  return marked;
}

/** mark_stacks (3.14): what the running frames hold is alive. */
function markStacks(start: boolean): number {
  const reachable = new GCList();
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
  const reachable = new GCList();
  let marked = 0;
  const sys = rt.modules && (dictGetStr(rt.modules, 'sys') as PyModule | null);
  marked += markVisited(sys ? sys.dict : rt.modules, reachable);
  marked += markVisited(rt.builtins, reachable);
  marked += markAllReachable(reachable);
  marked += markStacks(true);
  marked += rt.gc.startupObjects;
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
  untrackTuples(gc.lists[0].toArray());
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
    const first = notVisited.head!;
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
  collectRegion(working.toArray(), visited, false, stats);
  gc.workToDo -= size;
  if (notVisited.size === 0) completedScavenge();
}

/** _PyGC_Collect / gc_collect_with_callback: one collection with its callbacks and statistics. */
export function collectGeneration(generation: number, reason: Reason): number {
  const gc = rt.gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  slotCache = new Map();
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

/**
 * A consistency check of the heap (for tests): objects that more tracked objects reference (by tp_traverse)
 * than their reference count says. Each would be a reference dropped twice or never counted, which makes the
 * collector free live objects. Returns one line per such object.
 */
export function excessReferences(): string[] {
  slotCache = new Map();
  const holders = new Map<PyObject, PyObject[]>();
  for (const list of rt.gc.lists) {
    for (let h = list.head; h; h = h.gcNext) {
      const holder = h;
      traverse(holder, (r) => {
        if (!r) return;
        const by = holders.get(r);
        if (by) by.push(holder);
        else holders.set(r, [holder]);
      });
    }
  }
  const out: string[] = [];
  for (const [o, by] of holders) {
    if (!o.immortal && by.length > o.ob_refcnt) {
      out.push(`${o.ob_type.name} with ob_refcnt ${o.ob_refcnt} is referenced by ${by.length}: ${by.map((b) => b.ob_type.name).join(', ')}`);
    }
  }
  return out;
}

/** A full collection (gc.collect(), and the ones interpreter shutdown makes). */
export function collect(): number {
  return collectGeneration(2, 'manual');
}
