// Turns the runtime's changes into trace events (trace.ts). The runtime calls it only through `rt.trace`
// (null when tracing is off: one null check, no allocation). References are recorded by comparing, at each
// instruction boundary, what a holder holds now with the copy the recorder keeps of it (its shadow), and
// writing what was added and removed. Only holders that may have changed are compared, and only the part that
// may have changed:
// - a frame: its variables and value stack, slot by slot (identity compares, no allocation);
// - a list or tuple: the index range the mutation hooks name (list_append: one slot), so appending N items
//   costs O(N) in all; a list operand whose length changed without a hook is compared in full;
// - a dict or set: the entries the mutation hooks name, when ma_version moved by exactly that many changes;
//   any other change of version (an operation without a hook) compares the whole table;
// - anything else (instances, functions, cells...): all its referents (referents.ts), when it was an operand
//   of the instruction (its frame's value stack when it began), allocated, or touched by the runtime (an
//   exception's traceback, the collector's tp_clear, a function's setters); CALL's callable is not compared
//   when its call cannot change it (callLeavesIntact: a function, a method, a builtin, a class of metaclass type).
// An instruction that calls native code which calls back into Python (sorted's key, list(generator), __del__)
// keeps its operands open: they are compared again whenever control comes back to it.
// Objects carry their serial (PyObject.traceSerial); reference counts last written are kept by serial.
import type { CollectionStats } from './collector';
import { objectRequest } from './footprint';
import type { CodeObject } from './code';
import type { Frame } from './frame';
import type { GCList } from './gcstate';
import {
  PyBytes, PyComplex, PyDict, PyFloat, PyInt, PyList, PyObject, PySet, PyStr, PyTuple, PyType, type DictEntry,
} from './objects';
import { Op } from './opcodes';
import { visitReferents, type SlotVisitor } from './referents';
import { rt } from './runtime';
import { Ev, Gen, SLOT_MASK, SLOT_SHIFT, Slot, Trace } from './trace';

/** What the recorder last wrote about an object's references. */
interface Shadow {
  /** Any other object: its referents as referents.ts visits them (slot kind, key, target). */
  kinds: number[] | null;
  keys: (string | number | PyObject)[] | null;
  targets: PyObject[] | null;
  /** An exact list or tuple: its items. */
  items: PyObject[] | null;
  /** The index range a hook said may have changed since (lo >= hi: none). */
  lo: number;
  hi: number;
  /** An exact dict, set or frozenset: entry → its value (a set's: the key), and ma_version when copied. */
  entries: Map<DictEntry, PyObject> | null;
  version: number;
  /** The entries hooks named since (null: one they could not name). */
  pend: (DictEntry | null)[] | null;
  /** Queued for the next boundary. */
  queued: boolean;
  /** Compare it all (touched: anything may have changed). */
  full: boolean;
}

/** What the recorder knows of a code object: its table index, the name index of each local, position indices. */
interface CodeInfo {
  index: number;
  names: Int32Array;
  positions: Int32Array;
  /** Its file's index in the trace's `files`. */
  file: number;
  /** Shadows of this code's cleared frames, for its next frames (a call costs no allocation). */
  pool: FrameShadow[];
}

/** A frame the trace knows: what it held when last compared, and the instruction it runs. */
interface FrameShadow {
  frame: Frame;
  serial: number;
  info: CodeInfo;
  fast: (PyObject | null)[];
  stack: (PyObject | null)[];
  sp: number;
  func: PyObject | null;
  frameObject: PyObject | null;
  /** 3.11/3.12's f_locals snapshot dict (frame->f_locals). */
  localsSnapshot: PyObject | null;
  /** The operands of the instruction in flight: the value stack when it began (nstack entries, null for a
   *  NULL slot), then its globals and locals (nops in all). */
  ops: (PyObject | null)[];
  nstack: number;
  nops: number;
  /** How many of the topmost stack entries the instruction may use in place (FOR_ITER's iterator). */
  inPlace: number;
  /** CALL: the stack index of its callable (not compared if callLeavesIntact); -1 otherwise. */
  callee: number;
  /** The position index of the instruction in flight. */
  pos: number;
  queued: boolean;
  /** Queued only for its own slots (a frame it called starts: its operands are compared when it resumes). */
  slotsOnly: boolean;
  cleared: boolean;
}

/** Objects that hold no references (int, str, float, bytes, complex, not a subclass): nothing to compare. */
function isAtom(o: PyObject): boolean {
  return !o.ob_type.heapType && (o instanceof PyInt || o instanceof PyStr || o instanceof PyFloat || o instanceof PyBytes || o instanceof PyComplex);
}

/**
 * A callable that CALL does not need to compare when the call is over: calling it cannot change its own
 * references, and nothing else writes them without reporting (touch) or being an operand itself.
 * - function (Objects/funcobject.c): _PyFunction_Vectorcall and the new frame only read func_code,
 *   func_globals, func_defaults, func_kwdefaults, func_closure. The function's code may rebind them while it
 *   runs (`f.__defaults__ = ...`, `f.x = 1`, setattr(f, ...), even natively through map(setattr, [f], ...)):
 *   every such write goes through func_set_* or its __dict__ (setFunctionAttr, functionAttr's lazily made
 *   __dict__ and __annotations__ in types/function.ts), which touch it; the dict's own changes are the dict's
 *   (hooked). func_clear is the collector's (it touches what it clears).
 * - method (Objects/classobject.c): __func__ and __self__ are read-only members; nothing rebinds them.
 * - builtin_function_or_method and method_descriptor (Objects/methodobject.c, descrobject.c): __self__, the
 *   owner type and the name are read-only.
 * - a class whose metaclass is `type` itself: type_call reads tp_new and tp_init; what __new__ and __init__
 *   do to the class runs in their own instructions (the class is their operand) or goes into its __dict__
 *   (hooked). Its references here (tp_dict, tp_mro, tp_bases, tp_base) change only by type_set_bases, which
 *   the simulator does not have (typeSetattro): if it is ever added, it must touch the class and every
 *   subclass whose __mro__ it recomputes (mro_hierarchy), or this skip is wrong.
 * A subclass of any of these (a metaclass with __call__, say) is compared as before.
 */
function callLeavesIntact(o: PyObject): boolean {
  const t = o.ob_type;
  const types = rt.t;
  return t === types.function || t === types.method || t === types.builtin_function_or_method || t === types.method_descriptor || t === types.type;
}

/** Serial offsets: each recorder numbers from 1, above every serial an earlier recorder gave an object. */
let serialBase = 0;

const INDEX = Slot.INDEX << SLOT_SHIFT;
const STACK = Slot.STACK << SLOT_SHIFT;
const KEY = Slot.KEY << SLOT_SHIFT;

export class TraceRecorder {
  readonly log = new Trace();
  private readonly base = serialBase;
  private nextSerial = 1;
  /** Live objects and frames by serial (a dead object's slot is empty; it keeps its serial). */
  private bySerial: (object | undefined)[] = [undefined];
  private shadows: (Shadow | undefined)[] = [undefined];
  private rcKnown = new Int32Array(1 << 12);
  private rcMark = new Uint8Array(1 << 12);
  private rcList: PyObject[] = [];
  private rcLen = 0;
  private queue: PyObject[] = [];
  private queueLen = 0;
  private frames = new Map<Frame, FrameShadow>();
  private queuedFrames: FrameShadow[] = [];
  private framesLen = 0;
  private lastFrame: Frame | null = null;
  private lastShadow: FrameShadow | null = null;
  private codeInfos = new Map<CodeObject, CodeInfo>();
  /** The position index of the instruction running now. */
  private pos = 0;
  /** The pseudo-holder for what the interpreter state holds (sys.modules, builtins, the handled exception). */
  private interp = {};
  private interpSerial: number;
  private interpShadow: Shadow = newShadow();
  private interpSeen: (PyObject | null)[] = [null, null, null];
  private interpChanged = true;
  /** References the runtime holds in its own variables, by name (the module's function object while it runs). */
  private internal: [string, PyObject][] = [];
  private bytesFreed = 0;
  private lastType: PyType | null = null;
  private lastTypeName = '';
  private lastTypeIndex = 0;
  /** Tests: every object the trace saw allocated, to compare the replayed heap with the real one. */
  allocated: PyObject[] | null = null;
  /** Tests: called at each instruction boundary, after the trace is up to date, with the step about to run. */
  probe: ((step: number) => void) | null = null;
  /** Tests: at each boundary, compare every list, tuple and table the trace knows in full, and throw if that
   *  finds a change the hooks did not report (a mutation without its hook). */
  verify = false;
  private scratchKinds: number[] = [];
  private scratchKeys: (string | number | PyObject)[] = [];
  private scratchTargets: PyObject[] = [];
  private scratchLen = 0;
  private scratchSlots: number[] = [];
  private scratchKeep = new Uint8Array(16);
  private readonly visitor: SlotVisitor = (kind, key, target) => {
    const n = this.scratchLen++;
    this.scratchKinds[n] = kind;
    this.scratchKeys[n] = key;
    this.scratchTargets[n] = target;
  };

  constructor(version: number) {
    this.log.version = version;
    this.interpSerial = this.nextSerial++;
    this.bySerial.push(this.interp);
    this.shadows.push(undefined);
    this.event();
    this.log.obj(Ev.FRAME, this.interpSerial, -1, 0);
  }

  /** Writes the STEP record the next event needs. */
  private event(): void {
    this.log.stepAt(rt.steps, this.pos);
  }

  private newSerial(o: object): number {
    const s = this.nextSerial++;
    this.bySerial.push(o);
    this.shadows.push(undefined);
    if (s >= this.rcKnown.length) {
      const known = new Int32Array(this.rcKnown.length * 2);
      known.set(this.rcKnown);
      this.rcKnown = known;
      const mark = new Uint8Array(this.rcMark.length * 2);
      mark.set(this.rcMark);
      this.rcMark = mark;
    }
    return s;
  }

  /** The serial of an object; an object that existed before the trace gets one now (KNOWN). */
  serialOf(o: PyObject): number {
    const s = o.traceSerial - this.base;
    if (s > 0) return s;
    return this.known(o);
  }

  private known(o: PyObject): number {
    const s = this.newSerial(o);
    o.traceSerial = s + this.base;
    const r = o.immortal ? -1 : o.ob_refcnt;
    this.event();
    this.log.obj(Ev.KNOWN, s, this.typeIndex(o.ob_type), r);
    this.rcKnown[s] = r;
    if (o.gcList) this.log.obj(Ev.GEN, s, this.genOf(o.gcList), 0);
    // A type an imported module made natively may own a dict the program's run allocated.
    if (o instanceof PyType) this.touch(o);
    return s;
  }

  /** The trace's index of a type's name; the last one is kept (a loop allocates one type over and over). A
   *  type renamed since (`C.__name__ = ...`) is looked up again. */
  private typeIndex(t: PyType): number {
    if (t === this.lastType && t.name === this.lastTypeName) return this.lastTypeIndex;
    const i = this.log.typeIndexOf(t.name);
    this.lastType = t;
    this.lastTypeName = t.name;
    this.lastTypeIndex = i;
    return i;
  }

  private isDead(o: PyObject): boolean {
    const s = o.traceSerial - this.base;
    return s > 0 && this.bySerial[s] !== o;
  }

  /** Tests: every object and frame the trace knows now, with its serial. */
  forEachKnown(visit: (o: object, serial: number) => void): void {
    for (let s = 1; s < this.bySerial.length; s++) {
      const o = this.bySerial[s];
      if (o !== undefined) visit(o, s);
    }
  }

  /** The runtime holds a reference to o in a variable of its own, under `name` (until `release`). */
  hold(name: string, o: PyObject): void {
    this.internal.push([name, o]);
    this.interpChanged = true;
  }

  release(o: PyObject): void {
    const i = this.internal.findIndex((e) => e[1] === o);
    if (i >= 0) this.internal.splice(i, 1);
    this.interpChanged = true;
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
    const s = this.newSerial(o);
    o.traceSerial = s + this.base;
    this.event();
    this.log.obj(Ev.ALLOC, s, this.typeIndex(o.ob_type), objectRequest(o));
    this.rcKnown[s] = 1;
    this.rcMark[s] = 1;
    this.rcList[this.rcLen++] = o;
    if (this.allocated !== null) this.allocated.push(o);
    if (!isAtom(o)) this.enqueue(o, s, true);
  }

  dealloc(o: PyObject, reason: number): void {
    const s = this.serialOf(o);
    this.event();
    this.log.obj(Ev.DEALLOC, s, reason, 0);
    if (reason === 1) this.bytesFreed += o.allocSize;
    this.bySerial[s] = undefined;
    this.shadows[s] = undefined;
  }

  /** o's buffer was reallocated: `size` bytes now, `before` until now. */
  resize(o: PyObject, size: number, before: number): void {
    const s = o.traceSerial - this.base;
    if (s > 0 && this.bySerial[s] !== o) return; // tp_dealloc's clearing: DEALLOC already took the buffer with the object
    const serial = this.serialOf(o);
    this.event();
    this.log.obj(Ev.RESIZE, serial, size, before);
  }

  /** ob_refcnt of o changed (incref, decref). */
  refcnt(o: PyObject): void {
    let s = o.traceSerial - this.base;
    if (s <= 0) s = this.known(o);
    if (this.rcMark[s] === 0) {
      this.rcMark[s] = 1;
      this.rcList[this.rcLen++] = o;
    }
  }

  /** o's references may have changed outside the running instruction's operands: compare all of them. */
  touch(o: PyObject): void {
    const s = o.traceSerial - this.base;
    if (s > 0 && this.bySerial[s] !== o) return; // dead: what its clearing does is not recorded
    this.enqueue(o, s > 0 ? s : 0, true);
  }

  /** A list's items from index lo to hi (exclusive; Infinity: to the end, the length may have changed) may
   *  have changed. */
  listChanged(l: PyObject, lo: number, hi: number): void {
    const s = l.traceSerial - this.base;
    if (s <= 0 || this.bySerial[s] !== l) {
      if (s <= 0) this.enqueue(l, 0, true);
      return;
    }
    const sh = this.shadows[s];
    if (sh === undefined || sh.items === null) {
      this.enqueue(l, s, true);
      return;
    }
    if (lo < sh.lo) sh.lo = lo;
    if (hi > sh.hi) sh.hi = hi;
    if (!sh.queued) {
      sh.queued = true;
      this.queue[this.queueLen++] = l;
    }
  }

  /** One change of a dict or set (one bump of its version): entry e was added, replaced or removed (null: a
   *  change the caller cannot name by one entry). */
  tableChanged(d: PyDict | PySet, e: DictEntry | null): void {
    const s = d.traceSerial - this.base;
    if (s <= 0 || this.bySerial[s] !== d) {
      if (s <= 0) this.enqueue(d, 0, true);
      return;
    }
    const sh = this.shadows[s];
    if (sh === undefined || sh.entries === null) {
      this.enqueue(d, s, true);
      return;
    }
    (sh.pend ??= []).push(e);
    if (!sh.queued) {
      sh.queued = true;
      this.queue[this.queueLen++] = d;
    }
  }

  private enqueue(o: PyObject, s: number, full: boolean): void {
    if (s === 0) {
      this.queue[this.queueLen++] = o; // not seen yet: compared in full when the queue is flushed
      return;
    }
    let sh = this.shadows[s];
    if (sh === undefined) {
      this.queue[this.queueLen++] = o;
      return;
    }
    if (full) sh.full = true;
    if (!sh.queued) {
      sh.queued = true;
      this.queue[this.queueLen++] = o;
    }
  }

  /** The collector moved o to `list` (a generation, a working list) or untracked it (null). */
  gcMoved(o: PyObject, list: GCList | null): void {
    const s = o.traceSerial - this.base;
    if (s <= 0) return; // not seen yet: KNOWN will say where it is
    this.event();
    this.log.obj(Ev.GEN, s, this.genOf(list), 0);
  }

  private genOf(list: GCList | null): number {
    if (!list) return Gen.UNTRACKED;
    const i = rt.gc.lists.indexOf(list);
    return i < 0 ? Gen.COLLECTING : i;
  }

  private codeInfo(code: CodeObject): CodeInfo {
    let info = this.codeInfos.get(code);
    if (!info) {
      const names = new Int32Array(code.localsplusnames.length);
      for (let i = 0; i < names.length; i++) names[i] = this.log.nameIndexOf(code.localsplusnames[i]);
      const positions = new Int32Array(code.lines.length).fill(-1);
      info = { index: this.log.codes.length, names, positions, file: this.log.fileIndexOf(code.filename), pool: [] };
      this.log.codes.push({ qualname: code.qualname, filename: code.filename, firstlineno: code.firstlineno });
      this.codeInfos.set(code, info);
    }
    return info;
  }

  private frameShadow(f: Frame): FrameShadow | undefined {
    if (f === this.lastFrame) return this.lastShadow!;
    const fs = this.frames.get(f);
    if (fs) {
      this.lastFrame = f;
      this.lastShadow = fs;
    }
    return fs;
  }

  private queueFrame(fs: FrameShadow, slotsOnly = false): void {
    if (!fs.queued) {
      fs.queued = true;
      fs.slotsOnly = slotsOnly;
      this.queuedFrames[this.framesLen++] = fs;
    } else if (!slotsOnly) {
      fs.slotsOnly = false;
    }
  }

  /** A frame starts or resumes running. */
  enterFrame(f: Frame): void {
    let fs = this.frames.get(f);
    if (!fs) {
      const s = this.newSerial(f);
      const info = this.codeInfo(f.code);
      fs = info.pool.pop();
      if (fs && fs.fast.length === f.fast.length) {
        fs.frame = f;
        fs.serial = s;
        fs.pos = this.pos;
        fs.cleared = false;
      } else {
        fs = {
          frame: f, serial: s, info, fast: new Array(f.fast.length).fill(null), stack: [], sp: 0, func: null, frameObject: null, localsSnapshot: null,
          ops: [], nstack: 0, nops: 0, inPlace: 0, callee: -1, pos: this.pos, queued: false, slotsOnly: false, cleared: false,
        };
      }
      this.frames.set(f, fs);
      const back = f.back ? this.frames.get(f.back) : undefined;
      this.event();
      this.log.obj(Ev.FRAME, s, info.index, back ? back.serial : 0);
    }
    this.queueFrame(fs);
    if (f.back) {
      // The caller's value stack as the call left it; its operands wait until control comes back to it.
      const caller = this.frames.get(f.back);
      if (caller) this.queueFrame(caller, true);
    }
  }

  /** A frame stops running (returned, raised, or a generator suspended). */
  exitFrame(f: Frame): void {
    const fs = this.frames.get(f);
    if (fs) this.queueFrame(fs);
    this.flush();
    if (fs) {
      fs.nops = 0;
      this.queueFrame(fs); // compared again after _PyFrame_Clear (a frame object it lets go)
    }
    // Back in the caller's instruction: what happens now is its doing.
    const caller = rt.frame ? this.frameShadow(rt.frame) : undefined;
    if (caller) {
      this.pos = caller.pos;
      this.queueFrame(caller);
    }
  }

  /** A frame that may not be running changed (it got its frame object). */
  frameChanged(f: Frame): void {
    const fs = this.frames.get(f);
    if (fs) this.queueFrame(fs);
  }

  /** _PyFrame_ClearLocals: everything the frame held is released. */
  frameCleared(f: Frame): void {
    const fs = this.frames.get(f);
    if (!fs) return;
    this.event();
    this.log.obj(Ev.FRAME_CLEAR, fs.serial, 0, 0);
    fs.cleared = true;
    fs.fast.fill(null);
    fs.sp = 0;
    fs.nops = 0;
    fs.func = null;
    fs.frameObject = null;
    fs.localsSnapshot = null;
    if (fs.info.pool.length < 64) fs.info.pool.push(fs);
    this.frames.delete(f);
    this.bySerial[fs.serial] = undefined;
    if (this.lastFrame === f) {
      this.lastFrame = null;
      this.lastShadow = null;
    }
  }

  /** The boundary before the instruction at f.pc: record what the previous ones did, then open this one. */
  step(f: Frame, pc: number): void {
    this.flush(f);
    let fs = this.frameShadow(f);
    if (fs === undefined) {
      this.enterFrame(f);
      fs = this.frameShadow(f)!;
    }
    const stack = f.stack;
    const sp = f.sp;
    const ops = fs.ops;
    let n = 0;
    for (let i = 0; i < sp; i++) ops[n++] = stack[i];
    fs.nstack = n;
    const code = f.code;
    const op = code.code[pc * 2];
    // FOR_ITER reads only its iterator, the top (ceval.c: TOP()); SEND its receiver under the value.
    fs.inPlace = op === Op.FOR_ITER ? 1 : op === Op.SEND ? 2 : op === Op.WITH_EXCEPT_START ? 5 : 0;
    if (op === Op.CALL) {
      // The vm's layout for every version (vm.ts doCall): [callable or NULL, self or callable, args...].
      const base = sp - code.code[pc * 2 + 1] - 2;
      fs.callee = stack[base] === null ? base + 1 : base;
    } else fs.callee = -1;
    ops[n++] = f.globals;
    if (f.locals && f.locals !== f.globals) ops[n++] = f.locals;
    fs.nops = n;
    const positions = fs.info.positions;
    let p = positions[pc];
    if (p < 0) {
      p = positions[pc] = this.log.positionOf(code.lines[pc], code.cols[2 * pc], code.cols[2 * pc + 1], fs.info.file);
    }
    fs.pos = p;
    this.pos = p;
    this.queueFrame(fs);
    if (this.probe) this.probe(rt.steps + 1);
  }

  collectStart(generation: number, reason: number): void {
    this.event();
    this.log.plain(Ev.COLLECT, generation, reason, 0);
    this.bytesFreed = 0;
  }

  /** The unreachable objects a collection is about to clear (after finalizers and resurrection). */
  garbage(objects: PyObject[]): void {
    for (const o of objects) {
      const s = this.serialOf(o);
      this.event();
      this.log.obj(Ev.GARBAGE, s, 0, 0);
    }
  }

  collectEnd(stats: CollectionStats): void {
    this.event();
    this.log.plain(Ev.COLLECTED, stats.candidates, stats.unreachable, stats.finalized);
    this.log.plain(Ev.COLLECTED2, stats.resurrected, stats.collected, this.bytesFreed);
  }

  /** The program's main module finished: what follows is shutdown (Ev.END). */
  programEnded(exitCode: number): void {
    this.flush();
    this.event();
    this.log.plain(Ev.END, exitCode, 0, 0);
  }

  /** An exploratory call of `code` begins, or (null) the one in progress is over (explore.ts). */
  explore(code: CodeObject | null): void {
    this.flush();
    this.event();
    this.log.plain(Ev.EXPLORE, code ? this.codeInfo(code).index + 1 : 0, 0, 0);
  }

  /** The run ended: record the last changes. */
  finish(): Trace {
    this.flush();
    this.log.steps = rt.steps;
    serialBase = Math.max(serialBase, this.base + this.nextSerial);
    return this.log;
  }

  // ---- comparing

  /**
   * Records everything queued. `completed`: the frame whose instruction just finished (its next one is about to
   * run). Such an instruction popped every operand it was given, except the few it uses in place (FOR_ITER's
   * iterator, SEND's receiver, WITH_EXCEPT_START's exit; LIST_APPEND and its kind reach deeper, into
   * containers whose hooks report): the other entries still in place are not compared. A frame whose
   * instruction is still running (it called the frame that is stepping) has all its operands compared.
   */
  private flush(completed: Frame | null = null): void {
    const frames = this.queuedFrames;
    for (let i = 0; i < this.framesLen; i++) {
      const fs = frames[i];
      fs.queued = false;
      if (fs.cleared) continue;
      if (fs.slotsOnly) {
        this.diffFrame(fs);
        continue;
      }
      const ops = fs.ops;
      const f = fs.frame;
      const n = fs.nstack;
      const keep = f === completed ? (n - fs.inPlace < f.sp ? n - fs.inPlace : f.sp) : 0;
      const stack = f.stack;
      const callee = fs.callee;
      for (let j = 0; j < n; j++) {
        const o = ops[j];
        if (o !== null && (j >= keep || stack[j] !== o) && (j !== callee || !this.calledIntact(o))) this.operand(o);
      }
      for (let j = n; j < fs.nops; j++) this.operand(ops[j]!);
      this.diffFrame(fs);
    }
    this.framesLen = 0;
    const queue = this.queue;
    // Comparing may queue more (a type first seen): the loop takes them too.
    for (let i = 0; i < this.queueLen; i++) this.flushQueued(queue[i]);
    this.queueLen = 0;
    this.diffInterpreter();
    const rcList = this.rcList;
    const rcLen = this.rcLen;
    if (rcLen) {
      const known = this.rcKnown;
      const mark = this.rcMark;
      const base = this.base;
      for (let i = 0; i < rcLen; i++) {
        const o = rcList[i];
        const s = o.traceSerial - base;
        mark[s] = 0;
        if (this.bySerial[s] !== o) continue;
        const r = o.immortal ? -1 : o.ob_refcnt;
        if (known[s] !== r) {
          this.event();
          this.log.obj(Ev.REFCNT, s, r - known[s], 0);
          known[s] = r;
        }
      }
      this.rcLen = 0;
    }
    if (this.verify) this.verifyAll();
  }

  /** CALL's callable that its call leaves as it was, and whose references the trace already has (a shadow: an
   *  object the trace has not compared yet, a builtin say, gets its references written now). */
  private calledIntact(o: PyObject): boolean {
    const s = o.traceSerial - this.base;
    return s > 0 && this.shadows[s] !== undefined && callLeavesIntact(o);
  }

  /** An operand of the instruction: compared if what it holds may have changed without a hook saying so. */
  private operand(o: PyObject): void {
    if (o === rt.None) return;
    const s = o.traceSerial - this.base;
    if (s > 0) {
      if (this.bySerial[s] !== o) return;
      const sh = this.shadows[s];
      // An object with a shadow is not an atom (atoms are never compared, so never get one).
      if (sh !== undefined) {
        if (sh.queued) return; // its hooks queued it: compared with the queue
        if (sh.items !== null) {
          // Tuples do not change; a list changes through its hooks (a length change without one: compare).
          if (o instanceof PyList && o.items.length !== sh.items.length) this.enqueue(o, s, true);
        } else if (sh.entries !== null) {
          if ((o as PyDict).version !== sh.version) this.enqueue(o, s, false);
        } else {
          this.diffGeneric(o, s, sh);
        }
        return;
      }
    }
    if (isAtom(o)) return;
    this.flushQueued(o);
  }

  private flushQueued(o: PyObject): void {
    const s = this.serialOf(o);
    if (this.bySerial[s] !== o) return;
    let sh = this.shadows[s];
    if (sh === undefined) {
      sh = newShadow();
      this.shadows[s] = sh;
      const t = o.ob_type;
      if ((o instanceof PyList && t === rt.t.list) || (o instanceof PyTuple && t === rt.t.tuple)) {
        sh.items = [];
        sh.lo = 0;
        sh.hi = Infinity;
      } else if ((o instanceof PyDict && t === rt.t.dict) || (o instanceof PySet && (t === rt.t.set || t === rt.t.frozenset))) {
        sh.entries = new Map();
        sh.version = -1;
      } else {
        this.diffGeneric(o, s, sh);
        return;
      }
    }
    sh.queued = false;
    if (sh.items !== null) {
      if (sh.full) {
        sh.lo = 0;
        sh.hi = Infinity;
      }
      this.diffItems(o as PyList, s, sh);
    } else if (sh.entries !== null) {
      this.diffTable(o as PyDict, s, sh);
    } else {
      this.diffGeneric(o, s, sh);
    }
    sh.full = false;
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

  private add(target: PyObject, holder: number, slot: number): void {
    const t = this.serialOf(target);
    this.event();
    this.log.ref(Ev.REF_ADD, t, holder, slot);
  }

  private del(target: PyObject, holder: number, slot: number): void {
    const t = this.serialOf(target);
    this.event();
    this.log.ref(Ev.REF_DEL, t, holder, slot);
  }

  /** A frame's variables, value stack, function and frame object, slot by slot. */
  private diffFrame(fs: FrameShadow): void {
    const f = fs.frame;
    const h = fs.serial;
    const fast = f.fast;
    const old = fs.fast;
    const names = fs.info.names;
    for (let i = 0; i < fast.length; i++) {
      const o = fast[i];
      const was = old[i];
      if (o !== was) {
        const slot = names[i];
        if (was) this.del(was, h, slot);
        if (o) this.add(o, h, slot);
        old[i] = o;
      }
    }
    const stack = f.stack;
    const ostack = fs.stack;
    const sp = f.sp;
    const osp = fs.sp;
    const top = sp > osp ? sp : osp;
    for (let i = 0; i < top; i++) {
      const o = i < sp ? stack[i] : null;
      const was = i < osp ? ostack[i] : null;
      if (o !== was) {
        if (was) this.del(was, h, STACK | i);
        if (o) this.add(o, h, STACK | i);
        ostack[i] = o;
      }
    }
    fs.sp = sp;
    const snapshot = f.localsSnapshot ?? null;
    if (snapshot !== fs.localsSnapshot) {
      const slot = this.log.nameIndexOf('f_locals');
      if (fs.localsSnapshot) this.del(fs.localsSnapshot, h, slot);
      if (snapshot) this.add(snapshot, h, slot);
      fs.localsSnapshot = snapshot;
    }
    if (f.func !== fs.func) {
      const slot = this.log.nameIndexOf('f_func');
      if (fs.func) this.del(fs.func, h, slot);
      if (f.func) this.add(f.func, h, slot);
      fs.func = f.func;
    }
    const fo = f.frameObject && !f.done ? f.frameObject : null; // a finished frame let it go
    if (fo !== fs.frameObject) {
      const slot = this.log.nameIndexOf('f_frame_object');
      if (fs.frameObject) this.del(fs.frameObject, h, slot);
      if (fo) this.add(fo, h, slot);
      fs.frameObject = fo;
    }
  }

  /** A list's or tuple's items in the range the hooks named. */
  private diffItems(l: PyList | PyTuple, h: number, sh: Shadow): void {
    const items = l.items;
    const old = sh.items!;
    const n = items.length;
    const m = old.length;
    let lo = sh.lo;
    // Lengths that differ: everything past the shorter one is compared, whatever the hooks said.
    if (n !== m && lo > (n < m ? n : m)) lo = n < m ? n : m;
    let hi = n > m ? n : m;
    if (sh.hi < hi) hi = sh.hi;
    for (let i = lo; i < hi; i++) {
      const o = i < n ? items[i] : undefined;
      const was = i < m ? old[i] : undefined;
      if (o !== was) {
        if (was) this.del(was, h, INDEX | i);
        if (o) this.add(o, h, INDEX | i);
      }
    }
    if (n !== m || lo < hi) {
      const top = hi < n ? hi : n;
      for (let i = lo; i < top; i++) old[i] = items[i];
      if (n < m) old.length = n;
      else for (let i = m; i < n; i++) old[i] = items[i];
    }
    sh.lo = Infinity;
    sh.hi = -1;
  }

  /** A dict's or set's entries: the ones the hooks named, or all of them. */
  private diffTable(d: PyDict | PySet, h: number, sh: Shadow): void {
    const entries = sh.entries!;
    const pend = sh.pend ??= [];
    if (d.version === sh.version && !sh.full) {
      if (pend.length) pend.length = 0;
      return;
    }
    const isDict = d instanceof PyDict;
    let named = !sh.full && d.version - sh.version === pend.length;
    if (named) {
      for (let i = 0; i < pend.length; i++) {
        const e = pend[i] as (DictEntry & { mapKey?: unknown }) | null;
        if (e === null || e.mapKey === undefined) named = false;
      }
    }
    if (named) {
      for (let i = 0; i < pend.length; i++) {
        const e = pend[i] as DictEntry & { mapKey?: unknown };
        const was = entries.get(e);
        const live = d.map.get(e.mapKey) === e;
        if (was !== undefined && !live) {
          this.del(e.key, h, KEY);
          if (isDict) this.del(was, h, this.slotCode(Slot.VALUE, e.key));
          entries.delete(e);
        } else if (was === undefined && live) {
          this.add(e.key, h, KEY);
          if (isDict) this.add(e.value, h, this.slotCode(Slot.VALUE, e.key));
          entries.set(e, e.value);
        } else if (live && isDict && was !== e.value) {
          const slot = this.slotCode(Slot.VALUE, e.key);
          this.del(was!, h, slot);
          this.add(e.value, h, slot);
          entries.set(e, e.value);
        }
      }
    } else {
      // Removals first: a key removed and added again (a new entry) must end up present.
      const live = new Set<DictEntry>(d.map.values());
      for (const [e, was] of entries) {
        if (!live.has(e)) {
          this.del(e.key, h, KEY);
          if (isDict) this.del(was, h, this.slotCode(Slot.VALUE, e.key));
          entries.delete(e);
        } else if (isDict && was !== e.value) {
          this.del(was, h, this.slotCode(Slot.VALUE, e.key));
        }
      }
      for (const e of d.map.values()) {
        const was = entries.get(e);
        if (was === undefined) {
          this.add(e.key, h, KEY);
          if (isDict) this.add(e.value, h, this.slotCode(Slot.VALUE, e.key));
          entries.set(e, e.value);
        } else if (isDict && was !== e.value) {
          this.add(e.value, h, this.slotCode(Slot.VALUE, e.key));
          entries.set(e, e.value);
        }
      }
    }
    sh.version = d.version;
    if (pend.length) pend.length = 0;
  }

  /** Everything an object holds (referents.ts), against what was written. */
  private diffGeneric(o: PyObject, h: number, sh: Shadow): void {
    sh.queued = false;
    sh.full = false;
    this.scratchLen = 0;
    visitReferents(o, this.visitor);
    this.diffScratch(h, sh);
  }

  /** Compares the referents the visitor collected with the shadow's; slot codes only for what differs. */
  private diffScratch(h: number, sh: Shadow): void {
    const n = this.scratchLen;
    const kinds = this.scratchKinds;
    const keys = this.scratchKeys;
    const targets = this.scratchTargets;
    const ok = sh.kinds;
    const m = ok === null ? 0 : ok.length;
    if (n === m) {
      if (n === 0) return;
      const okeys = sh.keys!;
      const otargets = sh.targets!;
      let same = true;
      for (let i = 0; i < n; i++) {
        if (ok![i] !== kinds[i] || okeys[i] !== keys[i] || otargets[i] !== targets[i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    // Multiset difference on (slot, target) pairs: removals first, as the panel reads them.
    const slots = this.scratchSlots;
    for (let j = 0; j < n; j++) slots[j] = this.slotCode(kinds[j], keys[j]);
    if (this.scratchKeep.length < n) this.scratchKeep = new Uint8Array(2 * n);
    const keep = this.scratchKeep;
    keep.fill(0, 0, n);
    for (let i = 0; i < m; i++) {
      const slot = this.slotCode(ok![i], sh.keys![i]);
      const target = sh.targets![i];
      let found = -1;
      for (let j = 0; j < n; j++) {
        if (keep[j] === 0 && slots[j] === slot && targets[j] === target) {
          found = j;
          break;
        }
      }
      if (found >= 0) keep[found] = 1;
      else this.del(target, h, slot);
    }
    for (let j = 0; j < n; j++) if (keep[j] === 0) this.add(targets[j], h, slots[j]);
    // The shadow's own arrays are rewritten in place (an instance gaining attributes one by one allocates once).
    if (ok === null) {
      sh.kinds = kinds.slice(0, n);
      sh.keys = keys.slice(0, n);
      sh.targets = targets.slice(0, n);
    } else {
      const okeys = sh.keys!;
      const otargets = sh.targets!;
      if (ok.length !== n) {
        ok.length = n;
        okeys.length = n;
        otargets.length = n;
      }
      for (let i = 0; i < n; i++) {
        ok[i] = kinds[i];
        okeys[i] = keys[i];
        otargets[i] = targets[i];
      }
    }
  }

  private diffInterpreter(): void {
    const seen = this.interpSeen;
    if (!this.interpChanged && seen[0] === rt.modules && seen[1] === rt.builtins && seen[2] === rt.handled) return;
    this.interpChanged = false;
    seen[0] = rt.modules;
    seen[1] = rt.builtins;
    seen[2] = rt.handled;
    this.scratchLen = 0;
    this.visitInterpreter(this.visitor);
    this.diffScratch(this.interpSerial, this.interpShadow);
    // sys.modules and builtins change outside any instruction's operands (import, builtins.x = ...): their
    // hooks queue them.
  }

  /** Tests (verify): every list, tuple and table compared in full must agree with its shadow. */
  private verifyAll(): void {
    for (let s = 1; s < this.shadows.length; s++) {
      const sh = this.shadows[s];
      const o = this.bySerial[s] as PyObject | undefined;
      if (!sh || !o) continue;
      if (sh.items !== null) {
        const items = (o as PyList).items;
        const ok = items.length === sh.items.length && items.every((x, i) => x === sh.items![i]);
        if (!ok) throw new Error(`trace: ${o.ob_type.name} #${s} changed without a hook (step ${rt.steps})`);
      } else if (sh.entries !== null) {
        const d = o as PyDict;
        let ok = d.map.size === sh.entries.size;
        if (ok) for (const e of d.map.values()) if (sh.entries.get(e) !== (d instanceof PyDict ? e.value : e.key) && !(d instanceof PySet && sh.entries.has(e))) ok = false;
        if (!ok) throw new Error(`trace: ${o.ob_type.name} #${s} changed without a hook (step ${rt.steps})`);
      }
    }
  }
}

function newShadow(): Shadow {
  return { kinds: null, keys: null, targets: null, items: null, lo: Infinity, hi: -1, entries: null, version: -1, pend: null, queued: false, full: false };
}
