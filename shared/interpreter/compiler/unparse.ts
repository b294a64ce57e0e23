// An expression back to source text, as CPython 3.11's Python/ast_unparse.c writes it: the strings that
// `from __future__ import annotations` stores instead of evaluating annotations.
import type * as A from '../../parser/ast';
import type { CValue } from '../astopt';

const enum PR {
  TUPLE, TEST, OR, AND, NOT, CMP, EXPR, BOR = EXPR, BXOR, BAND, SHIFT, ARITH, TERM, FACTOR, POWER, AWAIT, ATOM,
}

/** _PyAST_ExprAsUnicode */
export function unparseAnnotation(e: A.Expr): string {
  return expr(e, PR.TEST);
}

// ---- repr of constants

/** repr(float) (float_repr: the shortest string that round-trips, 'r' format). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = parseInt(expStr, 10);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const decpt = exp + 1;
  let s: string;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) s = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) s = digits + '0'.repeat(decpt - digits.length) + '.0';
    else s = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    const e = decpt - 1;
    const mantissa = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '');
    s = mantissa + 'e' + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  }
  return (neg ? '-' : '') + s;
}

/** PyOS_double_to_string(x, 'r', 0, flags) without ADD_DOT_0 (complex parts). */
function complexPart(x: number, sign: boolean): string {
  let s: string;
  if (Number.isNaN(x)) s = 'nan';
  else if (!Number.isFinite(x)) s = x > 0 ? 'inf' : '-inf';
  else {
    s = floatRepr(x);
    if (s.endsWith('.0')) s = s.slice(0, -2);
  }
  if (sign && !s.startsWith('-')) s = '+' + s;
  return s;
}

export function complexRepr(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return complexPart(imag, false) + 'j';
  return '(' + complexPart(real, false) + complexPart(imag, true) + 'j)';
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** repr(str) (unicode_repr). */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f) out += ch;
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

export function constRepr(v: CValue): string {
  switch (v.t) {
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
    case 'bool': return v.v ? 'True' : 'False';
    case 'int': return v.v.toString();
    case 'float': return floatRepr(v.v);
    case 'complex': return complexRepr(v.real ?? 0, v.imag);
    case 'str': return strRepr(v.codePoints ? String.fromCodePoint(...v.codePoints) : v.v);
    case 'bytes': return bytesRepr(v.v);
    case 'tuple': return '(' + v.items.map(constRepr).join(', ') + (v.items.length === 1 ? ',' : '') + ')';
    case 'frozenset': return v.items.length ? 'frozenset({' + v.items.map(constRepr).join(', ') + '})' : 'frozenset()';
  }
}

/** append_repr: inf written so that it reads back (1e309). */
function appendRepr(v: CValue): string {
  const r = constRepr(v);
  if (v.t === 'float' || v.t === 'complex') return r.replace(/inf/g, '1e309');
  return r;
}

function appendConstant(v: CValue): string {
  if (v.t === 'tuple') {
    return '(' + v.items.map(appendConstant).join(', ') + (v.items.length === 1 ? ',' : '') + ')';
  }
  return appendRepr(v);
}

// ---- expressions

function args(a: A.Arguments): string {
  const parts: string[] = [];
  const posonly = a.posonlyargs.length;
  const all = [...a.posonlyargs, ...a.args];
  const ndefaults = a.defaults.length;
  for (let i = 0; i < all.length; i++) {
    let s = arg(all[i]);
    const di = i - all.length + ndefaults;
    if (di >= 0) s += '=' + expr(a.defaults[di], PR.TEST);
    parts.push(s);
    if (posonly && i + 1 === posonly) parts.push('/');
  }
  if (a.vararg || a.kwonlyargs.length) parts.push('*' + (a.vararg ? arg(a.vararg) : ''));
  const nkw = a.kwonlyargs.length;
  const nkwd = a.kw_defaults.length;
  for (let i = 0; i < nkw; i++) {
    let s = arg(a.kwonlyargs[i]);
    const di = i - nkw + nkwd;
    if (di >= 0) {
      const d = a.kw_defaults[di];
      if (d) s += '=' + expr(d, PR.TEST);
    }
    parts.push(s);
  }
  if (a.kwarg) parts.push('**' + arg(a.kwarg));
  return parts.join(', ');
}

function arg(a: A.Arg): string {
  return a.arg + (a.annotation ? ': ' + expr(a.annotation, PR.TEST) : '');
}

function paren(cond: boolean, s: string): string {
  return cond ? '(' + s + ')' : s;
}

function comprehensions(gens: A.Comprehension[]): string {
  let s = '';
  for (const g of gens) {
    s += g.is_async ? ' async for ' : ' for ';
    s += expr(g.target, PR.TUPLE);
    s += ' in ';
    s += expr(g.iter, PR.TEST + 1);
    for (const cond of g.ifs) s += ' if ' + expr(cond, PR.TEST + 1);
  }
  return s;
}

function fstringBody(values: A.Expr[], isFormatSpec: boolean): string {
  let s = '';
  for (const v of values) s += fstringElement(v, isFormatSpec);
  return s;
}

function fstringElement(e: A.Expr, isFormatSpec: boolean): string {
  switch (e._type) {
    case 'Constant': {
      const v = e.value as CValue;
      const text = v.t === 'str' ? v.v : '';
      return text.replace(/\{/g, '{{').replace(/\}/g, '}}');
    }
    case 'JoinedStr': return joinedStr(e, isFormatSpec);
    case 'FormattedValue': return formattedValue(e);
    default: throw new Error('unparse: unknown expression kind in f-string');
  }
}

function joinedStr(e: A.JoinedStr, isFormatSpec: boolean): string {
  const body = fstringBody(e.values, isFormatSpec);
  return isFormatSpec ? body : 'f' + strRepr(body);
}

function formattedValue(e: A.FormattedValue): string {
  const inner = expr(e.value, PR.TEST + 1);
  let s = (inner.startsWith('{') ? '{ ' : '{') + inner;
  if (e.conversion > 0) s += '!' + String.fromCharCode(e.conversion);
  if (e.format_spec) s += ':' + fstringElement(e.format_spec, true);
  return s + '}';
}

const BINOP: Record<A.OperatorKind, [string, PR]> = {
  Add: [' + ', PR.ARITH], Sub: [' - ', PR.ARITH], Mult: [' * ', PR.TERM], MatMult: [' @ ', PR.TERM],
  Div: [' / ', PR.TERM], Mod: [' % ', PR.TERM], LShift: [' << ', PR.SHIFT], RShift: [' >> ', PR.SHIFT],
  BitOr: [' | ', PR.BOR], BitXor: [' ^ ', PR.BXOR], BitAnd: [' & ', PR.BAND], FloorDiv: [' // ', PR.TERM],
  Pow: [' ** ', PR.POWER],
};

const CMPOP: Record<A.CmpOpKind, string> = {
  Eq: ' == ', NotEq: ' != ', Lt: ' < ', LtE: ' <= ', Gt: ' > ', GtE: ' >= ', Is: ' is ', IsNot: ' is not ',
  In: ' in ', NotIn: ' not in ',
};

function expr(e: A.Expr, level: number): string {
  switch (e._type) {
    case 'BoolOp': {
      const pr = e.op === 'And' ? PR.AND : PR.OR;
      const s = e.values.map((v) => expr(v, pr + 1)).join(e.op === 'And' ? ' and ' : ' or ');
      return paren(level > pr, s);
    }
    case 'BinOp': {
      const [op, pr] = BINOP[e.op];
      const rassoc = e.op === 'Pow' ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case 'UnaryOp': {
      const [op, pr] = e.op === 'Not' ? ['not ', PR.NOT] : [e.op === 'Invert' ? '~' : e.op === 'UAdd' ? '+' : '-', PR.FACTOR];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case 'Lambda': {
      const npos = e.args.args.length + e.args.posonlyargs.length;
      return paren(level > PR.TEST, (npos ? 'lambda ' : 'lambda') + args(e.args) + ': ' + expr(e.body, PR.TEST));
    }
    case 'IfExp':
      return paren(level > PR.TEST,
        expr(e.body, PR.TEST + 1) + ' if ' + expr(e.test, PR.TEST + 1) + ' else ' + expr(e.orelse, PR.TEST));
    case 'Dict':
      return '{' + e.keys.map((k, i) => (k ? expr(k, PR.TEST) + ': ' : '**') + expr(e.values[i], k ? PR.TEST : PR.EXPR)).join(', ') + '}';
    case 'Set':
      return '{' + e.elts.map((x) => expr(x, PR.TEST)).join(', ') + '}';
    case 'ListComp': return '[' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ']';
    case 'SetComp': return '{' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + '}';
    case 'GeneratorExp': return '(' + expr(e.elt, PR.TEST) + comprehensions(e.generators) + ')';
    case 'DictComp': return '{' + expr(e.key, PR.TEST) + ': ' + expr(e.value, PR.TEST) + comprehensions(e.generators) + '}';
    case 'Await': return paren(level > PR.AWAIT, 'await ' + expr(e.value, PR.ATOM));
    case 'Yield': return e.value ? '(yield ' + expr(e.value, PR.TEST) + ')' : '(yield)';
    case 'YieldFrom': return '(yield from ' + expr(e.value, PR.TEST) + ')';
    case 'Compare': {
      let s = expr(e.left, PR.CMP + 1);
      e.ops.forEach((op, i) => { s += CMPOP[op] + expr(e.comparators[i], PR.CMP + 1); });
      return paren(level > PR.CMP, s);
    }
    case 'Call': {
      let s = expr(e.func, PR.ATOM);
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === 'GeneratorExp') {
        return s + expr(e.args[0], PR.TEST);
      }
      const parts = e.args.map((a) => expr(a, PR.TEST));
      for (const k of e.keywords) parts.push((k.arg === null ? '**' : k.arg + '=') + expr(k.value, PR.TEST));
      s += '(' + parts.join(', ') + ')';
      return s;
    }
    case 'Constant': {
      const v = e.value as CValue;
      if (v.t === 'Ellipsis') return '...';
      return (e.kind === 'u' ? 'u' : '') + appendConstant(v);
    }
    case 'JoinedStr': return joinedStr(e, false);
    case 'FormattedValue': return formattedValue(e);
    case 'Attribute': {
      const v = e.value;
      const period = v._type === 'Constant' && (v.value as CValue).t === 'int' ? ' .' : '.';
      return expr(v, PR.ATOM) + period + e.attr;
    }
    case 'Subscript': return expr(e.value, PR.ATOM) + '[' + expr(e.slice, PR.TUPLE) + ']';
    case 'Starred': return '*' + expr(e.value, PR.EXPR);
    case 'Name': return e.id;
    case 'List': return '[' + e.elts.map((x) => expr(x, PR.TEST)).join(', ') + ']';
    case 'Tuple': {
      if (e.elts.length === 0) return '()';
      const s = e.elts.map((x) => expr(x, PR.TEST)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return paren(level > PR.TUPLE, s);
    }
    case 'Slice': {
      let s = e.lower ? expr(e.lower, PR.TEST) : '';
      s += ':';
      if (e.upper) s += expr(e.upper, PR.TEST);
      if (e.step) s += ':' + expr(e.step, PR.TEST);
      return s;
    }
    case 'NamedExpr':
      return paren(level > PR.TUPLE, expr(e.target, PR.ATOM) + ' := ' + expr(e.value, PR.ATOM));
  }
}
