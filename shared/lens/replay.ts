// The live heap as the lens reads it: one pass over the trace, applying each event to a small state (objects,
// the references between them with the step and source position that stored each, frames) and telling the
// analyzers about it. Analyzers keep only what they need; nothing here keeps the whole history.
import { Ev, Slot, SLOT_MASK, SLOT_SHIFT, slotText, type Trace } from '../interpreter/trace';

/** A strong reference: `holder` (an object's or a frame's serial) holds `target` in `slot`. */
export interface Edge {
  holder: number;
  target: number;
  slot: number;
  /** The step and source position (an index into trace.positions) of the instruction that stored it. */
  step: number;
  pos: number;
}

export interface LiveObject {
  serial: number;
  type: string;
  /** Bytes requested for the object (its pre-header included; 0 when it existed before the trace). */
  size: number;
  /** Bytes of the buffer it owns now (a list's items, a dict's tables). */
  buffer: number;
  refcnt: number;
  /** -1 untracked, 0–2 a generation (3.14: 0 young, 1–2 old), 3 permanent, 4 in a collection. */
  generation: number;
  allocStep: number;
  allocPos: number;
  preexisting: boolean;
  /** References to it, and from it, by slot key (`slot:target` / `slot:holder`). */
  holders: Map<string, Edge>;
  /** The last time a frame loaded it onto its value stack (a use), or its allocation. */
  lastUseStep: number;
  lastUsePos: number;
}

export interface LiveFrame {
  serial: number;
  /** Index into trace.codes (-1: the interpreter pseudo-frame). */
  code: number;
  parent: number;
  startStep: number;
}

/** What an analyzer hears. Every method is optional; the state is already updated when it is called, except
 *  for `dealloc` and `frameClear`, which see the object or frame just before it goes. */
export interface ReplayListener {
  alloc?(o: LiveObject): void;
  dealloc?(o: LiveObject, byCollector: boolean): void;
  refAdd?(e: Edge): void;
  /** A reference went away (frame clears report one per variable): `e` carries the step and position of the
   *  release, `stored` is the edge as it was stored. */
  refDel?(e: Edge, stored: Edge): void;
  use?(o: LiveObject): void;
  /** A value stack let go of it (a temporary's reference ended; `frame` is the frame's serial). */
  stackDrop?(o: LiveObject, frame: number): void;
  resize?(o: LiveObject, before: number): void;
  generation?(o: LiveObject, before: number): void;
  frameStart?(f: LiveFrame): void;
  frameClear?(f: LiveFrame): void;
  /** A collection found garbage (serials in c.garbage): called before any of it is cleared, with the garbage
   *  still in the state and its references intact. */
  garbageFound?(c: ReplayCollection): void;
  /** A collection finished (its counts set; its garbage is gone). */
  collection?(c: ReplayCollection): void;
  /** The main module finished: exploratory calls (if any), then shutdown follow. */
  programEnd?(): void;
  /** An exploratory call begins (code: index into trace.codes) or ends (code -1; `replay.exploring` still set). */
  exploreStart?(code: number): void;
  exploreEnd?(code: number): void;
  /** The trace ended. */
  end?(): void;
}

export interface ReplayCollection {
  step: number;
  pos: number;
  generation: number;
  trigger: 'threshold' | 'gc.collect' | 'shutdown';
  garbage: number[];
  collected: number;
  bytesFreed: number;
  /** During interpreter shutdown (after the main module finished). */
  atShutdown: boolean;
  announced?: boolean;
}

export class Replay {
  readonly objects = new Map<number, LiveObject>();
  readonly frames = new Map<number, LiveFrame>();
  /** holder serial → its references by `slot:target`. */
  readonly out = new Map<number, Map<string, Edge>>();
  step = 0;
  pos = 0;
  programEnded = false;
  /** Frames that outlived their call because a frame object (a traceback's tb_frame, a generator...) took
   *  them over: frame serial → the frame object's serial. The frame's variables are then that object's. */
  readonly frameOwner = new Map<number, number>();
  private ownedFrame = new Map<number, number>();
  /** The code (index into trace.codes) of the exploratory call in progress, or -1. */
  exploring = -1;
  private collection: ReplayCollection | null = null;

  private listeners: ReplayListener[] = [];
  /** Called when a new step begins (every event of the steps before it applied). One callback, not a listener
   *  method: it runs for every instruction. */
  onStep: ((step: number) => void) | null = null;
  /** While the references of a freed object go (refDel after its dealloc): that object, gone from `objects`. */
  freeing: LiveObject | null = null;
  /** While a frame's variables go as it is cleared (a return): that frame. */
  clearing: LiveFrame | null = null;
  /** Events applied so far (what `unreachable()` computed is good until the next one). */
  private applied = 0;
  private unreachableCache: { applied: number; set: Set<number> } | null = null;

  /** How many times execution arrived at each source position (an instruction's runs: a store that rebinds a
   *  variable to the object it held changes nothing the trace records, but it still ran). */
  readonly positionRuns: Uint32Array;
  /** The frames running, with the position each was called from (a frame's clear is recorded after its caller
   *  has moved on). */
  private callers: { frame: number; pos: number; resumed: boolean }[] = [];

  constructor(readonly trace: Trace) {
    this.positionRuns = new Uint32Array(trace.positions.length / 3);
  }

  listen(listeners: ReplayListener[]): void {
    this.listeners.push(...listeners);
  }

  run(): void {
    const t = this.trace;
    t.forEachFrom(t.start(), (kind, a, b, c, cursor) => {
      if (kind === Ev.STEP) {
        if (this.onStep !== null && a !== this.step) this.onStep(a);
        this.step = a;
        return;
      }
      if (kind === Ev.POS) {
        const pos = cursor.pos ?? 0;
        // Back from a call at the position that made it (an import running a module, a class body, then the
        // store at the statement's position): the same run of that position, not a new one.
        const top = this.callers[this.callers.length - 1];
        if (top === undefined || top.pos !== pos || top.resumed) this.positionRuns[pos]++;
        else top.resumed = true;
        this.pos = pos;
        return;
      }
      this.apply(kind, a, b, c);
    });
    for (const l of this.listeners) l.end?.();
  }

  /** Line (1-based) and columns of a position, and whether it is in the program's own file. */
  where(pos: number): { line: number; col: number; endCol: number; own: boolean } {
    const p = this.trace.positions;
    return { line: p[3 * pos], col: p[3 * pos + 1], endCol: p[3 * pos + 2], own: this.trace.positionFiles[pos] === 0 };
  }

  slotText(slot: number): string {
    return slotText(this.trace, slot);
  }

  /** The references an object holds, with those of a frame it owns (a frame object's variables). */
  referencesOf(serial: number, visit: (e: Edge) => void): void {
    const own = this.out.get(serial);
    if (own) for (const e of own.values()) visit(e);
    const frame = this.ownedFrame.get(serial);
    const vars = frame === undefined ? undefined : this.out.get(frame);
    if (vars) for (const e of vars.values()) visit(e);
  }

  /**
   * The tracked objects the collector would find unreachable now: gc_refs = ob_refcnt minus the references from
   * other tracked objects (update_refs, subtract_refs); what is reachable from an object with gc_refs > 0 survives
   * (move_unreachable). A reference the trace cannot place counts as from outside, so the test errs towards
   * "reachable": a miss, never a false alarm.
   */
  unreachable(): Set<number> {
    if (this.unreachableCache?.applied === this.applied) return this.unreachableCache.set;
    const tracked = (o: LiveObject | undefined): boolean => o !== undefined && o.generation >= 0 && o.generation <= 2 && o.refcnt > 0;
    const gcRefs = new Map<number, number>();
    for (const o of this.objects.values()) if (tracked(o)) gcRefs.set(o.serial, o.refcnt);
    for (const [holder, edges] of this.out) {
      const owner = this.frameOwner.get(holder) ?? holder;
      if (!gcRefs.has(owner)) continue;
      for (const e of edges.values()) {
        const n = gcRefs.get(e.target);
        if (n !== undefined) gcRefs.set(e.target, n - 1);
      }
    }
    const reachable = new Set<number>();
    const stack: number[] = [];
    for (const [s, n] of gcRefs) if (n > 0) { reachable.add(s); stack.push(s); }
    while (stack.length) {
      this.referencesOf(stack.pop()!, (e) => {
        if (gcRefs.has(e.target) && !reachable.has(e.target)) {
          reachable.add(e.target);
          stack.push(e.target);
        }
      });
    }
    const out = new Set<number>();
    for (const s of gcRefs.keys()) if (!reachable.has(s)) out.add(s);
    this.unreachableCache = { applied: this.applied, set: out };
    return out;
  }

  private apply(kind: Ev, a: number, b: number, c: number): void {
    this.applied++;
    const ls = this.listeners;
    const col = this.collection;
    if (col && !col.announced && col.garbage.length && kind !== Ev.GARBAGE) {
      col.announced = true;
      for (const l of ls) l.garbageFound?.(col);
    }
    switch (kind) {
      case Ev.ALLOC:
      case Ev.KNOWN: {
        const o: LiveObject = {
          serial: a, type: this.trace.typeNames[b], size: kind === Ev.ALLOC ? c : 0, buffer: 0,
          refcnt: kind === Ev.ALLOC ? 1 : c, generation: -1, allocStep: this.step, allocPos: this.pos,
          preexisting: kind === Ev.KNOWN, holders: new Map(), lastUseStep: this.step, lastUsePos: this.pos,
        };
        this.objects.set(a, o);
        for (const l of ls) l.alloc?.(o);
        break;
      }
      case Ev.DEALLOC: {
        const o = this.objects.get(a);
        if (!o) break;
        // Holders the trace has not yet said let go (the recorder writes a holder's change at the instruction's
        // end, after the free it caused: a full deque dropping its oldest item) released it just now.
        for (const [key, e] of o.holders) {
          this.out.get(e.holder)?.delete(e.slot + ':' + a);
          o.holders.delete(key);
          const gone = { ...e, step: this.step, pos: this.pos };
          for (const l of ls) l.refDel?.(gone, e);
        }
        for (const l of ls) l.dealloc?.(o, b === 1);
        const mine = this.out.get(a);
        this.out.delete(a);
        this.objects.delete(a);
        // Its references go with it (the trace says so once, in the DEALLOC): each is a release.
        if (mine) {
          this.freeing = o;
          for (const e of mine.values()) {
            this.objects.get(e.target)?.holders.delete(e.slot + ':' + a);
            const gone = { ...e, step: this.step, pos: this.pos };
            for (const l of ls) l.refDel?.(gone, e);
          }
          this.freeing = null;
        }
        break;
      }
      case Ev.REFCNT: { const o = this.objects.get(a); if (o) o.refcnt += b; break; }
      case Ev.GEN: {
        const o = this.objects.get(a);
        if (!o) break;
        const before = o.generation;
        o.generation = b;
        for (const l of ls) l.generation?.(o, before);
        break;
      }
      case Ev.RESIZE: {
        const o = this.objects.get(a);
        if (!o) break;
        o.buffer = b;
        for (const l of ls) l.resize?.(o, c);
        break;
      }
      case Ev.FRAME: {
        this.callers.push({ frame: a, pos: this.pos, resumed: false });
        const f = { serial: a, code: b, parent: c, startStep: this.step };
        this.frames.set(a, f);
        for (const l of ls) l.frameStart?.(f);
        break;
      }
      case Ev.FRAME_CLEAR: {
        const f = this.frames.get(a);
        for (let i = this.callers.length - 1; i >= 0; i--) {
          if (this.callers[i].frame === a) { this.callers.splice(i, 1); break; }
        }
        if (f) for (const l of ls) l.frameClear?.(f);
        const mine = this.out.get(a);
        if (mine) {
          this.clearing = f ?? null;
          for (const e of mine.values()) {
            this.objects.get(e.target)?.holders.delete(e.slot + ':' + a);
            const gone = { ...e, step: this.step, pos: this.pos };
            for (const l of ls) l.refDel?.(gone, e);
          }
          this.clearing = null;
        }
        this.out.delete(a);
        this.frames.delete(a);
        const owner = this.frameOwner.get(a);
        if (owner !== undefined) this.ownedFrame.delete(owner);
        this.frameOwner.delete(a);
        break;
      }
      case Ev.REF_ADD: {
        const target = this.objects.get(a);
        if (c >>> SLOT_SHIFT === Slot.STACK) {
          // A load onto a value stack: a use, not an owner.
          if (target) {
            target.lastUseStep = this.step;
            target.lastUsePos = this.pos;
            for (const l of ls) l.use?.(target);
          }
          break;
        }
        const e: Edge = { holder: b, target: a, slot: c, step: this.step, pos: this.pos };
        let m = this.out.get(b);
        if (!m) this.out.set(b, (m = new Map()));
        m.set(c + ':' + a, e);
        target?.holders.set(c + ':' + b, e);
        for (const l of ls) l.refAdd?.(e);
        break;
      }
      case Ev.REF_DEL: {
        if (c >>> SLOT_SHIFT === Slot.STACK) {
          const target = this.objects.get(a);
          if (target) for (const l of ls) l.stackDrop?.(target, b);
          break;
        }
        // A returning frame whose frame object lives on (_PyFrame_ClearExceptCode / take_ownership in
        // Python/frame.c): the object now owns the frame and its variables. A FRAME_CLEAR undoes it.
        if (c >>> SLOT_SHIFT === Slot.NAME && this.frames.has(b) && this.trace.names[c & SLOT_MASK] === 'f_frame_object') {
          this.frameOwner.set(b, a);
          this.ownedFrame.set(a, b);
        }
        const m = this.out.get(b);
        const e = m?.get(c + ':' + a);
        if (!e) break;
        m!.delete(c + ':' + a);
        this.objects.get(a)?.holders.delete(c + ':' + b);
        const gone = { ...e, step: this.step, pos: this.pos };
        for (const l of ls) l.refDel?.(gone, e);
        break;
      }
      case Ev.COLLECT:
        this.collection = {
          step: this.step, pos: this.pos, generation: a, trigger: b === 0 ? 'threshold' : b === 1 ? 'gc.collect' : 'shutdown',
          garbage: [], collected: 0, bytesFreed: 0, atShutdown: this.programEnded,
        };
        break;
      case Ev.GARBAGE: this.collection?.garbage.push(a); break;
      case Ev.COLLECTED2:
        if (this.collection) {
          this.collection.collected = b;
          this.collection.bytesFreed = c;
          for (const l of ls) l.collection?.(this.collection);
          this.collection = null;
        }
        break;
      case Ev.EXPLORE:
        if (a > 0) {
          this.exploring = a - 1;
          for (const l of ls) l.exploreStart?.(a - 1);
        } else {
          for (const l of ls) l.exploreEnd?.(this.exploring);
          this.exploring = -1;
        }
        break;
      case Ev.END:
        this.programEnded = true;
        for (const l of ls) l.programEnd?.();
        break;
    }
  }
}
