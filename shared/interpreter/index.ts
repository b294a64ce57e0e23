// The simulator's public face: run a Python program the way a given CPython version would.
import type { PythonVersion } from '../versions';
import { parse, type PySyntaxError } from '../parser';
import { createRuntime } from './bootstrap';
import { compileModule, CompileError } from './compiler';
import { collect } from './collector';
import { formatException, sources } from './errors';
import { Frame } from './frame';
import { PyBaseException, PyDict, PyInt, PyModule, PyObject, PyStr } from './objects';
import { moduleSources, newModule, notModelledModules, type FindModule } from './modules/index';
import { PyRaise, SimulationStopped, decref, incref, newDict, raise, rt } from './runtime';
import type { Trace } from './trace';
import { TraceRecorder } from './tracerecorder';
import * as dict from './types/dict';
import { evalFrame, makeFunction } from './vm';
import { exploreUnreached, type ExploreOptions } from './explore';

export interface RunOptions {
  version: PythonVersion;
  /** The file name tracebacks show. */
  filename?: string;
  /** What input() reads, line by line; empty when not given. */
  stdin?: string;
  /** Pointer width of the simulated CPython: 64-bit (what users run) or the 32-bit WebAssembly builds. */
  platform?: 'native64' | 'wasm32';
  /** Budgets: instructions (default 50,000,000, about a second of a simple loop), and wall-clock milliseconds
   *  (default 5000; the clock is read every 4096 instructions). A typical file uses a small part of either. */
  maxSteps?: number;
  maxMillis?: number;
  /** Record the trace (events for hints, findings and the heap panel). */
  trace?: boolean;
  /** Tests: with `trace`, called at each instruction boundary with the step about to run (the trace is up to
   *  date), and given every object allocated since the trace began. `verify`: at each boundary the recorder
   *  compares every list, tuple, dict and set in full with what it recorded, and throws on a change no hook
   *  reported. */
  traceProbe?: { atStep: (step: number) => void; allocated?: PyObject[]; verify?: boolean };
  /**
   * The program's own modules and packages: `import a.b` asks for `a` with path null (search the program's folder,
   * sys.path[0]), then for `a.b` with a's __path__; the answer is the source of `b.py` or `b/__init__.py` (a
   * package, with its __path__), a namespace package (a folder without `__init__.py`), or undefined (not there).
   * Called only for modules the program imports; the front end reads the files (`shared/` never touches the disk).
   */
  findModule?: FindModule;
  /** After the main module: call every function and method of the program's own file that did not run, with
   *  made-up arguments, each under a small budget (explore.ts); the trace brackets each call in EXPLORE events.
   *  Off by default: `memlens run` shows what the program does, the lens also what its library code would do. */
  explore?: boolean | ExploreOptions;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** What the process would exit with: 0, 1 after an uncaught exception, or the SystemExit code. */
  exitCode: number;
  /** Set when a budget stopped the run: everything recorded so far is kept. `reason` reads
   *  "step budget (50000000 steps) used up" or "wall-clock budget (5000 ms) used up". */
  stopped?: { reason: string; line: number };
  trace?: Trace;
  /** With `explore`: the exploratory calls made. */
  explored?: number;
  /** The modules the program imported that the simulator does not model (what comes from them is a
   *  placeholder: "not simulated"), in import order. Absent when there were none. */
  notModelled?: string[];
}

export const DEFAULT_MAX_STEPS = 50_000_000;
export const DEFAULT_MAX_MILLIS = 5000;

function versionNumber(v: PythonVersion): number {
  return Number(v.replace('.', ''));
}

/** The SyntaxError report CPython prints for a file that does not compile. */
function syntaxErrorText(filename: string, source: string, e: PySyntaxError | CompileError, kind = 'SyntaxError'): string {
  const line = source.split('\n')[e.lineno - 1] ?? '';
  const stripped = line.trimStart();
  const indent = line.length - stripped.length;
  const caret = ' '.repeat(Math.max(0, e.col_offset - indent));
  return `  File "${filename}", line ${e.lineno}\n    ${stripped.trimEnd()}\n    ${caret}^\n${kind}: ${e.message}\n`;
}

/** Parsed module sources, by text: the Python-written stdlib is parsed once per process, not once per run (the
 *  compiler works on a copy of the tree, astopt.ts optimizeModule). */
const parsedModules = new Map<string, ReturnType<typeof parse>>();
const PARSED_MODULES_KEPT = 64;

function parseModule(source: string): ReturnType<typeof parse> {
  let parsed = parsedModules.get(source);
  if (!parsed) {
    parsed = parse(source);
    if (parsedModules.size >= PARSED_MODULES_KEPT) parsedModules.delete(parsedModules.keys().next().value!);
    parsedModules.set(source, parsed);
  }
  return parsed;
}

/** Runs a module's source in the module's namespace (imports of sibling files and of Python-written stdlib). */
function runModuleSource(source: string, filename: string, module: PyModule): void {
  const parsed = parseModule(source);
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    raise(rt.t.exc.get('SyntaxError')!, `${e.message} (${filename}, line ${e.lineno})`);
  }
  sources.set(filename, source.split('\n'));
  let code;
  try {
    code = compileModule(parsed.module, filename, { version: rt.v });
  } catch (e) {
    if (e instanceof CompileError) raise(rt.t.exc.get('SyntaxError')!, `${e.message} (${filename}, line ${e.lineno})`);
    throw e;
  }
  dict.setItemStr(module.dict, '__builtins__', dict.getItemStr(rt.modules, 'builtins')!);
  const frame = new Frame(code, incref(module.dict), rt.builtins, module.dict, null);
  try {
    decref(evalFrame(frame, null));
  } finally {
    decref(module.dict);
    decref(code);
  }
}

/** Runs source to completion (or until a budget stops it). The parser must be initialised first. */
export function runProgram(source: string, options: RunOptions): RunResult {
  const filename = options.filename ?? 'main.py';
  const parsed = parse(source);
  if (parsed.errors.length) {
    return { stdout: '', stderr: syntaxErrorText(filename, source, parsed.errors[0]), exitCode: 1 };
  }
  createRuntime({ v: versionNumber(options.version), ptr: options.platform === 'wasm32' ? 4 : 8 });
  moduleSources.run = runModuleSource;
  moduleSources.find = options.findModule ?? null;
  rt.stdin = options.stdin ? options.stdin.split('\n') : [];
  rt.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const maxMillis = options.maxMillis ?? DEFAULT_MAX_MILLIS;
  sources.clear();
  sources.set(filename, source.split('\n'));
  let code;
  try {
    code = compileModule(parsed.module, filename, { version: rt.v });
  } catch (e) {
    if (e instanceof CompileError) return { stdout: '', stderr: syntaxErrorText(filename, source, e), exitCode: 1 };
    throw e;
  }
  // The globals are the dict of a real __main__ module holding only __name__ and __builtins__.
  const main = newModule('__main__');
  const globals = main.dict;
  for (const key of ['__doc__', '__package__', '__loader__', '__spec__']) dict.delItemStr(globals, key);
  const builtinsModule = dict.getItemStr(rt.modules, 'builtins')!;
  dict.setItemStr(globals, '__builtins__', builtinsModule);
  dict.setItemStr(rt.modules, '__main__', main);
  const modulesBefore = new Set(dict.entries(rt.modules).map((e) => (e.key as PyStr).value));
  let exitCode = 0;
  let stopped: RunResult['stopped'];
  let lastExc: PyBaseException | null = null;
  // As the oracle's driver does: one collection before the program starts, so that the program's own counts and
  // collections begin from zero (the loader's garbage gone, the free lists empty).
  collect();
  if (options.trace) startTrace(options.traceProbe, filename);
  // PyEval_EvalCode wraps the module's code in a function object for the run.
  const moduleFunction = makeFunction(code, globals, null, null, null, null);
  const frame = new Frame(code, incref(globals), rt.builtins, globals, null);
  rt.trace?.hold('PyEval_EvalCode function', moduleFunction);
  rt.trace?.hold('module frame globals', globals);
  rt.depth = 1; // the module's own frame counts toward the recursion limit, as in a script
  rt.deadline = Date.now() + maxMillis;
  try {
    decref(evalFrame(frame, null));
  } catch (e) {
    if (e instanceof SimulationStopped) {
      const budget = ({ 'step budget': `${rt.maxSteps} steps`, 'wall-clock budget': `${maxMillis} ms` } as Record<string, string>)[e.reason];
      stopped = { reason: budget ? `${e.reason} (${budget}) used up` : e.reason, line: e.line };
    } else if (e instanceof RangeError && /call stack/.test(e.message)) {
      // JavaScript's own stack ran out before Python's recursion limit: stop, don't guess.
      stopped = { reason: 'not simulated: recursion deeper than the simulator\'s stack allows', line: rt.frame?.lineno ?? 0 };
    } else if (e instanceof PyRaise) {
      [exitCode, lastExc] = handleUncaught(e.exc);
    } else {
      throw e;
    }
  }
  rt.trace?.release(moduleFunction);
  decref(moduleFunction);
  rt.trace?.release(globals);
  decref(globals);
  decref(code);
  if (!stopped) rt.trace?.programEnded(exitCode);
  let explored: number | undefined;
  if (!stopped && options.explore) {
    explored = exploreUnreached(globals, filename, options.explore === true ? {} : options.explore);
  }
  const opaque = notModelledModules();
  if (!stopped) shutdown(main, lastExc, modulesBefore);
  const trace = rt.trace ? rt.trace.finish() : undefined;
  rt.trace = null;
  rt.gc.observer = null;
  return { stdout: rt.stdout.join(''), stderr: rt.stderr.join(''), exitCode, stopped, trace, explored, ...(opaque.length ? { notModelled: opaque } : {}) };
}

/** Tracing starts once the runtime is built and the loader's garbage collected: what exists then is "known"
 *  to the trace only when the program's objects refer to it. */
function startTrace(probe: RunOptions['traceProbe'], filename: string): void {
  const recorder = new TraceRecorder(rt.v);
  recorder.log.fileIndexOf(filename); // file 0: the program's own
  rt.trace = recorder;
  rt.checkAt = 0; // every step goes through the trace from now on
  rt.gc.observer = (o, list) => recorder.gcMoved(o, list);
  if (probe) {
    recorder.probe = probe.atStep;
    recorder.allocated = probe.allocated ?? null;
    recorder.verify = probe.verify ?? false;
  }
}

/**
 * An exception nobody caught: SystemExit gives the exit status (and is freed at once), anything else prints its
 * traceback and stays alive as sys.last_value until finalization (Python/pythonrun.c).
 */
function handleUncaught(exc: PyBaseException): [number, PyBaseException | null] {
  const systemExit = rt.t.exc.get('SystemExit')!;
  if (exc.ob_type === systemExit || exc.ob_type.mro.includes(systemExit)) {
    const args = exc.args.items;
    const code: PyObject = args.length === 0 ? rt.None : args.length === 1 ? args[0] : exc.args;
    let status = 0;
    if (code === rt.None) status = 0;
    else if (code instanceof PyInt) status = Number(code.value) & 0xff;
    else {
      rt.stderr.push((code instanceof PyStr ? code.value : String(code)) + '\n');
      status = 1;
    }
    decref(exc);
    return [status, null];
  }
  rt.stderr.push(formatException(exc));
  return [1, exc];
}

/**
 * Py_FinalizeEx (Python/pylifecycle.c), the steps that can run a program's __del__: a collection with every
 * module intact; sys.last_value dropped; __main__ then the modules the program imported removed from
 * sys.modules; a collection; __main__'s dict wiped (underscore names first) if something still holds it;
 * a last collection.
 */
function shutdown(main: PyModule, lastExc: PyBaseException | null, modulesBefore: Set<string>): void {
  try {
    collect();
    if (lastExc) decref(lastExc);
    const mainAlive = { ref: main as PyModule | null };
    dict.delItemStr(rt.modules, '__main__');
    for (const e of dict.entries(rt.modules)) {
      const name = (e.key as PyStr).value;
      if (!modulesBefore.has(name)) dict.delItemStr(rt.modules, name);
    }
    const stillHeld = main.ob_refcnt > 1;
    decref(main);
    if (!stillHeld) mainAlive.ref = null;
    collect();
    if (mainAlive.ref && mainAlive.ref.address !== 0) {
      moduleClearDict(mainAlive.ref.dict);
      if (rt.trace !== null) rt.trace.touch(mainAlive.ref.dict);
    }
    collect();
  } catch (e) {
    if (e instanceof PyRaise) {
      rt.stderr.push(formatException(e.exc));
      decref(e.exc);
    } else {
      throw e;
    }
  }
}

/** _PyModule_ClearDict (Objects/moduleobject.c): `_x` names set to None first, then the rest but __builtins__. */
function moduleClearDict(d: PyDict): void {
  for (const e of dict.entries(d)) {
    const k = (e.key as PyStr).value;
    if (k.startsWith('_') && !k.startsWith('__')) dict.setItemStr(d, k, rt.None);
  }
  for (const e of dict.entries(d)) {
    if ((e.key as PyStr).value !== '__builtins__') dict.setItemStr(d, (e.key as PyStr).value, rt.None);
  }
}
