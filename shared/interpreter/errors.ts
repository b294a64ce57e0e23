// Printing exceptions as CPython does (Python/pythonrun.c print_exception, Lib/traceback.py): the traceback of
// an uncaught exception with its chained causes, and "Exception ignored in" for errors in finalizers.
import { call, getAttrOpt, reprText, strText } from './abstract';
import { STDLIB_MODULE_NAMES } from './stdlibNames';
import { calculateSuggestion } from './suggestions';
import { dirOf } from './types/type';
import { PyBaseException, PyModule, PyObject, PyStr, PyTraceback, PyTuple, PyType } from './objects';
import { PyRaise, alloc, decref, incref, newDict, newStr, rt } from './runtime';
import { getItemStr as dictGetItemStr } from './types/dict';
import { exceptionStr } from './types/exceptions';
import { isExceptionGroup, type PyBaseExceptionGroup } from './types/exceptiongroup';

/** Source text of each simulated file, for the lines tracebacks quote. */
export const sources = new Map<string, string[]>();

function sourceLine(filename: string, lineno: number): string | null {
  const lines = sources.get(filename);
  const line = lines?.[lineno - 1];
  return line === undefined ? null : line.trim();
}

/** A SyntaxWarning from the compiler as the warnings module shows it (_formatwarnmsg_impl in Lib/warnings.py):
 *  the location, the category and message, then the source line. */
export function syntaxWarning(filename: string, lineno: number, message: string): void {
  const line = sourceLine(filename, lineno);
  rt.stderr.push(`${filename}:${lineno}: SyntaxWarning: ${message}\n${line ? `  ${line}\n` : ''}`);
}

/** The traceback entries, oldest first, with CPython's collapsing of repeated lines. */
function formatTraceback(tb: PyTraceback | null): string {
  const out: string[] = [];
  let last: string | null = null;
  let count = 0;
  const flushRepeats = (): void => {
    if (count > 3) out.push(`  [Previous line repeated ${count - 3} more time${count - 3 === 1 ? '' : 's'}]\n`);
  };
  for (let t = tb; t; t = t.next) {
    const f = t.frame.frame;
    const file = f.code.filename;
    const name = f.code.name;
    const key = `${file}:${t.lineno}:${name}`;
    if (key === last) {
      count++;
      if (count > 3) continue;
    } else {
      flushRepeats();
      last = key;
      count = 1;
    }
    let entry = `  File "${file}", line ${t.lineno}, in ${name}\n`;
    const src = sourceLine(file, t.lineno);
    if (src) entry += `    ${src}\n`;
    out.push(entry);
  }
  flushRepeats();
  return out.join('');
}

/** The last line: `module.Name: message`, the module left out for builtins and __main__ (print_exception). */
export function exceptionHeader(e: PyObject): string {
  const type = e.ob_type;
  const name = type.module === 'builtins' || type.module === '__main__' ? type.qualname : `${type.module}.${type.qualname}`;
  const msg = e instanceof PyBaseException ? safeStr(e) + suggestionFor(e) : '';
  return msg ? `${name}: ${msg}` : name;
}

function safeStr(e: PyBaseException): string {
  try {
    return e.ob_type.heapType || isExceptionGroup(e) ? strText(e) : exceptionStr(e);
  } catch (err) {
    if (err instanceof PyRaise) {
      decref(err.exc);
      return `<exception str() failed>`;
    }
    throw err;
  }
}

function notes(e: PyBaseException): string {
  const d = e.dict;
  if (!d) return '';
  const n = d.map.get('__notes__');
  if (!n) return '';
  const list = n.value as PyObject & { items?: PyObject[] };
  return (list.items ?? []).map((x) => strText(x) + '\n').join('');
}

/** print_exception's state (Python/pythonrun.c): how deep in exception groups, and what was printed already. */
interface PrintContext {
  seen: Set<PyObject>;
  depth: number;
  needClose: boolean;
}

const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;
const CAUSE_MESSAGE = 'The above exception was the direct cause of the following exception:\n';
const CONTEXT_MESSAGE = 'During handling of the above exception, another exception occurred:\n';

/** EXC_INDENT and EXC_MARGIN: inside an exception group every line is indented and ruled. */
function indent(ctx: PrintContext): string {
  return ' '.repeat(2 * ctx.depth);
}

function margin(ctx: PrintContext): string {
  return indent(ctx) + (ctx.depth ? '| ' : '');
}

/** Each line of text (which ends with a newline) behind the margin. */
function withMargin(ctx: PrintContext, text: string): string {
  if (!ctx.depth || !text) return text;
  return text.replace(/^/gm, margin(ctx)).slice(0, -margin(ctx).length);
}

/** The report of an uncaught exception: its causes and contexts first, groups with their members. */
export function formatException(e: PyBaseException): string {
  return printExceptionRecursive({ seen: new Set(), depth: 0, needClose: false }, e);
}

/** print_exception_recursive with print_exception_cause_and_context. */
function printExceptionRecursive(ctx: PrintContext, e: PyBaseException): string {
  ctx.seen.add(e);
  let out = '';
  if (e.cause instanceof PyBaseException) {
    if (!ctx.seen.has(e.cause)) out += printChained(ctx, e.cause, CAUSE_MESSAGE);
  } else if (e.context instanceof PyBaseException && !e.suppressContext && !ctx.seen.has(e.context)) {
    out += printChained(ctx, e.context, CONTEXT_MESSAGE);
  }
  return out + (isExceptionGroup(e) ? printExceptionGroup(ctx, e) : printException(ctx, e));
}

function printChained(ctx: PrintContext, e: PyBaseException, message: string): string {
  const needClose = ctx.needClose;
  const out = printExceptionRecursive(ctx, e);
  ctx.needClose = needClose;
  const m = margin(ctx);
  return `${out}${m}\n${m}${message}${m}\n`;
}

/** print_exception: the traceback (a group's under its own header), the exception line, the notes. */
function printException(ctx: PrintContext, e: PyBaseException): string {
  let out = '';
  if (e.traceback) {
    const group = isExceptionGroup(e);
    const headerMargin = group && ctx.depth === 1 ? '+ ' : margin(ctx).slice(indent(ctx).length);
    const header = group ? 'Exception Group Traceback (most recent call last):' : 'Traceback (most recent call last):';
    out += `${indent(ctx)}${headerMargin}${header}\n` + withMargin(ctx, formatTraceback(e.traceback as PyTraceback));
  }
  out += margin(ctx) + exceptionHeader(e) + '\n';
  return out + withMargin(ctx, notes(e));
}

/** print_exception_group: the group, then each member in its ruled box (at most 15, 10 groups deep). */
function printExceptionGroup(ctx: PrintContext, e: PyBaseExceptionGroup): string {
  if (ctx.depth > MAX_GROUP_DEPTH) return `${margin(ctx)}... (max_group_depth is ${MAX_GROUP_DEPTH})\n`;
  if (ctx.depth === 0) ctx.depth++;
  let out = printException(ctx, e);
  const excs = e.excs.items;
  const n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true; // the closing rule may come from a nested group
    const truncated = i >= MAX_GROUP_WIDTH;
    out += `${indent(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`;
    ctx.depth++;
    if (!truncated) {
      out += printExceptionRecursive(ctx, excs[i] as PyBaseException);
    } else {
      const remaining = excs.length - MAX_GROUP_WIDTH;
      out += `${margin(ctx)}and ${remaining} more exception${remaining > 1 ? 's' : ''}\n`;
    }
    if (last && ctx.needClose) {
      out += `${indent(ctx)}+------------------------------------\n`;
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (ctx.depth === 1) ctx.depth--;
  return out;
}

/** PyErr_WriteUnraisable: an exception in __del__ or a weakref callback is reported, not raised. */
export function reportUnraisable(err: unknown, where: PyObject): void {
  if (!(err instanceof PyRaise)) throw err;
  const e = err.exc;
  const del = where.ob_type.dict?.map.get('__del__')?.value ?? null;
  // 3.14 names what was being done (PyErr_FormatUnraisable in slot_tp_finalize) and passes no object.
  const errMsg = rt.v >= 314 && del ? `Exception ignored while calling deallocator ${safeRepr(del)}` : null;
  const object = errMsg ? null : (del ?? where);
  const sysModule = rt.modules ? dictGetItemStr(rt.modules, 'sys') : null;
  const hook = sysModule ? dictGetItemStr((sysModule as PyModule).dict, 'unraisablehook') : null;
  if (hook && hook !== unraisableHooks.default) {
    // _PyErr_WriteUnraisableMsg: a hook the program installed gets sys.UnraisableHookArgs.
    const args = unraisableHookArgs(e, errMsg, object);
    try {
      decref(call(hook, [args]));
    } catch (hookErr) {
      if (!(hookErr instanceof PyRaise)) throw hookErr;
      writeUnraisable(hookErr.exc, 'Exception ignored in sys.unraisablehook', hook);
      decref(hookErr.exc);
    } finally {
      decref(args);
    }
    decref(e);
    return;
  }
  writeUnraisable(e, errMsg, object);
  decref(e);
}

function safeRepr(o: PyObject): string {
  try {
    return reprText(o);
  } catch (inner) {
    if (inner instanceof PyRaise) decref(inner.exc);
    return '<object repr() failed>';
  }
}

/** write_unraisable_exc (Python/errors.c), the default sys.unraisablehook. */
function writeUnraisable(e: PyBaseException, errMsg: string | null, object: PyObject | null): void {
  let text = errMsg !== null ? (object ? `${errMsg}: ${safeRepr(object)}\n` : `${errMsg}:\n`)
    : object ? `Exception ignored in: ${safeRepr(object)}\n` : '';
  if (e.traceback) text += 'Traceback (most recent call last):\n' + formatTraceback(e.traceback as PyTraceback);
  text += exceptionHeader(e) + '\n';
  rt.stderr.push(text);
}

/** sys.unraisablehook as CPython starts with it (set by the sys module). */
export const unraisableHooks = { default: null as PyObject | null };

let hookArgsType: PyType | null = null;
const HOOK_FIELDS = ['exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object'];

/** sys.UnraisableHookArgs (a struct sequence): the five fields as a tuple, readable by name. */
function unraisableHookArgs(e: PyBaseException, errMsg: string | null, object: PyObject | null): PyObject {
  if (!hookArgsType || hookArgsType.base !== rt.t.tuple) {
    const t = new PyType(rt.t.type, 'UnraisableHookArgs', rt.t.tuple);
    t.module = 'sys';
    t.mro = [t, rt.t.tuple, rt.t.object];
    t.dict = newDict();
    t.slots.tp_getattro = (self, name) => {
      const i = HOOK_FIELDS.indexOf(name.value);
      return i >= 0 ? incref((self as PyTuple).items[i]) : null;
    };
    hookArgsType = t;
  }
  const items = [incref(e.ob_type), incref(e), incref(e.traceback ?? rt.None), errMsg !== null ? newStr(errMsg) : incref(rt.None), incref(object ?? rt.None)];
  return alloc(new PyTuple(hookArgsType, items), 3 * rt.version.ptr + items.length * rt.version.ptr);
}

/** The default sys.unraisablehook(unraisable). */
export function defaultUnraisableHook(u: PyObject): void {
  const field = (i: number) => (u as PyTuple).items[i];
  const e = field(1);
  if (!(e instanceof PyBaseException)) return;
  const msg = field(3);
  writeUnraisable(e, msg instanceof PyStr ? msg.value : null, field(4) === rt.None ? null : field(4));
}

/** The trailer _Py_Offer_Suggestions adds to an exact NameError or AttributeError's message. */
export function suggestionFor(e: PyBaseException): string {
  const t = e.ob_type;
  const name = e.name instanceof PyStr ? e.name.value : null;
  if (!name) return '';
  if (t === rt.t.exc.get('AttributeError') && e.obj) {
    let names: string[];
    try {
      const d = dirOf(e.obj) as PyObject & { items: PyObject[] };
      names = d.items.map((x) => (x as PyStr).value);
      decref(d);
    } catch (err) {
      if (err instanceof PyRaise) { decref(err.exc); return ''; }
      throw err;
    }
    const s = calculateSuggestion(names, name);
    return s ? `. Did you mean: ${reprText(newStrBorrowed(s))}?` : '';
  }
  if (t === rt.t.exc.get('NameError') && e.traceback) {
    let tb = e.traceback as PyTraceback;
    while (tb.next) tb = tb.next;
    const f = tb.frame.frame;
    const varnames = f.code.localsplusnames.filter((_, i) => f.code.localspluskinds[i] !== 'free' && (f.code.localspluskinds[i] === 'local' || f.code.argcount > i));
    let s: string | null = null;
    if (rt.v >= 312 && varnames.includes('self')) {
      const self = f.fast[f.code.localsplusnames.indexOf('self')];
      const selfObj = self && f.code.localspluskinds[f.code.localsplusnames.indexOf('self')] === 'cell' ? (self as PyObject & { ref: PyObject | null }).ref : self;
      if (selfObj) {
        const v = getAttrOpt(selfObj, name);
        if (v) {
          decref(v);
          return `. Did you mean: 'self.${name}'?`;
        }
      }
    }
    s = calculateSuggestion(varnames, name);
    if (s === null) s = calculateSuggestion([...f.globals.map.values()].map((x) => (x.key as PyStr).value), name);
    if (s === null) s = calculateSuggestion([...f.builtins.map.values()].map((x) => (x.key as PyStr).value), name);
    const stdlib = rt.v >= 312 && STDLIB_MODULE_NAMES.has(name);
    if (s === null && !stdlib) return '';
    if (!stdlib) return `. Did you mean: ${reprText(newStrBorrowed(s!))}?`;
    if (s === null) return `. Did you forget to import ${reprText(newStrBorrowed(name))}?`;
    return `. Did you mean: ${reprText(newStrBorrowed(s))}? Or did you forget to import ${reprText(newStrBorrowed(name))}?`;
  }
  return '';
}

function newStrBorrowed(s: string): PyObject {
  const o = newStr(s);
  decref(o);
  return o;
}
