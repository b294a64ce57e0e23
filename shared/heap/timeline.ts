// Memory over the run, from the trace alone: the bytes in use after every step (objects with their pre-headers,
// plus the buffers they own, at the sizes requested from the allocator), the peak and where it happened, and per
// source line (of the program or of a module it imported: lines are keyed by file and line) what it added and released (memory_profiler's increment column, exact to the simulation) and the
// blocks it allocated that are still alive (tracemalloc's statistics('lineno')). Only memory allocated while the
// trace ran counts: objects that existed before it (KNOWN) have size 0, and freeing a buffer allocated before the
// trace releases nothing, as tracemalloc ignores frees of blocks it never traced.
import { Ev, type Trace } from '../interpreter/trace';

/** A source line: the file (an index in the trace's `files`, 0 the program's own) and its name, and the line. */
export interface SourceLine {
  file: number;
  filename: string;
  line: number;
}

export interface LineMemory extends SourceLine {
  /** Bytes this line allocated (objects and buffer growth) and released (deallocations, buffers shrunk). */
  added: number;
  released: number;
  /** Allocations made on this line (objects and buffers). */
  allocations: number;
}

export interface LineStatistic extends SourceLine {
  /** Live blocks this line allocated, and their bytes (tracemalloc's count and size). */
  count: number;
  size: number;
}

export interface MemoryTimeline {
  /** Steps after which the bytes in use changed, and the bytes in use then (same length, steps ascending). */
  steps: number[];
  bytes: number[];
  peak: { bytes: number; step: number; line: number; file: number; filename: string };
  /** Bytes in use when the run ended. */
  final: number;
  /** Per source line, by file then line. */
  lines: LineMemory[];
}

interface Block {
  /** The position index (trace.positions) current when it was allocated. */
  pos: number;
  size: number;
}

/** The file and line of position index `pos` (0: before any position, line 0 of the program). */
function sourceLine(trace: Trace, pos: number): SourceLine {
  const file = trace.positionFiles[pos] ?? 0;
  return { file, filename: trace.files[file] ?? '', line: trace.positions[3 * pos] };
}

/** Orders lines by file, then line. */
function byFileLine(x: SourceLine, y: SourceLine): number {
  return x.file - y.file || x.line - y.line;
}

/** Reads the trace once: the bytes in use step by step, the peak, and each line's increments. */
export function memoryTimeline(trace: Trace): MemoryTimeline {
  const steps: number[] = [];
  const bytes: number[] = [];
  // Keyed by position index first (cheap), folded into (file, line) at the end.
  const byPos = new Map<number, { added: number; released: number; allocations: number }>();
  const objects = new Map<number, number>();
  const buffers = new Map<number, number>();
  let inUse = 0;
  let step = 0;
  let pos = 0;
  let peakBytes = 0;
  let peakStep = 0;
  let peakPos = 0;
  const change = (delta: number, allocation: boolean): void => {
    if (delta === 0 && !allocation) return;
    let m = byPos.get(pos);
    if (!m) byPos.set(pos, (m = { added: 0, released: 0, allocations: 0 }));
    if (delta > 0) m.added += delta;
    else m.released -= delta;
    if (allocation) m.allocations++;
    inUse += delta;
    if (steps.length && steps[steps.length - 1] === step) bytes[bytes.length - 1] = inUse;
    else {
      steps.push(step);
      bytes.push(inUse);
    }
    if (inUse > peakBytes) {
      peakBytes = inUse;
      peakStep = step;
      peakPos = pos;
    }
  };
  trace.forEachFrom(trace.start(), (kind, a, b, c, cursor) => {
    switch (kind) {
      case Ev.STEP: step = a; break;
      case Ev.POS: pos = cursor.pos ?? 0; break;
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
  const lines = new Map<string, LineMemory>();
  for (const [p, m] of byPos) {
    const at = sourceLine(trace, p);
    const key = at.file + ':' + at.line;
    const l = lines.get(key);
    if (!l) lines.set(key, { ...at, ...m });
    else {
      l.added += m.added;
      l.released += m.released;
      l.allocations += m.allocations;
    }
  }
  const peakAt = sourceLine(trace, peakPos);
  return {
    steps, bytes, final: inUse,
    peak: { bytes: peakBytes, step: peakStep, line: peakAt.line, file: peakAt.file, filename: peakAt.filename },
    lines: [...lines.values()].sort(byFileLine),
  };
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

/** The live blocks grouped by the line (file and line) that allocated them, before step `step` (default: the
 *  end of the run), biggest first as tracemalloc sorts them. An object and its buffer are separate blocks, as in
 *  CPython; a reallocated buffer belongs to the line that last reallocated it. */
export function statisticsByLine(trace: Trace, step = Infinity): LineStatistic[] {
  const objects = new Map<number, Block>();
  const buffers = new Map<number, Block>();
  let pos = 0;
  trace.forEachFrom(trace.start(), (kind, a, b, c, cursor) => {
    switch (kind) {
      case Ev.STEP: return a < step;
      case Ev.POS: pos = cursor.pos ?? 0; break;
      case Ev.ALLOC: objects.set(a, { pos, size: c }); break;
      case Ev.RESIZE:
        if (b) buffers.set(a, { pos, size: b });
        else buffers.delete(a);
        break;
      case Ev.DEALLOC: objects.delete(a); buffers.delete(a); break;
    }
  });
  const byLine = new Map<string, LineStatistic>();
  for (const blocks of [objects, buffers]) {
    for (const blk of blocks.values()) {
      const at = sourceLine(trace, blk.pos);
      const key = at.file + ':' + at.line;
      let s = byLine.get(key);
      if (!s) byLine.set(key, (s = { ...at, count: 0, size: 0 }));
      s.count++;
      s.size += blk.size;
    }
  }
  return [...byLine.values()].sort((x, y) => y.size - x.size || byFileLine(x, y));
}
