// _simsupport: what the Python-written stdlib modules (linecache, traceback, inspect) read from the simulator
// itself where CPython would read files or C structures: the source lines of simulated files, the position of
// an instruction, and the parameter layout of a code object.
import { excType, typeName } from '../abstract';
import { CodeObject } from '../code';
import { PyFrameObject, PyInt, PyModule, PyObject, PyStr, PyTraceback } from '../objects';
import { decref, incref, newDict, newInt, newList, newStr, newTuple, raise, rt } from '../runtime';
import { sources } from '../errors';
import { parse } from '../../parser';
import * as dict from '../types/dict';
import { moduleFunction, typeError } from './support';

/** UTF-8 length of the first `units` UTF-16 code units of s (CPython's columns count bytes). */
function utf8Offset(s: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n + Math.max(0, units - s.length);
}

function positionsOf(code: CodeObject, lasti: number): PyObject {
  const line = code.lines[lasti] || 0;
  const text = line ? sources.get(code.filename)?.[line - 1] : undefined;
  const bytes = (v: number): number => (text === undefined || v < 0 ? v : utf8Offset(text, v));
  const col = code.cols ? bytes(code.cols[lasti * 2]) : -1;
  const endCol = code.cols ? bytes(code.cols[lasti * 2 + 1]) : -1;
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
  // The statements of a source text, as plain dicts shaped like ast nodes (`_type`, positions in UTF-8
  // bytes, child nodes a few levels deep), or None for a syntax error: what traceback needs of ast.parse
  // to place its caret anchors.
  moduleFunction(m, 'parse_outline', (args) => {
    const src = args[0];
    if (!(src instanceof PyStr)) typeError(`expected str, not ${typeName(src)}`);
    const text = (src as PyStr).value;
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(text);
    } catch {
      return incref(rt.None);
    }
    if (parsed.errors.length) return incref(rt.None);
    const lines = text.split('\n');
    const col = (lineno: number, c: number): number => utf8Offset(lines[lineno - 1] ?? '', c);
    const convert = (node: unknown, depth: number): PyObject => {
      if (Array.isArray(node)) return newList(node.map((x) => convert(x, depth)));
      if (!node || typeof node !== 'object' || !('_type' in node)) return incref(rt.None);
      const o = node as Record<string, unknown>;
      const d = newDict();
      const put = (k: string, v: PyObject): void => {
        dict.setItemStr(d, k, v);
        decref(v);
      };
      put('_type', newStr(String(o._type)));
      if (typeof o.lineno === 'number') {
        put('lineno', newInt(o.lineno));
        put('end_lineno', newInt(o.end_lineno as number));
        put('col_offset', newInt(col(o.lineno, o.col_offset as number)));
        put('end_col_offset', newInt(col(o.end_lineno as number, o.end_col_offset as number)));
      }
      if (depth > 0) {
        for (const [k, v] of Object.entries(o)) {
          if (k === '_type' || k === 'lineno' || k === 'end_lineno' || k === 'col_offset' || k === 'end_col_offset') continue;
          if (v && typeof v === 'object' && (Array.isArray(v) || '_type' in v)) put(k, convert(v, depth - 1));
        }
      }
      return d;
    };
    return convert(parsed.module.body, 4);
  });
  void PyInt;
  void excType;
  void raise;
  void decref;
}

