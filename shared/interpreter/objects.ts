// The simulated heap's objects: CPython's object model (Include/object.h), not JavaScript's. Every Python value
// is one of these records, with its type, reference count and address. Behaviour lives elsewhere (abstract.ts
// for the protocols, types/*.ts for each type's methods); this file only says what each object holds.
import type { CodeObject } from './code';
import type { Frame } from './frame';
import type { GCList } from './gcstate';

export type NativeFn = (args: PyObject[], kwnames: PyStr[] | null, self: PyObject | null) => PyObject;

/** Called when an object's owned buffer may have changed size (a list's `allocated`, a dict's keys, a set's
 *  table); runtime.ts installs it (resizeBuffer). */
export const bufferHook: { resized: ((o: PyObject) => void) | null } = { resized: null };

export class PyObject {
  /** ob_refcnt: strong references to this object. */
  ob_refcnt = 1;
  /** The object's address: what id() returns. 0 until the allocator places it. */
  address = 0;
  /** Bytes requested from the allocator (for the size class the address comes from). */
  allocSize = 0;
  // The fields below start from defaults on the prototype (set after the class): most objects (ints, strs,
  // floats) never change them, and a new object costs less with fewer fields of its own.
  /** The buffer it owns (a list's ob_item, a dict's keys or values, a set's table...): where the allocator put
   *  it and the bytes requested (0: none). footprint.ts says which buffer each type owns. */
  declare bufAddress: number;
  declare bufSize: number;
  /** Immortal objects (3.12+, PEP 683) ignore incref/decref. */
  declare immortal: boolean;
  /** The collector's list holding this object (a generation, or one of a collection's working lists), or null
   *  when untracked (gc.is_tracked), and its neighbours there (the GC header's links). */
  declare gcList: GCList | null;
  declare gcPrev: PyObject | null;
  declare gcNext: PyObject | null;
  /** 3.14: the old-space bit of the GC header (_PyGC_NEXT_MASK_OLD_SPACE_1), 0 or 1. */
  declare gcSpace: number;
  /** During a collection (the GC header's _gc_prev bits): gc_refs, whether the object is in the set being
   *  examined and what the scan decided, and where it sits in the scan list. */
  declare gcRefs: number;
  declare gcState: number;
  declare gcPos: number;
  /** __del__ already ran (PEP 442: gc.is_finalized). */
  declare finalized: boolean;
  /** Weak references to this object, oldest first (tp_weaklistoffset). */
  declare weakrefs: PyObject[] | null;
  /** The trace recorder's serial number for this object (tracerecorder.ts; 0: never seen by a trace). */
  declare traceSerial: number;
  constructor(public ob_type: PyType) {}
}
Object.assign(PyObject.prototype, {
  immortal: false, gcList: null, gcPrev: null, gcNext: null, gcSpace: 0, gcRefs: 0, gcState: 0, gcPos: 0,
  finalized: false, weakrefs: null, bufAddress: 0, bufSize: 0, traceSerial: 0,
});

/** A Python-level dict of attributes, as instances and modules own them. */
export class PyInt extends PyObject {
  constructor(type: PyType, public value: number | bigint) {
    super(type);
  }
}

export class PyFloat extends PyObject {
  constructor(type: PyType, public value: number) {
    super(type);
  }
}

export class PyComplex extends PyObject {
  constructor(type: PyType, public real: number, public imag: number) {
    super(type);
  }
}

export class PyStr extends PyObject {
  /** Interned (sys.intern): the one str object for this text. */
  interned = false;
  /** Cached hash (-1 until computed). */
  hash = -1;
  /** A UTF-8 copy is kept (PyUnicode_AsUTF8 caches it; __sizeof__ counts it). */
  utf8 = false;
  constructor(type: PyType, public value: string) {
    super(type);
  }
}

export class PyBytes extends PyObject {
  /** A bytearray's ob_alloc: the bytes its buffer holds (0 for bytes, whose data is inline). */
  obAlloc = 0;
  constructor(type: PyType, public value: Uint8Array) {
    super(type);
  }
}

export class PyList extends PyObject {
  /** ob_item; its length is the list's length. */
  items: PyObject[];
  private _allocated: number;
  constructor(type: PyType, items: PyObject[]) {
    super(type);
    this.items = items;
    this._allocated = items.length;
  }

  /** allocated: the capacity CPython's over-allocation gives (list_resize); ob_item is that many pointers
   *  (-1 while list.sort holds the items aside). */
  get allocated(): number {
    return this._allocated;
  }

  set allocated(n: number) {
    this._allocated = n;
    if (n >= 0 && bufferHook.resized !== null && this.address !== 0) bufferHook.resized(this);
  }
}

export class PyTuple extends PyObject {
  hash = -1;
  constructor(type: PyType, public items: PyObject[]) {
    super(type);
  }
}

/** One key/value slot of a dict, in insertion order. */
export interface DictEntry {
  key: PyObject;
  value: PyObject;
  hash: number;
}

/** A class's shared keys table (Objects/dictobject.c, DICT_KEYS_SPLIT): the attribute names in order, and
 *  dk_usable, which each new instance lowers by one (init_inline_values) and each new name uses. */
export interface SharedKeys {
  names: string[];
  usable: number;
}

export class PyDict extends PyObject {
  /** Entries by lookup key (see dict.ts): insertion ordered, as CPython's compact dict. */
  map = new Map<unknown, DictEntry>();
  /** Set while entries with user-defined __eq__/__hash__ keys exist: hash → entries. */
  buckets: Map<number, DictEntry[]> | null = null;
  /** ma_version: bumped on every change (iteration checks it for "changed size during iteration"). */
  version = 0;
  /** dk_size: slots in the keys table (dict sizes); 0 while the dict has the shared empty keys. */
  tableSize = 0;
  /** Entries ever inserted since the table was built (dk_nentries: deleted ones still count). */
  usedEntries = 0;
  /** dk_usable: entries the table takes before it must be resized. */
  usable = 0;
  /** DICT_KEYS_UNICODE: every key so far an exact str (entries without the hash: 2 words, not 3). */
  unicodeKeys = true;
  /** A split dict (an instance's __dict__): its keys are its class's shared keys. */
  sharedKeys: SharedKeys | null = null;
  /** 3.13+: the instance whose inline values this split dict uses (values->embedded); they stay the
   *  instance's while the dict keeps its shared keys (Objects/dictobject.c). Not set otherwise. */
  embeddedIn?: PyObject;
  constructor(type: PyType) {
    super(type);
  }
}

export class PySet extends PyObject {
  map = new Map<unknown, DictEntry>();
  buckets: Map<number, DictEntry[]> | null = null;
  version = 0;
  /** The table's mask + 1 (set sizes). */
  tableSize = 8;
  fill = 0;
  hash = -1;
  constructor(type: PyType) {
    super(type);
  }
}

/** An instance of a user-defined class (or of a builtin subclass: `base` holds the builtin part's state). */
export class PyInstance extends PyObject {
  /** Attribute values kept inline, in insertion order, until something asks for __dict__ (3.11+ managed dicts:
   *  no dict object exists before that, which the collector's counts and the allocator show). */
  values: Map<string, PyObject> | null = null;
  /** The materialised instance __dict__. */
  dict: PyDict | null = null;
  /** __slots__ values by slot name. */
  slotValues: Map<string, PyObject> | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

/** How a type's instances are laid out and what its native slots do (a small subset of PyTypeObject). */
export interface TypeSlots {
  tp_new?: (type: PyType, args: PyObject[], kwnames: PyStr[] | null) => PyObject;
  tp_init?: (self: PyObject, args: PyObject[], kwnames: PyStr[] | null) => void;
  tp_call?: (self: PyObject, args: PyObject[], kwnames: PyStr[] | null) => PyObject;
  tp_repr?: (self: PyObject) => PyObject;
  tp_str?: (self: PyObject) => PyObject;
  tp_hash?: (self: PyObject) => number;
  tp_richcompare?: (self: PyObject, other: PyObject, op: number) => PyObject;
  tp_iter?: (self: PyObject) => PyObject;
  tp_iternext?: (self: PyObject) => PyObject | null;
  tp_getattro?: (self: PyObject, name: PyStr) => PyObject | null;
  tp_setattro?: (self: PyObject, name: PyStr, value: PyObject | null) => void;
  tp_descr_get?: (self: PyObject, obj: PyObject | null, type: PyType) => PyObject;
  tp_descr_set?: (self: PyObject, obj: PyObject, value: PyObject | null) => void;
  /** tp_traverse: the objects this one holds strong references to, in CPython's visiting order. */
  tp_traverse?: (self: PyObject, visit: (o: PyObject) => void) => void;
  /** tp_dealloc's part after finalization: drop the references held (in CPython's order). */
  tp_clear?: (self: PyObject) => void;
  sq_length?: (self: PyObject) => number;
  sq_contains?: (self: PyObject, item: PyObject) => boolean;
  mp_subscript?: (self: PyObject, key: PyObject) => PyObject;
  mp_ass_subscript?: (self: PyObject, key: PyObject, value: PyObject | null) => void;
  nb_bool?: (self: PyObject) => boolean;
  /** Binary number slots, by operator name ('add', 'sub', ...): NotImplemented when they can't. */
  nb?: Partial<Record<string, (a: PyObject, b: PyObject) => PyObject>>;
  nb_inplace?: Partial<Record<string, (a: PyObject, b: PyObject) => PyObject>>;
  nb_unary?: Partial<Record<'neg' | 'pos' | 'invert' | 'abs' | 'int' | 'float' | 'index', (a: PyObject) => PyObject>>;
  /** tp_finalize (PEP 442): __del__ of classes, close() of suspended generators. Runs once, before dealloc. */
  tp_finalize?: (self: PyObject) => void;
}

export class PyType extends PyObject {
  /** tp_name */
  name: string;
  /** A class's ht_name: the str object it was named with (null for builtin types). */
  htName: PyStr | null = null;
  /** ht_qualname: the namespace's __qualname__ object, or ht_name. */
  htQualname: PyStr | null = null;
  /** The type's namespace (tp_dict). */
  dict!: PyDict;
  /** tp_base and tp_bases. */
  base: PyType | null;
  bases: PyType[];
  /** tp_mro, this type first. */
  mro: PyType[] = [];
  /** A class's tp_bases and tp_mro as the tuple objects CPython keeps (strong references; null for builtin
   *  types, whose tuples are static). */
  basesTuple: PyTuple | null = null;
  mroTuple: PyTuple | null = null;
  /** tp_subclasses: address of each subclass → a weak reference to it (made on the first subclass). */
  subclasses: PyDict | null = null;
  /** A builtin type subclassed before the program started: the entries the program's classes add to its
   *  tp_subclasses (key and weakref), the dict itself being outside the simulated heap. */
  startupSubclasses: Map<PyType, [PyObject, PyObject]> | null = null;
  slots: TypeSlots = {};
  /** tp_clear as the collector calls it, where it differs from what deallocation releases: it drops (and
   *  nulls, as Py_CLEAR does) the references a cycle can run through, so that deallocation does not drop them
   *  again. Types without one use slots.tp_clear for both. */
  gcClear: ((o: PyObject) => void) | null = null;
  /** tp_basicsize and tp_itemsize of the simulated version and pointer width (sizes.ts). */
  basicsize = 16;
  itemsize = 0;
  /** Instances take part in cyclic GC (Py_TPFLAGS_HAVE_GC). */
  hasGC = false;
  /** A class statement made it (Py_TPFLAGS_HEAPTYPE). */
  heapType = false;
  /** Instances have a __dict__ (no __slots__ without __dict__). */
  instanceDict = false;
  /** Instances accept weak references. */
  weakrefable = false;
  /** Py_TPFLAGS_MANAGED_DICT (3.11+): the instance dict (or its values) lives before the object. */
  managedDict = false;
  /** Py_TPFLAGS_MANAGED_WEAKREF (3.12+): so does the weakref list. */
  managedWeakref = false;
  /** ht_cached_keys: the keys instances of a class share (split dicts, PEP 412). */
  cachedKeys: SharedKeys | null = null;
  /** __slots__ names declared along the MRO, in layout order. */
  slotNames: string[] = [];
  /** The __slots__ this class itself declares, sorted as type_new sorts them (their layout order). */
  ownSlots: string[] = [];
  /** The builtin type whose layout instances share (int for `class C(int)`), or null. */
  solidBase: PyType | null = null;
  /** Whether a subclass may be made (Py_TPFLAGS_BASETYPE). */
  baseType = true;
  /** Method lookup cache: name → attribute found along the MRO (cleared when any type dict changes). */
  cache = new Map<string, PyObject | null>();
  /** What deallocation calls, looked up along the MRO once (cleared with `cache`): tp_finalize and tp_clear. */
  deallocSlots: { finalize: ((o: PyObject) => void) | null; clear: ((o: PyObject) => void) | null } | null = null;
  /** A class's shared keys (ht_cached_keys): the attribute names in the order its instances' inline values hold
   *  them, which is the order freeing an instance releases them. */
  sharedKeys: string[] = [];
  /** The module name shown in repr (`__module__`). */
  module = 'builtins';
  qualname: string;
  constructor(metatype: PyType, name: string, base: PyType | null, bases?: PyType[]) {
    super(metatype);
    this.name = name;
    this.qualname = name;
    this.base = base;
    this.bases = bases ?? (base ? [base] : []);
  }
}

export class PyCell extends PyObject {
  constructor(type: PyType, public ref: PyObject | null) {
    super(type);
  }
}

export class PyFunction extends PyObject {
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  dict: PyDict | null = null;
  annotations: PyObject | null = null;
  /** 3.14 (PEP 649): func_annotate, the function that computes `annotations` on first access, or null. */
  annotate: PyObject | null = null;
  doc: PyObject;
  module: PyObject;
  constructor(
    type: PyType,
    public code: CodeObject,
    public globals: PyDict,
    public name: PyStr,
    public qualname: PyStr,
    doc: PyObject,
    module: PyObject,
  ) {
    super(type);
    this.doc = doc;
    this.module = module;
  }
}

/** A function or method written in the simulator itself (builtin_function_or_method, method_descriptor). */
export class PyBuiltin extends PyObject {
  constructor(
    type: PyType,
    public name: string,
    public fn: NativeFn,
    /** The bound object (builtin method) or null. */
    public self: PyObject | null,
    /** For method descriptors: the type that defines it. */
    public owner: PyType | null,
    public doc: string | null = null,
  ) {
    super(type);
  }
}

/** A slot wrapper bound to self (method-wrapper, wrapperobject in Objects/descrobject.c): it holds both. */
export class PyMethodWrapper extends PyObject {
  constructor(type: PyType, public descr: PyBuiltin, public self: PyObject) {
    super(type);
  }
}

export class PyMethod extends PyObject {
  constructor(type: PyType, public func: PyObject, public self: PyObject) {
    super(type);
  }
}

export class PyModule extends PyObject {
  constructor(type: PyType, public dict: PyDict, public name: string) {
    super(type);
  }
}

export class PySlice extends PyObject {
  constructor(type: PyType, public start: PyObject, public stop: PyObject, public step: PyObject) {
    super(type);
  }
}

export class PyRange extends PyObject {
  constructor(type: PyType, public start: number, public stop: number, public step: number, public length: number) {
    super(type);
  }
}

/** Iterators over builtin containers and the like: `source` is what it holds, `index` where it is. */
export class PyIterator extends PyObject {
  constructor(type: PyType, public source: PyObject | null, public index = 0, public extra: unknown = null) {
    super(type);
  }
}

export class PyBaseException extends PyObject {
  args: PyTuple;
  traceback: PyObject | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;
  dict: PyDict | null = null;
  notes: PyObject | null = null;
  /** NameError.name, AttributeError.name and .obj (set where the interpreter raises them; strong). */
  name: PyObject | null = null;
  obj: PyObject | null = null;
  constructor(type: PyType, args: PyTuple) {
    super(type);
    this.args = args;
  }
}

export class PyTraceback extends PyObject {
  constructor(type: PyType, public next: PyTraceback | null, public frame: PyFrameObject, public lasti: number, public lineno: number) {
    super(type);
  }
}

/** A materialised frame (PyFrameObject): only made when a traceback, generator or sys._getframe needs one. */
export class PyFrameObject extends PyObject {
  constructor(type: PyType, public frame: Frame) {
    super(type);
  }
}

export class PyGenerator extends PyObject {
  /** Running, suspended or finished. */
  running = false;
  /** _PyFrame_NumSlotsForCodeObject: co_nlocalsplus + co_stacksize, the frame's slots (gen_sizeof). */
  frameSlots = 0;
  constructor(type: PyType, public frame: Frame | null, public name: PyStr, public qualname: PyStr) {
    super(type);
  }
}

export class PyProperty extends PyObject {
  constructor(type: PyType, public fget: PyObject | null, public fset: PyObject | null, public fdel: PyObject | null, public doc: PyObject | null) {
    super(type);
  }
}

/** staticmethod and classmethod wrappers. */
export class PyWrapper extends PyObject {
  dict: PyDict | null = null;
  constructor(type: PyType, public callable: PyObject) {
    super(type);
  }
}

export class PySuper extends PyObject {
  constructor(type: PyType, public thisType: PyType, public obj: PyObject | null, public objType: PyType | null) {
    super(type);
  }
}

export class PyWeakref extends PyObject {
  constructor(type: PyType, public referent: PyObject | null, public callback: PyObject | null) {
    super(type);
  }
}

/** An object whose behaviour the simulator does not know (a value from an unmodelled module). */
export class PyOpaque extends PyObject {
  constructor(type: PyType, public origin: string) {
    super(type);
  }
}
