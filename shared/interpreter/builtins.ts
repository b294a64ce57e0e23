// The builtins module's functions (Python/bltinmodule.c) and its iterator types (enumerate, zip, map, filter,
// reversed, callable_iterator). The value types (int, str, list, ...) are in types/.
import { binaryOp, call, callDescriptor, isCallable, callMethod, callSpecial, EQ, excType, findSlot, getAttr, getAttrOpt, getItem, getIter, GT, indexValue, isInstance, isSubtype, isTrue, iterate, iterNext, length, lookupType, LT, repr, richCompareBool, setAttr, strText, typeName, unaryOp } from './abstract';
import {
  PyBuiltin, PyComplex, PyDict, PyFloat, PyInt, PyIterator, PyModule, PyObject, PyStr, PyTuple, PyType,
} from './objects';
import {
  alloc, decref, incref, newBool, newDict, newFloat, newInt, newList, newStr, newTuple, newTupleFromArray, internStr, raise, rt, xdecref,
} from './runtime';
import { computeLinearMro } from './typetable';
import { bindArgs, builtinFunction, clinicParserInit, exactArgs, invalidKeyword, rangeArgs } from './types/util';
import * as dict from './types/dict';
import { makeBuildClass } from './types/type';
import { hash64 } from './types/hashing';
import { newComplex } from './types/complex';
import { intToFloat } from './types/int';
import { listFromIterable } from './types/list';
import { frameLocals } from './vm';

type Fn = (args: PyObject[], kwnames: PyStr[] | null) => PyObject;

function typeError(msg: string): never {
  return raise(excType('TypeError'), msg);
}

/** Where print() and sys.stdout.write go. */
export function writeStdout(s: string): void {
  rt.stdout.push(s);
}

export function writeStderr(s: string): void {
  rt.stderr.push(s);
}

/** file.write(s) on the simulated standard streams, or any object with a write method. */
function writeTo(file: PyObject | null, s: string): void {
  if (!file || file === rt.None) return writeStdout(s);
  const stream = (file as PyObject & { stream?: 'stdout' | 'stderr' }).stream;
  if (stream === 'stdout') return writeStdout(s);
  if (stream === 'stderr') return writeStderr(s);
  const text = newStr(s);
  try {
    decref(callMethod(file, 'write', [text]));
  } finally {
    decref(text);
  }
}

const print: Fn = (args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  // builtin_print (Argument Clinic, *args): the positional arguments are packed in a tuple for the call.
  clinicParserInit('print', ['sep', 'end', 'file', 'flush']);
  const argsTuple = newTupleFromArray(pos.map((a) => incref(a)));
  rt.trace?.hold('print() arguments', argsTuple);
  try {
    return printImpl(pos, args, kwnames, nkw);
  } finally {
    rt.trace?.release(argsTuple);
    decref(argsTuple);
  }
};

function printImpl(pos: PyObject[], args: PyObject[], kwnames: PyStr[] | null, nkw: number): PyObject {
  let sep = ' ';
  let end = '\n';
  let file: PyObject | null = null;
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i].value;
    const v = args[pos.length + i];
    if (k === 'sep' || k === 'end') {
      if (v !== rt.None && !(v instanceof PyStr)) typeError(`${k} must be None or a string, not ${typeName(v)}`);
      if (v instanceof PyStr) (k === 'sep' ? (sep = v.value) : (end = v.value));
    } else if (k === 'file') file = v;
    else if (k !== 'flush') invalidKeyword('print', k, ['sep', 'end', 'file', 'flush']);
  }
  if (!file || file === rt.None) {
    // print() writes to whatever sys.stdout is now (contextlib.redirect_stdout replaces it); None: nothing.
    const sys = dict.getItemStr(rt.modules, 'sys');
    const out = sys ? dict.getItemStr((sys as PyModule).dict, 'stdout') : null;
    if (out === rt.None) return incref(rt.None);
    if (out) file = out;
  }
  if (file && file !== rt.None && !(file as { stream?: string }).stream) {
    for (let i = 0; i < pos.length; i++) {
      if (i) writeTo(file, sep);
      writeTo(file, strText(pos[i]));
    }
    writeTo(file, end);
    return incref(rt.None);
  }
  let out = '';
  for (let i = 0; i < pos.length; i++) {
    if (i) out += sep;
    out += strText(pos[i]);
  }
  writeTo(file, out + end);
  return incref(rt.None);
}

function minmax(name: 'min' | 'max', op: number): Fn {
  return (args, kwnames) => {
    const nkw = kwnames ? kwnames.length : 0;
    const pos = args.slice(0, args.length - nkw);
    let key: PyObject | null = null;
    let dflt: PyObject | null = null;
    for (let i = 0; i < nkw; i++) {
      const k = kwnames![i].value;
      if (k === 'key') key = args[pos.length + i] === rt.None ? null : args[pos.length + i];
      else if (k === 'default') dflt = args[pos.length + i];
      else invalidKeyword(name, k, ['key', 'default']);
    }
    if (!pos.length) typeError(`${name} expected at least 1 argument, got 0`);
    if (pos.length > 1 && dflt) typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    const source = pos.length === 1 ? pos[0] : newTuple(pos.map(incref));
    let best: PyObject | null = null;
    let bestKey: PyObject | null = null;
    try {
      iterate(source, (item) => {
        const k = key ? call(key, [item]) : incref(item);
        if (best === null || richCompareBool(k, bestKey!, op)) {
          xdecref(best);
          xdecref(bestKey);
          best = item;
          bestKey = k;
        } else {
          decref(item);
          decref(k);
        }
      });
    } finally {
      if (pos.length !== 1) decref(source);
      xdecref(bestKey);
    }
    if (best === null) {
      if (dflt) return incref(dflt);
      raise(excType('ValueError'), `${name}() ${rt.v >= 312 ? 'iterable argument is empty' : 'arg is an empty sequence'}`);
    }
    return best!;
  };
}

/** Neumaier's compensated sum (CompensatedSum in Python/bltinmodule.c). */
type CompensatedSum = { hi: number; lo: number };

function csAdd(total: CompensatedSum, x: number): void {
  const t = total.hi + x;
  if (Math.abs(total.hi) >= Math.abs(x)) total.lo += (total.hi - t) + x;
  else total.lo += (x - t) + total.hi;
  total.hi = t;
}

/** cs_to_double: the compensation is left out when it is zero or not finite (it would turn inf into nan). */
function csToDouble(total: CompensatedSum): number {
  return total.lo && Number.isFinite(total.lo) ? total.hi + total.lo : total.hi;
}

/**
 * builtin_sum_impl (Python/bltinmodule.c): exact ints are summed in a C long, floats in a double, and (3.14)
 * complexes in two doubles, with no object made per item; the first item that does not fit turns the sum back into
 * an object, which may enter the next of these loops. Floats are compensated from 3.12 on (ints added to that sum
 * are compensated from 3.14 on).
 */
const sum: Fn = (args, kwnames) => {
  const [iterable, startArg] = bindArgs('sum', args, kwnames, ['iterable', 'start'], 1, 1);
  let acc: PyObject | null = startArg ? incref(startArg) : newInt(0);
  if (acc instanceof PyStr) { decref(acc); typeError("sum() can't sum strings [use ''.join(seq) instead]"); }
  if (acc.ob_type === rt.t.bytes) { decref(acc); typeError("sum() can't sum bytes [use b''.join(seq) instead]"); }
  const longBits = BigInt(8 * rt.version.ptr - 1);
  const fitsLong = (v: number | bigint): boolean => BigInt(v) >= -(1n << longBits) && BigInt(v) < 1n << longBits;
  // Which loop runs: 0 ints, 1 floats, 2 complexes, 3 the general one with PyNumber_Add.
  let loop = 0;
  let longSum = 0n;
  const re: CompensatedSum = { hi: 0, lo: 0 };
  const im: CompensatedSum = { hi: 0, lo: 0 };
  const enterLoop = (): void => {
    const o = acc!;
    if (loop === 0 && o.ob_type === rt.t.int && fitsLong((o as PyInt).value)) {
      longSum = BigInt((o as PyInt).value);
    } else if (loop <= 1 && o.ob_type === rt.t.float) {
      loop = 1;
      Object.assign(re, { hi: (o as PyFloat).value, lo: 0 });
    } else if (loop <= 2 && rt.v >= 314 && o.ob_type === rt.t.complex) {
      loop = 2;
      Object.assign(re, { hi: (o as PyComplex).real, lo: 0 });
      Object.assign(im, { hi: (o as PyComplex).imag, lo: 0 });
    } else {
      loop = 3;
      return;
    }
    decref(o);
    acc = null;
  };
  const addFloat = (total: CompensatedSum, x: number): void => {
    if (rt.v >= 312) csAdd(total, x);
    else total.hi += x;
  };
  /** The item joins the C sum of the running loop; false when it does not fit there. */
  const addInC = (item: PyObject): boolean => {
    if (loop === 0) {
      if (!(item.ob_type === rt.t.int || item.ob_type === rt.t.bool)) return false;
      const b = BigInt((item as PyInt).value);
      if (!fitsLong(b) || !fitsLong(longSum + b)) return false;
      longSum += b;
      return true;
    }
    if (loop === 1 && item.ob_type === rt.t.float) {
      addFloat(re, (item as PyFloat).value);
      return true;
    }
    if (loop === 2 && item.ob_type === rt.t.complex) {
      csAdd(re, (item as PyComplex).real);
      csAdd(im, (item as PyComplex).imag);
      return true;
    }
    if (item instanceof PyInt) {
      // 3.14 converts with PyLong_AsDouble (OverflowError past the float range); before, an int outside a C long
      // leaves the float loop.
      if (rt.v >= 314) {
        csAdd(re, intToFloat(item.value));
        return true;
      }
      if (!fitsLong(item.value)) return false;
      re.hi += Number(item.value);
      return true;
    }
    if (loop === 2 && item instanceof PyFloat) {
      csAdd(re, item.value);
      return true;
    }
    return false;
  };
  const toObject = (): PyObject => {
    if (loop === 0) return newInt(longSum);
    if (loop === 1) return newFloat(csToDouble(re));
    return newComplex(csToDouble(re), csToDouble(im));
  };
  try {
    enterLoop();
    iterate(iterable!, (item) => {
      try {
        if (acc === null && addInC(item)) return;
        const fromC = acc === null;
        if (fromC) acc = toObject();
        const next = binaryOp(acc!, item, 0);
        decref(acc!);
        acc = next;
        if (fromC) {
          loop++;
          enterLoop();
        }
      } finally {
        decref(item);
      }
    });
    if (acc === null) acc = toObject();
  } catch (e) {
    if (acc !== null) decref(acc);
    throw e;
  }
  return acc;
};

/**
 * enum_vectorcall (Objects/enumobject.c) parses enumerate(iterable, start=0) by hand, with its own messages in
 * every version: (iterable, start) in positional or keyword order.
 */
function enumerateArgs(args: PyObject[], kwnames: PyStr[] | null): [PyObject, PyObject | null] {
  const nkw = kwnames ? kwnames.length : 0;
  const nargs = args.length - nkw;
  const checkKeyword = (i: number, name: string): void => {
    const kw = kwnames![i].value;
    if (kw !== name) typeError(`'${kw}' is an invalid keyword argument for enumerate()`);
  };
  if (args.length === 2) {
    if (nkw === 1) checkKeyword(0, 'start');
    if (nkw === 2) {
      if (kwnames![0].value === 'start') {
        checkKeyword(1, 'iterable');
        return [args[1], args[0]];
      }
      checkKeyword(0, 'iterable');
      checkKeyword(1, 'start');
    }
    return [args[0], args[1]];
  }
  if (args.length === 1) {
    if (nkw === 1) checkKeyword(0, 'iterable');
    return [args[0], null];
  }
  if (nargs === 0) typeError("enumerate() missing required argument 'iterable'");
  return typeError(`enumerate() takes at most 2 arguments (${args.length} given)`);
}

const sorted: Fn = (args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  if (args.length - nkw !== 1) typeError(`sorted expected 1 argument, got ${args.length - nkw}`);
  // builtin_sorted: PySequence_List, then list.sort (which keeps the allocation)
  const list = listFromIterable(args[0]);
  try {
    const kw = args.slice(1);
    decref(callMethod(list, 'sort', kw, kwnames));
  } catch (e) {
    decref(list);
    throw e;
  }
  return list;
};

const isinstance: Fn = (args, kwnames) => {
  exactArgs('isinstance', args, 2, kwnames);
  return newBool(isInstanceOf(args[0], args[1]));
};

export function isInstanceOf(o: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstanceOf(o, c));
  if (o.ob_type === cls) return true;
  if (cls instanceof PyType && cls.ob_type.heapType) {
    const check = lookupType(cls.ob_type, '__instancecheck__');
    if (check && !(check instanceof PyBuiltin)) {
      const r = call(check, [cls, o]);
      const v = isTrue(r);
      decref(r);
      return v;
    }
  }
  if (!(cls instanceof PyType)) typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
  return isInstance(o, cls as PyType);
}

export function isSubclassOf(c: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) return cls.items.some((x) => isSubclassOf(c, x));
  if (cls instanceof PyType && cls.ob_type.heapType) {
    const check = lookupType(cls.ob_type, '__subclasscheck__');
    if (check && !(check instanceof PyBuiltin)) {
      const r = call(check, [cls, c]);
      const v = isTrue(r);
      decref(r);
      return v;
    }
  }
  if (!(c instanceof PyType)) typeError('issubclass() arg 1 must be a class');
  if (!(cls instanceof PyType)) typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return isSubtype(c as PyType, cls as PyType);
}

const getattr: Fn = (args, kwnames) => {
  rangeArgs('getattr', args, 2, 3, kwnames);
  const name = args[1];
  if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${typeName(name)}'`);
  if (args.length === 3) {
    const v = getAttrOpt(args[0], (name as PyStr).value);
    return v ?? incref(args[2]);
  }
  return getAttr(args[0], name as PyStr);
};

const hasattr: Fn = (args, kwnames) => {
  exactArgs('hasattr', args, 2, kwnames);
  const name = args[1];
  if (!(name instanceof PyStr)) typeError(`attribute name must be string, not '${typeName(name)}'`);
  const v = getAttrOpt(args[0], (name as PyStr).value);
  if (v) decref(v);
  return newBool(v !== null);
};

const setattr: Fn = (args, kwnames) => {
  exactArgs('setattr', args, 3, kwnames);
  if (!(args[1] instanceof PyStr)) typeError(`attribute name must be string, not '${typeName(args[1])}'`);
  setAttr(args[0], (args[1] as PyStr).value, args[2]);
  return incref(rt.None);
};

const delattr: Fn = (args, kwnames) => {
  exactArgs('delattr', args, 2, kwnames);
  if (!(args[1] instanceof PyStr)) typeError(`attribute name must be string, not '${typeName(args[1])}'`);
  setAttr(args[0], (args[1] as PyStr).value, null);
  return incref(rt.None);
};

const next: Fn = (args, kwnames) => {
  rangeArgs('next', args, 1, 2, kwnames);
  const it = args[0];
  if (!findSlot(it.ob_type, 'tp_iternext') && !lookupType(it.ob_type, '__next__')) {
    typeError(`'${typeName(it)}' object is not an iterator`);
  }
  // A generator's own StopIteration(value) reaches the caller of next() as it is.
  let v: PyObject | null;
  try {
    v = it.ob_type === rt.t.generator ? findSlot(it.ob_type, 'tp_iternext')!(it) : iterNext(it);
  } catch (e) {
    if (args.length === 2 && e instanceof Object && 'exc' in e && isInstance((e as { exc: PyObject }).exc, excType('StopIteration'))) {
      decref((e as { exc: PyObject }).exc);
      return incref(args[1]);
    }
    throw e;
  }
  if (v) return v;
  if (args.length === 2) return incref(args[1]);
  return raise(excType('StopIteration'));
};

const iter: Fn = (args, kwnames) => {
  rangeArgs('iter', args, 1, 2, kwnames);
  if (args.length === 1) return getIter(args[0]);
  const callable = args[0];
  return alloc(new PyIterator(iteratorType('callable_iterator'), incref(callable), 0, incref(args[1])), 4 * rt.version.ptr);
};

const id: Fn = (args, kwnames) => {
  exactArgs('id', args, 1, kwnames);
  return newInt(args[0].address);
};

const len: Fn = (args, kwnames) => {
  exactArgs('len', args, 1, kwnames);
  return newInt(length(args[0]));
};

const abs: Fn = (args, kwnames) => {
  exactArgs('abs', args, 1, kwnames);
  return unaryOp(args[0], 'abs');
};

/** PyCallable_Check */
export { isCallable };

const callable: Fn = (args, kwnames) => {
  exactArgs('callable', args, 1, kwnames);
  return newBool(isCallable(args[0]));
};

const hashFn: Fn = (args, kwnames) => {
  exactArgs('hash', args, 1, kwnames);
  return newInt(hash64(args[0]));
};

const reprFn: Fn = (args, kwnames) => {
  exactArgs('repr', args, 1, kwnames);
  return repr(args[0]);
};

const ascii: Fn = (args, kwnames) => {
  exactArgs('ascii', args, 1, kwnames);
  const r = repr(args[0]);
  const s = r.value.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x100 ? '\\x' + cp.toString(16).padStart(2, '0') : cp < 0x10000 ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
  });
  decref(r);
  return newStr(s);
};

function intToBase(prefix: string, radix: number): Fn {
  return (args, kwnames) => {
    exactArgs(prefix === '0b' ? 'bin' : prefix === '0o' ? 'oct' : 'hex', args, 1, kwnames);
    const v = indexValue(args[0]);
    const neg = typeof v === 'bigint' ? v < 0n : v < 0;
    const mag = typeof v === 'bigint' ? (neg ? -v : v) : Math.abs(v);
    return newStr((neg ? '-' : '') + prefix + mag.toString(radix));
  };
}

const chr: Fn = (args, kwnames) => {
  exactArgs('chr', args, 1, kwnames);
  const v = Number(indexValue(args[0]));
  if (v < 0 || v > 0x10ffff) raise(excType('ValueError'), 'chr() arg not in range(0x110000)');
  return newStr(String.fromCodePoint(v));
};

const ord: Fn = (args, kwnames) => {
  exactArgs('ord', args, 1, kwnames);
  const o = args[0];
  if (o instanceof PyStr) {
    const cps = [...o.value];
    if (cps.length !== 1) typeError(`ord() expected a character, but string of length ${cps.length} found`);
    return newInt(cps[0].codePointAt(0)!);
  }
  if (o.ob_type === rt.t.bytes || o.ob_type === rt.t.bytearray) {
    const b = (o as PyObject & { value: Uint8Array }).value;
    if (b.length !== 1) typeError(`ord() expected a character, but string of length ${b.length} found`);
    return newInt(b[0]);
  }
  return typeError(`ord() expected string of length 1, but ${typeName(o)} found`);
};

const divmod: Fn = (args, kwnames) => {
  exactArgs('divmod', args, 2, kwnames);
  const a = args[0];
  const b = args[1];
  const r = callSpecial(a, '__divmod__', [b]);
  if (r && r !== rt.NotImplemented) return r;
  if (r) decref(r);
  const q = binaryOp(a, b, 2);
  try {
    const m = binaryOp(a, b, 6);
    return newTuple([q, m]);
  } catch (e) {
    decref(q);
    throw e;
  }
};

const pow: Fn = (args, kwnames) => {
  const [base, exp, mod] = bindArgs('pow', args, kwnames, ['base', 'exp', 'mod'], 2);
  if (mod && mod !== rt.None) {
    const r = callSpecial(base!, '__pow__', [exp!, mod]);
    if (r) return r;
    typeError(`unsupported operand type(s) for ** or pow(): '${typeName(base!)}', '${typeName(exp!)}', '${typeName(mod)}'`);
  }
  return binaryOp(base!, exp!, 8);
};

const round: Fn = (args, kwnames) => {
  const [number, ndigits] = bindArgs('round', args, kwnames, ['number', 'ndigits'], 1);
  const m = lookupType(number!.ob_type, '__round__');
  if (!m) typeError(`type ${typeName(number!)} doesn't define __round__ method`);
  return callDescriptor(m!, number!, ndigits && ndigits !== rt.None ? [ndigits] : []);
};

const format: Fn = (args, kwnames) => {
  rangeArgs('format', args, 1, 2, kwnames);
  const spec = args.length > 1 ? args[1] : newStr('');
  try {
    const m = lookupType(args[0].ob_type, '__format__');
    const r = callDescriptor(m!, args[0], [spec]);
    if (!(r instanceof PyStr)) {
      const n = typeName(r);
      decref(r);
      typeError(`__format__ must return a str, not ${n}`);
    }
    return r;
  } finally {
    if (args.length === 1) decref(spec);
  }
};

const anyAll = (name: 'any' | 'all'): Fn => (args, kwnames) => {
  exactArgs(name, args, 1, kwnames);
  const it = getIter(args[0]);
  try {
    for (let x = iterNext(it); x; x = iterNext(it)) {
      const t = isTrue(x);
      decref(x);
      if (t === (name === 'any')) return newBool(name === 'any');
    }
  } finally {
    decref(it);
  }
  return newBool(name === 'all');
};

const vars: Fn = (args, kwnames) => {
  rangeArgs('vars', args, 0, 1, kwnames);
  if (!args.length) return locals([], null);
  const d = getAttrOpt(args[0], '__dict__');
  if (!d) typeError('vars() argument must have __dict__ attribute');
  return d!;
};

const dir: Fn = (args, kwnames) => {
  rangeArgs('dir', args, 0, 1, kwnames);
  if (!args.length) {
    const l = locals([], null) as PyDict;
    const names = dict.entries(l).map((e) => (e.key as PyStr).value).sort();
    decref(l);
    return newList(names.map((n) => newStr(n)));
  }
  const d = callSpecial(args[0], '__dir__', []);
  if (!d) typeError('object does not provide __dir__');
  const list = newList([]);
  iterate(d!, (x) => list.items.push(x));
  if (rt.trace !== null) rt.trace.listChanged(list, 0, Infinity);
  decref(d!);
  decref(callMethod(list, 'sort', []));
  return list;
};

const globals: Fn = () => incref(rt.frame!.globals);

const locals: Fn = () => frameLocals(rt.frame!);

const input: Fn = (args) => {
  if (args.length) writeStdout(strText(args[0]));
  const line = rt.stdin.shift();
  if (line === undefined) raise(excType('EOFError'), 'EOF when reading a line');
  return newStr(line!);
};

const open: Fn = (args) => {
  const name = args.length && args[0] instanceof PyStr ? args[0].value : '?';
  return raise(excType('OSError'), `not simulated: open(${JSON.stringify(name)}) (the simulation never touches files)`);
};

// ---------------------------------------------------------------- iterator types

function iteratorType(name: string): PyType {
  return rt.t.iterators.get(name)!;
}

function makeIteratorType(name: string, next: (it: PyIterator) => PyObject | null, clear: (it: PyIterator) => void, tpNew?: PyType['slots']['tp_new']): PyType {
  const t = new PyType(rt.t.type, name, rt.t.object);
  t.hasGC = true;
  // Python/bltinmodule.c and Objects/enumobject.c: enumobject (en_index, en_sit, en_result, en_longindex,
  // one_tuple), zipobject (tuplesize, ittuple, result, strict), mapobject (iters, func; 3.14 strict),
  // filterobject (func, it), after the object header.
  const words: Record<string, number> = { enumerate: 7, zip: 6, map: rt.v >= 314 ? 5 : 4, filter: 4 };
  t.basicsize = (words[name] ?? 6) * rt.version.ptr;
  t.mro = computeLinearMro(t);
  t.dict = newDict();
  t.slots.tp_iter = (self) => incref(self);
  t.slots.tp_iternext = (self) => next(self as PyIterator);
  t.slots.tp_clear = (self) => clear(self as PyIterator);
  t.slots.tp_traverse = (self, visit) => {
    const it = self as PyIterator;
    if (it.source) visit(it.source);
    const extra = it.extra;
    if (extra instanceof PyObject) visit(extra);
    if (Array.isArray(extra)) for (const x of extra) if (x instanceof PyObject) visit(x);
  };
  if (tpNew) t.slots.tp_new = tpNew;
  rt.t.iterators.set(name, t);
  return t;
}

function clearSourceAndExtra(it: PyIterator): void {
  const s = it.source;
  it.source = null;
  xdecref(s);
  const extra = it.extra;
  it.extra = null;
  if (extra instanceof PyObject) decref(extra);
  if (Array.isArray(extra)) for (const x of extra) if (x instanceof PyObject) decref(x);
}

function installIteratorTypes(): PyType[] {
  const enumerate = makeIteratorType('enumerate', (it) => {
    if (!it.source) return null;
    const x = iterNext(it.source);
    if (!x) return null;
    const counter = it.extra as PyInt;
    const idx = incref(counter);
    it.extra = newInt(typeof counter.value === 'bigint' ? counter.value + 1n : counter.value + 1);
    decref(counter);
    return newTuple([idx, x]);
  }, clearSourceAndExtra, (type, args, kwnames) => {
    const [iterable, start] = enumerateArgs(args, kwnames);
    const source = getIter(iterable!);
    return alloc(new PyIterator(type, source, 0, start ? newInt(indexValue(start)) : newInt(0)), 5 * rt.version.ptr);
  });
  const zip = makeIteratorType('zip', (it) => {
    const its = it.extra as PyObject[];
    if (!its.length) return null;
    const items: PyObject[] = [];
    for (let i = 0; i < its.length; i++) {
      const x = iterNext(its[i]);
      if (!x) {
        items.forEach(decref);
        if ((it as PyIterator & { strict?: boolean }).strict && (i > 0 || its.slice(1).some((o) => { const y = iterNext(o); if (y) { decref(y); return true; } return false; }))) {
          raise(excType('ValueError'), i > 0 ? `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's' : ''} 1${i > 1 ? `-${i}` : ''}` : `zip() argument 2 is longer than argument 1`);
        }
        return null;
      }
      items.push(x);
    }
    return newTuple(items);
  }, clearSourceAndExtra, (type, args, kwnames) => {
    const nkw = kwnames ? kwnames.length : 0;
    let strict = false;
    for (let i = 0; i < nkw; i++) {
      if (kwnames![i].value === 'strict') strict = isTrue(args[args.length - nkw + i]);
      else invalidKeyword('zip', kwnames![i].value, ['strict']);
    }
    const its: PyObject[] = [];
    try {
      for (const a of args.slice(0, args.length - nkw)) {
        try {
          its.push(getIter(a));
        } catch (e) {
          if (e instanceof Object && 'exc' in e) {
            decref((e as { exc: PyObject }).exc);
            typeError(`zip argument #${its.length + 1} must support iteration`);
          }
          throw e;
        }
      }
    } catch (e) {
      its.forEach(decref);
      throw e;
    }
    const z = alloc(new PyIterator(type, null, 0, its), 5 * rt.version.ptr);
    (z as PyIterator & { strict?: boolean }).strict = strict;
    return z;
  });
  const map = makeIteratorType('map', (it) => {
    const its = it.extra as PyObject[];
    const items: PyObject[] = [];
    for (const i of its) {
      const x = iterNext(i);
      if (!x) {
        items.forEach(decref);
        return null;
      }
      items.push(x);
    }
    try {
      return call(it.source!, items);
    } finally {
      items.forEach(decref);
    }
  }, clearSourceAndExtra, (type, args, kwnames) => {
    if (kwnames && kwnames.length) typeError('map() takes no keyword arguments');
    if (args.length < 2) typeError('map() must have at least two arguments.');
    const its: PyObject[] = [];
    try {
      for (const a of args.slice(1)) its.push(getIter(a));
    } catch (e) {
      its.forEach(decref);
      throw e;
    }
    return alloc(new PyIterator(type, incref(args[0]), 0, its), 4 * rt.version.ptr);
  });
  const filter = makeIteratorType('filter', (it) => {
    const source = it.extra as PyObject;
    for (;;) {
      const x = iterNext(source);
      if (!x) return null;
      let ok: boolean;
      if (it.source === null || it.source === rt.None) ok = isTrue(x);
      else if (it.source === rt.t.bool) ok = isTrue(x);
      else {
        const r = call(it.source, [x]);
        ok = isTrue(r);
        decref(r);
      }
      if (ok) return x;
      decref(x);
    }
  }, clearSourceAndExtra, (type, args, kwnames) => {
    if (kwnames && kwnames.length) typeError('filter() takes no keyword arguments');
    if (args.length !== 2) typeError(`filter expected 2 arguments, got ${args.length}`);
    const source = getIter(args[1]);
    return alloc(new PyIterator(type, incref(args[0]), 0, source), 4 * rt.version.ptr);
  });
  const reversed = makeIteratorType('reversed', (it) => {
    if (!it.source || it.index < 0) return null;
    const i = newInt(it.index);
    try {
      const v = getItem(it.source, i);
      it.index--;
      return v;
    } catch (e) {
      it.index = -1;
      if (e instanceof Object && 'exc' in e && (isInstance((e as { exc: PyObject }).exc, excType('IndexError')) || isInstance((e as { exc: PyObject }).exc, excType('StopIteration')))) {
        decref((e as { exc: PyObject }).exc);
        return null;
      }
      throw e;
    } finally {
      decref(i);
    }
  }, clearSourceAndExtra, (type, args, kwnames) => {
    exactArgs('reversed', args, 1, kwnames);
    const seq = args[0];
    const r = callSpecial(seq, '__reversed__', []);
    if (r) {
      if (r === rt.None) {
        decref(r);
        typeError(`'${typeName(seq)}' object is not reversible`);
      }
      return r;
    }
    if (!lookupType(seq.ob_type, '__getitem__') || !lookupType(seq.ob_type, '__len__') || seq instanceof PyDict) {
      typeError(`'${typeName(seq)}' object is not reversible`);
    }
    return alloc(new PyIterator(type, incref(seq), length(seq) - 1), 4 * rt.version.ptr);
  });
  makeIteratorType('callable_iterator', (it) => {
    if (!it.source) return null;
    const v = call(it.source, []);
    if (richCompareBool(v, it.extra as PyObject, EQ)) {
      decref(v);
      clearSourceAndExtra(it);
      return null;
    }
    return v;
  }, clearSourceAndExtra);
  return [enumerate, zip, map, filter, reversed];
}

// ---------------------------------------------------------------- the module

/** Fills the builtins dict: functions, types, constants. */
export function installBuiltins(d: PyDict): void {
  const fns: [string, Fn][] = [
    ['print', print], ['len', len], ['repr', reprFn], ['ascii', ascii], ['abs', abs], ['min', minmax('min', LT)],
    ['max', minmax('max', GT)], ['sum', sum], ['sorted', sorted], ['isinstance', isinstance],
    ['issubclass', (args, kw) => { exactArgs('issubclass', args, 2, kw); return newBool(isSubclassOf(args[0], args[1])); }],
    ['getattr', getattr], ['setattr', setattr], ['hasattr', hasattr], ['delattr', delattr], ['next', next],
    ['iter', iter], ['id', id], ['callable', callable], ['hash', hashFn], ['bin', intToBase('0b', 2)],
    ['oct', intToBase('0o', 8)], ['hex', intToBase('0x', 16)], ['chr', chr], ['ord', ord], ['divmod', divmod],
    ['pow', pow], ['round', round], ['format', format], ['any', anyAll('any')], ['all', anyAll('all')],
    ['vars', vars], ['dir', dir], ['globals', globals], ['locals', locals], ['input', input], ['open', open],
  ];
  for (const [name, fn] of fns) {
    const f = builtinFunction(name, fn);
    dict.setItemStr(d, name, f);
    decref(f);
  }
  const bc = makeBuildClass();
  dict.setItemStr(d, '__build_class__', bc);
  decref(bc);
  for (const t of installIteratorTypes()) dict.setItemStr(d, t.name, t);
  const t = rt.t;
  const types: [string, PyType][] = [
    ['object', t.object], ['type', t.type], ['int', t.int], ['bool', t.bool], ['float', t.float],
    ['complex', t.complex], ['str', t.str], ['bytes', t.bytes], ['bytearray', t.bytearray], ['list', t.list],
    ['tuple', t.tuple], ['dict', t.dict], ['set', t.set], ['frozenset', t.frozenset], ['range', t.range],
    ['slice', t.slice], ['property', t.property], ['staticmethod', t.staticmethod],
    ['classmethod', t.classmethod], ['super', t.super],
  ];
  for (const [name, type] of types) dict.setItemStr(d, name, type);
  for (const [name, type] of t.exc) dict.setItemStr(d, name, type);
  dict.setItemStr(d, 'EnvironmentError', t.exc.get('OSError')!);
  dict.setItemStr(d, 'IOError', t.exc.get('OSError')!);
  dict.setItemStr(d, 'None', rt.None);
  dict.setItemStr(d, 'True', rt.True);
  dict.setItemStr(d, 'False', rt.False);
  dict.setItemStr(d, 'NotImplemented', rt.NotImplemented);
  dict.setItemStr(d, 'Ellipsis', rt.Ellipsis);
  dict.setItemStr(d, '__debug__', rt.True);
  const name = newStr('builtins');
  dict.setItemStr(d, '__name__', name);
  decref(name);
}

