// _simsupport: what the Python-written stdlib modules (linecache, traceback, inspect) read from the simulator
// itself where CPython would read files or C structures: the source lines of simulated files, the position of
// an instruction, and the parameter layout of a code object.
import { excType, typeName } from '../abstract';
import { CodeObject } from '../code';
import { PyFrameObject, PyInt, PyModule, PyObject, PyStr, PyTraceback } from '../objects';
import { decref, incref, newInt, newList, newStr, newTuple, raise, rt } from '../runtime';
import { sources } from '../errors';
import { moduleFunction, typeError } from './support';

function positionsOf(code: CodeObject, lasti: number): PyObject {
  const line = code.lines[lasti] || 0;
  const col = code.cols ? code.cols[lasti * 2] : -1;
  const endCol = code.cols ? code.cols[lasti * 2 + 1] : -1;
  const n = (v: number): PyObject => (v >= 0 && line ? newInt(v) : incref(rt.None));
  return newTuple([line ? newInt(line) : incref(rt.None), line ? newInt(line) : incref(rt.None), n(col), n(endCol)]);
}

export function installSimSupport(m: PyModule): void {
  moduleFunction(m, 'getlines', (args) => {
    const f = args[0];
    if (!(f instanceof PyStr)) return newList([]);
    const lines = sources.get(f.value);
    if (!lines) return newList([]);
    const out = lines.map((l, i) => newStr(i < lines.length - 1 || l !== '' ? l + '\n' : l)).filter((o) => (o as PyStr).value !== '');
    return newList(out);
  });
  // (lineno, end_lineno, colno, end_colno) of a traceback entry or of a frame's current instruction.
  moduleFunction(m, 'tb_positions', (args) => {
    const tb = args[0];
    if (!(tb instanceof PyTraceback)) typeError(`expected a traceback, not ${typeName(tb)}`);
    const t = tb as PyTraceback;
    return positionsOf(t.frame.frame.code, t.lasti);
  });
  moduleFunction(m, 'frame_positions', (args) => {
    const fo = args[0];
    if (!(fo instanceof PyFrameObject)) typeError(`expected a frame, not ${typeName(fo)}`);
    const f = (fo as PyFrameObject).frame;
    return positionsOf(f.code, f.lasti);
  });
  // (argcount, posonlyargcount, kwonlyargcount, flags, varnames, freevars, cellvars) of a code object.
  moduleFunction(m, 'code_info', (args) => {
    const c = args[0];
    if (!(c instanceof CodeObject)) typeError(`expected a code object, not ${typeName(c)}`);
    const code = c as CodeObject;
    const names = (kind: string): PyObject => newTuple(code.localsplusnames.filter((_, i) => code.localspluskinds[i] === kind).map((n) => newStr(n)));
    const nargs = code.argcount + code.kwonlyargcount + (code.flags & 4 ? 1 : 0) + (code.flags & 8 ? 1 : 0);
    const varnames = newTuple(code.localsplusnames.filter((_, i) => code.localspluskinds[i] === 'local' || (code.localspluskinds[i] === 'cell' && i < nargs)).map((n) => newStr(n)));
    return newTuple([newInt(code.argcount), newInt(code.posonlyargcount), newInt(code.kwonlyargcount), newInt(code.flags), varnames, names('free'), names('cell')]);
  });
  void PyInt;
  void excType;
  void raise;
  void decref;
}

