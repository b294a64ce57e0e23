// _json (Modules/_json.c): the scanner json.decoder uses (scanstring and make_scanner, with the C scanner's
// error messages and positions) and the string escapers of json.encoder. The json package itself is Python
// (pylib/json.ts), as in CPython; the encoder runs in Python (c_make_encoder is not provided).
import { call, dictHooks, excType, getAttr, getItem, indexValue, isTrue, typeName } from '../abstract';
import { PyDict, PyList, PyModule, PyObject, PyStr, PyType } from '../objects';
import { alloc, decref, incref, newDict, newException, newInt, newList, newStr, newTuple, PyRaise, raise, rt } from '../runtime';
import * as dict from '../types/dict';
import { clinic } from '../types/common';
import { finishType, importModule, moduleFunction, moduleValue, newStaticType, typeError } from './support';

function decodeError(msg: string, doc: PyStr, pos: number): never {
  const decoder = importModule('json.decoder');
  let cls: PyObject;
  try {
    void dictHooks;
    const mod = dict.getItemStr(rt.modules, 'json.decoder')!;
    cls = getAttr(mod, 'JSONDecodeError');
  } finally {
    decref(decoder);
  }
  const m = newStr(msg);
  const p = newInt(pos);
  let exc: PyObject;
  try {
    exc = call(cls, [m, doc, p]);
  } finally {
    decref(m);
    decref(p);
    decref(cls);
  }
  throw new PyRaise(exc as import('../objects').PyBaseException);
}

function stopIteration(idx: number): never {
  throw new PyRaise(newException(excType('StopIteration'), [newInt(idx)]));
}

const isWs = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** scanstring_unicode: the string starting after the quote at end-1; returns [text, index after the quote]. */
function scanString(doc: PyStr, end: number, strict: boolean): [string, number] {
  const s = doc.value;
  const len = s.length;
  const begin = end - 1;
  if (end < 0 || len < end) raise(excType('ValueError'), 'end is out of bounds');
  let out = '';
  for (;;) {
    let next = end;
    let c = '';
    for (; next < len; next++) {
      c = s[next];
      if (c === '"' || c === '\\') break;
      if (c.charCodeAt(0) <= 0x1f && strict) decodeError('Invalid control character at', doc, next);
    }
    if (next >= len) decodeError('Unterminated string starting at', doc, begin);
    out += s.slice(end, next);
    next++;
    if (c === '"') {
      end = next;
      break;
    }
    if (next === len) decodeError('Unterminated string starting at', doc, begin);
    c = s[next];
    if (c !== 'u') {
      end = next + 1;
      const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      const r = map[c];
      if (r === undefined) decodeError('Invalid \\escape', doc, end - 2);
      out += r;
    } else {
      next++;
      end = next + 4;
      if (end >= len) decodeError('Invalid \\uXXXX escape', doc, next - 1);
      const hex = s.slice(next, end);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) decodeError('Invalid \\uXXXX escape', doc, end - 5);
      let code = parseInt(hex, 16);
      next = end;
      if (code >= 0xd800 && code <= 0xdbff && end + 6 < len && s[next] === '\\' && s[next + 1] === 'u') {
        end += 6;
        const hex2 = s.slice(next + 2, end);
        if (!/^[0-9a-fA-F]{4}$/.test(hex2)) decodeError('Invalid \\uXXXX escape', doc, end - 5);
        const c2 = parseInt(hex2, 16);
        if (c2 >= 0xdc00 && c2 <= 0xdfff) code = 0x10000 + ((code - 0xd800) << 10) + (c2 - 0xdc00);
        else end -= 6;
      }
      out += String.fromCodePoint(code);
    }
  }
  return [out, end];
}

class PyScanner extends PyObject {
  constructor(
    type: PyType,
    public strict: boolean,
    public objectHook: PyObject,
    public pairsHook: PyObject,
    public parseFloat: PyObject,
    public parseInt: PyObject,
    public parseConstant: PyObject,
  ) {
    super(type);
  }
}

export function installJson(m: PyModule): void {
  moduleFunction(m, 'scanstring', (args, kw) => {
    const [s, endO, strictO] = clinic('scanstring', args, kw, ['string', 'end', 'strict'], { posonly: 3, minpos: 2, maxpos: 3 });
    if (!(s instanceof PyStr)) typeError(`first argument must be a string, not ${typeName(s!)}`);
    const [text, end] = scanString(s as PyStr, Number(indexValue(endO!)), strictO ? isTrue(strictO) : true);
    return newTuple([newStr(text), newInt(end)]);
  });

  const T = newStaticType('Scanner', { module: '_json', size: 64, gc: true, qualname: 'Scanner' });
  T.slots.tp_new = (type, args, kw) => {
    const [ctx] = clinic('make_scanner', args, kw, ['context'], { posonly: 0, minpos: 1, maxpos: 1 });
    const get = (n: string): PyObject => getAttr(ctx!, n);
    const strictO = get('strict');
    const strict = isTrue(strictO);
    decref(strictO);
    return alloc(new PyScanner(type, strict, get('object_hook'), get('object_pairs_hook'), get('parse_float'),
      get('parse_int'), get('parse_constant')), 64);
  };
  T.slots.tp_traverse = (self, visit) => {
    const sc = self as PyScanner;
    for (const o of [sc.objectHook, sc.pairsHook, sc.parseFloat, sc.parseInt, sc.parseConstant]) visit(o);
  };
  T.slots.tp_clear = (self) => {
    const sc = self as PyScanner;
    for (const o of [sc.objectHook, sc.pairsHook, sc.parseFloat, sc.parseInt, sc.parseConstant]) decref(o);
  };
  T.slots.tp_call = (self, args, kw) => {
    const sc = self as PyScanner;
    const [s, idxO] = clinic('scanner', args, kw, ['string', 'idx'], { posonly: 0, minpos: 2, maxpos: 2 });
    if (!(s instanceof PyStr)) typeError(`first argument must be a string, not ${typeName(s!)}`);
    const memo = newDict();
    try {
      const [v, end] = scanOnce(sc, s as PyStr, Number(indexValue(idxO!)), memo, 0);
      return newTuple([v, newInt(end)]);
    } finally {
      decref(memo);
    }
  };
  finishType(T);
  moduleValue(m, 'make_scanner', T);

  moduleFunction(m, 'encode_basestring_ascii', (args) => {
    const s = args[0];
    if (!(s instanceof PyStr)) typeError(`first argument must be a string, not ${typeName(s)}`);
    return newStr(encodeString((s as PyStr).value, true));
  });
  moduleFunction(m, 'encode_basestring', (args) => {
    const s = args[0];
    if (!(s instanceof PyStr)) typeError(`first argument must be a string, not ${typeName(s)}`);
    return newStr(encodeString((s as PyStr).value, false));
  });
}

function encodeString(s: string, ascii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    switch (c) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
    }
    if (code < 0x20 || (ascii && code > 0x7e)) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += c;
  }
  return out + '"';
}

/** scan_once_unicode */
function scanOnce(sc: PyScanner, doc: PyStr, idx: number, memo: PyDict, depth: number): [PyObject, number] {
  const s = doc.value;
  const len = s.length;
  if (idx < 0) raise(excType('ValueError'), 'idx cannot be negative');
  if (idx >= len) stopIteration(idx);
  const c = s[idx];
  const constant = (name: string, value: () => PyObject): [PyObject, number] | null => {
    if (s.startsWith(name, idx)) return [value(), idx + name.length];
    return null;
  };
  const parseConst = (name: string): [PyObject, number] | null => {
    if (!s.startsWith(name, idx)) return null;
    const n = newStr(name);
    try {
      return [call(sc.parseConstant, [n]), idx + name.length];
    } finally {
      decref(n);
    }
  };
  let r: [PyObject, number] | null = null;
  switch (c) {
    case '"': {
      const [text, end] = scanString(doc, idx + 1, sc.strict);
      return [newStr(text), end];
    }
    case '{':
      if (depth > rt.recursionLimit) raise(excType('RecursionError'), 'maximum recursion depth exceeded while decoding a JSON object from a unicode string');
      return parseObject(sc, doc, idx + 1, memo, depth + 1);
    case '[':
      if (depth > rt.recursionLimit) raise(excType('RecursionError'), 'maximum recursion depth exceeded while decoding a JSON array from a unicode string');
      return parseArray(sc, doc, idx + 1, memo, depth + 1);
    case 'n': r = constant('null', () => incref(rt.None)); break;
    case 't': r = constant('true', () => incref(rt.True)); break;
    case 'f': r = constant('false', () => incref(rt.False)); break;
    case 'N': r = parseConst('NaN'); break;
    case 'I': r = parseConst('Infinity'); break;
    case '-': r = parseConst('-Infinity'); break;
  }
  if (r) return r;
  return matchNumber(sc, doc, idx);
}

function matchNumber(sc: PyScanner, doc: PyStr, start: number): [PyObject, number] {
  const s = doc.value;
  const endIdx = s.length - 1;
  let idx = start;
  if (s[idx] === '-') {
    idx++;
    if (idx > endIdx) stopIteration(start);
  }
  if (s[idx] >= '1' && s[idx] <= '9') {
    idx++;
    while (idx <= endIdx && isDigit(s[idx])) idx++;
  } else if (s[idx] === '0') {
    idx++;
  } else stopIteration(start);
  let isFloat = false;
  if (idx < endIdx && s[idx] === '.' && isDigit(s[idx + 1])) {
    isFloat = true;
    idx += 2;
    while (idx <= endIdx && isDigit(s[idx])) idx++;
  }
  if (idx < endIdx && (s[idx] === 'e' || s[idx] === 'E')) {
    const eStart = idx;
    idx++;
    if (idx < endIdx && (s[idx] === '-' || s[idx] === '+')) idx++;
    while (idx <= endIdx && isDigit(s[idx])) idx++;
    if (isDigit(s[idx - 1])) isFloat = true;
    else idx = eStart;
  }
  const numstr = newStr(s.slice(start, idx));
  try {
    const custom = isFloat ? (sc.parseFloat !== rt.t.float ? sc.parseFloat : null) : (sc.parseInt !== rt.t.int ? sc.parseInt : null);
    if (custom) return [call(custom, [numstr]), idx];
    return [call(isFloat ? rt.t.float : rt.t.int, [numstr]), idx];
  } finally {
    decref(numstr);
  }
}

function skipWs(s: string, idx: number): number {
  while (idx < s.length && isWs(s[idx])) idx++;
  return idx;
}

function parseObject(sc: PyScanner, doc: PyStr, idx: number, memo: PyDict, depth: number): [PyObject, number] {
  const s = doc.value;
  const hasPairsHook = sc.pairsHook !== rt.None;
  const pairs: PyObject[] = [];
  const rval = hasPairsHook ? null : newDict();
  try {
    idx = skipWs(s, idx);
    if (idx >= s.length || s[idx] !== '}') {
      for (;;) {
        if (idx >= s.length || s[idx] !== '"') decodeError('Expecting property name enclosed in double quotes', doc, idx);
        const [text, nextIdx] = scanString(doc, idx + 1, sc.strict);
        let key: PyObject = newStr(text);
        const memoed = dict.getItem(memo, key);
        if (memoed) {
          decref(key);
          key = incref(memoed);
        } else dict.setItem(memo, key, key);
        idx = skipWs(s, nextIdx);
        if (idx >= s.length || s[idx] !== ':') {
          decref(key);
          decodeError("Expecting ':' delimiter", doc, idx);
        }
        idx = skipWs(s, idx + 1);
        let val: PyObject;
        try {
          [val, idx] = scanOnce(sc, doc, idx, memo, depth);
        } catch (e) {
          decref(key);
          throw e;
        }
        if (hasPairsHook) pairs.push(newTuple([key, val]));
        else {
          dict.setItem(rval!, key, val);
          decref(key);
          decref(val);
        }
        idx = skipWs(s, idx);
        if (idx < s.length && s[idx] === '}') break;
        if (idx >= s.length || s[idx] !== ',') decodeError("Expecting ',' delimiter", doc, idx);
        const commaIdx = idx;
        idx = skipWs(s, idx + 1);
        if (rt.v >= 313 && idx < s.length && s[idx] === '}') decodeError('Illegal trailing comma before end of object', doc, commaIdx);
      }
    }
    const end = idx + 1;
    if (hasPairsHook) {
      const list = newList(pairs.splice(0));
      try {
        return [call(sc.pairsHook, [list]), end];
      } finally {
        decref(list);
      }
    }
    if (sc.objectHook !== rt.None) {
      try {
        return [call(sc.objectHook, [rval!]), end];
      } finally {
        decref(rval!);
      }
    }
    return [rval!, end];
  } catch (e) {
    pairs.forEach(decref);
    if (rval && rval.ob_refcnt > 0) decref(rval);
    throw e;
  }
}

function parseArray(sc: PyScanner, doc: PyStr, idx: number, memo: PyDict, depth: number): [PyObject, number] {
  const s = doc.value;
  const items: PyObject[] = [];
  try {
    idx = skipWs(s, idx);
    if (idx >= s.length || s[idx] !== ']') {
      for (;;) {
        let val: PyObject;
        [val, idx] = scanOnce(sc, doc, idx, memo, depth);
        items.push(val);
        idx = skipWs(s, idx);
        if (idx < s.length && s[idx] === ']') break;
        if (idx >= s.length || s[idx] !== ',') decodeError("Expecting ',' delimiter", doc, idx);
        const commaIdx = idx;
        idx = skipWs(s, idx + 1);
        if (rt.v >= 313 && idx < s.length && s[idx] === ']') decodeError('Illegal trailing comma before end of array', doc, commaIdx);
      }
    }
    return [newList(items.splice(0)), idx + 1];
  } catch (e) {
    items.forEach(decref);
    throw e;
  }
}

void getItem;
void PyList;
