// The builtin type objects of one interpreter, made bare here (name, base, layout); their methods and slots are
// added by the files under types/. Sizes are 64-bit CPython's tp_basicsize/tp_itemsize (sizes.ts adjusts them
// per version and pointer width).
import { PyDict, PyType } from './objects';

export interface TypeTable {
  object: PyType;
  type: PyType;
  int: PyType;
  bool: PyType;
  float: PyType;
  complex: PyType;
  str: PyType;
  bytes: PyType;
  bytearray: PyType;
  list: PyType;
  tuple: PyType;
  dict: PyType;
  set: PyType;
  frozenset: PyType;
  NoneType: PyType;
  NotImplementedType: PyType;
  ellipsis: PyType;
  function: PyType;
  builtin_function_or_method: PyType;
  method_descriptor: PyType;
  wrapper_descriptor: PyType;
  /** A slot wrapper bound to an object: `(1).__add__` (Objects/descrobject.c wrapperobject). */
  method_wrapper: PyType;
  getset_descriptor: PyType;
  member_descriptor: PyType;
  classmethod_descriptor: PyType;
  method: PyType;
  cell: PyType;
  code: PyType;
  frame: PyType;
  traceback: PyType;
  module: PyType;
  slice: PyType;
  range: PyType;
  generator: PyType;
  coroutine: PyType;
  property: PyType;
  staticmethod: PyType;
  classmethod: PyType;
  super: PyType;
  mappingproxy: PyType;
  weakref: PyType;
  opaque: PyType;
  /** Iterator types, by name ('list_iterator', 'dict_keyiterator', 'range_iterator', ...). */
  iterators: Map<string, PyType>;
  /** Exception classes, by name ('BaseException', 'ValueError', ...). */
  exc: Map<string, PyType>;
}

export function makeTypeTable(): TypeTable {
  // `type` and `object` refer to each other: make both, then fix the links.
  const object = new PyType(null as unknown as PyType, 'object', null);
  const type = new PyType(null as unknown as PyType, 'type', object);
  object.ob_type = type;
  type.ob_type = type;
  const make = (name: string, base: PyType = object, basicsize = 16, itemsize = 0, gc = false): PyType => {
    const t = new PyType(type, name, base);
    t.basicsize = basicsize;
    t.itemsize = itemsize;
    t.hasGC = gc;
    return t;
  };
  type.basicsize = 920;
  type.itemsize = 40;
  type.hasGC = true;
  const int = make('int', object, 24, 4);
  const table: TypeTable = {
    object,
    type,
    int,
    bool: make('bool', int, 24, 4),
    float: make('float', object, 24),
    complex: make('complex', object, 32),
    str: make('str', object, 64, 1),
    bytes: make('bytes', object, 33, 1),
    bytearray: make('bytearray', object, 56),
    list: make('list', object, 40, 0, true),
    tuple: make('tuple', object, 24, 8, true),
    dict: make('dict', object, 48, 0, true),
    set: make('set', object, 200, 0, true),
    frozenset: make('frozenset', object, 200, 0, true),
    NoneType: make('NoneType'),
    NotImplementedType: make('NotImplementedType'),
    ellipsis: make('ellipsis'),
    function: make('function', object, 152, 0, true),
    builtin_function_or_method: make('builtin_function_or_method', object, 56, 0, true),
    method_descriptor: make('method_descriptor', object, 56, 0, true),
    wrapper_descriptor: make('wrapper_descriptor', object, 56, 0, true),
    method_wrapper: make('method-wrapper', object, 32, 0, true),
    getset_descriptor: make('getset_descriptor', object, 56, 0, true),
    member_descriptor: make('member_descriptor', object, 56, 0, true),
    classmethod_descriptor: make('classmethod_descriptor', object, 56, 0, true),
    method: make('method', object, 48, 0, true),
    cell: make('cell', object, 24, 0, true),
    code: make('code', object, 160),
    frame: make('frame', object, 80, 0, true),
    traceback: make('traceback', object, 64, 0, true),
    module: make('module', object, 72, 0, true),
    slice: make('slice', object, 40, 0, true),
    range: make('range', object, 48),
    generator: make('generator', object, 112, 8, true),
    coroutine: make('coroutine', object, 112, 8, true),
    property: make('property', object, 56, 0, true),
    staticmethod: make('staticmethod', object, 32, 0, true),
    classmethod: make('classmethod', object, 32, 0, true),
    super: make('super', object, 40, 0, true),
    mappingproxy: make('mappingproxy', object, 24, 0, true),
    weakref: make('ReferenceType', object, 64, 0, true), // tp_name "weakref.ReferenceType"
    opaque: make('<not simulated>', object, 16),
    iterators: new Map(),
    exc: new Map(),
  };
  table.bool.baseType = false;
  table.weakref.module = 'weakref';
  table.NoneType.baseType = false;
  for (const t of Object.values(table)) {
    if (t instanceof PyType) t.mro = computeLinearMro(t);
  }
  return table;
}

/** The MRO of a single-inheritance chain (builtin types); class statements use C3 (types/type.ts). */
export function computeLinearMro(t: PyType): PyType[] {
  const mro: PyType[] = [];
  for (let c: PyType | null = t; c; c = c.base) mro.push(c);
  return mro;
}

/** Gives each type its (empty) dict once the dict type exists. */
export function attachDicts(table: TypeTable, makeDict: () => PyDict): void {
  const all = new Set<PyType>();
  for (const v of Object.values(table)) {
    if (v instanceof PyType) all.add(v);
    else if (v instanceof Map) for (const t of v.values()) all.add(t);
  }
  for (const t of all) if (!t.dict) t.dict = makeDict();
}
