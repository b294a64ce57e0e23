// The lens: simulate a file, read its trace once, and return the findings (cycle candidates, long-lived
// allocations, missing weak references). Pure: the server, the CLI and the tests call `analyze` alike.
import { parse } from '../parser';
import { runProgram, type RunOptions, type RunResult } from '../interpreter';
import type { PythonVersion } from '../versions';
import type { AnalyzerFactory, LensContext } from './context';
import { cycleAnalyzer } from './cycles';
import { longLivedAnalyzer } from './longlived';
import { materializedAnalyzer } from './materialized';
import { registryAnalyzer } from './registries';
import { hintCollector, type RefcountHint } from './hints';
import { applyEdits } from './edits';
import { Replay } from './replay';
import { slotsAnalyzer } from './slots';
import type { Finding } from './types';

export type { RefcountHint } from './hints';
export type { Finding, FindingCode, Fix, Range, RelatedLocation, Severity, TextEdit } from './types';

export interface LensOptions {
  version: PythonVersion;
  /** The name tracebacks and messages show. */
  filename?: string;
  /** The program's sibling modules and packages (see RunOptions.findModule). */
  findModule?: RunOptions['findModule'];
  /** Budgets for the simulation (defaults: LENS_MAX_STEPS, LENS_MAX_MILLIS). */
  maxSteps?: number;
  maxMillis?: number;
}

export interface LensReport {
  findings: Finding[];
  /** The simulated run: what it printed, its exit status, and why it stopped early if a budget ran out. */
  run: Pick<RunResult, 'stdout' | 'stderr' | 'exitCode' | 'stopped' | 'notModelled'>;
  /** Set when the file could not be simulated at all (a syntax error): why. */
  notSimulated?: string;
  /** Reference-count hints: each variable a statement bound, its object's ob_refcnt and holders then. */
  hints: RefcountHint[];
}

/** A lens run is smaller than `memlens run`'s: findings must come while the user types. */
export const LENS_MAX_STEPS = 2_000_000;
export const LENS_MAX_MILLIS = 2000;

/** The analyzers, in the order their findings are listed for one line. */
const ANALYZERS: AnalyzerFactory[] = [cycleAnalyzer, registryAnalyzer, longLivedAnalyzer, slotsAnalyzer, materializedAnalyzer];

export function analyze(source: string, options: LensOptions): LensReport {
  const filename = options.filename ?? 'main.py';
  const parsed = parse(source);
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    return { findings: [], hints: [], run: { stdout: '', stderr: '', exitCode: 1 }, notSimulated: `syntax error at line ${e.lineno}: ${e.message}` };
  }
  const run = runProgram(source, {
    version: options.version, filename, findModule: options.findModule, trace: true, explore: true,
    maxSteps: options.maxSteps ?? LENS_MAX_STEPS, maxMillis: options.maxMillis ?? LENS_MAX_MILLIS,
  });
  const report: LensReport = {
    findings: [], hints: [],
    run: { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, stopped: run.stopped, ...(run.notModelled ? { notModelled: run.notModelled } : {}) },
  };
  if (!run.trace) {
    // "SyntaxError: not simulated: async functions" is valid Python the simulator does not model: say just that.
    const last = run.stderr.trim().split('\n').pop() ?? 'the program did not run';
    report.notSimulated = last.replace(/^SyntaxError: not simulated: /, '');
    return report;
  }
  const ctx = { source, lines: source.split(/\r\n|\r|\n/), module: parsed.module, version: options.version, filename, run, trace: run.trace } as LensContext;
  const analyzers = [];
  const replay = new Replay(run.trace);
  ctx.replay = replay;
  for (const make of ANALYZERS) analyzers.push(make(ctx));
  const hints = hintCollector(ctx);
  replay.listen([...analyzers.map((a) => a.listener), hints.listener]);
  replay.run();
  report.findings = dedupe(analyzers.flatMap((a) => a.findings()));
  for (const f of report.findings) verifyFixes(f, source, run, options, filename);
  report.hints = hints.hints();
  return report;
}

/** Keeps a fix marked `verify` only if the fixed program, simulated the same way, prints the same and exits alike
 *  (one plain run each: such fixes are rare, a weak container the program also iterates). */
function verifyFixes(f: Finding, source: string, run: RunResult, options: LensOptions, filename: string): void {
  f.fixes = f.fixes.filter((fix) => {
    if (!fix.verify) return true;
    delete fix.verify;
    const fixed = runProgram(applyEdits(source, fix.edits), {
      version: options.version, filename, findModule: options.findModule,
      maxSteps: options.maxSteps ?? LENS_MAX_STEPS, maxMillis: options.maxMillis ?? LENS_MAX_MILLIS,
    });
    const same = !fixed.stopped && fixed.stdout === run.stdout && fixed.exitCode === run.exitCode;
    if (!same) f.message += ' (no quick fix: the program reads what it keeps, and would print something else)';
    return same;
  });
}

/** One finding per code and range: a line run many times (a loop, a function called often) says it once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = `${f.code}:${f.range.start.line}:${f.range.start.character}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
