// A child process holding one pyodide (CPython compiled to WebAssembly) that runs many programs through
// driver.py. Two pyodide versions cannot share a Node process (the second load picks up the first one's globals),
// hence one process per version: `node pyodideWorker.js 3.12`.
//
// Protocol, JSON lines: the worker first writes {ready: true, description} or {ready: false, error}; then, for each
// request line {source, filename} on stdin, one result line {stdout, stderr, exitCode} or {error}.
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { DRIVER_PY } from './paths';

/** The npm aliases of the pyodide releases (package.json devDependencies), by the CPython version inside. */
const PYODIDE_PACKAGES: Record<string, string> = {
  '3.12': 'pyodide-312',
  '3.13': 'pyodide-313',
  '3.14': 'pyodide-314',
};

// The little of pyodide's API used here; the three releases' own typings differ in details.
interface Pyodide {
  runPython(code: string): unknown;
  FS: { mkdirTree(dir: string): void; writeFile(file: string, data: string): void };
}
type LoadPyodide = (options: {
  indexURL: string;
  env?: Record<string, string>;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}) => Promise<Pyodide>;

function send(message: object): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

interface Loaded {
  /** e.g. "CPython 3.12.7 (pyodide 0.27.7)" */
  description: string;
  runProgram: (source: string, filename: string) => string;
}

async function load(version: string): Promise<Loaded> {
  const pkg = PYODIDE_PACKAGES[version];
  if (!pkg) throw new Error(`no pyodide package for CPython ${version}`);
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const { loadPyodide } = require(path.join(dir, 'pyodide.js')) as { loadPyodide: LoadPyodide };
  // Anything printed past driver.py's capture is a leak between programs: show it, never mix it into results.
  const stray = (line: string) => process.stderr.write(`[pyodide ${version}] ${line}\n`);
  const pyodide = await loadPyodide({
    indexURL: dir + path.sep,
    // Read when the interpreter starts, like a native PYTHONHASHSEED: str hashes are the same every run.
    env: { PYTHONHASHSEED: '0' },
    stdout: stray,
    stderr: stray,
  });
  // The driver writes each program as a file under /memlens_oracle/programs, the working directory.
  pyodide.FS.mkdirTree('/memlens_oracle/programs');
  pyodide.FS.writeFile('/memlens_oracle/memlens_oracle_driver.py', fs.readFileSync(DRIVER_PY, 'utf8'));
  const runProgram = pyodide.runPython(`
import os, sys
os.chdir('/memlens_oracle/programs')
sys.path.insert(0, '/memlens_oracle')
import memlens_oracle_driver
sys.path.remove('/memlens_oracle')
memlens_oracle_driver.run_program_json
`) as (source: string, filename: string) => string;
  const found = pyodide.runPython('import platform; platform.python_version()') as string;
  if (!found.startsWith(version + '.')) throw new Error(`${pkg} contains CPython ${found}, not ${version}`);
  const release = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { description: `CPython ${found} (pyodide ${release})`, runProgram };
}

async function main(): Promise<void> {
  const version = process.argv[2];
  let loaded: Loaded;
  try {
    loaded = await load(version);
  } catch (e) {
    send({ ready: false, error: String((e as Error).stack ?? e) });
    return;
  }
  send({ ready: true, description: loaded.description });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line) continue;
    try {
      const { source, filename } = JSON.parse(line) as { source: string; filename: string };
      process.stdout.write(loaded.runProgram(source, filename) + '\n');
    } catch (e) {
      send({ error: String((e as Error).stack ?? e) });
    }
  }
}

void main();
