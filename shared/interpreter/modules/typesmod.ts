// types.GenericAlias (Objects/genericaliasobject.c) and types.UnionType (Objects/unionobject.c): what
// `list[int]` and `int | None` make, with CPython's reprs, equality and hashing. Installed at startup: the
// builtin containers get __class_getitem__, and classes get `|`.
import { call, callDescriptor, descrGet, EQ, excType, findSlot, getAttr, getAttrOpt, getIter, hash, isSubtype, lookupType, NE, reprText, richCompareBool, setAttr, str, strText, typeModified, typeName } from '../abstract';
import { PyDict, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newBool, newStr, newTuple, raise, rt } from '../runtime';
import { clinic, def } from '../types/common';
import { classMethod } from '../types/util';
import { finishType, newStaticType, typeError } from './support';
import { newFrozenset } from '../types/set';
import { isInstanceOf, isSubclassOf } from '../builtins';
import { mappingProxy } from '../types/type';
import { newMethod } from '../types/function';
import { delItemStr, newDictObject } from '../types/dict';

export class PyGenericAlias extends PyObject {
  parameters: PyTuple | null = null;
  constructor(type: PyType, public origin: PyObject, public args: PyTuple, public starred = false) {
    super(type);
  }
}

export class PyUnion extends PyObject {
  parameters: PyTuple | null = null;
  constructor(type: PyType, public args: PyTuple) {
    super(type);
  }
}

let genericAliasType: PyType | null = null;
let unionType: PyType | null = null;
/** The runtime the two types were made for (a new run makes new ones). */
let madeFor: unknown = null;

function types(): [PyType, PyType] {
  if (madeFor !== rt) installTypes();
  return [genericAliasType!, unionType!];
}

/** Py_GenericAlias(origin, args): a new reference. */
export function newGenericAlias(origin: PyObject, args: PyObject): PyObject {
  const [ga] = types();
  const tuple = args instanceof PyTuple && args.ob_type === rt.t.tuple ? incref(args) : newTuple([incref(args)]);
  return alloc(new PyGenericAlias(ga, incref(origin), tuple), 48);
}

/** ga_repr_item / union_repr_item */
function reprItem(p: PyObject, inUnion: boolean): string {
  if (p === rt.Ellipsis) return '...';
  if (inUnion && p === rt.t.NoneType) return 'None';
  if (p instanceof PyGenericAlias || p instanceof PyUnion) return reprText(p);
  const origin = getAttrOpt(p, '__origin__');
  if (origin) {
    decref(origin);
    const args = getAttrOpt(p, '__args__');
    if (args) {
      decref(args);
      return reprText(p);
    }
  }
  const qualname = getAttrOpt(p, '__qualname__');
  if (!qualname) return reprText(p);
  const module = getAttrOpt(p, '__module__');
  try {
    if (!module || module === rt.None) return reprText(p);
    const q = strText(qualname);
    const mod = strText(module);
    return mod === 'builtins' ? q : `${mod}.${q}`;
  } finally {
    decref(qualname);
    if (module) decref(module);
  }
}

function gaRepr(self: PyObject): PyObject {
  const g = self as PyGenericAlias;
  let s = g.starred ? '*' : '';
  s += reprItem(g.origin, false);
  s += '[';
  if (g.args.items.length === 0) s += '()';
  s += g.args.items.map((a) => {
    if (a.ob_type === rt.t.list) return '[' + (a as import('../objects').PyList).items.map((x) => reprItem(x, false)).join(', ') + ']';
    return reprItem(a, false);
  }).join(', ');
  return newStr(s + ']');
}

/** The type variables among the arguments (_Py_make_parameters): those with __typing_subst__, and the
 *  parameters of nested generics, each once, in order. */
function makeParameters(args: PyTuple): PyTuple {
  const out: PyObject[] = [];
  const add = (p: PyObject): void => {
    if (!out.includes(p)) out.push(incref(p));
  };
  for (const a of args.items) {
    if (a instanceof PyType) continue;
    const subst = getAttrOpt(a, '__typing_subst__');
    if (subst) {
      decref(subst);
      add(a);
      continue;
    }
    const params = getAttrOpt(a, '__parameters__');
    if (params) {
      if (params instanceof PyTuple) for (const p of params.items) add(p);
      decref(params);
    }
  }
  return newTuple(out);
}

const GA_EXCEPTIONS = new Set([
  '__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__',
  '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__',
]);

/** Whether o may be an operand of `|` between types (is_unionable). */
function unionable(o: PyObject): boolean {
  return o === rt.None || o instanceof PyType || o instanceof PyGenericAlias || o instanceof PyUnion;
}

/** The flattened, de-duplicated arguments of a union of a and b (None becomes NoneType). */
function unionArgs(items: PyObject[]): PyObject[] {
  const flat: PyObject[] = [];
  for (const it of items) {
    if (it instanceof PyUnion) flat.push(...it.args.items);
    else flat.push(it === rt.None ? rt.t.NoneType : it);
  }
  const out: PyObject[] = [];
  for (const x of flat) {
    let dup = false;
    for (const y of out) {
      if (x === y || (x instanceof PyGenericAlias && y instanceof PyGenericAlias && richCompareBool(x, y, EQ))) { dup = true; break; }
    }
    if (!dup) out.push(x);
  }
  return out;
}

/** _Py_union_type_or: a | b for types, None, generic aliases and unions (NotImplemented otherwise). */
export function unionOr(a: PyObject, b: PyObject): PyObject {
  if (!unionable(a) || !unionable(b)) return incref(rt.NotImplemented);
  const [, ut] = types();
  const args = unionArgs([a, b]);
  if (args.length === 1) return incref(args[0]);
  return alloc(new PyUnion(ut, newTuple(args.map((x) => incref(x)))), 40);
}

function installTypes(): void {
  madeFor = rt;
  // ---- GenericAlias
  const ga = newStaticType('GenericAlias', { module: 'types', size: 72, gc: true, baseType: true, weakrefable: true });
  genericAliasType = ga;
  ga.slots.tp_new = (type, args, kw) => {
    if (kw && kw.length) typeError('GenericAlias() takes no keyword arguments');
    if (args.length !== 2) typeError(`GenericAlias expected 2 arguments, got ${args.length}`);
    const tuple = args[1] instanceof PyTuple ? incref(args[1] as PyTuple) : newTuple([incref(args[1])]);
    return alloc(new PyGenericAlias(type, incref(args[0]), tuple), 72);
  };
  ga.slots.tp_repr = gaRepr;
  ga.slots.tp_hash = (self) => {
    const g = self as PyGenericAlias;
    return hash(g.origin) ^ hash(g.args);
  };
  ga.slots.tp_richcompare = (a, b, op) => {
    if (!(b instanceof PyGenericAlias) || (op !== EQ && op !== NE)) return incref(rt.NotImplemented);
    const x = a as PyGenericAlias;
    let eq = x.starred === b.starred && richCompareBool(x.origin, b.origin, EQ);
    if (eq) eq = richCompareBool(x.args, b.args, EQ);
    return newBool(op === EQ ? eq : !eq);
  };
  ga.slots.tp_call = (self, args, kw) => {
    const g = self as PyGenericAlias;
    const obj = call(g.origin, args, kw);
    try {
      setAttr(obj, '__orig_class__', g);
    } catch (e) {
      if (!(e instanceof Object && 'exc' in e)) throw e;
      decref((e as { exc: PyObject }).exc);
    }
    return obj;
  };
  ga.slots.tp_getattro = (self, name) => {
    const g = self as PyGenericAlias;
    const n = name.value;
    switch (n) {
      case '__origin__': return incref(g.origin);
      case '__args__': return incref(g.args);
      case '__unpacked__': return newBool(g.starred);
      case '__parameters__': return incref((g.parameters ??= makeParameters(g.args)));
      case '__class__': return incref(g.ob_type);
      default:
        if (!GA_EXCEPTIONS.has(n) && !n.startsWith('__typing')) {
          return getAttr(g.origin, name);
        }
        return null;
    }
  };
  ga.slots.tp_traverse = (self, visit) => {
    const g = self as PyGenericAlias;
    visit(g.origin);
    visit(g.args);
    if (g.parameters) visit(g.parameters);
  };
  ga.slots.tp_clear = (self) => {
    const g = self as PyGenericAlias;
    decref(g.origin);
    decref(g.args);
    if (g.parameters) decref(g.parameters);
    g.parameters = null;
  };
  ga.slots.nb = { or: unionOr };
  ga.slots.tp_iter = (self) => {
    // iter(list[int]) gives *list[int] once (PEP 646 unpacking).
    const g = self as PyGenericAlias;
    const starred = alloc(new PyGenericAlias(ga, incref(g.origin), incref(g.args), true), 72);
    const t = newTuple([starred]);
    const it = getIter(t);
    decref(t);
    return it;
  };
  def<PyGenericAlias>(ga, '__mro_entries__', (self) => newTuple([incref(self.origin)]));
  def(ga, '__instancecheck__', () => typeError('isinstance() argument 2 cannot be a parameterized generic'));
  def(ga, '__subclasscheck__', () => typeError('issubclass() argument 2 cannot be a parameterized generic'));
  def<PyGenericAlias>(ga, '__getitem__', (self, args) => {
    const params = (self.parameters ??= makeParameters(self.args));
    if (!params.items.length) typeError(`${reprText(self)} is not a generic class`);
    // Substitute each parameter by the given argument (one level, as most programs use it).
    const given = args[0] instanceof PyTuple ? args[0].items : [args[0]];
    if (given.length !== params.items.length) {
      typeError(`Too ${given.length > params.items.length ? 'many' : 'few'} arguments for ${reprText(self)}; actual ${given.length}, expected ${params.items.length}`);
    }
    const newArgs = self.args.items.map((a) => {
      const i = params.items.indexOf(a);
      return incref(i >= 0 ? given[i] : a);
    });
    const t = newTuple(newArgs);
    try {
      return alloc(new PyGenericAlias(ga, incref(self.origin), incref(t)), 72);
    } finally {
      decref(t);
    }
  });
  finishType(ga);

  // ---- UnionType (typing.Union from 3.14)
  const ut = newStaticType(rt.v >= 314 ? 'Union' : 'UnionType', { module: rt.v >= 314 ? 'typing' : 'types', size: 48, gc: true, baseType: false, weakrefable: rt.v >= 314 });
  unionType = ut;
  ut.slots.tp_repr = (self) => newStr((self as PyUnion).args.items.map((a) => reprItem(a, true)).join(' | '));
  ut.slots.tp_hash = (self) => {
    const fs = newFrozenset((self as PyUnion).args);
    try {
      return hash(fs);
    } finally {
      decref(fs);
    }
  };
  ut.slots.tp_richcompare = (a, b, op) => {
    if (!(b instanceof PyUnion) || (op !== EQ && op !== NE)) return incref(rt.NotImplemented);
    const x = (a as PyUnion).args.items;
    const y = b.args.items;
    const eq = x.length === y.length && x.every((p) => y.some((q) => p === q || richCompareBool(p, q, EQ)));
    return newBool(op === EQ ? eq : !eq);
  };
  ut.slots.tp_getattro = (self, name) => {
    const u = self as PyUnion;
    if (name.value === '__args__') return incref(u.args);
    if (name.value === '__parameters__') return incref((u.parameters ??= makeParameters(u.args)));
    if (name.value === '__origin__' && rt.v >= 314) return incref(u.ob_type);
    return null;
  };
  ut.slots.tp_traverse = (self, visit) => {
    const u = self as PyUnion;
    visit(u.args);
    if (u.parameters) visit(u.parameters);
  };
  ut.slots.tp_clear = (self) => {
    const u = self as PyUnion;
    decref(u.args);
    if (u.parameters) decref(u.parameters);
    u.parameters = null;
  };
  ut.slots.nb = { or: unionOr };
  def<PyUnion>(ut, '__instancecheck__', (self, args) => {
    return newBool(self.args.items.some((c) => isInstanceOf(args[0], c)));
  });
  def<PyUnion>(ut, '__subclasscheck__', (self, args) => {
    return newBool(self.args.items.some((c) => isSubclassOf(args[0], c)));
  });
  if (rt.v >= 314) {
    // typing.Union[X, Y] (3.14: typing.Union is this type).
    classMethod(ut, '__class_getitem__', (args) => {
      const p = args[args.length - 1];
      const items = p instanceof PyTuple ? p.items : [p];
      if (!items.length) typeError('Cannot take a Union of no types.');
      const flat = unionArgs(items);
      if (flat.length === 1) return incref(flat[0]);
      return alloc(new PyUnion(ut, newTuple(flat.map((x) => incref(x)))), 40);
    });
  }
  finishType(ut);
}

/** Installs what the builtins need at startup: __class_getitem__ on the containers, `|` on classes. */
export function installGenericAliases(): void {
  types();
  const t = rt.t;
  for (const ty of [t.list, t.dict, t.tuple, t.set, t.frozenset]) addClassGetItem(ty);
  const en = rt.builtins.map.get('enumerate')?.value;
  if (en instanceof PyType) addClassGetItem(en);
  // `int | None`: type's nb_or (type.__or__ / __ror__).
  t.type.slots.nb = { ...(t.type.slots.nb ?? {}), or: unionOr };
  def(t.type, '__or__', (self, args) => unionOr(self, args[0]));
  def(t.type, '__ror__', (self, args) => unionOr(args[0], self));
  // type[int] (PyObject_GetItem's special case for `type` itself), and C[...] through __class_getitem__.
  t.type.slots.mp_subscript = (self, key) => {
    if (self === t.type) return newGenericAlias(self, key);
    const cgi = lookupType(self as PyType, '__class_getitem__');
    if (cgi) {
      const bound = descrGet(cgi, null, self as PyType);
      try {
        return call(bound, [key]);
      } finally {
        decref(bound);
      }
    }
    void callDescriptor;
    return raise(excType('TypeError'), `type '${(self as PyType).name}' is not subscriptable`);
  };
  // type.__setattr__ / type.__delattr__ (type_setattro's slot wrappers), which super().__setattr__ in a
  // metaclass reaches; and str(mappingproxy) is str of its mapping (mappingproxy_str).
  const typeSet = t.type.slots.tp_setattro!;
  if (!t.type.dict.map.has('__setattr__')) {
    def(t.type, '__setattr__', (self, args) => {
      if (args.length !== 2) typeError(`expected 2 arguments, got ${args.length}`);
      if (!(args[0] instanceof PyStr)) typeError(`attribute name must be string, not '${args[0].ob_type.name}'`);
      typeSet(self, args[0] as PyStr, args[1]);
      return incref(rt.None);
    });
    def(t.type, '__delattr__', (self, args) => {
      if (args.length !== 1) typeError(`expected 1 argument, got ${args.length}`);
      if (!(args[0] instanceof PyStr)) typeError(`attribute name must be string, not '${args[0].ob_type.name}'`);
      typeSet(self, args[0] as PyStr, null);
      return incref(rt.None);
    });
  }
  if (!t.mappingproxy.slots.tp_str) {
    t.mappingproxy.slots.tp_str = (self) => {
      return str((self as PyObject & { mapping: PyObject }).mapping);
    };
  }
  typeModified();
  // type.__prepare__ is a classmethod (a class's __prepare__ may be called as meta.__prepare__(name, bases)).
  const prep = t.type.dict.map.get('__prepare__')?.value;
  if (!prep || prep.ob_type !== t.classmethod_descriptor) {
    delItemStr(t.type.dict, '__prepare__');
    classMethod(t.type, '__prepare__', () => newDictObject());
  }
  // types.MappingProxyType(mapping) (mappingproxy_new in Objects/descrobject.c), for dicts.
  if (!t.mappingproxy.slots.tp_new) {
    t.mappingproxy.slots.tp_new = (_type, args, kw) => {
      const [mapping] = clinic('mappingproxy', args, kw, ['mapping'], { posonly: 0, minpos: 1, maxpos: 1 });
      if (!(mapping instanceof PyDict)) {
        typeError(`mappingproxy() argument must be a mapping, not ${typeName(mapping!)}`);
      }
      return mappingProxy(mapping as import('../objects').PyDict);
    };
  }
  // types.MethodType(func, obj) (method_new in Objects/classobject.c).
  if (!t.method.slots.tp_new) {
    t.method.slots.tp_new = (_type, args, kw) => {
      if (kw && kw.length) typeError('method() takes no keyword arguments');
      if (args.length !== 2) typeError(`method expected 2 arguments, got ${args.length}`);
      const [func, self] = args;
      if (!findSlot(func.ob_type, 'tp_call') && !lookupType(func.ob_type, '__call__') && func.ob_type !== rt.t.function) {
        typeError('first argument must be callable');
      }
      if (self === rt.None) typeError('instance must not be None');
      return newMethod(func, self);
    };
  }
  void isSubtype;
  void PyStr;
}

/** __class_getitem__ = classmethod(GenericAlias) on a type. */
export function addClassGetItem(ty: PyType): void {
  if (ty.dict.map.has('__class_getitem__')) return;
  classMethod(ty, '__class_getitem__', (args, _kw, self) => {
    const cls = self ?? args[0];
    return newGenericAlias(cls, args[args.length - 1]);
  });
}
