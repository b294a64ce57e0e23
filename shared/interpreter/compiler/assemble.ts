// The assembler: the second half of CPython 3.11's Python/compile.c. It runs the same flow-graph passes
// (optimize_basic_block's peepholes, unreachable code removal, exit-block duplication, line propagation), works
// out the stack depth at every exception handler (label_exception_targets), turns SETUP_* / POP_BLOCK into
// exception-table rows, and builds the code object.
import { CodeObject, type ExceptionTableEntry } from '../code';
import { CodeFlag, Op } from '../opcodes';
import { isTrue, type CValue } from '../astopt';
import { alloc, incref, internStr, rt } from '../runtime';
import type { PyObject } from '../objects';
import type { Compiler, Unit } from './core';
import { constValueKey, setCodeKey, type ConstValue } from './consts';
import {
  Block, Instr, JUMP_NO_INTERRUPT, NO_LOCATION, POP_BLOCK, SETUP_CLEANUP, SETUP_WITH, isBlockPush, isJump,
  isUnconditionalJump, stackEffect, type ExceptStack, type Loc,
} from './ir';

/** Maximum size of basic block that should be copied in optimizer */
const MAX_COPY_SIZE = 4;

function copyLoc(from: Instr, to: Instr): void {
  to.loc = from.loc;
}

/** Blocks newest first, as compile.c walks u_blocks through b_list. */
function newestFirst(u: Unit): Block[] {
  return [...u.blocks].reverse();
}

function* chain(entry: Block): Generator<Block> {
  for (let b: Block | null = entry; b; b = b.next) yield b;
}

function skipEmpty(b: Block): Block {
  while (b.instrs.length === 0) b = b.next!;
  return b;
}

function normalizeBasicBlock(bb: Block): void {
  for (let i = 0; i < bb.instrs.length; i++) {
    const ins = bb.instrs[i];
    switch (ins.op) {
      case Op.RETURN_VALUE: case Op.RAISE_VARARGS: case Op.RERAISE:
        bb.exit = true;
        bb.nofallthrough = true;
        break;
      case Op.JUMP: case JUMP_NO_INTERRUPT:
      case Op.POP_JUMP_IF_NOT_NONE: case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP: case Op.FOR_ITER:
        if (ins.op === Op.JUMP || ins.op === JUMP_NO_INTERRUPT) bb.nofallthrough = true;
        if (i !== bb.instrs.length - 1) throw new Error('compiler: malformed control flow graph');
        ins.target = skipEmpty(ins.target!);
        break;
    }
  }
}

function hasLineno(bb: Block): boolean {
  return bb.instrs.some((i) => i.loc.lineno > 0);
}

/** extend_block: a block ending in a jump to a small exit block without line numbers gets a copy of it. */
function extendBlock(bb: Block): void {
  const last = bb.last;
  if (!last || last.op !== Op.JUMP) return;
  const t = last.target!;
  if (t.exit && t.instrs.length <= MAX_COPY_SIZE) {
    if (hasLineno(t)) return;
    last.op = Op.NOP;
    for (const ins of t.instrs) bb.instrs.push(ins.clone());
    bb.exit = true;
  }
}

function cleanBasicBlock(bb: Block): void {
  // Remove NOPs when legal to do so.
  const out: Instr[] = [];
  let prevLineno = -1;
  const instrs = bb.instrs;
  for (let src = 0; src < instrs.length; src++) {
    const lineno = instrs[src].loc.lineno;
    if (instrs[src].op === Op.NOP) {
      // Eliminate no-op if it doesn't have a line number
      if (lineno < 0) continue;
      // or, if the previous instruction had the same line number.
      if (prevLineno === lineno) continue;
      // or, if the next instruction has same line number or no line number
      if (src < instrs.length - 1) {
        const nextLineno = instrs[src + 1].loc.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          copyLoc(instrs[src], instrs[src + 1]);
          continue;
        }
      } else {
        let next = bb.next;
        while (next && next.instrs.length === 0) next = next.next;
        // or if last instruction in BB and next BB has same line number
        if (next && lineno === next.instrs[0].loc.lineno) continue;
      }
    }
    out.push(instrs[src]);
    prevLineno = lineno;
  }
  bb.instrs = out;
}

// ---- optimize_basic_block

class Optimizer {
  constructor(private consts: ConstValue[]) {}

  private constValue(index: number): ConstValue {
    return this.consts[index];
  }

  private truthy(index: number): boolean {
    const v = this.constValue(index);
    return v.t === 'code' ? true : isTrue(v);
  }

  /** Index of `v` in the consts list, appended when missing. */
  private constIndex(v: ConstValue): number {
    const key = constValueKey(v);
    for (let i = 0; i < this.consts.length; i++) if (constValueKey(this.consts[i]) === key) return i;
    this.consts.push(v);
    return this.consts.length - 1;
  }

  /** fold_tuple_on_constants: LOAD_CONST c1 .. LOAD_CONST cn, BUILD_TUPLE n → LOAD_CONST (c1, .., cn) */
  private foldTupleOnConstants(instrs: Instr[], start: number, n: number): void {
    for (let i = 0; i < n; i++) if (instrs[start + i].op !== Op.LOAD_CONST) return;
    const items: CValue[] = [];
    for (let i = 0; i < n; i++) {
      const v = this.constValue(instrs[start + i].arg);
      if (v.t === 'code') return;
      items.push(v);
    }
    const index = this.constIndex({ t: 'tuple', items });
    for (let i = 0; i < n; i++) instrs[start + i].op = Op.NOP;
    instrs[start + n].op = Op.LOAD_CONST;
    instrs[start + n].arg = index;
  }

  run(bb: Block): void {
    const nop = new Instr(Op.NOP, 0, null, NO_LOCATION);
    const instrs = bb.instrs;
    for (let i = 0; i < instrs.length; i++) {
      const inst = instrs[i];
      const oparg = inst.arg;
      const nextop = i + 1 < instrs.length ? instrs[i + 1].op : 0;
      let target: Instr;
      if (isJump(inst.op) || isBlockPush(inst.op)) {
        inst.target = skipEmpty(inst.target!);
        target = inst.target.instrs[0];
      } else {
        target = nop;
      }
      switch (inst.op) {
        // Remove LOAD_CONST const; conditional jump
        case Op.LOAD_CONST:
          switch (nextop) {
            case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: {
              const isTrueV = this.truthy(oparg);
              inst.op = Op.NOP;
              const jumpIfTrue = nextop === Op.POP_JUMP_IF_TRUE;
              if (isTrueV === jumpIfTrue) {
                instrs[i + 1].op = Op.JUMP;
                bb.nofallthrough = true;
              } else {
                instrs[i + 1].op = Op.NOP;
              }
              break;
            }
            case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP: {
              const isTrueV = this.truthy(oparg);
              const jumpIfTrue = nextop === Op.JUMP_IF_TRUE_OR_POP;
              if (isTrueV === jumpIfTrue) {
                instrs[i + 1].op = Op.JUMP;
                bb.nofallthrough = true;
              } else {
                inst.op = Op.NOP;
                instrs[i + 1].op = Op.NOP;
              }
              break;
            }
            case Op.IS_OP: {
              const v = this.constValue(oparg);
              const jumpOp = i + 2 < instrs.length ? instrs[i + 2].op : 0;
              if (v.t === 'None' && (jumpOp === Op.POP_JUMP_IF_FALSE || jumpOp === Op.POP_JUMP_IF_TRUE)) {
                const nextarg = instrs[i + 1].arg;
                inst.op = Op.NOP;
                instrs[i + 1].op = Op.NOP;
                const ifNotNone = (nextarg ^ (jumpOp === Op.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0;
                instrs[i + 2].op = ifNotNone ? Op.POP_JUMP_IF_NOT_NONE : Op.POP_JUMP_IF_NONE;
              }
              break;
            }
          }
          break;
        // Try to fold tuples of constants. Skip over BUILD_TUPLE(1) UNPACK_SEQUENCE(1).
        // Replace BUILD_TUPLE(2) UNPACK_SEQUENCE(2) with SWAP(2), BUILD_TUPLE(3) UNPACK_SEQUENCE(3) with SWAP(3).
        case Op.BUILD_TUPLE:
          if (nextop === Op.UNPACK_SEQUENCE && oparg === instrs[i + 1].arg) {
            if (oparg === 1) {
              inst.op = Op.NOP;
              instrs[i + 1].op = Op.NOP;
              continue;
            }
            if (oparg === 2 || oparg === 3) {
              inst.op = Op.NOP;
              instrs[i + 1].op = Op.SWAP;
              continue;
            }
          }
          if (i >= oparg) this.foldTupleOnConstants(instrs, i - oparg, oparg);
          break;
        // Simplify conditional jump to conditional jump where the result of the first test implies the success
        // of a similar test or the failure of the opposite test.
        case Op.JUMP_IF_FALSE_OR_POP:
          switch (target.op) {
            case Op.POP_JUMP_IF_FALSE:
              i -= jumpThread(inst, target, Op.POP_JUMP_IF_FALSE);
              break;
            case Op.JUMP: case Op.JUMP_IF_FALSE_OR_POP:
              i -= jumpThread(inst, target, Op.JUMP_IF_FALSE_OR_POP);
              break;
            case Op.JUMP_IF_TRUE_OR_POP: case Op.POP_JUMP_IF_TRUE:
              if (inst.loc.lineno === target.loc.lineno) {
                inst.op = Op.POP_JUMP_IF_FALSE;
                inst.target = inst.target!.next;
                --i;
              }
              break;
          }
          break;
        case Op.JUMP_IF_TRUE_OR_POP:
          switch (target.op) {
            case Op.POP_JUMP_IF_TRUE:
              i -= jumpThread(inst, target, Op.POP_JUMP_IF_TRUE);
              break;
            case Op.JUMP: case Op.JUMP_IF_TRUE_OR_POP:
              i -= jumpThread(inst, target, Op.JUMP_IF_TRUE_OR_POP);
              break;
            case Op.JUMP_IF_FALSE_OR_POP: case Op.POP_JUMP_IF_FALSE:
              if (inst.loc.lineno === target.loc.lineno) {
                inst.op = Op.POP_JUMP_IF_TRUE;
                inst.target = inst.target!.next;
                --i;
              }
              break;
          }
          break;
        case Op.POP_JUMP_IF_NOT_NONE: case Op.POP_JUMP_IF_NONE:
          if (target.op === Op.JUMP) i -= jumpThread(inst, target, inst.op);
          break;
        case Op.POP_JUMP_IF_FALSE:
          if (target.op === Op.JUMP) i -= jumpThread(inst, target, Op.POP_JUMP_IF_FALSE);
          break;
        case Op.POP_JUMP_IF_TRUE:
          if (target.op === Op.JUMP) i -= jumpThread(inst, target, Op.POP_JUMP_IF_TRUE);
          break;
        case Op.JUMP:
          if (target.op === Op.JUMP) i -= jumpThread(inst, target, Op.JUMP);
          break;
        case Op.SWAP:
          if (oparg === 1) {
            inst.op = Op.NOP;
            break;
          }
          i = swaptimize(instrs, i);
          applyStaticSwaps(instrs, i);
          break;
      }
    }
  }
}

/** jump_thread: a jump to an unconditional jump goes straight to its target (same line only). */
function jumpThread(inst: Instr, target: Instr, op: number): number {
  if (inst.loc.lineno === target.loc.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return 1;
  }
  return 0;
}

/** swaptimize: replace a run of SWAPs and NOPs with an optimal one; returns the index of its last item. */
function swaptimize(instrs: Instr[], ix: number): number {
  let depth = instrs[ix].arg;
  let len = 0;
  let more = false;
  const limit = instrs.length - ix;
  while (++len < limit) {
    const op = instrs[ix + len].op;
    if (op === Op.SWAP) {
      depth = Math.max(depth, instrs[ix + len].arg);
      more = true;
    } else if (op !== Op.NOP) {
      break;
    }
  }
  // It's already optimal if there's only one SWAP:
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    if (instrs[ix + i].op === Op.SWAP) {
      const oparg = instrs[ix + i].arg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  const VISITED = -1;
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        instrs[ix + current].op = Op.SWAP;
        instrs[ix + current--].arg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (0 <= current) instrs[ix + current--].op = Op.NOP;
  return ix + len - 1;
}

const swappable = (op: number): boolean => op === Op.STORE_FAST || op === Op.POP_TOP;
const storesTo = (ins: Instr): number => (ins.op === Op.STORE_FAST ? ins.arg : -1);

function nextSwappableInstruction(instrs: Instr[], i: number, lineno: number): number {
  while (++i < instrs.length) {
    const ins = instrs[i];
    if (0 <= lineno && ins.loc.lineno !== lineno) return -1;
    if (ins.op === Op.NOP) continue;
    if (swappable(ins.op)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: SWAP(2), POP_TOP, STORE_FAST(x) → NOP, STORE_FAST(x), POP_TOP, and the like. */
function applyStaticSwaps(instrs: Instr[], i: number): void {
  for (; 0 <= i; i--) {
    const swap = instrs[i];
    if (swap.op !== Op.SWAP) {
      if (swap.op === Op.NOP || swappable(swap.op)) continue;
      return;
    }
    const j = nextSwappableInstruction(instrs, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j].loc.lineno;
    for (let count = swap.arg - 1; 0 < count; count--) {
      k = nextSwappableInstruction(instrs, k, lineno);
      if (k < 0) return;
    }
    const storeJ = storesTo(instrs[j]);
    const storeK = storesTo(instrs[k]);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(instrs[idx]);
        if (s >= 0 && (s === storeJ || s === storeK)) return;
      }
    }
    swap.op = Op.NOP;
    const temp = instrs[j];
    instrs[j] = instrs[k];
    instrs[k] = temp;
  }
}

// ---- reachability and line numbers

function markReachable(entry: Block): void {
  const stack: Block[] = [entry];
  entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop()!;
    if (b.next && !b.nofallthrough) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instrs) {
      if (isJump(ins.op) || isBlockPush(ins.op)) {
        const t = ins.target!;
        if (t.predecessors === 0) stack.push(t);
        t.predecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: Block): void {
  for (const b of chain(entry)) {
    let next = b.next;
    if (next) {
      while (next.instrs.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (const b of chain(entry)) {
    if (b.instrs.length === 0) continue;
    const last = b.last!;
    if (isJump(last.op)) last.target = skipEmpty(last.target!);
  }
}

function optimizeCfg(u: Unit, entry: Block, consts: ConstValue[]): void {
  const opt = new Optimizer(consts);
  for (const b of chain(entry)) {
    opt.run(b);
    cleanBasicBlock(b);
  }
  for (const b of newestFirst(u)) extendBlock(b);
  markReachable(entry);
  // Delete unreachable instructions
  for (const b of chain(entry)) {
    if (b.predecessors === 0) {
      b.instrs = [];
      b.nofallthrough = false;
    }
  }
  eliminateEmptyBasicBlocks(entry);
  for (const b of chain(entry)) cleanBasicBlock(b);
  // Delete jump instructions made redundant by previous step.
  let maybeEmptyBlocks = false;
  for (const b of chain(entry)) {
    const last = b.last;
    if (last && (last.op === Op.JUMP || last.op === JUMP_NO_INTERRUPT) && last.target === b.next) {
      b.nofallthrough = false;
      last.op = Op.NOP;
      maybeEmptyBlocks = true;
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry);
}

function isExitWithoutLineno(b: Block): boolean {
  if (!b.exit) return false;
  return b.instrs.every((i) => i.loc.lineno < 0);
}

function copyBlock(u: Unit, block: Block): Block {
  const result = new Block();
  u.blocks.push(result);
  result.instrs = block.instrs.map((i) => i.clone());
  result.exit = block.exit;
  result.nofallthrough = true;
  return result;
}

/** duplicate_exits_without_lineno (PEP 626): every exit gets one predecessor, hence a line number. */
function duplicateExitsWithoutLineno(u: Unit): void {
  for (const b of newestFirst(u)) {
    const last = b.last;
    if (last && isJump(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const newTarget = copyBlock(u, target);
        copyLoc(last, newTarget.instrs[0]);
        last.target = newTarget;
        target.predecessors--;
        newTarget.predecessors = 1;
        newTarget.next = target.next;
        target.next = newTarget;
      }
    }
  }
  for (const b of newestFirst(u)) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
  for (const b of newestFirst(u)) {
    if (!b.nofallthrough && b.next && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      copyLoc(b.last!, b.next.instrs[0]);
    }
  }
}

function propagateLineNumbers(entry: Block): void {
  for (const b of chain(entry)) {
    if (b.instrs.length === 0) continue;
    let prev: Loc = NO_LOCATION;
    for (const ins of b.instrs) {
      if (ins.loc.lineno < 0) ins.loc = prev;
      else prev = ins.loc;
    }
    if (!b.nofallthrough && b.next!.predecessors === 1) {
      if (b.next!.instrs[0].loc.lineno < 0) b.next!.instrs[0].loc = prev;
    }
    const last = b.last!;
    if (isJump(last.op)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instrs[0].loc.lineno < 0) t.instrs[0].loc = prev;
    }
  }
}

function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let lineno = firstlineno;
  for (const b of chain(entry)) {
    const last = b.last;
    if (!last) continue;
    if (last.loc.lineno < 0) {
      if (last.op === Op.RETURN_VALUE) {
        for (const ins of b.instrs) ins.loc = { ...ins.loc, lineno };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}

function trimUnusedConsts(entry: Block, consts: ConstValue[]): void {
  // The first constant may be docstring; keep it always.
  let max = 0;
  for (const b of chain(entry)) {
    for (const ins of b.instrs) {
      if ((ins.op === Op.LOAD_CONST || ins.op === Op.KW_NAMES) && ins.arg > max) max = ins.arg;
    }
  }
  if (max + 1 < consts.length) consts.length = max + 1;
}

// ---- stack depth and exception handlers

function stackdepth(u: Unit, entry: Block): number {
  for (const b of u.blocks) b.startdepth = -1;
  const stack: Block[] = [];
  let maxdepth = 0;
  const push = (b: Block, depth: number): void => {
    if (b.startdepth >= 0 && b.startdepth !== depth) {
      throw new Error(`compiler: inconsistent stack depth at block ${b.id} (${b.startdepth} vs ${depth}) in ${u.qualname}`);
    }
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  push(entry, u.ste.generator || u.ste.coroutine ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startdepth;
    let next = b.next;
    for (const ins of b.instrs) {
      const effect = stackEffect(ins.op, ins.arg, false);
      const newDepth = depth + effect;
      if (newDepth < 0) throw new Error(`compiler: negative stack depth in ${u.qualname}`);
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJump(ins.op) || isBlockPush(ins.op)) {
        const targetDepth = depth + stackEffect(ins.op, ins.arg, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(ins.target!, targetDepth);
      }
      depth = newDepth;
      if (ins.op === JUMP_NO_INTERRUPT || ins.op === Op.JUMP || ins.op === Op.RETURN_VALUE
        || ins.op === Op.RAISE_VARARGS || ins.op === Op.RERAISE) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxdepth;
}

function copyExceptStack(s: ExceptStack): ExceptStack {
  return { handlers: [...s.handlers], depth: s.depth };
}

/** label_exception_targets: the handler in force at every instruction. */
function labelExceptionTargets(entry: Block): void {
  for (const b of chain(entry)) b.visited = false;
  let exceptStack: ExceptStack | null = { handlers: [null], depth: 0 };
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = exceptStack;
  while (todo.length) {
    const b = todo.pop()!;
    exceptStack = b.exceptStack!;
    b.exceptStack = null;
    let handler = exceptStack.handlers[exceptStack.depth];
    for (let i = 0; i < b.instrs.length; i++) {
      const instr = b.instrs[i];
      if (isBlockPush(instr.op)) {
        const t = instr.target!;
        if (!t.visited) {
          t.exceptStack = copyExceptStack(exceptStack!);
          todo.push(t);
          t.visited = true;
        }
        if (instr.op === SETUP_WITH || instr.op === SETUP_CLEANUP) t.preserveLasti = true;
        t.exceptHandler = true;
        exceptStack!.handlers[++exceptStack!.depth] = t;
        handler = t;
      } else if (instr.op === POP_BLOCK) {
        handler = exceptStack!.handlers[--exceptStack!.depth];
      } else if (isJump(instr.op)) {
        instr.except = handler;
        const t = instr.target!;
        if (!t.visited) {
          if (!b.nofallthrough) {
            t.exceptStack = copyExceptStack(exceptStack!);
          } else {
            t.exceptStack = exceptStack;
            exceptStack = null;
          }
          todo.push(t);
          t.visited = true;
        }
      } else {
        instr.except = handler;
      }
    }
    if (!b.nofallthrough && !b.next!.visited) {
      b.next!.exceptStack = exceptStack;
      todo.push(b.next!);
      b.next!.visited = true;
    }
  }
}

// ---- 3.12: exception handlers at the end (push_cold_blocks_to_end in Python/flowgraph.c)

function hasFallthrough(b: Block): boolean {
  const last = b.last;
  if (!last) return true;
  return !(isUnconditionalJump(last.op) || last.op === Op.RETURN_VALUE || last.op === Op.RAISE_VARARGS || last.op === Op.RERAISE);
}

function markCold(entry: Block): void {
  for (const b of chain(entry)) b.visited = false;
  // mark_warm: everything reachable from the entry without raising
  const stack: Block[] = [entry];
  entry.visited = true;
  while (stack.length) {
    const b = stack.pop()!;
    b.warm = true;
    if (b.next && hasFallthrough(b) && !b.next.visited) {
      stack.push(b.next);
      b.next.visited = true;
    }
    for (const ins of b.instrs) {
      if (isJump(ins.op) && !ins.target!.visited) {
        stack.push(ins.target!);
        ins.target!.visited = true;
      }
    }
  }
  // what only handlers reach is cold
  for (const b of chain(entry)) {
    if (b.exceptHandler) {
      stack.push(b);
      b.visited = true;
    }
  }
  while (stack.length) {
    const b = stack.pop()!;
    b.cold = true;
    if (b.next && hasFallthrough(b) && !b.next.warm && !b.next.visited) {
      stack.push(b.next);
      b.next.visited = true;
    }
    for (const ins of b.instrs) {
      if (isJump(ins.op) && !ins.target!.warm && !ins.target!.visited) {
        stack.push(ins.target!);
        ins.target!.visited = true;
      }
    }
  }
}

/**
 * optimize_load_fast (Python/flowgraph.c), 3.14: LOAD_FAST becomes LOAD_FAST_BORROW in the blocks it visits, those
 * reached from the entry by falling through or jumping. Exception handlers, reached only through the exception
 * table, are not visited, so their loads keep counted references. (Its other conditions are checked by the VM at
 * run time: the local must still hold the value.)
 */
function borrowLoadsOutsideHandlers(entry: Block): void {
  for (const b of chain(entry)) b.visited = false;
  const stack: Block[] = [entry];
  entry.visited = true;
  while (stack.length) {
    const b = stack.pop()!;
    for (const ins of b.instrs) {
      if (ins.op === Op.LOAD_FAST) ins.op = Op.LOAD_FAST_BORROW;
      if (isJump(ins.op) && !ins.target!.visited) {
        stack.push(ins.target!);
        ins.target!.visited = true;
      }
    }
    if (b.next && hasFallthrough(b) && !b.next.visited) {
      stack.push(b.next);
      b.next.visited = true;
    }
  }
}

function pushColdBlocksToEnd(u: Unit, entry: Block): void {
  if (!entry.next) return;
  markCold(entry);
  // A cold block falling through to a warm one gets an explicit jump.
  for (const b of chain(entry)) {
    if (b.cold && hasFallthrough(b) && b.next && b.next.warm) {
      const jump = new Block();
      u.blocks.push(jump);
      jump.instrs.push(new Instr(Op.JUMP, 0, b.next, NO_LOCATION));
      jump.cold = true;
      jump.nofallthrough = true;
      jump.next = b.next;
      b.next = jump;
    }
  }
  let coldHead: Block | null = null;
  let coldTail: Block | null = null;
  let b = entry;
  while (b.next) {
    while (b.next && !b.next.cold) b = b.next;
    if (!b.next) break;
    let end = b.next;
    while (end.next && end.next.cold) end = end.next;
    if (!coldHead) coldHead = b.next;
    else coldTail!.next = b.next;
    coldTail = end;
    b.next = end.next;
    end.next = null;
  }
  b.next = coldHead;
  if (coldHead) {
    // remove_redundant_jumps
    for (const blk of chain(entry)) {
      const last = blk.last;
      if (last && isUnconditionalJump(last.op)) {
        let next = blk.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (last.target === next) last.op = Op.NOP;
      }
    }
    for (const blk of chain(entry)) cleanBasicBlock(blk);
  }
}

// ---- cells, prefix, flags

/** build_cellfixedoffsets */
function buildCellFixedOffsets(u: Unit): number[] {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < noffsets; i++) fixed.push(nlocals + i);
  for (const [name, cellindex] of u.cellvars) {
    const varindex = u.varnames.get(name);
    if (varindex !== undefined) fixed[cellindex] = varindex;
  }
  return fixed;
}

export function computeCodeFlags(c: Compiler, u: Unit): number {
  const ste = u.ste;
  let flags = 0;
  if (ste.type === 'function') {
    flags |= CodeFlag.NEWLOCALS | CodeFlag.OPTIMIZED;
    if (ste.nested) flags |= CodeFlag.NESTED;
    if (ste.generator && !ste.coroutine) flags |= CodeFlag.GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CodeFlag.COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CodeFlag.ASYNC_GENERATOR;
    if (ste.varargs) flags |= CodeFlag.VARARGS;
    if (ste.varkeywords) flags |= CodeFlag.VARKEYWORDS;
  }
  flags |= c.future.features;
  return flags;
}

function insertPrefixInstructions(c: Compiler, u: Unit, entry: Block, fixed: number[], nfreevars: number): void {
  const flags = computeCodeFlags(c, u);
  const prefix: Instr[] = [];
  const none = NO_LOCATION;
  const ncellvars = u.cellvars.size;
  if (ncellvars) {
    const nvars = ncellvars + u.varnames.size;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
    for (let i = 0, used = 0; used < ncellvars; i++) {
      const oldindex = sorted[i] - 1;
      if (oldindex === -1) continue;
      prefix.push(new Instr(Op.MAKE_CELL, oldindex, null, none));
      used++;
    }
  }
  if (nfreevars) prefix.unshift(new Instr(Op.COPY_FREE_VARS, nfreevars, null, none));
  if (flags & (CodeFlag.GENERATOR | CodeFlag.COROUTINE | CodeFlag.ASYNC_GENERATOR)) {
    const at = { lineno: u.firstlineno, end_lineno: u.firstlineno, col: -1, end_col: -1 };
    prefix.push(new Instr(Op.RETURN_GENERATOR, 0, null, at));
    prefix.push(new Instr(Op.POP_TOP, 0, null, none));
  }
  entry.instrs.unshift(...prefix);
}

/** fix_cell_offsets: cell and free variable operands become fast-slot indexes; returns the cells dropped
 *  because they are also arguments. */
function fixCellOffsets(u: Unit, entry: Block, fixedmap: number[]): number {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  let numdropped = 0;
  for (let i = 0; i < noffsets; i++) {
    if (fixedmap[i] === i + nlocals) fixedmap[i] -= numdropped;
    else numdropped += 1;
  }
  for (const b of chain(entry)) {
    for (const ins of b.instrs) {
      switch (ins.op) {
        case Op.MAKE_CELL: case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF:
        case Op.LOAD_CLASSDEREF: case Op.LOAD_FROM_DICT_OR_DEREF:
          ins.arg = fixedmap[ins.arg];
      }
    }
  }
  return numdropped;
}

function localsplusInfo(u: Unit, nlocalsplus: number): { names: string[]; kinds: ('local' | 'cell' | 'free')[] } {
  const names = new Array<string>(nlocalsplus);
  const kinds = new Array<'local' | 'cell' | 'free'>(nlocalsplus);
  for (const [k, offset] of u.varnames) {
    names[offset] = k;
    kinds[offset] = u.cellvars.has(k) ? 'cell' : 'local';
  }
  const nlocals = u.varnames.size;
  let numdropped = 0;
  for (const [k, v] of u.cellvars) {
    if (u.varnames.has(k)) {
      numdropped++;
      continue;
    }
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = 'cell';
  }
  for (const [k, v] of u.freevars) {
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = 'free';
  }
  return { names, kinds };
}

/** Code units CPython 3.11 would use for the instructions (with inline caches and PRECALL), for the object's
 *  size (code.__sizeof__). */
function cpythonCodeUnits(code: Instr[]): number {
  let n = 0;
  for (const ins of code) {
    switch (ins.op) {
      case Op.BINARY_SUBSCR: case Op.STORE_ATTR: case Op.LOAD_ATTR: n += 5; break;
      case Op.STORE_SUBSCR: case Op.UNPACK_SEQUENCE: case Op.BINARY_OP: n += 2; break;
      case Op.COMPARE_OP: n += 3; break;
      case Op.LOAD_GLOBAL: n += 6; break;
      case Op.LOAD_METHOD: n += 11; break;
      case Op.CALL: n += 7; break; // PRECALL + cache, CALL + 4 caches
      default: n += 1;
    }
  }
  return n;
}

/** compile.c's assemble() for one unit. */
export function assemble(c: Compiler, u: Unit): CodeObject {
  for (const b of newestFirst(u)) normalizeBasicBlock(b);
  for (const b of newestFirst(u)) extendBlock(b);
  const entry = u.blocks[0];
  const nlocals0 = u.varnames.size;
  const nfreevars = u.freevars.size;
  let nlocalsplus = nlocals0 + u.cellvars.size + nfreevars;
  const fixed = buildCellFixedOffsets(u);
  if (!u.firstlineno) {
    const first = entry.instrs[0];
    u.firstlineno = first && first.loc.lineno ? first.loc.lineno : 1;
  }
  insertPrefixInstructions(c, u, entry, fixed, nfreevars);
  const numdropped = fixCellOffsets(u, entry, fixed);
  nlocalsplus -= numdropped;
  const consts = [...u.constValues];
  optimizeCfg(u, entry, consts);
  duplicateExitsWithoutLineno(u);
  trimUnusedConsts(entry, consts);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, u.firstlineno);
  let stacksize = stackdepth(u, entry);
  // 3.12+ wraps a generator's body in a handler (INTRINSIC_STOPITERATION_ERROR) that takes lasti and the
  // exception: two slots (Python/compile.c, insert_prefix_instructions / wrap_in_stopiteration_handler).
  if (rt.v >= 312 && (u.ste.generator || u.ste.coroutine)) stacksize = Math.max(stacksize, 2);
  labelExceptionTargets(entry);
  // convert_exception_handlers_to_nops
  for (const b of chain(entry)) {
    for (const ins of b.instrs) if (isBlockPush(ins.op) || ins.op === POP_BLOCK) ins.op = Op.NOP;
  }
  for (const b of chain(entry)) cleanBasicBlock(b);
  if (c.options.version >= 312) pushColdBlocksToEnd(u, entry);
  if (c.options.version >= 314) borrowLoadsOutsideHandlers(entry);
  // Instruction indexes (every instruction is one slot here).
  let offset = 0;
  for (const b of chain(entry)) {
    b.offset = offset;
    offset += b.instrs.length;
  }
  const all: Instr[] = [];
  for (const b of chain(entry)) all.push(...b.instrs);
  const n = all.length;
  const code = new Int32Array(2 * n);
  const lines = new Int32Array(n);
  const cols = new Int32Array(2 * n);
  all.forEach((ins, i) => {
    let op = ins.op;
    let arg = ins.arg;
    if (op === JUMP_NO_INTERRUPT) op = Op.JUMP;
    if (op < 0) throw new Error(`compiler: pseudo-instruction ${op} left in ${u.qualname}`);
    if (isJump(op)) arg = ins.target!.offset;
    code[2 * i] = op;
    code[2 * i + 1] = arg;
    lines[i] = ins.loc.lineno < 0 ? 0 : ins.loc.lineno;
    cols[2 * i] = ins.loc.lineno < 0 ? -1 : ins.loc.col;
    cols[2 * i + 1] = ins.loc.lineno < 0 ? -1 : ins.loc.end_col;
  });
  // assemble_exception_table
  const table: ExceptionTableEntry[] = [];
  let handler: Block | null = null;
  let start = -1;
  const emit = (end: number): void => {
    if (!handler) return;
    const depth = handler.startdepth - 1 - (handler.preserveLasti ? 1 : 0);
    table.push({ start, end, target: handler.offset, depth, lasti: handler.preserveLasti });
  };
  all.forEach((ins, i) => {
    if (ins.except !== handler) {
      emit(i);
      start = i;
      handler = ins.except;
    }
  });
  emit(n);
  const co = makeCode(c, u, consts, code, lines, cols, table, nlocalsplus, cpythonCodeUnits(all));
  co.stacksize = stacksize;
  return co;
}

function makeCode(c: Compiler, u: Unit, constValues: ConstValue[], code: Int32Array, lines: Int32Array, cols: Int32Array,
  table: ExceptionTableEntry[], nlocalsplus: number, codeUnits: number): CodeObject {
  const names: PyObject[] = [...u.names.keys()].map((n) => internStr(n));
  const consts: PyObject[] = constValues.map((v) => (v.t === 'code' ? incref(v.code) : c.consts.object(v)));
  const { names: lpNames, kinds } = localsplusInfo(u, nlocalsplus);
  const co = new CodeObject(
    rt.t.code, u.name, u.qualname, c.filename, u.firstlineno,
    u.posonlyargcount + u.argcount, u.posonlyargcount, u.kwonlyargcount, computeCodeFlags(c, u),
    lpNames, kinds, names, consts, code, lines, cols, table,
    {
      lineno: u.range.lineno, col_offset: u.range.col_offset,
      end_lineno: u.range.end_lineno, end_col_offset: u.range.end_col_offset,
    },
  );
  co.nlocals = u.varnames.size;
  setCodeKey(co, constValues.map(constValueKey));
  const size = 160 + 2 * codeUnits;
  return alloc(co, size);
}
