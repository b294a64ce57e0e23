// Code generation for expressions: compiler_visit_expr1 and its helpers in CPython 3.11's Python/compile.c
// (calls with LOAD_METHOD / PUSH_NULL / KW_NAMES / CALL_FUNCTION_EX, displays, comparisons, boolean jumps,
// comprehensions as nested functions, lambdas, f-strings, yield and yield from).
import type * as A from '../../parser/ast';
import { BinaryOp, CompareOp, Op } from '../opcodes';
import { cStr, frozensetOf, NONE, type CValue } from '../astopt';
import { DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, Scope, type SymbolTableEntry } from '../symtable';
import { Compiler, ScopeType } from './core';
import { notSimulated } from './errors';
import { JUMP_NO_INTERRUPT, NO_LOCATION, POP_BLOCK, SETUP_FINALLY, type Block, type Loc } from './ir';
import { checkDebugArgs, defaultArguments, updateStartLocationToMatchAttr } from './statements';
import { unparseAnnotation } from './unparse';

/** A soft limit for stack use (STACK_USE_GUIDELINE): longer displays and calls are built incrementally. */
const STACK_USE_GUIDELINE = 30;

export function visitExprs(c: Compiler, es: A.Expr[]): void {
  for (const e of es) visitExpr(c, e);
}

/** compiler_visit_expr: the expression's location holds for the instructions it emits. */
export function visitExpr(c: Compiler, e: A.Expr): void {
  const old = c.u.loc;
  c.setLoc(e);
  visitExpr1(c, e);
  c.u.loc = old;
}

const BINOPS: Record<A.OperatorKind, BinaryOp> = {
  Add: BinaryOp.ADD, Sub: BinaryOp.SUBTRACT, Mult: BinaryOp.MULTIPLY, MatMult: BinaryOp.MATRIX_MULTIPLY,
  Div: BinaryOp.TRUE_DIVIDE, Mod: BinaryOp.REMAINDER, Pow: BinaryOp.POWER, LShift: BinaryOp.LSHIFT,
  RShift: BinaryOp.RSHIFT, BitOr: BinaryOp.OR, BitXor: BinaryOp.XOR, BitAnd: BinaryOp.AND, FloorDiv: BinaryOp.FLOOR_DIVIDE,
};

export function addopBinary(c: Compiler, op: A.OperatorKind, inplace: boolean): void {
  c.addop(Op.BINARY_OP, BINOPS[op] + (inplace ? BinaryOp.INPLACE : 0));
}

const UNARY: Record<A.UnaryOpKind, Op> = {
  Invert: Op.UNARY_INVERT, Not: Op.UNARY_NOT, UAdd: Op.UNARY_POSITIVE, USub: Op.UNARY_NEGATIVE,
};

function addopYield(c: Compiler): void {
  c.addop(Op.YIELD_VALUE);
  c.addop(Op.RESUME, 1);
}

/** compiler_add_yield_from: the SEND loop. */
function addYieldFrom(c: Compiler, isAwait: boolean): void {
  const start = c.newBlock();
  const resume = c.newBlock();
  const exit = c.newBlock();
  c.useNextBlock(start);
  c.addopJ(Op.SEND, exit);
  c.useNextBlock(resume);
  c.addop(Op.YIELD_VALUE);
  c.addop(Op.RESUME, isAwait ? 3 : 2);
  c.addopJ(JUMP_NO_INTERRUPT, start);
  c.useNextBlock(exit);
}

function visitExpr1(c: Compiler, e: A.Expr): void {
  switch (e._type) {
    case 'NamedExpr':
      visitExpr(c, e.value);
      c.addop(Op.COPY, 1);
      visitExpr(c, e.target);
      return;
    case 'BoolOp': return compileBoolOp(c, e);
    case 'BinOp':
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      addopBinary(c, e.op, false);
      return;
    case 'UnaryOp':
      visitExpr(c, e.operand);
      c.addop(UNARY[e.op]);
      return;
    case 'Lambda': return compileLambda(c, e);
    case 'IfExp': return compileIfExp(c, e);
    case 'Dict': return compileDict(c, e);
    case 'Set': return starunpackHelper(c, e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
    case 'GeneratorExp': return compileComprehension(c, e, 'genexp', '<genexpr>', e.generators, e.elt, null);
    case 'ListComp': return compileComprehension(c, e, 'list', '<listcomp>', e.generators, e.elt, null);
    case 'SetComp': return compileComprehension(c, e, 'set', '<setcomp>', e.generators, e.elt, null);
    case 'DictComp': return compileComprehension(c, e, 'dict', '<dictcomp>', e.generators, e.key, e.value);
    case 'Yield':
      if (c.u.ste.type !== 'function') c.error("'yield' outside function");
      if (e.value) visitExpr(c, e.value);
      else c.loadNone();
      addopYield(c);
      return;
    case 'YieldFrom':
      if (c.u.ste.type !== 'function') c.error("'yield' outside function");
      if (c.u.scopeType === ScopeType.ASYNC_FUNCTION) c.error("'yield from' inside async function");
      visitExpr(c, e.value);
      c.addop(Op.GET_YIELD_FROM_ITER);
      c.loadNone();
      addYieldFrom(c, false);
      return;
    case 'Await':
      if (c.u.ste.type !== 'function') c.error("'await' outside function");
      if (c.u.scopeType !== ScopeType.ASYNC_FUNCTION && c.u.scopeType !== ScopeType.COMPREHENSION) {
        c.error("'await' outside async function");
      }
      if (!c.notSimulatedAt) c.notSimulatedAt = notSimulated('async functions', e);
      visitExpr(c, e.value);
      return;
    case 'Compare': return compileCompare(c, e);
    case 'Call': return compileCall(c, e);
    case 'Constant':
      c.loadConst(e.value as CValue);
      return;
    case 'JoinedStr': return compileJoinedStr(c, e);
    case 'FormattedValue': return compileFormattedValue(c, e);
    case 'Attribute':
      if (e.ctx === 'Store' && e.value._type === 'Name' && e.value.id === 'self') addStaticAttribute(c, e.attr);
      visitExpr(c, e.value);
      updateStartLocationToMatchAttr(c, e);
      switch (e.ctx) {
        case 'Load': c.addopName(Op.LOAD_ATTR, e.attr); break;
        case 'Store':
          if (e.attr === '__debug__') c.error('cannot assign to __debug__');
          c.addopName(Op.STORE_ATTR, e.attr);
          break;
        case 'Del': c.addopName(Op.DELETE_ATTR, e.attr); break;
      }
      return;
    case 'Subscript': {
      const op = e.ctx === 'Load' ? Op.BINARY_SUBSCR : e.ctx === 'Store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR;
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.addop(op);
      return;
    }
    case 'Starred':
      if (e.ctx === 'Store') c.error('starred assignment target must be in a list or tuple');
      c.error("can't use starred expression here");
    // falls through (error throws)
    case 'Slice': {
      let n = 2;
      if (e.lower) visitExpr(c, e.lower);
      else c.loadNone();
      if (e.upper) visitExpr(c, e.upper);
      else c.loadNone();
      if (e.step) {
        n++;
        visitExpr(c, e.step);
      }
      c.addop(Op.BUILD_SLICE, n);
      return;
    }
    case 'Name':
      c.nameop(e.id, e.ctx);
      return;
    case 'List':
      if (e.ctx === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'Load') return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      visitExprs(c, e.elts);
      return;
    case 'Tuple':
      if (e.ctx === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'Load') return starunpackHelper(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      visitExprs(c, e.elts);
      return;
  }
}

// ---- conditions

function addCompare(c: Compiler, op: A.CmpOpKind): void {
  switch (op) {
    case 'Eq': c.addop(Op.COMPARE_OP, CompareOp.EQ); return;
    case 'NotEq': c.addop(Op.COMPARE_OP, CompareOp.NE); return;
    case 'Lt': c.addop(Op.COMPARE_OP, CompareOp.LT); return;
    case 'LtE': c.addop(Op.COMPARE_OP, CompareOp.LE); return;
    case 'Gt': c.addop(Op.COMPARE_OP, CompareOp.GT); return;
    case 'GtE': c.addop(Op.COMPARE_OP, CompareOp.GE); return;
    case 'Is': c.addop(Op.IS_OP, 0); return;
    case 'IsNot': c.addop(Op.IS_OP, 1); return;
    case 'In': c.addop(Op.CONTAINS_OP, 0); return;
    case 'NotIn': c.addop(Op.CONTAINS_OP, 1); return;
  }
}

export { addCompare };

/** compiler_jump_if: jump to `next` when `e` is `cond`, without materialising booleans where possible. */
/** compiler_maybe_add_static_attribute_to_class (Python/compile.c, 3.13+): `self.X = ...` anywhere inside a
 *  class records X for the innermost enclosing class body. */
function addStaticAttribute(c: Compiler, attr: string): void {
  for (let i = c.stack.length - 1; i >= 0; i--) {
    if (c.stack[i].scopeType === ScopeType.CLASS) {
      c.stack[i].staticAttributes.add(attr);
      return;
    }
  }
}

export function compileJumpIf(c: Compiler, e: A.Expr, next: Block, cond: boolean): void {
  switch (e._type) {
    case 'UnaryOp':
      if (e.op === 'Not') return compileJumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const s = e.values;
      const n = s.length - 1;
      const cond2 = e.op === 'Or';
      let next2 = next;
      if (cond2 !== cond) next2 = c.newBlock();
      for (let i = 0; i < n; i++) compileJumpIf(c, s[i], next2, cond2);
      compileJumpIf(c, s[n], next, cond);
      if (next2 !== next) c.useNextBlock(next2);
      return;
    }
    case 'IfExp': {
      const end = c.newBlock();
      const next2 = c.newBlock();
      compileJumpIf(c, e.test, next2, false);
      compileJumpIf(c, e.body, next, cond);
      c.addopJNoLine(Op.JUMP, end);
      c.useNextBlock(next2);
      compileJumpIf(c, e.orelse, next, cond);
      c.useNextBlock(end);
      return;
    }
    case 'Compare': {
      c.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        const cleanup = c.newBlock();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          c.addop(Op.SWAP, 2);
          c.addop(Op.COPY, 2);
          addCompare(c, e.ops[i]);
          c.addopJ(Op.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        c.addopJ(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
        const end = c.newBlock();
        c.addopJNoLine(Op.JUMP, end);
        c.useNextBlock(cleanup);
        c.addop(Op.POP_TOP);
        if (!cond) c.addopJNoLine(Op.JUMP, next);
        c.useNextBlock(end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visitExpr(c, e);
  c.addopJ(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
}

function compileIfExp(c: Compiler, e: A.IfExp): void {
  const end = c.newBlock();
  const next = c.newBlock();
  compileJumpIf(c, e.test, next, false);
  visitExpr(c, e.body);
  c.addopJNoLine(Op.JUMP, end);
  c.useNextBlock(next);
  visitExpr(c, e.orelse);
  c.useNextBlock(end);
}

function compileBoolOp(c: Compiler, e: A.BoolOp): void {
  const jumpi = e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
  const end = c.newBlock();
  const s = e.values;
  const n = s.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, s[i]);
    c.addopJ(jumpi, end);
    c.useNextBlock(c.newBlock());
  }
  visitExpr(c, s[n]);
  c.useNextBlock(end);
}

function compileCompare(c: Compiler, e: A.Compare): void {
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = c.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    c.addop(Op.SWAP, 2);
    c.addop(Op.COPY, 2);
    addCompare(c, e.ops[i]);
    c.addopJ(Op.JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = c.newBlock();
  c.addopJNoLine(Op.JUMP, end);
  c.useNextBlock(cleanup);
  c.addop(Op.SWAP, 2);
  c.addop(Op.POP_TOP);
  c.useNextBlock(end);
}

// ---- displays and unpacking

function isConst(e: A.Expr | null): e is A.Constant {
  return e !== null && e._type === 'Constant';
}

/** starunpack_helper: list, tuple and set displays, with * items and long displays built incrementally. */
export function starunpackHelper(c: Compiler, elts: A.Expr[], pushed: number, build: Op, add: Op, extend: Op,
  tuple: boolean): void {
  const n = elts.length;
  if (n > 2 && elts.every(isConst)) {
    const items = elts.map((x) => (x as A.Constant).value as CValue);
    if (tuple && !pushed) {
      c.loadConst({ t: 'tuple', items });
    } else {
      let folded: CValue = { t: 'tuple', items };
      if (add === Op.SET_ADD) {
        const fz = frozensetOf(items);
        if (fz) folded = fz;
      }
      c.addop(build, pushed);
      c.loadConst(folded);
      c.addop(extend, 1);
      if (tuple) c.addop(Op.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((x) => x._type === 'Starred');
  if (!seenStar && !big) {
    for (const elt of elts) visitExpr(c, elt);
    c.addop(tuple ? Op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let sequenceBuilt = false;
  if (big) {
    c.addop(build, pushed);
    sequenceBuilt = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'Starred') {
      if (!sequenceBuilt) {
        c.addop(build, i + pushed);
        sequenceBuilt = true;
      }
      visitExpr(c, elt.value);
      c.addop(extend, 1);
    } else {
      visitExpr(c, elt);
      if (sequenceBuilt) c.addop(add, 1);
    }
  }
  if (tuple) c.addop(Op.LIST_TO_TUPLE);
}

function unpackHelper(c: Compiler, elts: A.Expr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._type === 'Starred' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) c.error('too many expressions in star-unpacking assignment');
      c.addop(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._type === 'Starred') {
      c.error('multiple starred expressions in assignment');
    }
  }
  if (!seenStar) c.addop(Op.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: Compiler, elts: A.Expr[]): void {
  unpackHelper(c, elts);
  for (const elt of elts) visitExpr(c, elt._type === 'Starred' ? elt.value : elt);
}

function compileSubdict(c: Compiler, e: A.Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && e.keys.slice(begin, end).every(isConst)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    const keys: CValue = { t: 'tuple', items: e.keys.slice(begin, end).map((k) => (k as A.Constant).value as CValue) };
    c.loadConst(keys);
    c.addop(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addop(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]!);
    visitExpr(c, e.values[i]);
    if (big) c.addop(Op.MAP_ADD, 1);
  }
  if (!big) c.addop(Op.BUILD_MAP, n);
}

function compileDict(c: Compiler, e: A.Dict): void {
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    const isUnpacking = e.keys[i] === null;
    if (isUnpacking) {
      if (elements) {
        compileSubdict(c, e, i - elements, i);
        if (haveDict) c.addop(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        c.addop(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      c.addop(Op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      compileSubdict(c, e, i - elements, i + 1);
      if (haveDict) c.addop(Op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    compileSubdict(c, e, n - elements, n);
    if (haveDict) c.addop(Op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) c.addop(Op.BUILD_MAP, 0);
}

// ---- calls

function validateKeywords(c: Compiler, keywords: A.Keyword[]): void {
  for (let i = 0; i < keywords.length; i++) {
    const key = keywords[i];
    if (key.arg === null) continue;
    if (key.arg === '__debug__') c.error('cannot assign to __debug__');
    for (let j = i + 1; j < keywords.length; j++) {
      const other = keywords[j];
      if (other.arg !== null && other.arg === key.arg) {
        c.setLoc(other);
        c.error(`keyword argument repeated: ${key.arg}`);
      }
    }
  }
}

function isImportOriginated(c: Compiler, e: A.Expr): boolean {
  if (e._type !== 'Name') return false;
  return (c.st.top.getSymbol(e.id) & DEF_IMPORT) !== 0;
}

/** maybe_optimize_method_call: `obj.m(args)` as LOAD_METHOD + CALL. */
function maybeOptimizeMethodCall(c: Compiler, e: A.Call): boolean {
  const meth = e.func;
  if (meth._type !== 'Attribute' || meth.ctx !== 'Load') return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a._type === 'Starred')) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  visitExpr(c, meth.value);
  c.setLoc(meth);
  updateStartLocationToMatchAttr(c, meth);
  c.addopName(Op.LOAD_METHOD, meth.attr);
  visitExprs(c, e.args);
  if (kwdsl) {
    for (const k of e.keywords) visitExpr(c, k.value);
    callSimpleKwHelper(c, e.keywords);
  }
  c.setLoc(e);
  updateStartLocationToMatchAttr(c, meth);
  c.addop(Op.CALL, argsl + kwdsl);
  return true;
}

function compileCall(c: Compiler, e: A.Call): void {
  validateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  c.setLoc(e.func);
  c.addop(Op.PUSH_NULL);
  c.setLoc(e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

function callSimpleKwHelper(c: Compiler, keywords: A.Keyword[]): void {
  const names: CValue = { t: 'tuple', items: keywords.map((k) => cStr(k.arg!)) };
  c.addop(Op.KW_NAMES, c.addConst(names));
}

function compileSubkwargs(c: Compiler, keywords: A.Keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    c.loadConst({ t: 'tuple', items: keywords.slice(begin, end).map((k) => cStr(k.arg!)) });
    c.addop(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addopNoLine(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    c.loadConst(cStr(keywords[i].arg!));
    visitExpr(c, keywords[i].value);
    if (big) c.addopNoLine(Op.MAP_ADD, 1);
  }
  if (!big) c.addop(Op.BUILD_MAP, n);
}

/** compiler_call_helper: the arguments of a call whose callable pair (n items beyond it) is already pushed. */
export function callHelper(c: Compiler, n: number, args: A.Expr[], keywords: A.Keyword[]): void {
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
    || args.some((a) => a._type === 'Starred')
    || keywords.some((k) => k.arg === null);
  if (!exCall) {
    visitExprs(c, args);
    if (nkwelts) {
      for (const k of keywords) visitExpr(c, k.value);
      callSimpleKwHelper(c, keywords);
    }
    c.addop(Op.CALL, n + nelts + nkwelts);
    return;
  }
  // Do positional arguments.
  if (n === 0 && nelts === 1 && args[0]._type === 'Starred') {
    visitExpr(c, (args[0] as A.Starred).value);
  } else {
    starunpackHelper(c, args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
  }
  // Then keyword arguments
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen) {
          compileSubkwargs(c, keywords, i - nseen, i);
          if (haveDict) c.addop(Op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          c.addop(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        c.addop(Op.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      compileSubkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) c.addop(Op.DICT_MERGE, 1);
    }
  }
  c.addop(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}

// ---- f-strings

function compileJoinedStr(c: Compiler, e: A.JoinedStr): void {
  const n = e.values.length;
  if (n > STACK_USE_GUIDELINE) {
    c.loadConst(cStr(''));
    c.addopName(Op.LOAD_METHOD, 'join');
    c.addop(Op.BUILD_LIST, 0);
    for (const v of e.values) {
      visitExpr(c, v);
      c.addop(Op.LIST_APPEND, 1);
    }
    c.addop(Op.CALL, 1);
    return;
  }
  visitExprs(c, e.values);
  if (n !== 1) c.addop(Op.BUILD_STRING, n);
}

function compileFormattedValue(c: Compiler, e: A.FormattedValue): void {
  visitExpr(c, e.value);
  let oparg: number;
  switch (e.conversion) {
    case 115: oparg = 1; break; // 's'
    case 114: oparg = 2; break; // 'r'
    case 97: oparg = 3; break; // 'a'
    case -1: oparg = 0; break;
    default: throw new Error(`compiler: unrecognized conversion character ${e.conversion}`);
  }
  if (e.format_spec) {
    visitExpr(c, e.format_spec);
    oparg |= 4;
  }
  c.addop(Op.FORMAT_VALUE, oparg);
}

// ---- functions made by expressions

function compileLambda(c: Compiler, e: A.Lambda): void {
  const args = e.args;
  checkDebugArgs(c, args);
  const flags = defaultArguments(c, args);
  c.enterScope('<lambda>', ScopeType.LAMBDA, e, e.lineno, e);
  // Make None the first constant, so the lambda can't have a docstring.
  c.addConst(NONE);
  c.u.argcount = args.args.length;
  c.u.posonlyargcount = args.posonlyargs.length;
  c.u.kwonlyargcount = args.kwonlyargs.length;
  visitExpr(c, e.body);
  let co;
  if (c.u.ste.generator) {
    co = c.assemble(false);
  } else {
    c.addop(Op.RETURN_VALUE);
    co = c.assemble(true);
  }
  c.exitScope();
  c.makeClosure(co, flags);
}

type CompType = 'genexp' | 'list' | 'set' | 'dict';

function locOf(n: A.Located): Loc {
  return { lineno: n.lineno, end_lineno: n.end_lineno, col: n.col_offset, end_col: n.end_col_offset };
}

function comprehensionGenerator(c: Compiler, generators: A.Comprehension[], genIndex: number, depth: number, elt: A.Expr,
  val: A.Expr | null, type: CompType, iterOnStack: boolean): void {
  const gen = generators[genIndex];
  if (gen.is_async) {
    if (!c.notSimulatedAt) c.notSimulatedAt = notSimulated('async functions', elt);
  }
  // 3.12 passes locations explicitly: the comprehension's, and the element's for the append and the jump back.
  const v312 = c.options.version >= 312;
  const loc = c.u.loc;
  let start: Block | null = c.newBlock();
  const ifCleanup = c.newBlock();
  const anchor = c.newBlock();
  if (iterOnStack) {
    // the outermost iterator was evaluated by the enclosing scope, and is on the stack (inlined comprehension)
  } else if (genIndex === 0) {
    // Receive outermost iter as an implicit argument
    c.u.argcount = 1;
    c.addop(Op.LOAD_FAST, 0);
  } else {
    // Sub-iter - calculate on the fly. Fast path for the temporary variable assignment idiom: for y in [f(x)]
    const it = gen.iter;
    const elts = it._type === 'List' ? it.elts : it._type === 'Tuple' ? it.elts : null;
    if (elts && elts.length === 1 && elts[0]._type !== 'Starred') {
      visitExpr(c, elts[0]);
      start = null;
    }
    if (start) {
      visitExpr(c, gen.iter);
      c.addop(Op.GET_ITER);
    }
  }
  if (start) {
    depth++;
    c.useNextBlock(start);
    c.addopJ(Op.FOR_ITER, anchor);
  }
  visitExpr(c, gen.target);
  for (const e of gen.ifs) {
    compileJumpIf(c, e, ifCleanup, false);
    if (v312) c.u.loc = loc;
  }
  if (++genIndex < generators.length) comprehensionGenerator(c, generators, genIndex, depth, elt, val, type, false);
  if (v312) c.u.loc = locOf(elt);
  if (genIndex >= generators.length) {
    switch (type) {
      case 'genexp':
        visitExpr(c, elt);
        addopYield(c);
        c.addop(Op.POP_TOP);
        break;
      case 'list':
        visitExpr(c, elt);
        c.addop(Op.LIST_APPEND, depth + 1);
        break;
      case 'set':
        visitExpr(c, elt);
        c.addop(Op.SET_ADD, depth + 1);
        break;
      case 'dict':
        // With '{k: v}', k is evaluated before v, so we do the same.
        visitExpr(c, elt);
        visitExpr(c, val!);
        if (v312) {
          c.u.loc = { lineno: elt.lineno, end_lineno: val!.end_lineno, col: elt.col_offset, end_col: val!.end_col_offset };
        }
        c.addop(Op.MAP_ADD, depth + 1);
        break;
    }
  }
  c.useNextBlock(ifCleanup);
  if (start) {
    c.addopJ(Op.JUMP, start);
    c.useNextBlock(anchor);
  }
  if (v312) c.u.loc = loc;
}

interface InlinedComprehensionState {
  /** Names whose outer values were saved on the stack (LOAD_FAST_AND_CLEAR), in push order. */
  pushed: string[];
  /** The enclosing scope's own entries for names the comprehension scopes differently. */
  tempSymbols: Map<string, { flags: number | undefined; scope: Scope | undefined }>;
  fastHidden: string[];
  cleanup: Block | null;
  end: Block | null;
}

/** push_inlined_comprehension_state (3.12's compile.c): isolate the names the comprehension binds. */
function pushInlinedComprehensionState(c: Compiler, loc: Loc, entry: SymbolTableEntry): InlinedComprehensionState {
  const u = c.u;
  const inClassBlock = u.ste.type === 'class' && !u.inInlinedComp;
  u.inInlinedComp++;
  const state: InlinedComprehensionState = { pushed: [], tempSymbols: new Map(), fastHidden: [], cleanup: null, end: null };
  for (const [k, symbol] of entry.symbols) {
    // only names bound in the comprehension need handling (not a walrus target that belongs outside)
    if (!((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || inClassBlock)) continue;
    if (u.ste.type !== 'function' && u.fastHidden.get(k) !== true) {
      // non-function scope: this name uses a fast local while the comprehension runs
      u.fastHidden.set(k, true);
      state.fastHidden.push(k);
    }
    const scope = entry.getScope(k);
    const outsc = u.ste.getScope(k);
    if (scope !== outsc && !(scope === Scope.CELL && outsc === Scope.FREE)) {
      state.tempSymbols.set(k, { flags: u.ste.symbols.get(k), scope: u.ste.scopes.get(k) });
      u.ste.symbols.set(k, symbol);
      u.ste.scopes.set(k, scope);
    }
    // the outer value (a cell, for a cell) goes on the stack; a cell gets a fresh cell for the comprehension
    c.addopLoc(Op.LOAD_FAST_AND_CLEAR, c.addName(u.varnames, k), null, loc);
    if (scope === Scope.CELL) c.addopLoc(Op.MAKE_CELL, c.addName(outsc === Scope.FREE ? u.freevars : u.cellvars, k), null, loc);
    state.pushed.push(k);
  }
  if (state.pushed.length) {
    // The outermost iterator goes back to the top.
    c.addopLoc(Op.SWAP, state.pushed.length + 1, null, loc);
    state.cleanup = c.newBlock();
    state.end = c.newBlock();
    // a "virtual" try/finally restores the names when the comprehension raises
    c.addopLoc(SETUP_FINALLY, 0, state.cleanup, loc);
  }
  return state;
}

function restoreInlinedComprehensionLocals(c: Compiler, loc: Loc, state: InlinedComprehensionState): void {
  const n = state.pushed.length;
  c.addopLoc(Op.SWAP, n + 1, null, loc);
  // STORE_FAST_MAYBE_NULL in 3.12's compiler, a STORE_FAST once assembled
  for (let i = n - 1; i >= 0; i--) c.addopLoc(Op.STORE_FAST, c.addName(c.u.varnames, state.pushed[i]), null, loc);
}

/** pop_inlined_comprehension_state */
function popInlinedComprehensionState(c: Compiler, loc: Loc, state: InlinedComprehensionState): void {
  const u = c.u;
  u.inInlinedComp--;
  for (const [k, old] of state.tempSymbols) {
    if (old.flags === undefined) {
      u.ste.symbols.delete(k);
      u.ste.scopes.delete(k);
    } else {
      u.ste.symbols.set(k, old.flags);
      u.ste.scopes.set(k, old.scope ?? Scope.NONE);
    }
  }
  if (state.pushed.length) {
    c.addopLoc(POP_BLOCK, 0, null, NO_LOCATION);
    c.addopLoc(Op.JUMP, 0, state.end, NO_LOCATION);
    // cleanup from an exception inside the comprehension: drop the incomplete result beneath the exception
    c.useNextBlock(state.cleanup!);
    c.addopLoc(Op.SWAP, 2, null, NO_LOCATION);
    c.addopLoc(Op.POP_TOP, 0, null, NO_LOCATION);
    restoreInlinedComprehensionLocals(c, loc, state);
    c.addopLoc(Op.RERAISE, 0, null, NO_LOCATION);
    c.useNextBlock(state.end!);
    restoreInlinedComprehensionLocals(c, loc, state);
  }
  for (const k of state.fastHidden) u.fastHidden.set(k, false);
}

function compileComprehension(c: Compiler, e: A.Expr, type: CompType, name: string, generators: A.Comprehension[],
  elt: A.Expr, val: A.Expr | null): void {
  const outermost = generators[0];
  const scopeType = c.u.scopeType;
  const entry = c.st.lookup(e);
  if (entry.compInlined) {
    // 3.12 (PEP 709): no function; the iteration runs in this scope with its names saved and restored.
    const loc = locOf(e);
    visitExpr(c, outermost.iter);
    c.addopLoc(Op.GET_ITER, 0, null, loc);
    const state = pushInlinedComprehensionState(c, loc, entry);
    if (entry.coroutine && scopeType !== ScopeType.ASYNC_FUNCTION && scopeType !== ScopeType.COMPREHENSION) {
      c.error('asynchronous comprehension outside of an asynchronous function');
    }
    c.u.loc = loc;
    c.addop(type === 'list' ? Op.BUILD_LIST : type === 'set' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    c.addop(Op.SWAP, 2);
    comprehensionGenerator(c, generators, 0, 0, elt, val, type, true);
    popInlinedComprehensionState(c, loc, state);
    return;
  }
  c.enterScope(name, ScopeType.COMPREHENSION, e, e.lineno, e);
  c.setLoc(e);
  const isAsyncGenerator = c.u.ste.coroutine;
  const inAsync = scopeType === ScopeType.ASYNC_FUNCTION || scopeType === ScopeType.COMPREHENSION;
  if (isAsyncGenerator && type !== 'genexp' && !inAsync) {
    c.error('asynchronous comprehension outside of an asynchronous function');
  }
  if (type !== 'genexp') {
    c.addop(type === 'list' ? Op.BUILD_LIST : type === 'set' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
  }
  comprehensionGenerator(c, generators, 0, 0, elt, val, type, false);
  if (type !== 'genexp') c.addop(Op.RETURN_VALUE);
  const co = c.assemble(true);
  c.exitScope();
  c.makeClosure(co, 0);
  visitExpr(c, outermost.iter);
  c.addop(Op.GET_ITER);
  c.addop(Op.CALL, 0);
}

// ---- annotations

export function checkAnnExpr(c: Compiler, e: A.Expr): void {
  visitExpr(c, e);
  c.addop(Op.POP_TOP);
}

/** compiler_visit_annexpr: the annotation as a string (from __future__ import annotations). */
export function visitAnnexpr(c: Compiler, annotation: A.Expr): void {
  c.loadConst(cStr(unparseAnnotation(annotation)));
}
