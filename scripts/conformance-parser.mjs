// The full parser conformance walk over the standard library of the machine's python3 (npm run conformance:parser).
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { checkFiles, stdlibFiles, summary } = require('../out/test/conformance/parserConformance.js');

const files = process.argv.length > 2 ? process.argv.slice(2) : stdlibFiles();
const results = await checkFiles(files);
const failures = results.filter((r) => r.counted && (!r.identical || !r.linenosIdentical));
for (const f of failures.slice(0, Number(process.env.SHOW ?? 30))) {
  console.log(`✗ ${f.path}${f.identical ? ' (linenos differ)' : ''}\n      ${f.detail ?? ''}`);
}
console.log(summary(results));
process.exitCode = failures.length ? 1 : 0;
