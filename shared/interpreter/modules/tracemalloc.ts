// The _tracemalloc module (Python/tracemalloc.c, Modules/_tracemalloc.c): while tracing, every block the
// allocator hands out (an object with its pre-header, a buffer it owns) is traced at its requested size with the
// Python frames that asked for it, most recent first; freeing a traced block forgets it, freeing an untraced one
// (made before start()) changes nothing. Lib/tracemalloc.py (pylib/tracemalloc.ts) builds snapshots on top.
import { excType, indexValue } from '../abstract';
import { PyInt, PyList, PyModule, PyObject, PyStr, PyTuple } from '../objects';
import { decref, incref, newBool, newInt, newList, newStr, newTuple, preHeaderSize, raise, rt, type MallocHooks } from '../runtime';
import { gcHeadSize } from '../sizes';
import * as dict from '../types/dict';
import { bindArgs, builtinFunction, exactArgs } from '../types/util';

/** MAX_NFRAME (Python/tracemalloc.c): frames a traceback keeps at most. */
const MAX_NFRAME = 65535;

interface Frame {
  filename: string;
  lineno: number;
}

/** A traceback as tracemalloc interns it: its frames and their count before truncation (total_nframe). */
interface Traceback {
  frames: Frame[];
  total: number;
  key: string;
}

interface TracedBlock {
  size: number;
  traceback: Traceback;
}

/** The traces of one tracing session (tracemalloc_traces, tracemalloc_traced_memory, tracemalloc_peak). */
class Tracer implements MallocHooks {
  traces = new Map<number, TracedBlock>();
  tracebacks = new Map<string, Traceback>();
  traced = 0;
  peak = 0;
  constructor(public maxNframe: number) {}

  /** traceback_get_frames: the running Python frames, most recent first ('<unknown>', 0 when none). */
  private traceback(): Traceback {
    const frames: Frame[] = [];
    let total = 0;
    for (let f = rt.frame; f; f = f.back) {
      if (frames.length < this.maxNframe) frames.push({ filename: f.code.filename, lineno: f.lineno });
      total++;
    }
    if (!frames.length) frames.push({ filename: '<unknown>', lineno: 0 });
    const key = frames.map((x) => `${x.filename}:${x.lineno}`).join('\n') + `#${total}`;
    let tb = this.tracebacks.get(key);
    if (!tb) this.tracebacks.set(key, (tb = { frames, total, key }));
    return tb;
  }

  /** tracemalloc_add_trace: a block at an address already traced replaces that trace. */
  malloc(address: number, size: number): void {
    const old = this.traces.get(address);
    if (old) this.traced -= old.size;
    this.traces.set(address, { size, traceback: this.traceback() });
    this.traced += size;
    if (this.traced > this.peak) this.peak = this.traced;
  }

  /** tracemalloc_remove_trace */
  free(address: number): void {
    const t = this.traces.get(address);
    if (!t) return;
    this.traced -= t.size;
    this.traces.delete(address);
  }

  clear(): void {
    this.traces.clear();
    this.tracebacks.clear();
    this.traced = 0;
    this.peak = 0;
  }

  /** _PyTraceMalloc_GetMemory: what tracemalloc's own tables take. Modelled on its structs: a hashtable entry
   *  (key, value, hash, next) and a trace_t (size, traceback) per trace; per traceback its frames
   *  (filename, lineno) after a header, and an entry; the tables' bucket arrays. */
  memory(): number {
    const p = rt.version.ptr;
    let size = 4 * p * 3; // the three hashtables
    size += this.traces.size * (4 * p + 2 * p);
    for (const tb of this.tracebacks.values()) size += 4 * p + 8 + tb.frames.length * (p + 4 + 4);
    size += (this.traces.size + this.tracebacks.size) * p; // buckets
    return size;
  }
}

function frameTuple(f: Frame): PyTuple {
  return newTuple([newStr(f.filename), newInt(f.lineno)]);
}

/** A traceback as _tracemalloc returns it: ((filename, lineno), ...), most recent first. */
function tracebackTuple(tb: Traceback): PyTuple {
  return newTuple(tb.frames.map(frameTuple));
}

export function installTracemalloc(m: PyModule): void {
  const d = m.dict;
  let tracer: Tracer | null = null;
  let tracebackLimit = 1;
  const fn = (name: string, f: (args: PyObject[], kw: PyStr[] | null) => PyObject): void => {
    const o = builtinFunction(name, f, m);
    dict.setItemStr(d, name, o);
    decref(o);
  };
  fn('start', (args, kw) => {
    const [n] = bindArgs('start', args, kw, ['nframe'], 0);
    const nframe = n ? Number(indexValue(n)) : 1;
    if (nframe < 1 || nframe > MAX_NFRAME) raise(excType('ValueError'), `the number of frames must be in range [1; ${MAX_NFRAME}]`);
    tracebackLimit = nframe;
    if (tracer) tracer.maxNframe = nframe;
    else rt.memory = tracer = new Tracer(nframe);
    return incref(rt.None);
  });
  fn('stop', (args, kw) => {
    exactArgs('stop', args, 0, kw);
    // tracemalloc_stop: stop tracing and drop the traces
    tracer?.clear();
    tracer = null;
    rt.memory = null;
    return incref(rt.None);
  });
  fn('is_tracing', (args, kw) => {
    exactArgs('is_tracing', args, 0, kw);
    return newBool(tracer !== null);
  });
  fn('clear_traces', (args, kw) => {
    exactArgs('clear_traces', args, 0, kw);
    tracer?.clear();
    return incref(rt.None);
  });
  fn('get_traced_memory', (args, kw) => {
    exactArgs('get_traced_memory', args, 0, kw);
    return newTuple([newInt(tracer?.traced ?? 0), newInt(tracer?.peak ?? 0)]);
  });
  fn('reset_peak', (args, kw) => {
    exactArgs('reset_peak', args, 0, kw);
    if (tracer) tracer.peak = tracer.traced;
    return incref(rt.None);
  });
  fn('get_traceback_limit', (args, kw) => {
    exactArgs('get_traceback_limit', args, 0, kw);
    return newInt(tracebackLimit);
  });
  fn('get_tracemalloc_memory', (args, kw) => {
    exactArgs('get_tracemalloc_memory', args, 0, kw);
    return newInt(tracer ? tracer.memory() : 0);
  });
  fn('_get_traces', (args, kw) => {
    exactArgs('_get_traces', args, 0, kw);
    // Copied first (tracemalloc_copy_traces), so the list built here is not among them.
    const traces = tracer ? [...tracer.traces.values()] : [];
    const tuples = new Map<Traceback, PyTuple>();
    const items = traces.map((t) => {
      let tb = tuples.get(t.traceback);
      if (!tb) tuples.set(t.traceback, (tb = tracebackTuple(t.traceback)));
      return newTuple([newInt(0), newInt(t.size), incref(tb), newInt(t.traceback.total)]);
    });
    for (const tb of tuples.values()) decref(tb);
    return newList(items);
  });
  // Snapshot.dump / Snapshot.load (Lib/tracemalloc.py pickles the snapshot into the file): the simulation keeps
  // the written files of this run here, as plain data, and load unpickles new objects from them; objects that
  // were one object when dumped are one again (pickle's memo).
  const files = new Map<string, [Pickled, Pickled]>();
  fn('_dump_snapshot', (args, kw) => {
    exactArgs('_dump_snapshot', args, 3, kw);
    const name = fileName(args[0]);
    files.set(name, [freeze(args[1], new Map()), freeze(args[2], new Map())]);
    return incref(rt.None);
  });
  fn('_load_snapshot', (args, kw) => {
    exactArgs('_load_snapshot', args, 1, kw);
    const name = fileName(args[0]);
    const saved = files.get(name);
    if (!saved) raise(excType('FileNotFoundError'), `[Errno 2] No such file or directory: '${name}'`);
    const memo = new Map<Pickled, PyObject>();
    return newTuple(saved!.map((p) => thaw(p, memo)));
  });
  fn('_get_object_traceback', (args, kw) => {
    exactArgs('_get_object_traceback', args, 1, kw);
    const o = args[0];
    // 3.11 steps back over the GC header only (PyType_IS_GC); 3.12+ over the whole pre-header.
    const header = rt.v >= 312 ? preHeaderSize(o.ob_type) : o.ob_type.hasGC ? gcHeadSize() : 0;
    const t = tracer?.traces.get(o.address - header);
    return t ? tracebackTuple(t.traceback) : incref(rt.None);
  });
}

/** Plain data as pickle keeps it: ints, strs, None, and tuples and lists of them (one JS value per object). */
type Pickled = bigint | number | string | null | { tuple: Pickled[] } | { list: Pickled[] };

/** open()'s file argument: a str path. */
function fileName(o: PyObject): string {
  if (!(o instanceof PyStr)) raise(excType('TypeError'), `expected str, bytes or os.PathLike object, not ${o.ob_type.name}`);
  return (o as PyStr).value;
}

function freeze(o: PyObject, memo: Map<PyObject, Pickled>): Pickled {
  const seen = memo.get(o);
  if (seen !== undefined) return seen;
  let p: Pickled;
  if (o === rt.None) p = null;
  else if (o instanceof PyInt && o.ob_type === rt.t.int) p = o.value;
  else if (o instanceof PyStr) p = o.value;
  else if (o instanceof PyTuple) p = { tuple: o.items.map((x) => freeze(x, memo)) };
  else if (o instanceof PyList) p = { list: o.items.map((x) => freeze(x, memo)) };
  else return raise(excType('TypeError'), `cannot pickle '${o.ob_type.name}' object`);
  if (typeof p === 'object' && p !== null) memo.set(o, p);
  return p;
}

function thaw(p: Pickled, memo: Map<Pickled, PyObject>): PyObject {
  if (p === null) return incref(rt.None);
  if (typeof p === 'string') return newStr(p);
  if (typeof p !== 'object') return newInt(p);
  const seen = memo.get(p);
  if (seen) return incref(seen);
  const o = 'tuple' in p ? newTuple(p.tuple.map((x) => thaw(x, memo))) : newList(p.list.map((x) => thaw(x, memo)));
  memo.set(p, o);
  return o;
}
