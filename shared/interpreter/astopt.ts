// Constant folding on the AST, as CPython 3.11's Python/ast_opt.c does it before compiling: unary and binary
// operators on constants (within its size limits), tuples of constants, constant subscripts, `x in [..]` and
// `for x in [..]` lists as tuples (sets as frozensets), `not (a in b)` as `a not in b`, `'%s' % (a,)` as an
// f-string, and `__debug__` as True. Folding never raises: when CPython's evaluation would raise, the node is
// left alone (the error then happens at run time, as in CPython).
import type * as A from '../parser/ast';
import { crPow } from './modules/libm';

/** A constant's value: the AST's ConstantValue plus what folding makes (tuples, frozensets, complex numbers
 *  with a real part). */
export type CValue =
  | { t: 'None' }
  | { t: 'Ellipsis' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: bigint }
  | { t: 'float'; v: number }
  | { t: 'complex'; imag: number; real?: number }
  | { t: 'str'; v: string; codePoints?: number[]; ident?: boolean }
  | { t: 'bytes'; v: Uint8Array }
  | { t: 'tuple'; items: CValue[] }
  | { t: 'frozenset'; items: CValue[] };

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

/** Thrown inside the evaluators where CPython would raise; caught by the folder. */
class NoFold {}
const NO = new NoFold();
function fail(): never {
  throw NO;
}

export const NONE: CValue = { t: 'None' };

export function cInt(v: bigint | number): CValue {
  return { t: 'int', v: BigInt(v) };
}

export function cStr(v: string): CValue {
  return { t: 'str', v };
}

/** A str constant that is an identifier of the source (a class name): the parser interns every identifier
 *  (_PyPegen_new_identifier, Parser/pegen.c), non-ASCII ones too. */
export function cIdent(v: string): CValue {
  return { t: 'str', v, ident: true };
}

// ---- value helpers

function isIntLike(v: CValue): v is { t: 'int'; v: bigint } | { t: 'bool'; v: boolean } {
  return v.t === 'int' || v.t === 'bool';
}

function asBig(v: CValue): bigint {
  if (v.t === 'int') return v.v;
  if (v.t === 'bool') return v.v ? 1n : 0n;
  fail();
}

function numBits(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

/** int → float, OverflowError when too large (PyLong_AsDouble). */
function bigToFloat(n: bigint): number {
  const f = Number(n);
  if (!Number.isFinite(f)) fail();
  return f;
}

function asFloat(v: CValue): number {
  if (v.t === 'float') return v.v;
  return bigToFloat(asBig(v));
}

function complexParts(v: CValue): [number, number] {
  if (v.t === 'complex') return [v.real ?? 0, v.imag];
  return [asFloat(v), 0];
}

function mkFloat(v: number): CValue {
  return { t: 'float', v };
}

function mkComplex(real: number, imag: number): CValue {
  return { t: 'complex', real, imag };
}

/** Python length of a str (code points). */
export function strLen(s: { v: string; codePoints?: number[] }): number {
  if (s.codePoints) return s.codePoints.length;
  let n = 0;
  for (let i = 0; i < s.v.length; i++) {
    const c = s.v.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.v.length) {
      const d = s.v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/** PyObject_IsTrue for a constant. */
export function isTrue(v: CValue): boolean {
  switch (v.t) {
    case 'None': return false;
    case 'Ellipsis': return true;
    case 'bool': return v.v;
    case 'int': return v.v !== 0n;
    case 'float': return v.v !== 0;
    case 'complex': return (v.real ?? 0) !== 0 || v.imag !== 0;
    case 'str': return v.v.length > 0;
    case 'bytes': return v.v.length > 0;
    case 'tuple': case 'frozenset': return v.items.length > 0;
  }
}

/** Equality of constants as CPython's constant cache sees it (_PyCode_ConstantKey): same type, same value;
 *  0.0 and -0.0 differ. */
export function constKey(v: CValue): string {
  switch (v.t) {
    case 'None': return 'N';
    case 'Ellipsis': return 'E';
    case 'bool': return v.v ? 'T' : 'F';
    case 'int': return 'i' + v.v.toString();
    case 'float': return 'f' + floatKey(v.v);
    case 'complex': return 'c' + floatKey(v.real ?? 0) + ',' + floatKey(v.imag);
    case 'str': return 's' + (v.codePoints ? v.codePoints.join(',') : v.v);
    case 'bytes': return 'b' + Array.from(v.v).join(',');
    case 'tuple': return 't(' + v.items.map(constKey).join('|') + ')';
    case 'frozenset': return 'z(' + v.items.map(constKey).sort().join('|') + ')';
  }
}

let nans = 0;

function floatKey(x: number): string {
  if (Object.is(x, -0)) return '-0';
  if (Number.isNaN(x)) return 'nan#' + ++nans; // nan != nan: never merged
  return String(x);
}

function check_complexity(v: CValue, limit: number): number {
  if (v.t === 'tuple' || v.t === 'frozenset') {
    limit -= v.items.length;
    for (let i = 0; limit >= 0 && i < v.items.length; i++) limit = check_complexity(v.items[i], limit);
  }
  return limit;
}

// ---- unary operators

function unary(op: A.UnaryOpKind, v: CValue): CValue {
  switch (op) {
    case 'Not': return { t: 'bool', v: !isTrue(v) };
    case 'USub':
      if (isIntLike(v)) return cInt(-asBig(v));
      if (v.t === 'float') return mkFloat(-v.v);
      if (v.t === 'complex') return mkComplex(-(v.real ?? 0), -v.imag);
      return fail();
    case 'UAdd':
      if (isIntLike(v)) return cInt(asBig(v));
      if (v.t === 'float') return v;
      if (v.t === 'complex') return mkComplex(v.real ?? 0, v.imag);
      return fail();
    case 'Invert':
      if (isIntLike(v)) return cInt(~asBig(v));
      return fail();
  }
}

// ---- binary operators

function floorDivBig(a: bigint, b: bigint): bigint {
  if (b === 0n) fail();
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function modBig(a: bigint, b: bigint): bigint {
  if (b === 0n) fail();
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** int / int correctly rounded, as long_true_divide. */
function trueDivBig(a: bigint, b: bigint): number {
  if (b === 0n) fail();
  const LIM = 2n ** 53n;
  if (a < LIM && a > -LIM && b < LIM && b > -LIM) return Number(a) / Number(b);
  const neg = (a < 0n) !== (b < 0n);
  let x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x === 0n) return neg ? -0 : 0;
  // Scale so the quotient has at least 55 significant bits, then round once.
  const shift = 55 - (numBits(x) - numBits(y));
  if (shift > 0) x <<= BigInt(shift);
  let q = shift >= 0 ? x / y : x / (y << BigInt(-shift));
  const r = shift >= 0 ? x % y : x % (y << BigInt(-shift));
  if (r !== 0n) q |= 1n;
  let res = Number(q) * Math.pow(2, -shift);
  if (!Number.isFinite(res)) fail();
  if (res === 0 || !Number.isFinite(Number(q))) {
    // underflow or an exponent out of range for the two-step scaling: compute in two steps
    res = Number(q) / Math.pow(2, shift / 2) / Math.pow(2, shift - shift / 2);
  }
  return neg ? -res : res;
}

/** float_divmod's quotient and remainder (Objects/floatobject.c). */
function floatDivMod(vx: number, wx: number): [number, number] {
  if (wx === 0) fail();
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    const q = vx / wx;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function floatRem(vx: number, wx: number): number {
  if (wx === 0) fail();
  let mod = vx % wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  return mod;
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** float_pow (Objects/floatobject.c). */
function floatPow(iv: number, iw: number): number {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1.0) return 1.0;
    if ((iw > 0) === (a > 1.0)) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0.0) {
    const odd = isOddInteger(iw);
    if (iw < 0.0) fail(); // ZeroDivisionError
    return odd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0.0) {
    if (iw !== Math.floor(iw)) fail(); // a complex result: not folded here
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const ix = crPow(iv, iw); // the C library's pow, correctly rounded (V8's Math.pow may be an ulp off)
  if (!Number.isFinite(ix)) fail(); // OverflowError
  return negate ? -ix : ix;
}

function cProd(a: [number, number], b: [number, number]): [number, number] {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** _Py_c_quot */
function cQuot(a: [number, number], b: [number, number]): [number, number] {
  const absBr = Math.abs(b[0]);
  const absBi = Math.abs(b[1]);
  if (absBr >= absBi) {
    if (absBr === 0.0) fail(); // ZeroDivisionError
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

function complexPow(a: [number, number], e: [number, number]): CValue {
  // Only integral exponents (c_powi) are folded: the general case goes through libm functions whose last bits
  // JavaScript does not promise to reproduce.
  if (e[1] !== 0 || e[0] !== Math.floor(e[0]) || Math.abs(e[0]) > 100) fail();
  const n = e[0];
  const powu = (x: [number, number], k: number): [number, number] => {
    let r: [number, number] = [1, 0];
    let p = x;
    let mask = 1;
    while (mask > 0 && k >= mask) {
      if (k & mask) r = cProd(r, p);
      mask <<= 1;
      p = cProd(p, p);
    }
    return r;
  };
  const p = n > 0 ? powu(a, n) : cQuot([1, 0], powu(a, -n));
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) fail();
  return mkComplex(p[0], p[1]);
}

function isSeq(v: CValue): boolean {
  return v.t === 'str' || v.t === 'bytes' || v.t === 'tuple' || v.t === 'frozenset';
}

function seqLen(v: CValue): number {
  if (v.t === 'str') return strLen(v);
  if (v.t === 'bytes') return v.v.length;
  if (v.t === 'tuple' || v.t === 'frozenset') return v.items.length;
  return 0;
}

function repeatSeq(v: CValue, n: bigint): CValue {
  if (n > 2n ** 62n) fail();
  const k = n < 0n ? 0 : Number(n);
  if (v.t === 'str') {
    if (v.codePoints) {
      const cps: number[] = [];
      for (let i = 0; i < k; i++) cps.push(...v.codePoints);
      return { t: 'str', v: v.v.repeat(k), codePoints: cps };
    }
    return { t: 'str', v: v.v.repeat(k) };
  }
  if (v.t === 'bytes') {
    const out = new Uint8Array(v.v.length * k);
    for (let i = 0; i < k; i++) out.set(v.v, i * v.v.length);
    return { t: 'bytes', v: out };
  }
  if (v.t === 'tuple') {
    const items: CValue[] = [];
    for (let i = 0; i < k; i++) items.push(...v.items);
    return { t: 'tuple', items };
  }
  return fail(); // frozenset * int is a TypeError
}

function isNumber(v: CValue): boolean {
  return v.t === 'int' || v.t === 'bool' || v.t === 'float' || v.t === 'complex';
}

function arith(op: A.OperatorKind, a: CValue, b: CValue): CValue {
  if (!isNumber(a) || !isNumber(b)) fail();
  if (isIntLike(a) && isIntLike(b)) {
    const x = asBig(a);
    const y = asBig(b);
    switch (op) {
      case 'Add': return cInt(x + y);
      case 'Sub': return cInt(x - y);
      case 'Mult': return cInt(x * y);
      case 'Div': return mkFloat(trueDivBig(x, y));
      case 'FloorDiv': return cInt(floorDivBig(x, y));
      case 'Mod': return cInt(modBig(x, y));
      case 'Pow':
        if (y < 0n) {
          if (x === 0n) fail();
          return mkFloat(floatPow(bigToFloat(x), bigToFloat(y)));
        }
        return cInt(x ** y);
      default: return fail();
    }
  }
  if (a.t === 'complex' || b.t === 'complex') {
    const ca = complexParts(a);
    const cb = complexParts(b);
    switch (op) {
      case 'Add': return mkComplex(ca[0] + cb[0], ca[1] + cb[1]);
      case 'Sub': return mkComplex(ca[0] - cb[0], ca[1] - cb[1]);
      case 'Mult': { const p = cProd(ca, cb); return mkComplex(p[0], p[1]); }
      case 'Div': { const q = cQuot(ca, cb); return mkComplex(q[0], q[1]); }
      case 'Pow': return complexPow(ca, cb);
      default: return fail();
    }
  }
  const x = asFloat(a);
  const y = asFloat(b);
  switch (op) {
    case 'Add': return mkFloat(x + y);
    case 'Sub': return mkFloat(x - y);
    case 'Mult': return mkFloat(x * y);
    case 'Div': if (y === 0) fail(); return mkFloat(x / y);
    case 'FloorDiv': return mkFloat(floatDivMod(x, y)[0]);
    case 'Mod': return mkFloat(floatRem(x, y));
    case 'Pow': return mkFloat(floatPow(x, y));
    default: return fail();
  }
}

function safeMultiply(v: CValue, w: CValue): CValue {
  if (isIntLike(v) && isIntLike(w) && asBig(v) !== 0n && asBig(w) !== 0n) {
    if (numBits(asBig(v)) + numBits(asBig(w)) > MAX_INT_SIZE) fail();
  } else if (isIntLike(v) && (w.t === 'tuple' || w.t === 'frozenset')) {
    const size = w.items.length;
    if (size) {
      const n = asBig(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) fail();
      if (n && check_complexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) fail();
    }
  } else if (isIntLike(v) && (w.t === 'str' || w.t === 'bytes')) {
    const size = seqLen(w);
    if (size) {
      const n = asBig(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size))) fail();
    }
  } else if (isIntLike(w) && isSeq(v)) {
    return safeMultiply(w, v);
  }
  if (isIntLike(v) && isSeq(w)) return repeatSeq(w, asBig(v));
  return arith('Mult', v, w);
}

function safePower(v: CValue, w: CValue): CValue {
  if (isIntLike(v) && isIntLike(w) && asBig(v) !== 0n && asBig(w) > 0n) {
    const vbits = numBits(asBig(v));
    const wbits = asBig(w);
    if (BigInt(vbits) > BigInt(MAX_INT_SIZE) / wbits) fail();
  }
  return arith('Pow', v, w);
}

function safeLshift(v: CValue, w: CValue): CValue {
  if (!isIntLike(v) || !isIntLike(w)) fail();
  const x = asBig(v);
  const y = asBig(w);
  if (x !== 0n && y !== 0n) {
    if (y < 0n) fail();
    if (y > BigInt(MAX_INT_SIZE) || BigInt(numBits(x)) > BigInt(MAX_INT_SIZE) - y) fail();
  }
  if (y < 0n) fail(); // ValueError: negative shift count
  return cInt(x << y);
}

function bitwise(op: A.OperatorKind, a: CValue, b: CValue): CValue {
  if (!isIntLike(a) || !isIntLike(b)) fail();
  if (a.t === 'bool' && b.t === 'bool') {
    const r = op === 'BitAnd' ? a.v && b.v : op === 'BitOr' ? a.v || b.v : a.v !== b.v;
    return { t: 'bool', v: r };
  }
  const x = asBig(a);
  const y = asBig(b);
  return cInt(op === 'BitAnd' ? x & y : op === 'BitOr' ? x | y : x ^ y);
}

function binary(op: A.OperatorKind, lv: CValue, rv: CValue): CValue {
  switch (op) {
    case 'Add':
      if (lv.t === 'str' && rv.t === 'str') {
        if (lv.codePoints || rv.codePoints) {
          const cps = (x: { v: string; codePoints?: number[] }): number[] =>
            x.codePoints ?? Array.from(x.v).map((c) => c.codePointAt(0)!);
          return { t: 'str', v: lv.v + rv.v, codePoints: [...cps(lv), ...cps(rv)] };
        }
        return { t: 'str', v: lv.v + rv.v };
      }
      if (lv.t === 'bytes' && rv.t === 'bytes') {
        const out = new Uint8Array(lv.v.length + rv.v.length);
        out.set(lv.v);
        out.set(rv.v, lv.v.length);
        return { t: 'bytes', v: out };
      }
      if (lv.t === 'tuple' && rv.t === 'tuple') return { t: 'tuple', items: [...lv.items, ...rv.items] };
      return arith(op, lv, rv);
    case 'Sub': case 'Div': case 'FloorDiv':
      return arith(op, lv, rv);
    case 'Mult': return safeMultiply(lv, rv);
    case 'Mod':
      if (lv.t === 'str' || lv.t === 'bytes') fail(); // safe_mod
      return arith(op, lv, rv);
    case 'Pow': return safePower(lv, rv);
    case 'LShift': return safeLshift(lv, rv);
    case 'RShift': {
      if (!isIntLike(lv) || !isIntLike(rv)) fail();
      const y = asBig(rv);
      if (y < 0n) fail();
      return cInt(asBig(lv) >> y);
    }
    case 'BitOr': case 'BitXor': case 'BitAnd':
      return bitwise(op, lv, rv);
    case 'MatMult':
      return fail();
  }
}

function subscript(v: CValue, idx: CValue): CValue {
  if (!isIntLike(idx)) fail();
  let i = asBig(idx);
  if (v.t === 'str') {
    const cps = v.codePoints ?? Array.from(v.v).map((c) => c.codePointAt(0)!);
    if (i < 0n) i += BigInt(cps.length);
    if (i < 0n || i >= BigInt(cps.length)) fail();
    const cp = cps[Number(i)];
    if (cp >= 0xd800 && cp < 0xe000) fail();
    return { t: 'str', v: String.fromCodePoint(cp) };
  }
  if (v.t === 'bytes') {
    if (i < 0n) i += BigInt(v.v.length);
    if (i < 0n || i >= BigInt(v.v.length)) fail();
    return cInt(v.v[Number(i)]);
  }
  if (v.t === 'tuple') {
    if (i < 0n) i += BigInt(v.items.length);
    if (i < 0n || i >= BigInt(v.items.length)) fail();
    return v.items[Number(i)];
  }
  return fail();
}

/** Evaluates `f`, or returns null where CPython's evaluation would raise. */
function attempt(f: () => CValue): CValue | null {
  try {
    return f();
  } catch (e) {
    if (e === NO) return null;
    if (e instanceof RangeError) return null; // a bigint too large to compute
    throw e;
  }
}

export function foldBinary(op: A.OperatorKind, l: CValue, r: CValue): CValue | null {
  return attempt(() => binary(op, l, r));
}

export function foldUnary(op: A.UnaryOpKind, v: CValue): CValue | null {
  return attempt(() => unary(op, v));
}

// ---- the tree walk (astfold_* in ast_opt.c)

export interface OptimizeState {
  /** CO_FUTURE_ANNOTATIONS: annotations are left unfolded (they become strings). */
  futureAnnotations: boolean;
  /** -O level; 0 here: `__debug__` is True. */
  optimize: number;
  /** 311..314: the AST positions of the version being compiled for. */
  version: number;
  /** Where 3.14's SyntaxWarnings go (PEP 765: control flow leaving a finally block). */
  warn?: (message: string, node: A.Located) => void;
}

/** ControlFlowInFinallyContext (Python/ast_preprocess.c): what the innermost finally, function or loop is. */
interface FlowContext {
  inFinally: boolean;
  inFuncdef: boolean;
  inLoop: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function constValue(e: A.Expr): CValue | null {
  return e._type === 'Constant' ? (e.value as CValue) : null;
}

/** make_const: turns `node` into a Constant in place. */
function makeConst(node: A.Expr, v: CValue | null): void {
  if (v === null) return;
  const n = node as unknown as Record<string, unknown>;
  for (const k of Object.keys(n)) {
    if (k !== 'lineno' && k !== 'col_offset' && k !== 'end_lineno' && k !== 'end_col_offset') delete n[k];
  }
  n._type = 'Constant';
  n.value = v;
  n.kind = null;
}

/** COPY_NODE(to, from) */
function copyNode(to: A.Expr, from: A.Expr): void {
  const t = to as unknown as Record<string, unknown>;
  for (const k of Object.keys(t)) delete t[k];
  Object.assign(t, from);
}

function hasStarred(elts: A.Expr[]): boolean {
  return elts.some((e) => e._type === 'Starred');
}

function makeConstTuple(elts: A.Expr[]): CValue | null {
  const items: CValue[] = [];
  for (const e of elts) {
    const v = constValue(e);
    if (!v) return null;
    items.push(v);
  }
  return { t: 'tuple', items };
}

function foldIter(arg: A.Expr): void {
  if (arg._type === 'List') {
    if (hasStarred(arg.elts)) return;
    (arg as unknown as Mutable<A.TupleExpr>)._type = 'Tuple';
    makeConst(arg, makeConstTuple(arg.elts));
  } else if (arg._type === 'Set') {
    const t = makeConstTuple(arg.elts);
    if (t && t.t === 'tuple') makeConst(arg, frozensetOf(t.items));
  }
}

/** A frozenset's items, duplicates removed (first occurrence kept); equal numbers of different types are one
 *  element (1 == 1.0 == True). */
export function frozensetOf(items: CValue[]): CValue | null {
  const out: CValue[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    const k = hashEqKey(it);
    if (k === null) return null; // unhashable or not modelled: leave the set display alone
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(it);
  }
  return { t: 'frozenset', items: out };
}

/** A key equal for values Python considers equal (for set membership). */
function hashEqKey(v: CValue): string | null {
  switch (v.t) {
    case 'None': return 'N';
    case 'Ellipsis': return 'E';
    case 'bool': return 'n' + (v.v ? '1' : '0');
    case 'int': return 'n' + v.v.toString();
    case 'float':
      if (Number.isNaN(v.v)) return null;
      if (Number.isInteger(v.v)) return 'n' + BigInt(v.v).toString();
      return 'f' + String(v.v);
    case 'complex':
      if ((v.imag ?? 0) === 0) return hashEqKey({ t: 'float', v: v.real ?? 0 });
      return 'c' + String(v.real ?? 0) + ',' + String(v.imag);
    case 'str': return 's' + v.v;
    case 'bytes': return 'b' + Array.from(v.v).join(',');
    case 'tuple': {
      const parts: string[] = [];
      for (const it of v.items) {
        const k = hashEqKey(it);
        if (k === null) return null;
        parts.push(k);
      }
      return 't(' + parts.join('|') + ')';
    }
    case 'frozenset': {
      const parts: string[] = [];
      for (const it of v.items) {
        const k = hashEqKey(it);
        if (k === null) return null;
        parts.push(k);
      }
      return 'z(' + parts.sort().join('|') + ')';
    }
  }
}

function foldUnaryOp(node: A.UnaryOp): void {
  const arg = node.operand;
  if (arg._type !== 'Constant') {
    // Fold not into comparison
    if (node.op === 'Not' && arg._type === 'Compare' && arg.ops.length === 1) {
      const inverted: Partial<Record<A.CmpOpKind, A.CmpOpKind>> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };
      const op = inverted[arg.ops[0]];
      if (op) {
        arg.ops[0] = op;
        copyNode(node, arg);
      }
    }
    return;
  }
  makeConst(node, foldUnary(node.op, arg.value as CValue));
}

function foldBinOp(node: A.BinOp): void {
  const lhs = node.left;
  const rhs = node.right;
  if (lhs._type !== 'Constant') return;
  const lv = lhs.value as CValue;
  if (node.op === 'Mod' && rhs._type === 'Tuple' && lv.t === 'str' && !lv.codePoints && !hasStarred(rhs.elts)) {
    optimizeFormat(node, lv.v, rhs.elts);
    return;
  }
  if (rhs._type !== 'Constant') return;
  makeConst(node, foldBinary(node.op, lv, rhs.value as CValue));
}

// `'%s %r' % (a, b)` → f'{a!s} {b!r}' (optimize_format in ast_opt.c)

function fmtConst(s: string): A.Constant {
  // optimize_format's pieces have no position (-1): their instructions take one from their neighbours
  return { _type: 'Constant', value: { t: 'str', v: s }, kind: null, lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
}

function optimizeFormat(node: A.BinOp, fmt: string, elts: A.Expr[]): void {
  const chars = Array.from(fmt);
  const seq: (A.Constant | A.FormattedValue)[] = [];
  let pos = 0;
  let cnt = 0;
  for (;;) {
    // parse_literal
    const start = pos;
    let hasPercents = false;
    while (pos < chars.length) {
      if (chars[pos] !== '%') pos++;
      else if (pos + 1 < chars.length && chars[pos + 1] === '%') {
        hasPercents = true;
        pos += 2;
      } else break;
    }
    if (pos !== start) {
      let s = chars.slice(start, pos).join('');
      if (hasPercents) s = s.split('%%').join('%');
      seq.push(fmtConst(s));
    }
    if (pos >= chars.length) break;
    if (cnt >= elts.length) return; // more format units than items
    pos++;
    const parsed = parseFormatUnit(chars, pos);
    if (!parsed) return;
    pos = parsed.pos;
    const arg = elts[cnt++];
    const fv: A.FormattedValue = {
      _type: 'FormattedValue', value: arg, conversion: parsed.spec.charCodeAt(0),
      format_spec: parsed.formatSpec === null ? null : (fmtConst(parsed.formatSpec) as unknown as A.JoinedStr),
      lineno: arg.lineno, col_offset: arg.col_offset, end_lineno: arg.end_lineno, end_col_offset: arg.end_col_offset,
    };
    seq.push(fv);
  }
  if (cnt < elts.length) return; // more items than format units
  const res: A.JoinedStr = {
    _type: 'JoinedStr', values: seq,
    lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset,
  };
  copyNode(node, res);
}

const MAXDIGITS = 3;

function parseFormatUnit(chars: string[], pos: number): { pos: number; spec: string; formatSpec: string | null } | null {
  let ch = '';
  const next = (): boolean => {
    if (pos >= chars.length) return false;
    ch = chars[pos++];
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') { ljust = true; continue; }
    if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') continue;
    break;
  }
  let width = -1;
  let prec = -1;
  if (ch >= '0' && ch <= '9') {
    width = 0;
    let digits = 0;
    while (ch >= '0' && ch <= '9') {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    let digits = 0;
    while (ch >= '0' && ch <= '9') {
      prec = prec * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch !== 's' && ch !== 'r' && ch !== 'a') return null;
  let buf = '';
  if (!ljust && width > 0) buf += '>';
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += '.' + String(prec);
  return { pos, spec: ch, formatSpec: buf === '' ? null : buf };
}

function foldSubscr(node: A.Subscript): void {
  const arg = node.value;
  const idx = node.slice;
  if (node.ctx !== 'Load' || arg._type !== 'Constant' || idx._type !== 'Constant') return;
  makeConst(node, attempt(() => subscript(arg.value as CValue, idx.value as CValue)));
}

function foldCompare(node: A.Compare): void {
  const i = node.ops.length - 1;
  const op = node.ops[i];
  if (op === 'In' || op === 'NotIn') foldIter(node.comparators[i]);
}

class Folder {
  /** 3.14 only: the control-flow contexts, innermost last (only the innermost is consulted, as in CPython). */
  private flow: FlowContext[] = [];

  constructor(private state: OptimizeState) {}

  /** Visits stmts inside a new control-flow context (PUSH_CONTEXT in Python/ast_preprocess.c). */
  private within(ctx: FlowContext, stmts: A.Stmt[], body = false): void {
    if (this.state.version < 314) return body ? this.body(stmts) : this.stmts(stmts);
    this.flow.push(ctx);
    try {
      if (body) this.body(stmts);
      else this.stmts(stmts);
    } finally {
      this.flow.pop();
    }
  }

  /** before_return / before_loop_exit: PEP 765's SyntaxWarning for a return, break or continue leaving a
   *  finally block. */
  private checkFinallyExit(node: A.Stmt, kw: 'return' | 'break' | 'continue'): void {
    const top = this.flow[this.flow.length - 1];
    if (!top || !top.inFinally || (kw === 'return' ? top.inFuncdef : top.inLoop)) return;
    this.state.warn?.(`'${kw}' in a 'finally' block`, node);
  }

  exprs(es: (A.Expr | null)[]): void {
    for (const e of es) if (e) this.expr(e);
  }

  expr(node: A.Expr): void {
    switch (node._type) {
      case 'BoolOp': this.exprs(node.values); break;
      case 'BinOp':
        this.expr(node.left);
        this.expr(node.right);
        foldBinOp(node);
        break;
      case 'UnaryOp':
        this.expr(node.operand);
        foldUnaryOp(node);
        break;
      case 'Lambda':
        this.arguments(node.args);
        this.expr(node.body);
        break;
      case 'IfExp':
        this.expr(node.test);
        this.expr(node.body);
        this.expr(node.orelse);
        break;
      case 'Dict':
        this.exprs(node.keys);
        this.exprs(node.values);
        break;
      case 'Set': this.exprs(node.elts); break;
      case 'ListComp': case 'SetComp': case 'GeneratorExp':
        this.expr(node.elt);
        this.comprehensions(node.generators);
        break;
      case 'DictComp':
        this.expr(node.key);
        this.expr(node.value);
        this.comprehensions(node.generators);
        break;
      case 'Await': this.expr(node.value); break;
      case 'Yield': if (node.value) this.expr(node.value); break;
      case 'YieldFrom': this.expr(node.value); break;
      case 'Compare':
        this.expr(node.left);
        this.exprs(node.comparators);
        foldCompare(node);
        break;
      case 'Call':
        this.expr(node.func);
        this.exprs(node.args);
        for (const k of node.keywords) this.expr(k.value);
        break;
      case 'FormattedValue':
        this.expr(node.value);
        if (node.format_spec) this.expr(node.format_spec);
        break;
      case 'JoinedStr': this.exprs(node.values); break;
      case 'Attribute': this.expr(node.value); break;
      case 'Subscript':
        this.expr(node.value);
        this.expr(node.slice);
        foldSubscr(node);
        break;
      case 'Starred': this.expr(node.value); break;
      case 'Slice':
        if (node.lower) this.expr(node.lower);
        if (node.upper) this.expr(node.upper);
        if (node.step) this.expr(node.step);
        break;
      case 'List': this.exprs(node.elts); break;
      case 'Tuple':
        this.exprs(node.elts);
        if (node.ctx === 'Load') makeConst(node, makeConstTuple(node.elts));
        break;
      case 'Name':
        if (node.ctx === 'Load' && node.id === '__debug__') makeConst(node, { t: 'bool', v: !this.state.optimize });
        break;
      case 'NamedExpr': this.expr(node.value); break;
      case 'Constant': break;
    }
  }

  comprehensions(gens: A.Comprehension[]): void {
    for (const g of gens) {
      this.expr(g.target);
      this.expr(g.iter);
      this.exprs(g.ifs);
      foldIter(g.iter);
    }
  }

  arguments(a: A.Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args]) this.arg(p);
    if (a.vararg) this.arg(a.vararg);
    for (const p of a.kwonlyargs) this.arg(p);
    this.exprs(a.kw_defaults);
    if (a.kwarg) this.arg(a.kwarg);
    this.exprs(a.defaults);
  }

  arg(p: A.Arg): void {
    if (!this.state.futureAnnotations && p.annotation) this.expr(p.annotation);
  }

  body(stmts: A.Stmt[]): void {
    const docstring = getDocString(stmts) !== null;
    for (const s of stmts) this.stmt(s);
    if (!docstring && getDocString(stmts) !== null) {
      // A string made by folding is not a docstring.
      const st = stmts[0] as A.ExprStmt;
      const v = st.value as A.Constant;
      st.value = {
        _type: 'JoinedStr', values: [v],
        lineno: st.lineno, col_offset: st.col_offset, end_lineno: st.end_lineno, end_col_offset: st.end_col_offset,
      };
    }
  }

  stmts(ss: A.Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  stmt(node: A.Stmt): void {
    switch (node._type) {
      case 'FunctionDef': case 'AsyncFunctionDef':
        this.arguments(node.args);
        this.within({ inFinally: false, inFuncdef: true, inLoop: false }, node.body, true);
        this.exprs(node.decorator_list);
        if (!this.state.futureAnnotations && node.returns) this.expr(node.returns);
        break;
      case 'ClassDef':
        this.exprs(node.bases);
        for (const k of node.keywords) this.expr(k.value);
        this.body(node.body);
        this.exprs(node.decorator_list);
        break;
      case 'Return':
        this.checkFinallyExit(node, 'return');
        if (node.value) this.expr(node.value);
        break;
      case 'Break': this.checkFinallyExit(node, 'break'); break;
      case 'Continue': this.checkFinallyExit(node, 'continue'); break;
      case 'Delete': this.exprs(node.targets); break;
      case 'Assign':
        this.exprs(node.targets);
        this.expr(node.value);
        break;
      case 'AugAssign':
        this.expr(node.target);
        this.expr(node.value);
        break;
      case 'AnnAssign':
        this.expr(node.target);
        if (!this.state.futureAnnotations) this.expr(node.annotation);
        if (node.value) this.expr(node.value);
        break;
      case 'For': case 'AsyncFor':
        this.expr(node.target);
        this.expr(node.iter);
        this.within({ inFinally: false, inFuncdef: false, inLoop: true }, node.body);
        this.stmts(node.orelse);
        foldIter(node.iter);
        break;
      case 'While':
        this.expr(node.test);
        this.within({ inFinally: false, inFuncdef: false, inLoop: true }, node.body);
        this.stmts(node.orelse);
        break;
      case 'If':
        this.expr(node.test);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case 'With': case 'AsyncWith':
        for (const it of node.items) {
          this.expr(it.context_expr);
          if (it.optional_vars) this.expr(it.optional_vars);
        }
        this.stmts(node.body);
        break;
      case 'Raise':
        if (node.exc) this.expr(node.exc);
        if (node.cause) this.expr(node.cause);
        break;
      case 'Try': case 'TryStar':
        this.stmts(node.body);
        for (const h of node.handlers) {
          if (h.type) this.expr(h.type);
          this.stmts(h.body);
        }
        this.stmts(node.orelse);
        this.within({ inFinally: true, inFuncdef: false, inLoop: false }, node.finalbody);
        break;
      case 'Assert':
        this.expr(node.test);
        if (node.msg) this.expr(node.msg);
        break;
      case 'Expr': this.expr(node.value); break;
      case 'Match':
        this.expr(node.subject);
        for (const m of node.cases) {
          this.pattern(m.pattern);
          if (m.guard) this.expr(m.guard);
          this.stmts(m.body);
        }
        break;
      default: break;
    }
  }

  pattern(p: A.Pattern): void {
    switch (p._type) {
      case 'MatchValue': this.expr(p.value); break;
      case 'MatchSequence': for (const q of p.patterns) this.pattern(q); break;
      case 'MatchMapping':
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case 'MatchAs': if (p.pattern) this.pattern(p.pattern); break;
      case 'MatchOr': for (const q of p.patterns) this.pattern(q); break;
      default: break;
    }
  }
}

/** _PyAST_GetDocString: the first statement's string constant. */
export function getDocString(stmts: A.Stmt[]): A.Constant | null {
  if (!stmts.length) return null;
  const st = stmts[0];
  if (st._type !== 'Expr') return null;
  const e = st.value;
  if (e._type !== 'Constant' || e.value.t !== 'str') return null;
  return e;
}

/** A deep copy of the tree: folding works in place, and the parser's tree stays as it was. */
export function cloneTree<T>(node: T): T {
  if (node === null || typeof node !== 'object') return node;
  if (node instanceof Uint8Array) return node;
  if (Array.isArray(node)) return node.map(cloneTree) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = cloneTree(v);
  return out as T;
}

/** Before 3.12 (PEP 701) the parts of an f-string, the literal pieces, the replacement fields and their
 *  format specs, all carry the whole f-string's position; only the expressions inside have their own. */
export function fstringPositions311(node: unknown): void {
  if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return;
  if (Array.isArray(node)) {
    for (const n of node) fstringPositions311(n);
    return;
  }
  const n = node as { _type?: string };
  if (n._type === 'JoinedStr') {
    relocateParts(n as A.JoinedStr, n as A.JoinedStr);
    return;
  }
  for (const v of Object.values(n)) if (v && typeof v === 'object') fstringPositions311(v);
}

function relocateParts(js: A.JoinedStr, at: A.Located): void {
  const setLoc = (x: A.Located): void => {
    x.lineno = at.lineno;
    x.col_offset = at.col_offset;
    x.end_lineno = at.end_lineno;
    x.end_col_offset = at.end_col_offset;
  };
  for (const v of js.values) {
    setLoc(v);
    if (v._type === 'FormattedValue') {
      fstringPositions311(v.value);
      if (v.format_spec) {
        // A format spec carries the position of the string token it is written in; the replacement field's
        // own position stands in for it (the same line unless a token spans lines before the field).
        const field = {
          lineno: v.value.lineno, col_offset: at.col_offset, end_lineno: v.value.end_lineno, end_col_offset: at.end_col_offset,
        };
        for (const x of [v.format_spec as A.Located, ...v.format_spec.values]) Object.assign(x, field);
        relocateSpec(v.format_spec, field);
      }
    }
  }
}

function relocateSpec(spec: A.JoinedStr, at: A.Located): void {
  for (const v of spec.values) {
    if (v._type === 'FormattedValue') {
      fstringPositions311(v.value);
      if (v.format_spec) {
        for (const x of [v.format_spec as A.Located, ...v.format_spec.values]) Object.assign(x, at);
        relocateSpec(v.format_spec, at);
      }
    }
  }
}

/** _PyAST_Optimize on a copy of the module. */
export function optimizeModule(mod: A.Module, state: OptimizeState): A.Module {
  const copy = cloneTree(mod);
  if (state.version < 312) fstringPositions311(copy);
  new Folder(state).body(copy.body);
  return copy;
}
