// A disassembler for code objects (in the spirit of Lib/dis.py) and a well-formedness check: the stack depth
// simulated along every path must agree where paths meet, never go negative, and match what the exception
// table promises its handlers. Used by the compiler's tests and for debugging.
import { CodeObject } from './code';
import { Op } from './opcodes';
import { PyBytes, PyComplex, PyFloat, PyInt, PyObject, PySet, PyStr, PyTuple } from './objects';
import { rt } from './runtime';
import { setKeys } from './types/set';
import { stackEffect } from './compiler/ir';
import { bytesRepr, complexRepr, floatRepr, strRepr } from './compiler/unparse';

export const OP_NAMES: Record<number, string> = {
  [Op.NOP]: 'NOP', [Op.POP_TOP]: 'POP_TOP', [Op.PUSH_NULL]: 'PUSH_NULL', [Op.COPY]: 'COPY', [Op.SWAP]: 'SWAP',
  [Op.LOAD_CONST]: 'LOAD_CONST', [Op.LOAD_FAST]: 'LOAD_FAST', [Op.LOAD_FAST_BORROW]: 'LOAD_FAST_BORROW',
  [Op.STORE_FAST]: 'STORE_FAST', [Op.DELETE_FAST]: 'DELETE_FAST', [Op.MAKE_CELL]: 'MAKE_CELL',
  [Op.COPY_FREE_VARS]: 'COPY_FREE_VARS', [Op.LOAD_CLOSURE]: 'LOAD_CLOSURE', [Op.LOAD_DEREF]: 'LOAD_DEREF',
  [Op.LOAD_CLASSDEREF]: 'LOAD_CLASSDEREF', [Op.STORE_DEREF]: 'STORE_DEREF', [Op.DELETE_DEREF]: 'DELETE_DEREF',
  [Op.LOAD_NAME]: 'LOAD_NAME', [Op.STORE_NAME]: 'STORE_NAME', [Op.DELETE_NAME]: 'DELETE_NAME',
  [Op.LOAD_GLOBAL]: 'LOAD_GLOBAL', [Op.STORE_GLOBAL]: 'STORE_GLOBAL', [Op.DELETE_GLOBAL]: 'DELETE_GLOBAL',
  [Op.LOAD_ATTR]: 'LOAD_ATTR', [Op.LOAD_METHOD]: 'LOAD_METHOD', [Op.STORE_ATTR]: 'STORE_ATTR',
  [Op.DELETE_ATTR]: 'DELETE_ATTR', [Op.BINARY_SUBSCR]: 'BINARY_SUBSCR', [Op.STORE_SUBSCR]: 'STORE_SUBSCR',
  [Op.DELETE_SUBSCR]: 'DELETE_SUBSCR', [Op.BINARY_OP]: 'BINARY_OP', [Op.UNARY_NEGATIVE]: 'UNARY_NEGATIVE',
  [Op.UNARY_POSITIVE]: 'UNARY_POSITIVE', [Op.UNARY_INVERT]: 'UNARY_INVERT', [Op.UNARY_NOT]: 'UNARY_NOT',
  [Op.COMPARE_OP]: 'COMPARE_OP', [Op.IS_OP]: 'IS_OP', [Op.CONTAINS_OP]: 'CONTAINS_OP',
  [Op.BUILD_TUPLE]: 'BUILD_TUPLE', [Op.BUILD_LIST]: 'BUILD_LIST', [Op.BUILD_SET]: 'BUILD_SET',
  [Op.BUILD_MAP]: 'BUILD_MAP', [Op.BUILD_CONST_KEY_MAP]: 'BUILD_CONST_KEY_MAP', [Op.BUILD_STRING]: 'BUILD_STRING',
  [Op.BUILD_SLICE]: 'BUILD_SLICE', [Op.LIST_APPEND]: 'LIST_APPEND', [Op.SET_ADD]: 'SET_ADD', [Op.MAP_ADD]: 'MAP_ADD',
  [Op.LIST_EXTEND]: 'LIST_EXTEND', [Op.SET_UPDATE]: 'SET_UPDATE', [Op.DICT_UPDATE]: 'DICT_UPDATE',
  [Op.DICT_MERGE]: 'DICT_MERGE', [Op.LIST_TO_TUPLE]: 'LIST_TO_TUPLE', [Op.FORMAT_VALUE]: 'FORMAT_VALUE',
  [Op.KW_NAMES]: 'KW_NAMES', [Op.CALL]: 'CALL', [Op.CALL_FUNCTION_EX]: 'CALL_FUNCTION_EX',
  [Op.MAKE_FUNCTION]: 'MAKE_FUNCTION', [Op.RETURN_VALUE]: 'RETURN_VALUE', [Op.JUMP]: 'JUMP',
  [Op.POP_JUMP_IF_FALSE]: 'POP_JUMP_IF_FALSE', [Op.POP_JUMP_IF_TRUE]: 'POP_JUMP_IF_TRUE',
  [Op.POP_JUMP_IF_NONE]: 'POP_JUMP_IF_NONE', [Op.POP_JUMP_IF_NOT_NONE]: 'POP_JUMP_IF_NOT_NONE',
  [Op.JUMP_IF_FALSE_OR_POP]: 'JUMP_IF_FALSE_OR_POP', [Op.JUMP_IF_TRUE_OR_POP]: 'JUMP_IF_TRUE_OR_POP',
  [Op.GET_ITER]: 'GET_ITER', [Op.FOR_ITER]: 'FOR_ITER', [Op.UNPACK_SEQUENCE]: 'UNPACK_SEQUENCE',
  [Op.UNPACK_EX]: 'UNPACK_EX', [Op.RAISE_VARARGS]: 'RAISE_VARARGS', [Op.RERAISE]: 'RERAISE',
  [Op.PUSH_EXC_INFO]: 'PUSH_EXC_INFO', [Op.POP_EXCEPT]: 'POP_EXCEPT', [Op.CHECK_EXC_MATCH]: 'CHECK_EXC_MATCH',
  [Op.CHECK_EG_MATCH]: 'CHECK_EG_MATCH', [Op.BEFORE_WITH]: 'BEFORE_WITH',
  [Op.WITH_EXCEPT_START]: 'WITH_EXCEPT_START', [Op.LOAD_BUILD_CLASS]: 'LOAD_BUILD_CLASS',
  [Op.IMPORT_NAME]: 'IMPORT_NAME', [Op.IMPORT_FROM]: 'IMPORT_FROM', [Op.IMPORT_STAR]: 'IMPORT_STAR',
  [Op.RETURN_GENERATOR]: 'RETURN_GENERATOR', [Op.YIELD_VALUE]: 'YIELD_VALUE',
  [Op.GET_YIELD_FROM_ITER]: 'GET_YIELD_FROM_ITER', [Op.SEND]: 'SEND', [Op.SETUP_ANNOTATIONS]: 'SETUP_ANNOTATIONS',
  [Op.LOAD_ASSERTION_ERROR]: 'LOAD_ASSERTION_ERROR', [Op.GET_LEN]: 'GET_LEN', [Op.MATCH_MAPPING]: 'MATCH_MAPPING',
  [Op.MATCH_SEQUENCE]: 'MATCH_SEQUENCE', [Op.MATCH_KEYS]: 'MATCH_KEYS', [Op.MATCH_CLASS]: 'MATCH_CLASS',
  [Op.COPY_DICT_WITHOUT_KEYS]: 'COPY_DICT_WITHOUT_KEYS', [Op.RETURN_FROM_GEN_UNUSED]: 'RETURN_FROM_GEN_UNUSED',
  [Op.RESUME]: 'RESUME', [Op.STOPITERATION_ERROR]: 'STOPITERATION_ERROR', [Op.LOAD_HELPER]: 'LOAD_HELPER',
  [Op.PREP_RERAISE_STAR]: 'PREP_RERAISE_STAR',
  [Op.LOAD_FAST_AND_CLEAR]: 'LOAD_FAST_AND_CLEAR', [Op.LOAD_FROM_DICT_OR_GLOBALS]: 'LOAD_FROM_DICT_OR_GLOBALS',
  [Op.LOAD_FROM_DICT_OR_DEREF]: 'LOAD_FROM_DICT_OR_DEREF', [Op.LOAD_LOCALS]: 'LOAD_LOCALS',
  [Op.LOAD_COMMON_CONSTANT]: 'LOAD_COMMON_CONSTANT',
};

export function opName(op: number): string {
  return OP_NAMES[op] ?? `<${op}>`;
}

const JUMPS = new Set<number>([
  Op.JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE,
  Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP, Op.FOR_ITER, Op.SEND,
]);

export function isJumpOp(op: number): boolean {
  return JUMPS.has(op);
}

/** repr() of a constant object. */
export function constRepr(o: PyObject): string {
  if (o === rt.None) return 'None';
  if (o === rt.True) return 'True';
  if (o === rt.False) return 'False';
  if (o === rt.Ellipsis) return 'Ellipsis';
  if (o instanceof CodeObject) return `<code object ${o.name}, line ${o.firstlineno}>`;
  if (o instanceof PyInt) return String(o.value);
  if (o instanceof PyFloat) return floatRepr(o.value);
  if (o instanceof PyComplex) return complexRepr(o.real, o.imag);
  if (o instanceof PyStr) return strRepr(o.value);
  if (o instanceof PyBytes) return bytesRepr(o.value);
  if (o instanceof PyTuple) return '(' + o.items.map(constRepr).join(', ') + (o.items.length === 1 ? ',' : '') + ')';
  if (o instanceof PySet) {
    const items = setKeys(o).map(constRepr);
    return items.length ? 'frozenset({' + items.join(', ') + '})' : 'frozenset()';
  }
  return `<${o.ob_type.name}>`;
}

const BINARY_OPS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
const COMPARE_OPS = ['<', '<=', '==', '!=', '>', '>='];

/** The argument's meaning, as dis shows it after the number. */
export function argRepr(co: CodeObject, op: number, arg: number): string {
  switch (op) {
    case Op.LOAD_CONST: case Op.KW_NAMES:
      return co.consts[arg] ? constRepr(co.consts[arg]) : '<bad const>';
    case Op.LOAD_NAME: case Op.STORE_NAME: case Op.DELETE_NAME: case Op.LOAD_GLOBAL: case Op.STORE_GLOBAL:
    case Op.DELETE_GLOBAL: case Op.LOAD_ATTR: case Op.LOAD_METHOD: case Op.STORE_ATTR: case Op.DELETE_ATTR:
    case Op.IMPORT_NAME: case Op.IMPORT_FROM: case Op.LOAD_FROM_DICT_OR_GLOBALS:
      return co.names[arg] instanceof PyStr ? (co.names[arg] as PyStr).value : '<bad name>';
    case Op.LOAD_FAST: case Op.LOAD_FAST_BORROW: case Op.STORE_FAST: case Op.DELETE_FAST: case Op.MAKE_CELL:
    case Op.LOAD_FAST_AND_CLEAR: case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF: case Op.STORE_DEREF:
    case Op.DELETE_DEREF: case Op.LOAD_FROM_DICT_OR_DEREF:
      return co.localsplusnames[arg] ?? '<bad local>';
    case Op.BINARY_OP:
      return (arg >= 13 ? BINARY_OPS[arg - 13] + '=' : BINARY_OPS[arg]) ?? '?';
    case Op.COMPARE_OP:
      return COMPARE_OPS[arg] ?? '?';
    case Op.IS_OP: return arg ? 'is not' : 'is';
    case Op.CONTAINS_OP: return arg ? 'not in' : 'in';
    case Op.FORMAT_VALUE:
      return ['', 'str', 'repr', 'ascii'][arg & 3] + (arg & 4 ? (arg & 3 ? ', with format' : 'with format') : '');
    case Op.MAKE_FUNCTION:
      return ['defaults', 'kwdefaults', 'annotations', 'closure', 'annotate'].filter((_, i) => arg & (1 << i)).join(', ');
    default:
      if (JUMPS.has(op)) return `to ${arg}`;
      return '';
  }
}

export interface DisOptions {
  /** Disassemble the code objects among the constants too (default true). */
  recursive?: boolean;
  /** Show line numbers (default true). */
  lines?: boolean;
}

/** A dis-like listing: index, line, name, argument, meaning; then the exception table. */
export function disassemble(co: CodeObject, options: DisOptions = {}): string {
  const out: string[] = [];
  const showLines = options.lines !== false;
  out.push(`Disassembly of <code object ${co.name} (${co.qualname}), line ${co.firstlineno}>:`);
  const n = co.code.length / 2;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) if (JUMPS.has(co.code[2 * i])) targets.add(co.code[2 * i + 1]);
  for (const e of co.exceptionTable) targets.add(e.target);
  for (let i = 0; i < n; i++) {
    const op = co.code[2 * i];
    const arg = co.code[2 * i + 1];
    const mark = targets.has(i) ? '>>' : '  ';
    const line = showLines ? String(co.lines[i] || '').padStart(4) + ' ' : '';
    const meaning = argRepr(co, op, arg);
    const shown = meaning ? ` (${meaning})` : '';
    out.push(`${line}${mark} ${String(i).padStart(4)} ${opName(op).padEnd(24)} ${String(arg).padStart(4)}${shown}`);
  }
  if (co.exceptionTable.length) {
    out.push('ExceptionTable:');
    for (const e of co.exceptionTable) {
      out.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
  if (options.recursive !== false) {
    for (const c of co.consts) {
      if (c instanceof CodeObject) {
        out.push('');
        out.push(disassemble(c, options));
      }
    }
  }
  return out.join('\n');
}

/** Every code object in a tree (the module first). */
export function allCodeObjects(co: CodeObject): CodeObject[] {
  const out = [co];
  for (const c of co.consts) if (c instanceof CodeObject) out.push(...allCodeObjects(c));
  return out;
}

function isTerminal(op: number): boolean {
  return op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE || op === Op.JUMP;
}

/** Checks one code object; returns the problems found (empty when well formed). Also returns the maximum
 *  stack depth. */
export function verifyCode(co: CodeObject): { errors: string[]; maxDepth: number } {
  const errors: string[] = [];
  const n = co.code.length / 2;
  const where = (i: number): string => `${co.qualname}@${i}`;
  if (n === 0) return { errors: [`${co.qualname}: no instructions`], maxDepth: 0 };
  if (co.lines.length !== n) errors.push(`${co.qualname}: lines has ${co.lines.length} entries for ${n} instructions`);
  if (co.cols.length !== 2 * n) errors.push(`${co.qualname}: cols has ${co.cols.length} entries for ${n} instructions`);
  const nlocals = co.localsplusnames.length;
  // operand ranges
  for (let i = 0; i < n; i++) {
    const op = co.code[2 * i];
    const arg = co.code[2 * i + 1];
    if (!(op in OP_NAMES)) errors.push(`${where(i)}: unknown opcode ${op}`);
    switch (op) {
      case Op.LOAD_CONST: case Op.KW_NAMES:
        if (arg < 0 || arg >= co.consts.length) errors.push(`${where(i)}: const index ${arg} out of range`);
        break;
      case Op.LOAD_NAME: case Op.STORE_NAME: case Op.DELETE_NAME: case Op.LOAD_GLOBAL: case Op.STORE_GLOBAL:
      case Op.DELETE_GLOBAL: case Op.LOAD_ATTR: case Op.LOAD_METHOD: case Op.STORE_ATTR: case Op.DELETE_ATTR:
      case Op.IMPORT_NAME: case Op.IMPORT_FROM: case Op.LOAD_FROM_DICT_OR_GLOBALS:
        if (arg < 0 || arg >= co.names.length) errors.push(`${where(i)}: name index ${arg} out of range`);
        break;
      case Op.LOAD_FAST: case Op.STORE_FAST: case Op.DELETE_FAST: case Op.LOAD_FAST_AND_CLEAR:
        if (arg < 0 || arg >= nlocals) errors.push(`${where(i)}: local index ${arg} out of range`);
        break;
      case Op.MAKE_CELL:
        if (co.localspluskinds[arg] !== 'cell') errors.push(`${where(i)}: MAKE_CELL of a non-cell slot ${arg}`);
        break;
      case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF:
        if (co.localspluskinds[arg] !== 'cell' && co.localspluskinds[arg] !== 'free') {
          errors.push(`${where(i)}: ${opName(op)} of slot ${arg}, which is neither cell nor free`);
        }
        break;
    }
    if (JUMPS.has(op) && (arg < 0 || arg >= n)) errors.push(`${where(i)}: jump target ${arg} out of range`);
  }
  if (!isTerminal(co.code[2 * (n - 1)])) errors.push(`${co.qualname}: the last instruction falls off the end`);
  // exception table rows
  for (const e of co.exceptionTable) {
    if (!(e.start >= 0 && e.start < e.end && e.end <= n && e.target >= 0 && e.target < n && e.depth >= 0)) {
      errors.push(`${co.qualname}: bad exception table row ${JSON.stringify(e)}`);
    }
  }
  for (let a = 1; a < co.exceptionTable.length; a++) {
    if (co.exceptionTable[a].start < co.exceptionTable[a - 1].end) {
      errors.push(`${co.qualname}: overlapping exception table rows`);
    }
  }
  if (errors.length) return { errors, maxDepth: 0 };
  const handlerAt = (i: number) => co.exceptionTable.find((e) => e.start <= i && i < e.end) ?? null;
  // depth simulation
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  let maxDepth = 0;
  const reach = (from: number, to: number, d: number): void => {
    if (d < 0) {
      errors.push(`${where(from)}: stack underflow`);
      return;
    }
    if (depth[to] === -1) {
      depth[to] = d;
      maxDepth = Math.max(maxDepth, d);
      work.push(to);
    } else if (depth[to] !== d) {
      errors.push(`${where(to)}: stack depth ${depth[to]} or ${d} (reached from ${from})`);
    }
  };
  reach(0, 0, 0);
  while (work.length && errors.length < 20) {
    const i = work.pop()!;
    const d = depth[i];
    const op = co.code[2 * i];
    const arg = co.code[2 * i + 1];
    const h = handlerAt(i);
    if (h) {
      if (d < h.depth) errors.push(`${where(i)}: depth ${d} below the handler's ${h.depth}`);
      reach(i, h.target, h.depth + (h.lasti ? 1 : 0) + 1);
    }
    // RETURN_GENERATOR leaves the value sent on first resumption (None) on the stack.
    const effect = op === Op.RETURN_GENERATOR ? 1 : stackEffect(op, arg, false);
    for (let k = 0; k < popsOf(op, arg); k++) {
      if (d - k <= 0) {
        errors.push(`${where(i)}: ${opName(op)} pops more than the stack holds (${d})`);
        break;
      }
    }
    if (JUMPS.has(op)) reach(i, arg, d + stackEffect(op, arg, true));
    if (op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS || op === Op.RERAISE || op === Op.JUMP) continue;
    if (i + 1 >= n) {
      errors.push(`${where(i)}: falls off the end`);
      continue;
    }
    reach(i, i + 1, d + effect);
  }
  return { errors, maxDepth };
}

/** How many stack items an instruction reads (for the underflow check). */
function popsOf(op: number, arg: number): number {
  switch (op) {
    case Op.COPY: case Op.SWAP: return arg;
    case Op.CALL: return arg + 2;
    case Op.CALL_FUNCTION_EX: return 3 + (arg & 1);
    case Op.LIST_APPEND: case Op.SET_ADD: case Op.LIST_EXTEND: case Op.SET_UPDATE: case Op.DICT_UPDATE:
    case Op.DICT_MERGE: return arg + 1;
    case Op.MAP_ADD: return arg + 2;
    case Op.BUILD_TUPLE: case Op.BUILD_LIST: case Op.BUILD_SET: case Op.BUILD_STRING: return arg;
    case Op.BUILD_MAP: return 2 * arg;
    case Op.BUILD_CONST_KEY_MAP: return arg + 1;
    case Op.RERAISE: return 1 + arg;
    case Op.WITH_EXCEPT_START: return 4;
    case Op.MATCH_CLASS: return 3;
    case Op.MATCH_KEYS: return 2;
    default: {
      const e = stackEffect(op, arg, false);
      return e < 0 ? -e : 0;
    }
  }
}

/** verifyCode over a whole tree of code objects. */
export function verifyTree(co: CodeObject): string[] {
  const errors: string[] = [];
  for (const c of allCodeObjects(co)) errors.push(...verifyCode(c).errors);
  return errors;
}
