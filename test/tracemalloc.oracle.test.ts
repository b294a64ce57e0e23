// tracemalloc's figures against real CPython 3.11 (the machine's 64-bit python3): the programs under
// test/corpus/tracemalloc/ print current and peak traced memory, snapshot statistics and differences; our
// simulated tracemalloc must give the same output with every number within 10% (tolerance.ts). Only 3.11: the
// pyodide builds of 3.12-3.14 are 32-bit, and 3.13/3.14 have no pymalloc. Prints its parity figure.
import * as assert from 'assert';
import { after, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { runProgram } from '../shared/interpreter';
import { TRACEMALLOC_FOLDER, loadCorpus } from './oracle/corpus';
import { knownDifferences } from './oracle/expectations';
import { OracleUnavailable, closeOracles, describeOracle, runOracle, type OracleResult } from './oracle/oracle';
import { TRACEMALLOC_TOLERANCE, differenceWithin } from './oracle/tolerance';

const SHOW_LINES = Number(process.env.MEMLENS_ORACLE_DIFF_LINES ?? 0);
const programs = loadCorpus([TRACEMALLOC_FOLDER]).filter((p) => p.name.startsWith(TRACEMALLOC_FOLDER));
const known = knownDifferences();
const summaries: string[] = [];

function ours(source: string, filename: string): OracleResult {
  try {
    // Snapshots run Lib/tracemalloc.py's loops over every trace in the simulator: a longer wall-clock budget than
    // memlens run's default, on a machine the oracles share.
    return runProgram(source, { version: '3.11', filename, maxMillis: 60_000 });
  } catch (e) {
    return { stdout: '', stderr: `runProgram threw: ${(e as Error).stack ?? e}`, exitCode: -1 };
  }
}

describe('tracemalloc figures against CPython 3.11', { timeout: 300_000 }, () => {
  after(async () => {
    await closeOracles();
    for (const line of summaries) console.log(line);
  });

  it('has at least 15 programs', () => assert.ok(programs.length >= 15, `${programs.length} tracemalloc programs`));

  it('gives CPython 3.11\'s figures within 10%', async (t) => {
    let cpython: Map<string, OracleResult>;
    try {
      cpython = await runOracle('3.11', programs);
    } catch (e) {
      if (!(e instanceof OracleUnavailable)) throw e;
      summaries.push(`tracemalloc vs CPython 3.11: oracle unavailable (${e.message})`);
      t.skip(`CPython 3.11 unavailable: ${e.message}`);
      return;
    }
    await initNodeParser();
    let within = 0;
    const differing: string[] = [];
    const knownHere: string[] = [];
    for (const program of programs) {
      const diff = differenceWithin(cpython.get(program.name)!, ours(program.source, program.name), TRACEMALLOC_TOLERANCE);
      if (diff === null) within++;
      else if (known[program.name]?.['3.11']) knownHere.push(program.name);
      else {
        differing.push(program.name);
        if (SHOW_LINES > 0) console.log(`✗ ${program.name}\n${diff.split('\n').slice(0, SHOW_LINES).join('\n')}\n`);
      }
    }
    summaries.push(
      `tracemalloc vs CPython 3.11: ${within}/${programs.length} within ${TRACEMALLOC_TOLERANCE * 100}%, ` +
        `${knownHere.length} known differences, ${differing.length} differ  [${await describeOracle('3.11')}]`,
    );
    assert.deepStrictEqual(differing, [], `tracemalloc programs outside ${TRACEMALLOC_TOLERANCE * 100}% of CPython 3.11`);
  });
});
