// exec(), eval() and compile() (Python/bltinmodule.c): source compiled by the simulator's own compiler and run
// in a frame over the given globals and locals, as runModuleSource runs a module. The stdlib modules written in
// Python need them (namedtuple and dataclasses make functions from source text, as CPython's do).
import { parse } from '../../parser';
import type { Expr, Module, Stmt } from '../../parser/ast';
import { call, excType, indexValue, isInstance, typeName } from '../abstract';
import { CodeObject } from '../code';
import { CompileError, compileModule } from '../compiler';
import { Frame } from '../frame';
import { PyDict, PyObject, PyStr, type PyModule } from '../objects';
import { decref, fillUtf8, incref, newDict, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { bindArgs, builtinFunction } from '../types/util';
import { evalFrame } from '../vm';
import { bytesLike, decodeBytes } from '../types/bytes';
import { importName } from './index';

const EVAL_RESULT = '__simulator_eval_result__';

/** Code objects compiled in 'eval' mode: running them leaves the expression's value under EVAL_RESULT. */
const evalCodes = new WeakSet<CodeObject>();

function syntaxError(message: string, filename: string, lineno: number): never {
  return raise(excType('SyntaxError'), `${message} (${filename}, line ${lineno})`);
}

/** Compiles source text in mode 'exec' or 'eval' (a new reference to the code object). */
export function compileSource(source: string, filename: string, mode: string): CodeObject {
  if (mode === 'eval') source = source.replace(/^[ \t]+/, '');
  const parsed = parse(source);
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    syntaxError(e.message, filename, e.lineno);
  }
  let module: Module = parsed.module;
  if (mode === 'eval') {
    const body = module.body;
    if (body.length !== 1 || body[0]._type !== 'Expr') syntaxError('invalid syntax', filename, body[1]?.lineno ?? 1);
    const stmt = body[0] as Stmt & { value: Expr };
    const loc = { lineno: stmt.lineno, col_offset: stmt.col_offset, end_lineno: stmt.end_lineno, end_col_offset: stmt.end_col_offset };
    const target = { _type: 'Name', id: EVAL_RESULT, ctx: 'Store', ...loc } as Expr;
    const assign = { _type: 'Assign', targets: [target], value: stmt.value, type_comment: null, ...loc } as Stmt;
    module = { ...module, body: [assign] };
  } else if (mode !== 'exec' && mode !== 'single') {
    raise(excType('ValueError'), "compile() mode must be 'exec', 'eval' or 'single'");
  }
  let code: CodeObject;
  try {
    code = compileModule(module, filename, { version: rt.v });
  } catch (e) {
    if (e instanceof CompileError) syntaxError(e.message, filename, e.lineno);
    throw e;
  }
  if (mode === 'eval') evalCodes.add(code);
  return code;
}

/** The globals and locals exec/eval run with: the caller's when not given (Python/bltinmodule.c). */
function namespaces(fname: string, globals: PyObject | null, locals: PyObject | null): [PyDict, PyDict] {
  if (globals === rt.None) globals = null;
  if (locals === rt.None) locals = null;
  if (globals && !(globals instanceof PyDict)) {
    raise(excType('TypeError'), fname === 'exec'
      ? `exec() globals must be a dict, not ${typeName(globals)}`
      : `globals must be a real dict; try eval(expr, {}, mapping)`);
  }
  if (locals && !(locals instanceof PyDict)) raise(excType('TypeError'), `locals must be a mapping`);
  if (!globals) {
    const f = rt.frame;
    if (!f) raise(excType('SystemError'), `${fname}(): no current frame`);
    const g = incref(f!.globals);
    let l: PyDict;
    if (locals) l = incref(locals as PyDict);
    else if (f!.locals) l = incref(f!.locals);
    else {
      const localsFn = dict.getItemStr(rt.builtins, 'locals')!;
      l = call(localsFn, []) as PyDict;
    }
    return [g, l];
  }
  const g = globals as PyDict;
  if (!dict.getItemStr(g, '__builtins__')) dict.setItemStr(g, '__builtins__', rt.builtins);
  return [incref(g), incref((locals ?? g) as PyDict)];
}

/** Runs a code object over globals and locals; the value of an 'eval' code, else None (a new reference). */
export function runCode(code: CodeObject, globals: PyDict, locals: PyDict): PyObject {
  const frame = new Frame(code, incref(globals), rt.builtins, locals, null);
  try {
    decref(evalFrame(frame, null));
  } finally {
    decref(globals);
  }
  if (evalCodes.has(code)) {
    const v = dict.getItemStr(locals, EVAL_RESULT);
    if (!v) return incref(rt.None);
    incref(v);
    dict.delItemStr(locals, EVAL_RESULT);
    return v;
  }
  return incref(rt.None);
}

function sourceOf(fname: string, o: PyObject, mode: string): CodeObject {
  if (o instanceof CodeObject) return incref(o);
  if (o instanceof PyStr) {
    fillUtf8(o); // _Py_SourceAsString (Python/pythonrun.c) reads the text with PyUnicode_AsUTF8AndSize
    return compileSource(o.value, '<string>', mode);
  }
  const b = bytesLike(o);
  if (b) return compileSource(decodeBytes(b), '<string>', mode);
  return raise(excType('TypeError'), `${fname}() arg 1 must be a string, bytes or code object`);
}

function execOrEval(fname: 'exec' | 'eval', args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const [src, g, l] = bindArgs(fname, args, kwnames, ['source', 'globals', 'locals'], 1, 1);
  const code = sourceOf(fname, src!, fname);
  let ns: [PyDict, PyDict];
  try {
    ns = namespaces(fname, g, l);
  } catch (e) {
    decref(code);
    throw e;
  }
  const [globals, locals] = ns;
  try {
    const r = runCode(code, globals, locals);
    if (fname === 'exec' && !evalCodes.has(code)) return r;
    return r;
  } finally {
    decref(locals);
    decref(globals);
    decref(code);
  }
}

/** Adds exec, eval and compile to the builtins dict. */
export function installExecEval(builtins: PyDict): void {
  const add = (name: string, fn: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const f = builtinFunction(name, fn);
    dict.setItemStr(builtins, name, f);
    decref(f);
  };
  add('exec', (args, kw) => {
    const r = execOrEval('exec', args, kw);
    decref(r);
    return incref(rt.None);
  });
  add('eval', (args, kw) => execOrEval('eval', args, kw));
  add('compile', (args, kw) => {
    const [src, filename, mode] = bindArgs('compile', args, kw, ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize'], 3);
    if (!(filename instanceof PyStr)) raise(excType('TypeError'), `compile() argument 'filename' must be str, not ${typeName(filename!)}`);
    if (!(mode instanceof PyStr)) raise(excType('TypeError'), `compile() argument 'mode' must be str, not ${typeName(mode!)}`);
    if (!(src instanceof PyStr)) raise(excType('TypeError'), 'compile() arg 1 must be a string, bytes or AST object');
    fillUtf8(src as PyStr); // _Py_SourceAsString, as for exec
    return compileSource((src as PyStr).value, (filename as PyStr).value, (mode as PyStr).value);
  });
  add('__import__', (args, kw) => {
    const [name, globals, , fromlist, level] = bindArgs('__import__', args, kw, ['name', 'globals', 'locals', 'fromlist', 'level'], 1);
    if (!(name instanceof PyStr)) raise(excType('TypeError'), `__import__() argument 1 must be str, not ${typeName(name!)}`);
    return importName((name as PyStr).value, (globals instanceof PyDict ? globals : rt.builtins), fromlist ?? rt.None, level ? Number(indexValue(level)) : 0);
  });
  void isInstance;
  void newDict;
}

export type { PyModule };
