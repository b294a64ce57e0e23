// The interpreter state (the simulated PyInterpreterState) and the reference-counting primitives every other
// file uses: incref/decref as Py_INCREF/Py_DECREF, allocation through the allocator model, deallocation in
// CPython's order (finalizer, weak references, then the references the object held).
import { asciiHeaderSize, compactHeaderSize, getsizeofExtra } from './sizes';
import { Allocator } from './allocator';
import { FreeLists, freelistKey } from './freelists';
import { GCState } from './gcstate';
import { bufferRequest, reallocates } from './footprint';
import {
  bufferHook, PyBaseException, PyDict, PyFloat, PyInt, PyList, PyObject, PyStr, PyTuple, PyType, type PyInstance,
} from './objects';
import type { Frame } from './frame';
import type { TraceRecorder } from './tracerecorder';
import type { TypeTable } from './typetable';

/** A Python exception in flight, thrown through the JavaScript stack; `exc` is a strong reference. */
export class PyRaise {
  constructor(public exc: PyBaseException) {}
}

/** The run stopped early: a budget ran out (not a Python exception: nothing can catch it). */
export class SimulationStopped {
  constructor(public reason: string, public line: number) {}
}

export interface Version {
  /** 311, 312, 313 or 314. */
  v: number;
  /** Pointer width: 8 (64-bit CPython, what users run) or 4 (the WebAssembly builds). */
  ptr: number;
}

/** What tracemalloc's hooks see: each block requested (the object with its pre-header, or a buffer) and
 *  freed, by address. */
export interface MallocHooks {
  malloc(address: number, size: number): void;
  free(address: number): void;
}

export class Runtime {
  allocator: Allocator;
  stdout: string[] = [];
  stderr: string[] = [];
  stdin: string[] = [];
  t!: TypeTable;
  None!: PyObject;
  True!: PyInt;
  False!: PyInt;
  NotImplemented!: PyObject;
  Ellipsis!: PyObject;
  smallInts: PyInt[] = [];
  /** Single-character Latin-1 strings are cached (unicode_latin1 in Objects/unicodeobject.c). */
  latin1: PyStr[] = [];
  emptyStr!: PyStr;
  emptyTuple!: PyTuple;
  interned = new Map<string, PyStr>();
  builtins!: PyDict;
  /** sys.modules */
  modules!: PyDict;
  frame: Frame | null = null;
  /** Python call depth, for RecursionError (Py_EnterRecursiveCall). */
  depth = 0;
  recursionLimit = 1000;
  /** sys.get_int_max_str_digits() (3.11+; 0: no limit). */
  intMaxStrDigits = 4300;
  /** Steps executed and the budget (instructions). */
  steps = 0;
  maxSteps = 50_000_000;
  deadline = Infinity;
  /** Items native code has iterated (sum(range(10**11)) runs no bytecode): the clock is read every 65536. */
  nativeIterations = 0;
  /** The step at which the eval loop next leaves its fast path (vm.ts stepCheck): the budgets, the clock, and
   *  every step while the trace or a line hook is on. 0 makes the next step check. */
  checkAt = 0;
  /** 3.14: which arguments of the builtin being called were borrowed loads, and those arguments. */
  borrowedArgs: boolean[] | null = null;
  borrowedArgsOf: PyObject[] | null = null;
  /** The exception being handled (sys.exc_info(), exc_info->exc_value), a strong reference, or null. */
  handled: PyObject | null = null;
  /** The malloc hooks of tracemalloc while it traces (PyMem_SetAllocator), or null. */
  memory: MallocHooks | null = null;
  /** The trace recorder, or null when tracing is off (every hook is behind this one null check). */
  trace: TraceRecorder | null = null;
  /** The cyclic collector's generations, counts and thresholds. */
  gc: GCState;
  freeLists = new FreeLists();
  /** Deallocations deferred by the trashcan (Include/cpython/object.h, Py_TRASHCAN_BEGIN). */
  trashDepth = 0;
  trashDeferred: PyObject[] = [];
  /** Where the next static object (None, small ints, type objects...) is placed: the interpreter's data
   *  segment, the same addresses every run (pointer hashes, and so set and dict orders, depend on them). */
  staticNext = 0x55d4e0000000;
  constructor(public version: Version) {
    this.gc = new GCState(version.v);
    this.allocator = new Allocator(version.ptr);
  }

  get v(): number {
    return this.version.v;
  }
}

export let rt: Runtime;

export function setRuntime(r: Runtime): void {
  rt = r;
}

/** Gives a static object (not from pymalloc) its address. */
export function placeStatic<T extends PyObject>(o: T, size: number): T {
  o.address = rt.staticNext;
  o.allocSize = size;
  rt.staticNext += Math.ceil(size / 16) * 16;
  if (rt.trace !== null) rt.trace.touch(o); // a module's static type, made as the program imports it
  return o;
}

export function incref<T extends PyObject>(o: T): T {
  if (!o.immortal) {
    o.ob_refcnt++;
    if (rt.trace !== null) rt.trace.refcnt(o);
  }
  return o;
}

export function decref(o: PyObject): void {
  if (o.immortal) return;
  if (rt.trace !== null) rt.trace.refcnt(o);
  if (--o.ob_refcnt === 0) dealloc(o);
}

export function xdecref(o: PyObject | null | undefined): void {
  if (o) decref(o);
}

/** Places a new object on the heap: its address (from its type's free list if it has one, else the allocator),
 *  GC tracking and the trace's allocation event. */
export function alloc<T extends PyObject>(o: T, size: number, untracked = false): T {
  o.allocSize = size;
  const type = o.ob_type;
  const key = freelistKey(o, rt.t);
  const saved = key ? rt.freeLists.take(key) : 0;
  if (saved) {
    o.address = saved;
  } else {
    const header = preHeaderSize(type);
    o.address = rt.allocator.malloc(size + header) + header;
  }
  if (rt.trace !== null) rt.trace.alloc(o);
  if (rt.memory !== null && !saved) rt.memory.malloc(o.address - preHeaderSize(type), o.allocSize + preHeaderSize(type));
  resizeBuffer(o);
  if (!saved && type.hasGC) rt.gc.link();
  if (type.heapType) incref(type);
  // Dicts start untracked before 3.14 and are tracked once they hold a container (dictobject.c MAINTAIN_TRACKING).
  if (type.hasGC && !untracked && !(type === rt.t.dict && rt.v < 314)) track(o);
  return o;
}

/** The buffer an object owns changed size (footprint.ts bufferRequest): lists and bytearrays reallocate it
 *  (PyMem_Realloc), dicts and sets make the new table before freeing the old one (dictresize,
 *  set_table_resize). */
export function resizeBuffer(o: PyObject): void {
  const want = bufferRequest(o);
  const have = o.bufSize;
  if (want === have) return;
  const old = o.bufAddress;
  const a = rt.allocator;
  const mem = rt.memory;
  let at = 0;
  if (reallocates(o)) {
    at = a.realloc(old, have, want);
    if (mem !== null) {
      if (old) mem.free(old);
      if (at) mem.malloc(at, want);
    }
  } else {
    if (want) {
      at = a.malloc(want);
      if (mem !== null) mem.malloc(at, want);
    }
    if (old) {
      if (mem !== null) mem.free(old);
      a.freeBlock(old, have);
    }
  }
  o.bufAddress = at;
  o.bufSize = want;
  if (rt.trace !== null) rt.trace.resize(o, want, have);
}

/** PyUnicode_AsUTF8AndSize (Objects/unicodeobject.c): a non-ASCII str keeps the UTF-8 copy it makes (the
 *  utf8 member, counted by __sizeof__ and owned as a buffer); an ASCII str is its own UTF-8. */
export function fillUtf8(s: PyStr): void {
  if (s.utf8) return;
  s.utf8 = true;
  if (s.address !== 0) resizeBuffer(s);
}

/** tp_dealloc frees the buffer before the object (list_dealloc's PyMem_Free(ob_item), dict's keys...). */
function freeBuffer(o: PyObject): void {
  if (rt.memory !== null) rt.memory.free(o.bufAddress);
  rt.allocator.freeBlock(o.bufAddress, o.bufSize);
  o.bufAddress = 0;
  o.bufSize = 0;
}
bufferHook.resized = resizeBuffer;

/** PyGC_Head (and, from 3.12, the pre-header of dict and weakref pointers of managed objects). */
export function gcHeaderSize(): number {
  return 2 * rt.version.ptr;
}

/** _PyType_PreHeaderSize (Include/internal/pycore_object.h): the GC header, and the managed dict (3.11) or
 *  dict and weakref (3.12+) pointers allocated before the object (_PyType_AllocNoTrack). */
export function preHeaderSize(type: PyType): number {
  return getsizeofExtra(type, false);
}

export function track(o: PyObject): void {
  rt.gc.track(o);
}

export function untrack(o: PyObject): void {
  rt.gc.untrack(o);
}

/** _PyObject_GC_MAY_BE_TRACKED: could this object be part of a cycle (a container, or a tracked tuple)? Static
 *  types are not GC objects (type_is_gc). */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.ob_type.hasGC) return false;
  if (o.ob_type === rt.t.tuple) return o.gcList !== null;
  if (o instanceof PyType) return o.heapType;
  return true;
}

/** MAINTAIN_TRACKING (Objects/dictobject.c): an untracked dict starts being tracked when it takes a container. */
export function maintainTracking(d: PyObject, key: PyObject, value: PyObject): void {
  if (d.gcList === null && d.ob_type.hasGC && d.address !== 0 && (mayBeTracked(key) || mayBeTracked(value))) track(d);
}

/** Releases an object's memory: its buffer, then its block to its free list if there is room, else to the
 *  allocator (PyObject_GC_Del). */
function release(o: PyObject, key: string | null): void {
  const type = o.ob_type;
  const header = preHeaderSize(type);
  if (o.bufSize !== 0) freeBuffer(o);
  if (key && rt.freeLists.keep(key, o.address, o.allocSize)) return;
  if (rt.memory !== null) rt.memory.free(o.address - header);
  rt.allocator.freeBlock(o.address - header, o.allocSize + header);
  if (type.hasGC) rt.gc.freed(o);
}

/** Empties the free lists (a full collection does, Modules/gcmodule.c clear_freelists). */
export function clearFreeLists(): void {
  rt.freeLists.clear((address, size, key) => {
    // Floats are not GC objects: no header before them, and the collector's count never saw them.
    const header = key === 'float' ? 0 : gcHeaderSize();
    if (rt.memory !== null) rt.memory.free(address - header);
    rt.allocator.freeBlock(address - header, size + header);
    if (header && rt.v < 314 && rt.gc.counts[0] > 0) rt.gc.counts[0]--;
  }, rt.v);
}

/** Hooks other files install: weakref clearing lives with the weakref module; finalizers report errors. */
export const deallocHooks = {
  clearWeakrefs: null as ((o: PyObject, garbage?: Set<PyObject>) => void) | null,
  /** Reports an exception a finalizer raised ("Exception ignored in: ..."). */
  unraisable: null as ((e: unknown, where: PyObject) => void) | null,
};

/** The type's tp_finalize and the tp_clear its deallocation calls (inherited along the MRO / tp_base). */
function deallocSlotsOf(type: PyType): NonNullable<PyType['deallocSlots']> {
  let s = type.deallocSlots;
  if (s === null) {
    let finalize: ((o: PyObject) => void) | null = null;
    for (const t of type.mro) if ((finalize = t.slots.tp_finalize ?? null)) break;
    let clear: ((o: PyObject) => void) | null = null;
    for (let t: PyType | null = type; t && !clear; t = t.base) clear = t.slots.tp_clear ?? null;
    s = type.deallocSlots = { finalize, clear };
  }
  return s;
}

/**
 * PyObject_CallFinalizerFromDealloc (Objects/object.c): the object is resurrected for the call (refcount 1),
 * runs its finalizer once, and stays alive if the finalizer stored a new reference to it.
 */
function callFinalizerFromDealloc(o: PyObject): boolean {
  o.ob_refcnt = 1;
  if (rt.trace !== null) rt.trace.refcnt(o);
  const finalize = deallocSlotsOf(o.ob_type).finalize;
  o.finalized = o.ob_type.hasGC; // only GC objects remember (the FINALIZED bit lives in the GC header)
  try {
    finalize!(o);
  } catch (e) {
    if (deallocHooks.unraisable) deallocHooks.unraisable(e, o);
    else throw e;
  }
  if (rt.trace !== null) rt.trace.refcnt(o);
  if (--o.ob_refcnt > 0) return true;
  return false;
}

/** The trashcan's nesting limit before deallocations are deferred (Include/cpython/object.h). */
const TRASHCAN_LIMIT = 50;

/** Called when the last reference goes: tp_dealloc. */
export function dealloc(o: PyObject): void {
  const type = o.ob_type;
  const slots = deallocSlotsOf(type);
  if (slots.finalize !== null && !o.finalized && callFinalizerFromDealloc(o)) return;
  if (o.weakrefs && deallocHooks.clearWeakrefs) deallocHooks.clearWeakrefs(o);
  if (type.hasGC && rt.trashDepth >= TRASHCAN_LIMIT) {
    // Py_TRASHCAN_BEGIN: too deep a chain of deallocations; finish this one when the chain unwinds.
    untrack(o);
    rt.trashDeferred.push(o);
    return;
  }
  if (type.hasGC) rt.trashDepth++;
  untrack(o);
  if (rt.trace !== null) rt.trace.dealloc(o, rt.gc.collecting ? 1 : 0);
  const key = freelistKey(o, rt.t);
  const clear = slots.clear;
  if (clear !== null) clear(o);
  release(o, key);
  o.address = 0;
  if (type.heapType) decref(type);
  if (type.hasGC) {
    rt.trashDepth--;
    if (rt.trashDepth === 0) {
      while (rt.trashDeferred.length) {
        dealloc(rt.trashDeferred.shift()!);
      }
    }
  }
}

// ---- errors

/** Raises `type(message)`: builds the exception object and throws it through the JS stack. */
export function raise(type: PyType, message?: string): never {
  throw new PyRaise(newException(type, message === undefined ? [] : [newStr(message)]));
}

export function newException(type: PyType, args: PyObject[]): PyBaseException {
  const exc = alloc(new PyBaseException(type, newTuple(args)), 0);
  return exc;
}

// ---- constructors of the common objects

/** PyLong_FromLong: the small-int cache for -5..256, else a new int object. */
export function newInt(v: number | bigint): PyInt {
  if (typeof v === 'bigint') {
    if (v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
  } else if (!Number.isSafeInteger(v)) {
    v = BigInt(v);
  }
  if (typeof v === 'number' && v >= -5 && v <= 256) {
    const small = rt.smallInts[v + 5];
    return incref(small);
  }
  return alloc(new PyInt(rt.t.int, v), intRequest(v));
}

/** What PyLong_FromLong asks the allocator for: _PyLong_FromMedium allocates sizeof(PyLongObject) (one digit,
 *  padded to a pointer: 32 bytes on 64-bit) for |v| < 2**30; bigger ints come from _PyLong_New, which asks for
 *  exactly their digits (Objects/longobject.c). */
function intRequest(v: number | bigint): number {
  const size = intSize(v);
  const p = rt.version.ptr;
  return typeof v === 'number' && Math.abs(v) < 1073741824 ? Math.ceil(size / p) * p : size;
}

/** sizeof(PyLongObject) with its digits (30-bit digits; 0 has one digit slot before 3.12). */
export function intSize(v: number | bigint): number {
  let n = typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v);
  let digits = 0;
  if (typeof n === 'bigint') {
    while (n > 0n) { digits++; n >>= 30n; }
  } else {
    while (n > 0) { digits++; n = Math.floor(n / 1073741824); }
  }
  return 3 * rt.version.ptr + 4 * Math.max(1, digits);
}

export function newBool(b: boolean): PyInt {
  return incref(b ? rt.True : rt.False);
}

export function newFloat(v: number): PyFloat {
  return alloc(new PyFloat(rt.t.float, v), 3 * rt.version.ptr);
}

/** A new str (unicode_latin1 gives the cached one-character strings). */
export function newStr(s: string): PyStr {
  if (s.length <= 1) {
    if (s.length === 0) return incref(rt.emptyStr);
    const c = s.charCodeAt(0);
    if (c < 256) return incref(rt.latin1[c]);
  }
  return alloc(new PyStr(rt.t.str, s), strSize(s));
}

/** A str built in a buffer of its own length (PyUnicode_New and filled, with no unicode_result at the end):
 *  one Latin-1 character is a new object, not the shared singleton; only the empty str is shared. */
export function newStrUncached(s: string): PyStr {
  if (s.length === 0) return incref(rt.emptyStr);
  return alloc(new PyStr(rt.t.str, s), strSize(s));
}

/** sizeof a compact str: the header plus one byte, two or four per character, plus the terminator. */
export function strSize(s: string): number {
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
  }
  // unicode___sizeof___impl (Objects/unicodeobject.c): the compact header, then 1, 2 or 4 bytes a character
  // (the kind) and the terminator.
  if (max < 128) return asciiHeaderSize() + s.length + 1;
  const kind = max < 256 ? 1 : /[\ud800-\udbff][\udc00-\udfff]/.test(s) ? 4 : 2;
  const n = kind === 4 ? [...s].length : s.length;
  return compactHeaderSize() + (n + 1) * kind;
}

/** The UTF-8 bytes of s (its length in UTF-8). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The interned str for s (identifiers and name-like constants; sys.intern). */
export function internStr(s: string): PyStr {
  let o = rt.interned.get(s);
  if (o) return incref(o);
  if (s.length === 1 && s.charCodeAt(0) < 256) o = rt.latin1[s.charCodeAt(0)];
  else if (s.length === 0) o = rt.emptyStr;
  else {
    o = alloc(new PyStr(rt.t.str, s), strSize(s));
    o.ob_refcnt = 0; // the intern table's reference is not counted (interned strings are "mortal" before 3.12)
    if (rt.v >= 312) o.immortal = true;
  }
  o.interned = true;
  rt.interned.set(s, o);
  return incref(o);
}

/** A new tuple owning the given references. */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) return incref(rt.emptyTuple);
  return alloc(new PyTuple(rt.t.tuple, items), 3 * rt.version.ptr + items.length * rt.version.ptr);
}

/**
 * A tuple built from values (BUILD_TUPLE, *args, a list made a tuple). 3.14 (gh-139951, _PyTuple_FromArray and
 * _PyTuple_FromStackRefSteal) tracks it only if some item's type is a GC type; other versions always do.
 */
export function newTupleFromArray(items: PyObject[]): PyTuple {
  if (rt.v < 314 || items.length === 0) return newTuple(items);
  for (const x of items) if (x.ob_type.hasGC) return newTuple(items);
  return alloc(new PyTuple(rt.t.tuple, items), 3 * rt.version.ptr + items.length * rt.version.ptr, true);
}

/** A new list owning the given references. */
export function newList(items: PyObject[]): PyList {
  return alloc(new PyList(rt.t.list, items), 5 * rt.version.ptr);
}

export function newDict(): PyDict {
  return alloc(new PyDict(rt.t.dict), 6 * rt.version.ptr);
}

export function isInstanceOfType(o: PyObject, t: PyType): boolean {
  const ot = o.ob_type;
  if (ot === t) return true;
  return ot.mro.includes(t);
}

export type { PyInstance };
