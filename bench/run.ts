// npm run bench: each program in bench/programs/ run by CPython (the machine's python3) and by the simulator,
// side by side in one run. Both must print the same; the table gives each time and the ratio, then the
// geometric mean. A measurement, not a test: nothing here fails on a slow machine.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { initNodeParser } from '../server/grammar';
import { runProgram } from '../shared/interpreter';

const DIR = path.join(__dirname, '..', '..', 'bench', 'programs');

/** The best of a few runs of each side (the least disturbed by whatever else the machine does). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** CPython times its own compile + exec of the program (no interpreter start-up in the figure). */
const TIMER = `import sys, time, io, contextlib
f = sys.argv[1]
src = open(f).read()
best, out = None, None
import gc
for _ in range(int(sys.argv[2])):
    gc.enable()
    gc.collect()  # each run starts from a clean heap, as the simulator's does
    buf = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(buf):
        exec(compile(src, f, 'exec'), {'__name__': '__main__'})
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
    out = buf.getvalue()
sys.stdout.write(repr(best * 1000) + '\\n' + out)`;

function timeCPython(file: string): { ms: number; stdout: string } {
  const text = execFileSync('python3', ['-c', TIMER, file, String(RUNS)], { encoding: 'utf8' });
  const nl = text.indexOf('\n');
  return { ms: Number(text.slice(0, nl)), stdout: text.slice(nl + 1) };
}

function timeSimulator(source: string, file: string): { ms: number; stdout: string } {
  let best = Infinity;
  let stdout = '';
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    // No budgets: a benchmark measures the whole program.
    stdout = runProgram(source, { version: '3.11', filename: file, maxSteps: Infinity, maxMillis: Infinity }).stdout;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: best, stdout };
}

async function main(): Promise<void> {
  await initNodeParser();
  const rows: string[][] = [['program', 'CPython 3.11 (ms)', 'simulator (ms)', 'ratio', 'same output']];
  const ratios: number[] = [];
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort()) {
    const file = path.join(DIR, name);
    const source = fs.readFileSync(file, 'utf8');
    const cp = timeCPython(file);
    const sim = timeSimulator(source, file);
    const cpMs = cp.ms;
    const ratio = sim.ms / cpMs;
    ratios.push(ratio);
    rows.push([name, cpMs.toFixed(0), sim.ms.toFixed(0), ratio.toFixed(2) + '×', cp.stdout === sim.stdout ? 'yes' : 'NO']);
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(`geometric mean of the ratios: ${geomean.toFixed(2)}× (best of ${RUNS} runs each; both sides parse, compile and run)`);
}

void main();
