// The simulator's public face: run a Python program the way a given CPython version would.
import type { PythonVersion } from '../versions';

export interface RunOptions {
  version: PythonVersion;
  /** The file name tracebacks show. */
  filename?: string;
  /** What input() reads, line by line; empty when not given. */
  stdin?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** What the process would exit with: 0, 1 after an uncaught exception, or the SystemExit code. */
  exitCode: number;
}

/** Runs source to completion (or until a budget stops it). The parser must be initialised first. */
export function runProgram(source: string, options: RunOptions): RunResult {
  void source;
  void options;
  return { stdout: '', stderr: 'not simulated: the interpreter is not written yet\n', exitCode: 1 };
}
