// Runs every compiled *.test.js under out/test/ with Node's test runner. Node 20 cannot be given just the folder
// (it would also run every helper .js in a folder named "test") and takes no globs before Node 21.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tests = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'test');
const files = readdirSync(tests, { recursive: true })
  .filter((file) => file.endsWith('.test.js'))
  .sort()
  .map((file) => join(tests, file));
// Extra arguments go to the runner, e.g. `npm test -- --test-name-pattern=memlens`.
// The simulator runs Python calls on the JavaScript stack: give it room for CPython's recursion limit (the
// main thread's stack is 8 MB on Linux; V8's own limit is under 1 MB unless raised).
const run = spawnSync(process.execPath, ['--stack-size=6000', '--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
