// The VS Code activation suite as part of `npm test`: it passes, or reports itself skipped when this machine
// has no VS Code build or no display (see test/vscode/run.ts).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { test } from 'node:test';

test('the extension activates in VS Code and publishes diagnostics', { timeout: 600_000 }, (t) => {
  const runner = path.join(__dirname, 'vscode', 'run.js');
  const result = spawnSync(process.execPath, [runner], { encoding: 'utf8', timeout: 590_000 });
  const skipped = /^skipped: .*$/m.exec(result.stdout);
  assert.strictEqual(result.status, 0, `the runner failed:\n${result.stdout}\n${result.stderr}`);
  if (skipped) t.skip(skipped[0]);
});
