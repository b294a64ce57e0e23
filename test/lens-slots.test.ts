// slots-saving and materialized-once on small programs: for each a program that shows it, with its fix applied,
// re-analyzed and run again, and ordinary programs that must stay quiet. Every program's simulated output is
// compared with python3's (CPython judges it), before and after a fix.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { analyze, type Finding, type FindingCode } from '../shared/lens';
import { applyEdits, lineAfterEdits } from '../shared/lens/edits';
import type { PythonVersion } from '../shared/versions';

const HAVE_PYTHON = /^Python 3\./.test(spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout ?? '');

function python(source: string): string {
  const r = spawnSync('python3', ['-c', source], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

/** The findings of one code, after checking that the program ran to its end and printed what python3 prints. */
function found(code: FindingCode, source: string, version: PythonVersion = '3.11'): Finding[] {
  // A budget in steps only: the wall clock of a shared machine must not change what is found.
  const report = analyze(source, { version, maxMillis: 600_000 });
  assert.strictEqual(report.run.stopped, undefined, `the run stopped early: ${JSON.stringify(report.run.stopped)}`);
  assert.strictEqual(report.run.exitCode, 0, report.run.stderr);
  if (HAVE_PYTHON) assert.strictEqual(report.run.stdout, python(source));
  return report.findings.filter((f) => f.code === code);
}

/** Applies a finding's one fix; the fixed program must print the same under python3 and no longer show that finding. */
function checkFix(code: FindingCode, source: string, f: Finding, version: PythonVersion = '3.11'): string {
  assert.strictEqual(f.fixes.length, 1, JSON.stringify(f));
  const fixed = applyEdits(source, f.fixes[0].edits);
  assert.notStrictEqual(fixed, source);
  const moved = lineAfterEdits(f.range.start.line, f.fixes[0].edits);
  assert.deepStrictEqual(found(code, fixed, version).filter((g) => g.range.start.line === moved), []);
  if (HAVE_PYTHON) assert.strictEqual(python(fixed), python(source));
  return fixed;
}

const line = (f: Finding): number => f.range.start.line + 1;

describe('slots-saving', () => {
  before(async () => {
    await initNodeParser();
  });

  const points = `class Point:
    """A point in the plane."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


pts = [Point(i, -2 * i) for i in range(1500)]
print(sum(p.norm1() for p in pts))
`;

  for (const version of ['3.11', '3.12'] as PythonVersion[]) {
    it(`reports 1,500 live instances of a class with an instance dict, and adds __slots__ (${version})`, () => {
      const all = found('slots-saving', points, version);
      assert.strictEqual(all.length, 1, JSON.stringify(all));
      const f = all[0];
      assert.strictEqual(f.severity, 'information');
      assert.deepStrictEqual(f.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } });
      const m = /^`Point`: 1,500 instances alive at once \(line 12\), ([\d.]+) bytes each(?: on average)?; with `__slots__ = \('x', 'y'\)` each would take (\d+) bytes: ([\d.]+) KiB less at the peak$/.exec(f.message);
      assert.ok(m, f.message);
      // object head + 2 slots + the GC header: 16 + 16 + 16 on 64-bit, whatever the version.
      assert.strictEqual(Number(m[2]), 48);
      assert.ok(Number(m[1]) > 48);
      assert.ok(Math.abs(Number(m[3]) * 1024 - 1500 * (Number(m[1]) - 48)) < 1500 * 0.05 + 52, f.message);
      const fixed = checkFix('slots-saving', points, f, version);
      // After the docstring: the docstring stays the class's first statement.
      assert.strictEqual(fixed.split('\n')[2], "    __slots__ = ('x', 'y')");
    });
  }

  it('offers no fix when the program reads an instance dict', () => {
    const source = points.replace('print(sum(', 'print(sorted(vars(pts[0])))\nprint(sum(');
    const all = found('slots-saving', source);
    assert.strictEqual(all.length, 1, JSON.stringify(all));
    assert.deepStrictEqual(all[0].fixes, []);
  });

  it('is quiet on a class that has __slots__', () => {
    const source = points.replace('    """A point in the plane."""\n', "    __slots__ = ('x', 'y')\n");
    assert.deepStrictEqual(found('slots-saving', source), []);
  });

  it('is quiet when few instances are alive at once', () => {
    const source = points.replace('pts = [Point(i, -2 * i) for i in range(1500)]\nprint(sum(p.norm1() for p in pts))',
      'total = 0\nfor i in range(1500):\n    total += Point(i, -2 * i).norm1()\nprint(total)');
    assert.notStrictEqual(source, points);
    assert.deepStrictEqual(found('slots-saving', source), []);
  });
});

describe('materialized-once', () => {
  before(async () => {
    await initNodeParser();
  });

  const squares = `def total(n):
    squares = [i * i % 1000 for i in range(n)]
    return sum(squares)


def report(n):
    sizes = [i % 97 + 3 for i in range(n)]
    big = 0
    for s in sizes:
        if s > 90:
            big += 1
    return big


print(total(12000))
print(report(11000))
`;

  it('reports a list comprehension summed once, and a list looped over once, and makes them generators', () => {
    const all = found('materialized-once', squares);
    assert.deepStrictEqual(all.map(line), [2, 7], JSON.stringify(all));
    for (const f of all) assert.strictEqual(f.severity, 'information');
    assert.match(all[0].message, /^this list of 12,000 items \([\d.]+ KiB with the items only it holds\) is built in full only to be iterated once \(line 3\): a generator expression would keep only one item alive at a time$/);
    assert.match(all[1].message, /^this list of 11,000 items \([\d.]+ KiB with the items only it holds\) is built in full only to be iterated once \(line 9\)/);
    assert.deepStrictEqual(all[0].range, { start: { line: 1, character: 14 }, end: { line: 1, character: 46 } });
    const fixed = checkFix('materialized-once', squares, all[0]);
    assert.strictEqual(fixed.split('\n')[1], '    squares = (i * i % 1000 for i in range(n))');
    assert.deepStrictEqual(found('materialized-once', fixed).map(line), [7]);
    checkFix('materialized-once', squares, all[1]);
  });

  it('offers no fix when the one use sits in a loop (a generator would be empty on a second pass)', () => {
    const all = found('materialized-once', `def once(n):
    xs = [i % 7 for i in range(n)]
    done = False
    t = 0
    while not done:
        t += sum(xs)
        done = True
    return t


print(once(10000))
`);
    assert.deepStrictEqual(all.map(line), [2]);
    assert.deepStrictEqual(all[0].fixes, []);
  });

  it('is quiet on lists used twice: len()-ed or indexed as well as iterated', () => {
    const source = squares.replace('return sum(squares)', 'return sum(squares) // len(squares)').replace('for s in sizes:', 'for s in sizes[1:]:');
    assert.notStrictEqual(source, squares);
    assert.deepStrictEqual(found('materialized-once', source), []);
  });

  it('is quiet on small lists', () => {
    assert.deepStrictEqual(found('materialized-once', squares.replace('total(12000)', 'total(120)').replace('report(11000)', 'report(110)')), []);
  });
});
