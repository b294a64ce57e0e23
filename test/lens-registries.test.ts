// missing-weakref for containers that keep instances alive (shared/lens/registries.ts) and the edit helpers
// (shared/lens/fixes.ts). Each finding's line is marked in its program by a comment (`# store`, `# created`,
// `# released`); each fix is applied, the fixed program re-analyzed (the finding gone, the simulated output
// unchanged) and, when python3 is on PATH, run by CPython next to the original: both must print the same.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { runProgram } from '../shared/interpreter';
import { Ev, Trace } from '../shared/interpreter/trace';
import { parse, type Expr, type Stmt } from '../shared/parser';
import type { LensContext } from '../shared/lens/context';
import { importModule, renameConstructor, wrapExpression } from '../shared/lens/fixes';
import { analyze, type Finding, type TextEdit } from '../shared/lens';
import { registryAnalyzer } from '../shared/lens/registries';
import { Replay } from '../shared/lens/replay';

/** Applies LSP text edits (all against the original text, none overlapping) to a source. */
function applyEdits(source: string, edits: TextEdit[]): string {
  const lines = source.split('\n');
  const offset = (p: { line: number; character: number }): number => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const spans = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start || spans[i].start === spans[i - 1].start && spans[i].end === spans[i].start, 'edits overlap');
  let out = source;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const HAVE_PYTHON = python.status === 0 && /^Python 3\.11\./.test(python.stdout);

function cpython(source: string): string {
  const r = spawnSync('python3', ['-c', source], { encoding: 'utf8', timeout: 20_000 });
  assert.strictEqual(r.status, 0, r.stderr);
  return r.stdout;
}

function weakFindings(source: string): { findings: Finding[]; stdout: string } {
  const report = analyze(source, { version: '3.11' });
  assert.strictEqual(report.notSimulated, undefined);
  assert.strictEqual(report.run.exitCode, 0, report.run.stderr);
  return { findings: report.findings.filter((f) => f.code === 'missing-weakref'), stdout: report.run.stdout };
}

/** The 0-based line holding `# marker`. */
function lineOf(source: string, marker: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(`# ${marker}`));
  assert.ok(i >= 0, `no '# ${marker}' in the program`);
  return i;
}

const POSITIVE: { name: string; source: string; message: RegExp }[] = [
  {
    name: 'a dict of sessions by id, an index whose sessions the manager closed (WeakValueDictionary)',
    message: /self\.by_id keeps 2 Session instances alive until exit as dict values \(\d+ bytes/,
    source: `class Session:
    def __init__(self, sid):
        self.sid = sid
        self.data = [0] * 10


class Manager:
    def __init__(self):
        self.sessions = []
        self.by_id = {}  # created

    def open(self, sid):
        s = Session(sid)
        self.sessions.append(s)
        self.by_id[sid] = s  # store
        return s

    def close(self, s):
        self.sessions.remove(s)

    def find(self, sid):
        return self.by_id.get(sid)


m = Manager()
for i in range(3):
    m.open(i)
for s in list(m.sessions[:2]):
    m.close(s)
s = None  # released
print(m.find(2).sid, len(m.sessions), 2 in m.by_id)
`,
  },
  {
    name: 'notes keyed by widgets the program deleted (WeakKeyDictionary), the import after docstring, __future__ and imports',
    message: /notes keeps 1 Widget instance alive until exit as dict keys \(\d+ bytes.*WeakKeyDictionary would let it go/,
    source: `"""Widgets and the notes the app keeps about them."""
from __future__ import annotations

import sys

notes = {}  # created


class Widget:
    def __init__(self, name):
        self.name = name


def annotate(w, text):
    notes[w] = text  # store
    if w in notes:
        print(w.name, notes.get(w), len(notes))


w = Widget('a')
annotate(w, 'first')
del w  # released
print(len(sys.argv) >= 0)
`,
  },
  {
    name: 'a bus holding the bound methods of panels the program deleted (WeakMethod, the loop rewritten)',
    message: /self\.listeners keeps 2 Panel instances alive until exit through their bound methods \(\d+ bytes.*WeakMethod/,
    source: `class Bus:
    def __init__(self):
        self.listeners = []  # created

    def subscribe(self, callback):
        self.listeners.append(callback)  # store

    def unsubscribe(self, callback):
        self.listeners.remove(callback)

    def publish(self, event):
        for cb in list(self.listeners):
            cb(event)
        print(len(self.listeners), 'listeners')


class Panel:
    def __init__(self, bus, name, loud):
        self.name = name
        self.loud = loud
        self.seen = []
        bus.subscribe(self.on_event)

    def on_event(self, event):
        self.seen.append(event)
        if self.loud:
            print(self.name, 'got', event)


bus = Bus()
main = Panel(bus, 'main', True)
p = Panel(bus, 'left', False)
q = Panel(bus, 'right', False)
r = Panel(bus, 'extra', True)
bus.publish('start')
bus.unsubscribe(r.on_event)
bus.publish('again')
del p
q = None  # released
bus.publish('final')
print('done', main.seen)
`,
  },
  {
    name: 'a class-level set of observers whose owner list dropped them (WeakSet)',
    message: /observers keeps 2 Observer instances alive until exit as set members/,
    source: `import weakref


class Observer:
    def __init__(self, n):
        self.n = n


class Subject:
    observers = set()  # created

    def attach(self, o):
        self.observers.add(o)  # store

    def count(self):
        return len(self.observers)


subject = Subject()
owners = [Observer(i) for i in range(4)]
for o in owners:
    subject.attach(o)
print(subject.count())
owners.pop()
owners.pop()
o = None  # released
print(len(owners))
`,
  },
];

const NEGATIVE: { name: string; source: string }[] = [
  {
    name: 'a dict keyed by strings and ints that owns its users',
    source: `class User:
    def __init__(self, name):
        self.name = name

users = {}
for i in range(5):
    users['u%d' % i] = User('u%d' % i)
u = User('x')
users[1] = u
del u
print(len(users))
`,
  },
  {
    name: 'a registry and a list that own their instances from the start',
    source: `class User:
    def __init__(self, uid):
        self.uid = uid

registry = {}
for i in range(5):
    u = User(i)
    registry[i] = u
u = None
members = []
for i in range(3):
    members.append(User(i))
print(len(registry), len(members))
`,
  },
  {
    name: 'WeakKeyDictionary and WeakValueDictionary already used',
    source: `import weakref

class Node:
    pass

meta = weakref.WeakKeyDictionary()
index = weakref.WeakValueDictionary()
n = Node()
meta[n] = 'x'
index[1] = n
del n
print(len(meta), len(index))
`,
  },
  {
    name: 'a bus whose subscriber is a module-level object alive until exit anyway',
    source: `class Bus:
    def __init__(self):
        self.listeners = []
    def subscribe(self, cb):
        self.listeners.append(cb)
    def publish(self, e):
        for cb in self.listeners:
            cb(e)

class Logger:
    def log(self, e):
        print('log', e)

bus = Bus()
logger = Logger()
bus.subscribe(logger.log)
bus.publish(1)
print('end')
`,
  },
  {
    name: "a tree's own child lists, after the build's working list is freed and the root dropped",
    source: `import weakref

class Node:
    def __init__(self, parent=None):
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children = []
        if parent is not None:
            parent.children.append(self)

def build(depth):
    root = Node()
    level = [root]
    for _ in range(depth):
        level = [Node(p) for p in level for i in range(2)]
    return root

root = build(3)
leaf = root.children[0].children[1]
del root
print(len(leaf.children), leaf._parent())
`,
  },
  {
    name: 'a short-lived dict keyed by instances inside a function',
    source: `class Item:
    def __init__(self, v):
        self.v = v

def total(values):
    seen = {}
    items = [Item(v) for v in values]
    for it in items:
        seen[it] = it.v
    items.clear()
    return sum(seen.values())

print(total([1, 2, 3]))
`,
  },
  {
    name: 'keys that compare by value (__eq__, __hash__)',
    source: `class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))

names = {}
pts = [Point(1, 2), Point(3, 4)]
for p in pts:
    names[p] = 'p'
pts.clear()
p = None
print(names[Point(1, 2)])
`,
  },
  {
    name: 'a registry fed through enumerate(), whose result tuple lets go of each user (not an owner)',
    source: `class User:
    def __init__(self, n):
        self.n = n

registry = {}
for i, u in enumerate(User(n) for n in 'abc'):
    registry[i] = u
u = None
print(len(registry))
`,
  },
  {
    name: 'a subscriber that unsubscribes before it is dropped',
    source: `class Bus:
    def __init__(self):
        self.listeners = []
    def subscribe(self, cb):
        self.listeners.append(cb)
    def unsubscribe(self, cb):
        self.listeners.remove(cb)

class Panel:
    def __init__(self, bus):
        bus.subscribe(self.on_event)
    def on_event(self, e):
        print(e)

bus = Bus()
p = Panel(bus)
bus.unsubscribe(p.on_event)
del p
print(len(bus.listeners))
`,
  },
];

describe('lens: containers that keep instances alive (missing-weakref)', () => {
  before(async () => { await initNodeParser(); });

  for (const t of POSITIVE) {
    it(`finds and fixes: ${t.name}`, () => {
      const { findings, stdout } = weakFindings(t.source);
      assert.strictEqual(findings.length, 1, JSON.stringify(findings, null, 1));
      const f = findings[0];
      assert.match(f.message, t.message);
      assert.strictEqual(f.range.start.line, lineOf(t.source, 'store'));
      assert.strictEqual(f.severity, 'warning');
      assert.ok(!f.exploratory);
      const related = f.related.map((r) => r.range.start.line);
      assert.deepStrictEqual(related, [lineOf(t.source, 'created'), lineOf(t.source, 'released')]);
      assert.strictEqual(f.fixes.length, 1, 'a fix');
      const fixed = applyEdits(t.source, f.fixes[0].edits);
      assert.strictEqual(fixed.match(/^import weakref$/gm)?.length, 1, 'one import weakref:\n' + fixed);
      assert.strictEqual(parse(fixed).errors.length, 0, fixed);
      const after = weakFindings(fixed);
      assert.deepStrictEqual(after.findings, [], 'the finding is gone:\n' + fixed);
      assert.strictEqual(after.stdout, stdout, 'the fixed program prints the same');
      if (HAVE_PYTHON) {
        const expected = cpython(t.source);
        assert.strictEqual(stdout, expected, 'the simulation prints what CPython prints');
        assert.strictEqual(cpython(fixed), expected, 'CPython runs the fixed program identically');
      }
    });
  }

  for (const t of NEGATIVE) {
    it(`stays quiet: ${t.name}`, () => {
      const { findings, stdout } = weakFindings(t.source);
      assert.deepStrictEqual(findings, []);
      if (HAVE_PYTHON) assert.strictEqual(stdout, cpython(t.source));
    });
  }

  it('keeps the finding but offers no fix when the reads are too varied to rewrite', () => {
    const source = POSITIVE[2].source.replace(
      '        for cb in list(self.listeners):\n            cb(event)\n',
      '        [cb(event) for cb in self.listeners]\n',
    );
    assert.notStrictEqual(source, POSITIVE[2].source);
    const { findings } = weakFindings(source);
    assert.strictEqual(findings.length, 1);
    assert.deepStrictEqual(findings[0].fixes, []);
  });

  it('keeps the finding but drops the fix when the fixed program would print something else', () => {
    // The memo is counted after the batch: with weak keys it would count 0, not 3.
    const source = `class Shape:
    def __init__(self, n):
        self.n = n

memo = {}

def area(s):
    if s not in memo:
        memo[s] = s.n * s.n
    return memo[s]

def batch():
    shapes = [Shape(1), Shape(2), Shape(3)]
    return sum(area(s) for s in shapes)

print(batch())
print('memo entries:', len(memo))
`;
    const { findings } = weakFindings(source);
    assert.strictEqual(findings.length, 1, JSON.stringify(findings, null, 1));
    assert.match(findings[0].message, /memo keeps 3 Shape instances alive until exit as dict keys.*no quick fix: the program reads what it keeps/);
    assert.deepStrictEqual(findings[0].fixes, []);
    // Without the count the weak form prints the same: the fix is offered.
    const quiet = weakFindings(source.replace("print('memo entries:', len(memo))\n", ''));
    assert.strictEqual(quiet.findings.length, 1);
    assert.strictEqual(quiet.findings[0].fixes.length, 1);
  });

  it('counts a returning function and the list it made its instances into as owners letting go', () => {
    const source = `class Plugin:
    registry = {}
    def __init__(self, name):
        Plugin.registry[name] = self

class Handler:
    def on_event(self, e):
        return e

receivers = []

def session():
    plugins = [Plugin('a'), Plugin('b')]
    h = Handler()
    receivers.append(h.on_event)
    return len(plugins)

session()
print(len(receivers), sorted(Plugin.registry))
`;
    const { findings } = weakFindings(source);
    assert.deepStrictEqual(findings.map((f) => f.range.start.line + 1), [4, 15]);
    assert.match(findings[0].message, /registry keeps 2 Plugin instances alive until exit as dict values/);
    assert.match(findings[1].message, /receivers keeps 1 Handler instance alive until exit through their bound methods/);
    assert.deepStrictEqual(findings[1].related.map((r) => r.message), ['receivers is created here', '`h` went away when `session` returned']);
  });

  it('offers no weak-key fix when the value refers back to its key', () => {
    const source = `class Widget:
    pass

class Meta:
    def __init__(self, w):
        self.widget = w

meta = {}
w = Widget()
meta[w] = Meta(w)
del w
print(len(meta))
`;
    const { findings } = weakFindings(source);
    assert.strictEqual(findings.length, 1);
    assert.match(findings[0].message, /1 Widget instance alive until exit as dict keys.*refers back/);
    assert.deepStrictEqual(findings[0].fixes, []);
  });

  for (const version of ['3.12', '3.13', '3.14'] as const) {
    it(`finds the same under ${version}`, () => {
      for (const t of POSITIVE) {
        const findings = analyze(t.source, { version }).findings.filter((f) => f.code === 'missing-weakref');
        assert.strictEqual(findings.length, 1, t.name);
        assert.strictEqual(findings[0].range.start.line, lineOf(t.source, 'store'));
        assert.match(findings[0].message, t.message);
        assert.strictEqual(findings[0].fixes.length, 1);
      }
      for (const t of NEGATIVE) assert.deepStrictEqual(analyze(t.source, { version }).findings.filter((f) => f.code === 'missing-weakref'), [], t.name);
    });
  }

  it('marks a finding of an exploratory call', () => {
    const source = `class Bus:
    def __init__(self):
        self.listeners = []
    def subscribe(self, cb):
        self.listeners.append(cb)  # store

class Panel:
    def __init__(self, bus):
        bus.subscribe(self.on_event)
    def on_event(self, e):
        print(e)

bus = Bus()

def explored():
    p = Panel(bus)
    del p

explored()
`;
    const findings = analyzeExploring(source, 'explored');
    assert.strictEqual(findings.length, 1, JSON.stringify(findings, null, 1));
    assert.strictEqual(findings[0].exploratory, true);
    assert.strictEqual(findings[0].range.start.line, lineOf(source, 'store'));
    assert.match(findings[0].message, /keeps 1 Panel instance alive after explored returns.*exploratory call of explored/);
  });
});

/**
 * Runs the registry analyzer over a program's trace in which the call of `fn` (the program's last statement)
 * is turned into an exploratory call: the END event moves before its frame, EXPLORE events around it.
 */
function analyzeExploring(source: string, fn: string): Finding[] {
  const run = runProgram(source, { version: '3.11', trace: true });
  const old = run.trace!;
  const t = new Trace();
  Object.assign(t, {
    typeNames: old.typeNames, names: old.names, codes: old.codes, positions: old.positions,
    positionFiles: old.positionFiles, files: old.files, version: old.version, steps: old.steps,
  });
  const code = old.codes.findIndex((c) => c.qualname === fn);
  assert.ok(code >= 0);
  let step = 0;
  let pos = 0;
  let frame = -1;
  old.forEachFrom(old.start(), (kind, a, b, c, cursor) => {
    if (kind === Ev.STEP) { step = a; return; }
    if (kind === Ev.POS) { pos = cursor.pos ?? 0; return; }
    t.stepAt(step, pos);
    if (kind === Ev.FRAME && b === code && frame < 0) {
      frame = a;
      t.plain(Ev.END, 0, 0, 0);
      t.plain(Ev.EXPLORE, code + 1, 0, 0);
    }
    if (kind === Ev.END) return;
    if (kind === Ev.REF_ADD || kind === Ev.REF_DEL) t.ref(kind, a, b, c);
    else if (kind === Ev.COLLECT || kind === Ev.COLLECTED || kind === Ev.COLLECTED2 || kind === Ev.EXPLORE) t.plain(kind, a, b, c);
    else t.obj(kind, a, b, c);
    if (kind === Ev.FRAME_CLEAR && a === frame) t.plain(Ev.EXPLORE, 0, 0, 0);
  });
  assert.ok(frame >= 0, 'the call was traced');
  const parsed = parse(source);
  const ctx = { source, lines: source.split('\n'), module: parsed.module, version: '3.11', filename: 'main.py', run, trace: t } as LensContext;
  ctx.replay = new Replay(t);
  const analyzer = registryAnalyzer(ctx);
  ctx.replay.listen([analyzer.listener]);
  ctx.replay.run();
  return analyzer.findings();
}

describe('lens fixes: edits built from the syntax tree', () => {
  before(async () => { await initNodeParser(); });

  const importInto = (source: string): string => {
    const m = parse(source).module;
    const { edit } = importModule(m, source.split('\n'), 'weakref');
    return edit ? applyEdits(source, [edit]) : source;
  };

  it('adds import weakref after the docstring, the __future__ imports and the other imports', () => {
    assert.strictEqual(
      importInto('"""Doc."""\nfrom __future__ import annotations\nimport os\nfrom sys import argv\n\nx = 1\n'),
      '"""Doc."""\nfrom __future__ import annotations\nimport os\nfrom sys import argv\nimport weakref\n\nx = 1\n',
    );
    assert.strictEqual(importInto('"""Doc."""\nx = 1\n'), '"""Doc."""\nimport weakref\n\nx = 1\n');
    assert.strictEqual(importInto('# a comment\nx = 1\n'), '# a comment\nimport weakref\n\nx = 1\n');
    assert.strictEqual(importInto('import os'), 'import os\nimport weakref');
    assert.strictEqual(importInto(''), 'import weakref\n');
  });

  it('does not import weakref twice, and writes the alias an existing import gives', () => {
    const source = 'import os\n\ndef f():\n    pass\n\nimport weakref as wr\n';
    const r = importModule(parse(source).module, source.split('\n'), 'weakref');
    assert.strictEqual(r.edit, null);
    assert.strictEqual(r.local, 'wr');
  });

  it('turns a constructor into another and wraps an expression', () => {
    const source = 'a = {}\nb = dict()\nc = {1: 2}\nd = set()\ne = [x]\nf(cb)\n';
    const body = parse(source).module.body;
    const value = (i: number): Expr => (body[i] as Stmt & { _type: 'Assign' }).value;
    const lines = source.split('\n');
    const edits = [0, 1, 2, 3].flatMap((i) => renameConstructor(lines, value(i), 'weakref.W')!);
    edits.push(...renameConstructor(lines, value(4), 'L')!);
    const call = (body[5] as Stmt & { _type: 'Expr' }).value as Expr & { _type: 'Call' };
    edits.push(...wrapExpression(call.args[0], 'weakref.WeakMethod(', ')'));
    assert.strictEqual(
      applyEdits(source, edits),
      'a = weakref.W()\nb = weakref.W()\nc = weakref.W({1: 2})\nd = weakref.W()\ne = L([x])\nf(weakref.WeakMethod(cb))\n',
    );
  });
});
