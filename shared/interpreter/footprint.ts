// What an object costs the process: its own block (the request rounded as the allocator rounds it, the GC
// header and pre-header included) plus the buffer it owns, which CPython allocates apart from the object:
// a list's ob_item, a dict's keys table (or a split dict's values), a set's table once it outgrows smalltable,
// a bytearray's ob_bytes, a str's UTF-8 copy, a 3.11/3.12 instance's values array. Str and bytes data live
// inside the object (compact objects) and are part of its own block, as are a 3.13+ instance's inline values.
import { PyBytes, PyDict, PyInstance, PyList, PyObject, PySet, PyStr, type PyType } from './objects';
import { preHeaderSize, rt, utf8Length } from './runtime';
import { dictKeysSize } from './sizes';

/** The bytes requested for the buffer `o` owns now (0: none). */
export function bufferRequest(o: PyObject): number {
  const p = rt.version.ptr;
  // list_resize (Objects/listobject.c): PyMem_Realloc(ob_item, allocated * sizeof(PyObject *))
  if (o instanceof PyList) return o.allocated > 0 ? o.allocated * p : 0;
  if (o instanceof PyDict) {
    // A split dict's values belong to the instance that made them (make_dict_from_instance takes them over).
    if (o.sharedKeys) return 0;
    // new_keys_object (Objects/dictobject.c): the whole keys table, indices and entries, in one block; an empty
    // dict shares the static Py_EMPTY_KEYS.
    return o.tableSize ? dictKeysSize(Math.log2(o.tableSize), o.unicodeKeys) : 0;
  }
  // set_table_resize (Objects/setobject.c): tables above PySet_MINSIZE slots are PyMem_NEW(setentry, newsize).
  if (o instanceof PySet) return o.tableSize > 8 ? o.tableSize * 2 * p : 0;
  if (o instanceof PyBytes) return o.obAlloc; // bytearray_resize: PyObject_Realloc(ob_bytes, alloc)
  // PyUnicode_AsUTF8AndSize (Objects/unicodeobject.c): a non-ASCII str keeps its UTF-8 copy, with the NUL.
  if (o instanceof PyStr) return o.utf8 && !/^[\x00-\x7f]*$/.test(o.value) ? utf8Length(o.value) + 1 : 0;
  if (o instanceof PyInstance) return instanceValuesRequest(o);
  return 0;
}

/** new_values (Objects/dictobject.c, 3.11 and 3.12): an instance of a class with a managed dict gets its values
 *  array when made (init_inline_values): shared_keys_usable_size slots after a prefix of size + 2 bytes
 *  rounded to a pointer. 3.13 keeps the values inside the object. */
function instanceValuesRequest(o: PyInstance): number {
  const keys = o.ob_type.cachedKeys;
  if (rt.v >= 313 || !o.ob_type.managedDict || !keys) return 0;
  if (o.bufSize) return o.bufSize; // sized once, at creation
  const p = rt.version.ptr;
  const size = keys.names.length + keys.usable;
  return Math.ceil((size + 2) / p) * p + size * p;
}

/** _PyInlineValuesSize (Include/internal/pycore_object.h, 3.13+): a class with Py_TPFLAGS_INLINE_VALUES (a managed
 *  dict on a plain object layout, type_ready_managed_dict) allocates each instance with its values inside the
 *  block, after the struct: shared_keys_usable_size slots (read at allocation, before init_inline_values lowers
 *  dk_usable) plus one, after a prefix of that many bytes rounded to a pointer. */
export function inlineValuesSize(type: PyType): number {
  const keys = type.cachedKeys;
  if (rt.v < 313 || !keys || type.itemsize !== 0 || type.basicsize !== 2 * rt.version.ptr) return 0;
  const p = rt.version.ptr;
  const size = keys.names.length + keys.usable;
  return Math.ceil(size / p) * p + (size + 1) * p;
}

/** Buffers PyMem_Realloc grows in place when it can (lists, bytearrays); the others are made anew and the old
 *  one freed after (dictresize, set_table_resize). */
export function reallocates(o: PyObject): boolean {
  return o instanceof PyList || o instanceof PyBytes;
}

/** The object's own request: its struct and the pre-header before it. */
export function objectRequest(o: PyObject): number {
  return o.allocSize + preHeaderSize(o.ob_type);
}

/** What the object costs: its block and its buffer's, each rounded as the allocator rounds it. */
export function footprint(o: PyObject): number {
  const a = rt.allocator;
  return a.blockSize(objectRequest(o)) + (o.bufSize ? a.blockSize(o.bufSize) : 0);
}
