// The interpreter against real CPython: every corpus program (test/corpus/) under every available version,
// stdout byte for byte, the exit code and the exception line. Known differences (test/corpus/
// KNOWN_DIFFERENCES.json) are counted apart, never as passes. Until the interpreter is complete the test asserts
// that parity did not fall below test/corpus/parity-floor.json; MEMLENS_ORACLE_STRICT=1 (npm run oracle) also
// fails on every difference that is not a known one.
//
// `npm run oracle -- [path filter...] [--version 3.12]` runs only this test and prints each difference.
import * as assert from 'assert';
import { after, before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { runProgram } from '../shared/interpreter';
import { PYTHON_VERSIONS, isPythonVersion, type PythonVersion } from '../shared/versions';
import { TRACEMALLOC_FOLDER, loadCorpus, platformFor } from './oracle/corpus';
import { knownDifferences, parityFloor } from './oracle/expectations';
import { OracleUnavailable, closeOracles, describeOracle, runOracle, type OracleResult } from './oracle/oracle';
import { difference } from './oracle/parity';

const filters = (process.env.MEMLENS_ORACLE_FILTER ?? '').split(',').filter(Boolean);
const versions = (process.env.MEMLENS_ORACLE_VERSION ?? '').split(',').filter(isPythonVersion);
const VERSIONS: readonly PythonVersion[] = versions.length ? versions : PYTHON_VERSIONS;
const STRICT = process.env.MEMLENS_ORACLE_STRICT === '1';
/** How many lines of each difference to print; 0 prints none (npm test). */
const SHOW_LINES = Number(process.env.MEMLENS_ORACLE_DIFF_LINES ?? 0);

// The tracemalloc programs are judged apart (numbers within 10%, 3.11 only): tracemalloc.oracle.test.ts.
const programs = loadCorpus(filters).filter((p) => !p.name.startsWith(TRACEMALLOC_FOLDER));
const known = knownDifferences();
const floor = parityFloor();
const summaries: string[] = [];

function ours(source: string, version: PythonVersion, filename: string): OracleResult {
  try {
    return runProgram(source, { version, filename, platform: platformFor(filename, version) });
  } catch (e) {
    return { stdout: '', stderr: `runProgram threw: ${(e as Error).stack ?? e}`, exitCode: -1 };
  }
}

describe('interpreter parity with CPython', { timeout: 600_000 }, () => {
  // All oracles start at once: pyodide takes ~2 s to load, and each version runs in its own process.
  const runs = new Map<PythonVersion, Promise<Map<string, OracleResult>>>();

  before(async () => {
    for (const version of VERSIONS) {
      const run = runOracle(version, programs);
      run.catch(() => undefined); // awaited by that version's test
      runs.set(version, run);
    }
    await initNodeParser();
    // Our simulator runs synchronously: let every oracle finish first, so its replies are not held up
    // (and its per-program timeouts not tripped) while we run.
    await Promise.allSettled(runs.values());
  });

  after(async () => {
    await closeOracles();
    for (const line of summaries) console.log(line);
  });

  for (const version of VERSIONS) {
    it(`runs the corpus like CPython ${version}`, async (t) => {
      let cpython: Map<string, OracleResult>;
      try {
        cpython = await runs.get(version)!;
      } catch (e) {
        if (!(e instanceof OracleUnavailable)) throw e;
        summaries.push(`interpreter parity vs CPython ${version}: oracle unavailable (${e.message})`);
        t.skip(`CPython ${version} unavailable: ${e.message}`);
        return;
      }

      let identical = 0;
      const knownHere: string[] = [];
      const stale: string[] = [];
      const differing: string[] = [];
      for (const program of programs) {
        const diff = difference(cpython.get(program.name)!, ours(program.source, version, program.name));
        const reason = known[program.name]?.[version];
        if (diff === null) {
          identical++;
          if (reason) stale.push(program.name);
        } else if (reason) {
          knownHere.push(program.name);
        } else {
          differing.push(program.name);
          if (SHOW_LINES > 0) {
            const lines = diff.split('\n');
            const cut = lines.length > SHOW_LINES ? `\n  … ${lines.length - SHOW_LINES} more lines` : '';
            console.log(`✗ ${program.name} (${version})\n${lines.slice(0, SHOW_LINES).join('\n')}${cut}\n`);
          }
        }
      }

      summaries.push(
        `interpreter parity vs CPython ${version}: ${identical}/${programs.length} identical, ` +
          `${knownHere.length} known differences, ${differing.length} differ  [${await describeOracle(version)}]`,
      );
      if (stale.length) summaries.push(`  now identical, remove from KNOWN_DIFFERENCES.json: ${stale.join(', ')}`);
      if (STRICT) {
        const names = differing.slice(0, 10).join(', ') + (differing.length > 10 ? ', …' : '');
        assert.strictEqual(
          differing.length,
          0,
          `${differing.length} programs differ from CPython ${version}: ${names}`,
        );
      }
      // The floor counts the whole corpus; a filtered run has nothing to hold it to.
      if (filters.length === 0) {
        assert.ok(
          identical >= floor[version],
          `parity vs CPython ${version} fell to ${identical}, below the floor of ${floor[version]} ` +
            `(test/corpus/parity-floor.json)`,
        );
        if (identical > floor[version]) {
          summaries.push(`  above the floor: raise parity-floor.json "${version}" to ${identical}`);
        }
      }
    });
  }
});
