// Code generation for statements: compiler_visit_stmt and the statement compilers of CPython 3.11's
// Python/compile.c (functions, classes, control flow, try/except/finally, with, imports, annotations).
import type * as A from '../../parser/ast';
import { CompareOp, Op } from '../opcodes';
import { cIdent, cInt, cStr, getDocString, NONE, type CValue } from '../astopt';
import { hasAnnotations, mangle } from '../symtable';
import { Compiler, FBlockType, ScopeType } from './core';
import { notSimulated } from './errors';
import {
  addopBinary, callHelper, compileJumpIf, visitExpr, visitExprs, checkAnnExpr, visitAnnexpr,
} from './expressions';
import { POP_BLOCK, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH, type Block, type Instr } from './ir';
import { compileMatch } from './patterns';

export function visitStmts(c: Compiler, stmts: A.Stmt[]): void {
  for (const s of stmts) visitStmt(c, s);
}

/** find_ann: whether a block has variable annotations (then it needs SETUP_ANNOTATIONS). */
function findAnn(stmts: A.Stmt[]): boolean {
  for (const st of stmts) {
    switch (st._type) {
      case 'AnnAssign': return true;
      case 'For': case 'AsyncFor': case 'While': case 'If':
        if (findAnn(st.body) || findAnn(st.orelse)) return true;
        break;
      case 'With': case 'AsyncWith':
        if (findAnn(st.body)) return true;
        break;
      case 'Try': case 'TryStar':
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        if (findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse)) return true;
        break;
      case 'Match':
        for (const m of st.cases) if (findAnn(m.body)) return true;
        break;
      default: break;
    }
  }
  return false;
}

/** compiler_body: module and class bodies (docstring into __doc__, SETUP_ANNOTATIONS). 3.14 (codegen_body):
 *  SETUP_ANNOTATIONS only under the future import, else the annotations go into an `__annotate__` function,
 *  made first thing in a module (its ANNOTATIONS_PLACEHOLDER) and last in a class body. */
export function compileBody(c: Compiler, stmts: A.Stmt[]): void {
  let i = 0;
  const isModule = c.u.scopeType === ScopeType.MODULE;
  if (isModule && stmts.length) c.setLoc(stmts[0]);
  let storeAnnotate: Instr | null = null;
  if (c.deferredAnnotations) {
    c.u.deferredAnnotations = collectDeferredAnnotations(stmts, isModule);
    if (isModule) {
      storeAnnotate = processDeferredAnnotations(c);
      if (c.u.ste.hasConditionalAnnotations) {
        c.addop(Op.BUILD_SET, 0);
        c.addopName(Op.STORE_NAME, '__conditional_annotations__');
      }
    }
  } else if (findAnn(stmts)) {
    c.addop(Op.SETUP_ANNOTATIONS);
  }
  if (!stmts.length) return;
  const doc = getDocString(stmts);
  if (doc) {
    i = 1;
    visitExpr(c, (stmts[0] as A.ExprStmt).value);
    c.unsetLoc();
    c.nameop('__doc__', 'Store');
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]);
  if (c.deferredAnnotations && !isModule) processDeferredAnnotations(c);
  // A module's __annotate__ is compiled after its body and moved to the front: its name comes last in co_names.
  if (storeAnnotate) storeAnnotate.arg = c.addName(c.u.names, '__annotate__');
}

/** The simple annotated assignments of a module or class body, in the order codegen meets them, each with its
 *  index in `__conditional_annotations__` (every one in a module, which may run partly; in a class those in an
 *  if/for/while/try/with/match body) or -1 (_PyCompile_AddDeferredAnnotation). */
function collectDeferredAnnotations(stmts: A.Stmt[], isModule: boolean): Map<A.AnnAssign, number> {
  const found = new Map<A.AnnAssign, number>();
  let next = 0;
  const visit = (body: A.Stmt[], conditional: boolean): void => {
    for (const st of body) {
      switch (st._type) {
        case 'AnnAssign':
          if (st.simple && st.target._type === 'Name') found.set(st, isModule || conditional ? next++ : -1);
          break;
        case 'For': case 'AsyncFor': case 'While': case 'If':
          visit(st.body, true);
          visit(st.orelse, true);
          break;
        case 'With': case 'AsyncWith':
          visit(st.body, true);
          break;
        case 'Try': case 'TryStar':
          visit(st.body, true);
          visit(st.orelse, true);
          for (const h of st.handlers) visit(h.body, true);
          visit(st.finalbody, true);
          break;
        case 'Match':
          for (const m of st.cases) visit(m.body, true);
          break;
        default: break;
      }
    }
  };
  visit(stmts, false);
  return found;
}

/** codegen_setup_annotations_scope: enter `__annotate__(format, /)`, which raises NotImplementedError for a
 *  format above VALUE_WITH_FAKE_GLOBALS (2). */
function enterAnnotationsScope(c: Compiler, key: object, loc: A.Stmt | A.Expr): void {
  c.enterScope('__annotate__', ScopeType.ANNOTATIONS, key, loc.lineno, loc);
  c.u.posonlyargcount = 1;
  c.setLoc(loc);
  c.addop(Op.LOAD_FAST, c.addName(c.u.varnames, '.format'));
  c.loadConst(cInt(2));
  c.addop(Op.COMPARE_OP, CompareOp.GT);
  const body = c.newBlock();
  c.addopJ(Op.POP_JUMP_IF_FALSE, body);
  c.addop(Op.LOAD_COMMON_CONSTANT, 1);
  c.addop(Op.RAISE_VARARGS, 1);
  c.useNextBlock(body);
}

/** codegen_leave_annotations_scope: return the dict; the parameter is shown as `format` (the symbol table
 *  calls it `.format`, so that an annotation may use the name `format`); push the function. */
function leaveAnnotationsScope(c: Compiler): void {
  c.addop(Op.RETURN_VALUE);
  const co = c.assemble(true);
  co.localsplusnames[0] = 'format';
  c.exitScope();
  c.makeClosure(co, 0);
}

/** codegen_process_deferred_annotations: a module's or class's `__annotate__`, stored as `__annotate__` (a
 *  module) or `__annotate_func__` (a class, whose type reads it there). */
function processDeferredAnnotations(c: Compiler): Instr | null {
  const deferred = c.u.deferredAnnotations;
  const ste = c.u.ste;
  if (!deferred || !deferred.size || !ste.annotationBlock) return null;
  const isClass = c.u.scopeType === ScopeType.CLASS;
  const loc = c.u.loc;
  const first = deferred.keys().next().value as A.AnnAssign;
  enterAnnotationsScope(c, ste, first);
  c.u.loc = loc;
  c.addop(Op.BUILD_MAP, 0);
  for (const [st, index] of deferred) {
    const notSet = c.newBlock();
    c.setLoc(st);
    if (index !== -1) {
      c.loadConst(cInt(index));
      if (isClass) c.addop(Op.LOAD_DEREF, c.u.freevars.get('__conditional_annotations__')!);
      else c.addopName(Op.LOAD_GLOBAL, '__conditional_annotations__');
      c.addop(Op.CONTAINS_OP, 0);
      c.addopJ(Op.POP_JUMP_IF_FALSE, notSet);
    }
    visitExpr(c, st.annotation);
    c.addop(Op.COPY, 2);
    c.loadConst(cStr(mangle(c.u.privateName, (st.target as A.Name).id)));
    c.u.loc = loc;
    c.addop(Op.STORE_SUBSCR);
    c.useNextBlock(notSet);
  }
  c.u.loc = loc;
  leaveAnnotationsScope(c);
  if (isClass) {
    c.nameop('__annotate_func__', 'Store');
    return null;
  }
  c.addop(Op.STORE_NAME, -1);
  const instrs = c.u.curblock.instrs;
  return instrs[instrs.length - 1];
}

/** codegen_annotations (3.14): a def's annotations as an `__annotate__` function (of strings under the future
 *  import); whether one was pushed. */
function compileAnnotate(c: Compiler, s: A.FunctionDef): boolean {
  if (!hasAnnotations(s)) return false;
  enterAnnotationsScope(c, s.args, s);
  const n = annotationPairs(c, s.args, s.returns);
  c.addop(Op.BUILD_MAP, n / 2);
  leaveAnnotationsScope(c);
  return true;
}

export function visitStmt(c: Compiler, s: A.Stmt): void {
  c.setLoc(s);
  switch (s._type) {
    case 'FunctionDef': return compileFunction(c, s);
    case 'AsyncFunctionDef': return compileFunction(c, s);
    case 'ClassDef': return compileClass(c, s);
    case 'Return': return compileReturn(c, s);
    case 'Delete':
      visitExprs(c, s.targets);
      return;
    case 'Assign': {
      const n = s.targets.length;
      visitExpr(c, s.value);
      for (let i = 0; i < n; i++) {
        if (i < n - 1) c.addop(Op.COPY, 1);
        visitExpr(c, s.targets[i]);
      }
      return;
    }
    case 'AugAssign': return compileAugAssign(c, s);
    case 'AnnAssign': return compileAnnAssign(c, s);
    case 'For': return compileFor(c, s);
    case 'AsyncFor': return compileAsyncFor(c, s);
    case 'While': return compileWhile(c, s);
    case 'If': return compileIf(c, s);
    case 'Match': return compileMatch(c, s);
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      c.addop(Op.RAISE_VARARGS, n);
      return;
    }
    case 'Try': return s.finalbody.length ? compileTryFinally(c, s) : compileTryExcept(c, s);
    case 'TryStar': return s.finalbody.length ? compileTryFinally(c, s) : compileTryStarExcept(c, s);
    case 'Assert': return compileAssert(c, s);
    case 'Import': return compileImport(c, s);
    case 'ImportFrom': return compileFromImport(c, s);
    case 'Global': case 'Nonlocal': return;
    case 'Expr': return compileStmtExpr(c, s.value);
    case 'Pass':
      c.addop(Op.NOP);
      return;
    case 'Break': return compileBreak(c);
    case 'Continue': return compileContinue(c);
    case 'With': return compileWith(c, s, 0);
    case 'AsyncWith': return compileAsyncWith(c, s);
    case 'TypeAlias':
      // 3.11 has no type statement (`type` is only a name there): invalid syntax at the alias's name.
      if (c.options.version < 312) {
        c.setLoc(s.name);
        c.error('invalid syntax');
      }
      if (!c.notSimulatedAt) c.notSimulatedAt = notSimulated('the type statement (PEP 695)', s);
      return;
  }
}

function compileStmtExpr(c: Compiler, value: A.Expr): void {
  if (value._type === 'Constant') {
    // ignore constant statement
    c.addop(Op.NOP);
    return;
  }
  visitExpr(c, value);
  c.unsetLoc();
  c.addop(Op.POP_TOP);
}

// ---- functions and classes

/** compiler_check_debug_args */
export function checkDebugArgs(c: Compiler, args: A.Arguments): void {
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
  if (args.vararg) all.push(args.vararg);
  if (args.kwarg) all.push(args.kwarg);
  for (const a of all) if (a.arg === '__debug__') c.error('cannot assign to __debug__');
}

/** compiler_default_arguments: pushes the defaults tuple and kwdefaults dict; returns MAKE_FUNCTION flags. */
export function defaultArguments(c: Compiler, args: A.Arguments): number {
  let flags = 0;
  if (args.defaults.length) {
    visitExprs(c, args.defaults);
    c.addop(Op.BUILD_TUPLE, args.defaults.length);
    flags |= 0x01;
  }
  if (args.kwonlyargs.length) {
    const keys: CValue[] = [];
    args.kwonlyargs.forEach((a, i) => {
      const d = args.kw_defaults[i];
      if (d) {
        keys.push(cStr(mangle(c.u.privateName, a.arg)));
        visitExpr(c, d);
      }
    });
    if (keys.length) {
      c.loadConst({ t: 'tuple', items: keys });
      c.addop(Op.BUILD_CONST_KEY_MAP, keys.length);
      flags |= 0x02;
    }
  }
  return flags;
}

function visitArgAnnotation(c: Compiler, id: string, annotation: A.Expr | null): number {
  if (!annotation) return 0;
  c.loadConst(cStr(mangle(c.u.privateName, id)));
  if (c.futureAnnotations) {
    visitAnnexpr(c, annotation);
  } else if (annotation._type === 'Starred') {
    // *args: *Ts (where Ts is a TypeVarTuple): [annotation_value] = [*Ts]
    visitExpr(c, annotation.value);
    c.addop(Op.UNPACK_SEQUENCE, 1);
  } else {
    visitExpr(c, annotation);
  }
  return 2;
}

/** compiler_visit_annotations: a tuple of alternating names and values; returns whether one was pushed. */
function visitAnnotations(c: Compiler, args: A.Arguments, returns: A.Expr | null): boolean {
  const n = annotationPairs(c, args, returns);
  if (n) {
    c.addop(Op.BUILD_TUPLE, n);
    return true;
  }
  return false;
}

/** codegen_annotations_in_scope: pushes name, value for each annotation; returns how many items. */
function annotationPairs(c: Compiler, args: A.Arguments, returns: A.Expr | null): number {
  let n = 0;
  for (const a of args.args) n += visitArgAnnotation(c, a.arg, a.annotation);
  for (const a of args.posonlyargs) n += visitArgAnnotation(c, a.arg, a.annotation);
  if (args.vararg?.annotation) n += visitArgAnnotation(c, args.vararg.arg, args.vararg.annotation);
  for (const a of args.kwonlyargs) n += visitArgAnnotation(c, a.arg, a.annotation);
  if (args.kwarg?.annotation) n += visitArgAnnotation(c, args.kwarg.arg, args.kwarg.annotation);
  n += visitArgAnnotation(c, 'return', returns);
  return n;
}

function applyDecorators(c: Compiler, decos: A.Expr[]): void {
  const old = c.u.loc;
  for (let i = decos.length - 1; i >= 0; i--) {
    c.setLoc(decos[i]);
    c.addop(Op.CALL, 0);
  }
  c.u.loc = old;
}

function compileFunction(c: Compiler, s: A.FunctionDef): void {
  const isAsync = s._type === 'AsyncFunctionDef';
  if (isAsync && !c.notSimulatedAt) c.notSimulatedAt = notSimulated('async functions', s);
  typeParams(c, s.type_params, "expected '('");
  checkDebugArgs(c, s.args);
  visitExprs(c, s.decorator_list);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
  let flags = defaultArguments(c, s.args);
  if (c.options.version >= 314) {
    if (compileAnnotate(c, s)) flags |= 0x10;
  } else if (visitAnnotations(c, s.args, s.returns)) {
    flags |= 0x04;
  }
  c.enterScope(s.name, isAsync ? ScopeType.ASYNC_FUNCTION : ScopeType.FUNCTION, s, firstlineno, s);
  const doc = getDocString(s.body);
  c.addConst(doc ? (doc.value as CValue) : NONE);
  c.u.argcount = s.args.args.length;
  c.u.posonlyargcount = s.args.posonlyargs.length;
  c.u.kwonlyargcount = s.args.kwonlyargs.length;
  for (let i = doc ? 1 : 0; i < s.body.length; i++) visitStmt(c, s.body[i]);
  const co = c.assemble(true);
  c.exitScope();
  c.makeClosure(co, flags);
  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, 'Store');
}

/** PEP 695 type parameters (`def f[T]`, `class C[T]`): 3.11's grammar stops at the `[` with `message`; 3.12+
 *  runs them, which the simulator does not model yet. */
function typeParams(c: Compiler, params: A.TypeParam[] | undefined, message: string): void {
  if (!params?.length) return;
  if (c.options.version < 312) {
    const p = params[0];
    c.setLoc({ lineno: p.lineno, col_offset: p.col_offset - 1, end_lineno: p.lineno, end_col_offset: p.col_offset });
    c.error(message);
  }
  if (!c.notSimulatedAt) c.notSimulatedAt = notSimulated('type parameters (PEP 695)', params[0]);
}

function compileClass(c: Compiler, s: A.ClassDef): void {
  typeParams(c, s.type_params, 'invalid syntax');
  visitExprs(c, s.decorator_list);
  const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
  c.enterScope(s.name, ScopeType.CLASS, s, firstlineno, s);
  c.u.privateName = s.name;
  c.nameop('__name__', 'Load');
  c.nameop('__module__', 'Store');
  // A top-level class's qualname is its name identifier itself (compiler_set_qualname); a nested one is built.
  c.loadConst(c.u.qualname === s.name ? cIdent(s.name) : cStr(c.u.qualname));
  c.nameop('__qualname__', 'Store');
  // compiler_class_body (Python/compile.c), 3.13+: __firstlineno__ before the body, the sorted
  // __static_attributes__ after it.
  if (c.options.version >= 313) {
    c.loadConst(cInt(firstlineno));
    c.nameop('__firstlineno__', 'Store');
  }
  // 3.14: the namespace in a cell for the annotation scopes; the set of conditional annotations that ran
  if (c.u.ste.needsClassdict) {
    c.addop(Op.LOAD_LOCALS);
    c.addop(Op.STORE_DEREF, c.u.cellvars.get('__classdict__')!);
  }
  if (c.u.ste.hasConditionalAnnotations && c.u.cellvars.has('__conditional_annotations__')) {
    c.addop(Op.BUILD_SET, 0);
    c.addop(Op.STORE_DEREF, c.u.cellvars.get('__conditional_annotations__')!);
  }
  compileBody(c, s.body);
  c.unsetLoc();
  if (c.options.version >= 313) {
    c.loadConst({ t: 'tuple', items: [...c.u.staticAttributes].sort().map((n) => cStr(n)) });
    c.nameop('__static_attributes__', 'Store');
  }
  if (c.u.ste.needsClassdict) {
    // type_new sets this cell to the class's own dict (type_new_set_classdictcell)
    c.addop(Op.LOAD_CLOSURE, c.u.cellvars.get('__classdict__')!);
    c.nameop('__classdictcell__', 'Store');
  }
  if (c.u.ste.needsClassClosure) {
    c.addop(Op.LOAD_CLOSURE, c.u.cellvars.get('__class__')!);
    c.addop(Op.COPY, 1);
    c.nameop('__classcell__', 'Store');
  } else {
    c.loadNone();
  }
  c.addop(Op.RETURN_VALUE);
  const co = c.assemble(true);
  c.exitScope();
  c.addop(Op.PUSH_NULL);
  c.addop(Op.LOAD_BUILD_CLASS);
  c.makeClosure(co, 0);
  c.loadConst(cIdent(s.name));
  callHelper(c, 2, s.bases, s.keywords);
  applyDecorators(c, s.decorator_list);
  c.nameop(s.name, 'Store');
}

// ---- control flow

function compileIf(c: Compiler, s: A.If): void {
  const end = c.newBlock();
  const next = s.orelse.length ? c.newBlock() : end;
  compileJumpIf(c, s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length) {
    c.addopJNoLine(Op.JUMP, end);
    c.useNextBlock(next);
    visitStmts(c, s.orelse);
  }
  c.useNextBlock(end);
}

function compileFor(c: Compiler, s: A.For): void {
  const start = c.newBlock();
  const body = c.newBlock();
  const cleanup = c.newBlock();
  const end = c.newBlock();
  c.pushFblock(FBlockType.FOR_LOOP, start, end, null);
  visitExpr(c, s.iter);
  c.addop(Op.GET_ITER);
  c.useNextBlock(start);
  c.addopJ(Op.FOR_ITER, cleanup);
  c.useNextBlock(body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.unsetLoc();
  c.addopJ(Op.JUMP, start);
  c.useNextBlock(cleanup);
  c.popFblock(FBlockType.FOR_LOOP);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

function compileAsyncFor(c: Compiler, s: A.For): void {
  if (c.u.scopeType !== ScopeType.ASYNC_FUNCTION) c.error("'async for' outside async function");
  // Not run: compiled like a plain for loop so that the errors inside are still found.
  compileFor(c, s);
}

function compileWhile(c: Compiler, s: A.While): void {
  const loop = c.newBlock();
  const body = c.newBlock();
  const anchor = c.newBlock();
  const end = c.newBlock();
  c.useNextBlock(loop);
  c.pushFblock(FBlockType.WHILE_LOOP, loop, end, null);
  compileJumpIf(c, s.test, anchor, false);
  c.useNextBlock(body);
  visitStmts(c, s.body);
  c.setLoc(s);
  compileJumpIf(c, s.test, body, true);
  c.popFblock(FBlockType.WHILE_LOOP);
  c.useNextBlock(anchor);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

function compileReturn(c: Compiler, s: A.Return): void {
  const preserveTos = s.value !== null && s.value._type !== 'Constant';
  if (c.u.ste.type !== 'function') c.error("'return' outside function");
  if (s.value !== null && c.u.ste.coroutine && c.u.ste.generator) c.error("'return' with value in async generator");
  if (preserveTos) {
    visitExpr(c, s.value!);
  } else if (s.value !== null) {
    c.setLoc(s.value);
    c.addop(Op.NOP);
  }
  if (s.value === null || s.value.lineno !== s.lineno) {
    c.setLoc(s);
    c.addop(Op.NOP);
  }
  c.unwindFblockStack(preserveTos, false);
  if (s.value === null) c.loadNone();
  else if (!preserveTos) c.loadConst((s.value as A.Constant).value as CValue);
  c.addop(Op.RETURN_VALUE);
}

function compileBreak(c: Compiler): void {
  const saved = c.u.loc;
  c.addop(Op.NOP);
  const loop = c.unwindFblockStack(false, true);
  if (!loop) {
    c.u.loc = saved;
    c.error("'break' outside loop");
  }
  c.unwindFblock(loop, false);
  c.addopJ(Op.JUMP, loop.exit!);
}

function compileContinue(c: Compiler): void {
  const saved = c.u.loc;
  c.addop(Op.NOP);
  const loop = c.unwindFblockStack(false, true);
  if (!loop) {
    c.u.loc = saved;
    c.error("'continue' not properly in loop");
  }
  c.addopJ(Op.JUMP, loop.block!);
}

// ---- try

function compileTryFinally(c: Compiler, s: A.Try): void {
  const body = c.newBlock();
  const end = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  // `try` block
  c.addopJ(SETUP_FINALLY, end);
  c.useNextBlock(body);
  c.pushFblock(FBlockType.FINALLY_TRY, body, end, s.finalbody);
  if (s.handlers.length) {
    if (s._type === 'TryStar') compileTryStarExcept(c, s);
    else compileTryExcept(c, s);
  } else {
    visitStmts(c, s.body);
  }
  c.addopNoLine(POP_BLOCK);
  c.popFblock(FBlockType.FINALLY_TRY);
  visitStmts(c, s.finalbody);
  c.addopJNoLine(Op.JUMP, exit);
  // `finally` block
  c.useNextBlock(end);
  c.unsetLoc();
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
  c.pushFblock(FBlockType.FINALLY_END, end, null, null);
  visitStmts(c, s.finalbody);
  c.popFblock(FBlockType.FINALLY_END);
  c.addop(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  c.popExceptAndReraise();
  c.useNextBlock(exit);
}

function compileTryExcept(c: Compiler, s: A.Try): void {
  const body = c.newBlock();
  let except = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  c.addopJ(SETUP_FINALLY, except);
  c.useNextBlock(body);
  c.pushFblock(FBlockType.TRY_EXCEPT, body, null, null);
  visitStmts(c, s.body);
  c.popFblock(FBlockType.TRY_EXCEPT);
  c.addopNoLine(POP_BLOCK);
  visitStmts(c, s.orelse);
  c.addopJNoLine(Op.JUMP, end);
  const n = s.handlers.length;
  c.useNextBlock(except);
  c.unsetLoc();
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
  // Runtime will push a block here, so we need to account for that
  c.pushFblock(FBlockType.EXCEPTION_HANDLER, null, null, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    c.setLoc(handler);
    if (!handler.type && i < n - 1) c.error("default 'except:' must be last");
    except = c.newBlock();
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addop(Op.CHECK_EXC_MATCH);
      c.addopJ(Op.POP_JUMP_IF_FALSE, except);
    }
    if (handler.name) {
      const cleanupEnd = c.newBlock();
      const cleanupBody = c.newBlock();
      c.nameop(handler.name, 'Store');
      // try: body finally: name = None; del name
      c.addopJ(SETUP_CLEANUP, cleanupEnd);
      c.useNextBlock(cleanupBody);
      c.pushFblock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, handler.name);
      visitStmts(c, handler.body);
      c.popFblock(FBlockType.HANDLER_CLEANUP);
      c.unsetLoc();
      c.addop(POP_BLOCK);
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      c.loadNone();
      c.nameop(handler.name, 'Store');
      c.nameop(handler.name, 'Del');
      c.addopJ(Op.JUMP, end);
      // except:
      c.useNextBlock(cleanupEnd);
      c.unsetLoc();
      c.loadNone();
      c.nameop(handler.name, 'Store');
      c.nameop(handler.name, 'Del');
      c.addop(Op.RERAISE, 1);
    } else {
      const cleanupBody = c.newBlock();
      c.addop(Op.POP_TOP); // exc_value
      c.useNextBlock(cleanupBody);
      c.pushFblock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, null);
      visitStmts(c, handler.body);
      c.popFblock(FBlockType.HANDLER_CLEANUP);
      c.unsetLoc();
      c.addop(POP_BLOCK);
      c.addop(Op.POP_EXCEPT);
      c.addopJ(Op.JUMP, end);
    }
    c.useNextBlock(except);
  }
  c.unsetLoc();
  c.popFblock(FBlockType.EXCEPTION_HANDLER);
  c.addop(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  c.popExceptAndReraise();
  c.useNextBlock(end);
}

function compileTryStarExcept(c: Compiler, s: A.Try): void {
  const body = c.newBlock();
  let except = c.newBlock();
  const orelse = c.newBlock();
  const end = c.newBlock();
  const cleanup = c.newBlock();
  const reraiseStar = c.newBlock();
  c.addopJ(SETUP_FINALLY, except);
  c.useNextBlock(body);
  c.pushFblock(FBlockType.TRY_EXCEPT, body, null, null);
  visitStmts(c, s.body);
  c.popFblock(FBlockType.TRY_EXCEPT);
  c.addopNoLine(POP_BLOCK);
  c.addopJNoLine(Op.JUMP, orelse);
  const n = s.handlers.length;
  c.useNextBlock(except);
  c.unsetLoc();
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
  c.pushFblock(FBlockType.EXCEPTION_GROUP_HANDLER, null, null, 'except handler');
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    c.setLoc(handler);
    except = c.newBlock();
    const exceptWithError = c.newBlock();
    const noMatch = c.newBlock();
    if (i === 0) {
      // [exc] COPY 1 → [orig, exc]; BUILD_LIST → [orig, exc, []]; SWAP 2 → [orig, [], exc]
      c.addop(Op.COPY, 1);
      c.addop(Op.BUILD_LIST, 0);
      c.addop(Op.SWAP, 2);
    }
    if (handler.type) {
      visitExpr(c, handler.type);
      c.addop(Op.CHECK_EG_MATCH);
      c.addop(Op.COPY, 1);
      c.addopJ(Op.POP_JUMP_IF_NONE, noMatch);
    }
    const cleanupEnd = c.newBlock();
    const cleanupBody = c.newBlock();
    if (handler.name) c.nameop(handler.name, 'Store');
    else c.addop(Op.POP_TOP); // match
    c.addopJ(SETUP_CLEANUP, cleanupEnd);
    c.useNextBlock(cleanupBody);
    c.pushFblock(FBlockType.HANDLER_CLEANUP, cleanupBody, null, handler.name);
    visitStmts(c, handler.body);
    c.popFblock(FBlockType.HANDLER_CLEANUP);
    c.unsetLoc();
    c.addop(POP_BLOCK);
    if (handler.name) {
      c.loadNone();
      c.nameop(handler.name, 'Store');
      c.nameop(handler.name, 'Del');
    }
    c.addopJ(Op.JUMP, except);
    // except:
    c.useNextBlock(cleanupEnd);
    c.unsetLoc();
    if (handler.name) {
      c.loadNone();
      c.nameop(handler.name, 'Store');
      c.nameop(handler.name, 'Del');
    }
    // add exception raised to the res list
    c.addop(Op.LIST_APPEND, 3); // exc
    c.addop(Op.POP_TOP); // lasti
    c.addopJ(Op.JUMP, exceptWithError);
    c.useNextBlock(except);
    c.addop(Op.NOP); // to hold a propagated location info
    c.addopJ(Op.JUMP, exceptWithError);
    c.useNextBlock(noMatch);
    c.addop(Op.POP_TOP); // match (None)
    c.useNextBlock(exceptWithError);
    if (i === n - 1) {
      // Add exc to the list (if not None it's the unhandled part of the EG)
      c.addop(Op.LIST_APPEND, 1);
      c.addopJ(Op.JUMP, reraiseStar);
    }
  }
  c.unsetLoc();
  c.popFblock(FBlockType.EXCEPTION_GROUP_HANDLER);
  const reraise = c.newBlock();
  c.useNextBlock(reraiseStar);
  c.addop(Op.PREP_RERAISE_STAR);
  c.addop(Op.COPY, 1);
  c.addopJ(Op.POP_JUMP_IF_NOT_NONE, reraise);
  // Nothing to reraise
  c.addop(Op.POP_TOP);
  c.addop(POP_BLOCK);
  c.addop(Op.POP_EXCEPT);
  c.addopJ(Op.JUMP, end);
  c.useNextBlock(reraise);
  c.addop(POP_BLOCK);
  c.addop(Op.SWAP, 2);
  c.addop(Op.POP_EXCEPT);
  c.addop(Op.RERAISE, 0);
  c.useNextBlock(cleanup);
  c.popExceptAndReraise();
  c.useNextBlock(orelse);
  visitStmts(c, s.orelse);
  c.useNextBlock(end);
}

// ---- with

function withExceptFinish(c: Compiler, cleanup: Block): void {
  c.unsetLoc();
  const exit = c.newBlock();
  c.addopJ(Op.POP_JUMP_IF_TRUE, exit);
  c.addop(Op.RERAISE, 2);
  c.useNextBlock(cleanup);
  c.popExceptAndReraise();
  c.useNextBlock(exit);
  c.addop(Op.POP_TOP); // exc_value
  c.addop(POP_BLOCK);
  c.addop(Op.POP_EXCEPT);
  c.addop(Op.POP_TOP);
  c.addop(Op.POP_TOP);
}

function compileWith(c: Compiler, s: A.With, pos: number): void {
  const item = s.items[pos];
  const block = c.newBlock();
  const final = c.newBlock();
  const exit = c.newBlock();
  const cleanup = c.newBlock();
  // Evaluate EXPR
  visitExpr(c, item.context_expr);
  // Will push bound __exit__
  c.addop(Op.BEFORE_WITH);
  c.addopJ(SETUP_WITH, final);
  // SETUP_WITH pushes a finally block.
  c.useNextBlock(block);
  c.pushFblock(FBlockType.WITH, block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else c.addop(Op.POP_TOP); // Discard result from context.__enter__()
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compileWith(c, s, pos);
  // Mark all following code as artificial
  c.unsetLoc();
  c.addop(POP_BLOCK);
  c.popFblock(FBlockType.WITH);
  // End of body; start the cleanup. For successful outcome: call __exit__(None, None, None)
  c.setLoc(s);
  c.callExitWithNones();
  c.addop(Op.POP_TOP);
  c.addopJ(Op.JUMP, exit);
  // For exceptional outcome:
  c.useNextBlock(final);
  c.addopJ(SETUP_CLEANUP, cleanup);
  c.addop(Op.PUSH_EXC_INFO);
  c.addop(Op.WITH_EXCEPT_START);
  withExceptFinish(c, cleanup);
  c.useNextBlock(exit);
}

function compileAsyncWith(c: Compiler, s: A.With): void {
  if (c.u.scopeType !== ScopeType.ASYNC_FUNCTION) c.error("'async with' outside async function");
  // Not run: compiled like a plain with statement so that the errors inside are still found.
  compileWith(c, s, 0);
}

// ---- assignments

function compileAugAssign(c: Compiler, s: A.AugAssign): void {
  const e = s.target;
  const old = c.u.loc;
  c.setLoc(e);
  switch (e._type) {
    case 'Attribute':
      visitExpr(c, e.value);
      c.addop(Op.COPY, 1);
      updateStartLocationToMatchAttr(c, e);
      c.addopName(Op.LOAD_ATTR, e.attr);
      break;
    case 'Subscript':
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.addop(Op.COPY, 2);
      c.addop(Op.COPY, 2);
      c.addop(Op.BINARY_SUBSCR);
      break;
    case 'Name':
      c.nameop(e.id, 'Load');
      break;
    default:
      c.error('illegal expression for augmented assignment');
  }
  c.u.loc = old;
  visitExpr(c, s.value);
  addopBinary(c, s.op, true);
  c.setLoc(e);
  switch (e._type) {
    case 'Attribute':
      updateStartLocationToMatchAttr(c, e);
      c.addop(Op.SWAP, 2);
      c.addopName(Op.STORE_ATTR, e.attr);
      break;
    case 'Subscript':
      c.addop(Op.SWAP, 3);
      c.addop(Op.SWAP, 2);
      c.addop(Op.STORE_SUBSCR);
      break;
    case 'Name':
      c.nameop(e.id, 'Store');
      break;
  }
}

/** update_start_location_to_match_attr: a multi-line attribute access is located at the attribute name. */
export function updateStartLocationToMatchAttr(c: Compiler, attr: A.Attribute): void {
  const l = c.u.loc;
  if (l.lineno !== attr.end_lineno) {
    const len = attr.attr.length;
    let col = l.col;
    let endCol = l.end_col;
    if (len <= attr.end_col_offset) col = attr.end_col_offset - len;
    else {
      col = -1;
      endCol = -1;
    }
    const lineno = attr.end_lineno;
    const endLine = Math.max(lineno, l.end_lineno);
    if (lineno === endLine) endCol = Math.max(col, endCol);
    c.u.loc = { lineno, end_lineno: endLine, col, end_col: endCol };
  }
}

function checkAnnSubscr(c: Compiler, e: A.Expr): void {
  switch (e._type) {
    case 'Slice':
      if (e.lower) checkAnnExpr(c, e.lower);
      if (e.upper) checkAnnExpr(c, e.upper);
      if (e.step) checkAnnExpr(c, e.step);
      return;
    case 'Tuple':
      for (const x of e.elts) checkAnnSubscr(c, x);
      return;
    default:
      checkAnnExpr(c, e);
  }
}

function compileAnnAssign(c: Compiler, s: A.AnnAssign): void {
  const targ = s.target;
  // We perform the actual assignment first.
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  switch (targ._type) {
    case 'Name':
      if (targ.id === '__debug__') c.error('cannot assign to __debug__');
      // If we have a simple name in a module or class, store annotation.
      if (s.simple && (c.u.scopeType === ScopeType.MODULE || c.u.scopeType === ScopeType.CLASS) && c.deferredAnnotations) {
        // 3.14: evaluated later, by __annotate__; a conditional one records that it ran
        const index = c.u.deferredAnnotations?.get(s) ?? -1;
        if (index !== -1) {
          if (c.u.scopeType === ScopeType.CLASS) c.addop(Op.LOAD_DEREF, c.u.cellvars.get('__conditional_annotations__')!);
          else c.addopName(Op.LOAD_NAME, '__conditional_annotations__');
          c.loadConst(cInt(index));
          c.addop(Op.SET_ADD, 1);
          c.addop(Op.POP_TOP);
        }
      } else if (s.simple && (c.u.scopeType === ScopeType.MODULE || c.u.scopeType === ScopeType.CLASS)) {
        if (c.futureAnnotations) visitAnnexpr(c, s.annotation);
        else visitExpr(c, s.annotation);
        c.addopName(Op.LOAD_NAME, '__annotations__');
        c.loadConst(cStr(mangle(c.u.privateName, targ.id)));
        c.addop(Op.STORE_SUBSCR);
      }
      break;
    case 'Attribute':
      if (targ.attr === '__debug__') c.error('cannot assign to __debug__');
      if (!s.value) checkAnnExpr(c, targ.value);
      break;
    case 'Subscript':
      if (!s.value) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
    default:
      c.error('invalid node type for annotated assignment');
  }
  // Annotation is evaluated last.
  if (!s.simple && !c.futureAnnotations && c.options.version < 314 && (c.u.scopeType === ScopeType.MODULE || c.u.scopeType === ScopeType.CLASS)) {
    checkAnnExpr(c, s.annotation);
  }
}

// ---- assert, import

function compileAssert(c: Compiler, s: A.Assert): void {
  const end = c.newBlock();
  compileJumpIf(c, s.test, end, true);
  c.addop(Op.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    c.addop(Op.CALL, 0);
  }
  // 3.11.7 raises at whatever location the test left current (no SET_LOC here, unlike early 3.11 sources).
  c.addop(Op.RAISE_VARARGS, 1);
  c.useNextBlock(end);
}

function compileImportAs(c: Compiler, name: string, asname: string): void {
  const parts = name.split('.');
  if (parts.length > 1) {
    // Consume the base module name to get the first attribute
    for (let i = 1; i < parts.length; i++) {
      c.addop(Op.IMPORT_FROM, c.addName(c.u.names, parts[i]));
      if (i === parts.length - 1) break;
      c.addop(Op.SWAP, 2);
      c.addop(Op.POP_TOP);
    }
    c.nameop(asname, 'Store');
    c.addop(Op.POP_TOP);
    return;
  }
  c.nameop(asname, 'Store');
}

function compileImport(c: Compiler, s: A.Import): void {
  for (const alias of s.names) {
    c.loadConst(cInt(0));
    c.loadNone();
    c.addopName(Op.IMPORT_NAME, alias.name);
    if (alias.asname) {
      compileImportAs(c, alias.name, alias.asname);
    } else {
      const dot = alias.name.indexOf('.');
      c.nameop(dot >= 0 ? alias.name.slice(0, dot) : alias.name, 'Store');
    }
  }
}

function compileFromImport(c: Compiler, s: A.ImportFrom): void {
  c.loadConst(cInt(s.level));
  const names: CValue = { t: 'tuple', items: s.names.map((a) => cStr(a.name)) };
  if (s.lineno > c.future.lineno && s.module === '__future__') {
    c.error('from __future__ imports must occur at the beginning of the file');
  }
  c.loadConst(names);
  c.addopName(Op.IMPORT_NAME, s.module ?? '');
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name.startsWith('*')) {
      c.addop(Op.IMPORT_STAR);
      return;
    }
    c.addopName(Op.IMPORT_FROM, alias.name);
    c.nameop(alias.asname ?? alias.name, 'Store');
  }
  // remove imported module
  c.addop(Op.POP_TOP);
}
