// The evaluation loop (Python/ceval.c): runs a frame's instructions, owning the references on its value stack
// exactly where CPython's does, so sys.getrefcount and deallocation timing come out as CPython's.
import {
  binaryOp, call, contains, excType, getAttr, getItem, getIter, inplaceOp, isInstance, isSubtype, isTrue, iterNext, lookupType, richCompare, setAttr, setItem, typeName, unaryOp, descrGet, callDescriptor, hooks, length, str as pyStr, repr as pyRepr,
} from './abstract';
import type { CodeObject } from './code';
import { CodeFlag, Op } from './opcodes';
import { collectAutomatic } from './collector';
import { Frame } from './frame';
import { calculateSuggestion } from './suggestions';
import {
  PyBaseException, PyBuiltin, PyCell, PyDict, PyFrameObject, PyFunction, PyGenerator, PyInt, PyList, PyMethod, PyObject, PySlice, PyStr, PyTraceback, PyTuple, PyType,
} from './objects';
import {
  PyRaise, SimulationStopped, alloc, decref, incref, newBool, newDict, newException, newInt, newList, newStr, newTuple, newTupleFromArray, raise, rt, xdecref,
} from './runtime';
import { presize as presizeDict } from './types/dictkeys';
import * as dict from './types/dict';
import { checkEgMatch, prepReraiseStar } from './types/exceptiongroup';
import { listAppendSteal, listFromIterable } from './types/list';

/** The hooks the VM needs from the builtin types (installed by bootstrap). */
export const vmHooks = {
  newSet: null as unknown as (items: PyObject[]) => PyObject,
  setAdd: null as unknown as (s: PyObject, item: PyObject) => void,
  listExtend: null as unknown as (l: PyList, iterable: PyObject) => void,
  setUpdate: null as unknown as (s: PyObject, iterable: PyObject) => void,
  formatValue: null as unknown as (value: PyObject, spec: PyObject | null) => PyObject,
  importName: null as unknown as (name: string, globals: PyDict, fromlist: PyObject, level: number) => PyObject,
  importFrom: null as unknown as (module: PyObject, name: string) => PyObject,
  importStar: null as unknown as (module: PyObject, locals: PyDict) => void,
  buildClass: null as unknown as PyObject,
  matchClass: null as unknown as (subject: PyObject, cls: PyObject, nargs: number, kwnames: PyTuple) => PyObject,
  matchKeys: null as unknown as (subject: PyObject, keys: PyTuple) => PyObject,
  isMapping: null as unknown as (o: PyObject) => boolean,
  isSequence: null as unknown as (o: PyObject) => boolean,
  copyDictWithoutKeys: null as unknown as (subject: PyObject, keys: PyTuple) => PyObject,
  onLine: null as ((f: Frame, line: number) => void) | null,
  onCall: null as ((f: Frame) => void) | null,
  onReturn: null as ((f: Frame) => void) | null,
};

// ---------------------------------------------------------------- calling Python functions

/** The name argument errors give: the function's __qualname__ (which may have been reassigned). */

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

/**
 * Binds the arguments of a call to the new frame's fast locals (initialize_locals, Python/ceval.c).
 * `steal`: the args' references are handed over (a CALL from the eval loop moves them off its stack).
 */
function bindArguments(f: Frame, func: PyFunction, args: PyObject[], kwnames: PyStr[] | null, steal: boolean): void {
  const code = func.code;
  const fast = f.fast;
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const total = argcount + code.kwonlyargcount;
  const hasVarargs = (code.flags & CodeFlag.VARARGS) !== 0;
  const hasVarkw = (code.flags & CodeFlag.VARKEYWORDS) !== 0;
  const own = (o: PyObject): PyObject => (steal ? o : incref(o));
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = newDict();
    fast[total + (hasVarargs ? 1 : 0)] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) fast[i] = own(args[i]);
  if (hasVarargs) {
    const extra = args.slice(argcount, npos).map(own);
    fast[total] = newTupleFromArray(extra);
  } else if (npos > argcount) {
    if (steal) for (let i = argcount; i < args.length; i++) decref(args[i]);
    const given = npos;
    const defaults = func.defaults ? func.defaults.items.length : 0;
    const kwGiven = kwnames ? kwnames.filter((k) => code.localsplusnames.indexOf(k.value) >= argcount && code.localsplusnames.indexOf(k.value) < total).length : 0;
    const takes = defaults ? `from ${argcount - defaults} to ${argcount}` : String(argcount);
    const plural = argcount === 1 && !defaults ? '' : 's';
    const kwPart = kwGiven ? ` positional argument${given === 1 ? '' : 's'} (and ${kwGiven} keyword-only argument${kwGiven === 1 ? '' : 's'})` : '';
    raise(excType('TypeError'), `${func.qualname.value}() takes ${takes} positional argument${plural} but ${given}${kwPart || ''} ${given === 1 && !kwGiven ? 'was' : 'were'} given`);
  }
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k].value;
    const value = args[npos + k];
    let idx = -1;
    for (let j = code.posonlyargcount; j < total; j++) {
      if (code.localsplusnames[j] === name) { idx = j; break; }
    }
    if (idx < 0) {
      if (kwdict) {
        const posOnlyIdx = code.localsplusnames.slice(0, code.posonlyargcount).indexOf(name);
        void posOnlyIdx;
        dict.setItem(kwdict, kwnames![k], value);
        if (steal) decref(value);
        continue;
      }
      if (steal) decref(value);
      if (code.localsplusnames.slice(0, code.posonlyargcount).includes(name)) {
        raise(excType('TypeError'), `${func.qualname.value}() got some positional-only arguments passed as keyword arguments: '${name}'`);
      }
      // initialize_locals (Python/ceval.c): 3.13 suggests the nearest parameter that takes a keyword.
      const near = rt.v >= 313 ? calculateSuggestion(code.localsplusnames.slice(code.posonlyargcount, total), name) : null;
      raise(excType('TypeError'), `${func.qualname.value}() got an unexpected keyword argument '${name}'${near ? `. Did you mean '${near}'?` : ''}`);
    }
    if (fast[idx] !== null) {
      if (steal) decref(value);
      raise(excType('TypeError'), `${func.qualname.value}() got multiple values for argument '${name}'`);
    }
    fast[idx] = own(value);
  }
  // Defaults for missing positional parameters, then the missing-argument errors.
  if (npos < argcount) {
    const defaults = func.defaults ? func.defaults.items : [];
    const firstDefault = argcount - defaults.length;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (fast[i] !== null) continue;
      if (i >= firstDefault) fast[i] = incref(defaults[i - firstDefault]);
      else missing.push(code.localsplusnames[i]);
    }
    if (missing.length) {
      raise(excType('TypeError'), `${func.qualname.value}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
    }
  }
  if (code.kwonlyargcount) {
    const missing: string[] = [];
    for (let i = argcount; i < total; i++) {
      if (fast[i] !== null) continue;
      const name = code.localsplusnames[i];
      const d = func.kwdefaults ? dict.getItemStr(func.kwdefaults, name) : null;
      if (d) fast[i] = incref(d);
      else missing.push(name);
    }
    if (missing.length) {
      raise(excType('TypeError'), `${func.qualname.value}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
    }
  }
}

/** Py_EnterRecursiveCall for Python frames. */
function enterCall(): void {
  if (rt.depth >= rt.recursionLimit) {
    raise(excType('RecursionError'), 'maximum recursion depth exceeded');
  }
  rt.depth++;
}

/** Makes the frame for a call of func and binds its arguments (the frame owns a reference to func). */
export function makeFrame(func: PyFunction, args: PyObject[], kwnames: PyStr[] | null, steal: boolean): Frame {
  const f = new Frame(func.code, func.globals, rt.builtins, null, incref(func));
  try {
    bindArguments(f, func, args, kwnames, steal);
  } catch (e) {
    clearFrame(f);
    throw e;
  }
  return f;
}

/** The code takes exactly n positional arguments and nothing else (no *args, **kwargs or keyword-only
 *  parameters): a call with n positional arguments binds them as they are. */
function takesExactly(code: CodeObject, n: number): boolean {
  return code.argcount === n && code.kwonlyargcount === 0 && (code.flags & (CodeFlag.VARARGS | CodeFlag.VARKEYWORDS)) === 0;
}

/** Calls a Python function: args are borrowed (PyObject_Vectorcall from native code). */
export function callFunction(func: PyFunction, args: PyObject[], kwnames: PyStr[] | null): PyObject {
  const code = func.code;
  if (kwnames === null && takesExactly(code, args.length)) {
    // Exactly the positional parameters: nothing to bind but the arguments themselves.
    const f = new Frame(code, func.globals, rt.builtins, null, incref(func));
    for (let i = 0; i < args.length; i++) f.fast[i] = incref(args[i]);
    return runFrame(f);
  }
  const f = makeFrame(func, args, kwnames, false);
  return runFrame(f);
}

function runFrame(f: Frame): PyObject {
  enterCall();
  try {
    return evalFrame(f, null);
  } finally {
    rt.depth--;
  }
}

hooks.callFunction = callFunction;

// ---------------------------------------------------------------- frames, tracebacks, cleanup

/** The PyFrameObject for f, made on first need (_PyFrame_GetFrameObject). */
export function frameObject(f: Frame): PyFrameObject {
  if (!f.frameObject) {
    f.frameObject = alloc(new PyFrameObject(rt.t.frame, f), 10 * rt.version.ptr);
    if (rt.trace !== null) rt.trace.frameChanged(f);
  }
  return f.frameObject;
}

/**
 * _PyFrame_Clear (Python/frame.c): a finished frame drops its frame object's reference; if something else
 * still holds that object (a traceback), the object takes the locals over and they die with it.
 */
export function clearFrame(f: Frame): void {
  f.done = true;
  const fo = f.frameObject;
  if (fo) {
    if (fo.ob_refcnt > 1) {
      (fo as PyFrameObject & { ownsFrame?: boolean }).ownsFrame = true;
      decref(fo);
      return;
    }
    f.frameObject = null;
    decref(fo);
  }
  releaseLocals(f);
}

/**
 * Drops the locals, then the value stack, then the function (_PyFrame_Clear); 3.14's _PyFrame_ClearLocals
 * goes the other way, from the top of the stack down to the first local.
 */
export function releaseLocals(f: Frame): void {
  const fast = f.fast;
  if (rt.trace !== null) rt.trace.frameCleared(f);
  if (rt.v >= 314) {
    while (f.sp > 0) xdecref(f.stack[--f.sp]);
    for (let i = fast.length - 1; i >= 0; i--) {
      const o = fast[i];
      if (o) {
        fast[i] = null;
        decref(o);
      }
    }
  } else {
    for (let i = 0; i < fast.length; i++) {
      const o = fast[i];
      if (o) {
        fast[i] = null;
        decref(o);
      }
    }
    while (f.sp > 0) xdecref(f.stack[--f.sp]);
  }
  if (f.localsSnapshot) {
    const snapshot = f.localsSnapshot;
    f.localsSnapshot = null;
    decref(snapshot);
  }
  if (f.func) {
    const func = f.func;
    f.func = null;
    decref(func);
  }
}

/**
 * The dict f_locals and locals() give for a frame. Module and class bodies: their namespace. Functions, 3.11 and
 * 3.12: the frame's own snapshot dict, created once and refreshed from the fast locals (Objects/frameobject.c
 * _PyFrame_FastToLocalsWithError: a bound local is set, an unbound one deleted); 3.13+ (PEP 667): a new dict.
 */
export function frameLocals(f: Frame): PyDict {
  if (f.locals) return rt.v >= 312 && hasHiddenLocals(f) ? localsWithHidden(f) : incref(f.locals);
  const keep = rt.v < 313;
  let d: PyDict;
  if (keep && f.localsSnapshot) d = f.localsSnapshot;
  else {
    d = newDict();
    if (keep) {
      f.localsSnapshot = d;
      if (rt.trace !== null) rt.trace.frameChanged(f);
    }
  }
  f.code.localsplusnames.forEach((n, i) => {
    let v = f.fast[i];
    if (v && f.code.localspluskinds[i] !== 'local') v = (v as PyCell).ref;
    if (v) dict.setItemStr(d, n, v);
    else if (keep && dict.getItemStr(d, n)) dict.delItemStr(d, n);
  });
  return keep ? incref(d) : d;
}

/** 3.12+: a module or class body's fast locals are the names its inlined comprehensions bind (CO_FAST_HIDDEN);
 *  whether one is bound, i.e. such a comprehension is running (_PyFrame_HasHiddenLocals). */
function hasHiddenLocals(f: Frame): boolean {
  return f.code.localspluskinds.some((k, i) => k === 'local' && f.fast[i] !== null);
}

/** locals() inside a module or class body's inlined comprehension: a new dict. 3.12 (_PyFrame_GetLocals with
 *  include_hidden): the namespace merged with the bound hidden locals. 3.13+ (PEP 667, _PyEval_GetFrameLocals
 *  copying the frame's FrameLocalsProxy): the bound fast locals only, not the namespace. */
function localsWithHidden(f: Frame): PyDict {
  const d = newDict();
  if (rt.v < 313) dict.mergeMapping(d, f.locals!);
  f.code.localsplusnames.forEach((n, i) => {
    const kind = f.code.localspluskinds[i];
    let v = f.fast[i];
    if (kind === 'free' || (kind === 'cell' && rt.v < 313)) return;
    if (v && kind === 'cell') v = (v as PyCell).ref;
    if (v) dict.setItemStr(d, n, v);
  });
  return d;
}

/** PyMapping_GetOptionalItem of a name: a new reference, or null when the mapping has no such key. */
function mappingLookup(mapping: PyObject, name: string): PyObject | null {
  if (mapping.ob_type === rt.t.dict) {
    const v = dict.getItemStr(mapping as PyDict, name);
    return v ? incref(v) : null;
  }
  const key = newStr(name);
  try {
    return getItem(mapping, key);
  } catch (e) {
    if (!(e instanceof PyRaise && isInstance(e.exc, excType('KeyError')))) throw e;
    decref(e.exc);
    return null;
  } finally {
    decref(key);
  }
}

/** PyTraceBack_Here: a traceback entry for frame f in front of the exception's traceback. */
function addTraceback(exc: PyBaseException, f: Frame): void {
  const fo = incref(frameObject(f));
  const tb = alloc(new PyTraceback(rt.t.traceback, exc.traceback as PyTraceback | null, fo, f.lasti, f.lineno), 6 * rt.version.ptr);
  exc.traceback = tb;
  if (rt.trace !== null) rt.trace.touch(exc);
}

function exceptionTarget(code: CodeObject, lasti: number): { target: number; depth: number; lasti: boolean } | null {
  for (const e of code.exceptionTable) {
    if (lasti >= e.start && lasti < e.end) return e;
  }
  return null;
}

// ---------------------------------------------------------------- the loop

/** format_exc_check_arg: NameError carrying the name (for "Did you mean" suggestions). */
const NAME_ERROR = (name: string): never => {
  const exc = newException(excType('NameError'), [newStr(`name '${name}' is not defined`)]);
  exc.name = newStr(name);
  throw new PyRaise(exc);
};

function loadGlobal(f: Frame, name: PyStr): PyObject {
  const v = dict.getItemStr(f.globals, name.value) ?? dict.getItemStr(f.builtins, name.value);
  if (!v) NAME_ERROR(name.value);
  return incref(v!);
}

function unboundLocal(f: Frame, i: number): never {
  const name = f.code.localsplusnames[i];
  const kind = f.code.localspluskinds[i];
  if (kind === 'free') {
    raise(excType('NameError'), `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  return raise(excType('UnboundLocalError'), `cannot access local variable '${name}' where it is not associated with a value`);
}

/** The clock is read once every this many steps: cheap, and a run overshoots its deadline by microseconds. */
const CLOCK_INTERVAL = 4096;

/**
 * The eval loop's slow path, taken when rt.steps reaches rt.checkAt (before the step counts): the trace's step,
 * the line hook, the step budget and the clock. While the trace or a line hook is on, every step comes here.
 */
function stepCheck(f: Frame, pc: number): void {
  const r = rt;
  if (r.trace !== null) r.trace.step(f, pc);
  if (vmHooks.onLine) {
    const line = f.code.lines[pc];
    if (line && line !== f.lastLine) {
      f.lastLine = line;
      vmHooks.onLine(f, line);
    }
  }
  const everyStep = r.trace !== null || vmHooks.onLine !== null;
  if (r.steps >= r.maxSteps) throw new SimulationStopped('step budget', f.lineno);
  if ((!everyStep || (r.steps & (CLOCK_INTERVAL - 1)) === 0) && Date.now() > r.deadline) {
    throw new SimulationStopped('wall-clock budget', f.lineno);
  }
  r.checkAt = everyStep ? r.steps : Math.min(r.maxSteps, r.steps + CLOCK_INTERVAL);
}

/**
 * Runs f until it returns (the result, a new reference), yields (generators: f.generator gets the value
 * and the frame stays resumable), or raises (PyRaise propagates after the frame is cleaned up).
 * `throwIn`: an exception to raise at the resume point (generator.throw).
 */
export function evalFrame(f: Frame, throwIn: PyBaseException | null): PyObject {
  const r = rt;
  const code = f.code;
  const ins = code.code;
  const consts = code.consts;
  const names = code.names as PyStr[];
  const fast = f.fast;
  const stack = f.stack;
  f.back = rt.frame;
  rt.frame = f;
  if (rt.trace !== null) rt.trace.enterFrame(f);
  if (vmHooks.onCall && f.pc === 0) vmHooks.onCall(f);
  let pending: PyBaseException | null = throwIn;
  /** Returned by RETURN_GENERATOR or YIELD_VALUE: the frame lives on in its generator. */
  let suspended = false;
  try {
    for (;;) {
      try {
        if (pending) {
          const exc = pending;
          pending = null;
          throw new PyRaise(exc);
        }
        for (;;) {
          const pc = f.pc;
          const op = ins[pc * 2];
          const arg = ins[pc * 2 + 1];
          f.lasti = pc;
          f.pc = pc + 1;
          if (r.steps >= r.checkAt) stepCheck(f, pc);
          r.steps++;
          switch (op) {
            case Op.NOP:
              break;
            case Op.RESUME:
              // The eval breaker (3.12+): a collection an allocation made due runs here, at a call or after a yield.
              if (rt.gc.scheduled && arg < 2) collectAutomatic();
              break;
            case Op.POP_TOP:
              xdecref(stack[--f.sp]);
              break;
            case Op.PUSH_NULL:
              stack[f.sp++] = null;
              break;
            case Op.COPY: {
              const v = stack[f.sp - arg];
              stack[f.sp++] = v ? incref(v) : v;
              break;
            }
            case Op.SWAP: {
              const i = f.sp - 1;
              const j = f.sp - arg;
              const t = stack[i];
              stack[i] = stack[j];
              stack[j] = t;
              break;
            }
            case Op.LOAD_CONST:
              stack[f.sp++] = incref(consts[arg]);
              break;
            case Op.LOAD_FAST:
            case Op.LOAD_FAST_BORROW: {
              const v = fast[arg];
              if (v === null) unboundLocal(f, arg);
              // 3.14: only a LOAD_FAST_BORROW (the compiler's choice) may be left out of the count.
              if (rt.v >= 314) (f.borrowed ??= [])[f.sp] = op === Op.LOAD_FAST_BORROW ? arg + 1 : 0;
              stack[f.sp++] = incref(v!);
              break;
            }
            case Op.LOAD_FAST_AND_CLEAR:
              // 3.12+ inlined comprehension (PEP 709): the local's reference, or NULL, moves to the stack
              // (bytecodes.c); STORE_FAST puts it back, NULL included.
              if (f.borrowed) f.borrowed[f.sp] = 0;
              if (f.fastBorrowed) f.fastBorrowed[arg] = 0;
              stack[f.sp++] = fast[arg];
              fast[arg] = null;
              break;
            case Op.STORE_FAST: {
              const old = fast[arg];
              fast[arg] = stack[--f.sp];
              if (f.fastBorrowed) f.fastBorrowed[arg] = 0;
              xdecref(old);
              break;
            }
            case Op.DELETE_FAST: {
              const old = fast[arg];
              if (old === null) unboundLocal(f, arg);
              if (f.fastBorrowed) f.fastBorrowed[arg] = 0;
              fast[arg] = null;
              decref(old!);
              break;
            }
            case Op.MAKE_CELL: {
              const initial = fast[arg];
              fast[arg] = alloc(new PyCell(rt.t.cell, initial), 3 * rt.version.ptr);
              break;
            }
            case Op.COPY_FREE_VARS: {
              const closure = f.func!.closure!.items;
              const offset = code.nlocalsplus - arg;
              for (let i = 0; i < arg; i++) fast[offset + i] = incref(closure[i]);
              break;
            }
            case Op.LOAD_CLOSURE:
              stack[f.sp++] = incref(fast[arg]!);
              break;
            case Op.LOAD_DEREF: {
              const v = (fast[arg] as PyCell).ref;
              if (!v) unboundLocal(f, arg);
              stack[f.sp++] = incref(v!);
              break;
            }
            case Op.LOAD_CLASSDEREF: {
              const name = code.localsplusnames[arg];
              const v = f.locals ? dict.getItemStr(f.locals, name) : null;
              if (v) {
                stack[f.sp++] = incref(v);
              } else {
                const c = (fast[arg] as PyCell).ref;
                if (!c) unboundLocal(f, arg);
                stack[f.sp++] = incref(c!);
              }
              break;
            }
            case Op.STORE_DEREF: {
              const cell = fast[arg] as PyCell;
              const old = cell.ref;
              cell.ref = stack[--f.sp];
              if (rt.trace !== null) rt.trace.touch(cell);
              xdecref(old);
              break;
            }
            case Op.DELETE_DEREF: {
              const cell = fast[arg] as PyCell;
              const old = cell.ref;
              if (!old) unboundLocal(f, arg);
              cell.ref = null;
              if (rt.trace !== null) rt.trace.touch(cell);
              decref(old!);
              break;
            }
            case Op.LOAD_NAME: {
              const name = names[arg];
              if (f.locals && f.locals.ob_type !== rt.t.dict) {
                // A mapping from __prepare__ (enum's _EnumDict...): PyObject_GetItem, KeyError falls through.
                let found: PyObject | null = null;
                try {
                  found = getItem(f.locals, name);
                } catch (e) {
                  if (!(e instanceof PyRaise && isInstance(e.exc, excType('KeyError')))) throw e;
                  decref(e.exc);
                }
                if (found) {
                  stack[f.sp++] = found;
                  break;
                }
              }
              let v = f.locals && f.locals.ob_type === rt.t.dict ? dict.getItemStr(f.locals, name.value) : null;
              v ??= dict.getItemStr(f.globals, name.value) ?? dict.getItemStr(f.builtins, name.value);
              if (!v) NAME_ERROR(name.value);
              stack[f.sp++] = incref(v!);
              break;
            }
            case Op.STORE_NAME: {
              const v = stack[--f.sp]!;
              try {
                if (f.locals!.ob_type === rt.t.dict) dict.setItemStr(f.locals!, names[arg].value, v);
                else setItem(f.locals!, names[arg], v);
              } finally {
                decref(v);
              }
              break;
            }
            case Op.DELETE_NAME:
              if (f.locals!.ob_type !== rt.t.dict) {
                try {
                  setItem(f.locals!, names[arg], null);
                } catch (e) {
                  if (!(e instanceof PyRaise && isInstance(e.exc, excType('KeyError')))) throw e;
                  decref(e.exc);
                  NAME_ERROR(names[arg].value);
                }
                break;
              }
              if (!dict.delItemStr(f.locals!, names[arg].value)) NAME_ERROR(names[arg].value);
              break;
            case Op.LOAD_GLOBAL:
              { const pushed = loadGlobal(f, names[arg]); stack[f.sp++] = pushed; }
              break;
            case Op.STORE_GLOBAL: {
              const v = stack[--f.sp]!;
              dict.setItemStr(f.globals, names[arg].value, v);
              decref(v);
              break;
            }
            case Op.DELETE_GLOBAL:
              if (!dict.delItemStr(f.globals, names[arg].value)) NAME_ERROR(names[arg].value);
              break;
            case Op.LOAD_ATTR: {
              const obj = stack[f.sp - 1]!;
              const v = getAttr(obj, names[arg]);
              stack[f.sp - 1] = v;
              decref(obj);
              break;
            }
            case Op.LOAD_METHOD: {
              const obj = stack[f.sp - 1]!;
              const name = names[arg];
              const descr = lookupType(obj.ob_type, name.value);
              if (descr && (descr instanceof PyFunction || (descr instanceof PyBuiltin && descr.ob_type === rt.t.method_descriptor)) &&
                !obj.ob_type.slots.tp_getattro && !hasInstanceAttr(obj, name.value) && !hasCustomGetattribute(obj.ob_type)) {
                // Unbound method: [meth, self] with no bound-method object made (LOAD_METHOD in ceval.c).
                stack[f.sp - 1] = incref(descr);
                if (f.borrowed) {
                  f.borrowed[f.sp] = f.borrowed[f.sp - 1] ?? 0;
                  f.borrowed[f.sp - 1] = 0;
                }
                stack[f.sp++] = obj;
              } else {
                const v = getAttr(obj, name);
                stack[f.sp - 1] = null;
                stack[f.sp++] = v;
                decref(obj);
              }
              break;
            }
            case Op.STORE_ATTR: {
              const obj = stack[--f.sp]!;
              const v = stack[--f.sp]!;
              try {
                setAttr(obj, names[arg].value, v);
              } finally {
                decref(v);
                decref(obj);
              }
              break;
            }
            case Op.DELETE_ATTR: {
              const obj = stack[--f.sp]!;
              try {
                setAttr(obj, names[arg].value, null);
              } finally {
                decref(obj);
              }
              break;
            }
            case Op.BINARY_SUBSCR: {
              const key = stack[--f.sp]!;
              const container = stack[f.sp - 1]!;
              let v: PyObject;
              try {
                v = getItem(container, key);
              } catch (e) {
                decref(key);
                throw e;
              }
              stack[f.sp - 1] = v;
              decref(container);
              decref(key);
              break;
            }
            case Op.STORE_SUBSCR: {
              const key = stack[--f.sp]!;
              const container = stack[--f.sp]!;
              const v = stack[--f.sp]!;
              try {
                setItem(container, key, v);
              } finally {
                decref(v);
                decref(container);
                decref(key);
              }
              break;
            }
            case Op.DELETE_SUBSCR: {
              const key = stack[--f.sp]!;
              const container = stack[--f.sp]!;
              try {
                setItem(container, key, null);
              } finally {
                decref(container);
                decref(key);
              }
              break;
            }
            case Op.BINARY_OP: {
              const b = stack[--f.sp]!;
              const a = stack[f.sp - 1]!;
              if (a.ob_type === rt.t.int && b.ob_type === rt.t.int) {
                // The common case, computed directly (same result as int's slots: newInt normalises).
                const fast = smallIntOp(arg, (a as PyInt).value, (b as PyInt).value);
                if (fast !== null) {
                  stack[f.sp - 1] = newInt(fast);
                  decref(a);
                  decref(b);
                  break;
                }
              }
              let r: PyObject;
              try {
                r = arg >= 13 ? inplaceOp(a, b, arg - 13) : binaryOp(a, b, arg);
              } catch (e) {
                decref(b);
                throw e;
              }
              stack[f.sp - 1] = r;
              decref(a);
              decref(b);
              break;
            }
            case Op.UNARY_NEGATIVE:
            case Op.UNARY_POSITIVE:
            case Op.UNARY_INVERT: {
              const a = stack[f.sp - 1]!;
              const r = unaryOp(a, op === Op.UNARY_NEGATIVE ? 'neg' : op === Op.UNARY_POSITIVE ? 'pos' : 'invert');
              stack[f.sp - 1] = r;
              decref(a);
              break;
            }
            case Op.UNARY_NOT: {
              const a = stack[f.sp - 1]!;
              const r = newBool(!isTrue(a));
              stack[f.sp - 1] = r;
              decref(a);
              break;
            }
            case Op.COMPARE_OP: {
              const b = stack[--f.sp]!;
              const a = stack[f.sp - 1]!;
              if (a.ob_type === rt.t.int && b.ob_type === rt.t.int) {
                const x = (a as PyInt).value;
                const y = (b as PyInt).value;
                if (typeof x === 'number' && typeof y === 'number') {
                  const t = arg === 0 ? x < y : arg === 1 ? x <= y : arg === 2 ? x === y : arg === 3 ? x !== y : arg === 4 ? x > y : x >= y;
                  stack[f.sp - 1] = newBool(t);
                  decref(a);
                  decref(b);
                  break;
                }
              }
              let r: PyObject;
              try {
                r = richCompare(a, b, arg);
              } catch (e) {
                decref(b);
                throw e;
              }
              stack[f.sp - 1] = r;
              decref(a);
              decref(b);
              break;
            }
            case Op.IS_OP: {
              const b = stack[--f.sp]!;
              const a = stack[f.sp - 1]!;
              stack[f.sp - 1] = newBool((a === b) !== (arg === 1));
              decref(a);
              decref(b);
              break;
            }
            case Op.CONTAINS_OP: {
              const b = stack[--f.sp]!;
              const a = stack[f.sp - 1]!;
              let r: boolean;
              try {
                r = contains(b, a);
              } catch (e) {
                decref(b);
                throw e;
              }
              stack[f.sp - 1] = newBool(r !== (arg === 1));
              decref(a);
              decref(b);
              break;
            }
            case Op.BUILD_TUPLE: {
              const items = stack.slice(f.sp - arg, f.sp) as PyObject[];
              f.sp -= arg;
              stack[f.sp++] = newTupleFromArray(items);
              break;
            }
            case Op.BUILD_LIST: {
              const items = stack.slice(f.sp - arg, f.sp) as PyObject[];
              f.sp -= arg;
              stack[f.sp++] = newList(items);
              break;
            }
            case Op.BUILD_SET: {
              const items = stack.slice(f.sp - arg, f.sp) as PyObject[];
              f.sp -= arg;
              let s: PyObject;
              try {
                s = vmHooks.newSet(items);
              } finally {
                items.forEach(decref);
              }
              stack[f.sp++] = s;
              break;
            }
            case Op.BUILD_MAP: {
              const d = newDict();
              const base = f.sp - 2 * arg;
              let allStr = true;
              for (let i = 0; i < arg; i++) if (stack[base + 2 * i]!.ob_type !== rt.t.str) allStr = false;
              presizeDict(d, arg, allStr);
              try {
                for (let i = 0; i < arg; i++) dict.setItem(d, stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
              } catch (e) {
                decref(d);
                throw e;
              } finally {
                for (let i = base; i < f.sp; i++) decref(stack[i]!);
                f.sp = base;
              }
              stack[f.sp++] = d;
              break;
            }
            case Op.BUILD_CONST_KEY_MAP: {
              const keys = stack[--f.sp] as PyTuple;
              const base = f.sp - arg;
              const d = newDict();
              presizeDict(d, arg, keys.items.every((k) => k.ob_type === rt.t.str));
              for (let i = 0; i < arg; i++) dict.setItem(d, keys.items[i], stack[base + i]!);
              for (let i = base; i < f.sp; i++) decref(stack[i]!);
              f.sp = base;
              decref(keys);
              stack[f.sp++] = d;
              break;
            }
            case Op.BUILD_STRING: {
              let s = '';
              for (let i = f.sp - arg; i < f.sp; i++) s += (stack[i] as PyStr).value;
              for (let i = f.sp - arg; i < f.sp; i++) decref(stack[i]!);
              f.sp -= arg;
              stack[f.sp++] = newStr(s);
              break;
            }
            case Op.BUILD_SLICE: {
              const step = arg === 3 ? stack[--f.sp]! : incref(rt.None);
              const stop = stack[--f.sp]!;
              const start = stack[--f.sp]!;
              stack[f.sp++] = alloc(new PySlice(rt.t.slice, start, stop, step), 5 * rt.version.ptr);
              break;
            }
            case Op.LIST_APPEND: {
              const v = stack[--f.sp]!;
              listAppendSteal(stack[f.sp - arg] as PyList, v);
              break;
            }
            case Op.SET_ADD: {
              const v = stack[--f.sp]!;
              try {
                vmHooks.setAdd(stack[f.sp - arg]!, v);
              } finally {
                decref(v);
              }
              break;
            }
            case Op.MAP_ADD: {
              const v = stack[--f.sp]!;
              const k = stack[--f.sp]!;
              try {
                dict.setItem(stack[f.sp - arg] as PyDict, k, v);
              } finally {
                decref(k);
                decref(v);
              }
              break;
            }
            case Op.LIST_EXTEND: {
              const it = stack[--f.sp]!;
              try {
                vmHooks.listExtend(stack[f.sp - arg] as PyList, it);
              } catch (e) {
                if (isRaised(e, 'TypeError') && !lookupType(it.ob_type, '__iter__') && !lookupType(it.ob_type, '__getitem__')) {
                  decref(e.exc);
                  decref(it);
                  raise(excType('TypeError'), `Value after * must be an iterable, not ${typeName(it)}`);
                }
                decref(it);
                throw e;
              }
              decref(it);
              break;
            }
            case Op.SET_UPDATE: {
              const it = stack[--f.sp]!;
              try {
                vmHooks.setUpdate(stack[f.sp - arg]!, it);
              } finally {
                decref(it);
              }
              break;
            }
            case Op.DICT_UPDATE:
            case Op.DICT_MERGE: {
              const other = stack[--f.sp]!;
              const target = stack[f.sp - arg] as PyDict;
              try {
                if (op === Op.DICT_MERGE) dictMerge(target, other, stack[f.sp - arg - 2]);
                else if (other instanceof PyDict || dict.hasKeysMethod(other)) dict.mergeMapping(target, other);
                else raise(excType('TypeError'), `'${typeName(other)}' object is not a mapping`);
              } finally {
                decref(other);
              }
              break;
            }
            case Op.LIST_TO_TUPLE: {
              const list = stack[f.sp - 1] as PyList;
              stack[f.sp - 1] = newTupleFromArray(list.items.map(incref));
              decref(list);
              break;
            }
            case Op.FORMAT_VALUE: {
              const spec = arg & 4 ? stack[--f.sp] : null;
              let value = stack[--f.sp]!;
              const conv = arg & 3;
              try {
                if (conv) {
                  const converted = conv === 1 ? pyStr(value) : conv === 2 ? pyRepr(value) : asciiRepr(value);
                  decref(value);
                  value = converted;
                }
                if (value.ob_type === rt.t.str && (!spec || (spec as PyStr).value === '')) {
                  stack[f.sp++] = value;
                  value = null as unknown as PyObject;
                } else {
                  { const pushed = vmHooks.formatValue(value, spec); stack[f.sp++] = pushed; }
                }
              } finally {
                if (value) decref(value);
                xdecref(spec);
              }
              break;
            }
            case Op.KW_NAMES:
              f.kwnames = consts[arg] as PyTuple;
              break;
            case Op.CALL: {
              const kw = f.kwnames;
              f.kwnames = null;
              doCall(f, arg, kw);
              if (rt.gc.scheduled) collectAutomatic();
              break;
            }
            case Op.CALL_FUNCTION_EX: {
              const kwargs = arg & 1 ? (stack[--f.sp] as PyDict) : null;
              const callargs = stack[--f.sp]!;
              const callable = stack[--f.sp]!;
              const nullOrSelf = stack[--f.sp];
              let owned: PyObject[] | null = null;
              try {
                const items = callargs instanceof PyTuple ? callargs.items : (owned = collectArgs(callargs, callable));
                const args = [...items];
                const kwnames: PyStr[] = [];
                if (kwargs) {
                  for (const e of dict.entries(kwargs)) {
                    if (!(e.key instanceof PyStr)) raise(excType('TypeError'), 'keywords must be strings');
                    kwnames.push(e.key as PyStr);
                    args.push(e.value);
                  }
                }
                const r = call(callable, args, kwnames.length ? kwnames : null);
                stack[f.sp++] = r;
              } finally {
                owned?.forEach(decref);
                decref(callable);
                decref(callargs);
                xdecref(kwargs);
                xdecref(nullOrSelf);
              }
              if (rt.gc.scheduled) collectAutomatic();
              break;
            }
            case Op.MAKE_FUNCTION: {
              const fcode = stack[--f.sp] as CodeObject;
              const closure = arg & 8 ? (stack[--f.sp] as PyTuple) : null;
              // 3.14 (PEP 649): the __annotate__ function, in place of the annotations
              const annotate = arg & 16 ? stack[--f.sp] : null;
              const annotations = arg & 4 ? stack[--f.sp] : null;
              const kwdefaults = arg & 2 ? (stack[--f.sp] as PyDict) : null;
              const defaults = arg & 1 ? (stack[--f.sp] as PyTuple) : null;
              const fn = makeFunction(fcode, f.globals, defaults, kwdefaults, annotations, closure);
              fn.annotate = annotate;
              stack[f.sp++] = fn;
              decref(fcode);
              break;
            }
            case Op.RETURN_VALUE:
              return stack[--f.sp]!;
            case Op.JUMP:
              f.pc = arg;
              if (rt.gc.scheduled && arg < pc) collectAutomatic(); // JUMP_BACKWARD checks the eval breaker
              break;
            case Op.POP_JUMP_IF_FALSE:
            case Op.POP_JUMP_IF_TRUE: {
              const v = stack[--f.sp]!;
              let t: boolean;
              try {
                t = v === rt.True ? true : v === rt.False ? false : isTrue(v);
              } finally {
                decref(v);
              }
              if (t === (op === Op.POP_JUMP_IF_TRUE)) f.pc = arg;
              break;
            }
            case Op.POP_JUMP_IF_NONE:
            case Op.POP_JUMP_IF_NOT_NONE: {
              const v = stack[--f.sp]!;
              if ((v === rt.None) === (op === Op.POP_JUMP_IF_NONE)) f.pc = arg;
              decref(v);
              break;
            }
            case Op.JUMP_IF_FALSE_OR_POP:
            case Op.JUMP_IF_TRUE_OR_POP: {
              const v = stack[f.sp - 1]!;
              const t = isTrue(v);
              if (t === (op === Op.JUMP_IF_TRUE_OR_POP)) f.pc = arg;
              else {
                f.sp--;
                decref(v);
              }
              break;
            }
            case Op.GET_ITER: {
              const v = stack[f.sp - 1]!;
              const it = getIter(v);
              stack[f.sp - 1] = it;
              decref(v);
              break;
            }
            case Op.FOR_ITER: {
              const it = stack[f.sp - 1]!;
              const next = iterNext(it);
              if (next) {
                stack[f.sp++] = next;
              } else {
                f.sp--;
                decref(it);
                f.pc = arg;
              }
              break;
            }
            case Op.UNPACK_SEQUENCE: {
              const seq = stack[--f.sp]!;
              try {
                const items = unpack(seq, arg, -1);
                for (let i = items.length - 1; i >= 0; i--) stack[f.sp++] = items[i];
              } finally {
                decref(seq);
              }
              break;
            }
            case Op.UNPACK_EX: {
              const seq = stack[--f.sp]!;
              try {
                const before = arg & 0xff;
                const after = arg >> 8;
                const items = unpack(seq, before, after);
                for (let i = items.length - 1; i >= 0; i--) stack[f.sp++] = items[i];
              } finally {
                decref(seq);
              }
              break;
            }
            case Op.RAISE_VARARGS:
              doRaise(f, arg);
              break;
            case Op.RERAISE:
              // With an argument CPython also resets f_lasti for line numbers; the handler is still found
              // from this instruction's own position (exception_unwind in ceval.c).
              throw new ReRaise(stack[--f.sp] as PyBaseException);
            case Op.PUSH_EXC_INFO: {
              // The previously handled exception moves onto the stack; this one becomes sys.exc_info().
              const exc = stack[f.sp - 1]!;
              stack[f.sp - 1] = rt.handled ?? incref(rt.None);
              stack[f.sp++] = exc;
              rt.handled = incref(exc);
              break;
            }
            case Op.POP_EXCEPT: {
              const cur = rt.handled;
              const prev = stack[--f.sp]!;
              if (prev === rt.None) {
                decref(prev);
                rt.handled = null;
              } else {
                rt.handled = prev;
              }
              xdecref(cur);
              break;
            }
            case Op.CHECK_EXC_MATCH: {
              const type = stack[--f.sp]!;
              const exc = stack[f.sp - 1]!;
              try {
                checkExceptClass(type);
                { const pushed = newBool(exceptionMatches(exc, type)); stack[f.sp++] = pushed; }
              } finally {
                decref(type);
              }
              break;
            }
            case Op.BEFORE_WITH: {
              const mgr = stack[f.sp - 1]!;
              const enter = lookupType(mgr.ob_type, '__enter__');
              const exit = lookupType(mgr.ob_type, '__exit__');
              if (!enter) {
                raise(excType(rt.v >= 312 ? 'TypeError' : 'AttributeError'),
                  rt.v >= 312 ? `'${typeName(mgr)}' object does not support the context manager protocol` : '__enter__');
              }
              if (!exit) {
                raise(excType(rt.v >= 312 ? 'TypeError' : 'AttributeError'),
                  rt.v >= 312 ? `'${typeName(mgr)}' object does not support the context manager protocol (missed __exit__ method)` : '__exit__');
              }
              const boundExit = descrGet(exit!, mgr, mgr.ob_type);
              stack[f.sp - 1] = boundExit;
              let res: PyObject;
              try {
                res = callDescriptor(enter!, mgr, []);
              } finally {
                decref(mgr);
              }
              stack[f.sp++] = res;
              break;
            }
            case Op.WITH_EXCEPT_START: {
              const exc = stack[f.sp - 1] as PyBaseException;
              const exitFunc = stack[f.sp - 4]!;
              const tb = exc.traceback ?? rt.None;
              { const pushed = call(exitFunc, [exc.ob_type, exc, tb]); stack[f.sp++] = pushed; }
              break;
            }
            case Op.LOAD_BUILD_CLASS:
              stack[f.sp++] = incref(vmHooks.buildClass);
              break;
            case Op.LOAD_ASSERTION_ERROR:
              stack[f.sp++] = incref(excType('AssertionError'));
              break;
            case Op.LOAD_COMMON_CONSTANT:
              stack[f.sp++] = incref(excType(arg === 1 ? 'NotImplementedError' : 'AssertionError'));
              break;
            case Op.LOAD_LOCALS:
              if (!f.locals) raise(excType('SystemError'), 'no locals found');
              stack[f.sp++] = incref(f.locals!);
              break;
            case Op.LOAD_FROM_DICT_OR_GLOBALS: {
              // 3.14 annotation scope in a class body: the class namespace, then globals and builtins
              const mapping = stack[f.sp - 1]!;
              const v = mappingLookup(mapping, names[arg].value) ?? loadGlobal(f, names[arg]);
              stack[f.sp - 1] = v;
              decref(mapping);
              break;
            }
            case Op.LOAD_FROM_DICT_OR_DEREF: {
              const mapping = stack[f.sp - 1]!;
              let v = mappingLookup(mapping, code.localsplusnames[arg]);
              if (!v) {
                const cellValue = (fast[arg] as PyCell).ref;
                if (!cellValue) unboundLocal(f, arg);
                v = incref(cellValue!);
              }
              stack[f.sp - 1] = v;
              decref(mapping);
              break;
            }
            case Op.IMPORT_NAME: {
              const fromlist = stack[--f.sp]!;
              const level = stack[--f.sp] as PyInt;
              try {
                { const pushed = vmHooks.importName(names[arg].value, f.globals, fromlist, Number(level.value)); stack[f.sp++] = pushed; }
              } finally {
                decref(fromlist);
                decref(level);
              }
              break;
            }
            case Op.IMPORT_FROM:
              stack[f.sp] = vmHooks.importFrom(stack[f.sp - 1]!, names[arg].value);
              f.sp++;
              break;
            case Op.IMPORT_STAR: {
              const mod = stack[--f.sp]!;
              try {
                vmHooks.importStar(mod, f.locals!);
              } finally {
                decref(mod);
              }
              break;
            }
            case Op.SETUP_ANNOTATIONS: {
              if (f.locals && !dict.getItemStr(f.locals, '__annotations__')) {
                const d = newDict();
                dict.setItemStr(f.locals, '__annotations__', d);
                decref(d);
              }
              break;
            }
            case Op.RETURN_GENERATOR:
              // The frame is now owned by the generator: hand the generator back to the caller.
              suspended = true;
              return makeGenerator(f);
            case Op.YIELD_VALUE:
              suspended = true;
              return stack[--f.sp]!;
            case Op.GET_YIELD_FROM_ITER: {
              const v = stack[f.sp - 1]!;
              if (!(v instanceof PyGenerator)) {
                stack[f.sp - 1] = getIter(v);
                decref(v);
              }
              break;
            }
            case Op.SEND: {
              const v = stack[--f.sp]!;
              const receiver = stack[f.sp - 1]!;
              let r: PyObject | null;
              try {
                r = v === rt.None ? (receiver instanceof PyGenerator ? genSend(receiver, v, false) : iterNext(receiver)) : sendTo(receiver, v);
              } finally {
                decref(v);
              }
              if (r === null) {
                // The subiterator finished: its return value replaces it on the stack.
                const result = takeReturnValue(receiver);
                f.sp--;
                decref(receiver);
                stack[f.sp++] = result;
                f.pc = arg;
              } else {
                stack[f.sp++] = r;
              }
              break;
            }
            case Op.GET_LEN: {
              stack[f.sp] = newInt(length(stack[f.sp - 1]!));
              f.sp++;
              break;
            }
            case Op.MATCH_MAPPING:
              stack[f.sp] = newBool(vmHooks.isMapping(stack[f.sp - 1]!));
              f.sp++;
              break;
            case Op.MATCH_SEQUENCE:
              stack[f.sp] = newBool(vmHooks.isSequence(stack[f.sp - 1]!));
              f.sp++;
              break;
            case Op.MATCH_KEYS:
              stack[f.sp] = vmHooks.matchKeys(stack[f.sp - 2]!, stack[f.sp - 1] as PyTuple);
              f.sp++;
              break;
            case Op.MATCH_CLASS: {
              const kwnames = stack[--f.sp] as PyTuple;
              const cls = stack[--f.sp]!;
              const subject = stack[--f.sp]!;
              try {
                { const pushed = vmHooks.matchClass(subject, cls, arg, kwnames); stack[f.sp++] = pushed; }
              } finally {
                decref(kwnames);
                decref(cls);
                decref(subject);
              }
              break;
            }
            case Op.COPY_DICT_WITHOUT_KEYS: {
              const keys = stack[f.sp - 1] as PyTuple;
              const subject = stack[f.sp - 2]!;
              const r = vmHooks.copyDictWithoutKeys(subject, keys);
              stack[f.sp - 1] = r;
              decref(keys);
              break;
            }
            case Op.STOPITERATION_ERROR:
              break;
            case Op.CHECK_EG_MATCH:
              checkEgMatch(f);
              break;
            case Op.PREP_RERAISE_STAR:
              prepReraiseStar(f);
              break;
            default:
              throw new SimulationStopped(`not simulated: instruction ${op}`, f.lineno);
          }
        }
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        // An exception: record this frame in its traceback (not for a re-raise), then look for a handler.
        const exc = e.exc;
        if (!(e instanceof ReRaise)) {
          setContext(exc);
          addTraceback(exc, f);
        }
        const handler = exceptionTarget(code, f.lasti);
        // Leaving the frame, a re-raise is an ordinary exception again: the caller's frame gets its entry.
        if (!handler) throw e instanceof ReRaise ? new PyRaise(exc) : e;
        while (f.sp > handler.depth) xdecref(stack[--f.sp]);
        if (handler.lasti) stack[f.sp++] = newInt(f.lasti);
        stack[f.sp++] = exc;
        f.pc = handler.target;
      }
    }
  } finally {
    rt.frame = f.back;
    f.back = null;
    if (rt.trace !== null) rt.trace.exitFrame(f);
    if (!suspended) {
      if (f.generator) f.generator.frame = null;
      if (vmHooks.onReturn) vmHooks.onReturn(f);
      clearFrame(f);
    }
  }
}

/** int OP int on safe integers, or null when the general path must decide (overflow, division, ...). */
function smallIntOp(op: number, x: number | bigint, y: number | bigint): number | null {
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  let r: number;
  switch (op >= 13 ? op - 13 : op) {
    case 0: r = x + y; break; // +
    case 10: r = x - y; break; // -
    case 5: r = x * y; break; // *
    case 6: // % (Python's sign follows the divisor)
      if (y === 0) return null;
      r = x % y;
      if (r !== 0 && (r < 0) !== (y < 0)) r += y;
      break;
    case 2: { // // (exact: x minus its Python modulo is a multiple of y)
      if (y === 0) return null;
      let m = x % y;
      if (m !== 0 && (m < 0) !== (y < 0)) m += y;
      r = (x - m) / y;
      break;
    }
    default: return null;
  }
  return Number.isSafeInteger(r) ? r : null;
}

/** A re-raised exception: no new traceback entry for this frame (RERAISE). */
class ReRaise extends PyRaise {}

function isRaised(e: unknown, name: string): e is PyRaise {
  return e instanceof PyRaise && isInstance(e.exc, excType(name));
}

/** _PyErr_SetObject's implicit chaining: the exception being handled becomes __context__. */
function setContext(exc: PyBaseException): void {
  if (exc.traceback !== null) return; // already chained where it was first raised
  const handled = rt.handled;
  if (!handled || handled === exc || exc.context) return;
  // Avoid a cycle in the context chain (as CPython does).
  let o: PyObject | null = handled;
  while (o instanceof PyBaseException) {
    if (o.context === exc) {
      const c = o.context;
      o.context = null;
      decref(c);
      break;
    }
    o = o.context;
  }
  exc.context = incref(handled);
}

function hasInstanceAttr(obj: PyObject, name: string): boolean {
  const d = (obj as { dict?: PyDict | null }).dict;
  return !!(d && d.map.has(name));
}

function hasCustomGetattribute(t: PyType): boolean {
  if (!t.heapType) return false;
  const g = lookupType(t, '__getattribute__');
  return !!g && !(g instanceof PyBuiltin);
}

/** CALL: [NULL|meth, callable|self, args...] → [result]. Arguments of a Python function are moved. */
function doCall(f: Frame, nargs: number, kwTuple: PyTuple | null): void {
  const stack = f.stack;
  const base = f.sp - nargs - 2;
  const first = stack[base];
  if (kwTuple === null && rt.v < 314 && callSimple(f, base)) return;
  let callable: PyObject;
  let argStart: number;
  if (first === null) {
    callable = stack[base + 1]!;
    argStart = base + 2;
  } else {
    callable = first;
    argStart = base + 1;
  }
  let args = stack.slice(argStart, f.sp) as PyObject[];
  const kwnames = kwTuple ? (kwTuple.items as PyStr[]) : null;
  const borrowed = rt.v >= 314 ? borrowedFlags(f, argStart, args) : null;
  f.sp = base;
  if (first === null && callable instanceof PyMethod) {
    // CALL unpacks a bound method: self joins the arguments, and the method object is dropped first.
    const self = incref(callable.self);
    const func = incref(callable.func);
    decref(callable);
    callable = func;
    args = [self, ...args];
  }
  if (callable instanceof PyFunction) {
    // The new frame takes the argument references straight off our stack.
    const frame = makeFrame(callable, args, kwnames, true);
    if (borrowed) markBorrowedParameters(frame, borrowed, args.length - (kwnames ? kwnames.length : 0));
    decref(callable);
    { const pushed = runFrame(frame); stack[f.sp++] = pushed; }
    return;
  }
  let r: PyObject;
  const outerBorrowed = rt.borrowedArgs;
  rt.borrowedArgs = borrowed;
  const outerArgs = rt.borrowedArgsOf;
  rt.borrowedArgsOf = args;
  try {
    if (callable instanceof PyType && callable === rt.t.type && args.length === 1 && !kwnames) {
      r = incref(args[0].ob_type);
    } else {
      r = call(callable, args, kwnames);
    }
  } finally {
    rt.borrowedArgs = outerBorrowed;
    rt.borrowedArgsOf = outerArgs;
    for (const a of args) decref(a);
    decref(callable);
  }
  stack[f.sp++] = r;
}

/**
 * The common call, without building an argument array: a Python function (or a bound method of one) called
 * with exactly its positional parameters, no keywords, no *args/**kwargs and no keyword-only parameters
 * (_PyFunction_Vectorcall's fast path). The new frame takes the references straight off our stack. Returns
 * false when the general path must decide.
 */
function callSimple(f: Frame, base: number): boolean {
  const stack = f.stack;
  const first = stack[base];
  const callable = first === null ? stack[base + 1]! : first;
  const argStart = first === null ? base + 2 : base + 1;
  let func = callable;
  let self: PyObject | null = null;
  if (first === null && callable instanceof PyMethod) {
    self = callable.self;
    func = callable.func;
  }
  if (!(func instanceof PyFunction)) return false;
  const code = func.code;
  if (!takesExactly(code, f.sp - argStart + (self !== null ? 1 : 0))) return false;
  const frame = new Frame(code, func.globals, rt.builtins, null, incref(func));
  const fast = frame.fast;
  let i = 0;
  // A bound method's self joins the arguments; the method object (or the function) is dropped before the call.
  if (self !== null) fast[i++] = incref(self);
  const end = f.sp;
  f.sp = base;
  for (let k = argStart; k < end; k++) fast[i++] = stack[k];
  decref(callable);
  // The result is pushed after the call returns: while the callee runs, the caller's stack ends at base (what
  // the trace and an exception's unwinding see).
  const r = runFrame(frame);
  stack[f.sp++] = r;
  return true;
}

// ---- 3.14's borrowed references (LOAD_FAST_BORROW): a value loaded from a local that stays alive while the
// value sits on the stack is not counted, nor is the parameter a call moves it into. We keep every reference
// counted (deallocation is unaffected: the local holds the object anyway) and leave the borrowed ones out
// where the count is observed (sys.getrefcount).

/** Which argument slots hold a value loaded from a local that still holds it. */
function borrowedFlags(f: Frame, start: number, args: PyObject[]): boolean[] {
  return args.map((a, i) => {
    const local = f.borrowed?.[start + i] ?? 0;
    return local > 0 && f.fast[local - 1] === a;
  });
}

function markBorrowedParameters(frame: Frame, borrowed: boolean[], npos: number): void {
  const n = Math.min(npos, frame.code.argcount);
  for (let i = 0; i < n; i++) {
    if (borrowed[i]) (frame.fastBorrowed ??= new Uint8Array(frame.fast.length))[i] = 1;
  }
}

/** The references to o that 3.14 would hold borrowed: stack slots and parameters along the frame chain. */
export function borrowedReferences(o: PyObject): number {
  let n = 0;
  if (rt.borrowedArgs) {
    // The arguments of the builtin being called (sys.getrefcount's own argument among them).
    const args = rt.borrowedArgsOf;
    if (args) args.forEach((a, i) => { if (a === o && rt.borrowedArgs![i]) n++; });
  }
  for (let f = rt.frame; f; f = f.back) {
    if (f.fastBorrowed) f.fastBorrowed.forEach((b, i) => { if (b && f!.fast[i] === o) n++; });
    for (let j = 0; f.borrowed && j < f.sp; j++) {
      const local = f.borrowed[j] ?? 0;
      if (local > 0 && f.stack[j] === o && f.fast[local - 1] === o) n++;
    }
  }
  return n;
}

/** The items of `f(*x)` when x is not a tuple (new references). */
function collectArgs(o: PyObject, callable: PyObject): PyObject[] {
  const items: PyObject[] = [];
  let it: PyObject;
  try {
    it = getIter(o);
  } catch (e) {
    if (isRaised(e, 'TypeError') && !lookupType(o.ob_type, '__iter__')) {
      decref(e.exc);
      raise(excType('TypeError'), `${funcDescription(callable)} argument after * must be an iterable, not ${typeName(o)}`);
    }
    throw e;
  }
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) items.push(x);
  } catch (e) {
    items.forEach(decref);
    throw e;
  } finally {
    decref(it);
  }
  return items;
}

function funcDescription(callable: PyObject): string {
  if (callable instanceof PyFunction) return `${callable.qualname.value}()`;
  if (callable instanceof PyBuiltin) return `${callable.name}()`;
  return `${typeName(callable)} object`;
}

function dictMerge(target: PyDict, other: PyObject, callable: PyObject | null | undefined): void {
  if (!(other instanceof PyDict) && !dict.hasKeysMethod(other)) {
    raise(excType('TypeError'), `${callable ? funcDescription(callable) : 'function'} argument after ** must be a mapping, not ${typeName(other)}`);
  }
  const src = other instanceof PyDict ? dict.entries(other).map((e) => [e.key, e.value] as const) : null;
  if (src) {
    for (const [k, v] of src) {
      if (dict.lookup(target, k)) {
        raise(excType('TypeError'), `${callable ? funcDescription(callable) : 'function'} got multiple values for keyword argument '${(k as PyStr).value}'`);
      }
      dict.setItem(target, k, v);
    }
  } else {
    dict.mergeMapping(target, other);
  }
}

function asciiRepr(o: PyObject): PyStr {
  const r = pyRepr(o);
  const s = r.value.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x100 ? '\\x' + cp.toString(16).padStart(2, '0') : cp < 0x10000 ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
  });
  decref(r);
  return newStr(s);
}

/** UNPACK_SEQUENCE / UNPACK_EX: the items (new references), first first. after < 0: exactly `count` items. */
function unpack(seq: PyObject, count: number, after: number): PyObject[] {
  if (after < 0 && (seq instanceof PyTuple || seq instanceof PyList)) {
    const n = seq.items.length;
    if (n !== count) {
      if (n < count) raise(excType('ValueError'), `not enough values to unpack (expected ${count}, got ${n})`);
      raise(excType('ValueError'), `too many values to unpack (expected ${count}${rt.v >= 314 ? `, got ${n}` : ''})`);
    }
    return seq.items.map(incref);
  }
  let it: PyObject;
  try {
    it = getIter(seq);
  } catch (e) {
    if (isRaised(e, 'TypeError')) {
      decref(e.exc);
      raise(excType('TypeError'), `cannot unpack non-iterable ${typeName(seq)} object`);
    }
    throw e;
  }
  const items: PyObject[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const x = iterNext(it);
      if (!x) {
        if (after < 0) raise(excType('ValueError'), `not enough values to unpack (expected ${count}, got ${i})`);
        raise(excType('ValueError'), `not enough values to unpack (expected at least ${count + after}, got ${i})`);
      }
      items.push(x);
    }
    if (after < 0) {
      const extra = iterNext(it);
      if (extra) {
        decref(extra);
        raise(excType('ValueError'), `too many values to unpack (expected ${count})`);
      }
      return items;
    }
    // unpack_iterable (Python/ceval.c): PySequence_List of the rest, then the last `after` items taken off it
    // (Py_SET_SIZE: the list keeps its allocation).
    const restList = listFromIterable(it);
    const rest = restList.items;
    if (rest.length < after) {
      const got = count + rest.length;
      decref(restList);
      raise(excType('ValueError'), `not enough values to unpack (expected at least ${count + after}, got ${got})`);
    }
    const tail = rest.splice(rest.length - after, after);
    items.push(restList, ...tail);
    return items;
  } catch (e) {
    items.forEach(decref);
    throw e;
  } finally {
    decref(it);
  }
}

function checkExceptClass(type: PyObject): void {
  const ok = (t: PyObject): boolean => t instanceof PyType && isSubtype(t, excType('BaseException'));
  if (type instanceof PyTuple ? type.items.every(ok) : ok(type)) return;
  raise(excType('TypeError'), 'catching classes that do not inherit from BaseException is not allowed');
}

export function exceptionMatches(exc: PyObject, type: PyObject): boolean {
  if (type instanceof PyTuple) return type.items.some((t) => exceptionMatches(exc, t));
  return type instanceof PyType && isInstance(exc, type);
}

/** RAISE_VARARGS: 0 re-raise, 1 raise exc, 2 raise exc from cause. */
function doRaise(f: Frame, n: number): never {
  const stack = f.stack;
  if (n === 0) {
    const cur = rt.handled;
    if (!cur) raise(excType('RuntimeError'), 'No active exception to reraise');
    throw new ReRaise(incref(cur as PyBaseException));
  }
  const cause = n === 2 ? stack[--f.sp]! : null;
  const value = stack[--f.sp]!;
  let exc: PyBaseException;
  try {
    exc = makeExceptionFrom(value);
  } finally {
    decref(value);
  }
  if (cause) {
    let c: PyObject | null;
    try {
      c = cause === rt.None ? null : cause instanceof PyBaseException ? incref(cause) : cause instanceof PyType && isSubtype(cause, excType('BaseException')) ? call(cause, []) : null;
      if (cause !== rt.None && c === null) {
        decref(exc);
        raise(excType('TypeError'), 'exception causes must derive from BaseException');
      }
    } finally {
      decref(cause);
    }
    const old = exc.cause;
    exc.cause = c;
    xdecref(old);
    exc.suppressContext = true;
  }
  throw new PyRaise(exc);
}

/** An exception instance from `raise X`: X itself, or X() for a class. */
export function makeExceptionFrom(value: PyObject): PyBaseException {
  if (value instanceof PyBaseException) return incref(value);
  if (value instanceof PyType && isSubtype(value, excType('BaseException'))) {
    const r = call(value, []);
    if (!(r instanceof PyBaseException)) {
      decref(r);
      raise(excType('TypeError'), `calling ${value.name} should have returned an instance of BaseException, not ${typeName(r)}`);
    }
    return r as PyBaseException;
  }
  return raise(excType('TypeError'), 'exceptions must derive from BaseException');
}

// ---------------------------------------------------------------- functions and generators

export function makeFunction(code: CodeObject, globals: PyDict, defaults: PyTuple | null, kwdefaults: PyDict | null, annotations: PyObject | null, closure: PyTuple | null): PyFunction {
  const doc = code.consts.length && code.consts[0] instanceof PyStr && (code.flags & 0x4000000) === 0 ? code.consts[0] : rt.None;
  const moduleName = dict.getItemStr(globals, '__name__') ?? rt.None;
  const name = newStr(code.name);
  const qual = newStr(code.qualname);
  const fn = alloc(new PyFunction(rt.t.function, incref(code), incref(globals), name, qual, incref(docOf(code) ?? doc), incref(moduleName)), 19 * rt.version.ptr);
  fn.defaults = defaults;
  fn.kwdefaults = kwdefaults;
  fn.closure = closure;
  fn.annotations = annotations ? annotationsDict(annotations) : null;
  return fn;
}

/** The docstring: co_consts[0] when the compiler put one there (functions whose body starts with a string). */
function docOf(code: CodeObject): PyObject | null {
  return (code as CodeObject & { doc?: PyObject | null }).doc ?? null;
}

function annotationsDict(a: PyObject): PyObject {
  if (a instanceof PyTuple) {
    const d = newDict();
    for (let i = 0; i + 1 < a.items.length; i += 2) dict.setItem(d, a.items[i], a.items[i + 1]);
    decref(a);
    return d;
  }
  return a;
}

function makeGenerator(f: Frame): PyGenerator {
  const func = f.func!;
  const gen = alloc(new PyGenerator(rt.t.generator, f, incref(func.name), incref(func.qualname)), 14 * rt.version.ptr + f.code.nlocalsplus * rt.version.ptr);
  gen.frameSlots = f.code.nlocalsplus + f.code.stacksize;
  f.generator = gen;
  return gen;
}

/**
 * Resumes a generator with a sent value (gen_send_ex): returns the yielded value, or null when it returned
 * (its return value is kept for SEND / StopIteration). `exc`: throw this instead of sending.
 */
export function genSend(gen: PyGenerator, value: PyObject | null, _close: boolean, exc: PyBaseException | null = null): PyObject | null {
  const f = gen.frame;
  if (!f) {
    if (exc) throw new PyRaise(exc);
    return null;
  }
  if (gen.running) raise(excType('ValueError'), 'generator already executing');
  const started = f.pc > 0 && f.code.code[(f.pc - 1) * 2] !== Op.RETURN_GENERATOR;
  if (!started && value && value !== rt.None && !exc) {
    raise(excType('TypeError'), "can't send non-None value to a just-started generator");
  }
  if (!exc) f.stack[f.sp++] = incref(value ?? rt.None);
  gen.running = true;
  enterCall();
  let r: PyObject;
  try {
    r = evalFrame(f, exc);
  } catch (e) {
    gen.running = false;
    gen.frame = null;
    if (e instanceof PyRaise && isInstance(e.exc, excType('StopIteration')) && !exc) {
      // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
      const inner = e.exc;
      const err = newException(excType('RuntimeError'), [newStr('generator raised StopIteration')]);
      err.cause = inner;
      err.context = incref(inner);
      err.suppressContext = true;
      throw new PyRaise(err);
    }
    throw e;
  } finally {
    rt.depth--;
  }
  gen.running = false;
  if (gen.frame === null) {
    // Returned: remember the value for StopIteration.value.
    (gen as PyGenerator & { returnValue?: PyObject }).returnValue = r;
    return null;
  }
  return r;
}

/** The value a finished generator returned (new reference), for SEND and StopIteration. */
export function takeReturnValue(receiver: PyObject): PyObject {
  const g = receiver as PyGenerator & { returnValue?: PyObject; stopValue?: PyObject };
  const v = g.returnValue ?? g.stopValue;
  if (v) {
    g.returnValue = undefined;
    g.stopValue = undefined;
    return v;
  }
  return incref(rt.None);
}

function sendTo(receiver: PyObject, v: PyObject): PyObject | null {
  if (receiver instanceof PyGenerator) return genSend(receiver, v, false);
  try {
    return call(getAttr(receiver, 'send'), [v]);
  } catch (e) {
    if (isRaised(e, 'StopIteration')) {
      const value = e.exc.args.items.length ? incref(e.exc.args.items[0]) : incref(rt.None);
      (receiver as PyObject & { stopValue?: PyObject }).stopValue = value;
      decref(e.exc);
      return null;
    }
    throw e;
  }
}

