// The programs that judge the interpreter: every .py file under test/corpus/, named by its path there
// (`refcount/locals.py`), which is also the file name their tracebacks show.
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS_DIR } from './paths';
import type { Program } from './types';

/** Programs in path order; with filters, only those whose name contains one of them. */
export function loadCorpus(filters: string[] = []): Program[] {
  return (fs.readdirSync(CORPUS_DIR, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((name) => name.endsWith('.py'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
    .map((name) => ({ name, source: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}
