// CPython 3.11 as installed on the machine: one `python3 driver.py` process per program, so each program starts
// in a fresh interpreter, truly isolated from the others.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DRIVER_PY } from './paths';
import { OracleUnavailable, PROGRAM_TIMEOUT_MS, type Oracle, type OracleResult, type Program } from './types';

/** The first of these that is a 64-bit CPython 3.11 is the oracle; MEMLENS_PYTHON311 names one explicitly. */
function candidates(): string[] {
  return [process.env.MEMLENS_PYTHON311, 'python3.11', 'python3'].filter((c): c is string => !!c);
}

// No PYTHONPATH, PYTHONSTARTUP, ... from the caller's environment: only what makes runs repeatable.
// PYTHONHASHSEED=0 fixes str hashes (and so set order of strings) from run to run.
function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' };
}

const PROBE =
  'import platform, struct, sys; ' +
  "print('%d.%d' % sys.version_info[:2], struct.calcsize('P') * 8, platform.python_implementation(), " +
  'platform.python_version(), sys.executable)';

function execText(file: string, args: string[], input = '', cwd = os.tmpdir()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { env: childEnv(), cwd, timeout: PROGRAM_TIMEOUT_MS, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout);
        else if (error.killed) reject(new Error(`took over ${PROGRAM_TIMEOUT_MS / 1000} s; it was stopped`));
        else reject(new Error(`${error.message}\n${stderr}`));
      },
    );
    child.stdin?.end(input);
  });
}

export async function startNativeOracle(version: string): Promise<Oracle> {
  const seen: string[] = [];
  for (const candidate of candidates()) {
    let probe: string;
    try {
      probe = await execText(candidate, ['-c', PROBE]);
    } catch {
      seen.push(`${candidate}: not runnable`);
      continue;
    }
    const [found, bits, implementation, full, executable] = probe.trim().split(' ');
    if (found === version && bits === '64' && implementation === 'CPython') {
      // The real binary, not a shim (pyenv's shims cost ~50 ms a process).
      return nativeOracle(executable, `CPython ${full} (${executable})`);
    }
    seen.push(`${candidate}: ${implementation} ${full}, ${bits}-bit`);
  }
  throw new OracleUnavailable(`no 64-bit CPython ${version} found (${seen.join('; ')})`);
}

function nativeOracle(executable: string, description: string): Oracle {
  return {
    description,
    concurrency: Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
    async run(program: Program): Promise<OracleResult> {
      // The driver writes the program there as a file, for tracebacks to show its lines.
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'memlens-oracle-'));
      try {
        // -s: no user site-packages, whatever the machine's user installed.
        const request = JSON.stringify({ source: program.source, filename: program.name });
        return JSON.parse(await execText(executable, ['-s', DRIVER_PY], request, cwd)) as OracleResult;
      } catch (e) {
        throw new Error(`${description} on ${program.name}: ${(e as Error).message}`);
      } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
      }
    },
    close() {},
  };
}
