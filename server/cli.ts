// `memlens`, the command-line front end on the same `shared/` code as the language server.
// Exit status: `run` exits with the program's own status (0, 1 after an uncaught exception or a syntax error, its
// sys.exit() code) or 3 when a budget stopped the simulation; `parse` exits 0, or 1 for a syntax error. Both exit 2
// for bad usage or an unreadable input, and 70 (EX_SOFTWARE in sysexits.h) for an internal error of ours.
import * as fs from 'fs';
import * as path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { SourceDecodeError, decodeSource, dump, parse, type PySyntaxError } from '../shared/parser';
import { DEFAULT_MAX_MILLIS, DEFAULT_MAX_STEPS, runProgram } from '../shared/interpreter';
import { DEFAULT_PYTHON_VERSION, PYTHON_VERSIONS, isPythonVersion, type PythonVersion } from '../shared/versions';
import { initNodeParser } from './grammar';
import { programModules } from './modules';

const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

const USAGE = `Usage: memlens <command> [options]

Commands:
  run FILE [--python VERSION] [--platform native64|wasm32] [--max-steps N] [--max-ms N]
                                  run FILE in the simulator: its output, as that CPython version would print it
  parse FILE [--python VERSION]   print the AST of FILE as CPython's ast.dump() would

Options:
  --python VERSION   ${PYTHON_VERSIONS.join(', ')} (default ${DEFAULT_PYTHON_VERSION})
  --platform P       native64 (64-bit CPython, the default) or wasm32 (the 32-bit WebAssembly builds)
  --max-steps N      stop the simulation after N bytecode instructions (default ${DEFAULT_MAX_STEPS})
  --max-ms N         stop the simulation after N milliseconds of wall-clock time (default ${DEFAULT_MAX_MILLIS})
  -h, --help         show this help
`;

/** A problem with what the user gave us: one line on stderr, exit status 2, no stack trace. */
class UserError extends Error {}

interface ParseCommand {
  command: 'parse' | 'run';
  file: string;
  version: PythonVersion;
  platform: 'native64' | 'wasm32';
  maxSteps: number;
  maxMillis: number;
}

/** The value of `--name N` or `--name=N`: a positive integer. */
function positiveInteger(name: string, value: string | undefined): number {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UserError(`${name} needs a positive whole number${value ? `, not '${value}'` : ''}`);
  }
  return Number(value);
}

function parseArgs(args: string[]): ParseCommand | 'help' {
  if (args.length === 0) throw new UserError('no command given (see memlens --help)');
  if (args.some((arg) => arg === '-h' || arg === '--help')) return 'help';
  const [command, ...rest] = args;
  if (command !== 'parse' && command !== 'run') throw new UserError(`unknown command '${command}' (see memlens --help)`);
  const files: string[] = [];
  let version: PythonVersion = DEFAULT_PYTHON_VERSION;
  let platform: 'native64' | 'wasm32' = 'native64';
  let maxSteps = DEFAULT_MAX_STEPS;
  let maxMillis = DEFAULT_MAX_MILLIS;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--python' || arg.startsWith('--python=')) {
      const value = arg === '--python' ? rest[++i] : arg.slice('--python='.length);
      if (!isPythonVersion(value)) {
        throw new UserError(`--python needs one of ${PYTHON_VERSIONS.join(', ')}${value ? `, not '${value}'` : ''}`);
      }
      version = value;
    } else if (command === 'run' && (arg === '--platform' || arg.startsWith('--platform='))) {
      const value = arg === '--platform' ? rest[++i] : arg.slice('--platform='.length);
      if (value !== 'native64' && value !== 'wasm32') {
        throw new UserError(`--platform needs native64 or wasm32${value ? `, not '${value}'` : ''}`);
      }
      platform = value;
    } else if (command === 'run' && (arg === '--max-steps' || arg.startsWith('--max-steps='))) {
      maxSteps = positiveInteger('--max-steps', arg === '--max-steps' ? rest[++i] : arg.slice('--max-steps='.length));
    } else if (command === 'run' && (arg === '--max-ms' || arg.startsWith('--max-ms='))) {
      maxMillis = positiveInteger('--max-ms', arg === '--max-ms' ? rest[++i] : arg.slice('--max-ms='.length));
    } else if (arg.startsWith('-')) {
      throw new UserError(`unknown option '${arg}' (see memlens --help)`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) throw new UserError(`${command} needs exactly one FILE (see memlens --help)`);
  return { command, file: files[0], version, platform, maxSteps, maxMillis };
}

function readSource(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) throw new UserError(`${file}: is a directory`);
  if (!stat.isFile()) throw new UserError(`${file}: not a regular file`);
  // Checked before reading: a huge file is refused without being loaded into memory.
  if (stat.size > MAX_SOURCE_BYTES) {
    throw new UserError(`${file}: too large (${(stat.size / 2 ** 20).toFixed(1)} MB; the limit is 10 MB)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (error instanceof SourceDecodeError) throw new UserError(`${file}: ${error.message}`);
    throw error;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
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
}

type SimulationReply = Pick<ReturnType<typeof runProgram>, 'stdout' | 'stderr' | 'exitCode' | 'stopped'>;

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
  const { stdout, stderr, exitCode, stopped } = runProgram(request.source, {
    version: request.version, filename: request.filename, platform: request.platform,
    maxSteps: request.maxSteps, maxMillis: request.maxMillis, findModule: programModules(request.directory),
  });
  parentPort!.postMessage({ stdout, stderr, exitCode, stopped } satisfies SimulationReply);
}

/** `memlens run`: the program's stdout and stderr as CPython would print them, and its exit status. */
async function runRun(command: ParseCommand): Promise<number> {
  const source = readSource(command.file);
  const { version, platform, maxSteps, maxMillis } = command;
  // As `python3 FILE` does: the program's name is its absolute path (3.9+), and sys.path[0] is the real path of
  // its folder (Python/pathconfig.c, _PyPathConfig_ComputeSysPath0), so sibling modules show that path.
  const filename = path.resolve(command.file);
  const directory = path.dirname(fs.realpathSync(command.file));
  const result = await simulateInWorker({ source, version, filename, directory, platform, maxSteps, maxMillis });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
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
} else {
  void simulationThread(workerData as SimulationRequest);
}
