// Per-type free lists (Objects/tupleobject.c, listobject.c, dictobject.c, floatobject.c free_list; sliceobject.c
// slice_cache):
// a freed object of one of these exact types keeps its memory for the next object of the type. Such memory
// never returns to pymalloc, and before 3.14 the collector does not count the allocation or the release.
// A full collection empties them (Modules/gcmodule.c clear_freelists).
import type { PyObject, PyTuple } from './objects';
import type { TypeTable } from './typetable';

/** PyTuple_NFREELISTS: one list per tuple length 1..20. */
const TUPLE_LENGTHS = 20;
const TUPLE_KEYS = Array.from({ length: TUPLE_LENGTHS + 1 }, (_, n) => `tuple${n}`);

// PyList_MAXFREELIST, PyDict_MAXFREELIST, PyFloat_MAXFREELIST (3.13+ Py_floats_MAXFREELIST, still 100).
const CAPACITY: Record<string, number> = { list: 80, dict: 80, float: 100, slice: 1 };
for (let n = 1; n <= TUPLE_LENGTHS; n++) CAPACITY[TUPLE_KEYS[n]] = 2000; // PyTuple_MAXFREELIST

/** The free list an object of this exact type goes to, or null. */
export function freelistKey(o: PyObject, t: TypeTable): string | null {
  const type = o.ob_type;
  if (type === t.tuple) {
    const n = (o as PyTuple).items.length;
    return n >= 1 && n <= TUPLE_LENGTHS ? TUPLE_KEYS[n] : null;
  }
  if (type === t.list) return 'list';
  // float_dealloc / _PyFloat_ExactDealloc keep an exact float for PyFloat_FromDouble, most recent first.
  if (type === t.float) return 'float';
  if (type === t.dict) return 'dict';
  if (type === t.slice) return 'slice';
  return null;
}

/** Saved blocks (address and size) per free list, most recently freed last. */
export class FreeLists {
  private lists = new Map<string, number[]>();

  /** A saved address for a new object, or 0. */
  take(key: string): number {
    const list = this.lists.get(key);
    if (!list || !list.length) return 0;
    list.pop();
    return list.pop()!;
  }

  /** Keeps a freed object's block; false when the list is full (the memory goes back to the allocator). */
  keep(key: string, address: number, size: number): boolean {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = []));
    if (list.length / 2 >= CAPACITY[key]) return false;
    list.push(address, size);
    return true;
  }

  /** Empties the lists in the order the collector does, handing each block to `free` (with its list's key),
   *  most recently saved first as the C loops pop: clear_freelists (Modules/gcmodule.c, 3.11 and 3.12) does
   *  tuples by length, floats, lists, dicts; _PyObject_ClearFreeLists (Objects/object.c, 3.13+) floats first.
   *  The one-slice cache stays. */
  clear(free: (address: number, size: number, key: string) => void, version: number): void {
    const order = version >= 313 ? ['float', ...TUPLE_KEYS.slice(1), 'list', 'dict'] : [...TUPLE_KEYS.slice(1), 'float', 'list', 'dict'];
    for (const key of order) {
      const list = this.lists.get(key);
      while (list && list.length) {
        const size = list.pop()!;
        free(list.pop()!, size, key);
      }
    }
  }
}
