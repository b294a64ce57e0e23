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

/** move_unreachable: what is reachable from an object with outside references stays; the rest is garbage. */
function findUnreachable(objects: PyObject[], gcRefs: Map<PyObject, number>): PyObject[] {
  const reachable = new Set<PyObject>();
  const stack: PyObject[] = [];
  for (const o of objects) {
    if (gcRefs.get(o)! > 0 && !reachable.has(o)) {
      reachable.add(o);
      stack.push(o);
    }
    while (stack.length) {
      const x = stack.pop()!;
      traverse(x, (r) => {
        if (gcRefs.has(r) && !reachable.has(r)) {
          reachable.add(r);
          stack.push(r);
        }
      });
    }
  }
  return objects.filter((o) => !reachable.has(o));
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
function stillUnreachable(unreachable: PyObject[]): PyObject[] {
  const alive = unreachable.filter((o) => o.address !== 0);
  const gcRefs = computeExternalRefs(alive);
  return findUnreachable(alive, gcRefs);
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
  const objects = [...rt.gcObjects];
  const gcRefs = computeExternalRefs(objects);
  const unreachable = findUnreachable(objects, gcRefs);
  if (!unreachable.length) return { unreachable: 0, collected: 0, resurrected: 0 };
  // Hold the garbage while finalizers run, so nothing is freed under them.
  for (const o of unreachable) incref(o);
  if (deallocHooks.clearWeakrefs) for (const o of unreachable) if (o.weakrefs) deallocHooks.clearWeakrefs(o);
  finalizeGarbage(unreachable);
  for (const o of unreachable) o.ob_refcnt--;
  const garbage = stillUnreachable(unreachable);
  const resurrected = unreachable.filter((o) => o.address !== 0).length - garbage.length;
  const before = garbage.length;
  deleteGarbage(garbage, saveAll);
  return { unreachable: unreachable.length, collected: before, resurrected };
}
