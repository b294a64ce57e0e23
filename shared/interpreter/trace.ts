// The trace: every step that matters, as compact records in typed-array chunks (four int32 words per event),
// so a million-step run costs megabytes, not gigabytes. Hints, findings, the heap panel and the CLI all read
// it. Objects are named by serial number (allocation order), types and code objects by index into tables.
import type { PyObject } from './objects';

export const enum Ev {
  /** a = serial, b = type index, c = line */
  ALLOC = 1,
  /** a = serial, b = reason (0 refcount zero, 1 the collector), c = line */
  DEALLOC = 2,
  /** a = line, b = code index */
  LINE = 3,
  /** a = code index, b = depth */
  CALL = 4,
  RETURN = 5,
  /** a = serial of the object, b = serial of the holder (0: a frame variable), c = line */
  REF_ADD = 6,
  REF_DEL = 7,
  /** A collection: a = generation (+ 0x100 when an allocation count triggered it, not gc.collect()),
   *  b = objects examined, c = line; followed by COLLECTED. */
  COLLECT = 8,
  /** a = unreachable objects collected, b = resurrected by their finalizers */
  COLLECTED = 9,
}

const CHUNK = 1 << 16;

export class Trace {
  private chunks: Int32Array[] = [new Int32Array(CHUNK * 4)];
  private at = 0;
  events = 0;
  typeNames: string[] = [];
  private typeIndex = new Map<string, number>();
  private nextSerial = 1;
  serials = new WeakMap<PyObject, number>();
  /** The line being executed (kept by the VM). */
  line = 0;

  private push(kind: number, a: number, b: number, c: number): void {
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

  serialOf(o: PyObject): number {
    return this.serials.get(o) ?? 0;
  }

  alloc(o: PyObject): void {
    const serial = this.nextSerial++;
    this.serials.set(o, serial);
    const name = o.ob_type.name;
    let t = this.typeIndex.get(name);
    if (t === undefined) {
      t = this.typeNames.length;
      this.typeNames.push(name);
      this.typeIndex.set(name, t);
    }
    this.push(Ev.ALLOC, serial, t, this.line);
  }

  dealloc(o: PyObject, reason: number): void {
    this.push(Ev.DEALLOC, this.serialOf(o), reason, this.line);
  }

  collection(generation: number, automatic: boolean, stats: { candidates: number; collected: number; resurrected: number }): void {
    this.push(Ev.COLLECT, generation | (automatic ? 0x100 : 0), stats.candidates, this.line);
    this.push(Ev.COLLECTED, stats.collected, stats.resurrected, 0);
  }

  lineEvent(line: number, code: number): void {
    this.line = line;
    this.push(Ev.LINE, line, code, 0);
  }

  /** Visits every event in order. */
  forEach(visit: (kind: Ev, a: number, b: number, c: number) => void): void {
    for (let k = 0; k < this.chunks.length; k++) {
      const chunk = this.chunks[k];
      const n = k === this.chunks.length - 1 ? this.at : CHUNK;
      for (let i = 0; i < n; i++) visit(chunk[i * 4] as Ev, chunk[i * 4 + 1], chunk[i * 4 + 2], chunk[i * 4 + 3]);
    }
  }

  /** Bytes the trace occupies. */
  get byteLength(): number {
    return this.chunks.length * CHUNK * 16;
  }
}
