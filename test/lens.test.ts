// The lens against its labelled corpus (test/lens/corpus/): realistic programs where a trailing comment
// `# expect: code[, code]` marks each line a finding must sit on. Every finding on another line (or with another
// code) is a false alarm. Recall, false alarms and failed quick fixes may not get worse than test/lens/floor.json
// (raised as the analyzers improve, never lowered). Each finding's first fix is applied and re-analyzed: the
// finding must be gone and the program must print the same. The corpus must also run exactly as CPython 3.11
// runs it (checked when python3 is 3.11), else the labels would judge a run that does not happen.
//
// MEMLENS_LENS_DETAILS=1 also prints every missed finding and false alarm.
import * as assert from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { analyze, type FindingCode, type LensReport } from '../shared/lens';
import { applyEdits, lineAfterEdits } from '../shared/lens/edits';

const LENS_DIR = path.join(__dirname, '..', '..', 'test', 'lens');
const CORPUS_DIR = path.join(LENS_DIR, 'corpus');
const FLOOR_FILE = path.join(LENS_DIR, 'floor.json');
const DETAILS = process.env.MEMLENS_LENS_DETAILS === '1';

const CODES: FindingCode[] = ['cycle-candidate', 'missing-weakref', 'long-lived-allocation', 'slots-saving', 'materialized-once'];

interface Floor {
  /** Percent of the labelled findings found (one decimal). */
  recall: number;
  falseAlarms: number;
  /** Quick fixes that left their finding in place or changed what the program prints. */
  fixFailures: number;
}

interface CorpusFile {
  name: string;
  source: string;
  /** `code:line` (1-based) of every label. */
  labels: Set<string>;
  /** Why the simulator's output differs from CPython's, if it does (header `# lens-corpus-known-difference:`). */
  knownDifference?: string;
}

function loadCorpus(): CorpusFile[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((name) => {
      const source = fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8');
      const labels = new Set<string>();
      source.split(/\r\n|\r|\n/).forEach((text, i) => {
        const m = /#\s*expect:\s*(.*)$/.exec(text);
        if (m) for (const code of m[1].split(',')) labels.add(`${code.trim()}:${i + 1}`);
      });
      const known = /^# lens-corpus-known-difference:\s*(.*)$/m.exec(source);
      return { name, source, labels, knownDifference: known?.[1] };
    });
}

// A generous wall-clock budget: the step budget (LENS_MAX_STEPS) bounds the runs the same on every machine, and
// a loaded machine must not cut a run short and change the findings.
function lens(source: string, filename: string): LensReport {
  return analyze(source, { version: '3.11', filename, maxMillis: 120_000 });
}

/** python3 when it is CPython 3.11, else undefined. */
function python311(): string | undefined {
  const probe = spawnSync('python3', ['-c', "import sys, platform; print('%d.%d' % sys.version_info[:2], platform.python_implementation())"], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === '3.11 CPython' ? 'python3' : undefined;
}

const corpus = loadCorpus();
const reports = new Map<string, LensReport>();
const summary: string[] = [];

describe('the lens on its labelled corpus', { timeout: 1_200_000 }, () => {
  before(async () => {
    await initNodeParser();
    for (const file of corpus) reports.set(file.name, lens(file.source, file.name));
  });

  after(() => {
    for (const line of summary) console.log(line);
  });

  it('has well-formed corpus files that the simulator runs to completion', () => {
    assert.ok(corpus.length >= 44, `only ${corpus.length} corpus files`);
    for (const file of corpus) {
      assert.match(file.source, /^# lens-corpus: \S/m, `${file.name}: no "# lens-corpus:" header`);
      for (const label of file.labels) {
        const code = label.slice(0, label.lastIndexOf(':'));
        assert.ok((CODES as string[]).includes(code), `${file.name}: unknown code in label ${label}`);
      }
      const report = reports.get(file.name)!;
      assert.strictEqual(report.notSimulated, undefined, `${file.name}: not simulated: ${report.notSimulated}`);
      assert.strictEqual(report.run.stopped, undefined, `${file.name}: stopped: ${report.run.stopped?.reason}`);
      assert.strictEqual(report.run.exitCode, 0, `${file.name}: exit ${report.run.exitCode}\n${report.run.stderr}`);
    }
  });

  it('finds the labelled findings without false alarms, not worse than the floor', () => {
    const rows = new Map(CODES.map((c) => [c, { expected: 0, found: 0, missed: 0, falseAlarms: 0 }]));
    const details: string[] = [];
    for (const file of corpus) {
      const found = new Set(reports.get(file.name)!.findings.map((f) => `${f.code}:${f.range.start.line + 1}`));
      for (const label of file.labels) {
        const row = rows.get(label.slice(0, label.lastIndexOf(':')) as FindingCode)!;
        row.expected++;
        if (found.has(label)) row.found++;
        else {
          row.missed++;
          details.push(`  missed       ${file.name}:${label.slice(label.lastIndexOf(':') + 1)} ${label.slice(0, label.lastIndexOf(':'))}`);
        }
      }
      for (const f of found) {
        if (file.labels.has(f)) continue;
        rows.get(f.slice(0, f.lastIndexOf(':')) as FindingCode)!.falseAlarms++;
        details.push(`  false alarm  ${file.name}:${f.slice(f.lastIndexOf(':') + 1)} ${f.slice(0, f.lastIndexOf(':'))}`);
      }
    }
    const total = { expected: 0, found: 0, missed: 0, falseAlarms: 0 };
    const pad = (s: string | number, n: number) => String(s).padStart(n);
    summary.push(`lens corpus: ${corpus.length} files, ${corpus.filter((f) => f.labels.size === 0).length} clean`);
    summary.push(`  ${'code'.padEnd(22)} ${pad('expected', 8)} ${pad('found', 6)} ${pad('missed', 6)} ${pad('false alarms', 12)}`);
    for (const [code, row] of rows) {
      summary.push(`  ${code.padEnd(22)} ${pad(row.expected, 8)} ${pad(row.found, 6)} ${pad(row.missed, 6)} ${pad(row.falseAlarms, 12)}`);
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += row[k];
    }
    summary.push(`  ${'total'.padEnd(22)} ${pad(total.expected, 8)} ${pad(total.found, 6)} ${pad(total.missed, 6)} ${pad(total.falseAlarms, 12)}`);
    const recall = Math.round((1000 * total.found) / total.expected) / 10;
    summary.push(`  recall ${recall}%, ${total.falseAlarms} false alarms`);
    if (DETAILS) summary.push(...details);

    const floor = JSON.parse(fs.readFileSync(FLOOR_FILE, 'utf8')) as Floor;
    assert.ok(recall >= floor.recall, `lens recall fell to ${recall}%, below the floor of ${floor.recall}% (test/lens/floor.json)`);
    assert.ok(
      total.falseAlarms <= floor.falseAlarms,
      `lens false alarms rose to ${total.falseAlarms}, above the floor of ${floor.falseAlarms} (test/lens/floor.json)`,
    );
    if (recall > floor.recall) summary.push(`  above the floor: raise test/lens/floor.json "recall" to ${recall}`);
    if (total.falseAlarms < floor.falseAlarms) summary.push(`  below the floor: lower test/lens/floor.json "falseAlarms" to ${total.falseAlarms}`);
  });

  it('applies each first quick fix: the finding goes and the output stays', () => {
    let tested = 0;
    const failures: string[] = [];
    for (const file of corpus) {
      const report = reports.get(file.name)!;
      for (const finding of report.findings) {
        if (!finding.fixes.length) continue;
        tested++;
        const where = `${file.name}:${finding.range.start.line + 1} ${finding.code} (${finding.fixes[0].title})`;
        const edits = finding.fixes[0].edits;
        let fixed: LensReport;
        try {
          fixed = lens(applyEdits(file.source, edits), file.name);
        } catch (e) {
          failures.push(`${where}: ${(e as Error).message}`);
          continue;
        }
        const line = lineAfterEdits(finding.range.start.line, edits);
        if (fixed.notSimulated || fixed.run.exitCode !== 0 || fixed.run.stopped) {
          failures.push(`${where}: the fixed program did not run to completion (${fixed.notSimulated ?? fixed.run.stderr.trim().split('\n').pop()})`);
        } else if (fixed.run.stdout !== report.run.stdout) {
          failures.push(`${where}: the fixed program prints something else`);
        } else if (fixed.findings.some((f) => f.code === finding.code && f.range.start.line === line)) {
          failures.push(`${where}: the finding is still there after the fix`);
        }
      }
    }
    summary.push(`  quick fixes: ${tested} tested, ${tested - failures.length} passed`);
    summary.push(...failures.map((f) => `  fix failed   ${f}`));
    const floor = JSON.parse(fs.readFileSync(FLOOR_FILE, 'utf8')) as Floor;
    assert.ok(
      failures.length <= floor.fixFailures,
      `${failures.length} quick fixes failed, above the floor of ${floor.fixFailures} (test/lens/floor.json):\n${failures.join('\n')}`,
    );
  });

  it('simulates each corpus program exactly as CPython 3.11 runs it', (t) => {
    const python = python311();
    if (!python) {
      t.skip('python3 is not CPython 3.11');
      return;
    }
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lens-corpus-'));
    try {
      const differing: string[] = [];
      for (const file of corpus) {
        if (file.knownDifference) continue;
        const real: SpawnSyncReturns<string> = spawnSync(python, [path.join(CORPUS_DIR, file.name)], {
          cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' },
        });
        assert.strictEqual(real.status, 0, `${file.name} fails under python3:\n${real.stderr}`);
        if (real.stdout !== reports.get(file.name)!.run.stdout) differing.push(file.name);
      }
      const known = corpus.filter((f) => f.knownDifference).map((f) => f.name);
      if (known.length) summary.push(`  known output differences (not compared): ${known.join(', ')}`);
      assert.deepStrictEqual(differing, [], `the simulator's output differs from CPython 3.11's for ${differing.join(', ')}`);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('applyEdits', () => {
  const source = 'class A:\n    def __init__(self, p):\n        self.p = p\n';
  it('applies edits given against the original text, in any order', () => {
    const edits = [
      { range: { start: { line: 2, character: 17 }, end: { line: 2, character: 18 } }, newText: 'weakref.ref(p)' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'import weakref\n' },
    ];
    assert.strictEqual(applyEdits(source, edits), 'import weakref\nclass A:\n    def __init__(self, p):\n        self.p = weakref.ref(p)\n');
    assert.strictEqual(lineAfterEdits(2, edits), 3);
    assert.strictEqual(lineAfterEdits(0, edits), 1);
  });
  it('keeps inserts at one position in their order and clamps past-the-end positions', () => {
    const at = { line: 0, character: 99 };
    const edits = [
      { range: { start: at, end: at }, newText: ' # a' },
      { range: { start: at, end: at }, newText: ' # b' },
    ];
    assert.strictEqual(applyEdits('x = 1\r\ny = 2', edits), 'x = 1 # a # b\r\ny = 2');
  });
  it('refuses overlapping edits', () => {
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: '' },
      { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, newText: '' },
    ];
    assert.throws(() => applyEdits('abcdef', edits), /overlaps/);
  });
  it('maps a line inside a replaced range to the range start', () => {
    const edits = [{ range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, newText: 'z\n' }];
    assert.strictEqual(lineAfterEdits(2, edits), 1);
    assert.strictEqual(lineAfterEdits(5, edits), 4);
  });
});
