// The allocator model (pymalloc's pools and arenas) and the memory timeline. The allocator is checked by its own
// invariants after every step of a long pseudo-random run, and by the reuse orders obmalloc.c prescribes; the
// timeline is checked against sums taken directly over the trace's ALLOC, RESIZE and DEALLOC events and against
// the live heap, never against numbers typed here.
import * as assert from 'assert';
import { before, describe, it } from 'node:test';
import { initNodeParser } from '../server/grammar';
import { bytesAt, memoryTimeline, statisticsByLine } from '../shared/heap/timeline';
import { timelineOf } from '../shared/heap/heapview';
import { runProgram } from '../shared/interpreter';
import { Allocator, SMALL_REQUEST_THRESHOLD } from '../shared/interpreter/allocator';
import { objectRequest } from '../shared/interpreter/footprint';
import type { PyObject } from '../shared/interpreter/objects';
import { Ev, type Trace } from '../shared/interpreter/trace';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkInvariants(a: Allocator, live: Map<number, number>): void {
  const stats = a.stats();
  let small = 0;
  let smallBytes = 0;
  for (const size of live.values()) {
    if (size <= SMALL_REQUEST_THRESHOLD) {
      small++;
      smallBytes += a.blockSize(size);
    }
  }
  assert.strictEqual(stats.blocks, small, 'blocks in pools = live small requests');
  assert.strictEqual(stats.blockBytes, smallBytes);
  assert.strictEqual(a.allocatedBlocks, live.size);
  let inUse = 0;
  for (const size of live.values()) inUse += a.blockSize(size);
  assert.strictEqual(a.inUse, inUse);
  for (const arena of a.view()) {
    const used = arena.pools.length;
    assert.ok(arena.nfreepools + used <= arena.ntotalpools, 'free pools + used pools fit the arena');
    for (const p of arena.pools) assert.ok(p.used > 0 && p.used <= p.capacity);
  }
  const order = a.usableArenaOrder();
  for (let i = 1; i < order.length; i++) {
    assert.ok(order[i - 1].nfreepools <= order[i].nfreepools, 'usable_arenas sorted by nfreepools');
  }
}

describe('allocator (pymalloc model)', () => {
  it('keeps its accounting through a long random run, and blocks never overlap', () => {
    for (const ptr of [8, 4]) {
      const a = new Allocator(ptr);
      const rand = prng(ptr);
      const live = new Map<number, number>();
      for (let i = 0; i < 20000; i++) {
        if (live.size && rand() < 0.45) {
          const keys = [...live.keys()];
          const at = keys[Math.floor(rand() * keys.length)];
          a.freeBlock(at, live.get(at)!);
          live.delete(at);
        } else {
          const size = rand() < 0.03 ? 600 + Math.floor(rand() * 4000) : 1 + Math.floor(rand() * SMALL_REQUEST_THRESHOLD);
          const at = a.malloc(size);
          assert.ok(!live.has(at), 'a live address handed out twice');
          live.set(at, size);
        }
        if (i % 997 === 0) checkInvariants(a, live);
      }
      const spans = [...live.entries()].map(([at, size]) => [at, at + a.blockSize(size)]).sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1][1] <= spans[i][0], 'blocks overlap');
      for (const [at, size] of live) a.freeBlock(at, size);
      checkInvariants(a, new Map());
      assert.strictEqual(a.view().length, 1, 'every arena but the last usable one is freed');
    }
  });

  it('hands out the block freed last first (a pool\'s freeblock list is LIFO)', () => {
    const a = new Allocator(8);
    const x = a.malloc(40);
    const y = a.malloc(40);
    a.malloc(40);
    a.freeBlock(x, 40);
    a.freeBlock(y, 40);
    assert.strictEqual(a.malloc(48), y);
    assert.strictEqual(a.malloc(33), x);
  });

  it('serves a size class from the first pool of usedpools, where a pool that stops being full goes', () => {
    const a = new Allocator(8);
    const size = 512;
    const first: number[] = [];
    // Fill one pool exactly, then start a second.
    const perPool = Math.floor((a.layout.poolSize - a.layout.poolOverhead) / size);
    for (let i = 0; i < perPool; i++) first.push(a.malloc(size));
    const second = a.malloc(size);
    assert.notStrictEqual(second - (second % a.layout.poolSize), first[0] - (first[0] % a.layout.poolSize));
    a.freeBlock(first[3], size); // the full pool gets a free block: it goes to the front
    assert.strictEqual(a.malloc(size), first[3]);
  });

  it('gives an emptied pool back to its arena, which another size class then reuses', () => {
    const a = new Allocator(8);
    const p = a.malloc(16);
    a.freeBlock(p, 16);
    const q = a.malloc(256);
    assert.strictEqual(q - (q % a.layout.poolSize), p - (p % a.layout.poolSize));
  });

  it('frees an arena whose pools are all empty unless it is the last usable one', () => {
    const a = new Allocator(8);
    const perArena = (a.layout.arenaSize / a.layout.poolSize) * Math.floor((a.layout.poolSize - a.layout.poolOverhead) / 512);
    const blocks: number[] = [];
    for (let i = 0; i < perArena + 1; i++) blocks.push(a.malloc(512));
    assert.strictEqual(a.view().length, 2);
    for (const b of blocks.slice(0, perArena)) a.freeBlock(b, 512);
    assert.strictEqual(a.view().length, 1, 'the first arena, all empty, is freed');
    a.freeBlock(blocks[perArena], 512);
    assert.strictEqual(a.view().length, 1, 'the last usable arena stays');
  });

  it('keeps a reallocated block in place when the new size still fills most of its class', () => {
    const a = new Allocator(8);
    const p = a.malloc(100);
    assert.strictEqual(a.realloc(p, 100, 110), p);
    assert.notStrictEqual(a.realloc(p, 110, 40), p);
  });
});

const PROGRAM = `
a = [None] * 1000
b = {i: str(i) for i in range(300)}
del a
c = set(range(500))
s = "x" * 5000
b.clear()
d = bytearray(b"abc") * 100
`;

/** The bytes in use by the trace's events alone, after the last event. */
function eventSums(trace: Trace): { total: number; allocations: number } {
  const objects = new Map<number, number>();
  const buffers = new Map<number, number>();
  let allocations = 0;
  trace.forEach((kind, a, b, c) => {
    if (kind === Ev.ALLOC) {
      objects.set(a, c);
      allocations++;
    } else if (kind === Ev.RESIZE) {
      if (b) {
        buffers.set(a, b);
        allocations++;
      } else buffers.delete(a);
    } else if (kind === Ev.DEALLOC) {
      objects.delete(a);
      buffers.delete(a);
    }
  });
  let total = 0;
  for (const v of objects.values()) total += v;
  for (const v of buffers.values()) total += v;
  return { total, allocations };
}

describe('memory timeline', () => {
  before(() => initNodeParser());

  for (const version of ['3.11', '3.13'] as const) {
    it(`agrees with the trace's own sums and the live heap (${version})`, () => {
      const allocated: PyObject[] = [];
      const live: { step: number; objects: number }[] = [];
      const atStep = (step: number): void => {
        let objects = 0;
        for (const o of allocated) if (o.address !== 0) objects += objectRequest(o);
        live.push({ step, objects });
      };
      const { trace } = runProgram(PROGRAM, { version, trace: true, traceProbe: { atStep, allocated } });
      const t = memoryTimeline(trace!);
      assert.strictEqual(timelineOf(trace!).memory.final, t.final);
      const sums = eventSums(trace!);
      assert.strictEqual(t.final, sums.total);
      // Per line: what was added less what was released is what is left.
      const net = t.lines.reduce((n, l) => n + l.added - l.released, 0);
      assert.strictEqual(net, t.final);
      assert.strictEqual(t.lines.reduce((n, l) => n + l.allocations, 0), sums.allocations);
      // The peak is the largest total, at the step the timeline says.
      assert.strictEqual(t.peak.bytes, Math.max(...t.bytes));
      assert.strictEqual(bytesAt(t, t.peak.step), t.peak.bytes);
      assert.ok(t.peak.bytes >= 8000, 'the 1000-slot list was in use at once');
      // statistics by line: the live blocks add up to what is in use.
      const stats = statisticsByLine(trace!);
      assert.strictEqual(stats.reduce((n, s) => n + s.size, 0), t.final);
      // The live objects' own requests, at every probed step, are what heapAt's objects say they asked for.
      const timeline = timelineOf(trace!);
      for (const probe of live.filter((_, i) => i % 50 === 0)) {
        const heap = timeline.heapAt(probe.step);
        assert.strictEqual(heap.objects.reduce((n, o) => n + o.size, 0), probe.objects, `step ${probe.step}`);
      }
    });
  }
});

describe('memory timeline across files', () => {
  before(() => initNodeParser());

  // Line 2 of both files allocates: the module's list of 1000 slots and the program's list of 10. Keyed by line
  // alone they would fall together.
  const MAIN = 'import helper\nsmall = [1] * 10\nbig = helper.make(1000)\n';
  const HELPER = 'def make(n):\n    return [0] * n\n';
  const findModule = (name: string) => (name === 'helper' ? { source: HELPER, filename: 'helper.py' } : undefined);

  it('keys lines by file and line, and names the file', () => {
    const { trace } = runProgram(MAIN, { version: '3.13', filename: 'main.py', trace: true, findModule });
    const t = memoryTimeline(trace!);
    const at = (filename: string, line: number) => t.lines.find((l) => l.filename === filename && l.line === line);
    const helperLine = at('helper.py', 2);
    const mainLine = at('main.py', 2);
    assert.ok(helperLine && mainLine, 'both line 2s have their own entry');
    assert.notStrictEqual(helperLine!.file, mainLine!.file);
    assert.strictEqual(mainLine!.file, 0, 'file 0 is the program');
    assert.strictEqual(trace!.files[helperLine!.file], 'helper.py');
    // The 1000-slot list's item array is the module's line's, not the program's.
    assert.ok(helperLine!.added >= 1000 * 8, `helper.py:2 added ${helperLine!.added}`);
    assert.ok(mainLine!.added < 1000 * 8, `main.py:2 added ${mainLine!.added}`);
    assert.strictEqual(t.peak.filename, 'helper.py');
    // Per-line sums still add up to what is in use.
    assert.strictEqual(t.lines.reduce((n, l) => n + l.added - l.released, 0), t.final);
    // At the peak (the run's end frees the module globals), the live blocks by line.
    const stats = statisticsByLine(trace!, t.peak.step + 1);
    const helperStat = stats.find((s) => s.filename === 'helper.py' && s.line === 2);
    assert.ok(helperStat && helperStat.size >= 1000 * 8, JSON.stringify(stats.slice(0, 3)));
    assert.strictEqual(stats[0], helperStat, 'the biggest line first');
    assert.strictEqual(stats.reduce((n, s) => n + s.size, 0), bytesAt(t, t.peak.step));
  });
});
