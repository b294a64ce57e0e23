// The compiler's intermediate form: basic blocks of instructions whose jumps point at blocks (Python/compile.c's
// basicblock and struct instr), with the pseudo-instructions codegen uses for exception handling before the
// assembler turns them into exception-table rows.
import { Op } from '../opcodes';

/** Pseudo-instructions (negative so they never collide with a real Op). */
export const SETUP_FINALLY = -1;
export const SETUP_CLEANUP = -2;
export const SETUP_WITH = -3;
export const POP_BLOCK = -4;
export const JUMP_NO_INTERRUPT = -6;

/** A source position; lineno -1 marks an artificial instruction (no line). */
export interface Loc {
  lineno: number;
  end_lineno: number;
  col: number;
  end_col: number;
}

export const NO_LOCATION: Loc = { lineno: -1, end_lineno: -1, col: -1, end_col: -1 };

export class Instr {
  /** Block the exception handler in force at this instruction jumps to (set by the assembler). */
  except: Block | null = null;
  constructor(public op: number, public arg: number, public target: Block | null, public loc: Loc) {}

  clone(): Instr {
    return new Instr(this.op, this.arg, this.target, this.loc);
  }
}

export interface ExceptStack {
  handlers: (Block | null)[];
  depth: number;
}

let blockIds = 0;

export class Block {
  readonly id = ++blockIds;
  instrs: Instr[] = [];
  /** The block reached by falling through (b_next). */
  next: Block | null = null;
  nofallthrough = false;
  exit = false;
  /** A RETURN_VALUE was added (b_return). */
  hasReturn = false;
  /** An exception handler that is entered with lasti pushed (SETUP_CLEANUP, SETUP_WITH). */
  preserveLasti = false;
  visited = false;
  /** The target of a SETUP_* (an exception handler's entry). */
  exceptHandler = false;
  /** 3.12's push_cold_blocks_to_end: reachable from the entry without an exception, or only through one. */
  warm = false;
  cold = false;
  predecessors = 0;
  startdepth = -1;
  /** Index of the block's first instruction in the final code. */
  offset = 0;
  exceptStack: ExceptStack | null = null;

  get last(): Instr | null {
    return this.instrs.length ? this.instrs[this.instrs.length - 1] : null;
  }
}

export function isBlockPush(op: number): boolean {
  return op === SETUP_FINALLY || op === SETUP_WITH || op === SETUP_CLEANUP;
}

/** Instructions whose argument is a block. */
export function isJump(op: number): boolean {
  switch (op) {
    case Op.JUMP: case JUMP_NO_INTERRUPT:
    case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE:
    case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP:
    case Op.FOR_ITER: case Op.SEND:
      return true;
    default:
      return false;
  }
}

export function isUnconditionalJump(op: number): boolean {
  return op === Op.JUMP || op === JUMP_NO_INTERRUPT;
}

/** Instructions after which control never falls through. */
export function isScopeExit(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE;
}

export function isEndOfBasicBlock(op: number): boolean {
  return isJump(op) || isScopeExit(op);
}

function popcount5(n: number): number {
  return (n & 1) + ((n >> 1) & 1) + ((n >> 2) & 1) + ((n >> 3) & 1) + ((n >> 4) & 1);
}

/** Net stack effect of an instruction (stack_effect in compile.c, for this instruction set: CALL also pops
 *  the callable pair, as 3.11's PRECALL + CALL do together). `jump`: the effect when the jump is taken. */
export function stackEffect(op: number, arg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP: case Op.RESUME: case Op.SWAP: case Op.DELETE_FAST: case Op.MAKE_CELL: case Op.COPY_FREE_VARS:
    case Op.DELETE_DEREF: case Op.DELETE_NAME: case Op.DELETE_GLOBAL: case Op.LOAD_ATTR:
    case Op.UNARY_NEGATIVE: case Op.UNARY_POSITIVE: case Op.UNARY_INVERT: case Op.UNARY_NOT:
    case Op.LIST_TO_TUPLE: case Op.KW_NAMES: case Op.JUMP: case Op.GET_ITER: case Op.CHECK_EXC_MATCH:
    case Op.CHECK_EG_MATCH: case Op.YIELD_VALUE: case Op.GET_YIELD_FROM_ITER: case Op.SETUP_ANNOTATIONS:
    case Op.LOAD_FROM_DICT_OR_GLOBALS: case Op.LOAD_FROM_DICT_OR_DEREF:
    case Op.RETURN_GENERATOR:
    case POP_BLOCK: case JUMP_NO_INTERRUPT:
      return 0;
    case Op.POP_TOP: case Op.STORE_FAST: case Op.STORE_DEREF: case Op.STORE_NAME: case Op.STORE_GLOBAL:
    case Op.DELETE_ATTR: case Op.BINARY_SUBSCR: case Op.BINARY_OP: case Op.COMPARE_OP: case Op.IS_OP:
    case Op.CONTAINS_OP: case Op.LIST_APPEND: case Op.SET_ADD: case Op.LIST_EXTEND: case Op.SET_UPDATE:
    case Op.DICT_UPDATE: case Op.DICT_MERGE: case Op.RETURN_VALUE: case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE: case Op.POP_JUMP_IF_NONE: case Op.POP_JUMP_IF_NOT_NONE: case Op.RERAISE:
    case Op.POP_EXCEPT: case Op.IMPORT_NAME: case Op.IMPORT_STAR: case Op.PREP_RERAISE_STAR:
      return -1;
    case Op.PUSH_NULL: case Op.COPY: case Op.LOAD_CONST: case Op.LOAD_FAST: case Op.LOAD_FAST_BORROW:
    case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF: case Op.LOAD_NAME: case Op.LOAD_GLOBAL:
    case Op.LOAD_METHOD: case Op.PUSH_EXC_INFO: case Op.LOAD_FAST_AND_CLEAR: case Op.BEFORE_WITH: case Op.WITH_EXCEPT_START:
    case Op.LOAD_BUILD_CLASS: case Op.IMPORT_FROM: case Op.LOAD_ASSERTION_ERROR: case Op.GET_LEN:
    case Op.MATCH_MAPPING: case Op.MATCH_SEQUENCE: case Op.MATCH_KEYS: case Op.LOAD_LOCALS: case Op.LOAD_COMMON_CONSTANT:
      return 1;
    case Op.STORE_ATTR: case Op.DELETE_SUBSCR: case Op.MAP_ADD: case Op.MATCH_CLASS:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.BUILD_TUPLE: case Op.BUILD_LIST: case Op.BUILD_SET: case Op.BUILD_STRING:
      return 1 - arg;
    case Op.BUILD_MAP:
      return 1 - 2 * arg;
    case Op.BUILD_CONST_KEY_MAP:
      return -arg;
    case Op.BUILD_SLICE:
      return arg === 3 ? -2 : -1;
    case Op.FORMAT_VALUE:
      return arg & 4 ? -1 : 0;
    case Op.CALL:
      return -arg - 1;
    case Op.CALL_FUNCTION_EX:
      return -2 - (arg & 1);
    case Op.MAKE_FUNCTION:
      return -popcount5(arg);
    case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Op.FOR_ITER:
      return jump ? -1 : 1;
    case Op.SEND:
      return jump ? -1 : 0;
    case Op.UNPACK_SEQUENCE:
      return arg - 1;
    case Op.UNPACK_EX:
      return (arg & 0xff) + (arg >> 8);
    case Op.RAISE_VARARGS:
      return -arg;
    case Op.LOAD_HELPER:
      return 2;
    case SETUP_FINALLY:
      return jump ? 1 : 0;
    case SETUP_CLEANUP:
      return jump ? 2 : 0;
    case SETUP_WITH:
      return jump ? 1 : 0;
    default:
      throw new Error(`stackEffect: unknown opcode ${op}`);
  }
}
