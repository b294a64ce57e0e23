// npm run bench: each program in bench/programs/ run by CPython (the machine's python3) and by the simulator,
// side by side in one run. Both must print the same; the table gives each time and the ratio, then the
// geometric mean. Then the simulator again with tracing on (what the language server runs): its time, the
// ratio traced/untraced and the trace's bytes per million steps. A measurement, not a test: nothing here
// fails on a slow machine. BENCH_TRACE=0 leaves the traced runs out.
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

/** Traced runs take longer: fewer of them (the best of BENCH_TRACE_RUNS, default 1). */
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 1);

function timeSimulator(source: string, file: string, trace = false): { ms: number; stdout: string; steps: number; bytes: number } {
  let best = Infinity;
  let stdout = '';
  let steps = 0;
  let bytes = 0;
  for (let i = 0; i < (trace ? TRACE_RUNS : RUNS); i++) {
    const t0 = process.hrtime.bigint();
    // No budgets: a benchmark measures the whole program.
    const r = runProgram(source, { version: '3.11', filename: file, maxSteps: Infinity, maxMillis: Infinity, trace });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    stdout = r.stdout;
    if (r.trace) {
      steps = r.trace.steps;
      bytes = r.trace.byteLength;
    }
  }
  return { ms: best, stdout, steps, bytes };
}

async function main(): Promise<void> {
  await initNodeParser();
  const traced = process.env.BENCH_TRACE !== '0';
  const rows: string[][] = [['program', 'CPython 3.11 (ms)', 'simulator (ms)', 'ratio', 'same output']];
  if (traced) rows[0].push('traced (ms)', 'traced/untraced', 'trace MB per M steps');
  const ratios: number[] = [];
  const traceRatios: number[] = [];
  for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort()) {
    const file = path.join(DIR, name);
    const source = fs.readFileSync(file, 'utf8');
    const cp = timeCPython(file);
    const sim = timeSimulator(source, file);
    const cpMs = cp.ms;
    const ratio = sim.ms / cpMs;
    ratios.push(ratio);
    const row = [name, cpMs.toFixed(0), sim.ms.toFixed(0), ratio.toFixed(2) + '×', cp.stdout === sim.stdout ? 'yes' : 'NO'];
    if (traced) {
      const tr = timeSimulator(source, file, true);
      const r = tr.ms / sim.ms;
      traceRatios.push(r);
      row.push(tr.ms.toFixed(0) + (tr.stdout === sim.stdout ? '' : ' (output differs)'), r.toFixed(2) + '×', (tr.bytes / tr.steps).toFixed(1));
    }
    rows.push(row);
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  console.log(`geometric mean of the ratios: ${geomean.toFixed(2)}× (best of ${RUNS} runs each; both sides parse, compile and run)`);
  if (traced) {
    const g = Math.exp(traceRatios.reduce((s, r) => s + Math.log(r), 0) / traceRatios.length);
    console.log(`tracing: geometric mean of traced/untraced ${g.toFixed(2)}× (best of ${TRACE_RUNS} traced runs each)`);
  }
}

void main();
