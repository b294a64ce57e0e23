// Checks the corpus itself, not the interpreter (`npm run oracle -- --check-corpus`): every program runs twice
// under each oracle and must print the same both times, or it cannot judge anything (in pyodide the second run
// follows the whole corpus in the same interpreter, so this also checks that programs are isolated). Also lists
// the programs whose output differs between versions: the version-dependent behaviour the simulator must
// reproduce.
import { PYTHON_VERSIONS, type PythonVersion } from '../../shared/versions';
import { OracleUnavailable, runOracle, type OracleResult, type Program } from './oracle';
import { SIZES_FOLDER } from './corpus';
import { lastLine } from './parity';

/** Output that cannot be reproduced: a memory address, or a file path of the machine. */
const UNSTABLE = / at 0x[0-9a-f]+|\/tmp\/|\/root\/|\/home\/|\/lib\/python/;

function same(a: OracleResult, b: OracleResult): boolean {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;
}

function shape(program: Program): string[] {
  const problems: string[] = [];
  const lines = program.source.trimEnd().split('\n');
  if (!lines[0].startsWith('# ')) problems.push('does not start with a one-line comment saying what it shows');
  if (lines.length < 10 || lines.length > 50) problems.push(`has ${lines.length} lines (10-50 wanted)`);
  // Sizes depend on the pointer width: only the sizes programs, run at the oracle's width, may print them.
  if (!program.name.startsWith(SIZES_FOLDER) && /getsizeof|__sizeof__/.test(program.source)) {
    problems.push(`prints sizes outside ${SIZES_FOLDER}`);
  }
  return problems;
}

export async function checkCorpus(programs: Program[], versions: readonly PythonVersion[] = PYTHON_VERSIONS) {
  const problems = new Map<string, string[]>(programs.map((p) => [p.name, shape(p)]));
  const byVersion = new Map<PythonVersion, Map<string, OracleResult>>();
  const seconds = new Map<PythonVersion, number>();
  for (const version of versions) {
    let first: Map<string, OracleResult>;
    try {
      const start = Date.now();
      first = await runOracle(version, programs);
      seconds.set(version, (Date.now() - start) / 1000);
    } catch (e) {
      if (!(e instanceof OracleUnavailable)) throw e;
      console.log(`${version}: unavailable (${e.message})`);
      continue;
    }
    const second = await runOracle(version, programs);
    byVersion.set(version, first);
    for (const p of programs) {
      const a = first.get(p.name)!;
      if (!same(a, second.get(p.name)!)) problems.get(p.name)!.push(`${version}: differs between two runs`);
      if (UNSTABLE.test(a.stdout + a.stderr)) problems.get(p.name)!.push(`${version}: prints an address or a path`);
    }
  }

  for (const [version, s] of seconds) {
    console.log(`${version}: first run of ${programs.length} programs ${s.toFixed(1)} s`);
  }
  const broken = [...problems].filter(([, list]) => list.length > 0);
  for (const [name, list] of broken) console.log(`✗ ${name}: ${list.join('; ')}`);

  console.log('\nPrograms whose output differs between versions:');
  for (const p of programs) {
    const groups = new Map<string, PythonVersion[]>();
    for (const [version, results] of byVersion) {
      const r = results.get(p.name)!;
      const key = JSON.stringify([r.stdout, lastLine(r.stderr), r.exitCode]); // what the parity test compares
      groups.set(key, [...(groups.get(key) ?? []), version]);
    }
    if (groups.size > 1) console.log(`  ${p.name}: ${[...groups.values()].map((g) => g.join('+')).join(' | ')}`);
  }
  return broken.length === 0;
}
