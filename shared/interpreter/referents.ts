// The strong references an object or a frame holds, each with the slot it sits in: what tp_traverse visits
// (gc.get_referents), plus the references CPython counts but does not traverse (a str key of a dict, the
// type of a heap-type instance, a generator's name). The trace records holders from these; the heap panel
// names them ("x.items[3]", "frame f: local y").
import { findSlot } from './abstract';
import { CodeObject } from './code';
import type { Frame } from './frame';
import {
  PyBaseException, PyBuiltin, PyCell, PyDict, PyFrameObject, PyFunction, PyGenerator, PyInstance, PyList, PyMethod, PyModule,
  PyObject, PyProperty, PySet, PySlice, PyStr, PySuper, PyTraceback, PyTuple, PyType, PyWeakref, PyWrapper,
} from './objects';
import { Slot } from './trace';

/** kind: Slot.*; key: the name (NAME, VALUE_STR), the index (INDEX, STACK, OTHER) or the key object (VALUE). */
export type SlotVisitor = (kind: Slot, key: string | number | PyObject, target: PyObject) => void;

type Extras = { values?: Map<string, PyObject> | null; dict?: PyDict | null; slotValues?: Map<string, PyObject> | null };

type Traverse = (o: PyObject, visit: (r: PyObject) => void) => void;

/** A builtin type's tp_traverse, looked up once (a heap type's may change: looked up each time). */
const traverseCache = new WeakMap<PyType, Traverse | null>();

function traverseOf(t: PyType): Traverse | null {
  if (t.heapType) return (findSlot(t, 'tp_traverse') as Traverse | undefined) ?? null;
  let f = traverseCache.get(t);
  if (f === undefined) {
    f = (findSlot(t, 'tp_traverse') as Traverse | undefined) ?? null;
    traverseCache.set(t, f);
  }
  return f;
}

/** Visits every strong reference o holds (none for atoms: int, str, float...). */
/** A named referent, when there is one. */
function named(visit: SlotVisitor, name: string, t: PyObject | null | undefined): void {
  if (t) visit(Slot.NAME, name, t);
}

export function visitReferents(o: PyObject, visit: SlotVisitor): void {
  let extras = true;
  if (o instanceof PyList || o instanceof PyTuple) {
    const items = o.items;
    for (let i = 0; i < items.length; i++) visit(Slot.INDEX, i, items[i]);
  } else if (o instanceof PyDict || o instanceof PySet) {
    const isDict = o instanceof PyDict;
    for (const e of o.map.values()) {
      visit(Slot.KEY, 0, e.key);
      if (isDict) visit(Slot.VALUE, e.key, e.value);
    }
  } else if (o instanceof PyInstance) {
    // the attributes (below), nothing else of its own
  } else if (o instanceof PyCell) {
    named(visit, 'cell_contents', o.ref);
  } else if (o instanceof PyFunction) {
    named(visit, '__code__', o.code);
    named(visit, '__globals__', o.globals);
    named(visit, '__module__', o.module);
    named(visit, '__defaults__', o.defaults);
    named(visit, '__kwdefaults__', o.kwdefaults);
    named(visit, '__doc__', o.doc);
    named(visit, '__name__', o.name);
    named(visit, '__dict__', o.dict);
    named(visit, '__closure__', o.closure);
    named(visit, '__annotations__', o.annotations);
    named(visit, '__annotate__', o.annotate);
    named(visit, '__qualname__', o.qualname);
    extras = false;
  } else if (o instanceof PyMethod) {
    named(visit, '__func__', o.func);
    named(visit, '__self__', o.self);
  } else if (o instanceof PyBuiltin) {
    named(visit, '__self__', o.self);
  } else if (o instanceof PyModule) {
    named(visit, '__dict__', o.dict);
  } else if (o instanceof PyType) {
    named(visit, '__dict__', o.dict);
    named(visit, '__mro__', o.mroTuple);
    if (o.basesTuple) {
      named(visit, '__bases__', o.basesTuple);
      named(visit, '__base__', o.base);
    }
    // tp_subclasses: counted, not traversed (type_traverse leaves it out: it holds only weak references).
    named(visit, 'tp_subclasses', o.subclasses);
    if (o.startupSubclasses) {
      for (const [key, ref] of o.startupSubclasses.values()) {
        visit(Slot.KEY, 0, key);
        visit(Slot.VALUE, key, ref);
      }
    }
    named(visit, '__name__', o.htName);
    named(visit, '__qualname__', o.htQualname);
    extras = false;
  } else if (o instanceof PyBaseException) {
    named(visit, '__dict__', o.dict);
    named(visit, 'args', o.args);
    named(visit, '__notes__', o.notes);
    named(visit, '__traceback__', o.traceback);
    named(visit, '__cause__', o.cause);
    named(visit, '__context__', o.context);
    named(visit, 'name', o.name);
    named(visit, 'obj', o.obj);
    extras = false;
  } else if (o instanceof PyTraceback) {
    named(visit, 'tb_next', o.next);
    named(visit, 'tb_frame', o.frame);
  } else if (o instanceof PyFrameObject) {
    // The frame's variables belong to the frame itself (visitFrame): its own holder in the trace.
  } else if (o instanceof PyGenerator) {
    named(visit, '__name__', o.name);
    named(visit, '__qualname__', o.qualname);
  } else if (o instanceof PyWeakref) {
    named(visit, '__callback__', o.callback);
  } else if (o instanceof PyWrapper) {
    named(visit, '__func__', o.callable);
    named(visit, '__dict__', o.dict);
    extras = false;
  } else if (o instanceof PyProperty) {
    named(visit, 'fget', o.fget);
    named(visit, 'fset', o.fset);
    named(visit, 'fdel', o.fdel);
    named(visit, '__doc__', o.doc);
  } else if (o instanceof PySuper) {
    named(visit, '__thisclass__', o.thisType);
    named(visit, '__self__', o.obj);
    named(visit, '__self_class__', o.objType);
  } else if (o instanceof PySlice) {
    named(visit, 'start', o.start);
    named(visit, 'stop', o.stop);
    named(visit, 'step', o.step);
  } else if (o instanceof CodeObject) {
    for (let i = 0; i < o.consts.length; i++) named(visit, `co_consts[${i}]`, o.consts[i]);
    for (let i = 0; i < o.names.length; i++) named(visit, `co_names[${i}]`, o.names[i]);
  } else if (!(o instanceof PyStr)) {
    // Anything else: what its tp_traverse visits, in order (the instance part is named below).
    const traverse = traverseOf(o.ob_type);
    if (traverse) {
      const own = o as PyObject & Extras;
      // A builtin type's instance has no instance part to leave out (no set to make: iterators come here each step).
      const skip = o.ob_type.heapType ? new Set<PyObject>() : null;
      if (skip !== null) {
        skip.add(o.ob_type);
        for (const m of [own.values, own.slotValues]) if (m) for (const v of m.values()) skip.add(v);
        if (own.dict) skip.add(own.dict);
      }
      let n = 0;
      traverse(o, (r) => {
        if (skip === null || !skip.has(r)) visit(Slot.OTHER, n++, r);
      });
    }
  }
  if (extras && o.ob_type.heapType) {
    const own = o as PyObject & Extras;
    if (own.slotValues) own.slotValues.forEach((v, k) => visit(Slot.NAME, k, v));
    if (own.values) own.values.forEach((v, k) => visit(Slot.NAME, k, v));
    if (own.dict) visit(Slot.NAME, '__dict__', own.dict);
  }
  if (o.ob_type.heapType) visit(Slot.NAME, '__class__', o.ob_type);
}

/** Visits what a frame holds: its variables (localsplus, by name), its value stack, the function it runs. */
export function visitFrame(f: Frame, visit: SlotVisitor): void {
  const names = f.code.localsplusnames;
  for (let i = 0; i < f.fast.length; i++) {
    const o = f.fast[i];
    if (o) visit(Slot.NAME, names[i], o);
  }
  for (let i = 0; i < f.sp; i++) {
    const o = f.stack[i];
    if (o) visit(Slot.STACK, i, o);
  }
  if (f.localsSnapshot) visit(Slot.NAME, 'f_locals', f.localsSnapshot);
  if (f.func) visit(Slot.NAME, 'f_func', f.func);
  if (f.frameObject && !f.done) visit(Slot.NAME, 'f_frame_object', f.frameObject); // a finished frame let it go
}
