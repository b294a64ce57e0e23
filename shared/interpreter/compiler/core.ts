// The compiler's state and the helpers every code generator uses: compilation units (one per code object),
// instruction emission into basic blocks, constants and names, variable access by scope, frame blocks for
// break/continue/return unwinding. Mirrors the first part of CPython 3.11's Python/compile.c.
import type * as A from '../../parser/ast';
import type { CodeObject } from '../code';
import { Op } from '../opcodes';
import {
  CO_FUTURE_ANNOTATIONS, DEF_COMP_CELL, DEF_FREE_CLASS, Scope, mangle, type FutureFeatures, type SymbolTable,
  type SymbolTableEntry,
} from '../symtable';
import { NONE } from '../astopt';
import { assemble } from './assemble';
import { ConstCache, constValueKey, type ConstValue } from './consts';
import { CompileError, type SourceRange } from './errors';
import { Block, Instr, NO_LOCATION, isEndOfBasicBlock, POP_BLOCK, type Loc } from './ir';
import { visitStmts } from './statements';

export const enum ScopeType {
  MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION,
  /** 3.14 (PEP 649): an `__annotate__` function (COMPILE_SCOPE_ANNOTATIONS). */
  ANNOTATIONS,
}

export const enum FBlockType {
  WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE,
  EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
}

export interface FBlock {
  type: FBlockType;
  block: Block | null;
  exit: Block | null;
  /** FINALLY_TRY: the finally body; WITH: the with statement; HANDLER_CLEANUP: the bound name. */
  datum: A.Stmt[] | A.Stmt | string | null;
}

/** One code object being compiled (struct compiler_unit). */
export class Unit {
  name: string;
  qualname = '';
  consts = new Map<string, number>();
  constValues: ConstValue[] = [];
  names = new Map<string, number>();
  varnames = new Map<string, number>();
  cellvars = new Map<string, number>();
  freevars = new Map<string, number>();
  privateName: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  /** Blocks in allocation order (compile.c walks them newest first through b_list). */
  blocks: Block[] = [];
  curblock!: Block;
  fblocks: FBlock[] = [];
  firstlineno: number;
  loc: Loc;
  needNewImplicitBlock = false;
  /** 3.12: names of a module or class body made fast locals while an inlined comprehension binds them
   *  (u_fasthidden: true while inside, false after). */
  fastHidden = new Map<string, boolean>();
  /** 3.12: depth of inlined comprehensions being compiled (u_in_inlined_comp). */
  inInlinedComp = 0;
  /** The definition's whole range (for CodeObject.range). */
  range: SourceRange;
  /** 3.14, a module or class body: the index of each simple annotated assignment whose annotation goes into
   *  `__annotate__` (u_deferred_annotations): -1 unless conditional, when it is added to the set
   *  `__conditional_annotations__` as it runs. */
  deferredAnnotations: Map<A.AnnAssign, number> | null = null;
  /** 3.13+, a class body: the names its methods assign as `self.X` (u_static_attributes). */
  staticAttributes = new Set<string>();

  constructor(public ste: SymbolTableEntry, name: string, public scopeType: ScopeType, lineno: number, range: SourceRange) {
    this.name = name;
    this.firstlineno = lineno;
    this.loc = { lineno, end_lineno: lineno, col: 0, end_col: 0 };
    this.range = range;
  }
}

export interface CompileOptions {
  /** 311..314 */
  version: number;
  /** 3.12+ (PEP 709): list, set and dict comprehensions are compiled inline, with LOAD_FAST_AND_CLEAR (the
   *  default); false compiles them as 3.11's nested functions on every version. */
  inlineComprehensions?: boolean;
}

export class Compiler {
  u!: Unit;
  stack: Unit[] = [];
  nestlevel = 0;
  consts = new ConstCache();
  /** The first async construct met (reported once compilation found no SyntaxError). */
  notSimulatedAt: CompileError | null = null;
  /** Every code object made, so a failed compilation can release them. */
  made: CodeObject[] = [];

  constructor(public filename: string, public st: SymbolTable, public future: FutureFeatures, public options: CompileOptions) {}

  /** Comprehensions are inlined (3.12's PEP 709). */
  get inlineComprehensions(): boolean {
    return this.options.version >= 312 && this.options.inlineComprehensions !== false;
  }

  /** 3.14 without the future import (PEP 649): annotations are compiled into `__annotate__` functions. */
  get deferredAnnotations(): boolean {
    return this.options.version >= 314 && !this.futureAnnotations;
  }

  get futureAnnotations(): boolean {
    return (this.future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  // ---- errors

  error(msg: string): never {
    const l = this.u.loc;
    throw new CompileError(msg, { lineno: l.lineno, col_offset: l.col, end_lineno: l.end_lineno, end_col_offset: l.end_col });
  }

  // ---- locations

  setLoc(n: SourceRange): void {
    this.u.loc = { lineno: n.lineno, end_lineno: n.end_lineno, col: n.col_offset, end_col: n.end_col_offset };
  }

  unsetLoc(): void {
    this.u.loc = NO_LOCATION;
  }

  // ---- blocks and instructions

  newBlock(): Block {
    const b = new Block();
    this.u.blocks.push(b);
    return b;
  }

  useNextBlock(b: Block): Block {
    this.u.curblock.next = b;
    this.u.curblock = b;
    this.u.needNewImplicitBlock = false;
    return b;
  }

  private useNewImplicitBlockIfNeeded(): void {
    if (this.u.needNewImplicitBlock) this.useNextBlock(this.newBlock());
  }

  addopLoc(op: number, arg: number, target: Block | null, loc: Loc): void {
    this.useNewImplicitBlockIfNeeded();
    const b = this.u.curblock;
    b.instrs.push(new Instr(op, arg, target, loc));
    if (op === Op.RETURN_VALUE) b.hasReturn = true;
    if (isEndOfBasicBlock(op)) this.u.needNewImplicitBlock = true;
  }

  addop(op: number, arg = 0): void {
    this.addopLoc(op, arg, null, this.u.loc);
  }

  addopNoLine(op: number, arg = 0): void {
    this.addopLoc(op, arg, null, NO_LOCATION);
  }

  addopJ(op: number, target: Block): void {
    this.addopLoc(op, 0, target, this.u.loc);
  }

  addopJNoLine(op: number, target: Block): void {
    this.addopLoc(op, 0, target, NO_LOCATION);
  }

  // ---- constants and names

  addConst(v: ConstValue): number {
    const key = constValueKey(v);
    let i = this.u.consts.get(key);
    if (i === undefined) {
      i = this.u.constValues.length;
      this.u.consts.set(key, i);
      this.u.constValues.push(v);
    }
    return i;
  }

  loadConst(v: ConstValue): void {
    this.addop(Op.LOAD_CONST, this.addConst(v));
  }

  loadNone(): void {
    this.loadConst(NONE);
  }

  codeConst(code: CodeObject): ConstValue {
    return { t: 'code', code };
  }

  addName(map: Map<string, number>, name: string): number {
    let i = map.get(name);
    if (i === undefined) {
      i = map.size;
      map.set(name, i);
    }
    return i;
  }

  /** ADDOP_NAME: a name operand, mangled for private names. */
  addopName(op: number, name: string): void {
    this.addop(op, this.addName(this.u.names, mangle(this.u.privateName, name)));
  }

  // ---- scopes

  enterScope(name: string, scopeType: ScopeType, key: object, lineno: number, range: SourceRange): void {
    const ste = this.st.lookup(key);
    const u = new Unit(ste, name, scopeType, lineno, range);
    for (const v of ste.varnames) this.addName(u.varnames, v);
    const cells = [...ste.symbols.keys()]
      .filter((n) => ste.getScope(n) === Scope.CELL || (ste.getSymbol(n) & DEF_COMP_CELL) !== 0)
      .sort(codepointCompare);
    for (const n of cells) this.addName(u.cellvars, n);
    if (ste.needsClassClosure) u.cellvars.set('__class__', 0);
    // 3.14: a class's implicit cells after __class__ (_PyCompile_EnterScope)
    if (ste.needsClassdict) this.addName(u.cellvars, '__classdict__');
    if (ste.hasConditionalAnnotations) this.addName(u.cellvars, '__conditional_annotations__');
    const frees = [...ste.symbols.keys()]
      .filter((n) => ste.getScope(n) === Scope.FREE || (ste.getSymbol(n) & DEF_FREE_CLASS) !== 0)
      .sort(codepointCompare);
    for (const n of frees) u.freevars.set(n, u.cellvars.size + u.freevars.size);
    if (this.u) {
      this.stack.push(this.u);
      u.privateName = this.u.privateName;
    }
    this.u = u;
    this.nestlevel++;
    u.curblock = this.newBlock();
    if (scopeType === ScopeType.MODULE) {
      u.qualname = name;
      u.loc = { ...u.loc, lineno: 0 };
    } else {
      this.setQualname();
    }
    this.addop(Op.RESUME, 0);
    if (scopeType === ScopeType.MODULE) u.loc = { ...u.loc, lineno: -1 };
  }

  exitScope(): void {
    this.nestlevel--;
    this.u = this.stack.pop()!;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.scopeType === ScopeType.FUNCTION || u.scopeType === ScopeType.ASYNC_FUNCTION || u.scopeType === ScopeType.CLASS) {
        const mangled = mangle(parent.privateName, u.name);
        if (parent.ste.getScope(mangled) === Scope.GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        const p = parent.scopeType;
        if (p === ScopeType.FUNCTION || p === ScopeType.ASYNC_FUNCTION || p === ScopeType.LAMBDA) {
          base = parent.qualname + '.<locals>';
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + '.' + u.name : u.name;
  }

  /** Assembles the current unit into a code object (compile.c's assemble). */
  assemble(addNone: boolean): CodeObject {
    if (!this.u.curblock.hasReturn) {
      this.unsetLoc();
      if (addNone) this.loadNone();
      this.addop(Op.RETURN_VALUE);
    }
    const co = assemble(this, this.u);
    this.made.push(co);
    return co;
  }

  // ---- variables

  /** compiler_nameop */
  nameop(name: string, ctx: A.ExprContext): void {
    if (name === '__debug__') {
      if (ctx === 'Store') this.error('cannot assign to __debug__');
      if (ctx === 'Del') this.error('cannot delete __debug__');
    }
    const mangled = mangle(this.u.privateName, name);
    const scope = this.u.ste.getScope(mangled);
    let optype: 'fast' | 'global' | 'deref' | 'name' = 'name';
    let dict = this.u.names;
    switch (scope) {
      case Scope.FREE: dict = this.u.freevars; optype = 'deref'; break;
      case Scope.CELL: dict = this.u.cellvars; optype = 'deref'; break;
      case Scope.LOCAL:
        if (this.u.ste.type === 'function' || this.u.fastHidden.get(mangled) === true) optype = 'fast';
        break;
      case Scope.GLOBAL_IMPLICIT: if (this.u.ste.type === 'function') optype = 'global'; break;
      case Scope.GLOBAL_EXPLICIT: optype = 'global'; break;
      default: break;
    }
    let op: Op;
    switch (optype) {
      case 'deref':
        op = ctx === 'Load' ? (this.u.ste.type === 'class' && !this.u.inInlinedComp ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF)
          : ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF;
        // 3.14: an annotation scope in a class body looks in the class namespace first
        if (op === Op.LOAD_DEREF && this.u.ste.canSeeClassScope) {
          this.loadClassdictFreevar();
          op = Op.LOAD_FROM_DICT_OR_DEREF;
        }
        break;
      case 'fast':
        op = ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST;
        this.addop(op, this.addName(this.u.varnames, mangled));
        return;
      case 'global':
        op = ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
        if (op === Op.LOAD_GLOBAL && this.u.ste.canSeeClassScope && scope === Scope.GLOBAL_IMPLICIT) {
          this.loadClassdictFreevar();
          op = Op.LOAD_FROM_DICT_OR_GLOBALS;
        }
        break;
      default:
        // 3.12: a class body's inlined comprehension sees globals, not the class namespace
        op = ctx === 'Load' ? (this.u.ste.type === 'class' && this.u.inInlinedComp ? Op.LOAD_GLOBAL : Op.LOAD_NAME)
          : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME;
        break;
    }
    const arg = dict.get(mangled) ?? this.addName(dict, mangled);
    this.addop(op, arg);
  }

  /** codegen_load_classdict_freevar */
  loadClassdictFreevar(): void {
    this.addop(Op.LOAD_DEREF, this.u.freevars.get('__classdict__')!);
  }

  /** get_ref_type */
  private refType(name: string): Scope {
    if (this.u.scopeType === ScopeType.CLASS && (name === '__class__' || name === '__classdict__' ||
      name === '__conditional_annotations__')) return Scope.CELL;
    return this.u.ste.getScope(name);
  }

  /** compiler_make_closure: [closure tuple,] code, MAKE_FUNCTION flags */
  makeClosure(code: CodeObject, flags: number): void {
    const nfree = code.localspluskinds.filter((k) => k === 'free').length;
    if (nfree) {
      const names = code.localsplusnames.slice(code.localsplusnames.length - nfree);
      for (const name of names) {
        const reftype = this.refType(name);
        const arg = reftype === Scope.CELL ? this.u.cellvars.get(name) : this.u.freevars.get(name);
        if (arg === undefined) throw new Error(`compiler: no closure cell for '${name}' in ${this.u.name}`);
        this.addop(Op.LOAD_CLOSURE, arg);
      }
      flags |= 0x08;
      this.addop(Op.BUILD_TUPLE, nfree);
    }
    this.loadConst(this.codeConst(code));
    this.addop(Op.MAKE_FUNCTION, flags);
  }

  // ---- frame blocks

  pushFblock(type: FBlockType, block: Block | null, exit: Block | null, datum: FBlock['datum']): void {
    if (this.u.fblocks.length >= 20) this.error('too many statically nested blocks');
    this.u.fblocks.push({ type, block, exit, datum });
  }

  popFblock(type: FBlockType): void {
    const f = this.u.fblocks.pop();
    if (!f || f.type !== type) throw new Error('compiler: frame block mismatch');
  }

  callExitWithNones(): void {
    this.loadNone();
    this.loadNone();
    this.loadNone();
    this.addop(Op.CALL, 2);
  }

  popExceptAndReraise(): void {
    this.addop(Op.COPY, 3);
    this.addop(Op.POP_EXCEPT);
    this.addop(Op.RERAISE, 1);
  }

  /** compiler_unwind_fblock */
  unwindFblock(info: FBlock, preserveTos: boolean): void {
    switch (info.type) {
      case FBlockType.WHILE_LOOP: case FBlockType.EXCEPTION_HANDLER: case FBlockType.EXCEPTION_GROUP_HANDLER:
      case FBlockType.ASYNC_COMPREHENSION_GENERATOR:
        return;
      case FBlockType.FOR_LOOP:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
      case FBlockType.TRY_EXCEPT:
        this.addop(POP_BLOCK);
        return;
      case FBlockType.FINALLY_TRY:
        this.addop(POP_BLOCK);
        if (preserveTos) this.pushFblock(FBlockType.POP_VALUE, null, null, null);
        visitStmts(this, info.datum as A.Stmt[]);
        if (preserveTos) this.popFblock(FBlockType.POP_VALUE);
        this.unsetLoc();
        return;
      case FBlockType.FINALLY_END:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        return;
      case FBlockType.WITH: case FBlockType.ASYNC_WITH:
        this.setLoc(info.datum as A.Stmt);
        this.addop(POP_BLOCK);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.callExitWithNones();
        this.addop(Op.POP_TOP);
        this.unsetLoc();
        return;
      case FBlockType.HANDLER_CLEANUP:
        if (info.datum) this.addop(POP_BLOCK);
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(Op.POP_EXCEPT);
        if (info.datum) {
          this.loadNone();
          this.nameop(info.datum as string, 'Store');
          this.nameop(info.datum as string, 'Del');
        }
        return;
      case FBlockType.POP_VALUE:
        if (preserveTos) this.addop(Op.SWAP, 2);
        this.addop(Op.POP_TOP);
        return;
    }
  }

  /** compiler_unwind_fblock_stack: unwinds to the innermost loop when `loop` is requested. */
  unwindFblockStack(preserveTos: boolean, wantLoop: boolean): FBlock | null {
    const fb = this.u.fblocks;
    if (fb.length === 0) return null;
    const top = fb[fb.length - 1];
    if (top.type === FBlockType.EXCEPTION_GROUP_HANDLER) {
      this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (wantLoop && (top.type === FBlockType.WHILE_LOOP || top.type === FBlockType.FOR_LOOP)) return top;
    fb.pop();
    this.unwindFblock(top, preserveTos);
    const loop = this.unwindFblockStack(preserveTos, wantLoop);
    fb.push(top);
    return loop;
  }
}

/** Python's str ordering (code points), which sorts cell and free variable names. */
export function codepointCompare(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}
