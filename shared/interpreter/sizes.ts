// The sizes of CPython's objects for the simulated version and pointer width (8 on 64-bit, 4 on the wasm32
// builds): each type's tp_basicsize/tp_itemsize laid out from its C struct, and the rules sys.getsizeof adds to
// __sizeof__. Every figure is checked against real CPython by the programs in test/corpus/sizes/.
import type { PyType } from './objects';
import { rt } from './runtime';
import type { TypeTable } from './typetable';

/**
 * sizeof a C struct from its fields, with C's alignment: 'P' a pointer or Py_ssize_t, 'q' a double or 64-bit
 * integer (8-aligned on wasm32 too), 'i' an int, 'h' a 16-bit integer, 'c' a char. The end is padded to the
 * largest alignment, as sizeof does.
 */
export function struct(fields: string): number {
  const p = rt.version.ptr;
  let size = 0;
  let maxAlign = 1;
  for (const f of fields) {
    const n = f === 'P' ? p : f === 'q' ? 8 : f === 'i' ? 4 : f === 'h' ? 2 : 1;
    size = Math.ceil(size / n) * n + n;
    if (n > maxAlign) maxAlign = n;
  }
  return Math.ceil(size / maxAlign) * maxAlign;
}

/** The size of the fields without the final padding. */
function unpadded(fields: string): number {
  const p = rt.version.ptr;
  let size = 0;
  for (const f of fields) {
    const n = f === 'P' ? p : f === 'q' ? 8 : f === 'i' ? 4 : f === 'h' ? 2 : 1;
    size = Math.ceil(size / n) * n + n;
  }
  return size;
}

/** offsetof(S, member) for a pointer-aligned member after `fields`. */
export function offsetOfPointer(fields: string): number {
  const p = rt.version.ptr;
  return Math.ceil(unpadded(fields) / p) * p;
}

/** PyObject_HEAD (ob_refcnt, ob_type) and PyObject_VAR_HEAD (+ ob_size): Include/object.h. */
export const HEAD = 'PP';
export const VAR_HEAD = 'PPP';

/** sizeof(PyGC_Head): two words (Include/internal/pycore_gc.h; _gc_next, _gc_prev). */
export function gcHeadSize(): number {
  return 2 * rt.version.ptr;
}

/**
 * What sys.getsizeof adds to __sizeof__ (Python/sysmodule.c _PySys_GetSizeOf): the pre-header of the object's
 * type, _PyType_PreHeaderSize (Include/internal/pycore_object.h): the GC header for GC types, and two words for
 * the managed dict (3.11: values and dict pointers) or, from 3.12, the managed dict or weakref list. From 3.13
 * a static type object (`int`, not a class) gets nothing: it was never allocated with a pre-header.
 */
export function getsizeofExtra(type: PyType, isStaticType: boolean): number {
  if (rt.v >= 313 && isStaticType) return 0;
  let size = type.hasGC ? gcHeadSize() : 0;
  if (type.managedDict || (rt.v >= 312 && type.managedWeakref)) size += 2 * rt.version.ptr;
  return size;
}

/** sizeof(PyASCIIObject) and sizeof(PyCompactUnicodeObject) (Include/cpython/unicodeobject.h): 3.11 still has
 *  the wstr pointer (and wstr_length), removed in 3.12. */
export function asciiHeaderSize(): number {
  return struct(HEAD + 'PP' + 'i' + (rt.v < 312 ? 'P' : ''));
}
export function compactHeaderSize(): number {
  return struct(HEAD + 'PP' + 'i' + (rt.v < 312 ? 'P' : '') + 'PP' + (rt.v < 312 ? 'P' : ''));
}

/** sizeof(PyDictKeysObject) before dk_indices (Include/internal/pycore_dict.h): dk_refcnt, dk_log2_size,
 *  dk_log2_index_bytes, dk_kind, dk_version, dk_usable, dk_nentries. */
export function dictKeysHeaderSize(): number {
  return struct('P' + 'ccc' + 'i' + 'PP');
}

/** USABLE_FRACTION (Objects/dictobject.c): a keys table of n slots holds 2n/3 entries. */
export function usableFraction(n: number): number {
  return ((n << 1) / 3) | 0;
}

/** _PyDict_KeysSize (Objects/dictobject.c): the header, the index array (1, 2, 4 or 8 bytes per slot) and the
 *  entries (PyDictUnicodeEntry: key, value; PyDictKeyEntry: hash, key, value). */
export function dictKeysSize(log2Size: number, unicode: boolean): number {
  const size = 2 ** log2Size;
  const indexBytes = log2Size < 8 ? 1 : log2Size < 16 ? 2 : log2Size < 32 ? 4 : 8;
  return dictKeysHeaderSize() + size * indexBytes + usableFraction(size) * (unicode ? 2 : 3) * rt.version.ptr;
}

/** sizeof(PyTypeObject) (Include/cpython/object.h): 3.12 adds tp_watched, 3.13 tp_versions_used. */
export function typeObjectSize(): number {
  const slots = 'P'.repeat(15); // tp_dealloc .. tp_as_buffer
  const more = 'P'.repeat(26); // tp_doc .. tp_del
  const tail = 'iPP' + (rt.v >= 312 ? 'c' : '') + (rt.v >= 313 ? 'h' : '');
  return struct(VAR_HEAD + 'P' + 'PP' + slots + 'P' /* tp_flags: unsigned long */ + more + tail);
}

/** sizeof(PyHeapTypeObject) (Include/cpython/object.h): the type, the slot tables (PyAsyncMethods 4,
 *  PyNumberMethods 36, PyMappingMethods 3, PySequenceMethods 10, PyBufferProcs 2), ht_name, ht_slots,
 *  ht_qualname, ht_cached_keys, ht_module, _ht_tpname, the specialization cache (3.12 adds getitem_version,
 *  3.13 init) and from 3.14 ht_token. */
export function heapTypeObjectSize(): number {
  const p = rt.version.ptr;
  const cache = rt.v >= 313 ? 'PiP' : rt.v >= 312 ? 'Pi' : 'P';
  return typeObjectSize() + 55 * p + struct('P'.repeat(6) + cache + (rt.v >= 314 ? 'P' : ''));
}

/** offsetof(_PyInterpreterFrame, localsplus) (Include/internal/pycore_frame.h). */
export function interpreterFrameHeaderSize(): number {
  if (rt.v >= 314) return offsetOfPointer('P'.repeat(9) + 'hcc');
  if (rt.v >= 312) return offsetOfPointer('P'.repeat(8) + 'ihc');
  return offsetOfPointer('P'.repeat(8) + 'icc');
}

/** offsetof(PyGenObject, gi_iframe) (Include/cpython/genobject.h, _PyGenObject_HEAD): 3.12 drops gi_code. */
export function generatorHeaderSize(): number {
  return offsetOfPointer(HEAD + (rt.v < 312 ? 'P' : '') + 'PPP' + 'PP' + 'P' + 'cccc');
}

/** offsetof(PyFrameObject, _f_frame_data) (Include/internal/pycore_frame.h): 3.13 adds f_extra_locals and
 *  f_locals_cache (and drops f_fast_as_locals), 3.14 f_overwritten_fast_locals. */
export function frameObjectHeaderSize(): number {
  if (rt.v >= 314) return offsetOfPointer(HEAD + 'PPP' + 'icc' + 'PPP');
  if (rt.v >= 313) return offsetOfPointer(HEAD + 'PPP' + 'icc' + 'PP');
  return offsetOfPointer(HEAD + 'PPP' + 'iccc');
}

/** tp_basicsize and tp_itemsize of the builtin types, from their structs. */
export function applyStructSizes(t: TypeTable): void {
  const p = rt.version.ptr;
  const set = (type: PyType, basicsize: number, itemsize = type.itemsize): void => {
    type.basicsize = basicsize;
    type.itemsize = itemsize;
  };
  set(t.object, struct(HEAD));
  set(t.type, typeObjectSize(), struct('PiPiP')); // tp_itemsize: sizeof(PyMemberDef)
  // Objects/longobject.c: offsetof(PyLongObject, ob_digit); 3.12 replaces ob_size by lv_tag. 30-bit digits
  // on both widths (sys.int_info of the wasm32 builds says so too).
  set(t.int, offsetOfPointer(VAR_HEAD), 4);
  set(t.bool, offsetOfPointer(VAR_HEAD), 4);
  set(t.float, struct(HEAD + 'q')); // Include/cpython/floatobject.h
  set(t.complex, struct(HEAD + 'qq')); // Include/cpython/complexobject.h
  set(t.str, compactHeaderSize() + p, 0); // sizeof(PyUnicodeObject): the compact header and the data pointer
  set(t.bytes, struct(VAR_HEAD + 'P') + 1, 1); // PyBytesObject_SIZE: offsetof(ob_sval) + 1
  set(t.bytearray, struct(VAR_HEAD + 'PPPP')); // ob_alloc, ob_bytes, ob_start, ob_exports
  set(t.list, struct(VAR_HEAD + 'PP')); // ob_item, allocated
  set(t.tuple, struct(VAR_HEAD + (rt.v >= 314 ? 'P' : '')), p); // 3.14 caches ob_hash
  set(t.dict, struct(HEAD + 'P' + 'q' + 'PP')); // ma_used, ma_version_tag, ma_keys, ma_values
  // Include/cpython/setobject.h: fill, used, mask, table, hash, finger, smalltable[8] (key, hash), weakreflist
  const setSize = struct(HEAD + 'PPPPPP' + 'PP'.repeat(8) + 'P');
  set(t.set, setSize);
  set(t.frozenset, setSize);
  for (const ty of [t.NoneType, t.NotImplementedType, t.ellipsis]) set(ty, struct(HEAD));
  // Include/cpython/funcobject.h: COMMON_FIELDS (8), doc, dict, weakreflist, module, annotations, 3.12
  // typeparams, 3.14 annotate, vectorcall, func_version.
  set(t.function, struct(HEAD + 'P'.repeat(13) + (rt.v >= 312 ? 'P' : '') + (rt.v >= 314 ? 'P' : '') + 'P' + 'i'));
  set(t.builtin_function_or_method, struct(HEAD + 'PPPPP')); // m_ml, m_self, m_module, m_weakreflist, vectorcall
  const descr = HEAD + 'PPP'; // PyDescr_COMMON: d_type, d_name, d_qualname (Include/descrobject.h)
  set(t.method_descriptor, struct(descr + 'PP'));
  set(t.classmethod_descriptor, struct(descr + 'PP'));
  set(t.wrapper_descriptor, struct(descr + 'PP')); // d_base, d_wrapped
  set(t.method_wrapper, struct(HEAD + 'PP')); // wrapperobject (Objects/descrobject.c): descr, self
  set(t.getset_descriptor, struct(descr + 'P'));
  set(t.member_descriptor, struct(descr + 'P'));
  set(t.method, struct(HEAD + 'PPPP')); // im_func, im_self, im_weakreflist, vectorcall
  set(t.cell, struct(HEAD + 'P'));
  set(t.frame, frameObjectHeaderSize());
  set(t.traceback, struct(HEAD + 'PPii')); // tb_next, tb_frame, tb_lasti, tb_lineno
  set(t.module, struct(HEAD + 'PPPPP')); // md_dict, md_def, md_state, md_weaklist, md_name
  set(t.slice, struct(HEAD + 'PPP'));
  set(t.range, struct(HEAD + 'PPPP')); // start, stop, step, length
  set(t.generator, generatorHeaderSize(), p);
  set(t.coroutine, generatorHeaderSize(), p);
  set(t.property, struct(HEAD + 'PPPPP' + 'i')); // get, set, del, doc, prop_name, getter_doc
  set(t.staticmethod, struct(HEAD + 'PP')); // sm_callable, sm_dict
  set(t.classmethod, struct(HEAD + 'PP'));
  set(t.super, struct(HEAD + 'PPP'));
  set(t.mappingproxy, struct(HEAD + 'P'));
  set(t.weakref, struct(HEAD + 'PPPPPP')); // wr_object, wr_callback, hash, wr_prev, wr_next, vectorcall
}
