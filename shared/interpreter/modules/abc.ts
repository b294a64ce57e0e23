// The _abc module (Modules/_abc.c): the machinery behind abc.ABCMeta (pylib/abc.ts): abstract-method
// computation, the registry of virtual subclasses, and the positive and negative caches of
// isinstance/issubclass checks. The caches hold classes weakly, as CPython's sets of weak references do.
import { call, callMethod, excType, getAttr, getAttrOpt, getItem, getIter, isTrue, iterNext, setAttr, typeModified, typeName } from '../abstract';
import { PyDict, PyModule, PyObject, PyStr, PyType } from '../objects';
import { alloc, decref, incref, newInt, newList, newTuple, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { classMethod } from '../types/util';
import { finishType, moduleFunction, moduleValue, newStaticType, typeError } from './support';
import { isSubclassOf } from '../builtins';
import { newFrozenset, newSetFromItems, setAddKey } from '../types/set';

class PyAbcData extends PyObject {
  /** Held weakly: a class that dies leaves the set (see alive()). */
  registry = new Set<PyObject>();
  cache = new Set<PyObject>();
  negativeCache = new Set<PyObject>();
  negativeVersion = 0;
  constructor(type: PyType) {
    super(type);
  }
}

/** A weak set's members that are still alive (a freed object's address is 0). */
function alive(s: Set<PyObject>): PyObject[] {
  for (const o of s) if (o.address === 0) s.delete(o);
  return [...s];
}

function has(s: Set<PyObject>, o: PyObject): boolean {
  return s.has(o) && o.address !== 0;
}

export function installAbc(m: PyModule): void {
  let invalidationCounter = 0;
  const dataType = newStaticType('_abc_data', { module: '_abc', size: 56, gc: false });
  dataType.slots.tp_new = (type) => alloc(new PyAbcData(type), 56);
  finishType(dataType);
  moduleValue(m, '_abc_data', dataType);

  const impl = (cls: PyObject): PyAbcData => {
    const d = getAttr(cls, '_abc_impl');
    decref(d);
    if (!(d instanceof PyAbcData)) typeError('_abc_impl is set to a wrong type');
    return d as PyAbcData;
  };
  const isAbstract = (v: PyObject): boolean => {
    const a = getAttrOpt(v, '__isabstractmethod__');
    if (!a) return false;
    try {
      return isTrue(a);
    } finally {
      decref(a);
    }
  };
  const isSubclass = (a: PyObject, b: PyObject): boolean => {
    return isSubclassOf(a, b);
  };

  moduleFunction(m, 'get_cache_token', () => newInt(invalidationCounter));

  moduleFunction(m, '_abc_init', (args) => {
    const self = args[0];
    // Stage 1: the class's own abstract methods; stage 2: inherited ones still abstract here.
    const abstracts = newFrozenset(null);
    try {
      const ns = getAttr(self, '__dict__');
      try {
        const keys = callMethod(ns, 'keys', []);
        const keyList = newList([]);
        const it = getIter(keys);
        decref(keys);
        try {
          for (let k = iterNext(it); k; k = iterNext(it)) keyList.items.push(k);
        } finally {
          decref(it);
        }
        try {
          for (const key of keyList.items) {
            const value = getItem(ns, key);
            try {
              if (isAbstract(value)) setAddKey(abstracts, key);
            } finally {
              decref(value);
            }
          }
        } finally {
          decref(keyList);
        }
      } finally {
        decref(ns);
      }
      const bases = getAttr(self, '__bases__');
      try {
        const it = getIter(bases);
        try {
          for (let base = iterNext(it); base; base = iterNext(it)) {
            try {
              const baseAbstracts = getAttrOpt(base, '__abstractmethods__');
              if (!baseAbstracts) continue;
              const bit = getIter(baseAbstracts);
              decref(baseAbstracts);
              try {
                for (let key = iterNext(bit); key; key = iterNext(bit)) {
                  try {
                    const value = getAttrOpt(self, (key as PyStr).value);
                    if (!value) continue;
                    try {
                      if (isAbstract(value)) setAddKey(abstracts, key);
                    } finally {
                      decref(value);
                    }
                  } finally {
                    decref(key);
                  }
                }
              } finally {
                decref(bit);
              }
            } finally {
              decref(base);
            }
          }
        } finally {
          decref(it);
        }
      } finally {
        decref(bases);
      }
      setAttr(self, '__abstractmethods__', abstracts);
    } finally {
      decref(abstracts);
    }
    const data = alloc(new PyAbcData(dataType), 56);
    try {
      setAttr(self, '_abc_impl', data);
    } finally {
      decref(data);
    }
    if (self instanceof PyType && dict.getItemStr(self.dict, '__abc_tpflags__')) {
      const flags = dict.getItemStr(self.dict, '__abc_tpflags__')!;
      (self as PyType & { abcFlags?: number }).abcFlags = Number((flags as import('../objects').PyInt).value ?? 0);
      dict.delItemStr(self.dict, '__abc_tpflags__');
    }
    return incref(rt.None);
  });

  moduleFunction(m, '_abc_register', (args) => {
    const [self, subclass] = args;
    if (!(subclass instanceof PyType)) typeError('Can only register classes');
    if (isSubclass(subclass, self)) return incref(subclass);
    if (isSubclass(self, subclass)) raise(excType('RuntimeError'), 'Refusing to create an inheritance cycle');
    impl(self).registry.add(subclass);
    invalidationCounter++;
    const flags = (self as PyType & { abcFlags?: number }).abcFlags;
    if (flags) (subclass as PyType & { abcFlags?: number }).abcFlags = flags;
    return incref(subclass);
  });

  moduleFunction(m, '_abc_instancecheck', (args) => {
    const [self, instance] = args;
    const data = impl(self);
    const subclass = getAttr(instance, '__class__');
    try {
      if (has(data.cache, subclass)) return incref(rt.True);
      const subtype = instance.ob_type;
      if (subtype === subclass) {
        if (data.negativeVersion === invalidationCounter && has(data.negativeCache, subclass)) return incref(rt.False);
        return callMethod(self, '__subclasscheck__', [subclass]);
      }
      const r = callMethod(self, '__subclasscheck__', [subclass]);
      if (isTrue(r)) return r;
      decref(r);
      return callMethod(self, '__subclasscheck__', [subtype]);
    } finally {
      decref(subclass);
    }
  });

  moduleFunction(m, '_abc_subclasscheck', (args) => {
    const [self, subclass] = args;
    if (!(subclass instanceof PyType)) typeError('issubclass() arg 1 must be a class');
    const data = impl(self);
    if (has(data.cache, subclass)) return incref(rt.True);
    if (data.negativeVersion < invalidationCounter) {
      data.negativeCache.clear();
      data.negativeVersion = invalidationCounter;
    } else if (has(data.negativeCache, subclass)) {
      return incref(rt.False);
    }
    const ok = callMethod(self, '__subclasshook__', [subclass]);
    if (ok === rt.True) {
      decref(ok);
      data.cache.add(subclass);
      return incref(rt.True);
    }
    if (ok === rt.False) {
      decref(ok);
      data.negativeCache.add(subclass);
      return incref(rt.False);
    }
    if (ok !== rt.NotImplemented) {
      decref(ok);
      raise(excType('AssertionError'), '__subclasshook__ must return either False, True, or NotImplemented');
    }
    decref(ok);
    if ((subclass as PyType).mro.includes(self as PyType)) {
      data.cache.add(subclass);
      return incref(rt.True);
    }
    if (has(data.registry, subclass)) return incref(rt.True);
    for (const rcls of alive(data.registry)) {
      if (isSubclass(subclass, rcls)) {
        data.cache.add(subclass);
        return incref(rt.True);
      }
    }
    const subclasses = callMethod(self, '__subclasses__', []);
    try {
      const it = getIter(subclasses);
      try {
        for (let scls = iterNext(it); scls; scls = iterNext(it)) {
          try {
            if (isSubclass(subclass, scls)) {
              data.cache.add(subclass);
              return incref(rt.True);
            }
          } finally {
            decref(scls);
          }
        }
      } finally {
        decref(it);
      }
    } finally {
      decref(subclasses);
    }
    data.negativeCache.add(subclass);
    return incref(rt.False);
  });

  moduleFunction(m, '_get_dump', (args) => {
    const data = impl(args[0]);
    const weak = (s: Set<PyObject>): PyObject => newSetFromItems(alive(s));
    return newTuple([weak(data.registry), weak(data.cache), weak(data.negativeCache), newInt(data.negativeVersion)]);
  });
  moduleFunction(m, '_reset_registry', (args) => {
    impl(args[0]).registry.clear();
    return incref(rt.None);
  });
  moduleFunction(m, '_reset_caches', (args) => {
    const data = impl(args[0]);
    data.cache.clear();
    data.negativeCache.clear();
    return incref(rt.None);
  });

  // object.__subclasshook__ (a classmethod returning NotImplemented), which ABCMeta's checks call.
  if (!rt.t.object.dict.map.has('__subclasshook__')) {
    classMethod(rt.t.object, '__subclasshook__', () => incref(rt.NotImplemented));
    typeModified();
  }
  void call;
  void typeName;
  void PyDict;
}
