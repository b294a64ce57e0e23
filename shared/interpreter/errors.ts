// Printing exceptions as CPython does (Python/pythonrun.c print_exception, Lib/traceback.py): the traceback of
// an uncaught exception with its chained causes, and "Exception ignored in" for errors in finalizers.
import { reprText, strText } from './abstract';
import { PyBaseException, PyObject, PyTraceback } from './objects';
import { PyRaise, decref, rt } from './runtime';
import { exceptionStr } from './types/exceptions';

/** Source text of each simulated file, for the lines tracebacks quote. */
export const sources = new Map<string, string[]>();

function sourceLine(filename: string, lineno: number): string | null {
  const lines = sources.get(filename);
  const line = lines?.[lineno - 1];
  return line === undefined ? null : line.trim();
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
  const msg = e instanceof PyBaseException ? safeStr(e) : '';
  return msg ? `${name}: ${msg}` : name;
}

function safeStr(e: PyBaseException): string {
  try {
    return e.ob_type.heapType ? strText(e) : exceptionStr(e);
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

/** print_exception_recursive: causes and contexts first, then this exception. */
export function formatException(e: PyBaseException, seen = new Set<PyObject>()): string {
  seen.add(e);
  let out = '';
  if (e.cause instanceof PyBaseException && !seen.has(e.cause)) {
    out += formatException(e.cause, seen);
    out += '\nThe above exception was the direct cause of the following exception:\n\n';
  } else if (e.context instanceof PyBaseException && !e.suppressContext && !seen.has(e.context)) {
    out += formatException(e.context, seen);
    out += '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  if (e.traceback) out += 'Traceback (most recent call last):\n' + formatTraceback(e.traceback as PyTraceback);
  out += exceptionHeader(e) + '\n';
  out += notes(e);
  return out;
}

/** PyErr_WriteUnraisable: an exception in __del__ or a weakref callback is reported, not raised. */
export function reportUnraisable(err: unknown, where: PyObject): void {
  if (!(err instanceof PyRaise)) throw err;
  const e = err.exc;
  let what: string;
  try {
    const del = where.ob_type.dict?.map.get('__del__');
    what = del ? reprText(del.value) : reprText(where);
  } catch (inner) {
    if (inner instanceof PyRaise) decref(inner.exc);
    what = '<object repr() failed>';
  }
  let text = `Exception ignored in: ${what}\n`;
  if (e.traceback) text += 'Traceback (most recent call last):\n' + formatTraceback(e.traceback as PyTraceback);
  text += exceptionHeader(e) + '\n';
  rt.stderr.push(text);
  decref(e);
}
