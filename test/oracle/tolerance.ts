// Compares outputs whose numbers may differ by a tolerance (the tracemalloc programs: CPython's own figures
// include allocations of the interpreter that the simulator does not make, so they match within 10%, not to the
// byte). Everything but the numbers must be identical; a whole number under 100 (a line number, a small count)
// must be exact; other numbers within `tolerance` of CPython's.
import { lastLine, lineDiff } from './parity';
import type { OracleResult } from './types';

export const TRACEMALLOC_TOLERANCE = 0.1;

const NUMBER = /-?\d+(?:\.\d+)?/g;

function numbersClose(cpython: string, ours: string, tolerance: number): boolean {
  const a = Number(cpython);
  const b = Number(ours);
  if (!cpython.includes('.') && Math.abs(a) < 100) return a === b;
  return Math.abs(a - b) <= tolerance * Math.abs(a);
}

/** null when the lines agree within the tolerance; otherwise the first line that does not. */
export function lineWithin(cpython: string, ours: string, tolerance: number): boolean {
  if (cpython.replace(NUMBER, '#') !== ours.replace(NUMBER, '#')) return false;
  const x = cpython.match(NUMBER) ?? [];
  const y = ours.match(NUMBER) ?? [];
  return x.every((n, i) => numbersClose(n, y[i], tolerance));
}

/** null when the runs agree (stdout within the tolerance, exit code and exception line exactly). */
export function differenceWithin(cpython: OracleResult, ours: OracleResult, tolerance: number): string | null {
  const parts: string[] = [];
  if (cpython.exitCode !== ours.exitCode) parts.push(`exit code: CPython ${cpython.exitCode}, ours ${ours.exitCode}`);
  if (lastLine(cpython.stderr) !== lastLine(ours.stderr)) {
    parts.push(`stderr last line:\n- ${lastLine(cpython.stderr)}\n+ ${lastLine(ours.stderr)}`);
  }
  const x = cpython.stdout.split('\n');
  const y = ours.stdout.split('\n');
  if (x.length !== y.length || x.some((line, i) => !lineWithin(line, y[i], tolerance))) {
    parts.push(`stdout (numbers within ${tolerance * 100}%):\n${lineDiff(cpython.stdout, ours.stdout)}`);
  }
  return parts.length ? parts.join('\n') : null;
}
