// Exploratory calls (shared/interpreter/explore.ts): after the module ran, the functions and methods of the
// program's own file that never ran are called with made-up arguments, each between EXPLORE events, so that the
// lens sees what a library's code stores; the run's own output stays CPython's.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { runProgram, type RunOptions, type RunResult } from '../shared/interpreter';
import { Replay, type Edge } from '../shared/lens/replay';
import type { PythonVersion } from '../shared/versions';

const VERSIONS: PythonVersion[] = ['3.11', '3.12', '3.13', '3.14'];

/** A library: a class nobody instantiates whose method makes a child point back at its parent. */
const LIBRARY = `
class Tree:
    def __init__(self, name):
        self.name = name
        self.children = []

    def add(self, child):
        child.owner = self
        self.children.append(child)
        return child


def describe(tree: Tree) -> str:
    return tree.name


if __name__ == "__main__":
    print("library loaded")
`;

interface Window {
  qualname: string;
  /** Types of the objects the call allocated that a collection later found unreachable (cycles it made). */
  garbage: string[];
  /** The references stored while the call ran: [holder type, slot text, target type, line]. */
  stores: [string, string, string, number][];
  /** Steps the call took (its arguments included). */
  steps: number;
}

/** Runs source with the trace, and reads each exploratory call's window back with the lens's Replay. */
function explore(source: string, version: PythonVersion, options: Partial<RunOptions> = {}): { run: RunResult; windows: Window[] } {
  // verify: the recorder checks at every instruction that no container changed without the hook that reports it.
  // A generous clock: the machine running the tests may be busy (exploration gets half of what is left of it).
  const run = runProgram(source, {
    version, trace: true, explore: true, maxMillis: 60_000, traceProbe: { atStep: () => undefined, verify: true }, ...options,
  });
  assert.strictEqual(run.stopped, undefined);
  const trace = run.trace!;
  const replay = new Replay(trace);
  const windows: Window[] = [];
  let start = 0;
  const madeBy = new Map<number, Window>();
  const typeOf = (serial: number): string => replay.objects.get(serial)?.type ?? (replay.frames.has(serial) ? 'frame' : '?');
  replay.listen([{
    exploreStart(code) {
      windows.push({ qualname: trace.codes[code].qualname, garbage: [], stores: [], steps: 0 });
      start = replay.step;
    },
    alloc(o) {
      if (replay.exploring >= 0) madeBy.set(o.serial, windows[windows.length - 1]);
    },
    garbageFound(c) {
      for (const serial of c.garbage) madeBy.get(serial)?.garbage.push(typeOf(serial));
    },
    exploreEnd() {
      windows[windows.length - 1].steps = replay.step - start;
    },
    refAdd(e: Edge) {
      if (replay.exploring < 0) return;
      const at = replay.where(e.pos);
      if (at.own) windows[windows.length - 1].stores.push([typeOf(e.holder), replay.slotText(e.slot), typeOf(e.target), at.line]);
    },
  }]);
  replay.run();
  return { run, windows };
}

/** What CPython 3.11 prints for source, or null when python3 is not 3.11. */
function cpython(source: string): { stdout: string; status: number | null } | null {
  const version = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (!/^Python 3\.11\./.test(version.stdout ?? '')) return null;
  const r = spawnSync('python3', ['-'], { input: source, encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

describe('exploratory calls', () => {
  before(async () => {
    await initNodeParser();
  });

  for (const version of VERSIONS) {
    it(`${version}: a method of a class nobody instantiated is called, and the back-reference it stores is in its window`, () => {
      const { run, windows } = explore(LIBRARY, version);
      assert.strictEqual(run.stdout, 'library loaded\n');
      assert.strictEqual(run.stderr, '');
      assert.deepStrictEqual(windows.map((w) => w.qualname), ['Tree.__init__', 'Tree.add', 'describe']);
      assert.strictEqual(run.explored, 3);
      const add = windows[1];
      // The child (a placeholder: the parameter has no annotation) gets `owner` = the Tree at line 8, and the
      // Tree's list holds the child (line 9).
      const owner = add.stores.find(([, slot]) => slot === 'owner');
      assert.ok(owner, JSON.stringify(add.stores));
      assert.deepStrictEqual([owner[0], owner[2], owner[3]], ['Placeholder', 'Tree', 8]);
      assert.ok(add.stores.some(([holder, slot, target, line]) => holder === 'list' && slot === '[0]' && target === 'Placeholder' && line === 9));
      // Dropped after the call, the Tree and the child that point at each other were left to the collector.
      assert.ok(add.garbage.includes('Tree') && add.garbage.includes('Placeholder'), JSON.stringify(add.garbage));
      // describe(tree: Tree) got a Tree built by calling the class: its __init__ stored the name.
      assert.ok(windows[2].stores.some(([holder, slot, target, line]) => holder === 'Tree' && slot === 'name' && line === 4 && target === 'Placeholder'));
    });
  }

  it('an annotated parameter gets a value of its kind: a class of the program, Optional, a builtin', () => {
    const source = `
from typing import Optional

class Node:
    def __init__(self, label: str):
        self.label = label
        self.parent = None

    def attach(self, parent: Optional["Node"], weight: float, count: int, tags: list):
        self.parent = parent
        self.kinds = (type(parent).__name__, type(weight).__name__, type(count).__name__, type(tags).__name__)
`;
    const { windows } = explore(source, '3.11');
    const attach = windows.find((w) => w.qualname === 'Node.attach')!;
    assert.ok(attach.stores.some(([holder, slot, target]) => holder === 'Node' && slot === 'parent' && target === 'Node'));
    const kinds = attach.stores.find(([, slot]) => slot === 'kinds');
    assert.ok(kinds && kinds[2] === 'tuple');
  });

  it('what exploration prints is discarded: stdout and the exit status are a run\'s without it, and CPython\'s', () => {
    const source = `
import sys

class Noisy:
    def __init__(self, tag):
        self.tag = tag
        self.me = self          # a cycle: only the collector frees it

    def __del__(self):
        print("del", self.tag)

    def shout(self):
        print("shout", self.tag)
        print("to stderr", file=sys.stderr)

registry = {"a": Noisy("kept")}

def reset():
    global registry
    registry = {"b": Noisy("new")}   # the program's Noisy("kept") must still be there at shutdown

def leave():
    print("leaving")
    sys.exit(3)

n = Noisy("garbage")
del n
print("module done")
`;
    for (const version of VERSIONS) {
      const plain = runProgram(source, { version, maxMillis: 60_000 });
      const { run, windows } = explore(source, version);
      assert.deepStrictEqual(windows.map((w) => w.qualname), ['Noisy.shout', 'reset', 'leave'], version);
      assert.strictEqual(run.stdout, plain.stdout, version);
      assert.strictEqual(run.stderr, plain.stderr, version);
      assert.strictEqual(run.exitCode, plain.exitCode, version);
    }
    const real = cpython(source);
    if (real) {
      const run = runProgram(source, { version: '3.11', explore: true, maxMillis: 60_000 });
      assert.strictEqual(run.stdout, real.stdout);
      assert.strictEqual(run.exitCode, real.status);
    }
  });

  it('a function that raises with made-up arguments ends its own call only', () => {
    const source = `
def divide(x: int):
    return x / 0

def broken(thing):
    return thing + undefined_name

def fine(items: list):
    items.append(items)
    return items
`;
    const { run, windows } = explore(source, '3.12');
    assert.deepStrictEqual(windows.map((w) => w.qualname), ['divide', 'broken', 'fine']);
    assert.strictEqual(run.stderr, '');
    assert.strictEqual(run.exitCode, 0);
    assert.strictEqual(run.stopped, undefined);
    assert.ok(windows[2].stores.some(([holder, slot, target]) => holder === 'list' && slot === '[0]' && target === 'list'));
  });

  it('an endless loop is stopped by the per-call budget, and the functions after it are still explored', () => {
    const source = `
def spin():
    n = 0
    while True:
        n += 1

def endless_generator():
    while True:
        yield []

def after():
    box = []
    box.append(box)
`;
    const { run, windows } = explore(source, '3.13', { explore: { maxStepsPerCall: 3000 } });
    assert.deepStrictEqual(windows.map((w) => w.qualname), ['spin', 'endless_generator', 'after']);
    assert.strictEqual(run.stopped, undefined);
    assert.ok(windows[0].steps >= 3000 && windows[0].steps < 3100, String(windows[0].steps));
    assert.ok(windows[1].steps >= 3000 && windows[1].steps < 4100, String(windows[1].steps)); // then the generator closes
    assert.ok(windows[2].stores.some(([holder, slot, target, line]) => holder === 'list' && slot === '[0]' && target === 'list' && line === 13));
  });

  it('a recursion that made-up arguments send on forever stops after a few levels', () => {
    const source = `
def climb(node):
    node.seen = True
    return climb(node.parent)   # a placeholder's parent is another placeholder

def after():
    return 1
`;
    const { run, windows } = explore(source, '3.11');
    assert.deepStrictEqual(windows.map((w) => w.qualname), ['climb', 'after']);
    assert.strictEqual(run.stopped, undefined);
    // About 50 levels of a dozen instructions, then a RecursionError (1000 levels would take over 10,000 steps).
    assert.ok(windows[0].steps > 300 && windows[0].steps < 2000, String(windows[0].steps));
  });

  it('functions that ran, in the module or in an earlier exploratory call, are not explored again', () => {
    const source = `
class Cache:
    def __init__(self):
        self.items = {}

    def put(self, key, value):
        self.items[key] = value
        self.check()

    def check(self):
        return len(self.items)

    def unused(self):
        return self.items

def main():
    c = Cache()
    c.put("k", 1)

def explored_first():
    return helper_called_by_explored()

def helper_called_by_explored():
    return 1

main()
`;
    const { windows } = explore(source, '3.11');
    assert.deepStrictEqual(windows.map((w) => w.qualname), ['Cache.unused', 'explored_first']);
  });

  it('maxCalls bounds the calls', () => {
    const source = 'def a(): pass\ndef b(): pass\ndef c(): pass\n';
    const { run, windows } = explore(source, '3.11', { explore: { maxCalls: 2 } });
    assert.deepStrictEqual(windows.map((w) => w.qualname), ['a', 'b']);
    assert.strictEqual(run.explored, 2);
  });

  it('is off unless asked for', () => {
    const run = runProgram(LIBRARY, { version: '3.11', trace: true });
    const replay = new Replay(run.trace!);
    let explored = 0;
    replay.listen([{ exploreStart: () => explored++ }]);
    replay.run();
    assert.strictEqual(explored, 0);
    assert.strictEqual(run.explored, undefined);
  });
});
