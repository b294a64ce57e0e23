// long-lived-allocation on small programs: for each of its four shapes a program that shows it and ordinary
// programs that must stay quiet. Every program's simulated output is compared with python3's (CPython judges it).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { analyze, type Finding, type Fix } from '../shared/lens';
import type { PythonVersion } from '../shared/versions';

const HAVE_PYTHON = /^Python 3\./.test(spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout ?? '');

function python(source: string): string {
  const r = spawnSync('python3', ['-c', source], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

/** The long-lived findings of a program, after checking that it ran to its end and printed what python3 prints. */
function longLived(source: string, version: PythonVersion = '3.11'): Finding[] {
  // A budget in steps only: the wall clock of a shared machine must not change what is found.
  const report = analyze(source, { version, maxMillis: 600_000 });
  assert.strictEqual(report.run.stopped, undefined, `the run stopped early: ${JSON.stringify(report.run.stopped)}`);
  assert.strictEqual(report.run.exitCode, 0, report.run.stderr);
  if (HAVE_PYTHON) assert.strictEqual(report.run.stdout, python(source));
  return report.findings.filter((f) => f.code === 'long-lived-allocation');
}

function applyFix(source: string, fix: Fix): string {
  const lines = source.split('\n');
  // Edits from the end so earlier ranges stay valid.
  for (const e of [...fix.edits].reverse()) {
    const { start, end } = e.range;
    const head = lines.slice(0, start.line).join('\n') + (start.line ? '\n' : '') + (lines[start.line] ?? '').slice(0, start.character);
    const tail = (lines[end.line] ?? '').slice(end.character) + (end.line + 1 < lines.length ? '\n' + lines.slice(end.line + 1).join('\n') : '');
    source = head + e.newText + tail;
  }
  return source;
}

const line = (f: Finding): number => f.range.start.line + 1;

describe('long-lived-allocation', () => {
  before(async () => {
    await initNodeParser();
  });

  describe('a container that grows on every call and is never shrunk', () => {
    it('reports a module-level cache filled by every call of the function that alone reads it', () => {
      const found = longLived(`_cache = {}

def fetch(key):
    if key not in _cache:
        _cache[key] = 'value-' + str(key) * 4
    return _cache[key]

total = 0
for i in range(300):
    total += len(fetch(i))
print(total)
`);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      const f = found[0];
      assert.strictEqual(line(f), 5);
      assert.strictEqual(f.severity, 'warning');
      assert.match(f.message, /^`_cache` grows by 1 entry \(≈ \d+ bytes\) on every call of `fetch` and is never shrunk: 300 entries, [\d.]+ KiB at exit/);
      assert.strictEqual(f.related[0].range.start.line + 1, 1);
    });

    it('reports a registry grown through library code on the own line that called it', () => {
      const found = longLived(`import heapq

_pending = []

def schedule(t):
    heapq.heappush(_pending, (t * 7) % 1000)
    return t

n = 0
for i in range(200):
    n += schedule(i)
print(n)
`);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 6);
      assert.match(found[0].message, /^`_pending` grows by 1 entry .* on every call of `schedule` .* 200 entries/);
    });

    it('reports an attribute of a long-lived object grown by a method', () => {
      const found = longLived(`class Service:
    def __init__(self):
        self.seen = set()
        self.handled = 0

    def handle(self, request):
        self.seen.add(request * 3)
        self.handled += 1

service = Service()
for r in range(250):
    service.handle(r)
print(service.handled)
`);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 7);
      assert.match(found[0].message, /^`self\.seen` grows by 1 entry .* on every call of `Service\.handle` .* 250 entries/);
    });

    it('reports a log kept by a handler although other code looks one record up', () => {
      const found = longLived(`class Handler:
    def __init__(self):
        self.records = []

    def emit(self, message):
        self.records.append(message)

handler = Handler()
for i in range(300):
    handler.emit('item %d' % i)
print(handler.records[10])
`);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 6);
      assert.match(found[0].message, /^`self\.records` grows by 1 entry .* on every call of `Handler\.emit` .* 300 entries/);
    });

    it('stays quiet for a deque with maxlen, whose appends drop its oldest item', () => {
      assert.deepStrictEqual(longLived(`from collections import deque

class Window:
    def __init__(self):
        self.recent = deque(maxlen=5)

    def add(self, t):
        self.recent.append(t * 1000)

w = Window()
for i in range(300):
    w.add(i)
print(list(w.recent))
`), []);
    });

    it('stays quiet for a result list that other code reads afterwards', () => {
      assert.deepStrictEqual(longLived(`results = []

def record(x):
    results.append(x * x)

for i in range(300):
    record(i)
print(sum(results), len(results))
`), []);
    });

    it('stays quiet for a bounded cache that evicts', () => {
      assert.deepStrictEqual(longLived(`_cache = {}

def fetch(key):
    if key in _cache:
        return _cache[key]
    if len(_cache) >= 50:
        del _cache[next(iter(_cache))]
    _cache[key] = str(key) * 4
    return _cache[key]

total = 0
for i in range(300):
    total += len(fetch(i))
print(total)
`), []);
    });

    it('stays quiet for a small cache and for local lists built and dropped', () => {
      assert.deepStrictEqual(longLived(`_cache = {}

def fetch(key):
    if key not in _cache:
        _cache[key] = 'value-' + str(key) * 4
    return _cache[key]

def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out

total = 0
for i in range(300):
    total += len(fetch(i % 20)) + len(squares(4))
print(total)
`), []);
    });

    it('stays quiet for a module-level loop that builds its output', () => {
      assert.deepStrictEqual(longLived(`seen = set()
rows = []
for i in range(400):
    seen.add(i % 37)
    rows.append(str(i))
print(len(seen), len(rows))
`), []);
    });
  });

  describe('a large object kept long after its last use', () => {
    const moduleLevel = `data = list(range(20000))
peak = max(data)
acc = 0
for i in range(500):
    acc += i % 3
acc = acc + peak
print(acc)
`;

    it('reports a module-level list last used at line 2 and alive at exit, with a del fix python3 agrees with', () => {
      const found = longLived(moduleLevel);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      const f = found[0];
      assert.strictEqual(line(f), 1);
      assert.match(f.message, /^`data` \([\d.]+ KiB\) is last used at line 2 but kept [\d,]+ steps longer .*still alive at exit/);
      assert.deepStrictEqual(f.related.map((r) => r.range.start.line + 1), [2]);
      assert.strictEqual(f.fixes.length, 1);
      const fixed = applyFix(moduleLevel, f.fixes[0]);
      assert.strictEqual(fixed.split('\n')[2], 'del data');
      // The fixed program prints the same and is no longer reported.
      assert.deepStrictEqual(longLived(fixed), []);
      if (HAVE_PYTHON) assert.strictEqual(python(fixed), python(moduleLevel));
    });

    it('says nothing about the exit of a run its step budget cut short', () => {
      const report = analyze(moduleLevel, { version: '3.11', maxSteps: 2000, maxMillis: 600_000 });
      assert.ok(report.run.stopped, 'the budget should stop this run inside its loop');
      assert.deepStrictEqual(report.findings.filter((f) => f.code === 'long-lived-allocation'), []);
    });

    /** Work after the last use of a large local: enough executed lines and instructions to count as long. */
    const LONG_TAIL = `    count = 0
    for i in range(400):
        count += i % 7
    count = count * 2
    count = count + 1
    return total + count
`;

    it('reports a function local kept until the function returns, with a fix inside the function', () => {
      const source = `def summarize():
    data = [str(i) * 3 for i in range(5000)]
    total = sum(len(s) for s in data)
${LONG_TAIL}
print(summarize())
`;
      const found = longLived(source);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 2);
      assert.match(found[0].message, /last used at line 3 .* released when `summarize` returned/);
      const fixed = applyFix(source, found[0].fixes[0]);
      assert.strictEqual(fixed.split('\n')[3], '    del data');
      assert.deepStrictEqual(longLived(fixed), []);
    });

    it('sits on the statement binding the name that keeps it when a helper made it', () => {
      const source = `def load(n):
    return [str(i) * 3 for i in range(n)]

def main():
    rows = load(5000)
    total = sum(len(r) for r in rows)
${LONG_TAIL}
print(main())
`;
      const found = longLived(source);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 5);
      assert.deepStrictEqual(found[0].related.map((r) => [r.range.start.line + 1, r.message.replace(/ \(.*/, '')]),
        [[6, 'last used here'], [14, 'released here'], [2, 'allocated here']]);
      const fixed = applyFix(source, found[0].fixes[0]);
      assert.strictEqual(fixed.split('\n')[6], '    del rows');
      assert.deepStrictEqual(longLived(fixed), []);
      if (HAVE_PYTHON) assert.strictEqual(python(fixed), python(source));
    });

    it('offers no fix when the name is read again later (here by a function)', () => {
      const source = `data = list(range(20000))
peak = max(data)

def head():
    return data[0]

acc = 0
for i in range(500):
    acc += i % 3
print(acc + peak)
`;
      const found = longLived(source);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.deepStrictEqual(found[0].fixes, []);
    });

    it('stays quiet when the object is used until the end, deleted after use, or small', () => {
      assert.deepStrictEqual(longLived(`data = list(range(20000))
acc = 0
for i in range(500):
    acc += data[i] % 3
print(acc)
`), []);
      assert.deepStrictEqual(longLived(`data = list(range(20000))
peak = max(data)
del data
acc = 0
for i in range(500):
    acc += i % 3
print(acc + peak)
`), []);
      // The loop's iterator holds the list until the loop ends: that is the last use, not the GET_ITER.
      assert.deepStrictEqual(longLived(`data = [str(i) for i in range(5000)]
n = 0
for s in data:
    n += len(s)
print(n)
`), []);
      assert.deepStrictEqual(longLived(`data = list(range(200))
peak = max(data)
acc = 0
for i in range(500):
    acc += i % 3
print(acc + peak)
`), []);
    });
  });

  describe('functools caches on methods', () => {
    it('reports lru_cache on a method whose instances only the cache keeps', () => {
      const found = longLived(`import functools

class Shape:
    def __init__(self, n):
        self.n = n

    @functools.lru_cache(maxsize=None)
    def area(self, k):
        return self.n * k

def work(i):
    s = Shape(i)
    return s.area(2)

total = 0
for i in range(50):
    total += work(i)
print(total)
`);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(line(found[0]), 7);
      assert.match(found[0].message, /^the cache of `area` keeps every `self` it was called with alive: 50 `Shape` instances/);
    });

    it('reports functools.cache spelled from an import, with the default bounded lru_cache too', () => {
      const found = longLived(`from functools import cache, lru_cache

class Node:
    def __init__(self, v):
        self.v = v

    @cache
    def double(self):
        return self.v * 2

    @lru_cache
    def triple(self):
        return self.v * 3

t = 0
for i in range(30):
    n = Node(i)
    t += n.double() + n.triple()
print(t)
`);
      assert.deepStrictEqual(found.map(line), [7, 11], JSON.stringify(found));
      // The module's `n` still holds the last of the 30; both caches (the bounded one too) hold the other 29.
      assert.match(found[0].message, /the cache of `double` .* 29 `Node` instances/);
      assert.match(found[1].message, /the cache of `triple` .* 29 `Node` instances/);
    });

    it('stays quiet for one long-lived instance and for caches on plain functions', () => {
      assert.deepStrictEqual(longLived(`import functools

class Table:
    def __init__(self, n):
        self.n = n

    @functools.lru_cache(maxsize=None)
    def row(self, k):
        return self.n * k

t = Table(3)
print(sum(t.row(i % 5) for i in range(40)))
`), []);
      assert.deepStrictEqual(longLived(`from functools import lru_cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

class Point:
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)

print(fib(40), sum(Point(i).norm() for i in range(30)))
`), []);
    });
  });

  describe('a container still growing in the oldest generation', () => {
    const registry = `registry = []

def register(i):
    registry.append({'id': i})

for i in range(12000):
    register(i)
print(len(registry), max(r['id'] for r in registry))
`;
    for (const version of ['3.11', '3.14'] as const) {
      it(`reports the growing line as information (${version})`, () => {
        const found = longLived(registry, version);
        assert.strictEqual(found.length, 1, JSON.stringify(found));
        assert.strictEqual(line(found[0]), 4);
        assert.strictEqual(found[0].severity, 'information');
        const oldest = version === '3.14' ? 'the old space' : 'generation 2';
        assert.match(found[0].message, new RegExp(`^\`registry\` was moved to ${oldest} at step [\\d,]+ \\(line \\d+\\) and grew by [\\d,]+ entries here afterwards`));
      });
    }

    it('stays quiet for containers that stop growing, and for short-lived ones', () => {
      assert.deepStrictEqual(longLived(`table = [{'id': i} for i in range(200)]

def churn(i):
    row = {'id': i, 'twice': [i, i]}
    return len(row)

total = 0
for i in range(12000):
    total += churn(i)
print(total, len(table))
`), []);
      assert.deepStrictEqual(longLived(`total = 0
for i in range(12000):
    row = {'id': i}
    total += row['id']
print(total)
`), []);
    });
  });
});
