// The builtin exception classes (Objects/exceptions.c): the hierarchy, BaseException's args/str/repr and
// chaining attributes, and the few classes with attributes of their own (StopIteration.value, SystemExit.code,
// KeyError's str, NameError.name, OSError's errno/strerror).
import { callMethod, excType, genericGetAttr, genericSetAttr, iterate, reprText, str, strText, typeName } from '../abstract';
import { PyBaseException, PyDict, PyObject, PyStr, PyTuple, PyType } from '../objects';
import { alloc, decref, incref, newList, newStr, newTuple, raise, rt, xdecref } from '../runtime';
import { computeLinearMro, type TypeTable } from '../typetable';
import { method } from './util';
import * as dict from './dict';

/** [name, base] in definition order (Objects/exceptions.c, Lib/test/exception_hierarchy.txt). */
const HIERARCHY: [string, string][] = [
  ['BaseException', 'object'],
  ['BaseExceptionGroup', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['SystemExit', 'BaseException'],
  ['Exception', 'BaseException'],
  ['ArithmeticError', 'Exception'],
  ['FloatingPointError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'],
  ['EOFError', 'Exception'],
  ['ExceptionGroup', 'BaseExceptionGroup'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['MemoryError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['OSError', 'Exception'],
  ['BlockingIOError', 'OSError'],
  ['ChildProcessError', 'OSError'],
  ['ConnectionError', 'OSError'],
  ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'],
  ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'],
  ['FileExistsError', 'OSError'],
  ['FileNotFoundError', 'OSError'],
  ['InterruptedError', 'OSError'],
  ['IsADirectoryError', 'OSError'],
  ['NotADirectoryError', 'OSError'],
  ['PermissionError', 'OSError'],
  ['ProcessLookupError', 'OSError'],
  ['TimeoutError', 'OSError'],
  ['ReferenceError', 'Exception'],
  ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'],
  ['PythonFinalizationError', 'RuntimeError'],
  ['StopAsyncIteration', 'Exception'],
  ['StopIteration', 'Exception'],
  ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'],
  ['SystemError', 'Exception'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'],
  ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'],
  ['UnicodeTranslateError', 'UnicodeError'],
  ['Warning', 'Exception'],
  ['BytesWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'],
  ['EncodingWarning', 'Warning'],
  ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'],
  ['PendingDeprecationWarning', 'Warning'],
  ['ResourceWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['SyntaxWarning', 'Warning'],
  ['UnicodeWarning', 'Warning'],
  ['UserWarning', 'Warning'],
];

/** Makes the exception type objects (before dicts exist: bootstrap attaches them). */
export function makeExceptionTypes(t: TypeTable): void {
  for (const [name, baseName] of HIERARCHY) {
    if (name === 'PythonFinalizationError' && rt.v < 313) continue;
    const base = baseName === 'object' ? t.object : t.exc.get(baseName)!;
    // ExceptionGroup is made by PyErr_NewException with the bases (BaseExceptionGroup, Exception)
    // (create_exception_group_class in Objects/exceptions.c).
    const second = name === 'ExceptionGroup' ? t.exc.get('Exception')! : null;
    const type = new PyType(t.type, name, base, second ? [base, second] : undefined);
    // PyBaseExceptionObject: the object header, dict, args, notes, traceback, context, cause and a padded char.
    type.basicsize = (9 + extraFields(name)) * rt.version.ptr;
    type.hasGC = true;
    type.instanceDict = true;
    // No weakref list in PyBaseExceptionObject (tp_weaklistoffset 0); ExceptionGroup, made by type_new, has one.
    type.weakrefable = name === 'ExceptionGroup';
    type.mro = second ? [type, base, ...second.mro] : computeLinearMro(type);
    t.exc.set(name, type);
  }
}

function extraFields(name: string): number {
  switch (name) {
    case 'StopIteration': case 'SystemExit': return 1;
    case 'BaseExceptionGroup': return 2;
    case 'ExceptionGroup': return 3; // and the __weakref__ slot a class made by PyErr_NewException has
    case 'NameError': return 1;
    case 'AttributeError': return 2;
    case 'ImportError': case 'ModuleNotFoundError': return rt.v >= 312 ? 4 : 3; // msg, name, path, 3.12 name_from
    case 'OSError': return 5;
    case 'SyntaxError': return rt.v >= 314 ? 9 : 8; // 3.14 adds metadata
    default: return 0;
  }
}

/** The exception's str() (BaseException_str and the subclasses' own). */
export function exceptionStr(e: PyBaseException): string {
  const args = e.args.items;
  if (isA(e, 'KeyError') && args.length === 1) return reprText(args[0]);
  if (isA(e, 'OSError') && args.length >= 2) {
    const errno = args[0];
    const strerror = args[1];
    const filename = args.length >= 3 ? args[2] : null;
    if (filename && filename !== rt.None) return `[Errno ${strText(errno)}] ${strText(strerror)}: ${reprText(filename)}`;
    return `[Errno ${strText(errno)}] ${strText(strerror)}`;
  }
  if (isA(e, 'SyntaxError')) {
    const msg = args.length ? strText(args[0]) : '';
    const info = args.length > 1 && args[1] instanceof PyTuple ? args[1].items : null;
    if (info && info.length >= 2) {
      const file = info[0] instanceof PyStr ? info[0].value.split('/').pop() : null;
      return `${msg} (${file ?? '?'}, line ${strText(info[1])})`;
    }
    return msg;
  }
  if (args.length === 0) return '';
  if (args.length === 1) return strText(args[0]);
  return strText(e.args);
}

function isA(e: PyObject, name: string): boolean {
  const t = rt.t.exc.get(name);
  return !!t && (e.ob_type === t || e.ob_type.mro.includes(t));
}

function exceptionAttr(self: PyObject, name: PyStr): PyObject | null {
  const e = self as PyBaseException;
  switch (name.value) {
    case 'args': return incref(e.args);
    case '__traceback__': return incref(e.traceback ?? rt.None);
    case '__context__': return incref(e.context ?? rt.None);
    case '__cause__': return incref(e.cause ?? rt.None);
    case '__suppress_context__': return incref(e.suppressContext ? rt.True : rt.False);
    case '__dict__': return incref((e.dict ??= dict.newDictObject()));
  }
  const own = genericGetAttr(self, name.value, true);
  if (own) return own;
  const args = e.args.items;
  switch (name.value) {
    case 'value': if (isA(e, 'StopIteration')) return incref(args[0] ?? rt.None); break;
    case 'code': if (isA(e, 'SystemExit')) return args.length > 1 ? incref(e.args) : incref(args[0] ?? rt.None); break;
    case 'name': if (isA(e, 'NameError') || isA(e, 'AttributeError') || isA(e, 'ImportError')) return incref(e.name ?? rt.None); break;
    case 'obj': if (isA(e, 'AttributeError')) return incref(e.obj ?? rt.None); break;
    case 'msg': if (isA(e, 'SyntaxError') || isA(e, 'ImportError')) return incref(args[0] ?? rt.None); break;
    case 'errno': if (isA(e, 'OSError')) return incref(args.length >= 2 ? args[0] : rt.None); break;
    case 'strerror': if (isA(e, 'OSError')) return incref(args.length >= 2 ? args[1] : rt.None); break;
    case 'filename': if (isA(e, 'OSError')) return incref(args.length >= 3 ? args[2] : rt.None); break;
  }
  return null;
}

function exceptionSetattr(self: PyObject, name: PyStr, value: PyObject | null): void {
  const e = self as PyBaseException;
  const need = (): PyObject => {
    if (!value) raise(excType('TypeError'), `${name.value} may not be deleted`);
    return value!;
  };
  switch (name.value) {
    case 'args': {
      const v = need();
      const items: PyObject[] = [];
      iterate(v, (x) => items.push(x));
      const old = e.args;
      e.args = newTuple(items);
      decref(old);
      return;
    }
    case '__traceback__': {
      const v = need();
      if (v !== rt.None && v.ob_type !== rt.t.traceback) raise(excType('TypeError'), '__traceback__ must be a traceback or None');
      const old = e.traceback;
      e.traceback = v === rt.None ? null : incref(v);
      xdecref(old);
      return;
    }
    case '__context__':
    case '__cause__': {
      const v = need();
      if (v !== rt.None && !(v instanceof PyBaseException)) {
        raise(excType('TypeError'), `exception ${name.value === '__cause__' ? 'cause' : 'context'} must be None or derive from BaseException`);
      }
      const key = name.value === '__cause__' ? 'cause' : 'context';
      const old = e[key];
      e[key] = v === rt.None ? null : incref(v);
      if (key === 'cause') e.suppressContext = true;
      xdecref(old);
      return;
    }
    case '__suppress_context__':
      e.suppressContext = need() === rt.True;
      return;
  }
  genericSetAttr(self, name.value, value);
}

export function install(t: TypeTable): void {
  const base = t.exc.get('BaseException')!;
  base.slots.tp_new = (type, args) => {
    const e = alloc(new PyBaseException(type, newTuple(args.map(incref))), type.basicsize);
    return e;
  };
  base.slots.tp_init = (self, args, kwnames) => {
    if (kwnames && kwnames.length && self.ob_type.mro.every((c) => c.heapType || c === base || !['NameError', 'AttributeError', 'ImportError'].includes(c.name))) {
      if (!self.ob_type.heapType) raise(excType('TypeError'), `${self.ob_type.name}() takes no keyword arguments`);
    }
    const e = self as PyBaseException;
    const nkw = kwnames ? kwnames.length : 0;
    const old = e.args;
    e.args = newTuple(args.slice(0, args.length - nkw).map(incref));
    decref(old);
    for (let i = 0; i < nkw; i++) {
      const d = (e.dict ??= dict.newDictObject());
      dict.setItemStr(d, kwnames![i].value, args[args.length - nkw + i]);
    }
  };
  base.slots.tp_str = (self) => {
    const e = self as PyBaseException;
    // BaseException_str (Objects/exceptions.c): PyObject_Str(args[0]) for one argument, which is args[0] itself
    // when it is a str: `str(e)` shares the message object (its refcount shows it).
    if (e.args.items.length === 1 && !isA(e, 'KeyError') && !isA(e, 'SyntaxError')) return str(e.args.items[0]);
    return newStr(exceptionStr(e));
  };
  base.slots.tp_repr = (self) => {
    const e = self as PyBaseException;
    const name = self.ob_type.name;
    if (e.args.items.length === 1) return newStr(`${name}(${reprText(e.args.items[0])})`);
    return newStr(`${name}${reprText(e.args)}`);
  };
  base.slots.tp_getattro = exceptionAttr;
  base.slots.tp_setattro = exceptionSetattr;
  // BaseException_clear (Objects/exceptions.c), what the collector calls: dict, args, notes, traceback, cause,
  // context. args becomes the empty tuple here (CPython leaves NULL, which every reader of args checks).
  base.gcClear = (self) => {
    const e = self as PyBaseException;
    const args = e.args;
    e.args = newTuple([]);
    base.slots.tp_clear!(self);
    decref(args);
  };
  base.slots.tp_clear = (self) => {
    // BaseException_dealloc: dict, args, notes, traceback, cause, context.
    const e = self as PyBaseException;
    const parts = [e.dict, e.args, e.notes, e.traceback, e.cause, e.context, e.name, e.obj];
    e.name = null;
    e.obj = null;
    e.dict = null;
    e.notes = null;
    e.traceback = null;
    e.cause = null;
    e.context = null;
    for (const p of parts) xdecref(p);
  };
  base.slots.tp_traverse = (self, visit) => {
    const e = self as PyBaseException;
    for (const p of [e.dict, e.args, e.notes, e.traceback, e.cause, e.context, e.name, e.obj]) if (p) visit(p);
  };
  method(base, 'with_traceback', (args, _k, self) => {
    const e = self as PyBaseException;
    const tb = args[0];
    const old = e.traceback;
    e.traceback = tb === rt.None ? null : incref(tb);
    xdecref(old);
    return incref(self!);
  });
  if (rt.v >= 311) {
    method(base, 'add_note', (args, _k, self) => {
      const e = self as PyBaseException;
      if (!(args[0] instanceof PyStr)) raise(excType('TypeError'), `note must be a str, not '${typeName(args[0])}'`);
      const d = (e.dict ??= dict.newDictObject());
      let notes = dict.getItemStr(d, '__notes__');
      if (!notes) {
        notes = newList([]);
        dict.setItemStr(d, '__notes__', notes);
        decref(notes);
      }
      decref(callMethod(notes, 'append', [args[0]]));
      return incref(rt.None);
    });
  }
  method(base, '__reduce__', (_a, _k, self) => newTuple([incref(self!.ob_type), incref((self as PyBaseException).args)]));
  void PyDict;
}
