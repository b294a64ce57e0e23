// The cyclic garbage collector (Python/gc.c, Modules/gcmodule.c): finds groups of objects that only reference
// each other and frees them. Each phase is one function, as in gc.c.
import { findSlot } from './abstract';
import { PyObject, PyType } from './objects';
import { decref, deallocHooks, incref, rt } from './runtime';

export interface CollectionResult {
  /** Unreachable objects found (what gc.collect() returns). */
  unreachable: number;
  /** Objects that were actually freed. */
  collected: number;
  /** Objects kept alive by their own finalizers. */
  resurrected: number;
}

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
 * move_unreachable (Python/gc.c), step for step, because it decides the order objects end up in: the scan goes
 * down the young list; an object with outside references stays and marks what it references reachable; one
 * without is moved to `unreachable` for now, and moved back to the END of the young list if something
 * reachable turns out to reference it. Returns the survivors in their new list order and the garbage in order.
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

/** finalize_garbage: call each unreachable object's finalizer once (PEP 442). */
function finalizeGarbage(unreachable: PyObject[]): void {
  for (const o of unreachable) {
    if (o.finalized) continue;
    let finalize: ((self: PyObject) => void) | undefined;
    for (const t of o.ob_type.mro) if ((finalize = t.slots.tp_finalize)) break;
    if (!finalize) continue;
    o.finalized = true;
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

/** handle_resurrected_objects: finalizers may have made some garbage reachable again. */
function stillUnreachable(unreachable: PyObject[]): { garbage: PyObject[]; resurrected: PyObject[] } {
  const alive = unreachable.filter((o) => o.address !== 0);
  const { survivors, unreachable: garbage } = moveUnreachable(alive, computeExternalRefs(alive));
  return { garbage, resurrected: survivors };
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

/** A full collection of every tracked object (generation 2). */
export function collect(saveAll: PyObject[] | null = null): CollectionResult {
  const young = [...rt.gcObjects];
  const { survivors, unreachable } = moveUnreachable(young, computeExternalRefs(young));
  // The survivors keep the order the scan gave them; objects tracked later come after them.
  const before = rt.gcObjects;
  const garbageSet = new Set(unreachable);
  rt.gcObjects = new Set(survivors);
  for (const o of before) if (!garbageSet.has(o)) rt.gcObjects.add(o);
  for (const o of unreachable) rt.gcObjects.add(o);
  if (!unreachable.length) return { unreachable: 0, collected: 0, resurrected: 0 };
  // Hold the garbage while finalizers run, so nothing is freed under them.
  for (const o of unreachable) incref(o);
  // handle_weakrefs: weakrefs to garbage are cleared first; only those not garbage themselves call back.
  if (deallocHooks.clearWeakrefs) for (const o of unreachable) if (o.weakrefs) deallocHooks.clearWeakrefs(o, garbageSet);
  finalizeGarbage(unreachable);
  for (const o of unreachable) o.ob_refcnt--;
  const { garbage, resurrected } = stillUnreachable(unreachable);
  deleteGarbage(garbage, saveAll);
  return { unreachable: unreachable.length, collected: garbage.length, resurrected: resurrected.length };
}
