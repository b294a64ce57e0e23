// The user's Python files as the CLI reads them: decoded with CPython's rules, within the size limit, or refused
// with one line saying why. Both `run` (one file) and `check` (many, in worker threads) read through here.
import * as fs from 'fs';
import { SourceDecodeError, decodeSource } from '../shared/parser';
import { MAX_SOURCE_BYTES } from './modules';

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
