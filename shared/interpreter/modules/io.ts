// The io module's in-memory streams (Modules/_io/stringio.c, bytesio.c): StringIO and BytesIO with their
// reading, writing and seeking, usable with print(file=...) and contextlib.redirect_stdout. Files on disk are
// never simulated (open() raises).
import { excType, iterNext, getIter, typeName, indexValue, strText } from '../abstract';
import { PyBytes, PyModule, PyObject, PyStr, PyType } from '../objects';
import { alloc, decref, incref, newBool, newInt, newList, newStr, raise, rt } from '../runtime';
import { clinic, def, getter } from '../types/common';
import { bytesLike, newBytes } from '../types/bytes';
import * as dict from '../types/dict';
import { finishType, moduleValue, newStaticType, typeError } from './support';
import { typeNew } from '../types/type';
import { addInstanceDescriptors } from '../types/object';

class PyStringIO extends PyObject {
  buf = '';
  pos = 0;
  closed = false;
  dict: import('../objects').PyDict | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

class PyBytesIO extends PyObject {
  buf: number[] = [];
  pos = 0;
  closed = false;
  constructor(type: PyType) {
    super(type);
  }
}

function checkOpen(o: { closed: boolean }): void {
  if (o.closed) raise(excType('ValueError'), 'I/O operation on closed file.');
}

function sizeArg(o: PyObject | null | undefined): number {
  if (!o || o === rt.None) return -1;
  return Number(indexValue(o));
}

export function installIo(m: PyModule): void {
  const unsupported = excType('ValueError');
  // io.UnsupportedOperation(OSError, ValueError)
  const ns = dict.newDictObject();
  const modName = newStr('io');
  dict.setItemStr(ns, '__module__', modName);
  decref(modName);
  let uo: PyType;
  try {
    uo = typeNew(rt.t.type, 'UnsupportedOperation', [excType('OSError'), unsupported], ns);
  } catch (e) {
    // The simulator's layout check refuses (OSError, ValueError); keep OSError alone.
    if (!(e instanceof Object && 'exc' in e)) throw e;
    decref((e as { exc: PyObject }).exc);
    uo = typeNew(rt.t.type, 'UnsupportedOperation', [excType('OSError')], ns);
  }
  decref(ns);
  moduleValue(m, 'UnsupportedOperation', uo);
  decref(uo);

  // ---- StringIO
  const S = newStaticType('StringIO', { module: '_io', size: 128, gc: true, baseType: true, weakrefable: true });
  S.slots.tp_new = (type) => alloc(new PyStringIO(type), 128);
  S.slots.tp_init = (self, args, kw) => {
    const s = self as PyStringIO;
    const [initial] = clinic('StringIO', args, kw, ['initial_value', 'newline'], { posonly: 0, minpos: 0, maxpos: 2 });
    s.buf = '';
    s.pos = 0;
    if (initial && initial !== rt.None) {
      if (!(initial instanceof PyStr)) typeError(`initial_value must be str or None, not ${typeName(initial)}`);
      s.buf = (initial as PyStr).value;
    }
  };
  S.slots.tp_iter = (self) => {
    checkOpen(self as PyStringIO);
    return incref(self);
  };
  const readline = (s: PyStringIO, limit: number): string => {
    if (s.pos >= s.buf.length) return '';
    let end = s.buf.indexOf('\n', s.pos);
    end = end < 0 ? s.buf.length : end + 1;
    if (limit >= 0 && end - s.pos > limit) end = s.pos + limit;
    const line = s.buf.slice(s.pos, end);
    s.pos = end;
    return line;
  };
  S.slots.tp_iternext = (self) => {
    const s = self as PyStringIO;
    checkOpen(s);
    const line = readline(s, -1);
    return line ? newStr(line) : null;
  };
  S.slots.tp_traverse = (self, visit) => {
    const s = self as PyStringIO;
    if (s.dict) visit(s.dict);
  };
  S.slots.tp_clear = (self) => {
    const s = self as PyStringIO;
    const d = s.dict;
    s.dict = null;
    if (d) decref(d);
  };
  def<PyStringIO>(S, 'getvalue', (s) => { checkOpen(s); return newStr(s.buf); });
  def<PyStringIO>(S, 'write', (s, args) => {
    checkOpen(s);
    const o = args[0];
    if (!(o instanceof PyStr)) typeError(`string argument expected, got '${typeName(o)}'`);
    const text = (o as PyStr).value;
    if (s.pos > s.buf.length) s.buf += '\0'.repeat(s.pos - s.buf.length);
    s.buf = s.buf.slice(0, s.pos) + text + s.buf.slice(s.pos + text.length);
    s.pos += text.length;
    return newInt([...text].length);
  });
  def<PyStringIO>(S, 'writelines', (s, args) => {
    checkOpen(s);
    const it = getIter(args[0]);
    try {
      for (let x = iterNext(it); x; x = iterNext(it)) {
        try {
          const w = (S.dict.map.get('write')!.value as import('../objects').PyBuiltin);
          decref(w.fn([x], null, s));
        } finally {
          decref(x);
        }
      }
    } finally {
      decref(it);
    }
    return incref(rt.None);
  });
  def<PyStringIO>(S, 'read', (s, args) => {
    checkOpen(s);
    const n = sizeArg(args[0]);
    const start = Math.min(s.pos, s.buf.length);
    const end = n < 0 ? s.buf.length : Math.min(s.buf.length, start + n);
    s.pos = Math.max(s.pos, end);
    return newStr(s.buf.slice(start, end));
  });
  def<PyStringIO>(S, 'readline', (s, args) => { checkOpen(s); return newStr(readline(s, sizeArg(args[0]))); });
  def<PyStringIO>(S, 'readlines', (s, args) => {
    checkOpen(s);
    const hint = sizeArg(args[0]);
    const out: PyObject[] = [];
    let total = 0;
    for (let line = readline(s, -1); line; line = readline(s, -1)) {
      out.push(newStr(line));
      total += line.length;
      if (hint > 0 && total >= hint) break;
    }
    return newList(out);
  });
  def<PyStringIO>(S, 'seek', (s, args) => {
    checkOpen(s);
    const pos = Number(indexValue(args[0]));
    const whence = args.length > 1 ? Number(indexValue(args[1])) : 0;
    if (whence === 0) {
      if (pos < 0) raise(excType('ValueError'), `Negative seek position ${pos}`);
      s.pos = pos;
    } else if (whence === 1 || whence === 2) {
      if (pos !== 0) raise(uo, `Can't do nonzero cur-relative seeks`);
      if (whence === 2) s.pos = s.buf.length;
    } else raise(excType('ValueError'), `Invalid whence (${whence}, should be 0, 1 or 2)`);
    return newInt(s.pos);
  });
  def<PyStringIO>(S, 'tell', (s) => { checkOpen(s); return newInt(s.pos); });
  def<PyStringIO>(S, 'truncate', (s, args) => {
    checkOpen(s);
    const size = args.length && args[0] !== rt.None ? Number(indexValue(args[0])) : s.pos;
    if (size < 0) raise(excType('ValueError'), `Negative size value ${size}`);
    if (size < s.buf.length) s.buf = s.buf.slice(0, size);
    return newInt(size);
  });
  def<PyStringIO>(S, 'close', (s) => { s.closed = true; return incref(rt.None); });
  def<PyStringIO>(S, 'flush', (s) => { checkOpen(s); return incref(rt.None); });
  for (const n of ['readable', 'writable', 'seekable']) def<PyStringIO>(S, n, (s) => { checkOpen(s); return newBool(true); });
  def<PyStringIO>(S, 'isatty', (s) => { checkOpen(s); return newBool(false); });
  def<PyStringIO>(S, '__enter__', (s) => { checkOpen(s); return incref(s); });
  def<PyStringIO>(S, '__exit__', (s) => { s.closed = true; return incref(rt.None); });
  getter<PyStringIO>(S, 'closed', (s) => newBool(s.closed));
  getter<PyStringIO>(S, 'line_buffering', () => newBool(false));
  getter<PyStringIO>(S, 'newlines', () => incref(rt.None));
  addInstanceDescriptors(S, true, false);
  finishType(S);
  moduleValue(m, 'StringIO', S);

  // ---- BytesIO
  const B = newStaticType('BytesIO', { module: '_io', size: 104, gc: true, baseType: true, weakrefable: true });
  B.slots.tp_new = (type) => alloc(new PyBytesIO(type), 104);
  B.slots.tp_init = (self, args, kw) => {
    const b = self as PyBytesIO;
    const [initial] = clinic('BytesIO', args, kw, ['initial_bytes'], { posonly: 0, minpos: 0, maxpos: 1 });
    b.buf = [];
    b.pos = 0;
    if (initial && initial !== rt.None) {
      const v = bytesLike(initial);
      if (!v) typeError(`a bytes-like object is required, not '${typeName(initial)}'`);
      b.buf = [...v!];
    }
  };
  def<PyBytesIO>(B, 'getvalue', (b) => { checkOpen(b); return newBytes(Uint8Array.from(b.buf)); });
  def<PyBytesIO>(B, 'write', (b, args) => {
    checkOpen(b);
    const v = bytesLike(args[0]);
    if (!v) typeError(`a bytes-like object is required, not '${typeName(args[0])}'`);
    while (b.buf.length < b.pos) b.buf.push(0);
    for (let i = 0; i < v!.length; i++) b.buf[b.pos + i] = v![i];
    b.pos += v!.length;
    return newInt(v!.length);
  });
  def<PyBytesIO>(B, 'read', (b, args) => {
    checkOpen(b);
    const n = sizeArg(args[0]);
    const start = Math.min(b.pos, b.buf.length);
    const end = n < 0 ? b.buf.length : Math.min(b.buf.length, start + n);
    b.pos = Math.max(b.pos, end);
    return newBytes(Uint8Array.from(b.buf.slice(start, end)));
  });
  def<PyBytesIO>(B, 'seek', (b, args) => {
    checkOpen(b);
    const pos = Number(indexValue(args[0]));
    const whence = args.length > 1 ? Number(indexValue(args[1])) : 0;
    if (whence === 0) b.pos = pos;
    else if (whence === 1) b.pos = Math.max(0, b.pos + pos);
    else b.pos = Math.max(0, b.buf.length + pos);
    return newInt(b.pos);
  });
  def<PyBytesIO>(B, 'tell', (b) => { checkOpen(b); return newInt(b.pos); });
  def<PyBytesIO>(B, 'close', (b) => { b.closed = true; return incref(rt.None); });
  def<PyBytesIO>(B, '__enter__', (b) => { checkOpen(b); return incref(b); });
  def<PyBytesIO>(B, '__exit__', (b) => { b.closed = true; return incref(rt.None); });
  getter<PyBytesIO>(B, 'closed', (b) => newBool(b.closed));
  finishType(B);
  moduleValue(m, 'BytesIO', B);
  for (const [n, v] of [['SEEK_SET', 0], ['SEEK_CUR', 1], ['SEEK_END', 2], ['DEFAULT_BUFFER_SIZE', 8192]] as const) {
    const o = newInt(v);
    moduleValue(m, n, o);
    decref(o);
  }
  const open = dict.getItemStr(rt.builtins, 'open');
  if (open) moduleValue(m, 'open', open);
  void PyBytes;
  void strText;
}
