// `memlens`, the command-line front end on the same `shared/` code as the language server.
// Exit status: `run` exits with the program's own status (0, 1 after an uncaught exception or a syntax error, its
// sys.exit() code) or 3 when a budget stopped the simulation; `parse` exits 0, or 1 for a syntax error; `check`
// exits 1 when a finding reaches --fail-on, else 0 (server/check.ts). All exit 2 for bad usage or an unreadable
// input, and 70 (EX_SOFTWARE in sysexits.h) for an internal error of ours.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { dump, parse, type PySyntaxError } from '../shared/parser';
import { DEFAULT_MAX_MILLIS, DEFAULT_MAX_STEPS, runProgram } from '../shared/interpreter';
import { LENS_MAX_MILLIS, LENS_MAX_STEPS } from '../shared/lens';
import { DEFAULT_PYTHON_VERSION, PYTHON_VERSIONS, type PythonVersion } from '../shared/versions';
import { checkThread, runCheck, type CheckOptions, type FailOn, type Format } from './check';
import { UserError, readSource } from './files';
import { programModules } from './modules';
import { initNodeParser } from './grammar';
import { memoryReport } from './memoryReport';

/** A file's text, or undefined when it cannot be read (a module's lines in the memory report are then blank). */
function readableText(file: string): string | undefined {
  try {
    return readSource(file);
  } catch {
    return undefined;
  }
}

const USAGE = `Usage: memlens <command> [options]

Commands:
  run FILE [--python VERSION] [--platform native64|wasm32] [--max-steps N] [--max-ms N] [--memory]
                                  run FILE in the simulator: its output, as that CPython version would print it
  parse FILE [--python VERSION]   print the AST of FILE as CPython's ast.dump() would
  check FILE|DIR... [--python VERSION] [--format text|json|sarif] [--fail-on warning|information|never] [--hints]
        [--jobs N] [--max-steps N] [--max-ms N]
                                  simulate each file (the *.py files under each DIR, minus what .gitignore
                                  leaves out) and report the memory findings; exit 1 when one reaches --fail-on

Options:
  --python VERSION   ${PYTHON_VERSIONS.join(', ')} (default ${DEFAULT_PYTHON_VERSION})
  --platform P       native64 (64-bit CPython, the default) or wasm32 (the 32-bit WebAssembly builds)
  --max-steps N      stop the simulation after N bytecode instructions (default ${DEFAULT_MAX_STEPS}; check: ${LENS_MAX_STEPS} per file)
  --max-ms N         stop the simulation after N milliseconds of wall-clock time (default ${DEFAULT_MAX_MILLIS}; check: ${LENS_MAX_MILLIS} per file)
  --format F         check's output: text (for people), json (LSP diagnostics per file) or sarif (SARIF 2.1.0)
  --fail-on S        the least severe finding that makes check exit 1: warning (the default) or information;
                     never: report only
  --hints            check: also list each statement's reference-count hint (the object a variable got, its
                     ob_refcnt and every holder right after the statement ran)
  --memory           run: after the run, report its memory on stderr: the peak and where, what each line
                     allocated and released, and what is still allocated by line (like memory_profiler and
                     tracemalloc's statistics('lineno'), exact to the simulation)
  --jobs N           how many files check simulates at once (default: the number of cores, here ${os.availableParallelism()})
  -h, --help         show this help
`;

interface ParseCommand {
  command: 'parse' | 'run';
  file: string;
  version: PythonVersion;
  platform: 'native64' | 'wasm32';
  maxSteps: number;
  maxMillis: number;
  /** run: also report the run's memory (stderr). */
  memory: boolean;
}

interface CheckCommand extends CheckOptions {
  command: 'check';
}

const FORMATS: Format[] = ['text', 'json', 'sarif'];
const FAIL_ON: FailOn[] = ['warning', 'information', 'never'];

/** The value of `--name N` or `--name=N`: a positive integer. */
function positiveInteger(name: string, value: string | undefined): number {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UserError(`${name} needs a positive whole number${value ? `, not '${value}'` : ''}`);
  }
  return Number(value);
}

/** The value of `--name V` or `--name=V`, one of `choices`. */
function oneOf<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T {
  if (!(choices as readonly (string | undefined)[]).includes(value)) {
    throw new UserError(`${name} needs one of ${choices.join(', ')}${value ? `, not '${value}'` : ''}`);
  }
  return value as T;
}

function parseArgs(args: string[]): ParseCommand | CheckCommand | 'help' {
  if (args.length === 0) throw new UserError('no command given (see memlens --help)');
  if (args.some((arg) => arg === '-h' || arg === '--help')) return 'help';
  const [command, ...rest] = args;
  if (command !== 'parse' && command !== 'run' && command !== 'check') {
    throw new UserError(`unknown command '${command}' (see memlens --help)`);
  }
  const files: string[] = [];
  let version: PythonVersion = DEFAULT_PYTHON_VERSION;
  let platform: 'native64' | 'wasm32' = 'native64';
  // check simulates with the lens's budgets, as the editor does.
  let maxSteps = command === 'check' ? LENS_MAX_STEPS : DEFAULT_MAX_STEPS;
  let maxMillis = command === 'check' ? LENS_MAX_MILLIS : DEFAULT_MAX_MILLIS;
  let format: Format = 'text';
  let failOn: FailOn = 'warning';
  let jobs = os.availableParallelism();
  let hints = false;
  let memory = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const option = (name: string, forCommands: string[] = ['parse', 'run', 'check']) =>
      forCommands.includes(command) && (arg === name || arg.startsWith(`${name}=`));
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i]);
    if (option('--python')) {
      version = oneOf('--python', value(), PYTHON_VERSIONS);
    } else if (option('--platform', ['run'])) {
      platform = oneOf('--platform', value(), ['native64', 'wasm32'] as const);
    } else if (option('--max-steps', ['run', 'check'])) {
      maxSteps = positiveInteger('--max-steps', value());
    } else if (option('--max-ms', ['run', 'check'])) {
      maxMillis = positiveInteger('--max-ms', value());
    } else if (option('--format', ['check'])) {
      format = oneOf('--format', value(), FORMATS);
    } else if (option('--fail-on', ['check'])) {
      failOn = oneOf('--fail-on', value(), FAIL_ON);
    } else if (option('--jobs', ['check'])) {
      jobs = positiveInteger('--jobs', value());
    } else if (command === 'check' && arg === '--hints') {
      hints = true;
    } else if (command === 'run' && arg === '--memory') {
      memory = true;
    } else if (arg.startsWith('-')) {
      throw new UserError(`unknown option '${arg}' (see memlens --help)`);
    } else {
      files.push(arg);
    }
  }
  if (command === 'check') {
    if (files.length === 0) throw new UserError('check needs at least one FILE or DIR (see memlens --help)');
    return { command, paths: files, version, format, failOn, jobs, maxSteps, maxMillis, hints };
  }
  if (files.length !== 1) throw new UserError(`${command} needs exactly one FILE (see memlens --help)`);
  return { command, file: files[0], version, platform, maxSteps, maxMillis, memory };
}

/** The report CPython prints for a syntax error: location, the offending line, carets, the message. */
function formatSyntaxError(file: string, source: string, error: PySyntaxError): string {
  const lines = [`  File "${file}", line ${error.lineno}`];
  const text = source.split('\n')[error.lineno - 1];
  if (text !== undefined && text.trim() !== '') {
    const indent = text.length - text.trimStart().length;
    const shown = text.trim();
    const start = Math.max(0, error.col_offset - indent);
    const end = error.end_lineno === error.lineno ? error.end_col_offset - indent : shown.length;
    lines.push(`    ${shown}`, `    ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}`);
  }
  lines.push(`SyntaxError: ${error.message}`);
  return lines.join('\n') + '\n';
}

async function runParse(command: ParseCommand): Promise<number> {
  const source = readSource(command.file);
  await initNodeParser();
  const { module, errors } = parse(source);
  if (errors.length > 0) {
    // CPython stops at the first error, so we report only that one.
    process.stderr.write(formatSyntaxError(command.file, source, errors[0]));
    return 1;
  }
  process.stdout.write(dump(module, { version: command.version }) + '\n');
  return 0;
}

interface SimulationRequest {
  source: string;
  version: PythonVersion;
  filename: string;
  /** The folder sibling modules are imported from (sys.path[0]). */
  directory: string;
  platform: 'native64' | 'wasm32';
  maxSteps: number;
  maxMillis: number;
  memory: boolean;
}

type SimulationReply = Pick<ReturnType<typeof runProgram>, 'stdout' | 'stderr' | 'exitCode' | 'stopped'> & {
  /** With `memory`: the report (server/memoryReport.ts). */
  memoryReport?: string;
};

/**
 * The simulation runs Python calls on the JavaScript stack, so it runs in a worker thread with a stack large
 * enough for CPython's recursion limit (the main thread's is fixed at start).
 */
function simulateInWorker(request: SimulationRequest): Promise<SimulationReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: request, resourceLimits: { stackSizeMb: 256 } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the simulation thread stopped (${code})`)));
  });
}

async function simulationThread(request: SimulationRequest): Promise<void> {
  await initNodeParser();
  const { stdout, stderr, exitCode, stopped, trace } = runProgram(request.source, {
    version: request.version, filename: request.filename, platform: request.platform,
    maxSteps: request.maxSteps, maxMillis: request.maxMillis, findModule: programModules(request.directory),
    trace: request.memory,
  });
  const reply: SimulationReply = { stdout, stderr, exitCode, stopped };
  if (trace) {
    // The program's text as simulated; an imported module's from its file.
    const sourceOf = (file: string) => (file === request.filename ? request.source : readableText(file));
    // Files under the working folder by their relative path, others by their full path.
    const shown = (file: string) => {
      const relative = path.relative(process.cwd(), file);
      return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    };
    reply.memoryReport = memoryReport(trace, sourceOf, shown);
  }
  parentPort!.postMessage(reply);
}

/** `memlens run`: the program's stdout and stderr as CPython would print them, and its exit status. */
async function runRun(command: ParseCommand): Promise<number> {
  const source = readSource(command.file);
  const { version, platform, maxSteps, maxMillis, memory } = command;
  // As `python3 FILE` does: the program's name is its absolute path (3.9+), and sys.path[0] is the real path of
  // its folder (Python/pathconfig.c, _PyPathConfig_ComputeSysPath0), so sibling modules show that path.
  const filename = path.resolve(command.file);
  const directory = path.dirname(fs.realpathSync(command.file));
  const result = await simulateInWorker({ source, version, filename, directory, platform, maxSteps, maxMillis, memory });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.memoryReport) process.stderr.write(`memlens: memory of the run (CPython ${version}, ${platform}${result.stopped ? ', up to where it stopped' : ''}):\n${result.memoryReport}`);
  if (result.stopped) {
    // One format for every budget: "memlens: simulation stopped at line 7: wall-clock budget (5000 ms) used up".
    process.stderr.write(`memlens: simulation stopped at line ${result.stopped.line}: ${result.stopped.reason}\n`);
    return 3;
  }
  return result.exitCode;
}

async function main(args: string[]): Promise<number> {
  try {
    const command = parseArgs(args);
    if (command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (command.command === 'check') return await runCheck(command, __filename);
    return command.command === 'run' ? await runRun(command) : await runParse(command);
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`memlens: ${error.message}\n`);
      return 2;
    }
    // Our own bug: still one line, but a different status so that it is not mistaken for bad input or a budget.
    process.stderr.write(`memlens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}

if (isMainThread) {
  // exitCode rather than exit(): stdout may still be flushing a large dump into a pipe.
  void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
} else if ((workerData as { check?: boolean }).check) {
  void checkThread();
} else {
  void simulationThread(workerData as SimulationRequest);
}
