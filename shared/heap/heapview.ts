// The heap at any step, rebuilt from the trace alone: checkpoints taken while reading the trace once, then
// replay of the events after the nearest one. What the heap panel scrubs through, what hovers name as an
// object's holders. The result is plain data (serialisable): objects with type, ob_refcnt, generation and
// holders (holder, slot, the source range of the instruction that stored the reference), and the frames.
import { Ev, Gen, slotText, type Trace, type TraceCursor } from '../interpreter/trace';
import { stronglyConnected } from './scc';
import { memoryTimeline, type MemoryTimeline } from './timeline';

export interface Holder {
  /** Serial of the holding object, frame, or the interpreter state. */
  holder: number;
  kind: 'object' | 'frame' | 'interpreter';
  /** The slot, as text: `x` (a variable or attribute), `[3]`, `['key']`, `key`, `stack[0]`, `cell_contents`... */
  slot: string;
  /** Where the reference was stored: the instruction's line and column range (1-based line, 0-based columns). */
  line: number;
  col: number;
  endCol: number;
}

export interface HeapObject {
  serial: number;
  type: string;
  /** ob_refcnt (-1: immortal). */
  refcnt: number;
  /** The collector's list: 0–2 the generations (3.14: 0 young, 1 and 2 the old spaces), 3 permanent
   *  (gc.freeze), 4 held by a collection in progress, -1 untracked. */
  generation: number;
  /** Bytes requested from the allocator for it, pre-header included (0 for objects that existed before the
   *  trace); the buffer it owns is apart (timeline.ts). */
  size: number;
  /** Existed before the trace began (the runtime's own objects the program touched). */
  preexisting: boolean;
  holders: Holder[];
  /** References counted in ob_refcnt that no holder accounts for: temporaries of native code in progress
   *  and the interpreter's uncounted caches (refcnt - holders; 0 for immortal objects). */
  temporaries: number;
}

export interface HeapFrame {
  serial: number;
  /** The code's qualified name ('<module>' for the module), or '<interpreter>'. */
  code: string;
  /** The frame that was running when this one began (0: none). */
  parent: number;
  vars: { slot: string; target: number }[];
}

export interface HeapSnapshot {
  /** The heap before this step runs (steps count instructions from 1). */
  step: number;
  objects: HeapObject[];
  frames: HeapFrame[];
}

interface Edge {
  slot: number;
  target: number;
  line: number;
  col: number;
  endCol: number;
}

interface ObjectState {
  type: number;
  refcnt: number;
  generation: number;
  size: number;
  preexisting: boolean;
}

/** The replayed state: everything the events before some point say. */
class State {
  objects = new Map<number, ObjectState>();
  frames = new Map<number, { code: number; parent: number }>();
  /** holder → (slot:target → edge) */
  out = new Map<number, Map<string, Edge>>();
  pos = [0, 0, 0];

  clone(): State {
    const s = new State();
    for (const [k, v] of this.objects) s.objects.set(k, { ...v });
    s.frames = new Map(this.frames);
    for (const [k, v] of this.out) s.out.set(k, new Map(v));
    s.pos = [...this.pos];
    return s;
  }

  get size(): number {
    let n = this.objects.size + this.frames.size;
    for (const m of this.out.values()) n += m.size;
    return n;
  }

  apply(kind: Ev, a: number, b: number, c: number): void {
    switch (kind) {
      case Ev.POS: this.pos = [a, b, c]; break;
      case Ev.ALLOC: this.objects.set(a, { type: b, refcnt: 1, generation: Gen.UNTRACKED, size: c, preexisting: false }); break;
      case Ev.KNOWN: this.objects.set(a, { type: b, refcnt: c, generation: Gen.UNTRACKED, size: 0, preexisting: true }); break;
      case Ev.DEALLOC: this.objects.delete(a); this.out.delete(a); break;
      case Ev.REFCNT: { const o = this.objects.get(a); if (o) o.refcnt += b; break; }
      case Ev.GEN: { const o = this.objects.get(a); if (o) o.generation = b; break; }
      case Ev.FRAME: this.frames.set(a, { code: b, parent: c }); break;
      case Ev.FRAME_CLEAR: this.frames.delete(a); this.out.delete(a); break;
      case Ev.REF_ADD: {
        let m = this.out.get(b);
        if (!m) this.out.set(b, (m = new Map()));
        m.set(c + ':' + a, { slot: c, target: a, line: this.pos[0], col: this.pos[1], endCol: this.pos[2] });
        break;
      }
      case Ev.REF_DEL: this.out.get(b)?.delete(c + ':' + a); break;
    }
  }
}

/** A collection as the trace recorded it. */
export interface Collection {
  /** The step it ran in, and the source line and columns of that instruction. */
  step: number;
  line: number;
  col: number;
  endCol: number;
  /** 3.11–3.13: the generation collected (and the younger ones); 3.14: 0 young, 1 an increment, 2 full. */
  generation: number;
  kind: string;
  /** 'threshold' (an allocation count made it due), 'gc.collect' or 'shutdown'. */
  trigger: 'threshold' | 'gc.collect' | 'shutdown';
  examined: number;
  unreachable: number;
  finalizers: number;
  resurrected: number;
  /** What gc.collect() returns for it. */
  collected: number;
  bytesFreed: number;
  /** Serials of the garbage it cleared. */
  garbage: number[];
  /** The reference cycles among the garbage (strongly connected parts): members and the references that
   *  formed them, with where each was stored. */
  cycles: { members: number[]; references: { holder: number; slot: string; target: number; line: number; col: number; endCol: number }[] }[];
}

/** The heap's history: one pass over the trace keeps checkpoints; heapAt replays from the nearest one. */
export class HeapTimeline {
  private checkpoints: { step: number; cursor: TraceCursor; state: State }[] = [];
  readonly collections: Collection[] = [];
  private memoryCache: MemoryTimeline | null = null;

  /** Bytes in use step by step, the peak and each line's increments (timeline.ts), read on first use. */
  get memory(): MemoryTimeline {
    return (this.memoryCache ??= memoryTimeline(this.trace));
  }

  constructor(readonly trace: Trace) {
    const state = new State();
    let sinceCheckpoint = 0;
    let step = 0;
    let current: Collection | null = null;
    let garbage: number[] = [];
    this.checkpoints.push({ step: 0, cursor: trace.start(), state: state.clone() });
    trace.forEachFrom(trace.start(), (kind, a, b, c, cursor) => {
      if (garbage.length && kind !== Ev.GARBAGE) {
        if (current) current.cycles.push(...this.cyclesAmong(state, garbage));
        garbage = [];
      }
      if (kind === Ev.STEP) {
        // A checkpoint costs about what the state holds: take one when replaying to it would cost more.
        if (sinceCheckpoint > Math.max(20000, 2 * state.size)) {
          this.checkpoints.push({ step: a, cursor: { ...cursor }, state: state.clone() });
          sinceCheckpoint = 0;
        }
        step = a;
        return;
      }
      sinceCheckpoint++;
      state.apply(kind, a, b, c);
      if (kind === Ev.COLLECT) {
        const v = trace.version;
        current = {
          step, line: state.pos[0], col: state.pos[1], endCol: state.pos[2], generation: a,
          kind: v >= 314 ? ['young', 'increment', 'full'][a] : `generation ${a}`,
          trigger: b === 0 ? 'threshold' : b === 1 ? 'gc.collect' : 'shutdown',
          examined: 0, unreachable: 0, finalizers: 0, resurrected: 0, collected: 0, bytesFreed: 0, garbage: [], cycles: [],
        };
      } else if (kind === Ev.GARBAGE) {
        garbage.push(a);
        current?.garbage.push(a);
      } else if (kind === Ev.COLLECTED && current) {
        current.examined = a;
        current.unreachable = b;
        current.finalizers = c;
      } else if (kind === Ev.COLLECTED2 && current) {
        current.resurrected = a;
        current.collected = b;
        current.bytesFreed = c;
        this.collections.push(current);
        current = null;
      }
    });
  }

  /** The heap before step `step` runs (step > trace.steps: the heap at the end of the run). */
  heapAt(step: number): HeapSnapshot {
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.step <= step) cp = c;
    const state = cp.state.clone();
    this.trace.forEachFrom({ ...cp.cursor }, (kind, a, b, c) => {
      if (kind === Ev.STEP) return a < step;
      state.apply(kind, a, b, c);
    });
    return this.snapshot(state, step);
  }

  private snapshot(state: State, step: number): HeapSnapshot {
    const t = this.trace;
    const holders = new Map<number, Holder[]>();
    for (const [holder, edges] of state.out) {
      const frame = state.frames.get(holder);
      const kind = frame ? (frame.code < 0 ? 'interpreter' : 'frame') : 'object';
      for (const e of edges.values()) {
        let list = holders.get(e.target);
        if (!list) holders.set(e.target, (list = []));
        list.push({ holder, kind, slot: slotText(t, e.slot), line: e.line, col: e.col, endCol: e.endCol });
      }
    }
    const objects: HeapObject[] = [];
    for (const [serial, o] of state.objects) {
      const hs = holders.get(serial) ?? [];
      objects.push({
        serial, type: t.typeNames[o.type], refcnt: o.refcnt, generation: o.generation, size: o.size, preexisting: o.preexisting,
        holders: hs, temporaries: o.refcnt < 0 ? 0 : o.refcnt - hs.length,
      });
    }
    const frames: HeapFrame[] = [];
    for (const [serial, f] of state.frames) {
      const vars = [...(state.out.get(serial)?.values() ?? [])].map((e) => ({ slot: slotText(t, e.slot), target: e.target }));
      frames.push({ serial, code: f.code < 0 ? '<interpreter>' : t.codes[f.code].qualname, parent: f.parent, vars });
    }
    return { step, objects, frames };
  }

  /** The reference cycles among `members`, with the references that formed them. */
  private cyclesAmong(state: State, members: number[]): Collection['cycles'] {
    const inSet = new Set(members);
    const edgesOf = (v: number): Edge[] => [...(state.out.get(v)?.values() ?? [])].filter((e) => inSet.has(e.target));
    const out: Collection['cycles'] = [];
    for (const comp of stronglyConnected(members, (v) => edgesOf(v).map((e) => e.target))) {
      const set = new Set(comp);
      const refs = comp.flatMap((h) => edgesOf(h).filter((e) => set.has(e.target)).map((e) => ({
        holder: h, slot: slotText(this.trace, e.slot), target: e.target, line: e.line, col: e.col, endCol: e.endCol,
      })));
      if (comp.length > 1 || refs.length) out.push({ members: comp.sort((x, y) => x - y), references: refs });
    }
    return out;
  }
}

const timelines = new WeakMap<Trace, HeapTimeline>();

/** The timeline of a trace (built once, on first use). */
export function timelineOf(trace: Trace): HeapTimeline {
  let t = timelines.get(trace);
  if (!t) timelines.set(trace, (t = new HeapTimeline(trace)));
  return t;
}

/** The heap before step `step` runs. */
export function heapAt(trace: Trace, step: number): HeapSnapshot {
  return timelineOf(trace).heapAt(step);
}

/** The holders of one object at a step, and its reference count. */
export function holdersAt(trace: Trace, step: number, serial: number): { refcnt: number; holders: Holder[] } | null {
  const o = heapAt(trace, step).objects.find((x) => x.serial === serial);
  return o ? { refcnt: o.refcnt, holders: o.holders } : null;
}
