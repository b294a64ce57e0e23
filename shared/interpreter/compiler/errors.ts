// Errors the compiler reports: the SyntaxErrors CPython's compiler and symbol table raise (Python/compile.c,
// Python/symtable.c), and constructs the simulator does not run.

export interface SourceRange {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** A SyntaxError found after parsing. Positions are the AST's (1-based lines, 0-based columns). */
export class CompileError extends Error {
  /** The exception CPython raises: SyntaxError for everything the compiler finds. */
  readonly type: 'SyntaxError' = 'SyntaxError';
  /** Set when the code is valid Python that the simulator cannot run (async functions): not a CPython error. */
  notSimulated = false;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  constructor(message: string, at: SourceRange) {
    super(message);
    this.name = 'CompileError';
    this.lineno = at.lineno;
    this.col_offset = at.col_offset;
    this.end_lineno = at.end_lineno;
    this.end_col_offset = at.end_col_offset;
  }
}

/** Valid Python the simulator does not model; `message` starts with "not simulated:". */
export function notSimulated(what: string, at: SourceRange): CompileError {
  const e = new CompileError(`not simulated: ${what}`, at);
  e.notSimulated = true;
  return e;
}
