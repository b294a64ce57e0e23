// An executing frame (_PyInterpreterFrame, Include/internal/pycore_frame.h): the fast locals (arguments, locals,
// cells, free variables), the value stack and where execution is. A frame is not a heap object; it becomes one
// (PyFrameObject) only when something keeps it: a traceback, a generator, sys._getframe.
import type { CodeObject } from './code';
import type { PyDict, PyFrameObject, PyFunction, PyGenerator, PyObject, PyTuple } from './objects';

export class Frame {
  /** localsplus: one slot per code.localsplusnames (null = unbound). Owned references. */
  fast: (PyObject | null)[];
  /** The value stack; slots below `sp` are live. Owned references (null: a NULL slot). */
  stack: (PyObject | null)[] = [];
  sp = 0;
  /** Index of the next instruction. */
  pc = 0;
  /** Index of the instruction running now (for line numbers and tracebacks). */
  lasti = 0;
  back: Frame | null = null;
  /** The heap object standing for this frame, once one was needed. */
  frameObject: PyFrameObject | null = null;
  generator: PyGenerator | null = null;
  /** Keyword names set by KW_NAMES for the next CALL. */
  kwnames: PyTuple | null = null;
  /** The frame finished (returned or raised): its locals were released or handed to its frame object. */
  done = false;
  /** 3.11–3.12: the dict f_locals and locals() return for a function frame (frame->f_locals), refreshed from
   *  the fast locals on each request (PyFrame_FastToLocalsWithError) and kept until the frame is cleared. */
  localsSnapshot: PyDict | null = null;
  /** 3.14: the incremental collector already marked what this frame holds (frame->visited). */
  gcVisited = false;
  /** The last line the trace recorded for this frame. */
  lastLine = 0;
  /** 3.14: for each stack slot, 1 + the local a LOAD_FAST copied there (a borrowed reference), else 0. */
  borrowed: number[] | null = null;
  /** 3.14: parameters that hold a reference the caller lent (its argument was a borrowed load). */
  fastBorrowed: Uint8Array | null = null;
  constructor(
    public code: CodeObject,
    public globals: PyDict,
    public builtins: PyDict,
    /** Module and class bodies look names up in a dict (f_locals); functions use `fast`. */
    public locals: PyDict | null,
    /** The function being run (a strong reference, as f_func), or null for module code. */
    public func: PyFunction | null,
  ) {
    this.fast = new Array(code.nlocalsplus).fill(null);
    code.entered = true;
  }

  /** The source line of the instruction running now. */
  get lineno(): number {
    return this.code.lines[this.lasti] || this.code.firstlineno;
  }
}
