// Where a simulated program's `import helper` finds helper: the program's own folder on disk, as `python3 FILE`
// would, with the editor's unsaved text of a file winning over what is saved (the language server passes it).
import * as fs from 'fs';
import * as path from 'path';
import { SourceDecodeError, decodeSource } from '../shared/parser';
import type { RunOptions } from '../shared/interpreter';

/** Larger files are not read as modules (the CLI refuses programs over the same size). */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/**
 * The program's own modules, read when the program imports them, searched as CPython's PathFinder and FileFinder
 * search sys.path[0] (the program's folder) and a package's __path__: in each folder, `name/__init__.py` (a
 * package), then `name.py`; a folder `name/` without `__init__.py` is a portion of a namespace package, made only
 * when no folder holds a module. A file that cannot be read as source is left to the simulator's other imports
 * (a module it does not model is opaque). `openFiles` maps a file's path to the text an editor holds for it.
 */
export function programModules(directory: string, openFiles: ReadonlyMap<string, string> = new Map()): RunOptions['findModule'] {
  const read = (filename: string) => {
    const open = openFiles.get(filename);
    if (open !== undefined) return { source: open, filename };
    const source = readModuleSource(filename);
    return source === undefined ? undefined : { source, filename };
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

/** A file's text as CPython decodes source, or undefined when it is missing, too large or not source. */
function readModuleSource(filename: string): string | undefined {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(filename);
    if (!stat.isFile() || stat.size > MAX_SOURCE_BYTES) return undefined;
    bytes = fs.readFileSync(filename);
  } catch {
    // Missing, unreadable, or gone since the stat: no module here.
    return undefined;
  }
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (error instanceof SourceDecodeError) return undefined;
    throw error;
  }
}
