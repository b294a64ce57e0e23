// What the CLI tests share: how a refusal looks.
import * as assert from 'assert';

export interface MemlensResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Exit status 2 and exactly one `memlens: ...` line on stderr, with no stack trace. */
export function assertRefused(result: MemlensResult): void {
  assert.strictEqual(result.status, 2, result.stderr);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  assert.strictEqual(lines.length, 1, result.stderr);
  assert.match(lines[0], /^memlens: /);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
  assert.strictEqual(result.stdout, '');
}
