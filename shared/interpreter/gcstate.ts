// The collector's state (struct _gc_runtime_state, Include/internal/pycore_gc.h) and the rules that keep it up to
// date as objects come and go: the generation lists, the counts behind automatic collections, the thresholds.
// The collection itself is collector.ts; this file only says what is tracked where, and when a collection is due.
import type { PyObject } from './objects';

/**
 * How many more objects CPython 3.14's mark_at_start marks than the simulator's roots reach, measured on the
 * oracle's CPython 3.14.2: after gc.collect() at threshold 50, the first increment that collects comes with the
 * 253rd automatic collection (iteration 12,902 of a loop making one cyclic instance each), which this reproduces.
 */
const STARTUP_OBJECTS_314 = 19200;

/** Index of the permanent generation (gc.freeze) in GCState.lists. */
export const PERMANENT = 3;

/**
 * A list of tracked objects (PyGC_Head's _gc_prev/_gc_next): each object links to its neighbours, so moving one
 * between lists costs nothing and every list keeps CPython's order (gc_list_append appends at the end).
 */
export class GCList {
  head: PyObject | null = null;
  tail: PyObject | null = null;
  size = 0;

  /** gc_list_append: `o` must not be in a list. */
  add(o: PyObject): void {
    o.gcPrev = this.tail;
    o.gcNext = null;
    if (this.tail) this.tail.gcNext = o;
    else this.head = o;
    this.tail = o;
    o.gcList = this;
    this.size++;
  }

  /** gc_list_remove */
  delete(o: PyObject): void {
    const prev = o.gcPrev;
    const next = o.gcNext;
    if (prev) prev.gcNext = next;
    else this.head = next;
    if (next) next.gcPrev = prev;
    else this.tail = prev;
    o.gcPrev = o.gcNext = null;
    o.gcList = null;
    this.size--;
  }

  /** The objects in order, as an array (safe to move them while walking it). */
  toArray(): PyObject[] {
    const out: PyObject[] = new Array(this.size);
    let i = 0;
    for (let o = this.head; o; o = o.gcNext) out[i++] = o;
    return out;
  }
}

export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
  candidates: number;
}

export class GCState {
  enabled = true;
  debug = 0;
  /**
   * 3.11–3.13: generations 0, 1 and 2; 3.14: young, old[0] and old[1] (the incremental collector's two old
   * spaces). Index 3: the permanent generation. Each list is in CPython's list order.
   */
  lists: GCList[] = [new GCList(), new GCList(), new GCList(), new GCList()];
  /** generations[i].count (3.14: young.count, old[0].count, old[1].count). */
  counts = [0, 0, 0];
  thresholds: number[];
  /** Objects that survived a generation-1 collection since the last full one, and what the last full one kept
   *  (the rule that avoids quadratic full collections, Modules/gcmodule.c gc_collect_generations). */
  longLivedPending = 0;
  longLivedTotal = 0;
  collecting = false;
  /** 3.12+: a collection is due at the next eval-breaker check (_Py_ScheduleGC). */
  scheduled = false;
  /** 3.14's incremental collector: which old space holds what this scavenge has visited, its phase, and the
   *  work left (Python/gc.c gc_collect_increment). */
  visitedSpace = 0;
  /** heap_size: the tracked objects, counting those of the interpreter's startup the simulator does not make. */
  heapSize = 0;
  /** 3.14: the objects alive before the program starts that the simulator does not make itself (the modules the
   *  interpreter and the oracle's driver loaded, their functions, classes and dicts: 20,319 tracked objects in
   *  the oracle's CPython 3.14.2 against the simulator's 1,028). mark_at_start marks them on every scavenge, so
   *  the first increments after it pay for them before any young garbage is collected (Python/gc.c). */
  startupObjects = 0;
  workToDo = 0;
  phase: 'mark' | 'collect' = 'mark';
  stats: GenerationStats[] = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0, candidates: 0 }));
  /** The trace's hook: an object changed lists (null: untracked). Null when tracing is off. */
  observer: ((o: PyObject, list: GCList | null) => void) | null = null;
  /** Set by collector.ts: runs the collection an allocation made due (3.11 at once, 3.12+ from the eval loop). */
  runAutomatic: (() => void) | null = null;

  constructor(public v: number) {
    this.thresholds = v >= 314 ? [2000, 10, 0] : v >= 313 ? [2000, 10, 10] : [700, 10, 10];
    if (v >= 314) this.heapSize = this.startupObjects = STARTUP_OBJECTS_314;
  }

  /** What a new object of a GC type adds to the count: _PyObject_GC_Link (3.11–3.13 count allocations). */
  link(): void {
    if (this.v >= 314) return;
    this.counts[0]++;
    if (this.counts[0] > this.thresholds[0] && this.enabled && this.thresholds[0] && !this.collecting) {
      if (this.v === 311) this.runAutomatic?.(); // gcmodule.c: collects inside the allocation
      else this.scheduled = true; // gc.c: _Py_ScheduleGC, run at the next eval-breaker check
    }
  }

  /** PyObject_GC_Del: an object's memory is released (not kept on a free list). */
  freed(o: PyObject): void {
    if (this.v >= 314) {
      if (o.gcList) this.untrack(o);
      return;
    }
    if (this.counts[0] > 0) this.counts[0]--;
  }

  /** _PyObject_GC_TRACK: appended to the youngest generation (3.14 counts here, not at allocation). */
  track(o: PyObject): void {
    if (o.gcList) return;
    this.lists[0].add(o);
    if (this.observer !== null) this.observer(o, this.lists[0]);
    if (this.v < 314) return;
    o.gcSpace = this.visitedSpace ^ 1;
    this.counts[0]++;
    this.heapSize++;
    if (this.counts[0] > this.thresholds[0] && this.enabled && this.thresholds[0] && !this.collecting) {
      this.scheduled = true; // _Py_TriggerGC
    }
  }

  /** _PyObject_GC_UNTRACK */
  untrack(o: PyObject): void {
    const list = o.gcList;
    if (!list) return;
    list.delete(o);
    if (this.observer !== null) this.observer(o, null);
    if (this.v < 314) return;
    if (this.counts[0] > 0) this.counts[0]--;
    this.heapSize--;
  }

  /** Moves a tracked object to the end of another list (gc_list_move). */
  move(o: PyObject, to: GCList): void {
    o.gcList!.delete(o);
    to.add(o);
    if (this.observer !== null) this.observer(o, to);
  }

  /** The generation an object is in (0–2; 3 when frozen), or -1 while a collection holds it. */
  generationOf(o: PyObject): number {
    return o.gcList ? this.lists.indexOf(o.gcList) : -1;
  }
}
