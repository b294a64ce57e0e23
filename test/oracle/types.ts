// What goes into an oracle and what comes out: a program, and what CPython printed and exited with.
export interface Program {
  /** Also the file name its tracebacks show, e.g. `refcount/locals.py`. */
  name: string;
  source: string;
}

export interface OracleResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** An oracle that cannot start on this machine: reported as unavailable, not as a failure. */
export class OracleUnavailable extends Error {
  override name = 'OracleUnavailable';
}

/** One running CPython of a given version that runs programs on request. */
export interface Oracle {
  /** e.g. "CPython 3.11.7 (/usr/bin/python3)" */
  readonly description: string;
  /** How many programs may be given to it at once. */
  readonly concurrency: number;
  run(program: Program): Promise<OracleResult>;
  close(): void;
}

/** A program that does not finish in this time is a broken corpus program (or a hung oracle). */
export const PROGRAM_TIMEOUT_MS = 30_000;
