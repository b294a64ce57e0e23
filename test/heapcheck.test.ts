// Reference counts against the references themselves: while each corpus program runs, no object may be referenced
// by more tracked objects (what tp_traverse visits) than its ob_refcnt says. Such an object is a reference
// dropped twice or never counted, and the cyclic collector would take it for garbage while it is alive (it once
// cleared a live module's dict that way). Checked every few lines of every program, on the oldest and the newest
// version.
import * as assert from 'assert';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { runProgram } from '../shared/interpreter';
import { excessReferences } from '../shared/interpreter/collector';
import { vmHooks } from '../shared/interpreter/vm';
import type { PythonVersion } from '../shared/versions';
import { loadCorpus } from './oracle/corpus';

/** Check once every this many new lines (a check walks the whole heap). */
const EVERY = 25;

describe('reference counts agree with the references', () => {
  before(async () => {
    await initNodeParser();
  });

  for (const version of ['3.11', '3.14'] as PythonVersion[]) {
    it(`no object has more holders than ob_refcnt (${version})`, () => {
      const problems: string[] = [];
      let checks = 0;
      const programs = loadCorpus();
      try {
        for (const { name, source } of programs) {
          let lines = 0;
          let found: string | null = null;
          vmHooks.onLine = (f, line) => {
            if (found !== null || ++lines % EVERY) return;
            checks++;
            const excess = excessReferences();
            if (excess.length) found = `${name}, ${f.code.qualname} line ${line}: ${excess[0]}`;
          };
          runProgram(source, { version, filename: name });
          if (found) problems.push(found);
        }
      } finally {
        vmHooks.onLine = null;
      }
      console.log(`reference counts (${version}): ${checks} heap checks over ${programs.length} programs, ${problems.length} with an object holding more references than its count`);
      assert.deepStrictEqual(problems, []);
    });
  }
});
