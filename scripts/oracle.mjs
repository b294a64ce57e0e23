// The interpreter against CPython, quickly (npm run oracle): builds, then runs only the oracle test, strict, with
// the first 40 lines of every difference.
//   npm run oracle -- refcount/ del_order/shutdown    only programs whose path contains one of these
//   npm run oracle -- --version 3.12                  only that version (repeatable)
//   npm run oracle -- --check-corpus                  checks the corpus instead: every program twice under each
//                                                     oracle must print the same, and lists version differences
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = [];
const versions = [];
let checkCorpus = false;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--version') versions.push(args[++i]);
  else if (args[i] === '--check-corpus') checkCorpus = true;
  else filters.push(args[i]);
}
const known = ['3.11', '3.12', '3.13', '3.14'];
for (const v of versions) {
  if (!known.includes(v)) {
    console.error(`npm run oracle: --version takes one of ${known.join(', ')}, not ${v ?? 'nothing'}`);
    process.exit(2);
  }
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (checkCorpus) {
  const require = createRequire(import.meta.url);
  const { checkCorpus: check } = require('../out/test/oracle/corpusCheck.js');
  const { loadCorpus } = require('../out/test/oracle/corpus.js');
  const { closeOracles } = require('../out/test/oracle/oracle.js');
  const ok = await check(loadCorpus(filters), versions.length ? versions : undefined);
  await closeOracles();
  process.exit(ok ? 0 : 1);
}

const env = {
  ...process.env,
  MEMLENS_ORACLE_FILTER: filters.join(','),
  MEMLENS_ORACLE_VERSION: versions.join(','),
  MEMLENS_ORACLE_STRICT: '1',
  MEMLENS_ORACLE_DIFF_LINES: '40',
};
const test = join(root, 'out', 'test', 'interpreter.oracle.test.js');
const run = spawnSync(process.execPath, ['--stack-size=6000', '--test-reporter=spec', test], { env, stdio: 'inherit' });
process.exit(run.status ?? 1);
