// The programs that judge the interpreter: every .py file under test/corpus/, named by its path there
// (`refcount/locals.py`), which is also the file name their tracebacks show.
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS_DIR } from './paths';
import type { PythonVersion } from '../../shared/versions';
import type { Program } from './types';

/** The folder of programs that print sizes (sys.getsizeof), which depend on the pointer width. */
export const SIZES_FOLDER = 'sizes/';

/**
 * The platform the simulator runs a program on to compare it with CPython `version`: the pyodide oracles of
 * 3.12-3.14 are 32-bit CPython, native 3.11 is 64-bit. Only the sizes programs depend on it; the others keep
 * the default (64-bit) so that nothing else changes.
 */
export function platformFor(name: string, version: PythonVersion): 'native64' | 'wasm32' {
  return name.startsWith(SIZES_FOLDER) && version !== '3.11' ? 'wasm32' : 'native64';
}

/** The folder of programs that print tracemalloc's figures: compared with native 3.11 only, numbers within
 *  TRACEMALLOC_TOLERANCE (tolerance.ts), in their own test (tracemalloc.oracle.test.ts). */
export const TRACEMALLOC_FOLDER = 'tracemalloc/';

/** Programs in path order; with filters, only those whose name contains one of them. */
export function loadCorpus(filters: string[] = []): Program[] {
  return (fs.readdirSync(CORPUS_DIR, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.py'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => ({ name, source: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}
