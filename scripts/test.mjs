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
const run = spawnSync(process.execPath, ['--test', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
