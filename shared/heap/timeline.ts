// Memory over the run, from the trace alone: the bytes in use after every step (objects with their pre-headers,
// plus the buffers they own, at the sizes requested from the allocator), the peak and where it happened, and per
// source line what it added and released (memory_profiler's increment column, exact to the simulation) and the
// blocks it allocated that are still alive (tracemalloc's statistics('lineno')). Only memory allocated while the
// trace ran counts: objects that existed before it (KNOWN) have size 0, and freeing a buffer allocated before the
// trace releases nothing, as tracemalloc ignores frees of blocks it never traced.
import { Ev, type Trace } from '../interpreter/trace';

export interface LineMemory {
  line: number;
  /** Bytes this line allocated (objects and buffer growth) and released (deallocations, buffers shrunk). */
  added: number;
  released: number;
  /** Allocations made on this line (objects and buffers). */
  allocations: number;
}

export interface LineStatistic {
  line: number;
  /** Live blocks this line allocated, and their bytes (tracemalloc's count and size). */
  count: number;
  size: number;
}

export interface MemoryTimeline {
  /** Steps after which the bytes in use changed, and the bytes in use then (same length, steps ascending). */
  steps: number[];
  bytes: number[];
  peak: { bytes: number; step: number; line: number };
  /** Bytes in use when the run ended. */
  final: number;
  /** Per source line, in line order. */
  lines: LineMemory[];
}

interface Block {
  line: number;
  size: number;
}

/** Reads the trace once: the bytes in use step by step, the peak, and each line's increments. */
export function memoryTimeline(trace: Trace): MemoryTimeline {
  const steps: number[] = [];
  const bytes: number[] = [];
  const lines = new Map<number, LineMemory>();
  const objects = new Map<number, number>();
  const buffers = new Map<number, number>();
  let inUse = 0;
  let step = 0;
  let line = 0;
  const peak = { bytes: 0, step: 0, line: 0 };
  const lineOf = (l: number): LineMemory => {
    let m = lines.get(l);
    if (!m) lines.set(l, (m = { line: l, added: 0, released: 0, allocations: 0 }));
    return m;
  };
  const change = (delta: number, allocation: boolean): void => {
    if (delta === 0 && !allocation) return;
    const m = lineOf(line);
    if (delta > 0) m.added += delta;
    else m.released -= delta;
    if (allocation) m.allocations++;
    inUse += delta;
    if (steps.length && steps[steps.length - 1] === step) bytes[bytes.length - 1] = inUse;
    else {
      steps.push(step);
      bytes.push(inUse);
    }
    if (inUse > peak.bytes) {
      peak.bytes = inUse;
      peak.step = step;
      peak.line = line;
    }
  };
  trace.forEach((kind, a, b, c) => {
    switch (kind) {
      case Ev.STEP: step = a; break;
      case Ev.POS: line = a; break;
      case Ev.ALLOC: objects.set(a, c); change(c, true); break;
      case Ev.RESIZE: {
        // A buffer made before the trace began is not ours to release.
        const before = buffers.get(a) ?? 0;
        if (b) buffers.set(a, b);
        else buffers.delete(a);
        change(b - before, b > 0);
        break;
      }
      case Ev.DEALLOC: {
        const size = (objects.get(a) ?? 0) + (buffers.get(a) ?? 0);
        objects.delete(a);
        buffers.delete(a);
        change(-size, false);
        break;
      }
    }
  });
  return { steps, bytes, peak, final: inUse, lines: [...lines.values()].sort((x, y) => x.line - y.line) };
}

/** The bytes in use after step `step` (0 before the first change). */
export function bytesAt(t: MemoryTimeline, step: number): number {
  let lo = 0;
  let hi = t.steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.steps[mid] <= step) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : t.bytes[found];
}

/** The live blocks grouped by the line that allocated them, before step `step` (default: the end of the run),
 *  biggest first as tracemalloc sorts them. An object and its buffer are separate blocks, as in CPython; a
 *  reallocated buffer belongs to the line that last reallocated it. */
export function statisticsByLine(trace: Trace, step = Infinity): LineStatistic[] {
  const objects = new Map<number, Block>();
  const buffers = new Map<number, Block>();
  let line = 0;
  trace.forEachFrom(trace.start(), (kind, a, b, c) => {
    switch (kind) {
      case Ev.STEP: return a < step;
      case Ev.POS: line = a; break;
      case Ev.ALLOC: objects.set(a, { line, size: c }); break;
      case Ev.RESIZE:
        if (b) buffers.set(a, { line, size: b });
        else buffers.delete(a);
        break;
      case Ev.DEALLOC: objects.delete(a); buffers.delete(a); break;
    }
  });
  const byLine = new Map<number, LineStatistic>();
  for (const blocks of [objects, buffers]) {
    for (const blk of blocks.values()) {
      let s = byLine.get(blk.line);
      if (!s) byLine.set(blk.line, (s = { line: blk.line, count: 0, size: 0 }));
      s.count++;
      s.size += blk.size;
    }
  }
  return [...byLine.values()].sort((x, y) => y.size - x.size || x.line - y.line);
}
