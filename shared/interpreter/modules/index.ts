// The import system of the simulation: modules written in the simulator (sys, gc, math, ...), the program's own
// modules and packages (given by the front end, never read from disk here), and, for anything else, an opaque module
// whose every attribute is "not simulated" (the run goes on; values that depend on it are marked).
import { excType, getAttr, getAttrOpt, isTrue, iterate } from '../abstract';
import { PyDict, PyModule, PyObject, PyStr } from '../objects';
import { PyRaise, alloc, decref, incref, newDict, newException, newList, newStr, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { newOpaque } from '../types/misc';
import { STDLIB_MODULE_NAMES } from '../stdlibNames';

/** Native module makers, by name: each fills the module's dict. */
export const nativeModules = new Map<string, (m: PyModule) => void>();

/**
 * A module of the program's own, as the front end found it: a `.py` file, a package's `__init__.py` (with `path`,
 * the folders its submodules are searched in: its `__path__`), or a namespace package (a folder without
 * `__init__.py`: `namespace`, no source, `filename` unused).
 */
export interface ModuleSource {
  source: string;
  /** The file its __file__ and tracebacks show. */
  filename: string;
  /** A package: its __path__. */
  path?: string[];
  /** A namespace package: `path` holds its folders, and no code runs. */
  namespace?: boolean;
}

/**
 * Finds a module of the program's own (RunOptions.findModule): `name` is the full dotted name, `path` the folders
 * to search (the parent package's __path__), or null for a top-level module (the program's folder, sys.path[0]).
 */
export type FindModule = (name: string, path: readonly string[] | null) => ModuleSource | undefined;

/** The program's own modules, found on demand (RunOptions.findModule), and the function that runs a source as a
 *  module. */
export const moduleSources = {
  find: null as null | FindModule,
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
  /** Found by findModule: its submodules are searched in its __path__, as PathFinder does. */
  program?: boolean;
  /** spec._uninitialized_submodules: the submodules being imported (bound as attributes when done). */
  uninitializedSubmodules?: string[];
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

/** ImportError or ModuleNotFoundError with its `name` attribute (what _handle_fromlist compares). */
function raiseImport(type: string, message: string, name: string | null): never {
  const exc = newException(excType(type), [newStr(message)]);
  if (name !== null) exc.name = newStr(name);
  throw new PyRaise(exc);
}

/** Runs (or, for a namespace package, just makes) a module the program's front end found. A new reference. */
function loadProgramModule(name: string, found: ModuleSource, topLevel: boolean): PyModule {
  const m = newModule(name);
  const state: ImportState = m as PyModule & ImportState;
  state.program = true;
  // _init_module_attrs: a package is its own __package__, a module its parent's ('' at the top level).
  const pkg = newStr(found.path ? name : name.slice(0, Math.max(0, name.lastIndexOf('.'))));
  dict.setItemStr(m.dict, '__package__', pkg);
  decref(pkg);
  if (found.path) {
    const folders = newList(found.path.map((p) => newStr(p)));
    dict.setItemStr(m.dict, '__path__', folders);
    decref(folders);
  }
  if (found.namespace) {
    dict.setItemStr(m.dict, '__file__', rt.None);
    dict.setItemStr(rt.modules, name, m);
    return m;
  }
  const file = newStr(found.filename);
  dict.setItemStr(m.dict, '__file__', file);
  decref(file);
  dict.setItemStr(rt.modules, name, m);
  state.initializing = true;
  // _PyModule_IsPossiblyShadowing (3.13): the file lies in sys.path[0] itself, not in a package's folder.
  if (topLevel && !found.path) state.shadowing = found.filename;
  try {
    moduleSources.run!(found.source, found.filename, m);
  } catch (e) {
    dict.delItemStr(rt.modules, name);
    decref(m);
    throw e;
  } finally {
    state.initializing = false;
  }
  return m;
}

/** Standard-library modules added after 3.11, with the version that added them. */
const STDLIB_SINCE: Record<string, number> = { annotationlib: 314 };

/** A module the program's files do not provide: written in the simulator, or opaque. A new reference. */
function loadOtherModule(name: string): PyModule {
  const native = nativeModules.get(name);
  const source = pythonModules.get(name);
  let m: PyModule;
  if (native) {
    m = newModule(name);
    dict.setItemStr(rt.modules, name, m);
    native(m);
  } else if (source !== undefined && moduleSources.run) {
    m = newModule(name);
    const filename = `${name.replace(/\./g, '/')}.py`;
    const file = newStr(filename);
    dict.setItemStr(m.dict, '__file__', file);
    decref(file);
    dict.setItemStr(rt.modules, name, m);
    const state: ImportState = m as PyModule & ImportState;
    state.initializing = true;
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
    // A standard-library module newer than this version is missing, as in CPython.
    if ((STDLIB_SINCE[name] ?? 0) > rt.v) raiseImport('ModuleNotFoundError', `No module named '${name}'`, name);
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

/** The modules imported so far that the simulator does not model (opaque: their values are placeholders). */
export function notModelledModules(): string[] {
  return dict.entries(rt.modules)
    .filter((e) => (e.value as PyModule & { opaque?: boolean }).opaque)
    .map((e) => (e.key as PyStr).value);
}

/** _find_and_load (Lib/importlib/_bootstrap.py): sys.modules, or the parent package first and then the module
 *  searched in the parent's __path__, bound as an attribute of the parent. A new reference. */
function findAndLoad(name: string): PyObject {
  const cached = dict.getItemStr(rt.modules, name);
  if (cached) return incref(cached);
  const dot = name.lastIndexOf('.');
  if (dot < 0) {
    // sys.path[0] is the program's folder: its files come before the standard library (Modules/main.c), but a
    // folder without __init__.py there is only a namespace portion, which a module found later on sys.path beats.
    let found = BUILTIN_OR_FROZEN.has(name) ? undefined : moduleSources.find?.(name, null);
    if (found?.namespace && (nativeModules.has(name) || pythonModules.has(name) || STDLIB_MODULE_NAMES.has(name))) {
      found = undefined;
    }
    return found && moduleSources.run ? loadProgramModule(name, found, true) : loadOtherModule(name);
  }
  const parentName = name.slice(0, dot);
  if (!dict.getItemStr(rt.modules, parentName)) decref(findAndLoad(parentName));
  // Importing the parent may have imported this module.
  const again = dict.getItemStr(rt.modules, name);
  if (again) return incref(again);
  const parent = dict.getItemStr(rt.modules, parentName);
  let m: PyObject;
  if (parent && (parent as PyObject & ImportState).program) {
    const parentPath = parent instanceof PyModule ? dict.getItemStr(parent.dict, '__path__') : undefined;
    if (!parentPath) {
      raiseImport('ModuleNotFoundError', `No module named '${name}'; '${parentName}' is not a package`, name);
    }
    const folders: string[] = [];
    iterate(parentPath, (p) => {
      if (p instanceof PyStr) folders.push(p.value);
      decref(p);
    });
    const found = moduleSources.find?.(name, folders);
    if (!found || !moduleSources.run) raiseImport('ModuleNotFoundError', `No module named '${name}'`, name);
    const pending = ((parent as PyObject & ImportState).uninitializedSubmodules ??= []);
    pending.push(name.slice(dot + 1));
    try {
      m = loadProgramModule(name, found, false);
    } finally {
      pending.pop();
    }
  } else {
    m = loadOtherModule(name);
  }
  if (parent instanceof PyModule) dict.setItemStr(parent.dict, name.slice(dot + 1), m);
  return m;
}

/** resolve_name (Python/import.c): the absolute name of a relative import, from the importing module's
 *  __package__ (or, without it, its __name__ and __path__). */
function resolveName(name: string, globals: PyDict, level: number): string {
  let pkg = dict.getItemStr(globals, '__package__');
  let packageName: string;
  if (pkg && pkg !== rt.None) {
    if (!(pkg instanceof PyStr)) raise(excType('TypeError'), 'package must be a string');
    packageName = pkg.value;
  } else {
    // (__spec__ is never set here.) ImportWarning, ignored by default: fall back on __name__ and __path__.
    pkg = dict.getItemStr(globals, '__name__');
    if (!pkg) raise(excType('KeyError'), "'__name__' not in globals");
    if (!(pkg instanceof PyStr)) raise(excType('TypeError'), '__name__ must be a string');
    packageName = pkg.value;
    if (!dict.getItemStr(globals, '__path__')) {
      const dotAt = packageName.lastIndexOf('.');
      if (dotAt < 0) raiseImport('ImportError', 'attempted relative import with no known parent package', null);
      packageName = packageName.slice(0, dotAt);
    }
  }
  let lastDot = packageName.length;
  if (lastDot === 0) raiseImport('ImportError', 'attempted relative import with no known parent package', null);
  for (let up = 1; up < level; up++) {
    lastDot = packageName.lastIndexOf('.', lastDot - 1);
    if (lastDot < 0) raiseImport('ImportError', 'attempted relative import beyond top-level package', null);
  }
  const base = packageName.slice(0, lastDot);
  return name ? `${base}.${name}` : base;
}

/** _handle_fromlist: `from package import name` imports the submodule when the package lacks the attribute. */
function handleFromlist(module: PyModule, fromlist: PyObject, recursive: boolean): void {
  const names: PyObject[] = [];
  iterate(fromlist, (x) => void names.push(x));
  try {
    for (const x of names) {
      if (!(x instanceof PyStr)) continue; // (the TypeError CPython raises here is left out)
      if (x.value === '*') {
        if (recursive) continue;
        const all = getAttrOpt(module, '__all__');
        if (all) {
          try {
            handleFromlist(module, all, true);
          } finally {
            decref(all);
          }
        }
        continue;
      }
      const has = getAttrOpt(module, x.value);
      if (has) {
        decref(has);
        continue;
      }
      const fromName = `${module.name}.${x.value}`;
      try {
        decref(findAndLoad(fromName));
      } catch (e) {
        if (e instanceof PyRaise && e.exc.ob_type === excType('ModuleNotFoundError') && e.exc.name instanceof PyStr &&
            e.exc.name.value === fromName && dict.getItemStr(rt.modules, fromName) !== rt.None) {
          decref(e.exc);
          continue;
        }
        throw e;
      }
    }
  } finally {
    for (const x of names) decref(x);
  }
}

/** __import__(name, globals, locals, fromlist, level) (PyImport_ImportModuleLevelObject): the top package, or the
 *  module itself with a fromlist. */
export function importName(name: string, globals: PyDict, fromlist: PyObject, level: number): PyObject {
  if (level < 0) raise(excType('ValueError'), 'level must be >= 0');
  if (level === 0 && !name) raise(excType('ValueError'), 'Empty module name');
  const absName = level > 0 ? resolveName(name, globals, level) : name;
  const mod = findAndLoad(absName);
  const hasFromlist = fromlist !== rt.None && isTrue(fromlist);
  if (!hasFromlist) {
    if (level === 0 || name.length > 0) {
      const dot = name.indexOf('.');
      if (dot < 0) return mod;
      decref(mod);
      if (level === 0) return findAndLoad(name.slice(0, dot));
      const toReturn = absName.slice(0, absName.length - (name.length - dot));
      const final = dict.getItemStr(rt.modules, toReturn);
      if (!final) raise(excType('KeyError'), `'${toReturn}' not in sys.modules as expected`);
      return incref(final);
    }
    return mod;
  }
  if (mod instanceof PyModule && (mod as PyModule & ImportState).program && dict.getItemStr(mod.dict, '__path__')) {
    try {
      handleFromlist(mod, fromlist, false);
    } catch (e) {
      decref(mod);
      throw e;
    }
  }
  return mod;
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

