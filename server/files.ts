// The user's Python files as the CLI reads them: a source file decoded with CPython's rules and size limit, and
// the program's own modules, found next to it when it imports them. Both `run` (one file) and `check` (many,
// in worker threads) read through here.
import * as fs from 'fs';
import * as path from 'path';
import { SourceDecodeError, decodeSource } from '../shared/parser';
import type { RunOptions } from '../shared/interpreter';

const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** A problem with what the user gave us: one line on stderr, exit status 2, no stack trace. */
export class UserError extends Error {}

export function readSource(file: string): string {
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

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The program's own modules, read when the program imports them, searched as CPython's PathFinder and FileFinder
 * search sys.path[0] (the program's folder) and a package's __path__: in each folder, `name/__init__.py` (a
 * package), then `name.py`; a folder `name/` without `__init__.py` is a portion of a namespace package, made only
 * when no folder holds a module. A file that cannot be read as source is left to the simulator's other imports
 * (a module it does not model is opaque).
 */
export function programModules(directory: string): RunOptions['findModule'] {
  const read = (filename: string) => {
    try {
      return { source: readSource(filename), filename };
    } catch (error) {
      if (error instanceof UserError) return undefined;
      throw error;
    }
  };
  const isFolder = (folder: string) => {
    try {
      return fs.statSync(folder).isDirectory();
    } catch {
      return false;
    }
  };
  return (name, searchPath) => {
    const last = name.slice(name.lastIndexOf('.') + 1);
    if (!/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(last)) return undefined;
    const portions: string[] = [];
    for (const folder of searchPath ?? [directory]) {
      const sub = path.join(folder, last);
      const packageFolder = isFolder(sub);
      if (packageFolder) {
        const init = read(path.join(sub, '__init__.py'));
        if (init) return { ...init, path: [sub] };
      }
      const file = read(path.join(folder, `${last}.py`));
      if (file) return file;
      if (packageFolder) portions.push(sub);
    }
    return portions.length ? { source: '', filename: portions[0], path: portions, namespace: true } : undefined;
  };
}

