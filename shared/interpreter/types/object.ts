// `object`: the base of every class (Objects/typeobject.c, object_* functions): default __new__/__init__,
// identity hash and equality, the default repr, __class__ and __dict__.
import { callDescriptor, defaultRepr, EQ, excType, findSlot, genericGetAttr, genericSetAttr, isTrue, iterate, lookupType, NE, repr, reprText, str, strText, typeName } from '../abstract';
import { PyBuiltin, PyDict, PyInstance, PyObject, PyTuple, PyType, type PyStr } from '../objects';
import { instanceCreated } from './dictkeys';
import { inlineValuesSize } from '../footprint';
import type { TypeTable as _TT } from '../typetable';
import { alloc, decref, incref, newBool, newDict, newInt, newStr, raise, rt } from '../runtime';
import type { TypeTable } from '../typetable';
import { builtinFunction, classMethod, method } from './util';
import { dirOf } from './type';
import { setItemStr, setItemStrNew } from './dict';

/** _Py_HashPointer: the address rotated right by 4 bits (Python/pyhash.c). */
export function pointerHash(o: PyObject): number {
  const a = BigInt(o.address);
  const bits = BigInt(rt.version.ptr * 8);
  const mask = (1n << bits) - 1n;
  let h = ((a >> 4n) | (a << (bits - 4n))) & mask;
  if (h >= 1n << (bits - 1n)) h -= 1n << bits; // Py_hash_t is signed
  const n = Number(h);
  return n === -1 ? -2 : n;
}

/** The instance size of a class: its tp_basicsize (type.ts layOut). */
export function instanceSize(type: PyType): number {
  return type.basicsize;
}

/** object.__new__ for classes: a bare instance of `type`. */
export function newInstance(type: PyType): PyObject {
  if (type.solidBase && type.solidBase !== rt.t.object) {
    return raise(excType('TypeError'), `object.__new__(${type.name}) is not safe, use ${type.solidBase.name}.__new__()`);
  }
  // The allocation is sized before init_inline_values lowers the shared keys' dk_usable.
  const size = instanceSize(type) + inlineValuesSize(type);
  instanceCreated(type);
  return alloc(new PyInstance(type), size);
}

/** object_new's Py_TPFLAGS_IS_ABSTRACT check: the flag is set when a class's __abstractmethods__ (which
 *  abc.ABCMeta computes) is non-empty. */
function checkAbstract(type: PyType): void {
  const abstract = type.dict.map.get('__abstractmethods__')?.value;
  if (!abstract || !isTrue(abstract)) return;
  const names: PyObject[] = [];
  iterate(abstract, (n) => names.push(n));
  const texts = names.map((n) => (rt.v >= 312 ? reprText(n) : strText(n)));
  const keys = names.map((n) => strText(n));
  for (const n of names) decref(n);
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const joined = order.map((i) => texts[i]).join(', ');
  const s = names.length > 1 ? 's' : '';
  raise(excType('TypeError'), rt.v >= 312
    ? `Can't instantiate abstract class ${type.name} without an implementation for abstract method${s} ${joined}`
    : `Can't instantiate abstract class ${type.name} with abstract method${s} ${joined}`);
}

function excessArgs(args: PyObject[], kwnames: PyStr[] | null): boolean {
  return args.length > 0 || (kwnames !== null && kwnames.length > 0);
}

export function install(t: TypeTable): void {
  const object = t.object;
  // object_new / object_init (Objects/typeobject.c): extra arguments are an error unless the other of the
  // two methods is overridden.
  const objectNew = (type: PyType, args: PyObject[], kwnames: PyStr[] | null): PyObject => {
    if (excessArgs(args, kwnames)) {
      if (overridesNew(type)) raise(excType('TypeError'), 'object.__new__() takes exactly one argument (the type to instantiate)');
      if (!overridesInit(type)) raise(excType('TypeError'), `${type.name}() takes no arguments`);
    }
    checkAbstract(type);
    return newInstance(type);
  };
  const objectInit = (self: PyObject, args: PyObject[], kwnames: PyStr[] | null): void => {
    if (excessArgs(args, kwnames)) {
      const type = self.ob_type;
      if (overridesInit(type)) raise(excType('TypeError'), 'object.__init__() takes exactly one argument (the instance to initialize)');
      if (!overridesNew(type)) raise(excType('TypeError'), `${type.name}() takes no arguments`);
    }
  };
  const overridesNew = (type: PyType): boolean => {
    const n = lookupType(type, '__new__');
    return !!n && !(n instanceof PyBuiltin) ? true : findSlot(type, 'tp_new') !== objectNew;
  };
  const overridesInit = (type: PyType): boolean => {
    const i = lookupType(type, '__init__');
    return !!i && !(i instanceof PyBuiltin) ? true : findSlot(type, 'tp_init') !== objectInit;
  };
  object.slots.tp_new = objectNew;
  object.slots.tp_init = objectInit;
  object.slots.tp_repr = (self) => defaultRepr(self);
  object.slots.tp_str = (self) => {
    return repr(self);
  };
  object.slots.tp_hash = pointerHash;
  object.slots.tp_richcompare = (a, b, op) => {
    if (op === EQ) return incref(a === b ? rt.True : rt.NotImplemented);
    if (op === NE) {
      // object.__ne__: the inverse of __eq__, unless that is NotImplemented.
      const eq = lookupType(a.ob_type, '__eq__');
      if (eq && !(eq instanceof PyBuiltin && eq.owner === object)) {
        const r = callDescriptor(eq, a, [b]);
        if (r === rt.NotImplemented) return r;
        const v = isTrue(r);
        decref(r);
        return newBool(!v);
      }
      return incref(a === b ? rt.False : rt.NotImplemented);
    }
    return incref(rt.NotImplemented);
  };
  object.slots.tp_getattro = undefined;

  classMethod(object, '__init_subclass__', () => incref(rt.None));
  method(object, '__format__', (args, _kw, self) => {
    const spec = args[0] as PyStr;
    if (spec.value !== '') {
      raise(excType('TypeError'), `unsupported format string passed to ${typeName(self!)}.__format__`);
    }
    return str(self!);
  });
  // object___sizeof___impl (Objects/typeobject.c): tp_basicsize, plus ob_size * tp_itemsize for variable-size
  // objects (tuples: their items).
  method(object, '__sizeof__', (_a, _k, self) => {
    const type = self!.ob_type;
    const items = self instanceof PyTuple ? self.items.length : 0;
    return newInt(type.basicsize + items * type.itemsize);
  });
  method(object, '__dir__', (_a, _k, self) => {
    return dirOf(self!);
  });
  // object.__class__ (a getset descriptor): the type, and assignable between compatible classes.
  setItemStrNew(object.dict, '__class__', alloc(new PyGetSet(t.getset_descriptor, '__class__', object,
    (obj) => incref(obj.ob_type),
    (obj, value) => {
      if (!(value instanceof PyType)) raise(excType('TypeError'), `__class__ must be set to a class, not '${typeName(value ?? rt.None)}' object`);
      const nt = value as PyType;
      if (!nt.heapType || !obj.ob_type.heapType || nt.solidBase !== obj.ob_type.solidBase) {
        raise(excType('TypeError'), `__class__ assignment: '${nt.name}' object layout differs from '${obj.ob_type.name}'`);
      }
      const old = obj.ob_type;
      obj.ob_type = incref(nt);
      decref(old);
    }), 7 * rt.version.ptr));
  method(object, '__getattribute__', (args, _k, self) => genericGetAttr(self!, (args[0] as PyStr).value)!);
  method(object, '__setattr__', (args, _k, self) => {
    genericSetAttr(self!, (args[0] as PyStr).value, args[1]);
    return incref(rt.None);
  });
  method(object, '__delattr__', (args, _k, self) => {
    genericSetAttr(self!, (args[0] as PyStr).value, null);
    return incref(rt.None);
  });
  method(object, '__reduce_ex__', (_a, _k, self) => raise(excType('TypeError'), `cannot pickle '${typeName(self!)}' object`));
}

/** The instance __dict__ of o, made on first need (managed dicts, 3.11+). */
export function ensureInstanceDict(o: PyObject): PyDict {
  const holder = o as PyObject & { dict?: PyDict | null };
  if (!holder.dict) holder.dict = newDict();
  return holder.dict;
}

export function strType(): PyType {
  return rt.t.str;
}


/** A getset descriptor (PyGetSetDef): `__dict__`, `__weakref__` and other computed attributes. */
export class PyGetSet extends PyObject {
  constructor(
    type: PyType,
    public name: string,
    public owner: PyType,
    public get: (obj: PyObject) => PyObject,
    public set: ((obj: PyObject, value: PyObject | null) => void) | null,
  ) {
    super(type);
  }
}

export function installGetSet(t: TypeTable): void {
  const gs = t.getset_descriptor;
  gs.slots.tp_descr_get = (self, obj) => (obj ? (self as PyGetSet).get(obj) : incref(self));
  gs.slots.tp_descr_set = (self, obj, value) => {
    const g = self as PyGetSet;
    if (!g.set) raise(excType('AttributeError'), `attribute '${g.name}' of '${g.owner.name}' objects is not writable`);
    g.set!(obj, value);
  };
  gs.slots.tp_repr = (self) => newStr(`<attribute '${(self as PyGetSet).name}' of '${(self as PyGetSet).owner.name}' objects>`);
  // descr_members / descr_getset (Objects/descrobject.c): d_type as __objclass__, d_name as __name__.
  gs.slots.tp_getattro = (self, name) => {
    const g = self as PyGetSet;
    if (name.value === '__objclass__') return incref(g.owner);
    if (name.value === '__name__') return newStr(g.name);
    if (name.value === '__qualname__') return newStr(`${g.owner.name}.${g.name}`);
    return null;
  };
  // descr_traverse / descr_dealloc: a class's descriptor holds the class (d_type); static types need no count.
  gs.slots.tp_traverse = (self, visit) => {
    const owner = (self as PyGetSet).owner;
    if (owner.heapType) visit(owner);
  };
  gs.slots.tp_clear = (self) => {
    const owner = (self as PyGetSet).owner;
    if (owner.heapType) decref(owner);
  };
}

/** Materialises an instance's __dict__ from its inline values (_PyObject_GetManagedDict). */
export function materializeDict(o: PyObject): PyDict {
  const holder = o as PyObject & { dict?: PyDict | null; values?: Map<string, PyObject> | null };
  if (holder.dict) return holder.dict;
  const d = newDict();
  // make_dict_from_instance_attributes: a split dict over the class's shared keys
  const shared = o.ob_type.cachedKeys;
  if (shared && [...(holder.values?.keys() ?? [])].every((k) => shared.names.includes(k))) d.sharedKeys = shared;
  if (holder.values) {
    for (const [k, v] of holder.values) {
      setItemStr(d, k, v);
      decref(v);
    }
    holder.values = null;
  }
  // 3.13+: make_dict_from_instance_attributes gives the dict the instance's inline values, still the instance's.
  if (rt.v >= 313 && d.sharedKeys) d.embeddedIn = o;
  holder.dict = d;
  return d;
}

/** The `__dict__` and `__weakref__` descriptors a class gets when it introduces them (type_new). */
export function addInstanceDescriptors(type: PyType, wantDict: boolean, wantWeak: boolean): void {
  if (wantDict) {
    incref(type);
    setItemStrNew(type.dict, '__dict__', alloc(new PyGetSet(rt.t.getset_descriptor, '__dict__', type,
      (obj) => incref(materializeDict(obj)),
      (obj, value) => {
        if (!(value instanceof PyDict)) raise(excType('TypeError'), `__dict__ must be set to a dictionary, not a '${typeName(value ?? rt.None)}'`);
        const holder = obj as PyObject & { dict?: PyDict | null; values?: Map<string, PyObject> | null };
        const old = materializeDict(obj);
        holder.dict = incref(value as PyDict);
        old.embeddedIn = undefined; // _PyDict_DetachFromObject
        decref(old);
      }), 7 * rt.version.ptr));
  }
  if (wantWeak) {
    incref(type);
    setItemStrNew(type.dict, '__weakref__', alloc(new PyGetSet(rt.t.getset_descriptor, '__weakref__', type,
      (obj) => incref(obj.weakrefs && obj.weakrefs.length ? obj.weakrefs[0] : rt.None), null), 7 * rt.version.ptr));
  }
}

/** subtype_traverse: the slots, the inline values or dict, then the class itself (Objects/typeobject.c). */
/** subtype_traverse's own part. `dictInBase`: the builtin base keeps the dict in its own layout (an exception's,
 *  a class's tp_dict) and visits it itself (subtype_traverse skips it when tp_dictoffset is the base's). */
export function instanceTraverse(o: PyObject, visit: (r: PyObject) => void, dictInBase = false): void {
  const inst = o as PyObject & { slotValues?: Map<string, PyObject> | null; values?: Map<string, PyObject> | null; dict?: PyDict | null };
  if (inst.slotValues) for (const v of inst.slotValues.values()) visit(v);
  if (inst.values) for (const v of inst.values.values()) visit(v);
  if (inst.dict && !dictInBase) {
    // _PyObject_VisitManagedDict (3.13+): valid inline values are visited, not the dict that shares them.
    if (inst.dict.embeddedIn === o && inst.dict.sharedKeys) for (const e of inst.dict.map.values()) visit(e.value);
    else visit(inst.dict);
  }
  visit(o.ob_type);
}

/** subtype_clear / the instance part of subtype_dealloc: slots first, then the values or the dict. */
export function instanceClear(o: PyObject, dictInBase = false): void {
  const inst = o as PyObject & { slotValues?: Map<string, PyObject> | null; values?: Map<string, PyObject> | null; dict?: PyDict | null };
  if (inst.slotValues) {
    // clear_slots, from the most derived class down, each class's slots in their (sorted) layout order.
    const held = inst.slotValues;
    inst.slotValues = null;
    const vals: PyObject[] = [];
    for (const t of o.ob_type.mro) {
      for (const n of t.ownSlots) {
        const v = held.get(n);
        if (v) { vals.push(v); held.delete(n); }
      }
    }
    for (const v of held.values()) vals.push(v);
    for (const v of vals) decref(v);
  }
  if (inst.values) {
    // The inline values go in the order of the class's shared keys (clear_inline_values, by index).
    const keys = o.ob_type.sharedKeys;
    const held = inst.values;
    inst.values = null;
    // Usually the attributes were set in the keys' order; only otherwise is a sort needed.
    let k = 0;
    let inOrder = true;
    for (const name of held.keys()) {
      if (keys[k] === name) k++;
      else { inOrder = false; break; }
    }
    if (inOrder) {
      for (const v of held.values()) decref(v);
    } else {
      const index = (name: string): number => {
        const i = keys.indexOf(name);
        return i < 0 ? keys.length : i;
      };
      const vals = [...held.entries()].sort((a, b) => index(a[0]) - index(b[0])).map(([, v]) => v);
      for (const v of vals) decref(v);
    }
  }
  if (inst.dict && !dictInBase) {
    const d = inst.dict;
    inst.dict = null;
    d.embeddedIn = undefined; // _PyDict_DetachFromObject: a dict that outlives the instance owns its values
    decref(d);
  }
}

const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const UNARY_NAMES: Record<string, string> = {
  neg: '__neg__', pos: '__pos__', invert: '__invert__', abs: '__abs__', int: '__int__', float: '__float__', index: '__index__',
};

/**
 * The dunder methods of a builtin type, wrapping its slots (slot wrappers, Objects/typeobject.c slotdefs), so that
 * `object.__init__(self)`, `super().__eq__(other)` or `int.__add__(1, 2)` work.
 */
export function addSlotWrappers(type: PyType): void {
  const s = type.slots;
  const add = (name: string, fn: (args: PyObject[], kw: PyStr[] | null, self: PyObject | null) => PyObject): void => {
    if (!type.dict.map.has(name)) method(type, name, fn);
  };
  if (s.tp_repr) add('__repr__', (_a, _k, self) => s.tp_repr!(self!));
  if (s.tp_str) add('__str__', (_a, _k, self) => s.tp_str!(self!));
  if (s.tp_hash) add('__hash__', (_a, _k, self) => newInt(s.tp_hash!(self!)));
  if (s.tp_richcompare) CMP_NAMES.forEach((n, op) => add(n, (args, _k, self) => s.tp_richcompare!(self!, args[0], op)));
  if (s.tp_iter) add('__iter__', (_a, _k, self) => s.tp_iter!(self!));
  if (s.tp_iternext) {
    add('__next__', (_a, _k, self) => {
      const v = s.tp_iternext!(self!);
      if (!v) raise(excType('StopIteration'));
      return v!;
    });
  }
  if (s.tp_call) add('__call__', (args, kw, self) => s.tp_call!(self!, args, kw));
  if (s.sq_length) add('__len__', (_a, _k, self) => newInt(s.sq_length!(self!)));
  if (s.sq_contains) add('__contains__', (args, _k, self) => newBool(s.sq_contains!(self!, args[0])));
  if (s.mp_subscript) add('__getitem__', (args, _k, self) => s.mp_subscript!(self!, args[0]));
  if (s.mp_ass_subscript) {
    add('__setitem__', (args, _k, self) => { s.mp_ass_subscript!(self!, args[0], args[1]); return incref(rt.None); });
    add('__delitem__', (args, _k, self) => { s.mp_ass_subscript!(self!, args[0], null); return incref(rt.None); });
  }
  if (s.nb_bool) add('__bool__', (_a, _k, self) => newBool(s.nb_bool!(self!)));
  if (s.tp_init) add('__init__', (args, kw, self) => { s.tp_init!(self!, args, kw); return incref(rt.None); });
  if (s.tp_descr_get) add('__get__', (args, _k, self) => s.tp_descr_get!(self!, args[0] === rt.None ? null : args[0], (args[1] ?? args[0].ob_type) as PyType));
  if (s.nb) {
    for (const [name, f] of Object.entries(s.nb)) {
      if (!f) continue;
      add(`__${name}__`, (args, _k, self) => f(self!, args[0]));
      add(`__r${name}__`, (args, _k, self) => f(args[0], self!));
    }
  }
  if (s.nb_inplace) {
    for (const [name, f] of Object.entries(s.nb_inplace)) if (f) add(`__i${name}__`, (args, _k, self) => f(self!, args[0]));
  }
  if (s.nb_unary) {
    for (const [name, f] of Object.entries(s.nb_unary)) if (f) add(UNARY_NAMES[name], (_a, _k, self) => f(self!));
  }
  if (s.tp_new && !type.dict.map.has('__new__')) {
    const tpNew = s.tp_new;
    setItemStrNew(type.dict, '__new__', builtinFunction('__new__', (args, kw) => {
      if (!args.length) raise(excType('TypeError'), `${type.name}.__new__(): not enough arguments`);
      const cls = args[0];
      if (!(cls instanceof PyType)) raise(excType('TypeError'), `${type.name}.__new__(X): X is not a type object (${typeName(cls)})`);
      if (!(cls as PyType).mro.includes(type)) {
        raise(excType('TypeError'), `${type.name}.__new__(${(cls as PyType).name}): ${(cls as PyType).name} is not a subtype of ${type.name}`);
      }
      return tpNew(cls as PyType, args.slice(1), kw);
    }, type));
  }
}
