// The import system of the simulation: modules written in the simulator (sys, gc, math, ...), sibling .py files
// of the program (given by the front end, never read from disk here), and, for anything else, an opaque module
// whose every attribute is "not simulated" (the run goes on; values that depend on it are marked).
import { excType, getAttr, getAttrOpt, iterate } from '../abstract';
import { PyDict, PyModule, PyObject, PyStr, PyTuple } from '../objects';
import { alloc, decref, incref, newDict, newStr, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { newOpaque } from '../types/misc';
import { STDLIB_MODULE_NAMES } from '../stdlibNames';

/** Native module makers, by name: each fills the module's dict. */
export const nativeModules = new Map<string, (m: PyModule) => void>();

/** A module's source text and the file name its __file__ and tracebacks show. */
export interface ModuleSource {
  source: string;
  filename: string;
}

/** The program's sibling modules, found on demand (RunOptions.findModule), and the function that runs a source
 *  as a module. */
export const moduleSources = {
  find: null as null | ((name: string) => ModuleSource | undefined),
  run: null as null | ((source: string, filename: string, module: PyModule) => void),
};

/**
 * Modules a file next to the program cannot shadow: sys.meta_path asks BuiltinImporter and FrozenImporter before
 * PathFinder searches sys.path (Lib/importlib/_bootstrap.py), and site imports `encodings` at startup. The names
 * are sys.builtin_module_names and _imp._frozen_module_names() of CPython 3.11 on Linux.
 */
const BUILTIN_OR_FROZEN = new Set([
  '_abc', '_ast', '_codecs', '_collections', '_functools', '_imp', '_io', '_locale', '_operator', '_signal', '_sre',
  '_stat', '_string', '_symtable', '_thread', '_tokenize', '_tracemalloc', '_warnings', '_weakref', 'atexit',
  'builtins', 'errno', 'faulthandler', 'gc', 'itertools', 'marshal', 'posix', 'pwd', 'sys', 'time', 'xxsubtype',
  '_collections_abc', '_frozen_importlib', '_frozen_importlib_external', '_sitebuiltins', 'abc', 'codecs',
  'genericpath', 'io', 'ntpath', 'os', 'posixpath', 'runpy', 'site', 'stat', 'zipimport', 'encodings',
]);

/** What the import system notes on a module it runs from source, for its error messages: spec._initializing, and
 *  spec.origin when the file is in the program's folder (_PyModule_IsPossiblyShadowing: it may hide a library). */
export interface ImportState {
  initializing?: boolean;
  shadowing?: string;
}

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
  // sys.path[0] is the program's folder: its files come before the standard library (Modules/main.c).
  const sibling = BUILTIN_OR_FROZEN.has(name) ? undefined : moduleSources.find?.(name);
  const native = sibling ? undefined : nativeModules.get(name);
  const source = sibling?.source ?? pythonModules.get(name);
  let m: PyModule;
  if (native) {
    m = newModule(name);
    dict.setItemStr(rt.modules, name, m);
    native(m);
  } else if (source !== undefined && moduleSources.run) {
    m = newModule(name);
    const filename = sibling?.filename ?? `${name.replace(/\./g, '/')}.py`;
    const file = newStr(filename);
    dict.setItemStr(m.dict, '__file__', file);
    decref(file);
    dict.setItemStr(rt.modules, name, m);
    const state: ImportState = m as PyModule & ImportState;
    state.initializing = true;
    if (sibling) state.shadowing = filename;
    try {
      moduleSources.run(source, filename, m);
    } catch (e) {
      dict.delItemStr(rt.modules, name);
      decref(m);
      throw e;
    } finally {
      state.initializing = false;
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
  return raise(excType('ImportError'), importFromMessage(module, modName, name));
}

/** import_from's message (Python/ceval.c): where the module is from, and why it may lack the name. */
function importFromMessage(module: PyObject, modName: string, name: string): string {
  const file = module instanceof PyModule ? dict.getItemStr(module.dict, '__file__') : undefined;
  const { initializing, shadowing } = module as PyObject & ImportState;
  const head = `cannot import name '${name}' from '${modName}'`;
  if (rt.v >= 313 && shadowing !== undefined) {
    // 3.13: a file in the program's folder may hide the module the program meant.
    if (STDLIB_MODULE_NAMES.has(modName)) {
      return `${head} (consider renaming '${shadowing}' since it has the same name as the standard library module named '${modName}' and prevents importing that standard library module)`;
    }
    if (initializing) return `${head} (consider renaming '${shadowing}' if it has the same name as a library you intended to import)`;
  }
  if (!(file instanceof PyStr)) return `${head} (unknown location)`;
  if (initializing) {
    return `cannot import name '${name}' from partially initialized module '${modName}' (most likely due to a circular import) (${file.value})`;
  }
  return `${head} (${file.value})`;
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

