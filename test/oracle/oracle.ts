// Real CPython of each simulated version, run live (never cached: CPython is the judge, and a cache could go
// stale): 3.11 is the machine's python3, 3.12-3.14 are pyodide. See DESIGN.md, "CPython is the judge".
import type { PythonVersion } from '../../shared/versions';
import { startNativeOracle } from './native';
import { startPyodideOracle } from './pyodide';
import type { Oracle, OracleResult, Program } from './types';

export { OracleUnavailable, type OracleResult, type Program } from './types';

/** Started on first use and kept for the process (pyodide takes ~2 s to load); an unavailable one stays so. */
const oracles = new Map<PythonVersion, Promise<Oracle>>();

function oracleFor(version: PythonVersion): Promise<Oracle> {
  let oracle = oracles.get(version);
  if (!oracle) {
    oracle = version === '3.11' ? startNativeOracle(version) : startPyodideOracle(version);
    oracle.catch(() => undefined); // awaited by the callers; this only keeps an early rejection handled
    oracles.set(version, oracle);
  }
  return oracle;
}

/** "CPython 3.12.7 (pyodide 0.27.7)"; rejects with OracleUnavailable when that version cannot run here. */
export async function describeOracle(version: PythonVersion): Promise<string> {
  return (await oracleFor(version)).description;
}

/**
 * Runs each program under CPython `version` and returns what it printed and its exit code, by program name.
 * Rejects with OracleUnavailable when that version cannot run on this machine, with another error when the
 * oracle broke (a program that does not finish, a crashed worker).
 */
export async function runOracle(version: PythonVersion, programs: Program[]): Promise<Map<string, OracleResult>> {
  const oracle = await oracleFor(version);
  const results = new Map<string, OracleResult>();
  let index = 0;
  const lane = async (): Promise<void> => {
    while (index < programs.length) {
      const program = programs[index++];
      results.set(program.name, await oracle.run(program));
    }
  };
  await Promise.all(Array.from({ length: Math.min(oracle.concurrency, programs.length) }, lane));
  // Lanes finish in any order; callers read the map in the programs' order.
  return new Map(programs.map((p) => [p.name, results.get(p.name)!]));
}

/** Stops the pyodide worker processes; the next runOracle starts them again. */
export async function closeOracles(): Promise<void> {
  const started = [...oracles.values()];
  oracles.clear();
  for (const oracle of await Promise.allSettled(started)) {
    if (oracle.status === 'fulfilled') oracle.value.close();
  }
}
