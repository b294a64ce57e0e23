// The trace: every step that matters, as compact records in typed-array chunks (four int32 words per event),
// so a million-step run costs megabytes, not gigabytes. Hints, findings, the heap panel and the CLI all read
// it (shared/heap/heapview.ts replays it). Objects and frames are named by serial number (first sight order),
// types, names and code objects by index into tables. tracerecorder.ts turns the runtime's changes into events.

export const enum Ev {
  /** The events that follow happen during instruction a (rt.steps); a boundary's own events carry the step
   *  before it, so "the heap before step N" is everything tagged < N. */
  STEP = 1,
  /** Where the events that follow come from: a = line, b = start column, c = end column (the instruction's
   *  position as the code object keeps it, code.ts `cols`). */
  POS = 2,
  /** a = serial, b = type index, c = bytes requested from the allocator (the struct and its pre-header) */
  ALLOC = 3,
  /** An object that existed before the trace began, first seen now: a = serial, b = type index, c = refcount */
  KNOWN = 4,
  /** a = serial, b = reason (0 refcount zero, 1 the collector). All of its references go with it. */
  DEALLOC = 5,
  /** ob_refcnt changed: a = serial, b = new count */
  REFCNT = 6,
  /** A strong reference: a = target serial, b = holder serial (object or frame), c = slot (see Slot) */
  REF_ADD = 7,
  REF_DEL = 8,
  /** A frame began: a = frame serial, b = code index, c = serial of the frame that called it (0: none) */
  FRAME = 9,
  /** A frame's locals and stack were released (_PyFrame_ClearLocals): a = frame serial */
  FRAME_CLEAR = 10,
  /** The collector's list an object is in: a = serial, b = Gen.* (a list index 0–3, or working / untracked) */
  GEN = 11,
  /** A collection begins: a = generation (3.14: 0 young, 1 increment, 2 full), b = Reason.* */
  COLLECT = 12,
  /** A collection's garbage (the unreachable objects it will clear): a = serial, one event per object */
  GARBAGE = 13,
  /** A collection ends (two records): a = examined, b = unreachable found, c = finalizers run; then
   *  a = resurrected, b = collected (what gc.collect() counts), c = bytes freed */
  COLLECTED = 14,
  COLLECTED2 = 15,
  /** The buffer an object owns was (re)allocated or freed (a list's items, a dict's keys, a set's table...):
   *  a = serial, b = bytes requested now (0: freed), c = bytes before. A dealloc frees the buffer with it. */
  RESIZE = 16,
}

/** Slot codes: kind in the top 4 bits, a parameter in the low 28. */
export const enum Slot {
  /** An attribute, a frame variable or a named field: param = index in `names`. */
  NAME = 0,
  /** A list, tuple or deque index. */
  INDEX = 1,
  /** A dict's value under a non-str key: param = the key's serial. */
  VALUE = 2,
  /** A dict's value under a str key: param = index in `names` of the key's text. */
  VALUE_STR = 3,
  /** A dict key or a set member. */
  KEY = 4,
  /** An entry of a frame's value stack (a temporary): param = its depth. */
  STACK = 5,
  /** A referent without a name (what tp_traverse visits, in its order): param = ordinal. */
  OTHER = 6,
}

export const SLOT_SHIFT = 28;
export const SLOT_MASK = (1 << SLOT_SHIFT) - 1;

/** The collector's lists, as GEN events name them (GCState.lists indices 0–3 are the list itself). */
export const enum Gen {
  /** Held by a collection in progress (its working list). */
  COLLECTING = 4,
  UNTRACKED = -1,
}

export const enum Reason {
  HEAP = 0,
  MANUAL = 1,
  SHUTDOWN = 2,
}

const CHUNK = 1 << 16;

/** The event store with its tables. */
export class Trace {
  private chunks: Int32Array[] = [new Int32Array(CHUNK * 4)];
  private at = 0;
  events = 0;
  typeNames: string[] = [];
  private typeIndex = new Map<string, number>();
  names: string[] = [];
  private nameIndex = new Map<string, number>();
  /** Code objects: qualified name and file. */
  codes: { qualname: string; filename: string; firstlineno: number }[] = [];
  /** The simulated version (311..314): what the generation numbers mean depends on it. */
  version = 313;
  /** Steps executed when the run ended (heapAt(trace, steps + 1) is the final heap). */
  steps = 0;
  private lastStep = -1;
  private lastPos = [-1, -1, -1];

  /** Appends one event (tagged with `step`, at source position `pos`). */
  push(kind: number, a: number, b: number, c: number, step: number, pos?: Int32Array | number[]): void {
    if (step !== this.lastStep) {
      this.lastStep = step;
      this.raw(Ev.STEP, step, 0, 0);
    }
    if (pos && (pos[0] !== this.lastPos[0] || pos[1] !== this.lastPos[1] || pos[2] !== this.lastPos[2])) {
      this.lastPos[0] = pos[0];
      this.lastPos[1] = pos[1];
      this.lastPos[2] = pos[2];
      this.raw(Ev.POS, pos[0], pos[1], pos[2]);
    }
    this.raw(kind, a, b, c);
  }

  private raw(kind: number, a: number, b: number, c: number): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (this.at === CHUNK) {
      chunk = new Int32Array(CHUNK * 4);
      this.chunks.push(chunk);
      this.at = 0;
    }
    const i = this.at * 4;
    chunk[i] = kind;
    chunk[i + 1] = a;
    chunk[i + 2] = b;
    chunk[i + 3] = c;
    this.at++;
    this.events++;
  }

  typeIndexOf(name: string): number {
    let t = this.typeIndex.get(name);
    if (t === undefined) {
      t = this.typeNames.length;
      this.typeNames.push(name);
      this.typeIndex.set(name, t);
    }
    return t;
  }

  nameIndexOf(name: string): number {
    let t = this.nameIndex.get(name);
    if (t === undefined) {
      t = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, t);
    }
    return t;
  }

  /** Visits every event in order. */
  forEach(visit: (kind: Ev, a: number, b: number, c: number) => void): void {
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k];
      const n = k === this.chunks.length - 1 ? this.at : CHUNK;
      for (let i = 0; i < n; i++) visit(chunk[i * 4] as Ev, chunk[i * 4 + 1], chunk[i * 4 + 2], chunk[i * 4 + 3]);
    }
  }

  /** Visits the events from index `start` on, until `visit` returns false. */
  forEachFrom(start: number, visit: (kind: Ev, a: number, b: number, c: number, index: number) => boolean | void): void {
    for (let i = start; i < this.events; i++) {
      const chunk = this.chunks[Math.floor(i / CHUNK)];
      const j = (i % CHUNK) * 4;
      if (visit(chunk[j] as Ev, chunk[j + 1], chunk[j + 2], chunk[j + 3], i) === false) return;
    }
  }

  /** Bytes the trace occupies (its event chunks). */
  get byteLength(): number {
    return this.chunks.length * CHUNK * 16;
  }
}

/** A slot code as text: `x`, `[3]`, `['key']`, `[key #12]`, `key`, `stack[0]`, `referent 2`. */
export function slotText(trace: Trace, slot: number): string {
  const kind = slot >>> SLOT_SHIFT;
  const p = slot & SLOT_MASK;
  switch (kind) {
    case Slot.NAME: return trace.names[p];
    case Slot.INDEX: return `[${p}]`;
    case Slot.VALUE: return `[key #${p}]`;
    case Slot.VALUE_STR: return `[${JSON.stringify(trace.names[p]).replace(/^"|"$/g, "'")}]`;
    case Slot.KEY: return 'key';
    case Slot.STACK: return `stack[${p}]`;
    default: return `referent ${p}`;
  }
}
