// The compiler: a module's AST to code objects, as CPython 3.11 compiles it (Python/compile.c): constant
// folding (astopt.ts), the symbol table (symtable.ts), code generation (compiler/statements.ts,
// expressions.ts, patterns.ts) and assembly (compiler/assemble.ts). The instruction set is opcodes.ts.
import type { Module } from '../parser/ast';
import type { CodeObject } from './code';
import { optimizeModule } from './astopt';
import { decref } from './runtime';
import { syntaxWarning } from './errors';
import { buildSymtable, futureFeatures, CO_FUTURE_ANNOTATIONS } from './symtable';
import { Compiler, ScopeType, type CompileOptions } from './compiler/core';
import { compileBody } from './compiler/statements';

export { CompileError } from './compiler/errors';
export type { CompileOptions } from './compiler/core';

/** Compiles a module (the current runtime `rt` owns the constants). Throws CompileError for the SyntaxErrors
 *  CPython's compiler and symbol table raise, and for valid code the simulator does not run (`notSimulated`). */
export function compileModule(module: Module, filename: string, options: CompileOptions): CodeObject {
  const future = futureFeatures(module);
  const futureAnnotations = (future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  const warn = (message: string, node: { lineno: number }): void => syntaxWarning(filename, node.lineno, message);
  const tree = optimizeModule(module, { futureAnnotations, optimize: 0, version: options.version, warn });
  const st = buildSymtable(tree, future, options.version >= 312 && options.inlineComprehensions !== false, options.version >= 314);
  const c = new Compiler(filename, st, future, options);
  const body = tree.body;
  const last = body.length ? body[body.length - 1] : null;
  const range = { lineno: 1, col_offset: 0, end_lineno: last?.end_lineno ?? 1, end_col_offset: last?.end_col_offset ?? 0 };
  let co: CodeObject | null = null;
  try {
    c.enterScope('<module>', ScopeType.MODULE, tree, 1, range);
    c.u.loc = { ...c.u.loc, lineno: 1 };
    compileBody(c, body);
    co = c.assemble(true);
    c.exitScope();
    if (c.notSimulatedAt) throw c.notSimulatedAt;
  } catch (e) {
    // Release what was made: every code object's own reference (nested ones are also held by their parent).
    for (const made of c.made) decref(made);
    c.consts.release();
    throw e;
  }
  // Nested code objects are now owned by their parent's constants only.
  for (const made of c.made) if (made !== co) decref(made);
  c.consts.release();
  return co;
}
