// Turns the runtime's changes into trace events (trace.ts). The runtime calls it only through `rt.trace`
// (null when tracing is off: one null check, no allocation). References are recorded by diffing: at each
// instruction boundary the recorder compares the holders the last instruction could have changed with the
// copy it keeps of their referents (referents.ts), and writes what was added and removed. Which holders: the
// instruction's operands (its frame's value stack when it began), the frame itself, its globals and locals,
// what it allocated, and what the runtime touched outside any operand (an exception's traceback, the
// collector's tp_clear). An instruction that calls native code which calls back into Python (sorted's key,
// list(generator), __del__) keeps its holders open: they are diffed again whenever control comes back to it.
import type { CollectionStats } from './collector';
import { objectRequest } from './footprint';
import type { Frame } from './frame';
import type { GCList } from './gcstate';
import { PyDict, PyObject, PySet, PyStr, PyType } from './objects';
import { visitFrame, visitReferents, type SlotVisitor } from './referents';
import { rt } from './runtime';
import { Ev, Gen, SLOT_MASK, SLOT_SHIFT, Slot, Trace } from './trace';

/** What the recorder last wrote about a holder's references. */
interface Shadow {
  slots: number[];
  targets: number[];
  /** ma_version of a dict or set when it was copied (-1: not one). */
  version: number;
}

/** An instruction in flight: the holders it may change, where it is in the source. */
interface Entry {
  frame: Frame | null;
  objs: PyObject[];
  dirty: boolean;
  pos: Int32Array;
}

export class TraceRecorder {
  readonly log = new Trace();
  private serials = new Map<object, number>();
  private nextSerial = 1;
  private shadows = new Map<object, Shadow>();
  private rcKnown = new Map<PyObject, number>();
  private rcDirty = new Set<PyObject>();
  private entries = new Map<Frame | null, Entry>();
  private dirtyEntries: Entry[] = [];
  private pendingFrames: Frame[] = [];
  private pos: Int32Array = new Int32Array(3);
  /** The pseudo-holder for what the interpreter state holds (sys.modules, builtins, the handled exception). */
  private interp = {};
  /** References the runtime holds in its own variables, by name (the module's function object while it runs). */
  private internal: [string, PyObject][] = [];
  private bytesFreed = 0;
  /** Objects whose tp_dealloc began: what their clearing does to them is not recorded. */
  private dead = new WeakSet<PyObject>();
  /** Tests: every object the trace saw allocated, to compare the replayed heap with the real one. */
  allocated: PyObject[] | null = null;
  /** Tests: called at each instruction boundary, after the trace is up to date, with the step about to run. */
  probe: ((step: number) => void) | null = null;
  private scratchSlots: number[] = [];
  private scratchTargets: number[] = [];

  constructor(version: number) {
    this.log.version = version;
    const serial = this.nextSerial++;
    this.serials.set(this.interp, serial);
    this.log.push(Ev.FRAME, serial, -1, 0, rt.steps);
  }

  /** The serial of an object or frame; an object that existed before the trace gets one now (KNOWN). */
  serialOf(o: PyObject): number {
    let s = this.serials.get(o);
    if (s === undefined) {
      s = this.nextSerial++;
      this.serials.set(o, s);
      this.log.push(Ev.KNOWN, s, this.log.typeIndexOf(o.ob_type.name), o.immortal ? -1 : o.ob_refcnt, rt.steps, this.pos);
      this.rcKnown.set(o, o.ob_refcnt);
      if (o.gcList) this.log.push(Ev.GEN, s, this.genOf(o.gcList), 0, rt.steps);
      // A type an imported module made natively may own a dict the program's run allocated.
      if (o instanceof PyType) this.touch(o);
    }
    return s;
  }

  /** Tests: every object and frame the trace knows now, with its serial. */
  forEachKnown(visit: (o: object, serial: number) => void): void {
    for (const [o, s] of this.serials) visit(o, s);
  }

  /** The runtime holds a reference to o in a variable of its own, under `name` (until `release`). */
  hold(name: string, o: PyObject): void {
    this.internal.push([name, o]);
  }

  release(o: PyObject): void {
    const i = this.internal.findIndex((e) => e[1] === o);
    if (i >= 0) this.internal.splice(i, 1);
  }

  /** What the interpreter state holds (the holder `interpreter` of the trace). */
  visitInterpreter(visit: SlotVisitor): void {
    if (rt.modules) visit(Slot.NAME, 'sys.modules', rt.modules);
    if (rt.builtins) visit(Slot.NAME, 'builtins', rt.builtins);
    if (rt.handled) visit(Slot.NAME, 'exc_info', rt.handled);
    for (const [name, o] of this.internal) visit(Slot.NAME, name, o);
  }

  /** The pseudo-holder standing for the interpreter state. */
  get interpreter(): object {
    return this.interp;
  }

  // ---- hooks the runtime calls

  alloc(o: PyObject): void {
    const s = this.nextSerial++;
    this.serials.set(o, s);
    this.log.push(Ev.ALLOC, s, this.log.typeIndexOf(o.ob_type.name), objectRequest(o), rt.steps, this.pos);
    this.rcKnown.set(o, 1);
    this.rcDirty.add(o);
    this.allocated?.push(o);
    this.touch(o);
  }

  dealloc(o: PyObject, reason: number): void {
    const s = this.serialOf(o);
    this.log.push(Ev.DEALLOC, s, reason, 0, rt.steps, this.pos);
    if (reason === 1) this.bytesFreed += o.allocSize;
    this.serials.delete(o);
    this.shadows.delete(o);
    this.rcKnown.delete(o);
    this.rcDirty.delete(o);
    this.dead.add(o);
  }

  /** o's buffer was reallocated: `size` bytes now, `before` until now. */
  resize(o: PyObject, size: number, before: number): void {
    if (this.dead.has(o)) return; // tp_dealloc's clearing: DEALLOC already took the buffer with the object
    this.log.push(Ev.RESIZE, this.serialOf(o), size, before, rt.steps, this.pos);
  }

  /** ob_refcnt of o changed (incref, decref). */
  refcnt(o: PyObject): void {
    this.rcDirty.add(o);
  }

  /** o's references may have changed outside the running instruction's operands. */
  touch(o: PyObject): void {
    if (this.dead.has(o)) return;
    const e = this.entryOf(rt.frame);
    e.objs.push(o);
    this.markDirty(e);
  }

  /** The collector moved o to `list` (a generation, a working list) or untracked it (null). */
  gcMoved(o: PyObject, list: GCList | null): void {
    const s = this.serials.get(o);
    if (s === undefined) return; // not seen yet: KNOWN will say where it is
    this.log.push(Ev.GEN, s, this.genOf(list), 0, rt.steps, this.pos);
  }

  private genOf(list: GCList | null): number {
    if (!list) return Gen.UNTRACKED;
    const i = rt.gc.lists.indexOf(list);
    return i < 0 ? Gen.COLLECTING : i;
  }

  /** A frame starts or resumes running. */
  enterFrame(f: Frame): void {
    if (!this.serials.has(f)) {
      const s = this.nextSerial++;
      this.serials.set(f, s);
      const c = this.log.codes.length;
      this.log.codes.push({ qualname: f.code.qualname, filename: f.code.filename, firstlineno: f.code.firstlineno });
      this.log.push(Ev.FRAME, s, c, f.back ? this.serials.get(f.back) ?? 0 : 0, rt.steps, this.pos);
    }
    this.pendingFrames.push(f);
    this.markDirty(this.entryOf(f.back));
  }

  /** A frame stops running (returned, raised, or a generator suspended). */
  exitFrame(f: Frame): void {
    const e = this.entries.get(f);
    if (e) {
      this.flushEntry(e);
      this.entries.delete(f);
    }
    this.pendingFrames.push(f);
    this.markDirty(this.entryOf(rt.frame));
  }

  /** A frame that may not be running changed (it got its frame object). */
  frameChanged(f: Frame): void {
    this.pendingFrames.push(f);
  }

  /** _PyFrame_ClearLocals: everything the frame held is released. */
  frameCleared(f: Frame): void {
    const s = this.serials.get(f);
    if (s === undefined) return;
    this.log.push(Ev.FRAME_CLEAR, s, 0, 0, rt.steps, this.pos);
    this.serials.delete(f);
    this.shadows.delete(f);
  }

  /** The boundary before the instruction at f.pc: record what the previous ones did, then open this one. */
  step(f: Frame, pc: number): void {
    this.flush();
    const e = this.entryOf(f);
    const objs = e.objs;
    objs.length = 0;
    for (let i = 0; i < f.sp; i++) {
      const o = f.stack[i];
      if (o) objs.push(o);
    }
    objs.push(f.globals);
    if (f.locals && f.locals !== f.globals) objs.push(f.locals);
    const code = f.code;
    e.pos[0] = code.lines[pc];
    e.pos[1] = code.cols[2 * pc];
    e.pos[2] = code.cols[2 * pc + 1];
    this.pos = e.pos;
    this.markDirty(e);
    if (this.probe) this.probe(rt.steps + 1);
  }

  collectStart(generation: number, reason: number): void {
    this.log.push(Ev.COLLECT, generation, reason, 0, rt.steps, this.pos);
    this.bytesFreed = 0;
  }

  /** The unreachable objects a collection is about to clear (after finalizers and resurrection). */
  garbage(objects: PyObject[]): void {
    for (const o of objects) this.log.push(Ev.GARBAGE, this.serialOf(o), 0, 0, rt.steps, this.pos);
  }

  collectEnd(stats: CollectionStats): void {
    this.log.push(Ev.COLLECTED, stats.candidates, stats.unreachable, stats.finalized, rt.steps, this.pos);
    this.log.push(Ev.COLLECTED2, stats.resurrected, stats.collected, this.bytesFreed, rt.steps, this.pos);
  }

  /** The run ended: record the last changes. */
  finish(): Trace {
    this.flush();
    this.log.steps = rt.steps;
    return this.log;
  }

  // ---- diffing

  private entryOf(f: Frame | null): Entry {
    let e = this.entries.get(f);
    if (!e) {
      e = { frame: f, objs: [], dirty: false, pos: new Int32Array(3) };
      this.entries.set(f, e);
    }
    return e;
  }

  private markDirty(e: Entry): void {
    if (!e.dirty) {
      e.dirty = true;
      this.dirtyEntries.push(e);
    }
  }

  private flush(): void {
    const pos = this.pos;
    const dirty = this.dirtyEntries;
    for (let i = 0; i < dirty.length; i++) this.flushEntry(dirty[i]);
    dirty.length = 0;
    this.pos = pos;
    const frames = this.pendingFrames;
    for (let i = 0; i < frames.length; i++) if (this.serials.has(frames[i])) this.diff(frames[i], frames[i]);
    frames.length = 0;
    this.diffInterpreter();
    for (const o of this.rcDirty) {
      if (this.dead.has(o)) continue;
      const r = o.immortal ? -1 : o.ob_refcnt;
      if (this.rcKnown.get(o) !== r) {
        this.rcKnown.set(o, r);
        this.log.push(Ev.REFCNT, this.serialOf(o), r, 0, rt.steps, this.pos);
      }
    }
    this.rcDirty.clear();
  }

  private flushEntry(e: Entry): void {
    e.dirty = false;
    this.pos = e.pos;
    for (let i = 0; i < e.objs.length; i++) {
      const o = e.objs[i];
      if (!this.dead.has(o)) this.diff(o, null);
    }
    if (e.frame && this.serials.has(e.frame)) this.diff(e.frame, e.frame);
  }

  private diffInterpreter(): void {
    this.diff(this.interp, null, (visit) => this.visitInterpreter(visit));
    // sys.modules and builtins change outside any instruction's operands (import, builtins.x = ...).
    if (rt.modules) this.diff(rt.modules, null);
    if (rt.builtins) this.diff(rt.builtins, null);
  }

  private slotCode(kind: Slot, key: string | number | PyObject): number {
    let p: number;
    if (kind === Slot.NAME) p = this.log.nameIndexOf(key as string);
    else if (kind === Slot.VALUE) {
      if (key instanceof PyStr) {
        kind = Slot.VALUE_STR;
        p = this.log.nameIndexOf(key.value);
      } else p = this.serialOf(key as PyObject);
    } else p = key as number;
    return (kind << SLOT_SHIFT) | (p & SLOT_MASK);
  }

  /** Compares a holder's references now with its shadow and writes the difference. */
  private diff(h: object, frame: Frame | null, custom?: (visit: SlotVisitor) => void): void {
    const isTable = h instanceof PyDict || h instanceof PySet;
    const shadow = this.shadows.get(h);
    const exact = isTable && ((h as PyObject).ob_type === rt.t.dict || (h as PyObject).ob_type === rt.t.set || (h as PyObject).ob_type === rt.t.frozenset);
    if (shadow && exact && shadow.version === (h as PyDict).version) return;
    const slots = this.scratchSlots;
    const targets = this.scratchTargets;
    slots.length = 0;
    targets.length = 0;
    const visit: SlotVisitor = (kind, key, target) => {
      slots.push(this.slotCode(kind, key));
      targets.push(this.serialOf(target));
    };
    if (custom) custom(visit);
    else if (frame) visitFrame(frame, visit);
    else visitReferents(h as PyObject, visit);
    const holder = this.serials.get(h) ?? this.serialOf(h as PyObject);
    const version = exact ? (h as PyDict).version : -1;
    if (!shadow) {
      if (slots.length === 0) return;
      for (let i = 0; i < slots.length; i++) this.log.push(Ev.REF_ADD, targets[i], holder, slots[i], rt.steps, this.pos);
      this.shadows.set(h, { slots: slots.slice(), targets: targets.slice(), version });
      return;
    }
    shadow.version = version;
    const old = shadow;
    if (old.slots.length === slots.length) {
      let same = true;
      for (let i = 0; i < slots.length; i++) {
        if (old.slots[i] !== slots[i] || old.targets[i] !== targets[i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    // Multiset difference on (slot, target) pairs: removals first, as the panel reads them.
    const now = new Map<string, number>();
    for (let i = 0; i < slots.length; i++) {
      const k = slots[i] + ':' + targets[i];
      now.set(k, (now.get(k) ?? 0) + 1);
    }
    const before = new Map<string, number>();
    for (let i = 0; i < old.slots.length; i++) {
      const k = old.slots[i] + ':' + old.targets[i];
      before.set(k, (before.get(k) ?? 0) + 1);
      const n = now.get(k);
      if (n) now.set(k, n - 1);
      else this.log.push(Ev.REF_DEL, old.targets[i], holder, old.slots[i], rt.steps, this.pos);
    }
    for (let i = 0; i < slots.length; i++) {
      const k = slots[i] + ':' + targets[i];
      const n = before.get(k);
      if (n) before.set(k, n - 1);
      else this.log.push(Ev.REF_ADD, targets[i], holder, slots[i], rt.steps, this.pos);
    }
    old.slots = slots.slice();
    old.targets = targets.slice();
  }
}
