// Compares what the simulator printed with what CPython printed: stdout byte for byte, the exit code, and the
// last line of stderr (the exception line; the traceback above it is not compared).
import type { OracleResult } from './types';

export function lastLine(text: string): string {
  const lines = text.trimEnd().split('\n');
  return lines[lines.length - 1];
}

/** null when the runs agree; otherwise what differs, CPython's side marked `-`, ours `+`. */
export function difference(cpython: OracleResult, ours: OracleResult): string | null {
  const parts: string[] = [];
  if (cpython.exitCode !== ours.exitCode) parts.push(`exit code: CPython ${cpython.exitCode}, ours ${ours.exitCode}`);
  if (lastLine(cpython.stderr) !== lastLine(ours.stderr)) {
    parts.push(`stderr last line:\n- ${lastLine(cpython.stderr)}\n+ ${lastLine(ours.stderr)}`);
  }
  if (cpython.stdout !== ours.stdout) parts.push(`stdout:\n${lineDiff(cpython.stdout, ours.stdout)}`);
  return parts.length ? parts.join('\n') : null;
}

/** A line diff (longest common subsequence); outputs here are short. */
export function lineDiff(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const common: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      common[i][j] = x[i] === y[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      out.push(`  ${x[i]}`);
      i++;
      j++;
    } else if (j < y.length && (i === x.length || common[i][j + 1] >= common[i + 1][j])) {
      out.push(`+ ${y[j++]}`);
    } else {
      out.push(`- ${x[i++]}`);
    }
  }
  return out.join('\n');
}
