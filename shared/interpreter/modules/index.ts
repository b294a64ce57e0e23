// The import system of the simulation: modules written in the simulator (sys, gc, math, ...), sibling .py files
// of the program (given by the front end, never read from disk here), and, for anything else, an opaque module
// whose every attribute is "not simulated" (the run goes on; values that depend on it are marked).
import { excType, getAttr, getAttrOpt, iterate } from '../abstract';
import { PyDict, PyModule, PyObject, PyStr, PyTuple } from '../objects';
import { alloc, decref, incref, newDict, newStr, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { newOpaque } from '../types/misc';

/** Native module makers, by name: each fills the module's dict. */
export const nativeModules = new Map<string, (m: PyModule) => void>();

/** Sources of the program's sibling modules (name → text), and the function that runs one as a module. */
export const moduleSources = {
  files: new Map<string, string>(),
  run: null as null | ((name: string, source: string, module: PyModule) => void),
};

/**
 * Standard-library modules the simulator implements in Python (the ones CPython itself writes in Python:
 * their behaviour, references and objects then come out as CPython's do). Name → source text.
 */
export const pythonModules = new Map<string, string>();

export function newModule(name: string): PyModule {
  const d = newDict();
  const m = alloc(new PyModule(rt.t.module, d, name), 9 * rt.version.ptr);
  const n = newStr(name);
  dict.setItemStr(d, '__name__', n);
  decref(n);
  dict.setItemStr(d, '__doc__', rt.None);
  dict.setItemStr(d, '__package__', rt.None);
  dict.setItemStr(d, '__loader__', rt.None);
  dict.setItemStr(d, '__spec__', rt.None);
  return m;
}

/** Loads (or finds in sys.modules) the module `name`: a new reference. */
function loadModule(name: string): PyObject {
  const cached = dict.getItemStr(rt.modules, name);
  if (cached) return incref(cached);
  const native = nativeModules.get(name);
  const source = moduleSources.files.get(name) ?? pythonModules.get(name);
  let m: PyModule;
  if (native) {
    m = newModule(name);
    dict.setItemStr(rt.modules, name, m);
    native(m);
  } else if (source !== undefined && moduleSources.run) {
    m = newModule(name);
    const file = newStr(`${name}.py`);
    dict.setItemStr(m.dict, '__file__', file);
    decref(file);
    dict.setItemStr(rt.modules, name, m);
    try {
      moduleSources.run(name, source, m);
    } catch (e) {
      dict.delItemStr(rt.modules, name);
      decref(m);
      throw e;
    }
  } else {
    // Not modelled: an opaque module, so that the rest of the program still runs.
    m = newModule(name);
    const marker = newStr(`not simulated: module '${name}'`);
    dict.setItemStr(m.dict, '__not_simulated__', marker);
    decref(marker);
    dict.setItemStr(rt.modules, name, m);
    (m as PyModule & { opaque?: boolean }).opaque = true;
  }
  return m;
}

/** __import__(name, globals, locals, fromlist, level): the top package, or the module itself with a fromlist. */
export function importName(name: string, _globals: PyDict, fromlist: PyObject, level: number): PyObject {
  if (level > 0) {
    raise(excType('ImportError'), 'attempted relative import with no known parent package');
  }
  const parts = name.split('.');
  let top: PyObject | null = null;
  let leaf: PyObject | null = null;
  for (let i = 0; i < parts.length; i++) {
    const full = parts.slice(0, i + 1).join('.');
    const m = loadModule(full);
    if (i === 0) top = m;
    else {
      const parent = dict.getItemStr(rt.modules, parts.slice(0, i).join('.'));
      if (parent instanceof PyModule) dict.setItemStr(parent.dict, parts[i], m);
      if (leaf && leaf !== top) decref(leaf);
      leaf = m;
      continue;
    }
    leaf = m;
  }
  const hasFromlist = fromlist !== rt.None && !(fromlist instanceof PyTuple && fromlist.items.length === 0);
  if (hasFromlist) {
    if (leaf !== top) decref(top!);
    return leaf!;
  }
  if (leaf !== top) decref(leaf!);
  return top!;
}

/** IMPORT_FROM: module.name, or the submodule, or ImportError with CPython's message. */
export function importFrom(module: PyObject, name: string): PyObject {
  if ((module as PyModule & { opaque?: boolean }).opaque) return newOpaque(`${(module as PyModule).name}.${name}`);
  const v = getAttrOpt(module, name);
  if (v) return v;
  const modName = module instanceof PyModule ? module.name : '?';
  const sub = dict.getItemStr(rt.modules, `${modName}.${name}`);
  if (sub) return incref(sub);
  return raise(excType('ImportError'), `cannot import name '${name}' from '${modName}' (unknown location)`);
}

/** from module import *: __all__, or every name not starting with an underscore. */
export function importStar(module: PyObject, locals: PyDict): void {
  const all = getAttrOpt(module, '__all__');
  if (all) {
    try {
      iterate(all, (n) => {
        try {
          const v = getAttr(module, n as PyStr);
          dict.setItem(locals, n, v);
          decref(v);
        } finally {
          decref(n);
        }
      });
    } finally {
      decref(all);
    }
    return;
  }
  if (!(module instanceof PyModule)) return;
  for (const e of dict.entries(module.dict)) {
    if (e.key instanceof PyStr && !e.key.value.startsWith('_')) dict.setItem(locals, e.key, e.value);
  }
}

