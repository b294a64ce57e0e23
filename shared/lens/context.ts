// What every analyzer gets: the program's text and syntax tree, the simulated run and its trace, and the replay
// it listens to. An analyzer is a listener that gathers evidence during the one pass, and a function that turns
// the evidence into findings once the pass is over.
import type { Module } from '../parser';
import type { RunResult } from '../interpreter';
import type { Trace } from '../interpreter/trace';
import type { PythonVersion } from '../versions';
import type { Replay, ReplayListener } from './replay';
import type { Finding, Range } from './types';

export interface LensContext {
  source: string;
  /** The source's lines (without their line ends). */
  lines: string[];
  module: Module;
  version: PythonVersion;
  filename: string;
  run: RunResult;
  trace: Trace;
  replay: Replay;
}

export interface Analyzer {
  listener: ReplayListener;
  findings(): Finding[];
}

export type AnalyzerFactory = (ctx: LensContext) => Analyzer;

/** The range of a trace position (an index into trace.positions), 0-based as the LSP counts. */
export function rangeOfPosition(trace: Trace, pos: number): Range {
  const p = trace.positions;
  const line = Math.max(0, p[3 * pos] - 1);
  return { start: { line, character: p[3 * pos + 1] }, end: { line, character: Math.max(p[3 * pos + 2], p[3 * pos + 1]) } };
}

/** Whether a trace position is in the program's own file (not an imported module's code). */
export function isOwnPosition(trace: Trace, pos: number): boolean {
  return pos > 0 && trace.positionFiles[pos] === 0 && trace.positions[3 * pos] > 0;
}

/** A whole line's range, without its leading and trailing blanks (line 0-based). */
export function lineRange(ctx: LensContext, line: number): Range {
  const text = ctx.lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}
