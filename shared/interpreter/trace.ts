// The trace: every step that matters, as compact variable-length records in byte chunks (about 15 MB per
// million steps of a loop), so a million-step run costs megabytes, not gigabytes. Hints, findings, the heap panel and the CLI all read
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
  /** ob_refcnt changed: a = serial, b = the change (immortal objects: KNOWN gives -1, and no change follows) */
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
  /** The program's main module finished (a = its exit status): what follows is interpreter shutdown. */
  END = 17,
  /** An exploratory call (the lens calling a function the program did not reach, after END): a = the code's
   *  index + 1 when it begins, 0 when it is over. */
  EXPLORE = 18,
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

/** Bytes per chunk of the event stream; a record never spans two chunks. */
const CHUNK = 1 << 20;
/** The longest record: a kind byte and three varints of at most 5 bytes, with room to spare. */
const MAX_RECORD = 32;

/** Writes an unsigned varint (up to 2^53) at buf[at]; returns the offset after it. Most values are one byte. */
function putU(buf: Uint8Array, at: number, v: number): number {
  if (v < 128) {
    buf[at] = v;
    return at + 1;
  }
  while (v >= 128) {
    buf[at++] = (v & 127) | 128;
    v = Math.floor(v / 128);
  }
  buf[at++] = v;
  return at;
}

/** Writes a signed varint (zigzag). */
function putZ(buf: Uint8Array, at: number, v: number): number {
  return putU(buf, at, v < 0 ? -2 * v - 1 : 2 * v);
}

/** Where a reader is in the event stream, with the registers the delta encoding needs: a checkpoint. */
export interface TraceCursor {
  /** Byte offset of the next record. */
  offset: number;
  step: number;
  serial: number;
  holder: number;
  /** The index of the last source position (`positions`, `positionFiles`); optional in a checkpoint. */
  pos?: number;
}

/**
 * The event store with its tables. Events are variable-length records in byte chunks: a kind byte, then
 * LEB128 varints. Serials are zigzag deltas from the last serial written (targets and objects) or the last
 * holder; steps are deltas; a step and a source position are one record (STEP with a position-table index);
 * ob_refcnt changes are deltas. `forEachFrom` decodes them back into absolute (kind, a, b, c) events.
 */
export class Trace {
  private chunks: Uint8Array[] = [new Uint8Array(CHUNK)];
  private used: number[] = [0];
  private buf: Uint8Array = this.chunks[0];
  private at = 0;
  events = 0;
  typeNames: string[] = [];
  private typeIndex = new Map<string, number>();
  names: string[] = [];
  private nameIndex = new Map<string, number>();
  /** Code objects: qualified name and file. */
  codes: { qualname: string; filename: string; firstlineno: number }[] = [];
  /** Source positions (line, start column, end column), three numbers each; STEP records name them by index. */
  positions: number[] = [0, 0, 0];
  /** The file of each position (an index in `files`; 0 is the program's own file). */
  positionFiles: number[] = [0];
  files: string[] = [];
  private positionIndex = new Map<string, number>();
  /** The simulated version (311..314): what the generation numbers mean depends on it. */
  version = 313;
  /** Steps executed when the run ended (heapAt(trace, steps + 1) is the final heap). */
  steps = 0;
  private lastStep = 0;
  private lastPos = 0;
  private lastSerial = 0;
  private lastHolder = 0;

  /** The index of a source position (line, start column, end column, file index) in `positions`. */
  positionOf(line: number, col: number, endCol: number, file = 0): number {
    const k = line + ',' + col + ',' + endCol + ',' + file;
    let i = this.positionIndex.get(k);
    if (i === undefined) {
      i = this.positions.length / 3;
      this.positions.push(line, col, endCol);
      this.positionFiles.push(file);
      this.positionIndex.set(k, i);
    }
    return i;
  }

  /** The index of a file name in `files`. */
  fileIndexOf(name: string): number {
    const i = this.files.indexOf(name);
    return i >= 0 ? i : this.files.push(name) - 1;
  }

  /** Starts the events of `step` at source position `pos` (an index from positionOf) when either changed. */
  stepAt(step: number, pos: number): void {
    if (step === this.lastStep && pos === this.lastPos) return;
    if (this.at > CHUNK - MAX_RECORD) this.room();
    const buf = this.buf;
    let at = this.at;
    if (pos === this.lastPos) {
      buf[at++] = Ev.STEP;
      at = putU(buf, at, step - this.lastStep);
      this.events++;
    } else {
      buf[at++] = STEP_POS;
      at = putU(buf, at, step - this.lastStep);
      at = putU(buf, at, pos);
      this.events += 2;
    }
    this.at = at;
    this.lastStep = step;
    this.lastPos = pos;
  }

  /** An event about one object: ALLOC, KNOWN, DEALLOC, REFCNT (b a delta), GEN, GARBAGE, FRAME, FRAME_CLEAR. */
  obj(kind: Ev, serial: number, b: number, c: number): void {
    if (this.at > CHUNK - MAX_RECORD) this.room();
    const buf = this.buf;
    let at = this.at;
    buf[at++] = kind;
    at = putZ(buf, at, serial - this.lastSerial);
    this.lastSerial = serial;
    switch (kind) {
      case Ev.ALLOC: at = putU(buf, at, b); at = putU(buf, at, c); break;
      case Ev.KNOWN: at = putU(buf, at, b); at = putU(buf, at, c + 1); break;
      case Ev.DEALLOC: at = putU(buf, at, b); break;
      case Ev.RESIZE: at = putU(buf, at, b); at = putU(buf, at, c); break;
      case Ev.REFCNT: at = putZ(buf, at, b); break;
      case Ev.GEN: at = putU(buf, at, b + 1); break;
      case Ev.FRAME: at = putU(buf, at, b + 1); at = putU(buf, at, c); break;
    }
    this.at = at;
    this.events++;
  }

  /** REF_ADD / REF_DEL: target serial, holder serial, slot code. */
  ref(kind: Ev, target: number, holder: number, slot: number): void {
    if (this.at > CHUNK - MAX_RECORD) this.room();
    const buf = this.buf;
    let at = this.at;
    buf[at++] = kind;
    at = putZ(buf, at, target - this.lastSerial);
    this.lastSerial = target;
    at = putZ(buf, at, holder - this.lastHolder);
    this.lastHolder = holder;
    // kind in the low 3 bits: small parameters (stack depths, list indices) stay one byte.
    at = putU(buf, at, ((slot & SLOT_MASK) * 8) + (slot >>> SLOT_SHIFT));
    this.at = at;
    this.events++;
  }

  /** COLLECT, COLLECTED, COLLECTED2, END, EXPLORE: three counts. */
  plain(kind: Ev, a: number, b: number, c: number): void {
    if (this.at > CHUNK - MAX_RECORD) this.room();
    const buf = this.buf;
    let at = this.at;
    buf[at++] = kind;
    at = putU(buf, at, a);
    at = putU(buf, at, b);
    at = putU(buf, at, c);
    this.at = at;
    this.events++;
  }

  /** A new chunk: the record about to be written could overrun this one. */
  private room(): void {
    this.used[this.used.length - 1] = this.at;
    this.buf = new Uint8Array(CHUNK);
    this.chunks.push(this.buf);
    this.used.push(0);
    this.at = 0;
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

  /** A cursor at the start of the events. */
  start(): TraceCursor {
    return { offset: 0, step: 0, serial: 0, holder: 0 };
  }

  /** Visits every event in order. */
  forEach(visit: (kind: Ev, a: number, b: number, c: number) => void): void {
    this.forEachFrom(this.start(), (kind, a, b, c) => { visit(kind, a, b, c); });
  }

  // The reader's position while decoding (forEachFrom).
  private rbuf: Uint8Array = this.buf;
  private rp = 0;

  private ru(): number {
    const buf = this.rbuf;
    let p = this.rp;
    let byte = buf[p++];
    let v = byte & 127;
    let mul = 128;
    while (byte >= 128) {
      byte = buf[p++];
      v += (byte & 127) * mul;
      mul *= 128;
    }
    this.rp = p;
    return v;
  }

  private rz(): number {
    const u = this.ru();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  /**
   * Visits the events from `cursor` on, decoded to absolute values (REFCNT's b stays a change), until `visit`
   * returns false at a STEP event. At a STEP event `cursor` stands before it: a copy of it is a checkpoint, and
   * when `visit` returns false the cursor is left there. Otherwise the cursor ends after the last event.
   */
  forEachFrom(cursor: TraceCursor, visit: (kind: Ev, a: number, b: number, c: number, cursor: TraceCursor) => boolean | void): void {
    this.used[this.used.length - 1] = this.at;
    const cur = cursor;
    let ci = Math.floor(cur.offset / CHUNK);
    this.rp = cur.offset - ci * CHUNK;
    this.rbuf = this.chunks[ci];
    let end = this.used[ci];
    const positions = this.positions;
    for (;;) {
      while (this.rp >= end) {
        if (ci + 1 >= this.chunks.length) {
          cur.offset = ci * CHUNK + this.rp;
          return;
        }
        ci++;
        this.rp = 0;
        this.rbuf = this.chunks[ci];
        end = this.used[ci];
      }
      const start = this.rp;
      const kind = this.rbuf[this.rp++];
      if (kind === Ev.STEP || kind === STEP_POS) {
        const step = cur.step + this.ru();
        cur.offset = ci * CHUNK + start;
        if (visit(Ev.STEP, step, 0, 0, cur) === false) return;
        cur.step = step;
        if (kind === STEP_POS) {
          const i = this.ru();
          cur.pos = i;
          visit(Ev.POS, positions[3 * i], positions[3 * i + 1], positions[3 * i + 2], cur);
        }
        continue;
      }
      let a = 0;
      let b = 0;
      let c = 0;
      if (kind === Ev.COLLECT || kind === Ev.COLLECTED || kind === Ev.COLLECTED2 || kind === Ev.END || kind === Ev.EXPLORE) {
        a = this.ru();
        b = this.ru();
        c = this.ru();
      } else {
        a = cur.serial + this.rz();
        cur.serial = a;
        switch (kind) {
          case Ev.REF_ADD:
          case Ev.REF_DEL: {
            b = cur.holder + this.rz();
            cur.holder = b;
            const u = this.ru();
            c = ((u % 8) << SLOT_SHIFT) | Math.floor(u / 8);
            break;
          }
          case Ev.ALLOC: b = this.ru(); c = this.ru(); break;
          case Ev.KNOWN: b = this.ru(); c = this.ru() - 1; break;
          case Ev.DEALLOC: b = this.ru(); break;
          case Ev.RESIZE: b = this.ru(); c = this.ru(); break;
          case Ev.REFCNT: b = this.rz(); break;
          case Ev.GEN: b = this.ru() - 1; break;
          case Ev.FRAME: b = this.ru() - 1; c = this.ru(); break;
        }
      }
      visit(kind as Ev, a, b, c, cur);
    }
  }

  /** Bytes the trace's events occupy. */
  get byteLength(): number {
    let n = 0;
    for (let i = 0; i < this.chunks.length - 1; i++) n += this.used[i];
    return n + this.at;
  }
}

/** A STEP record that also gives the source position (decoded as a STEP and a POS event). */
const STEP_POS = 32;

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
