// Code objects: what the compiler makes of a module, class body, function, lambda or comprehension
// (PyCodeObject, Include/cpython/code.h). A code object is itself a Python object: it owns its constants.
import { PyObject, type PyType } from './objects';

/** One row of the exception table (Objects/exception_handling_notes.txt): instructions start..end-1 jump to
 *  target when an exception escapes them, after popping the stack down to `depth` (then pushing lasti if
 *  `lasti`, then the exception). */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

export class CodeObject extends PyObject {
  constructor(
    type: PyType,
    /** co_name and co_qualname */
    public name: string,
    public qualname: string,
    public filename: string,
    public firstlineno: number,
    /** co_argcount (positional, including positional-only), co_posonlyargcount, co_kwonlyargcount */
    public argcount: number,
    public posonlyargcount: number,
    public kwonlyargcount: number,
    /** CodeFlag bits */
    public flags: number,
    /** Names of the fast slots in order: locals (arguments first, then *args, then **kwargs),
     *  then cell variables that are not arguments, then free variables. (co_localsplusnames) */
    public localsplusnames: string[],
    /** For each fast slot: 'local', 'cell' (a local captured by an inner scope; an argument may be both),
     *  or 'free' (a variable of an enclosing scope). */
    public localspluskinds: ('local' | 'cell' | 'free')[],
    /** co_names: global, attribute and import names (interned str objects). */
    public names: PyObject[],
    /** co_consts (owned references). */
    public consts: PyObject[],
    /** Instructions: [op0, arg0, op1, arg1, ...] (see opcodes.ts). */
    public code: Int32Array,
    /** Source line of each instruction (index i ↔ code[2i]); 0 where none. */
    public lines: Int32Array,
    /** Source column range of each instruction, for tracebacks and the trace (start col, end col). */
    public cols: Int32Array,
    public exceptionTable: ExceptionTableEntry[],
    /** Position of the definition in source (the whole def/lambda/class), for the trace and the lens. */
    public range: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number },
  ) {
    super(type);
  }

  /** co_stacksize: the deepest the value stack gets (the compiler's stackdepth). */
  stacksize = 0;

  /** co_nlocals: the first slots are the variables (CO_FAST_LOCAL, a cell among them when an argument or,
   *  3.12+, an inlined comprehension's variable); the cells after them are not co_varnames. */
  nlocals = 0;

  /** A frame ran this code (the lens explores the functions whose code never did: explore.ts). */
  entered = false;

  get nlocalsplus(): number {
    return this.localsplusnames.length;
  }
}
