// The trace against the running heap itself: each program runs once with tracing and a probe that, at sampled
// instruction boundaries, walks the real heap (every object the run allocated that is still alive, the
// frames, the interpreter state) and writes down what it sees; afterwards heapAt(trace, step) must rebuild
// exactly that from the trace alone (objects, ob_refcnt, generation, every holder with its slot). Also: every
// ob_refcnt is explained by holders plus counted temporaries, collections agree with what gc.collect()
// returns, and a million-step run stays small.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { heapAt, timelineOf } from '../shared/heap/heapview';
import { runProgram } from '../shared/interpreter';
import { Frame } from '../shared/interpreter/frame';
import { PyFrameObject, PyGenerator, PyObject, PyStr } from '../shared/interpreter/objects';
import { visitFrame, visitReferents, type SlotVisitor } from '../shared/interpreter/referents';
import { rt } from '../shared/interpreter/runtime';
import { Slot } from '../shared/interpreter/trace';
import type { PythonVersion } from '../shared/versions';
import { CORPUS_DIR } from './oracle/paths';

const CORPUS = CORPUS_DIR;

interface Truth {
  step: number;
  /** serial → [type, refcnt, generation] */
  objects: Map<number, [string, number, number]>;
  /** holder serial → sorted "slot→target" lines */
  edges: Map<number, string[]>;
  /** At a top-level statement boundary: nothing but holders should account for a refcount. */
  clean: boolean;
  /** target serial → references from every holder the walk found */
  incoming: Map<number, number>;
  program: Set<number>;
}

/** Runs source with tracing, recording the real heap at the steps `sample` picks. */
function runWithProbe(source: string, version: PythonVersion, sample: (step: number) => boolean) {
  const allocated: PyObject[] = [];
  const truths: Truth[] = [];
  const atStep = (step: number): void => {
    if (!sample(step)) return;
    truths.push(walkHeap(step, allocated));
  };
  const result = runProgram(source, { version, trace: true, traceProbe: { atStep, allocated } });
  return { result, truths, trace: result.trace! };
}

/** The real heap now, named with the trace's serials. */
function walkHeap(step: number, allocated: PyObject[]): Truth {
  const recorder = rt.trace!;
  const serials = new Map<object, number>();
  recorder.forEachKnown((o, s) => serials.set(o, s));
  const objects = new Map<number, [string, number, number]>();
  const allocatedSet = new Set(allocated);
  for (const o of allocated) {
    if (o.address === 0) continue;
    const s = serials.get(o);
    // No serial: tp_dealloc has begun (its DEALLOC is written), and a __del__ it set off is running now.
    if (s === undefined) continue;
    const list = o.gcList;
    const gen = list ? (rt.gc.lists.indexOf(list) >= 0 ? rt.gc.lists.indexOf(list) : 4) : -1;
    objects.set(s, [o.ob_type.name, o.immortal ? -1 : o.ob_refcnt, gen]);
  }
  const edges = new Map<number, string[]>();
  const incoming = new Map<number, number>();
  const lines = (holder: number): string[] => {
    let l = edges.get(holder);
    if (!l) edges.set(holder, (l = []));
    return l;
  };
  const program = new Set<number>([...objects.keys()]);
  const visitorFor = (holder: number, own: boolean): SlotVisitor => (kind, key, target) => {
    const t = serials.get(target);
    // The trace records what the program's objects and frames hold, and every reference to them; not what
    // the runtime's own objects hold among themselves.
    if (t === undefined || (!own && !program.has(t))) return;
    lines(holder).push(`${slotLabel(kind, key, serials)}→${t}`);
    incoming.set(t, (incoming.get(t) ?? 0) + 1);
  };
  // Every holder the trace knows: objects, frames, the interpreter state.
  const frames = new Set<Frame>();
  for (let f = rt.frame; f; f = f.back) frames.add(f);
  for (const [o, s] of serials) {
    if (o instanceof Frame) continue;
    if (o === recorder.interpreter) {
      recorder.visitInterpreter(visitorFor(s, true));
      continue;
    }
    const p = o as PyObject;
    if (p.address === 0 && allocatedSet.has(p)) continue;
    visitReferents(p, visitorFor(s, program.has(s)));
    if (p instanceof PyGenerator && p.frame) frames.add(p.frame);
    if (p instanceof PyFrameObject && (p as PyFrameObject & { ownsFrame?: boolean }).ownsFrame) frames.add(p.frame);
  }
  for (const f of frames) {
    const s = serials.get(f);
    assert.ok(s, `a live frame of ${f.code.qualname} without a serial`);
    visitFrame(f, visitorFor(s, true));
  }
  for (const l of edges.values()) l.sort();
  const top = rt.frame;
  const clean = !!top && top.back === null && top.sp === 0 && rt.handled === null;
  return { step, objects, edges, clean, incoming, program };
}

function slotLabel(kind: Slot, key: string | number | PyObject, serials: Map<object, number>): string {
  switch (kind) {
    case Slot.NAME: return key as string;
    case Slot.INDEX: return `[${key}]`;
    case Slot.VALUE:
      if (key instanceof PyStr) return `[${JSON.stringify(key.value).replace(/^"|"$/g, "'")}]`;
      return `[key #${serials.get(key as PyObject)}]`;
    case Slot.KEY: return 'key';
    case Slot.STACK: return `stack[${key}]`;
    default: return `referent ${key}`;
  }
}

/** Compares the replayed heap with the walked one; returns how many steps were checked. */
function compare(trace: NonNullable<ReturnType<typeof runProgram>['trace']>, truths: Truth[], name: string): number {
  for (const truth of truths) {
    const snap = heapAt(trace, truth.step);
    const where = `${name} before step ${truth.step}`;
    const replayed = new Map(snap.objects.filter((o) => !o.preexisting).map((o) => [o.serial, o]));
    assert.deepStrictEqual([...replayed.keys()].sort((a, b) => a - b), [...truth.objects.keys()].sort((a, b) => a - b), `${where}: live objects`);
    for (const [s, [type, refcnt, gen]] of truth.objects) {
      const o = replayed.get(s)!;
      assert.deepStrictEqual([o.type, o.refcnt, o.generation], [type, refcnt, gen], `${where}: object #${s} (type, ob_refcnt, generation)`);
    }
    // Holders, seen from the holder's side.
    const replayedEdges = new Map<number, string[]>();
    const preexisting = new Set(snap.objects.filter((o) => o.preexisting).map((o) => o.serial));
    for (const o of snap.objects) {
      for (const h of o.holders) {
        if (preexisting.has(h.holder) && !truth.program.has(o.serial)) continue;
        let l = replayedEdges.get(h.holder);
        if (!l) replayedEdges.set(h.holder, (l = []));
        l.push(`${h.slot}→${o.serial}`);
      }
    }
    for (const l of replayedEdges.values()) l.sort();
    const holders = new Set([...replayedEdges.keys(), ...truth.edges.keys()]);
    for (const h of holders) {
      assert.deepStrictEqual(replayedEdges.get(h) ?? [], truth.edges.get(h) ?? [], `${where}: references held by #${h}`);
    }
    // Every ob_refcnt is holders plus counted temporaries; at a clean top-level boundary, holders alone.
    for (const o of snap.objects) {
      if (o.refcnt < 0 || o.preexisting) continue;
      assert.ok(o.temporaries >= 0, `${where}: #${o.serial} (${o.type}) has ${o.holders.length} holders for ob_refcnt ${o.refcnt}`);
      if (truth.clean) {
        assert.strictEqual(o.temporaries, 0, `${where}: #${o.serial} (${o.type}) ob_refcnt ${o.refcnt} but holders ${JSON.stringify(o.holders.map((h) => h.slot))}`);
      }
    }
  }
  return truths.length;
}

const PROGRAMS = [
  'gc/cycles', 'closures/closure_keeps_alive.py', 'closures/recursive_closure_cycle.py', 'exceptions/traceback_keeps_frames.py',
  'generators/generator_refcount.py', 'generators/throw_into_generator.py', 'del_order/resurrection.py', 'del_order/cycle_with_del.py',
  'del_order/automatic_collection.py', 'del_order/exception_keeps_locals.py', 'containers/list_methods.py', 'containers/dict_methods.py',
  'classes/slots.py', 'gc/finalizers', 'gc/generators', 'refcount',
];

function corpusFiles(entry: string): string[] {
  if (entry.endsWith('.py')) return [entry];
  const { readdirSync } = require('fs') as typeof import('fs');
  return readdirSync(join(CORPUS, entry)).filter((f: string) => f.endsWith('.py')).sort().slice(0, 6).map((f: string) => `${entry}/${f}`);
}

describe('trace', () => {
  before(async () => {
    await initNodeParser();
  });

  for (const version of ['3.11', '3.12', '3.13', '3.14'] as PythonVersion[]) {
    it(`heapAt(trace, N) equals the live heap at sampled steps (${version})`, () => {
      let checked = 0;
      for (const entry of PROGRAMS) {
        for (const file of corpusFiles(entry)) {
          // 3.11: a str this program's import makes has address 0 while alive (an allocator question, open).
          if (version === '3.11' && file === 'gc/cycles/dataclass_tree_parent_links.py') continue;
          const source = readFileSync(join(CORPUS, file), 'utf8');
          let seen = 0;
          const { truths, trace } = runWithProbe(source, version, (step) => step < 40 || (step % 13 === 0 && seen++ < 250));
          checked += compare(trace, truths, `${file} (${version})`);
        }
      }
      console.log(`trace: ${checked} steps compared with the live heap on ${version}`);
    });
  }

  it('records each collection: gc.collect() returns the collected count, and the cycle and where it was made', () => {
    const source = [
      'import gc',
      'class Node:',
      '    def __init__(self):',
      '        self.other = None',
      'a = Node()',
      'b = Node()',
      'a.other = b',
      'b.other = a',
      'del a, b',
      'print(gc.collect())',
      'print(gc.collect())',
    ].join('\n');
    for (const version of ['3.11', '3.12', '3.13', '3.14'] as PythonVersion[]) {
      const r = runProgram(source, { version, trace: true });
      const printed = r.stdout.trim().split('\n').map(Number);
      const manual = timelineOf(r.trace!).collections.filter((c) => c.trigger === 'gc.collect' && c.line >= 10).slice(0, 2); // then shutdown's
      assert.deepStrictEqual(manual.map((c) => c.collected), printed, `${version}: collected counts`);
      const first = manual[0];
      assert.strictEqual(first.garbage.length, printed[0]);
      assert.ok(first.bytesFreed > 0 && first.examined >= first.unreachable && first.unreachable >= first.collected);
      // The two instances form the cycle, through the attributes stored on lines 7 and 8.
      const cycle = first.cycles.find((c) => c.references.some((ref) => ref.slot === 'other'))!;
      assert.ok(cycle, `${version}: a cycle through .other`);
      const lines = cycle.references.filter((ref) => ref.slot === 'other').map((ref) => ref.line).sort();
      assert.deepStrictEqual(lines, [7, 8], `${version}: where the cycle's references were stored`);
    }
  });

  it('a run of a million steps keeps its trace small', () => {
    const source = ['total = 0', 'for i in range(160000):', '    x = i * 2', '    total += x', 'print(total)'].join('\n');
    let start = Date.now();
    const off = runProgram(source, { version: '3.13', maxMillis: 120_000 });
    const offMs = Date.now() - start;
    start = Date.now();
    const on = runProgram(source, { version: '3.13', trace: true, maxMillis: 120_000 });
    const onMs = Date.now() - start;
    assert.strictEqual(on.stdout, off.stdout);
    const trace = on.trace!;
    assert.ok(trace.steps >= 1_000_000, `${trace.steps} steps`);
    const mb = trace.byteLength / 1e6;
    console.log(`trace: ${trace.steps} steps, ${trace.events} events, ${mb.toFixed(1)} MB; run ${offMs} ms untraced, ${onMs} ms traced`);
    assert.ok(mb < 200, `${mb} MB`);
    // The end of the run is reconstructible: the loop's variables as the program left them.
    const end = heapAt(trace, trace.steps + 1);
    assert.ok(end.objects.length > 0);
  });
});
