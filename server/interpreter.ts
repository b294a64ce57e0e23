// `memoryLens.pythonVersion: auto`: simulate the version of the workspace's interpreter. The interpreter is the
// one the Python extension selected (the client passes its path), else `python3` on PATH. Asking it its version
// runs `-c` with a one-line print, never the user's code; each answer is kept for the server's life.
import { spawnSync } from 'child_process';
import { DEFAULT_PYTHON_VERSION, isPythonVersion, PYTHON_VERSIONS, type PythonVersion } from '../shared/versions';

/** What `auto` resolved to, and what to tell the user when it is not the interpreter's own version. */
export interface AutoVersion {
  version: PythonVersion;
  /** Which interpreter decided it (its path or command), when one answered. */
  interpreter?: string;
  /** Set when the interpreter's version is not simulated, or none answered. */
  note?: string;
}

const ASK_VERSION = "import sys; print('%d.%d' % sys.version_info[:2])";
const answers = new Map<string, string | null>();

/** The interpreter's `major.minor`, or null when it does not run (missing, not Python, too slow). */
export function interpreterVersion(command: string): string | null {
  let answer = answers.get(command);
  if (answer === undefined) {
    const r = spawnSync(command, ['-c', ASK_VERSION], { encoding: 'utf8', timeout: 5000, windowsHide: true });
    const printed = r.status === 0 ? r.stdout.trim() : '';
    answer = /^\d+\.\d+$/.test(printed) ? printed : null;
    answers.set(command, answer);
  }
  return answer;
}

/** The version `auto` stands for: the first interpreter of `candidates` that answers decides. */
export function autoVersion(candidates: (string | undefined)[]): AutoVersion {
  for (const command of candidates) {
    if (!command) continue;
    const found = interpreterVersion(command);
    if (found === null) continue;
    if (isPythonVersion(found)) return { version: found, interpreter: command };
    return {
      version: DEFAULT_PYTHON_VERSION, interpreter: command,
      note: `the workspace's Python (${command}) is ${found}, which is not simulated (${PYTHON_VERSIONS.join(', ')}): ` +
        `simulating ${DEFAULT_PYTHON_VERSION}; set memoryLens.pythonVersion to choose`,
    };
  }
  return { version: DEFAULT_PYTHON_VERSION, note: `no Python interpreter answered: simulating ${DEFAULT_PYTHON_VERSION}` };
}
