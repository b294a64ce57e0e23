// The symbol table: which names each scope binds, and whether a name is local, global, free or a cell. A port of
// CPython 3.11's Python/symtable.c: one pass collects each name's uses and definitions per block, a second
// (analyze_block) resolves scopes the way the compiler will look them up. Comprehensions are function blocks
// of their own (3.11), `super` and `__class__` in a method make the class body hold a `__class__` cell.
import type * as A from '../parser/ast';
import { CompileError, type SourceRange } from './compiler/errors';

/** Flags of a name in a block (Include/internal/pycore_symtable.h). */
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
/** 3.12: a cell of an inlined comprehension (its scope's cell, even where the scope keeps it local). */
export const DEF_COMP_CELL = 1024;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** Where a name lives, once analysed. */
export const enum Scope {
  NONE = 0, LOCAL = 1, GLOBAL_EXPLICIT = 2, GLOBAL_IMPLICIT = 3, FREE = 4, CELL = 5,
}

export type BlockType = 'function' | 'class' | 'module' | 'annotation';
export type ComprehensionType = 'list' | 'set' | 'dict' | 'genexp' | null;

export class SymbolTableEntry {
  /** Flags of every name seen in the block, in first-seen order (ste_symbols). */
  symbols = new Map<string, number>();
  /** Scope of each name after analysis. */
  scopes = new Map<string, Scope>();
  /** Parameters, in order (ste_varnames). */
  varnames: string[] = [];
  children: SymbolTableEntry[] = [];
  /** Location of the global/nonlocal statement naming each name (ste_directives). */
  directives = new Map<string, SourceRange>();
  nested = false;
  free = false;
  childFree = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionType = null;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  compIterTarget = false;
  compIterExpr = 0;
  /** 3.12: a list, set or dict comprehension compiled inline in its parent (PEP 709). */
  compInlined = false;
  /** 3.14 (PEP 649): an annotation scope, the `__annotate__` function of a def, class or module. */
  annotationScope = false;
  /** 3.14: an annotation scope directly in a class body: names not bound here are looked up in the class
   *  namespace first (through the `__classdict__` cell), then as globals or free variables. */
  canSeeClassScope = false;
  /** 3.14: a class whose annotation scopes read its namespace: it keeps it in the cell `__classdict__`. */
  needsClassdict = false;
  /** 3.14: a module, or a class with annotations in an if/for/while/try/with/match body: the indexes of the
   *  annotated assignments that ran go into the set `__conditional_annotations__`. */
  hasConditionalAnnotations = false;
  /** 3.14: the one annotation scope of a module or class body (ste_annotation_block). */
  annotationBlock: SymbolTableEntry | null = null;
  /** 3.14: inside an if/for/while/try/with/match body (ste_in_conditional_block). */
  inConditionalBlock = false;
  constructor(public name: string, public type: BlockType, public key: object, public loc: SourceRange) {}

  getSymbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** _PyST_GetScope */
  getScope(name: string): Scope {
    return this.scopes.get(name) ?? Scope.NONE;
  }
}

export interface FutureFeatures {
  /** CO_FUTURE_* flags (Include/cpython/compile.h). */
  features: number;
  /** Line of the last `from __future__ import` at the top of the module. */
  lineno: number;
}

export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

/** Python/future.c: the `from __future__ import` statements at the top of a module. */
export function futureFeatures(mod: A.Module): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: -1 };
  let done = false;
  let prevLine = 0;
  for (let i = 0; i < mod.body.length; i++) {
    const s = mod.body[i];
    if (done && s.lineno > prevLine) return ff;
    prevLine = s.lineno;
    if (s._type === 'ImportFrom') {
      if (s.module === '__future__') {
        if (done) {
          throw new CompileError('from __future__ imports must occur at the beginning of the file', s);
        }
        for (const alias of s.names) {
          const f = alias.name;
          switch (f) {
            // Features that are always on in Python 3 set no flag (future_check_features in Python/future.c).
            case 'nested_scopes': case 'generators': case 'division': case 'absolute_import': case 'with_statement':
            case 'print_function': case 'unicode_literals': case 'generator_stop':
              break;
            case 'barry_as_FLUFL': ff.features |= CO_FUTURE_BARRY_AS_BDFL; break;
            case 'annotations': ff.features |= CO_FUTURE_ANNOTATIONS; break;
            case 'braces': throw new CompileError('not a chance', s);
            default: throw new CompileError(`future feature ${f} is not defined`, s);
          }
        }
        ff.lineno = s.lineno;
      } else {
        done = true;
      }
    } else if (i === 0 && s._type === 'Expr' && s.value._type === 'Constant' && s.value.value.t === 'str') {
      // the docstring may come first
    } else {
      done = true;
    }
  }
  return ff;
}

/** _Py_Mangle: `__private` names inside a class body become `_Class__private`. */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return name;
  return '_' + stripped + name;
}

const GLOBAL_PARAM = "name '%s' is parameter and global";
const NONLOCAL_PARAM = "name '%s' is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration";
const NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration";
const GLOBAL_ANNOT = "annotated name '%s' can't be global";
const NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal";
const IMPORT_STAR_WARNING = 'import * only allowed at module level';
const NAMED_EXPR_COMP_IN_CLASS = 'assignment expression within a comprehension cannot be used in a class body';
const NAMED_EXPR_COMP_CONFLICT = "assignment expression cannot rebind comprehension iteration variable '%s'";
const NAMED_EXPR_COMP_INNER_LOOP_CONFLICT = "comprehension inner loop cannot rebind assignment expression target '%s'";
const NAMED_EXPR_COMP_ITER_EXPR = 'assignment expression cannot be used in a comprehension iterable expression';
const DUPLICATE_ARGUMENT = "duplicate argument '%s' in function definition";

function fmt(msg: string, name: string): string {
  return msg.replace('%s', name);
}

export class SymbolTable {
  /** Entries by the AST node that opens them (Module, FunctionDef, ClassDef, Lambda, comprehension). */
  blocks = new Map<object, SymbolTableEntry>();
  top!: SymbolTableEntry;
  private cur!: SymbolTableEntry;
  private stack: SymbolTableEntry[] = [];
  /** The module block's symbols (st_global). */
  private global!: Map<string, number>;
  private privateName: string | null = null;

  /** `inlineComprehensions`: analyse as 3.12 does, list/set/dict comprehensions folded into their parent.
   *  `deferredAnnotations`: 3.14 (PEP 649), annotations are evaluated in annotation scopes. */
  constructor(public future: FutureFeatures, private inlineComprehensions = false, private deferredAnnotations = false) {}

  lookup(key: object): SymbolTableEntry {
    const ste = this.blocks.get(key);
    if (!ste) throw new Error('symtable: no block for node');
    return ste;
  }

  build(mod: A.Module): void {
    this.enterBlock('top', 'module', mod, { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 });
    this.top = this.cur;
    for (const s of mod.body) this.visitStmt(s);
    this.exitBlock();
    analyzeBlock(this.top, null, new Set(), new Set(), this.inlineComprehensions);
  }

  // ---- blocks

  private enterBlock(name: string, type: BlockType, key: object, loc: SourceRange): void {
    const ste = new SymbolTableEntry(name, type, key, loc);
    const prev = this.stack.length ? this.stack[this.stack.length - 1] : null;
    if (prev && (prev.nested || prev.type === 'function')) ste.nested = true;
    // bpo-37757: no assignment expression anywhere in a comprehension's outermost iterable
    if (prev) ste.compIterExpr = prev.compIterExpr;
    this.blocks.set(key, ste);
    this.stack.push(ste);
    if (prev) prev.children.push(ste);
    this.cur = ste;
    if (type === 'module') this.global = ste.symbols;
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length) this.cur = this.stack[this.stack.length - 1];
  }

  // ---- definitions

  private addDefHelper(name: string, flag: number, ste: SymbolTableEntry, loc: SourceRange): void {
    const mangled = mangle(this.privateName, name);
    const old = ste.symbols.get(mangled);
    let val: number;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM) {
        throw new CompileError(fmt(DUPLICATE_ARGUMENT, name), loc);
      }
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw new CompileError(fmt(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name), loc);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private addDef(name: string, flag: number, loc: SourceRange): void {
    this.addDefHelper(name, flag, this.cur, loc);
  }

  private lookupFlags(name: string): number {
    return this.cur.getSymbol(mangle(this.privateName, name));
  }

  private recordDirective(name: string, loc: SourceRange): void {
    const mangled = mangle(this.privateName, name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, loc);
  }

  // ---- statements

  /** 3.14: the bodies of these statements are conditional blocks (ENTER_CONDITIONAL_BLOCK in symtable.c). */
  private visitStmt(s: A.Stmt): void {
    if (!CONDITIONAL_STATEMENTS.has(s._type)) return this.visitStmtKind(s);
    const ste = this.cur;
    const was = ste.inConditionalBlock;
    ste.inConditionalBlock = true;
    this.visitStmtKind(s);
    ste.inConditionalBlock = was;
  }

  private visitStmtKind(s: A.Stmt): void {
    switch (s._type) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        if (s.args.defaults.length) this.visitExprs(s.args.defaults);
        for (const d of s.args.kw_defaults) if (d) this.visitExpr(d);
        if (this.deferred) {
          this.visitDeferredAnnotations(s);
        } else {
          this.visitAnnotations(s, s.args, s.returns);
          // 3.14 under the future import: an __annotate__ that returns the strings, using no names
          if (this.deferredAnnotations && hasAnnotations(s)) {
            this.enterBlock('__annotate__', 'function', s.args, s);
            this.cur.annotationScope = true;
            this.addDef('.format', DEF_PARAM, s);
            this.exitBlock();
          }
        }
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'function', s, s);
        if (s._type === 'AsyncFunctionDef') this.cur.coroutine = true;
        this.visitArguments(s.args);
        for (const b of s.body) this.visitStmt(b);
        this.exitBlock();
        break;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, 'class', s, s);
        const tmp = this.privateName;
        this.privateName = s.name;
        for (const b of s.body) this.visitStmt(b);
        this.privateName = tmp;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign':
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case 'AnnAssign': {
        if (s.target._type === 'Name') {
          const cur = this.lookupFlags(s.target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            throw new CompileError(fmt(cur & DEF_GLOBAL ? GLOBAL_ANNOT : NONLOCAL_ANNOT, s.target.id), s);
          }
          if (s.simple) this.addDef(s.target.id, DEF_ANNOT | DEF_LOCAL, s.target);
          else if (s.value) this.addDef(s.target.id, DEF_LOCAL, s.target);
        } else {
          this.visitExpr(s.target);
        }
        if (!this.deferred) this.visitAnnotation(s.annotation);
        else if (this.cur.type !== 'function') this.visitDeferredAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      }
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'Match':
        this.visitExpr(s.subject);
        for (const m of s.cases) {
          this.visitPattern(m.pattern);
          if (m.guard) this.visitExpr(m.guard);
          this.visitStmts(m.body);
        }
        break;
      case 'Raise':
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.visitAlias(a);
        break;
      case 'Global':
      case 'Nonlocal': {
        const isGlobal = s._type === 'Global';
        for (const name of s.names) {
          const cur = this.lookupFlags(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = isGlobal ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & USE) msg = isGlobal ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & DEF_ANNOT) msg = isGlobal ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else msg = isGlobal ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            throw new CompileError(fmt(msg, name), s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      case 'TypeAlias':
        // Not simulated (3.12+) or invalid syntax (3.11): the compiler reports which.
        break;
    }
  }

  private visitStmts(stmts: A.Stmt[]): void {
    for (const s of stmts) this.visitStmt(s);
  }

  private visitAlias(a: A.Alias): void {
    const name = a.asname ?? a.name;
    const dot = name.indexOf('.');
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== '*') {
      this.addDef(storeName, DEF_IMPORT, a);
    } else if (this.cur.type !== 'module') {
      throw new CompileError(IMPORT_STAR_WARNING, a);
    }
  }

  private visitArguments(a: A.Arguments): void {
    for (const p of a.posonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.args) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.kwonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private get futureAnnotations(): boolean {
    return (this.future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  /** 3.14 without `from __future__ import annotations` (PEP 649). */
  private get deferred(): boolean {
    return this.deferredAnnotations && !this.futureAnnotations;
  }

  /** symtable_enter_block for an AnnotationBlock: a function of one parameter, `.format` (named `format` in the
   *  code object); in a class body it reads the class namespace through `__classdict__`. */
  private enterAnnotationScope(key: object, loc: SourceRange): void {
    const inClass = this.cur.type === 'class';
    this.enterBlock('__annotate__', 'function', key, loc);
    this.cur.annotationScope = true;
    this.addDef('.format', DEF_PARAM, loc);
    if (inClass) {
      this.cur.canSeeClassScope = true;
      this.addDef('__classdict__', USE, loc);
    }
  }

  /** symtable_visit_annotations (3.14): a def's parameter and return annotations, in their own scope. */
  private visitDeferredAnnotations(s: A.FunctionDef): void {
    const exprs = annotationExprs(s);
    if (!exprs.length) return;
    this.enterAnnotationScope(s.args, s);
    this.visitExprs(exprs);
    this.exitBlock();
  }

  /** symtable_visit_annotation (3.14): a module or class body's annotations share one annotation scope; a
   *  module's are all conditional (it may run partly), a class's when inside a conditional block. */
  private visitDeferredAnnotation(e: A.Expr): void {
    const ste = this.cur;
    if ((ste.type === 'module' || ste.inConditionalBlock) && !ste.hasConditionalAnnotations) {
      ste.hasConditionalAnnotations = true;
      this.addDef('__conditional_annotations__', USE, e);
    }
    if (!ste.annotationBlock) {
      this.enterAnnotationScope(ste, e);
      ste.annotationBlock = this.cur;
    } else {
      this.stack.push(ste.annotationBlock);
      this.cur = ste.annotationBlock;
    }
    if (ste.type === 'class' && ste.hasConditionalAnnotations) this.addDef('__conditional_annotations__', USE, e);
    this.visitExpr(e);
    this.exitBlock();
  }

  /** Under `from __future__ import annotations` the annotation is only checked (it becomes a string): its names
   *  live in a block of their own that the analysis ignores. */
  private visitAnnotation(e: A.Expr): void {
    if (this.futureAnnotations) this.enterAnnotationBlock(e);
    this.visitExpr(e);
    if (this.futureAnnotations) this.exitAnnotationBlock();
  }

  private annotationSaved: SymbolTableEntry[] = [];

  private enterAnnotationBlock(key: object): void {
    const nowhere = { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 };
    const ste = new SymbolTableEntry('_annotation', 'annotation', key, nowhere);
    ste.nested = this.cur.nested || this.cur.type === 'function';
    this.annotationSaved.push(this.cur);
    this.stack.push(ste);
    this.cur = ste;
  }

  private exitAnnotationBlock(): void {
    this.stack.pop();
    this.cur = this.annotationSaved.pop()!;
  }

  private visitAnnotations(s: A.FunctionDef, a: A.Arguments, returns: A.Expr | null): void {
    if (this.futureAnnotations) this.enterAnnotationBlock(s.args);
    for (const p of a.posonlyargs) if (p.annotation) this.visitExpr(p.annotation);
    for (const p of a.args) if (p.annotation) this.visitExpr(p.annotation);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    for (const p of a.kwonlyargs) if (p.annotation) this.visitExpr(p.annotation);
    if (this.futureAnnotations) this.exitAnnotationBlock();
    if (returns) this.visitAnnotation(returns);
  }

  // ---- expressions

  private visitExprs(es: A.Expr[]): void {
    for (const e of es) this.visitExpr(e);
  }

  private raiseIfAnnotationBlock(what: string, e: A.Expr): void {
    if (this.cur.type === 'annotation') {
      throw new CompileError(`'${what}' can not be used within an annotation`, e);
    }
  }

  private visitExpr(e: A.Expr): void {
    switch (e._type) {
      case 'NamedExpr':
        this.raiseIfAnnotationBlock('named expression', e);
        this.handleNamedExpr(e);
        break;
      case 'BoolOp':
        this.visitExprs(e.values);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        break;
      case 'Lambda': {
        if (e.args.defaults.length) this.visitExprs(e.args.defaults);
        for (const d of e.args.kw_defaults) if (d) this.visitExpr(d);
        this.enterBlock('lambda', 'function', e, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      }
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Dict':
        for (const k of e.keys) if (k) this.visitExpr(k);
        this.visitExprs(e.values);
        break;
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'GeneratorExp':
        this.handleComprehension(e, 'genexpr', e.generators, e.elt, null);
        break;
      case 'ListComp':
        this.handleComprehension(e, 'listcomp', e.generators, e.elt, null);
        break;
      case 'SetComp':
        this.handleComprehension(e, 'setcomp', e.generators, e.elt, null);
        break;
      case 'DictComp':
        this.handleComprehension(e, 'dictcomp', e.generators, e.key, e.value);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.raiseIfAnnotationBlock('yield expression', e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) {
          const t = this.cur.comprehension;
          const msg = t === 'list' ? "'yield' inside list comprehension"
            : t === 'set' ? "'yield' inside set comprehension"
            : t === 'dict' ? "'yield' inside dict comprehension"
            : "'yield' inside generator expression";
          throw new CompileError(msg, e);
        }
        break;
      case 'Await':
        this.raiseIfAnnotationBlock('await expression', e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpr(e.value);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Starred':
        this.visitExpr(e.value);
        break;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        // Special-case super: it counts as a use of __class__
        if (e.ctx === 'Load' && this.cur.type === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        break;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        break;
    }
  }

  private handleNamedExpr(e: A.NamedExpr): void {
    if (this.cur.compIterExpr > 0) throw new CompileError(NAMED_EXPR_COMP_ITER_EXPR, e);
    if (this.cur.comprehension) this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  private extendNamedExprScope(e: A.Name): void {
    const target = e.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension) {
        if (ste.getSymbol(target) & DEF_COMP_ITER) {
          throw new CompileError(fmt(NAMED_EXPR_COMP_CONFLICT, target), e);
        }
        continue;
      }
      if (ste.type === 'function') {
        if (ste.getSymbol(target) & DEF_GLOBAL) this.addDef(target, DEF_GLOBAL, e);
        else this.addDef(target, DEF_NONLOCAL, e);
        this.recordDirective(target, e);
        this.addDefHelper(target, DEF_LOCAL, ste, e);
        return;
      }
      if (ste.type === 'module') {
        this.addDef(target, DEF_GLOBAL, e);
        this.recordDirective(target, e);
        this.addDefHelper(target, DEF_GLOBAL, ste, e);
        return;
      }
      if (ste.type === 'class') throw new CompileError(NAMED_EXPR_COMP_IN_CLASS, e);
    }
  }

  private handleComprehension(e: A.Expr, scopeName: string, generators: A.Comprehension[], elt: A.Expr,
    value: A.Expr | null): void {
    const isGenerator = e._type === 'GeneratorExp';
    const outermost = generators[0];
    // Outermost iterator is evaluated in current scope
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(`<${scopeName}>`, 'function', e, e);
    const kinds: Record<string, ComprehensionType> = { ListComp: 'list', SetComp: 'set', DictComp: 'dict', GeneratorExp: 'genexp' };
    this.cur.comprehension = kinds[e._type];
    if (outermost.is_async) this.cur.coroutine = true;
    // Outermost iter is received as an argument
    this.addDef('.0', DEF_PARAM, e);
    this.cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    this.cur.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const lc = generators[i];
      this.cur.compIterTarget = true;
      this.visitExpr(lc.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.visitExpr(lc.iter);
      this.cur.compIterExpr--;
      this.visitExprs(lc.ifs);
      if (lc.is_async) this.cur.coroutine = true;
    }
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }

  private visitPattern(p: A.Pattern): void {
    switch (p._type) {
      case 'MatchValue':
        this.visitExpr(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case 'MatchStar':
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchMapping':
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchOr':
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
  }
}

/** A def's parameter and return annotations, in the order they are evaluated. */
export function annotationExprs(s: A.FunctionDef): A.Expr[] {
  const a = s.args;
  const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
  const exprs = all.map((p) => p.annotation).filter((e): e is A.Expr => !!e);
  if (s.returns) exprs.push(s.returns);
  return exprs;
}

export function hasAnnotations(s: A.FunctionDef): boolean {
  return annotationExprs(s).length > 0;
}

const CONDITIONAL_STATEMENTS = new Set(['If', 'For', 'AsyncFor', 'While', 'Try', 'TryStar', 'With', 'AsyncWith', 'Match']);

// ---- analysis (analyze_block and friends in symtable.c)

function errorAtDirective(ste: SymbolTableEntry, name: string, msg: string): never {
  const loc = ste.directives.get(name) ?? ste.loc;
  throw new CompileError(msg, loc);
}

function analyzeName(ste: SymbolTableEntry, scopes: Map<string, Scope>, name: string, flags: number,
  bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, Scope.GLOBAL_EXPLICIT);
    global.add(name);
    if (bound) bound.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) errorAtDirective(ste, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, Scope.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound && bound.has(name)) {
    scopes.set(name, Scope.FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, Scope.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, Scope.GLOBAL_IMPLICIT);
}

/** is_free_in_any_child */
function isFreeInAnyChild(entry: SymbolTableEntry, key: string): boolean {
  return entry.children.some((c) => c.getScope(key) === Scope.FREE);
}

/** inline_comprehension (3.12): the comprehension's names join its parent's. */
function inlineComprehension(ste: SymbolTableEntry, comp: SymbolTableEntry, scopes: Map<string, Scope>, compFree: Set<string>,
  inlinedCells: Set<string>): void {
  let removeDunderClass = false;
  for (const [k, compFlags] of comp.symbols) {
    if (compFlags & DEF_PARAM) continue; // the comprehension's `.0`
    let scope = comp.getScope(k);
    if (scope === Scope.CELL || compFlags & DEF_COMP_CELL) inlinedCells.add(k);
    const existing = ste.symbols.get(k);
    // __class__ is never allowed to be free through a class scope (see drop_class_free)
    if (scope === Scope.FREE && ste.type === 'class' && k === '__class__') {
      scope = Scope.GLOBAL_IMPLICIT;
      compFree.delete(k);
      removeDunderClass = true;
    }
    if (existing === undefined) {
      ste.symbols.set(k, compFlags);
      scopes.set(k, scope);
    } else if (existing & DEF_BOUND && ste.type !== 'class') {
      // free vars in comprehension that are locals in outer scope can now simply be locals, unless they are
      // free in comp children
      if (!isFreeInAnyChild(comp, k)) compFree.delete(k);
    }
  }
  if (removeDunderClass) {
    comp.symbols.delete('__class__');
    comp.scopes.delete('__class__');
  }
}

function analyzeBlock(ste: SymbolTableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>,
  inline: boolean): void {
  const local = new Set<string>();
  const scopes = new Map<string, Scope>();
  const newglobal = new Set<string>();
  const newfree = new Set<string>();
  const newbound = new Set<string>();
  if (ste.type === 'class') {
    for (const n of global) newglobal.add(n);
    if (bound) for (const n of bound) newbound.add(n);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global);
  if (ste.type !== 'class') {
    if (ste.type === 'function') for (const n of local) newbound.add(n);
    if (bound) for (const n of bound) newbound.add(n);
    for (const n of global) newglobal.add(n);
  } else {
    // Special-case __class__, and from 3.12 __classdict__ (3.14: __conditional_annotations__ too)
    newbound.add('__class__');
    if (inline) {
      newbound.add('__classdict__');
      newbound.add('__conditional_annotations__');
    }
  }
  const inlinedCells = new Set<string>();
  for (const child of ste.children) {
    const childFree = new Set(newfree);
    analyzeBlock(child, new Set(newbound), childFree, new Set(newglobal), inline);
    // 3.12: we inline all non-generator-expression comprehensions
    if (inline && child.comprehension !== null && !child.generator) {
      inlineComprehension(ste, child, scopes, childFree, inlinedCells);
      child.compInlined = true;
    }
    for (const n of childFree) newfree.add(n);
    if (child.free || child.childFree) ste.childFree = true;
  }
  // Splice children of inlined comprehensions into our children list
  if (inline) ste.children = ste.children.flatMap((c) => (c.compInlined ? c.children : [c]));
  if (ste.type === 'function') {
    // analyze_cells: locals that a child uses (or an inlined comprehension's cells) become cells
    for (const [name, scope] of scopes) {
      if (scope !== Scope.LOCAL || !(newfree.has(name) || inlinedCells.has(name))) continue;
      scopes.set(name, Scope.CELL);
      newfree.delete(name);
    }
  } else if (ste.type === 'class') {
    // drop_class_free
    if (newfree.delete('__class__')) ste.needsClassClosure = true;
    if (newfree.delete('__classdict__')) ste.needsClassdict = true;
    if (newfree.delete('__conditional_annotations__')) ste.hasConditionalAnnotations = true;
  }
  // update_symbols
  for (const [name, flags] of ste.symbols) {
    if (inlinedCells.has(name)) ste.symbols.set(name, flags | DEF_COMP_CELL);
    ste.scopes.set(name, scopes.get(name) ?? Scope.NONE);
  }
  for (const name of newfree) {
    const v = ste.symbols.get(name);
    if (v !== undefined) {
      if (ste.type === 'class' && v & (DEF_BOUND | DEF_GLOBAL)) ste.symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue;
    ste.symbols.set(name, 0);
    ste.scopes.set(name, Scope.FREE);
  }
  for (const n of newfree) free.add(n);
}

export function buildSymtable(mod: A.Module, future: FutureFeatures, inlineComprehensions = false,
  deferredAnnotations = false): SymbolTable {
  const st = new SymbolTable(future, inlineComprehensions, deferredAnnotations);
  st.build(mod);
  return st;
}
